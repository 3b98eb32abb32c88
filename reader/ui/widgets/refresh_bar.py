"""A one-line progress bar for a refresh: sources done of total, new articles so far."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar


class RefreshBar(Horizontal):
    """Hidden until a refresh reports; shows ``Refreshing 12/200 · 37 new`` and a bar."""

    DEFAULT_CSS = """
    RefreshBar {
        display: none;
        height: 1;
        & > ProgressBar { width: auto; }
        & > ProgressBar > Bar { width: 12; }
        & > Label { width: 1fr; color: $text-muted; padding-left: 1; }
    }
    """

    def compose(self) -> ComposeResult:
        yield ProgressBar(total=1, show_eta=False, show_percentage=False)
        yield Label(markup=False)

    def show_progress(self, done: int, total: int, added: int) -> None:
        self.display = True
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)
        text = f"Refreshing {done}/{total}"
        if added:
            text += f" · {added} new"
        self.query_one(Label).update(Content(text))

    def finish(self) -> None:
        self.display = False

    @property
    def text(self) -> str:
        return str(self.query_one(Label).render())
