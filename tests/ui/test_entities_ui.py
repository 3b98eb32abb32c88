"""Entities in the app: highlighting, the panel, stepping through mentions, and
"articles mentioning X" — at 80×24 and 120×40, keyboard only."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from support import gazetteer_recogniser, library_app, rows, screen_text, wait_for_text, write_dump
from textual.widgets import Static

from reader.ui.app import DatelineApp
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article_view import ArticleView
from reader.ui.widgets.entity_panel import EntityList
from reader.ui.widgets.headline_list import HeadlineList

NAMES = {
    "Huawei": "ORG",
    "Huawei’s": "ORG",  # a possessive mention, as a recogniser without the OntoNotes trim would give
    "Google": "ORG",
    "Ren Zhengfei": "PERSON",
    "China": "GPE",
    "[bold]Evil[/]": "PERSON",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_dump(
        tmp_path / "corpus.txt",
        [
            (
                "Huawei and Google part ways",
                "Huawei said Google would stop. Ren Zhengfei spoke.\n\nHuawei’s phones sell in China.",
            ),
            ("Weather in China", "Rain across China today."),
            ("Google earnings", "Google made money. Huawei was not mentioned by name."),
            ("Markup in names", "A person called [bold]Evil[/] appears here."),
        ],
    )


def make_app(corpus: Path, recognise=None) -> DatelineApp:
    """The corpus in a library; the app recognises its entities in the background at once."""
    app = library_app(corpus, recognise=recognise or gazetteer_recogniser(NAMES), index_entities=True)
    app.index_delay = 0
    return app


def body_spans(app: DatelineApp) -> list:
    body = app.screen.query_one("#article-body", Static)
    return list(body.visual.spans)  # the Content shown


# At 80 columns the list is full width and the article is loaded when opened; tests that
# look at the article pane beside the list run at 120x40.


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_entities_are_highlighted_with_a_legend_and_e_toggles(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        assert [e.text for e in view.entities] == ["Huawei", "Google", "Ren Zhengfei", "Huawei’s", "China"]
        styles = {str(span.style) for span in body_spans(app)}
        assert "$entity-org bold" in styles and "$entity-person bold" in styles and "$entity-place" in styles
        await pilot.press("enter")  # the article, full width at 80 columns
        await pilot.pause()
        text = screen_text(app)
        for word in ["People", "Orgs", "Places", "Dates", "Money", "Other"]:
            assert word in text
        await pilot.press("e")
        await pilot.pause()
        assert body_spans(app) == []
        assert "Highlighting off" in screen_text(app)
        await pilot.press("e")
        await pilot.pause()
        assert len(body_spans(app)) == 5


async def test_no_color_falls_back_to_text_styles(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        styles = [str(span.style) for span in body_spans(app)]
        assert styles == ["underline", "underline", "bold", "underline", "italic"]


async def test_panel_lists_entities_by_kind_with_counts_and_jumps(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.focused, EntityList)
        text = screen_text(app)
        assert "People (1)" in text and "Organisations (2)" in text and "Places (1)" in text
        assert "Huawei ×2" in text  # "Huawei" and "Huawei’s" are one entity
        # The first entry is the person; go down to Huawei and choose it.
        await pilot.press("j", "enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.current_mention is not None and view.current_mention.text == "Huawei"
        assert "Huawei · 1/2" in screen_text(app)
        assert str(body_spans(app)[-1].style) == "reverse"  # the current mention is marked
        await pilot.press("n")
        await pilot.pause()
        assert view.current_mention.text == "Huawei’s"
        assert "Huawei’s · 2/2" in screen_text(app)
        await pilot.press("n")  # wraps to the first
        assert view.current_mention.start == 0
        await pilot.press("N")  # and back round to the last
        assert view.current_mention.text == "Huawei’s"
        await pilot.press("E")  # closes the panel, focus goes back to the headlines
        await pilot.pause()
        assert isinstance(app.focused, HeadlineList)


async def test_n_without_a_chosen_entity_steps_through_all_mentions(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("n", "n", "n")
        assert view.current_mention.text == "Ren Zhengfei"
        await pilot.press("j")  # another article: the mark goes
        await settle(pilot)
        assert view.current_mention is None


async def test_articles_mentioning_an_entity_narrow_the_headlines(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("E", "j", "a")  # Huawei, then "articles with it"
        await settle(pilot)
        headlines = screen.query_one(HeadlineList)
        assert [a.title for a in rows(headlines)] == ["Huawei and Google part ways", "Google earnings"]
        assert app.focused is headlines  # the panel made room for the list at 80 columns
        assert "Headlines 2/4" in screen_text(app)
        # (the border's subtitle, under the toast at the bottom right)
        assert "mentioning: Huawei" in str(screen.query_one("#list-pane").border_subtitle)
        # The text filter combines with it.
        await pilot.press("slash", *"earn", "enter")
        await pilot.pause()
        assert [a.title for a in rows(headlines)] == ["Google earnings"]
        await pilot.press("escape")
        await pilot.pause()
        assert len(rows(headlines)) == 4
        assert "mentioning:" not in screen_text(app)


async def test_command_palette_offers_articles_mentioning(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"mentioning china")
        assert "Articles mentioning China" in await wait_for_text(pilot, "Articles mentioning China")
        await pilot.press("enter")
        await settle(pilot)
        titles = [a.title for a in rows(app.screen.query_one(HeadlineList))]
        assert titles == ["Huawei and Google part ways", "Weather in China"]


async def test_entity_names_are_shown_literally(corpus: Path) -> None:
    app = make_app(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("G")
        await settle(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert "[bold]Evil[/]" in screen_text(app)
        await pilot.press("ctrl+p", *"Evil")
        expected = "Articles mentioning [bold]Evil[/]"
        assert expected in await wait_for_text(pilot, expected)


async def test_recognition_never_blocks_the_text(corpus: Path) -> None:
    release = threading.Event()
    real = gazetteer_recogniser(NAMES)

    def slow(text: str):
        release.wait(10)
        return real(text)

    app = make_app(corpus, recognise=slow)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert "Huawei said Google would stop" in screen_text(app)
        assert view.entities is None
        assert "Finding entities" in screen_text(app)
        await pilot.press("escape", "j", "j")  # keys still work while recognition runs
        assert app.screen.query_one(HeadlineList).cursor == 2
        release.set()
        await settle(pilot)
        assert view.entities is not None
        assert [e.text for e in view.entities] == ["Google", "Huawei"]


async def test_recognition_is_cached_per_article_content(corpus: Path) -> None:
    calls: list[str] = []
    real = gazetteer_recogniser(NAMES)

    def counting(text: str):
        calls.append(text)
        return real(text)

    app = library_app(corpus, recognise=counting)  # no background indexer: only what is read
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        assert len(calls) == 2


async def test_builtin_recogniser_on_the_seeds() -> None:
    app = library_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j")
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        names = {(e.text, e.label) for e in view.entities}
        assert ("Huawei", "ORG") in names and ("Google", "ORG") in names
