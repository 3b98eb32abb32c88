"""The UI never waits on another process holding the bookmarks file: the write goes to the
background, the user is told, and the bookmark is saved (and marked) once the file is free."""

from __future__ import annotations

import asyncio
import sqlite3

from support import library_app, screen_text, seed_articles, toasts

from reader.store import BookmarkStore, default_path
from reader.ui.widgets.headline_list import BOOKMARK_MARK


async def test_a_locked_bookmarks_file_does_not_freeze_the_ui() -> None:
    articles = seed_articles()
    with BookmarkStore() as store:
        store.add(articles[5])  # the file exists, in WAL mode
    app = library_app(recognise=lambda text: [])
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        other = sqlite3.connect(default_path(), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another Dateline in the middle of a write
        try:
            await pilot.press("b", "j", "b")  # two writes: both queue, in order
            await pilot.pause()
            assert app.bookmarks.pending == 2
            assert any("saving in the background" in toast for toast in toasts(app))
            await pilot.press("j", "j")  # the UI still answers keys
            assert app.screen.headlines.cursor == 3
        finally:
            other.execute("ROLLBACK")
            other.close()
        await asyncio.get_running_loop().run_in_executor(None, app.bookmarks.wait)
        await pilot.pause()
        assert app.bookmarks.pending == 0
        with BookmarkStore() as store:
            assert store.ids() == {articles[0].id, articles[1].id, articles[5].id}
        assert f"{BOOKMARK_MARK} {articles[1].title[:15]}" in screen_text(app)  # marked once saved
        assert any(f"Bookmarked: {articles[1].title[:20]}" in toast for toast in toasts(app))
