"""The headline list: a line-API widget that renders only the rows on screen.

One widget for the whole list (never one widget per row), so it holds 100,000
headlines as easily as ten: each row is two lines (title, then source), drawn on
demand in :meth:`HeadlineList.render_line` with a small LRU cache of strips.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Article
from reader.ui.text import line_text

ROW_HEIGHT = 2
BOOKMARK_MARK = "★"


class HeadlineList(ScrollView, can_focus=True):
    """A cursor over a sequence of articles, shown as title and source."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g,home", "first", "First", show=False, id="list.first"),
        Binding("G,end", "last", "Last", show=False, id="list.last"),
        Binding("pagedown,space", "page_down", "Page down", show=False, id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up"),
        Binding("enter", "select", "Read", id="list.select", tooltip="Read the article"),
    ]

    COMPONENT_CLASSES = {
        "headline-list--cursor",
        "headline-list--source",
        "headline-list--mark",
        "headline-list--empty",
    }

    DEFAULT_CSS = """
    HeadlineList {
        overflow-x: hidden;
        overflow-y: auto;
        & > .headline-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .headline-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .headline-list--source { color: $text-muted; }
        & > .headline-list--mark { color: $warning; text-style: bold; }
        & > .headline-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class _ArticleMessage(Message):
        def __init__(self, headline_list: HeadlineList, article: Article | None) -> None:
            super().__init__()
            self.headline_list = headline_list
            self.article = article

        @property
        def control(self) -> HeadlineList:
            return self.headline_list

    class Highlighted(_ArticleMessage):
        """The cursor moved to another article (None: the list is empty).

        Coalesces: when the cursor moves faster than the screen can show articles
        (a held key), only the newest of the queued moves is acted on.
        """

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, HeadlineList.Highlighted) and message.headline_list is self.headline_list

    class Selected(_ArticleMessage):
        """The user chose to read the article under the cursor."""

    def __init__(
        self,
        articles: Sequence[Article] = (),
        *,
        empty_message: str = "No headlines.",
        subtitle: Callable[[Article], str] | None = None,
        on_select: Callable[[Article], None] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._articles: Sequence[Article] = articles
        self._marked: frozenset[str] = frozenset()
        self.empty_message = empty_message
        self.subtitle = subtitle or (lambda a: " · ".join(f for f in (a.section, a.source) if f) or "—")
        """The second line of each row (source and section unless told otherwise)."""
        self.on_select = on_select
        """Called at once with the chosen article, before ``Selected`` is posted: the
        screen shows it and moves the focus there before any key typed after Enter."""
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)

    # -- data -------------------------------------------------------------------------

    @property
    def articles(self) -> Sequence[Article]:
        return self._articles

    @property
    def highlighted(self) -> Article | None:
        """The article under the cursor, if any."""
        if 0 <= self.cursor < len(self._articles):
            return self._articles[self.cursor]
        return None

    def set_articles(self, articles: Sequence[Article], keep: str | None = None) -> None:
        """Show ``articles``; keep the cursor on the article with id ``keep`` if present."""
        self._articles = articles
        self._cache.clear()
        index = 0
        if keep is not None:
            index = next((i for i, a in enumerate(articles) if a.id == keep), 0)
        self._update_virtual_size()
        self.cursor = index
        self.refresh()

    def invalidate(self) -> None:
        """Draw every row again (what a row shows has changed)."""
        self._cache.clear()
        self.refresh()

    def set_marked(self, ids: frozenset[str] | set[str]) -> None:
        """Mark the articles whose ids are in ``ids`` (bookmarked headlines)."""
        self._marked = frozenset(ids)
        self._cache.clear()
        self.refresh()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, len(self._articles) * ROW_HEIGHT)

    # -- cursor -----------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._articles) - 1)) if self._articles else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.highlighted))

    def _refresh_row(self, index: int) -> None:
        y = index * ROW_HEIGHT - round(self.scroll_offset.y)
        self.refresh(Region(0, y, self.size.width, ROW_HEIGHT))

    def _scroll_to_cursor(self) -> None:
        if not self._articles:
            return
        row = Region(0, self.cursor * ROW_HEIGHT, 1, ROW_HEIGHT)
        self.scroll_to_region(row, animate=False, force=True, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self._update_virtual_size()
        self.call_after_refresh(self._scroll_to_cursor)

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height // ROW_HEIGHT - 1)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._articles) - 1

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_select(self) -> None:
        article = self.highlighted
        if article is not None:
            if self.on_select is not None:
                self.on_select(article)
            self.post_message(self.Selected(self, article))

    async def _on_click(self, event: events.Click) -> None:
        index = (event.y + round(self.scroll_offset.y)) // ROW_HEIGHT
        if 0 <= index < len(self._articles):
            already = index == self.cursor
            self.cursor = index
            if already or event.chain > 1:
                self.action_select()

    # -- rendering --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = y + round(self.scroll_offset.y)
        index, part = divmod(line, ROW_HEIGHT)
        base = self.rich_style
        if not self._articles:
            if line == 0:
                style = self.get_component_rich_style("headline-list--empty")
                return self._strip(Text(" " + self.empty_message, style=style), width, base)
            return Strip.blank(width, base)
        if index >= len(self._articles):
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        article = self._articles[index]
        key = (index, part, width, is_cursor, self.has_focus, article.id in self._marked, article.id)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        strip = self._render_row_line(article, part, width, is_cursor, base)
        self._cache[key] = strip
        return strip

    def _foreground(self, component: str) -> Style:
        """A component's colour and text style without its background (rows keep their own)."""
        style = self.get_component_rich_style(component)
        return Style(color=style.color, bold=style.bold, italic=style.italic)

    def _render_row_line(self, article: Article, part: int, width: int, is_cursor: bool, base: Style) -> Strip:
        row_style = base + self.get_component_rich_style("headline-list--cursor") if is_cursor else base
        if part == 0:
            marked = article.id in self._marked
            text = Text.assemble(
                (f"{BOOKMARK_MARK} " if marked else "  ", self._foreground("headline-list--mark")),
                line_text(article.title),
                no_wrap=True,
                overflow="ellipsis",
                end="",
            )
        else:
            source_style = Style() if is_cursor else self._foreground("headline-list--source")
            text = Text("  ", end="", no_wrap=True, overflow="ellipsis")
            text.append_text(line_text(self.subtitle(article), style=source_style))
        return self._strip(text, width, row_style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        text.truncate(max(width - 1, 1), overflow="ellipsis")
        text.pad_right(max(width - text.cell_len, 0))
        segments = [Segment(s.text, style + s.style if s.style else style) for s in text.render(self.app.console)]
        return Strip(segments, width).adjust_cell_length(width, style).simplify()
