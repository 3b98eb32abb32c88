"""The reading flow: q goes back and quits only from the list, Q and Ctrl+C quit, J/K and
Space at the end of an article go on, a key that does nothing says so."""

from __future__ import annotations

from pathlib import Path

from support import library_app, rows, screen_text, seed_app, seed_articles, toasts, write_dump
from textual import events
from textual.widgets import Input

from reader.ui.app import DatelineApp, is_modifier
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.saved import BookmarksScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.headline_list import HeadlineList

SIZE = (80, 24)


async def test_q_closes_the_innermost_thing_and_quits_only_from_the_list() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("enter")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("q")  # the article: back to the list
        assert isinstance(app.focused, HeadlineList) and app.is_running
        await pilot.press("E")
        assert screen.entity_panel.display
        await pilot.press("q")  # the entity panel
        assert not screen.entity_panel.display and app.is_running
        await pilot.press("E", "tab", "q")  # the panel, even with the focus elsewhere
        assert not screen.entity_panel.display and app.is_running
        await pilot.press("slash", *"cnet", "enter", "q")  # the filter
        assert screen.filter_text == "" and app.is_running
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")  # the help
        assert app.screen is screen and app.is_running
        await pilot.press("B")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("q")  # the bookmarks screen
        assert app.screen is screen and app.is_running
        await pilot.press("q")  # the list, nothing left: quit
        await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_q_typed_in_the_filter_is_a_letter() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "q")
        assert app.screen.filter_input.value == "q" and app.is_running


async def test_capital_q_quits_from_the_article() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "Q")
        await pilot.pause()
    assert not app.is_running


async def test_ctrl_c_quits_even_from_the_filter() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "a", "ctrl+c")
        await pilot.pause()
    assert not app.is_running


async def test_capital_j_and_k_read_the_next_and_previous_article() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        view = screen.article_view
        ids = [article.id for article in seed_articles()]
        await pilot.press("enter", "J")
        assert view.article.id == ids[1] and app.focused is view  # still reading
        await pilot.press("J", "K")
        assert view.article.id == ids[1]
        await pilot.press("escape", "J")  # from the (full-width) list too; the focus stays there
        assert screen.headlines.highlighted.id == ids[2] and isinstance(app.focused, HeadlineList)
        await pilot.press("enter")
        assert view.article.id == ids[2]
        await pilot.press("K", "K", "K")  # at the first: says so, stays
        assert view.article.id == ids[0]


async def test_space_at_the_end_of_an_article_reads_the_next(tmp_path: Path) -> None:
    app = library_app(write_dump(tmp_path / "two.txt", [("Short", "One line."), ("Other", "Another line.")]))
    async with app.run_test(size=SIZE) as pilot:
        titles = [row.title for row in rows(app.screen.headlines)]
        assert sorted(titles) == ["Other", "Short"]
        await pilot.press("enter")
        assert app.screen.article_view.article.title == titles[0]
        await pilot.press("space")
        assert app.screen.article_view.article.title == titles[1]
        assert isinstance(app.focused, ArticleView)


async def test_space_pages_down_before_it_goes_on() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        view = app.screen.article_view
        ids = [article.id for article in seed_articles()]
        await pilot.press("j", "enter", "space")
        assert view.article.id == ids[1] and view.scroll_y > 0
        await pilot.press("G", "space")
        assert view.article.id == ids[2] and view.scroll_y == 0


async def test_next_article_is_one_method() -> None:
    """What J and Space-at-the-end choose comes from ReaderScreen.next_article_index."""
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.next_article_index = lambda step=1: 5 if step > 0 else None
        await pilot.press("enter", "J")
        assert screen.article_view.article.id == seed_articles()[5].id


async def test_a_key_that_does_nothing_says_so() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert toasts(app) == ["x does nothing here · ? lists keys"]
        await pilot.press("z", "x")  # one hint at a time
        await pilot.pause()
        assert toasts(app) == ["x does nothing here · ? lists keys"]


async def test_keys_typed_into_the_filter_or_bound_keys_give_no_hint() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("j", "k", "slash", *"xyz", "down", "enter")
        await pilot.pause()
        assert toasts(app) == []


def test_modifier_keys_alone_are_not_unknown_keys() -> None:
    assert is_modifier("shift") and is_modifier("left_shift") and is_modifier("ctrl+right_alt")
    assert not is_modifier("x") and not is_modifier("ctrl+x")


async def test_question_mark_lists_the_keys_of_the_screen_you_are_on() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        main_keys = {(e.group, e.description) for e in app.screen.actions}
        assert ("Main screen", "Next article") in main_keys
        assert ("Main screen", "Bookmark") in main_keys
        await pilot.press("escape", "B", "question_mark")
        bookmark_keys = {(e.group, e.description) for e in app.screen.actions}
        assert ("Bookmarks screen", "Remove") in bookmark_keys
        assert ("Main screen", "Bookmark") not in bookmark_keys


RSS = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title><link>http://wire.example/</link><description>d</description>
<item><title>Dated</title><link>http://wire.example/a</link><guid>a</guid>
<pubDate>Tue, 21 May 2019 00:00:00 +0000</pubDate><description>Text.</description></item>
<item><title>Undated</title><link>http://wire.example/b</link><guid>b</guid><description>Text.</description></item>
</channel></rss>
"""


async def test_the_article_header_shows_the_date_when_known(tmp_path: Path) -> None:
    feed = tmp_path / "wire.xml"
    feed.write_text(RSS, encoding="utf-8")
    app = library_app(feed)
    async with app.run_test(size=(130, 30)) as pilot:  # the article beside the list
        await pilot.pause()
        titles = [row.title for row in rows(app.screen.headlines)]
        assert sorted(titles) == ["Dated", "Undated"]
        for title in titles:
            assert app.screen.article_view.article.title == title
            assert ("21 May 2019" in screen_text(app)) == (title == "Dated")
            await pilot.press("j")
            await pilot.pause()


def test_published_label() -> None:
    from reader.ui.text import published_label

    assert published_label("2019-05-21") == "21 May 2019"
    assert published_label("2019-05-21T14:05:00").startswith("21 May 2019 14:05")
    assert published_label("last Tuesday") == "last Tuesday"
    assert published_label("\x1b[31m2019") == "2019"  # cleaned: the escape sequence cut out whole


async def test_main_screen_is_the_one_that_quits() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert not isinstance(app.focused, Input)
        assert "q Quit" in screen_text(app)


# -- a burst without Pilot's pauses (tests/pty does the same through a real terminal) -----


def burst(app: DatelineApp, keys: list[tuple[str, str]]) -> None:
    """Post every key at once, as a terminal read delivers a burst, without waiting between them."""
    for key, character in keys:
        app.post_message(events.Key(key, character))


async def wait_until(pilot, condition) -> bool:
    for _ in range(400):  # a bounded wait, not a timing assertion
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


async def test_enter_then_j_in_one_burst_after_a_filter() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        burst(app, [("slash", "/"), *[(c, c) for c in "china"], ("enter", "\r"), ("j", "j")])
        assert await wait_until(pilot, lambda: screen.headlines.cursor == 1)
        assert screen.filter_input.value == "china" and isinstance(app.focused, HeadlineList)


async def test_a_slash_after_letters_in_one_burst_keeps_its_place() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        keys = [("slash", "/"), ("T", "T"), ("left_square_bracket", "["), ("slash", "/"), ("right_square_bracket", "]")]
        burst(app, keys)
        assert await wait_until(pilot, lambda: screen.filter_input.value == "T[/]")


async def test_ten_js_in_one_burst_scroll_ten_lines() -> None:
    app = seed_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"jjjjjjj", "enter")  # the longest seed article
        view = app.screen.article_view
        burst(app, [("j", "j")] * 10)
        assert await wait_until(pilot, lambda: view.scroll_y == 10)
        burst(app, [("space", " ")] * 3)
        page = view.scrollable_content_region.height
        assert await wait_until(pilot, lambda: view.scroll_y == 10 + 3 * page)
