"""``s``: choose a source. Every library source with its unread and total counts, and "All"."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library import Library, SourceInfo
from reader.sanitize import clean_line

ALL = ""
"""What the picker returns for "All sources" (None: the user cancelled)."""


class SourcesCounted(Message):
    def __init__(self, sources: list[SourceInfo]) -> None:
        super().__init__()
        self.sources = sources


class SourcesScreen(ModalScreen[str | None]):
    """Enter narrows the headlines to the highlighted source; Esc (or q) leaves them as they were."""

    BINDINGS = [
        Binding("escape,q", "cancel", "Cancel", id="sources.cancel", tooltip="Close without choosing"),
        Binding("j", "cursor_down", "Down", show=False, id="sources.down"),
        Binding("k", "cursor_up", "Up", show=False, id="sources.up"),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library

    def compose(self) -> ComposeResult:
        with Vertical(id="sources-dialog") as dialog:
            dialog.border_title = "Sources"
            dialog.border_subtitle = "Enter chooses · Esc closes"
            yield OptionList(Option(Content("Counting…"), disabled=True), id="sources-list", markup=False)

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#sources-list", OptionList)

    def on_mount(self) -> None:
        self.set_focus(self.option_list)
        self._count()

    @work(thread=True, exclusive=True, group="sources", exit_on_error=False)
    def _count(self) -> None:
        # Counting unread per source reads the whole library's index: off the UI thread.
        self.post_message(SourcesCounted(self.library.sources()))

    @on(SourcesCounted)
    def _counted(self, event: SourcesCounted) -> None:
        options = self.option_list
        options.clear_options()
        width = max((len(clean_line(s.name)) for s in event.sources), default=0)
        width = min(max(width, len("All sources")), 40)
        unread = sum(s.unread for s in event.sources)
        total = sum(s.total for s in event.sources)
        options.add_option(Option(self._line("All sources", unread, total, width, "bold"), id="all"))
        for index, source in enumerate(event.sources):
            line = self._line(clean_line(source.name), source.unread, source.total, width)
            if source.error:
                line = line + Content(f"  ⚠ {clean_line(source.error)}").stylize("$text-error")
            options.add_option(Option(line, id=f"source-{index}"))
        self._names = {"all": ALL} | {f"source-{i}": s.name for i, s in enumerate(event.sources)}
        options.highlighted = 0

    @staticmethod
    def _line(name: str, unread: int, total: int, width: int, style: str = "") -> Content:
        cut = name if len(name) <= width else name[: width - 1] + "…"
        label = Content(f"{cut:<{width}}")
        if style:
            label = label.stylize(style)
        return Content.assemble(label, f"  {unread:>7,} unread  {total:>9,} in all")

    @on(OptionList.OptionSelected, "#sources-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._names.get(event.option.id or "", ALL))

    def action_cursor_down(self) -> None:
        self.option_list.action_cursor_down()

    def action_cursor_up(self) -> None:
        self.option_list.action_cursor_up()

    def action_cancel(self) -> None:
        self.dismiss(None)
