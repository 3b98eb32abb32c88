"""The article pane: title, source, byline and the wrapped paragraphs, scrollable,
with the named entities in the text highlighted by kind."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.geometry import Region
from textual.style import Style
from textual.widgets import Static

from reader.entities.kinds import kind_of
from reader.links import OPENABLE_SCHEMES
from reader.model import Article, Entity, source_label
from reader.sanitize import clean_line
from reader.ui.entity_styles import CURRENT_MENTION, kind_style
from reader.ui.text import content, line_content


def local_time(published: str) -> str:
    """An ISO 8601 time (stored in UTC) shown in the local time zone, to the minute; a bare
    date, or text that is not ISO 8601, as it is."""
    try:
        moment = datetime.fromisoformat(published.strip())
    except ValueError:
        return published
    if len(published.strip()) <= 10:
        return published  # a date alone
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


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

    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False, id="article.down"),
        Binding("k,up", "scroll_up", "Scroll up", show=False, id="article.up"),
        Binding("space,pagedown", "page_down", "Page down", show=False, id="article.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="article.page_up"),
        Binding("g,home", "scroll_home", "Top", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "Bottom", show=False, id="article.bottom"),
    ]

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
            parts.append(local_time(article.published))
        header = line_content(" · ".join(p for p in parts if p))
        link = link_content(article.url, link_note)
        if link.plain:  # the link on a line of its own under the publisher, byline and date
            header = Content("\n").join([header, link]) if header.plain else link
        meta.update(header)
        self._render_body()
        self.scroll_home(animate=False, immediate=True)

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
        body = content(self.article.body)
        spans: list[Span] = []
        if self.highlight and self.entities:
            no_color = self.app.no_color
            spans = [Span(e.start, e.end, kind_style(kind_of(e.label), no_color)) for e in self.entities]
        if self.current_mention is not None:
            spans.append(Span(self.current_mention.start, self.current_mention.end, CURRENT_MENTION))
        self.body_widget.update(Content(body.plain, spans) if spans else body, layout=layout)
