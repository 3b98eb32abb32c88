"""Pilot tests: a person at an 80×24 terminal pressing keys."""

from __future__ import annotations

from pathlib import Path

from support import (
    HOSTILE_TITLES,
    library_app,
    rows,
    screen_text,
    seed_app,
    seed_articles,
    toasts,
    wait_for_text,
    write_dump,
)
from textual.app import App
from textual.widgets import Input

from reader.model import Article
from reader.ui.rows import Row
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList

SIZE = (80, 24)


async def test_starts_with_headlines_and_first_article() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        text = await wait_for_text(pilot, "? Keys")  # the footer can be a frame late on a busy machine
        assert "Headlines 10" in text
        assert "Learn how to start a side hustle" in text
        assert "q Quit" in text and "? Keys" in text
        assert isinstance(app.focused, HeadlineList)


async def test_vim_keys_and_arrows_move_through_headlines() -> None:
    app = seed_app()
    async with app.run_test(size=(120, 40)) as pilot:  # the article beside the list
        headlines = app.screen.query_one(HeadlineList)
        view = app.screen.query_one(ArticleView)
        await pilot.press("j")
        assert headlines.cursor == 1
        await pilot.pause()
        assert view.article.source == "CNET"
        assert "Huawei can technically survive" in screen_text(app)
        await pilot.press("down", "down", "k")
        assert headlines.cursor == 2
        await pilot.press("G")
        assert headlines.cursor == 9
        await pilot.pause()
        assert "US Gives Temporary Relief" in screen_text(app)
        await pilot.press("g")
        assert headlines.cursor == 0
        await pilot.press("end")
        assert headlines.cursor == 9
        await pilot.press("home", "pagedown")
        assert headlines.cursor > 1
        await pilot.press("pageup")
        assert headlines.cursor == 0
        await pilot.press("k")  # at the top, k stays put
        assert headlines.cursor == 0


async def test_enter_reads_article_and_esc_returns() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.query_one(ArticleView)
        await pilot.press("j", "enter")
        assert app.focused is view
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert view.scroll_y == 3
        await pilot.press("space")
        await pilot.pause()
        assert view.scroll_y > 3
        await pilot.press("escape")
        assert isinstance(app.focused, HeadlineList)
        await pilot.press("tab")
        assert app.focused is view
        await pilot.press("tab")
        assert isinstance(app.focused, HeadlineList)


async def test_filter_as_you_type_and_escape_clears() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, MainScreen)
        headlines = screen.query_one(HeadlineList)
        await pilot.press("slash", *"CNET")
        assert isinstance(app.focused, Input)
        await pilot.pause()
        assert [a.source for a in rows(headlines)] == ["CNET"]
        assert "Headlines 1/10" in screen_text(app)
        assert "search: CNET" in str(screen.query_one("#list-pane").border_subtitle)
        # The library's query language: words search the text, "phrases" match exactly.
        await pilot.press(*["backspace"] * 4, *'huawei "iron curtain"')
        await pilot.pause()
        assert [a.title for a in rows(headlines)] == [
            "The New New World: As Huawei Loses Google, the U.S.-China Tech Cold War Gets Its Iron Curtain"
        ]
        await pilot.press("enter")  # keep the filter, go to the list
        assert app.focused is headlines
        await pilot.press("escape")  # clears it
        await pilot.pause()
        assert len(rows(headlines)) == 10
        assert "search:" not in screen_text(app)


async def test_filter_with_no_match_shows_message() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzzz")
        await pilot.pause()
        assert "No headlines match." in screen_text(app)
        assert app.screen.article_view.article is None
        await pilot.press("enter", "tab")  # the article side, full width at 80 columns
        await pilot.pause()
        assert "No article" in screen_text(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert "Headlines 10" in screen_text(app)


async def test_question_mark_shows_every_key() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ["Headlines", "Article", "Search", "Switch pane", "Quit", "Page down"]:
            assert words in text
        # The box scrolls at 80x24: the library's keys come below the first screenful.
        listed = {entry.description for entry in app.screen.actions}
        assert {"Search", "Next unread", "Read/unread", "All read", "Sources"} <= listed, listed
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_q_quits() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_command_palette_runs_actions() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Search")
        assert "Main screen: Search" in await wait_for_text(pilot, "Main screen: Search")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.id == "filter"


async def test_palette_lists_every_bound_action() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for title in ["Headlines: Down", "Headlines: Last", "Article: Page down", "Main screen: Search", "Keys (help)"]:
            assert title in titles


async def test_hostile_titles_are_shown_literally_and_do_nothing(tmp_path: Path) -> None:
    path = write_dump(
        tmp_path / "hostile.txt", [(t, "Body [@click=app.quit]click me[/] text.") for t in HOSTILE_TITLES]
    )
    app = library_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]x[/]" in text
        assert "[bold red]x" in text
        assert "\x1b" not in text and "\u202e" not in text
        # Click on the title and on the link-looking body text: the app keeps running.
        view = app.screen.query_one(ArticleView)
        await pilot.click("#article-title")
        await pilot.click("#article-body")
        await pilot.pause()
        assert app.is_running
        assert view.article.title == "[@click=app.quit]x[/]"
        await pilot.press("j")
        await pilot.pause()
        assert "[bold red]x" in screen_text(app)


async def test_mouse_click_selects_a_headline() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        headlines = app.screen.query_one(HeadlineList)
        await pilot.click(HeadlineList, offset=(5, 1))  # second row (one line a row)
        await pilot.pause()
        assert headlines.cursor == 1


class CountingRows:
    """A provider of ``count`` generated rows that records what the list asked for."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.fetched = 0

    def __len__(self) -> int:
        return self.count

    def window(self, offset: int, limit: int) -> list[Row]:
        chunk = range(offset, min(offset + limit, self.count))
        self.fetched += len(chunk)
        return [Row(f"{i:08x}", f"Headline number {i}", "Wire", "", None, i % 2 == 0) for i in chunk]

    def index_of(self, article_id: str) -> int | None:
        return int(article_id, 16) if int(article_id, 16) < self.count else None


async def test_holds_100k_headlines_and_fetches_only_what_it_draws() -> None:
    rows_100k = CountingRows(100_000)

    class ListApp(App[None]):
        def compose(self):
            yield HeadlineList(rows_100k)

    app = ListApp()
    async with app.run_test(size=SIZE) as pilot:
        headlines = app.query_one(HeadlineList)
        headlines.focus()
        await pilot.press("G")
        await pilot.pause()
        assert headlines.cursor == 99_999
        assert "Headline number 99999" in screen_text(app)
        assert len(headlines.children) == 0  # one widget, not one per row
        assert rows_100k.fetched < 1_000  # a block or two around what is drawn, never all


async def test_narrow_terminal_shows_one_pane_and_z_stacks_them() -> None:
    app = seed_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-full") and not screen.has_class("-stacked")
        assert "Learn how to start a side hustle" in screen_text(app)
        assert screen.query_one("#list-pane").region.width == 60
        await pilot.press("z")  # the split, asked for: stacked at 60 columns
        await pilot.pause()
        assert screen.has_class("-stacked") and not screen.has_class("-full")
        assert screen.query_one("#list-pane").region.width == 60
        assert screen.query_one("#article-pane").region.width == 60


async def test_a_source_that_cannot_be_read_is_notified_and_the_others_open(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    good = write_dump(tmp_path / "good.txt", [("A good story", "It reads well.")])
    app = library_app(sources=[str(bad), str(tmp_path / "missing.txt"), str(good)], refresh=True)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = toasts(app)
        assert any(t.startswith("Could not read a source\n") and "missing.txt" in t for t in shown)
        assert any(t.startswith("Could not read a source\n") and "bad.txt" in t for t in shown)
        # The list shows the sources given (the good one), not the whole library.
        assert [r.title for r in rows(app.screen.headlines)] == ["A good story"]


def test_cursor_moves_coalesce() -> None:
    headlines = HeadlineList()
    older = HeadlineList.Highlighted(headlines, None)
    newer = HeadlineList.Highlighted(headlines, None)
    assert older.can_replace(newer)
    assert not older.can_replace(HeadlineList.Selected(headlines, Article(id="x", title="x")))
    assert not older.can_replace(HeadlineList.Highlighted(HeadlineList(), None))


async def test_enter_reads_the_headline_under_the_cursor_at_once() -> None:
    """ "jj<Enter>jjj" typed in one burst: Enter acts before the pane has caught up with the
    cursor; the article read, and scrolled, is the one under the cursor."""
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.headlines.cursor = 2  # its Highlighted message not handled yet
        screen.headlines.action_select()
        view = screen.article_view
        assert view.article.id == seed_articles()[2].id and app.focused is view
        view.scroll_to(y=3, animate=False, immediate=True)
        await pilot.pause()  # now the stale Highlighted messages arrive
        assert view.article.id == seed_articles()[2].id and view.scroll_y == 3
