"""Characters whose width Rich and terminals disagree on never shift a pane border.

A terminal without grapheme clustering (xterm, tmux, most over SSH) draws every code
point by its own width: a skin-tone modifier as a second wide emoji, a ZWJ family as
three, VS16 as nothing. Rich clusters them. The sanitiser drops what would make the two
disagree; this test measures each row the terminal's way and wants the screen's width.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from support import library_app, write_dump

TITLE = "Fans 👍🏽 cheer 👨\u200d👩\u200d👧 family ☺️ flags 🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f and 🇫🇷"


def terminal_width(text: str) -> int:
    """Cells a code-point-at-a-time terminal (wcwidth rules) advances for ``text``."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


async def test_emoji_clusters_do_not_shift_pane_borders(tmp_path: Path) -> None:
    corpus = write_dump(tmp_path / "emoji.txt", [(TITLE, f"{TITLE}\n\nMore {TITLE} in the body.")])
    app = library_app(corpus, recognise=lambda text: [])
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        rows = [strip.text for strip in app.screen._compositor.render_strips()]
        widths = {terminal_width(row) for row in rows}
        assert widths == {100}, [(terminal_width(row), row) for row in rows if terminal_width(row) != 100]
        assert any("Fans 👍 cheer" in row for row in rows)  # the emoji are there, modifier dropped
