"""The article pane: title, source, byline and the wrapped paragraphs, scrollable,
with the named entities in the text highlighted by kind."""

from __future__ import annotations

from collections.abc import Sequence

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.geometry import Region
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from reader.entities.kinds import kind_of
from reader.links import OPENABLE_SCHEMES
from reader.model import Article, Entity, source_label
from reader.sanitize import clean_line
from reader.ui.entity_styles import CURRENT_MENTION, kind_style
from reader.ui.keys import motion_bindings
from reader.ui.text import content, line_content, published_label

MAX_BODY = 100_000
"""Characters of an article's text laid out at most: a 5 MB "article" would stall the UI
for many seconds; what is past this is announced in a note at the end."""


def link_content(url: str, note: str = "") -> Content:
    """The article's link, one line: an OSC 8 hyperlink where the terminal supports it,
    but only for http(s) addresses; anything else (``javascript:``…) is plain text."""
    url = clean_line(url)
    text = " · ".join(part for part in (url, clean_line(note)) if part)
    if not text:
        return Content("")
    line = Content(text)
    if url and url.split(":", 1)[0].lower() in OPENABLE_SCHEMES:
        line = line.stylize(Style(link=url, underline=True), 0, len(url))
    return line


def wrapped_line_of(text: str, offset: int, width: int) -> int:
    """The wrapped line (0-based) on which character ``offset`` of ``text`` is shown at ``width``."""
    if width <= 0:
        return 0
    before = text[:offset].split("\n")
    lines = sum(max(1, len(Content(line).wrap(width))) for line in before[:-1])
    return lines + max(1, len(Content(before[-1]).wrap(width))) - 1 if before[-1] else lines


class ArticleView(VerticalScroll, can_focus=True):
    """Shows one article. Every string in it is untrusted and shown literally."""

    BINDINGS = motion_bindings(
        "article",
        {
            "down": "scroll_down",
            "up": "scroll_up",
            "page_down": "page_down",
            "page_up": "page_up",
            "first": "scroll_home",
            "last": "scroll_end",
        },
        {"down": "Scroll down", "up": "Scroll up", "first": "Top", "last": "Bottom"},
    )

    DEFAULT_CSS = """
    ArticleView {
        padding: 0 1;
        & > #article-title { text-style: bold; color: $text; }
        & > #article-meta { color: $text-muted; margin-bottom: 1; }
        & > #article-note {
            display: none;
            border-left: outer $accent;
            padding-left: 1;
            margin-bottom: 1;
            color: $text;
            text-style: italic;
        }
        & > #article-body { color: $text; }
    }
    """

    class EndReached(Message):
        """Space (page down) was pressed with the end of the article already on screen."""

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        self.entities: Sequence[Entity] | None = None
        """The current article's entities, once recognised (None until then)."""
        self.highlight = True
        self.current_mention: Entity | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="article-title", markup=False)
        yield Static(id="article-meta", markup=False)
        yield Static(id="article-note", markup=False)
        yield Static(id="article-body", markup=False)

    @property
    def body_widget(self) -> Static:
        return self.query_one("#article-body", Static)

    def show(self, article: Article | None, note: str = "", empty_hint: str = "", link_note: str = "") -> None:
        """Show ``article`` from its top, plain until its entities arrive.

        ``note`` is the user's own note on it (a bookmark's), shown above the text;
        ``empty_hint`` says what to do when there is no article to show; ``link_note``
        follows the article's link (e.g. that the full story is shown).
        """
        self.article = article
        note_widget = self.query_one("#article-note", Static)
        note_widget.update(content(note))
        note_widget.display = bool(note.strip()) and article is not None
        self.entities = None
        self.current_mention = None
        title = self.query_one("#article-title", Static)
        meta = self.query_one("#article-meta", Static)
        if article is None:
            title.update(Content("No article"))
            meta.update(Content(empty_hint or "Nothing to show."))
            self.body_widget.update(Content(""))
            return
        title.update(line_content(article.title))
        # Publisher · section (one helper, one spelling of a missing source), then byline, date.
        parts = [source_label(article.source, article.section), f"By {article.byline}" if article.byline else ""]
        if article.published:
            parts.append(published_label(article.published))
        header = line_content(" · ".join(p for p in parts if p))
        link = link_content(article.url, link_note)
        if link.plain:  # the link on a line of its own under the publisher, byline and date
            header = Content("\n").join([header, link]) if header.plain else link
        meta.update(header)
        self._render_body()
        self.scroll_home(animate=False, immediate=True)

    # -- keys -------------------------------------------------------------------------
    # Every key scrolls at once, never animated: while an animation runs, the scroll
    # position lags its target, so the next key of a burst would scroll from the old
    # place (ten j's in one read scrolled one line, three Spaces one page).

    def _scroll_by(self, lines: float) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    def action_scroll_down(self) -> None:
        self._scroll_by(1)

    def action_scroll_up(self) -> None:
        self._scroll_by(-1)

    def action_page_down(self) -> None:
        if self.article is not None and self.scroll_y >= self.max_scroll_y:
            self.post_message(self.EndReached())  # the reading screen goes on to the next article
            return
        self._scroll_by(self.scrollable_content_region.height)

    def action_page_up(self) -> None:
        self._scroll_by(-self.scrollable_content_region.height)

    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False, immediate=True)

    def set_entities(self, entities: Sequence[Entity]) -> None:
        """Colour the shown article's entities (offsets into ``article.body``)."""
        self.entities = entities
        self._render_body(layout=False)

    def set_highlight(self, on: bool) -> None:
        self.highlight = on
        self._render_body(layout=False)

    def mark_mention(self, mention: Entity | None) -> None:
        """Mark ``mention`` as the current one and scroll it into the middle of the pane."""
        self.current_mention = mention
        self._render_body(layout=False)
        if mention is not None and self.article is not None:
            self.call_after_refresh(self._scroll_to_offset, mention.start)

    def _scroll_to_offset(self, offset: int) -> None:
        body = self.body_widget
        line = wrapped_line_of(self.article.body if self.article else "", offset, body.content_region.width)
        top = body.virtual_region.y + line
        self.scroll_to_region(Region(0, top, 1, 1), center=True, animate=False, immediate=True)

    def _render_body(self, layout: bool = True) -> None:
        """Show the body with its highlights. ``layout=False`` when only the styles changed
        (colouring entities, a mention marked): same text, same size, so no new layout of
        the whole screen (the most expensive part of a key in the list)."""
        if self.article is None:
            return
        text = self.article.body
        shown = text[:MAX_BODY]
        body = content(shown)
        spans: list[Span] = []
        if self.highlight and self.entities:
            no_color = self.app.no_color
            spans = [
                Span(e.start, min(e.end, len(shown)), kind_style(kind_of(e.label), no_color))
                for e in self.entities
                if e.start < len(shown)
            ]
        mention = self.current_mention
        if mention is not None and mention.start < len(shown):
            spans.append(Span(mention.start, min(mention.end, len(shown)), CURRENT_MENTION))
        rendered = Content(body.plain, spans) if spans else body
        if len(text) > len(shown):
            rendered = rendered + Content(
                f"\n\n[The article goes on for {len(text) - len(shown):,} more characters, not shown here: "
                f"Dateline shows the first {MAX_BODY:,} characters of an article.]"
            ).stylize("italic")
        self.body_widget.update(rendered, layout=layout)
