"""Bookmarks in the app: b, the ★ mark, the bookmarks screen (d/u/m/t, /, Esc), failures."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import library_app, rows, screen_text, seed_app, seed_articles, toasts, wait_for_text

from reader.store import BookmarkStore, StoreError, default_path
from reader.ui.screens.main import MainScreen
from reader.ui.screens.note import NoteScreen
from reader.ui.screens.saved import BookmarksScreen
from reader.ui.widgets.headline_list import BOOKMARK_MARK, HeadlineList

SIZE = (80, 24)


def saved_ids() -> set[str]:
    with BookmarkStore() as store:
        return store.ids()


async def test_b_bookmarks_marks_and_removes(tmp_path: Path) -> None:
    app = seed_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "b")
        await pilot.pause()
        second = seed_articles()[1]
        assert saved_ids() == {second.id}
        # The toast can be a frame behind on a busy machine: wait for it (bounded), then look.
        text = await wait_for_text(pilot, "Bookmarked: Huawei can technically")
        assert f"{BOOKMARK_MARK} Huawei can technically" in text  # a mark that is not only colour
        assert "Bookmarked: Huawei can technically" in text
        await pilot.press("enter", "b")  # from the article pane too: removes it
        await pilot.pause()
        assert saved_ids() == set()
        assert BOOKMARK_MARK not in screen_text(app).split("\n")[3]
        await pilot.press("u")  # undo puts it back
        await pilot.pause()
        assert saved_ids() == {second.id}


async def test_bookmarks_screen_lists_reads_removes_undoes_and_notes() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("b", "j", "j", "b")  # first, then third article
        await pilot.press("B")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BookmarksScreen)
        listed = [a.title for a in rows(screen.query_one(HeadlineList))]
        assert listed == [seed_articles()[2].title, seed_articles()[0].title]  # newest first
        lines = screen_text(app).splitlines()
        assert "Bookmarks 2" in lines[0]
        assert lines[1].rstrip(" │").endswith("now")  # the date column: when it was saved
        # Notes: m opens a dialog; Enter saves.
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"chip ban", "enter")
        await pilot.pause()
        assert app.screen is screen
        with BookmarkStore() as store:
            assert store.get(seed_articles()[2].id).note == "chip ban"
        assert "✎ chip ban · " in screen_text(app)  # the list shows a bookmark's note
        await pilot.press("enter")  # the article, with the note above its text
        await pilot.pause()
        assert "chip ban" in screen_text(app)
        await pilot.press("escape")
        # The filter searches notes too.
        await pilot.press("slash", *"chip", "enter")
        await pilot.pause()
        assert [a.id for a in rows(screen.query_one(HeadlineList))] == [seed_articles()[2].id]
        await pilot.press("escape")
        await pilot.pause()
        # d removes, u undoes with the note intact.
        await pilot.press("d")
        await pilot.pause()
        assert saved_ids() == {seed_articles()[0].id}
        await pilot.press("u")
        await pilot.pause()
        with BookmarkStore() as store:
            assert store.get(seed_articles()[2].id).note == "chip ban"
        assert len(rows(screen.query_one(HeadlineList))) == 2
        # Esc returns to the headlines, whose marks follow what changed.
        await pilot.press("d", "escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.screen.headlines._marked == {seed_articles()[0].id}


async def test_note_dialog_escape_keeps_the_note() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b", "B", "m", *"draft", "escape")
        await pilot.pause()
        with BookmarkStore() as store:
            assert store.get(seed_articles()[0].id).note == ""


async def test_empty_bookmarks_screen_says_how_to_save() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B")
        await pilot.pause()
        assert "No bookmarks yet." in screen_text(app)
        await pilot.press("tab")  # the article side (full width at 80 columns) says what to do
        await pilot.pause()
        assert "Press Esc to go back, then b" in screen_text(app)
        await pilot.press("escape")
        await pilot.press("d", "m", "t")  # nothing to act on: nothing happens
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)


async def test_a_failing_store_notifies_and_the_app_keeps_running(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self, article, note="", tags=()):
        raise StoreError("cannot save bookmarks: /data is read-only")

    monkeypatch.setattr(BookmarkStore, "add", refuse)
    app = seed_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert "Bookmarks\ncannot save bookmarks: /data is read-only" in toasts(app)
        await pilot.press("j")
        assert app.screen.query_one(HeadlineList).cursor == 1
        assert app.is_running


async def test_a_damaged_bookmarks_file_is_moved_aside_and_the_user_told() -> None:
    path = default_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    app = seed_app()
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        moved = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
        assert len(moved) == 1 and moved[0].read_bytes() == b"this is not a database" * 100
        [toast] = toasts(app)
        assert toast.startswith("Bookmarks\nBookmarks: the bookmarks file was damaged")
        assert f"moved to {moved[0]}" in toast
        await pilot.press("b")
        await pilot.pause()
        assert saved_ids() == {seed_articles()[0].id}


async def test_hostile_note_is_shown_literally() -> None:
    app = seed_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("b", "B", "m", *"[@click=app.quit]x[/]", "enter", "enter")
        await pilot.pause()
        assert "[@click=app.quit]x[/]" in screen_text(app)
        assert app.is_running


async def test_bookmarks_survive_their_source(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text("Gone tomorrow\n\nGone tomorrow\n\nA story that will vanish.\n\nRead More\n", encoding="utf-8")
    app = library_app(source)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b")
    source.unlink()
    app = seed_app()  # a different source entirely
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("B", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Gone tomorrow" in text and "A story that will vanish." in text


async def test_help_on_bookmarks_screen_lists_its_keys() -> None:
    app = seed_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("B", "question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Bookmarks screen" in text and "Remove" in text and "Note" in text and "Undo" in text


async def test_b_in_a_burst_bookmarks_the_headline_under_the_cursor() -> None:
    """Keys arriving together ("jjb") act before the article pane has caught up."""
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:  # the article beside the list
        await pilot.pause()
        screen = app.screen
        screen.headlines.cursor = 2  # moved, but its Highlighted message not handled yet
        assert screen.article_view.article.id == seed_articles()[0].id
        screen.action_toggle_bookmark()
        assert saved_ids() == {seed_articles()[2].id}


async def test_notes_and_tags_show_in_the_list_and_tags_filter() -> None:
    app = seed_app()
    async with app.run_test(size=(130, 30)) as pilot:  # wide: list and article side by side
        await pilot.press("b", "j", "b", "B")  # two bookmarks; the newest (second article) first
        await pilot.pause()
        screen = app.screen
        await pilot.press("t", *"china, #chips", "enter")
        await pilot.press("m", *"read again", "enter")
        await pilot.pause()
        with BookmarkStore() as store:
            saved = store.get(seed_articles()[1].id)
        assert saved.tags == ("china", "chips") and saved.note == "read again"
        text = screen_text(app)
        assert "▌ read again" in text and "▌ #china #chips" in text  # above the article
        # The list beside the article is too narrow for a source column; full width (z) has one.
        await pilot.press("z")
        await pilot.pause()
        row = next(line for line in screen_text(app).split("\n") if "#china #chips" in line)  # in the list itself
        assert "✎ read" in row
        await pilot.press("z")
        await pilot.pause()
        # #tag in the filter finds the tag; the other bookmark has none.
        await pilot.press("slash", *"#chips", "enter")
        await pilot.pause()
        assert [row.id for row in rows(screen.headlines)] == [seed_articles()[1].id]
        await pilot.press("escape")
        # The tags dialog starts from the tags there are; clearing it removes them.
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#note-input").value == "#china #chips"
        await pilot.press("ctrl+u", "enter")  # ctrl+u: delete to the start of the field
        await pilot.pause()
        with BookmarkStore() as store:
            assert store.get(seed_articles()[1].id).tags == ()


async def test_n_still_steps_through_mentions_on_the_bookmarks_screen() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("b", "B")
        await app.workers.wait_for_complete()
        await pilot.press("enter", "n")
        await pilot.pause()
        assert not isinstance(app.screen, NoteScreen)
        assert app.screen.article_view.current_mention is not None


def test_parse_tags() -> None:
    from reader.ui.screens.saved import parse_tags

    assert parse_tags("china, #chips  trade #china") == ["china", "chips", "trade"]
    assert parse_tags("  ") == []
