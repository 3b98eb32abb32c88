"""``?``: every key, read from the bindings that really work."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import KeyAction


class HelpScreen(ModalScreen[None]):
    """A scrollable table of keys, grouped by where they work."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]

    def __init__(self, actions: Sequence[KeyAction]) -> None:
        super().__init__()
        self.actions = actions

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "Esc closes · Ctrl+P: every action by name"
            yield Static(self._table(), id="help-table", markup=False)

    def _table(self) -> Text:
        text = Text()
        width = max((len(" ".join(a.keys)) for a in self.actions), default=8) + 2
        group = None
        for action in self.actions:
            if action.group != group:
                if group is not None:
                    text.append("\n")
                group = action.group
                text.append(f"{group}\n", style="bold underline")
            keys = " ".join(action.keys)
            text.append(f"  {keys:<{width}}", style="bold")
            text.append(f"{action.description}\n")
        text.rstrip()
        return text

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()
