"""The headline list: a line-API widget that renders only the rows on screen.

One widget for the whole list (never one widget per row), one line per headline, in
columns as newsboat draws them::

    •★ Title of the story, cut with an ellipsis when long …   The New York Times    3h

marks that do not rely on colour (``•`` and bold: unread; ``★``: bookmarked), the title,
the source and the age. Rows come from a :class:`~reader.ui.rows.RowProvider` a window at
a time (a block of rows around the ones drawn), and drawn lines are kept in a small LRU
cache of strips, so 100,000 headlines cost what the 21 on screen cost.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

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

from reader.model import source_label
from reader.sanitize import clean_line
from reader.ui.rows import EmptyRows, HeadlineRow, RowProvider, age_label

BOOKMARK_MARK = "★"
UNREAD_MARK = "•"
# Rows are fetched from the provider in blocks of this many (one query draws a screenful).
BLOCK = 64
# The age column: "now", "45m", "3h", "2d", "Nov 12", "2023".
AGE_WIDTH = 6
# Below this many cells of content the source column is dropped (the article pane names it).
SOURCE_COLUMN_FROM = 60


def columns(width: int) -> tuple[int, int]:
    """``(title, source)`` widths for a list ``width`` cells wide (source 0: no column).

    The marks take 3 cells, the age 6 and one space separates each column; the source
    column gets a fifth of the width (12 to 24 cells), the title the rest, so wider
    terminals show longer titles rather than emptier rows.
    """
    marks = 3
    if width >= SOURCE_COLUMN_FROM:
        source = max(12, min(24, width // 5))
        return max(width - marks - source - AGE_WIDTH - 2, 1), source
    return max(width - marks - AGE_WIDTH - 1, 1), 0


def fit(text: str, width: int, *, right: bool = False) -> str:
    """``text`` in exactly ``width`` cells: cut with an ellipsis when longer, padded when
    shorter. Wide characters count double, so the columns after it stay put."""
    if width <= 0:
        return ""
    line = Text(text, no_wrap=True, end="")
    if line.cell_len > width:
        line.truncate(width, overflow="ellipsis")
    pad = " " * max(width - line.cell_len, 0)
    return pad + line.plain if right else line.plain + pad


class HeadlineList(ScrollView, can_focus=True):
    """A cursor over the rows of a :class:`RowProvider`, one line per headline."""

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
        "headline-list--unread",
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
        }
        & > .headline-list--source { color: $text-muted; }
        & > .headline-list--mark { color: $warning; text-style: bold; }
        & > .headline-list--unread { text-style: bold; }
        & > .headline-list--empty { color: $text-muted; text-style: italic; }
    }
    """

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class _RowMessage(Message):
        def __init__(self, headline_list: HeadlineList, row: HeadlineRow | None) -> None:
            super().__init__()
            self.headline_list = headline_list
            self.row = row

        @property
        def control(self) -> HeadlineList:
            return self.headline_list

    class Highlighted(_RowMessage):
        """The cursor moved to another row (None: the list is empty).

        Coalesces: when the cursor moves faster than the screen can show articles
        (a held key), only the newest of the queued moves is acted on.
        """

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, HeadlineList.Highlighted) and message.headline_list is self.headline_list

    class Selected(_RowMessage):
        """The user chose to read the row under the cursor."""

    def __init__(
        self,
        rows: RowProvider | None = None,
        *,
        empty_message: str = "No headlines.",
        source_of: Callable[[HeadlineRow], str] | None = None,
        on_select: Callable[[HeadlineRow], None] | None = None,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: RowProvider = rows if rows is not None else EmptyRows()
        self._count = len(self._rows)
        self._marked: frozenset[str] = frozenset()
        self.empty_message = empty_message
        self.source_of = source_of or (lambda row: source_label(row.source, row.section))
        """The source column of a row (publisher · section unless told otherwise)."""
        self.on_select = on_select
        """Called at once with the chosen row, before ``Selected`` is posted: the
        screen shows it and moves the focus there before any key typed after Enter."""
        self.now: Callable[[], datetime] = lambda: datetime.now(UTC)
        """The clock ages are counted from (a test or a screenshot may freeze it)."""
        self._blocks: LRUCache[int, list[HeadlineRow]] = LRUCache(16)
        self._cache: LRUCache[tuple, Strip] = LRUCache(1024)

    # -- data -------------------------------------------------------------------------

    @property
    def rows(self) -> RowProvider:
        return self._rows

    def __len__(self) -> int:
        return self._count

    def row_at(self, index: int) -> HeadlineRow | None:
        """The row at ``index`` (fetched with its block of neighbours when not cached)."""
        if not 0 <= index < self._count:
            return None
        block, offset = divmod(index, BLOCK)
        rows = self._blocks.get(block)
        if rows is None:
            rows = list(self._rows.window(block * BLOCK, BLOCK))
            self._blocks[block] = rows
        return rows[offset] if offset < len(rows) else None

    @property
    def highlighted(self) -> HeadlineRow | None:
        """The row under the cursor, if any."""
        return self.row_at(self.cursor)

    def set_rows(self, rows: RowProvider, keep: str | None = None) -> None:
        """Show ``rows``; keep the cursor on the article with id ``keep`` if present."""
        self._rows = rows
        self._count = len(rows)
        self._blocks.clear()
        self._cache.clear()
        index = 0
        if keep is not None:
            index = rows.index_of(keep) or 0
        self._update_virtual_size()
        self.cursor = index
        self.refresh()

    def invalidate(self) -> None:
        """Fetch and draw every row again (what a row shows has changed: read state, marks)."""
        self._blocks.clear()
        self._cache.clear()
        self.refresh()

    def set_marked(self, ids: frozenset[str] | set[str]) -> None:
        """Mark the articles whose ids are in ``ids`` (bookmarked headlines)."""
        self._marked = frozenset(ids)
        self._cache.clear()
        self.refresh()

    def _update_virtual_size(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self._count)

    # -- cursor -----------------------------------------------------------------------

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, self._count - 1)) if self._count else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        self._scroll_to_cursor()
        self.post_message(self.Highlighted(self, self.highlighted))

    def _refresh_row(self, index: int) -> None:
        y = index - round(self.scroll_offset.y)
        self.refresh(Region(0, y, self.size.width, 1))

    def _scroll_to_cursor(self) -> None:
        if not self._count:
            return
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, force=True, immediate=True)

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
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = self._count - 1

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_select(self) -> None:
        row = self.highlighted
        if row is not None:
            if self.on_select is not None:
                self.on_select(row)
            self.post_message(self.Selected(self, row))

    async def _on_click(self, event: events.Click) -> None:
        index = event.y + round(self.scroll_offset.y)
        if 0 <= index < self._count:
            already = index == self.cursor
            self.cursor = index
            if already or event.chain > 1:
                self.action_select()

    # -- rendering --------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + round(self.scroll_offset.y)
        base = self.rich_style
        if not self._count:
            if index == 0:
                style = self.get_component_rich_style("headline-list--empty")
                text = Text(" " + self.empty_message, style=style, no_wrap=True, end="")
                text.truncate(width, overflow="ellipsis", pad=True)
                return self._strip(text, width, base)
            return Strip.blank(width, base)
        if index >= self._count:
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        key = (index, width, is_cursor, self.has_focus)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        row = self.row_at(index)
        strip = Strip.blank(width, base) if row is None else self._render_row(row, width, is_cursor, base)
        self._cache[key] = strip
        return strip

    def _foreground(self, component: str) -> Style:
        """A component's colour and text style without its background (rows keep their own)."""
        style = self.get_component_rich_style(component)
        return Style(color=style.color, bold=style.bold, italic=style.italic)

    def _render_row(self, row: HeadlineRow, width: int, is_cursor: bool, base: Style) -> Strip:
        row_style = base + self.get_component_rich_style("headline-list--cursor") if is_cursor else base
        title_width, source_width = columns(width)
        mark = self._foreground("headline-list--mark")
        muted = Style() if is_cursor else self._foreground("headline-list--source")
        unread = not row.read
        title_style = self._foreground("headline-list--unread") if unread else Style()
        text = Text(no_wrap=True, end="")
        text.append(UNREAD_MARK if unread else " ", title_style)
        text.append(BOOKMARK_MARK if row.id in self._marked else " ", mark)
        text.append(" ")
        text.append(fit(clean_line(row.title), title_width), title_style)
        if source_width:
            text.append(" ")
            text.append(fit(clean_line(self.source_of(row)), source_width), muted)
        text.append(" ")
        text.append(fit(age_label(row.published, self.now()), AGE_WIDTH, right=True), muted)
        return self._strip(text, width, row_style)

    def _strip(self, text: Text, width: int, style: Style) -> Strip:
        segments = [Segment(s.text, style + s.style if s.style else style) for s in text.render(self.app.console)]
        return Strip(segments, width).adjust_cell_length(width, style).simplify()
