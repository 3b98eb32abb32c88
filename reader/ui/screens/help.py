"""``?``: every key, read from the bindings that really work."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import KeyAction
from reader.ui.text import safe
from reader.ui.widgets.key_footer import KeyFooter


def group_table(group: str, actions: Sequence[KeyAction]) -> Text:
    """One group of keys: a heading, then a key column and a description column."""
    width = max(len(" ".join(a.keys)) for a in actions) + 1
    text = Text()
    text.append(f"{group}\n", style="bold underline")  # the heading only (a Text's own style covers it all)
    for action in actions:
        text.append(f"{' '.join(action.keys):<{width}}", style="bold")
        text.append(f"{action.description}\n")
    text.rstrip()
    return text


class HelpScreen(ModalScreen[None]):
    """The keys, grouped by where they work, in two columns when there is room."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close", id="help.close", tooltip="Close the key list"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]

    def __init__(self, actions: Sequence[KeyAction]) -> None:
        super().__init__()
        self.actions = actions

    def compose(self) -> ComposeResult:
        # Its own footer: the box leaves the bottom row to it (the keys that close it).
        yield KeyFooter(show_command_palette=False)
        with VerticalScroll(id="help-body") as body:
            body.border_title = safe("Keys")
            body.border_subtitle = safe("Esc closes · Ctrl+P: every action by name")
            groups = [group_table(g, list(a)) for g, a in groupby(self.actions, key=lambda a: a.group)]
            with Horizontal(id="help-columns"):
                # Two columns when there is room; groups alternate between them.
                for column in (groups[0::2], groups[1::2]):
                    with Vertical(classes="help-column"):
                        for table in column:
                            yield Static(table, classes="help-group", markup=False)

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()
