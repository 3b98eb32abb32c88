"""Key remapping from the config file: every binding id Dateline has, checked against
the file's ``[keys]`` table, and handed to Textual's ``App.set_keymap``.

The ids come from the classes' own ``BINDINGS`` (the same place ``?`` reads), so the
default config file (``dateline config --default``) lists exactly the keys that exist.
"""

from __future__ import annotations

from textual.binding import Binding

from reader.config import Config


def _classes() -> list[type]:
    from reader.ui.app import DatelineApp
    from reader.ui.screens.help import HelpScreen
    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.note import NoteScreen
    from reader.ui.screens.reader import ReaderScreen
    from reader.ui.screens.saved import BookmarksScreen
    from reader.ui.widgets.article_view import ArticleView
    from reader.ui.widgets.entity_panel import EntityList
    from reader.ui.widgets.headline_list import HeadlineList

    return [
        DatelineApp,
        HeadlineList,
        ArticleView,
        EntityList,
        ReaderScreen,
        MainScreen,
        BookmarksScreen,
        HelpScreen,
        NoteScreen,
    ]


def binding_table() -> dict[str, tuple[str, str]]:
    """Binding id -> (default keys, description), in the order the classes define them."""
    table: dict[str, tuple[str, str]] = {}
    for cls in _classes():
        for binding in Binding.make_bindings(vars(cls).get("BINDINGS", [])):
            if binding.id is None:
                continue
            keys, description = table.get(binding.id, ("", ""))
            merged = keys.split(",") if keys else []
            merged += [k for k in binding.key.split(",") if k not in merged]
            table[binding.id] = (",".join(merged), description or binding.tooltip or binding.description)
    return table


def checked_keymap(config: Config) -> dict[str, str]:
    """The config's ``[keys]`` that name a binding Dateline has; each other one is an error."""
    known = binding_table()
    keymap: dict[str, str] = {}
    for binding_id, keys in config.keys.items():
        if binding_id in known:
            keymap[binding_id] = keys
        else:
            config.error(
                "keys", binding_id, f"no key binding has the id {binding_id!r} (dateline config --default lists them)"
            )
    return keymap


def default_config() -> str:
    """The commented default config file."""
    from textual.app import App

    from reader.config import default_text

    themes = sorted(App().available_themes)
    return default_text(((i, keys, description) for i, (keys, description) in binding_table().items()), themes)
