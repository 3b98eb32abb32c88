"""A small dialog to write a bookmark's note."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from reader.ui.text import line_content, safe


class NoteScreen(ModalScreen[str | None]):
    """Enter saves the note, Esc leaves it as it was. (Also the tags dialog: ``heading``
    and ``placeholder`` say which.)"""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, title: str, note: str, *, heading: str = "Note", placeholder: str = "Why this matters…") -> None:
        super().__init__()
        self.article_title = title
        self.note = note
        self.heading = heading
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="note-dialog") as dialog:
            dialog.border_title = safe(self.heading)
            dialog.border_subtitle = safe("Enter saves · Esc cancels")
            yield Static(line_content(self.article_title), id="note-title", markup=False)
            yield Input(value=self.note, placeholder=self.placeholder, id="note-input")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
