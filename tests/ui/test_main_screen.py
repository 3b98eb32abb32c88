"""Pilot tests: a person at an 80×24 terminal pressing keys."""

from __future__ import annotations

from pathlib import Path

from support import HOSTILE_TITLES, screen_text, toasts, wait_for_text, write_dump
from textual.widgets import Input

from reader.model import Article
from reader.sources import load_sources
from reader.ui.app import DatelineApp
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList

SIZE = (80, 24)


def seed_app() -> DatelineApp:
    return DatelineApp(load_sources().articles)


async def test_starts_with_headlines_and_first_article() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Headlines 10" in text
        assert "Learn how to start a side hustle" in text
        assert "q Quit" in text and "? Keys" in text
        assert isinstance(app.focused, HeadlineList)


async def test_vim_keys_and_arrows_move_through_headlines() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
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
        assert [a.source for a in headlines.articles] == ["CNET"]
        text = screen_text(app)
        assert "Headlines 1/10" in text and "filter: CNET" in text
        # Title words match too, case-insensitively, every word must match.
        await pilot.press(*["backspace"] * 4, *"huawei google")
        await pilot.pause()
        assert [a.title for a in headlines.articles] == [
            "The New New World: As Huawei Loses Google, the U.S.-China Tech Cold War Gets Its Iron Curtain"
        ]
        await pilot.press("enter")  # keep the filter, go to the list
        assert app.focused is headlines
        await pilot.press("escape")  # clears it
        await pilot.pause()
        assert len(headlines.articles) == 10
        assert "filter:" not in screen_text(app)


async def test_filter_with_no_match_shows_message() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"zzzz")
        await pilot.pause()
        text = screen_text(app)
        assert "No headlines match." in text
        assert "No article" in text
        await pilot.press("escape")
        await pilot.pause()
        assert "Headlines 10" in screen_text(app)


async def test_question_mark_shows_every_key() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ["Headlines", "Article", "Filter", "Switch pane", "Quit", "Page down"]:
            assert words in text
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
        await pilot.press(*"Filter")
        assert "Main screen: Filter" in await wait_for_text(pilot, "Main screen: Filter")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, Input) and app.focused.id == "filter"


async def test_palette_lists_every_bound_action() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for title in ["Headlines: Down", "Headlines: Last", "Article: Page down", "Main screen: Filter", "Keys (help)"]:
            assert title in titles


async def test_hostile_titles_are_shown_literally_and_do_nothing(tmp_path: Path) -> None:
    path = write_dump(
        tmp_path / "hostile.txt", [(t, "Body [@click=app.quit]click me[/] text.") for t in HOSTILE_TITLES]
    )
    app = DatelineApp(load_sources([path]).articles)
    async with app.run_test(size=(100, 30)) as pilot:
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
        await pilot.click(HeadlineList, offset=(5, 2))  # second row (two lines a row)
        await pilot.pause()
        assert headlines.cursor == 1


async def test_holds_100k_headlines() -> None:
    articles = [Article(id=f"{i:08x}", title=f"Headline number {i}", source="Wire") for i in range(100_000)]
    app = DatelineApp(articles)
    async with app.run_test(size=SIZE) as pilot:
        headlines = app.screen.query_one(HeadlineList)
        await pilot.press("G")
        await pilot.pause()
        assert headlines.cursor == 99_999
        assert "Headline number 99999" in screen_text(app)
        assert len(headlines.children) == 0  # one widget, not one per row


async def test_narrow_terminal_stacks_panes() -> None:
    app = seed_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-stacked")
        text = screen_text(app)
        assert "Learn how to start a side hustle" in text


async def test_load_errors_are_notified(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = load_sources([bad, Path(__file__).resolve().parents[2] / "seeds"])
    app = DatelineApp(result.articles, load_errors=result.errors)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert f"Could not read a source\n{bad}: empty file" in toasts(app)


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
        assert view.article is app.articles[2] and app.focused is view
        view.scroll_to(y=3, animate=False, immediate=True)
        await pilot.pause()  # now the stale Highlighted messages arrive
        assert view.article is app.articles[2] and view.scroll_y == 3
