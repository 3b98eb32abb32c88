"""The config file in the app: remapped keys work (and ? shows them), the theme and
layout apply, and a bad file or key is one notification naming the line while the app
starts with the defaults."""

from __future__ import annotations

from support import library_app, screen_text, seed_articles, toasts

from reader import config as config_file
from reader.paths import config_path
from reader.ui.app import DatelineApp
from reader.ui.widgets.article_view import ArticleView

SIZE = (80, 24)


def app_with(text: str) -> DatelineApp:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return library_app(config=config_file.load())


async def test_remapped_keys_work_and_help_shows_them() -> None:
    app = app_with('[keys]\n"reader.next_article" = "ctrl+n"\n"list.down" = "s"\n')
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        assert app.screen.headlines.cursor == 1
        await pilot.press("j")  # j is no longer "down" in the list
        assert app.screen.headlines.cursor == 1
        await pilot.press("enter", "ctrl+n")
        assert app.screen.article_view.article.id == seed_articles()[2].id
        assert isinstance(app.focused, ArticleView)
        await pilot.press("question_mark")
        await pilot.pause()
        keys = {(e.description, e.keys) for e in app.screen.actions}
        assert ("Next article", ("^n",)) in keys
        assert ("Down", ("s",)) in keys


async def test_theme_and_layout_apply() -> None:
    app = app_with('theme = "textual-light"\nlayout = "stacked"\n')
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.theme == "textual-light"
        assert app.screen.has_class("-stacked")  # even at 120 columns


async def test_a_broken_file_is_one_notification_and_the_defaults_apply() -> None:
    app = app_with('theme = "textual-light"\n[keys\n')
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        [toast] = toasts(app)
        assert toast.startswith("Config file\n") and ", line 2: not valid TOML" in toast.replace("\n", " ")
        assert app.theme == "textual-dark"
        await pilot.press("j")
        assert app.screen.headlines.cursor == 1


async def test_an_unknown_binding_id_or_theme_is_named_and_the_rest_applies() -> None:
    app = app_with('theme = "no-such"\n[keys]\n"reader.nope" = "x"\n"list.down" = "s"\n')
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        shown = " ".join(t.replace("\n", " ") for t in toasts(app))
        assert "line 3: no key binding has the id 'reader.nope'" in shown
        assert "line 1: no theme is called 'no-such'" in shown
        await pilot.press("s")
        assert app.screen.headlines.cursor == 1
        assert "Headlines" in screen_text(app)
