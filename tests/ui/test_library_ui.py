"""The app over the library: one-row headlines in columns, read state, search, sources,
the full-width layout at 80×24 and the pane geometry at 120×40."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.cells import cell_len
from support import library_app, rows, screen_text, seed_articles, write_dump
from textual.app import App

from reader.library import Library
from reader.model import UNKNOWN_SOURCE, Article, source_label
from reader.store import BookmarkStore
from reader.ui.rows import ArticleRows, age_label
from reader.ui.screens.main import MainScreen
from reader.ui.screens.sources import SourcesScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import BOOKMARK_MARK, UNREAD_MARK, HeadlineList

SIZE = (80, 24)
LONG = "A long headline about the negotiations over the future of the regional trade agreement, number {}"


@pytest.fixture
def long_titles(tmp_path: Path) -> Path:
    return write_dump(tmp_path / "long.txt", [(LONG.format(i), f"Story {i} body text.") for i in range(40)])


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    pilot.app.writer.submit(lambda lib: None).result()  # the writes queued so far are in the file
    await pilot.pause()


def list_lines(app) -> list[str]:
    """The headline rows on screen (inside the list pane's border)."""
    lines = screen_text(app).splitlines()
    return [line[1:-1] for line in lines[1:] if line.startswith("│") and line[1:-1].strip()]


async def test_one_row_per_headline_with_long_titles_at_80x24(long_titles: Path) -> None:
    app = library_app(long_titles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = [line for line in list_lines(app) if "A long headline" in line]
        assert len(shown) >= 18  # one row each
        for line in shown:
            title = line[3:].split("…")[0]
            assert len(title) >= 50, line
            assert line.startswith(UNREAD_MARK)  # new articles are unread
            assert "Unknown source" in line[-24:]  # the source column: one spelling for no publisher


async def test_wider_terminals_show_longer_titles_not_emptier_rows(long_titles: Path) -> None:
    app = library_app(long_titles)
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        await pilot.press("z")  # the full-width list at 160 columns
        await pilot.pause()
        shown = [line for line in list_lines(app) if "A long headline" in line]
        assert len(shown) >= 35
        assert all(LONG.format(i) in line for i, line in enumerate(shown))  # whole titles


async def test_wide_and_right_to_left_titles_keep_the_columns(tmp_path: Path) -> None:
    titles = ["全角の見出しが続くニュース記事のタイトルです、とても長い", "عنوان الخبر باللغة العربية", "Plain title"]
    corpus = write_dump(tmp_path / "mixed.txt", [(t, "Body.") for t in titles])
    app = library_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        lines = list_lines(app)[:3]
        # The source column ("Unknown source") starts at the same cell on every row.
        starts = {cell_len(line[: line.rindex("Unknown source")]) for line in lines}
        assert len(starts) == 1, lines
        assert all(cell_len(line) == 78 for line in lines)


async def test_unread_marks_counts_and_opening_marks_read() -> None:
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Headlines 10 · 10 unread" in screen_text(app)
        second = seed_articles()[1]
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.library.is_read(second.id) is True
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "Headlines 10 · 9 unread" in text
        lines = list_lines(app)
        assert lines[0].startswith(UNREAD_MARK) and not lines[1].startswith(UNREAD_MARK)
        assert app.screen.headlines.highlighted.read is True


async def test_next_unread_toggle_read_and_mark_all_read() -> None:
    seeds = seed_articles()
    app = library_app()
    app.library.mark_read([a.id for a in seeds[:4]])  # the first four are read already
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        headlines = app.screen.headlines
        assert "6 unread" in screen_text(app)
        await pilot.press("full_stop")  # next unread
        await settle(pilot)
        assert headlines.cursor == 4
        await pilot.press("m")  # toggle: read
        await settle(pilot)
        assert app.library.is_read(seeds[4].id) is True and "5 unread" in screen_text(app)
        await pilot.press("full_stop")
        await settle(pilot)
        assert headlines.cursor == 5
        await pilot.press("k", "m")  # toggle back: unread
        await settle(pilot)
        assert app.library.is_read(seeds[4].id) is False and "6 unread" in screen_text(app)
        # Mark all shown read: only what the search shows.
        await pilot.press("slash", *"source:CNET", "enter", "M")
        await settle(pilot)
        assert app.library.is_read(seeds[1].id) is True
        assert app.library.unread_count() == 6  # CNET's article was already read: nothing else changed
        await pilot.press("escape", "M")
        await settle(pilot)
        assert app.library.unread_count() == 0 and "0 unread" in screen_text(app)
        assert not any(line.startswith(UNREAD_MARK) for line in list_lines(app))
        cursor = headlines.cursor
        await pilot.press("full_stop")
        await settle(pilot)
        assert headlines.cursor == cursor  # nothing unread: the cursor stays


async def test_search_as_you_type_with_the_query_language_and_a_markup_payload() -> None:
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        await pilot.press("slash", *"hua")  # a prefix, as you type
        await pilot.pause()
        assert 1 < len(screen.headlines) < 10
        subtitle = screen.query_one("#list-pane").border_subtitle
        assert "search: hua" in str(subtitle)
        await pilot.press(*["backspace"] * 3, *"T[/]")  # markup in the query is text, never markup
        await pilot.pause()
        assert app.is_running
        assert "search: T[/]" in screen_text(app)  # shown literally in the list's border
        await pilot.press(*["backspace"] * 4, *"[bold]x[/bold] [@click=app.quit]y[/]", "enter")
        await pilot.pause()
        assert app.is_running and len(screen.headlines) == 0
        await pilot.press("escape")  # clears the search
        await pilot.pause()
        assert len(screen.headlines) == 10 and "search:" not in screen_text(app)


async def test_source_picker_with_unread_counts_narrows_and_all_widens(tmp_path: Path) -> None:
    extra = write_dump(tmp_path / "extra.txt", [("Extra one", "Body one."), ("Extra two", "Body two.")])
    with Library.open() as library:
        library.add_source(str(extra), name="extra")
        library.refresh()
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(app.screen.headlines) == 12
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SourcesScreen)
        text = screen_text(app)
        assert "All sources" in text and "12 unread" in text and "2 unread" in text and "10 unread" in text
        await pilot.press("j", "j", "enter")  # All, seeds, extra
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        assert [r.title for r in rows(main.headlines)] == ["Extra one", "Extra two"]
        assert "source: extra" in str(main.query_one("#list-pane").border_subtitle)
        assert "2 unread" in screen_text(app)
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("enter")  # All sources
        await settle(pilot)
        assert len(main.headlines) == 12


async def test_command_line_sources_are_added_and_shown(tmp_path: Path) -> None:
    corpus = write_dump(tmp_path / "mine.txt", [("Only mine", "Body.")])
    app = library_app(sources=[str(corpus)], refresh=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [r.title for r in rows(app.screen.headlines)] == ["Only mine"]
        assert app.shown_sources == ("mine",)
        await pilot.press("escape")  # Esc widens to the whole library
        await pilot.pause()
        assert len(app.screen.headlines) == 11


async def test_full_width_article_at_80x24_and_back_to_the_same_place(long_titles: Path) -> None:
    app = library_app(long_titles)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        list_pane, article_pane = screen.query_one("#list-pane"), screen.query_one("#article-pane")
        assert list_pane.region.width == 80 and not article_pane.display
        await pilot.press(*"j" * 25)  # past the first screenful
        await pilot.pause()
        scroll = screen.headlines.scroll_y
        assert scroll > 0
        await pilot.press("enter")
        await pilot.pause()
        assert article_pane.region.width == 80 and not list_pane.display
        assert isinstance(app.focused, ArticleView)
        assert "Story 25 body text." in screen_text(app)
        await pilot.press("escape")  # the screen's action_back: the list, where it was
        await pilot.pause()
        assert list_pane.region.width == 80 and not article_pane.display
        assert screen.headlines.cursor == 25 and screen.headlines.scroll_y == scroll
        # z: side by side even at 80 columns, and back.
        await pilot.press("z")
        await pilot.pause()
        assert list_pane.display and article_pane.display
        assert list_pane.region.width + article_pane.region.width == 80
        await pilot.press("z")
        await pilot.pause()
        assert not article_pane.display


async def test_geometry_at_120x40_with_the_entity_panel() -> None:
    app = library_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        list_pane = screen.query_one("#list-pane")
        article_pane = screen.query_one("#article-pane")
        panel = screen.query_one("#entity-panel")
        assert not screen.has_class("-full")
        before = article_pane.region.width
        assert list_pane.region.width + before == 120
        await pilot.press("E")
        await settle(pilot)
        assert panel.region.width == 34
        # The article keeps priority: the list yields room, the article stays wide.
        assert article_pane.region.width >= 56
        assert article_pane.region.width > 2 * list_pane.region.width - 4
        assert list_pane.region.width + article_pane.region.width + panel.region.width == 120
        assert list_pane.region.width >= 24


async def test_bookmarks_screen_lays_out_like_the_main_screen() -> None:
    app = library_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b", "B")
        await settle(pilot)
        screen = app.screen
        assert screen.has_class("-full")
        assert screen.query_one("#list-pane").region.width == 80
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one("#article-pane").region.width == 80


async def test_bookmarks_snapshot_the_article_and_the_library_knows(tmp_path: Path) -> None:
    corpus = write_dump(tmp_path / "gone.txt", [("Gone soon", "A story that will vanish.")])
    app = library_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        article_id = app.screen.headlines.highlighted.id
        assert BOOKMARK_MARK in list_lines(app)[0]
        assert [h.id for h in app.library.results("is:bookmarked").window(0, 5)] == [article_id]
    with BookmarkStore() as store:
        saved = store.get(article_id)
    assert saved is not None and saved.article.body == "A story that will vanish."
    with Library.open() as library:
        library.remove_source("gone")
        assert library.article(article_id) is not None  # kept: it is bookmarked


async def test_entities_index_in_the_background_and_entity_search(tmp_path: Path) -> None:
    from support import gazetteer_recogniser

    corpus = write_dump(
        tmp_path / "c.txt", [("One", "Huawei sells phones."), ("Two", "Rain today."), ("Three", "Huawei again.")]
    )
    app = library_app(corpus, recognise=gazetteer_recogniser({"Huawei": "ORG"}), index_entities=True)
    app.index_delay = 0
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.library.entity_progress() == (3, 3)
        await pilot.press("slash", *'entity:"Huawei"', "enter")
        await pilot.pause()
        assert [r.title for r in rows(app.screen.headlines)] == ["One", "Three"]


def test_source_label_is_one_spelling_in_one_order() -> None:
    assert source_label("The New York Times", "Opinion") == "The New York Times · Opinion"
    assert source_label("", "") == UNKNOWN_SOURCE
    assert source_label("", "Opinion") == f"{UNKNOWN_SOURCE} · Opinion"


def test_age_labels() -> None:
    now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    assert age_label(None, now) == ""
    assert age_label(now - timedelta(seconds=20), now) == "now"
    assert age_label(now - timedelta(minutes=45), now) == "45m"
    assert age_label(now - timedelta(hours=3), now) == "3h"
    assert age_label(now - timedelta(days=2), now) == "2d"
    assert age_label(datetime(2026, 11, 12, 12, tzinfo=UTC), now) == "Nov 12"
    assert age_label(datetime(2023, 5, 1, 12, tzinfo=UTC), now) == "2023"


async def test_the_list_draws_from_an_in_memory_provider_too() -> None:
    articles = [Article(id=f"a{i}", title=f"Title {i}", source="Wire") for i in range(3)]

    class ListApp(App[None]):
        def compose(self):
            yield HeadlineList(ArticleRows(articles, unread={"a1"}))

    app = ListApp()
    async with app.run_test(size=(60, 10)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert f"{UNREAD_MARK}  Title 1" in text and "   Title 0" in text
        headlines = app.query_one(HeadlineList)
        headlines.set_rows(headlines.rows, keep="a2")
        assert headlines.cursor == 2


async def test_the_builtin_recogniser_indexes_the_library_in_a_child_process(tmp_path: Path) -> None:
    corpus = write_dump(
        tmp_path / "c.txt",
        [("One", "Huawei said Google would stop selling phones in China."), ("Two", "It rained in Paris.")],
    )
    app = library_app(corpus, index_entities=True)
    app.index_delay = 0
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(600):  # a bounded wait (the child loads the gazetteers), not a timing
            if app.library.entity_progress() == (2, 2):
                break
            await pilot.pause(0.1)
        assert app.library.entity_progress() == (2, 2)
        await settle(pilot)
        assert app._indexer is not None and app._indexer.returncode == 0
        assert app.screen.entity_status == ""
        await pilot.press("slash", *'entity:"Huawei"', "enter")
        await pilot.pause()
        assert [r.title for r in rows(app.screen.headlines)] == ["One"]
