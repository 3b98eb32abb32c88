"""Very long text is cut with a note, not laid out whole (a 5 MB "article" or "title"
stalled the UI for many seconds)."""

from __future__ import annotations

from pathlib import Path

from support import library_app, screen_text, write_dump
from textual.widgets import Static

from reader.ui.text import MAX_LINE
from reader.ui.widgets.article_view import MAX_BODY


async def test_a_huge_article_is_cut_with_a_note_and_a_huge_title_with_an_ellipsis(tmp_path: Path) -> None:
    paragraph = "Words of a very long article go on and on. " * 50
    body = "\n\n".join(f"{n}. {paragraph}" for n in range(3 * MAX_BODY // len(paragraph)))  # no two alike
    corpus = write_dump(tmp_path / "huge.txt", [("Endless " * 100_000, body), ("Small", "x")])
    app = library_app(corpus, recognise=lambda text: [])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        shown = app.screen.query_one("#article-body", Static).visual.plain
        assert len(shown) < MAX_BODY + 200
        assert shown.endswith(f"Dateline shows the first {MAX_BODY:,} characters of an article.]")
        title = app.screen.query_one("#article-title", Static).visual.plain
        assert len(title) == MAX_LINE and title.endswith("…")
        assert "Endless Endless" in screen_text(app)  # the list shows the (cut) title too
