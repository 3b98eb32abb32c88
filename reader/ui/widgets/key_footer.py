"""The footer, fitted to the terminal's width.

Textual's footer cuts off whatever does not fit ("q Qu" at 60 columns). This one goes
compact below :data:`COMPACT_BELOW` columns, and if the keys still do not fit, leaves
out the least needed from the end; the keys that get a person out or show the rest
(q, Esc, ?) always stay.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

COMPACT_BELOW = 80
# Actions whose keys are never left out: ? lists every other key.
ESSENTIAL = frozenset({"help", "app.help", "back(True)", "back", "dismiss", "close", "quit", "app.quit"})


def key_width(key: FooterKey, compact: bool) -> int:
    """The cells ``key`` takes in the footer (its padding and margin included)."""
    label = cell_len(key.key_display)
    description = cell_len(key.description)
    if compact:
        return label + (1 + description if description else 0) + 1
    return label + 2 + (description + 1 if description else 0)


class KeyFooter(Footer):
    """A footer that never cuts a key in half."""

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        width = self.app.size.width
        compact = width < COMPACT_BELOW
        keys = [w for w in widgets if isinstance(w, FooterKey)]
        used = sum(key_width(k, compact) for k in keys)
        for key in reversed(keys):
            if used <= width:
                break
            if key.action not in ESSENTIAL:
                key.display = False
                used -= key_width(key, compact)
        yield from widgets

    def on_mount(self) -> None:
        self.compact = self.app.size.width < COMPACT_BELOW

    def on_resize(self, event: events.Resize) -> None:
        compact = event.size.width < COMPACT_BELOW
        if compact != self.compact:
            self.compact = compact
        self.refresh(recompose=True)
