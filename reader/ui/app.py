"""DatelineApp: the Textual application."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import Monochrome, NoColor
from textual.notifications import Notification, Notify
from textual.screen import Screen
from textual.widgets import Input, TextArea

from reader.config import Config
from reader.entities import get_recogniser
from reader.entities.cache import EntityCache
from reader.model import Article, Entity
from reader.paths import styles_dir
from reader.sanitize import clean_line
from reader.sources import LoadError
from reader.ui.bookmark_service import Bookmarks
from reader.ui.colours import readable_variables, sixteen_colour_variables
from reader.ui.entity_styles import theme_variables
from reader.ui.keymap import checked_keymap
from reader.ui.keys import KeyAction, key_actions
from reader.ui.palette import EntityCommands
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.screens.saved import BookmarksScreen
from reader.ui.serial_keys import SerialKeys

_MODIFIERS = {"shift", "ctrl", "control", "alt", "meta", "super", "hyper", "caps_lock", "num_lock", "scroll_lock"}


def is_modifier(key: str) -> bool:
    """A modifier key on its own (terminals with the kitty protocol can report them)."""
    name = key.rsplit("+", 1)[-1]
    for side in ("left_", "right_"):
        name = name.removeprefix(side)
    return name in _MODIFIERS or name.startswith("iso_level")


class DatelineApp(SerialKeys, App[None]):
    """A terminal news reader: headlines, articles, and (soon) who and what is in them."""

    TITLE = "Dateline"
    CSS_PATH = [styles_dir() / "app.tcss"]
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {EntityCommands}

    BINDINGS = [
        # q goes back (see ReaderScreen.action_back) and quits only from the main list; Q and
        # Ctrl+C quit from anywhere. Ctrl+C is a priority binding so that it quits from a text
        # field too (Textual's default only says "press ctrl+q").
        Binding("Q", "quit", "Quit", show=False, id="app.quit", tooltip="Leave Dateline from anywhere"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True, id="app.interrupt", tooltip="Leave Dateline"),
        Binding("question_mark", "help", "Keys", id="app.help", tooltip="Show every key"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.palette", tooltip="Every action by name"),
    ]

    def __init__(
        self,
        articles: Sequence[Article],
        load_errors: Sequence[LoadError] = (),
        *,
        ner: str = "builtin",
        recognise: Callable[[str], list[Entity]] | None = None,
        config: Config | None = None,
    ) -> None:
        """``ner`` names the recogniser back-end; ``recognise`` replaces it outright
        (any function from text to entities, e.g. one tuned for a test or a domain)."""
        super().__init__()
        self.articles = list(articles)
        self.load_errors = list(load_errors)
        # Raises RecogniserUnavailable (with an install hint) before the UI starts.
        self.entity_cache = EntityCache(recognise or get_recogniser(ner).recognise)
        self.bookmarks = Bookmarks(self)
        self._key_hint: Notification | None = None
        # The config file (reader.config): keys by binding id, theme, layout. Whatever in it is
        # wrong is reported once (on_mount) and left at the default.
        self.config = config or Config()
        self.layout_choice = self.config.layout
        self._config_keymap = checked_keymap(self.config)
        # NO_COLOR means no colour at all. Textual's Monochrome filter turns colours into
        # 256-colour greys; NoColor sends none (styles only: bold, underline, reverse), and
        # styles/app.tcss marks the cursor and the focus by style under :nocolor.
        self._filters = [NoColor() if isinstance(f, Monochrome) else f for f in self._filters]

    def get_default_screen(self) -> Screen:
        return MainScreen(self.articles, self.entity_cache)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Called again whenever the theme changes, so light themes get their own colours.
        return theme_variables(dark=self.current_theme.dark)

    @property
    def sixteen_colours(self) -> bool:
        """True in a 16-colour terminal (TERM=xterm…) or in Textual's ANSI mode. (Headless
        runs, tests and screenshots, render for a true-colour terminal.)"""
        if self.native_ansi_color:
            return True
        return not self.is_headless and self.console.color_system in ("standard", "windows")

    def get_css_variables(self) -> dict[str, str]:
        variables = super().get_css_variables()
        # Contrast: the selected row's text and the focus border readable in any theme.
        variables.update(readable_variables(variables, self.current_theme.dark))
        self.theme_variables = variables
        if self.sixteen_colours:
            # The themes' cursor and accent become white on cyan and Money's red in 16 colours.
            variables.update(sixteen_colour_variables(self.current_theme.dark, ansi=bool(self.native_ansi_color)))
            self.theme_variables = variables
        return variables

    def on_mount(self) -> None:
        self.set_keymap(self._config_keymap)
        if self.config.theme is not None:
            if self.config.theme in self.available_themes:
                self.theme = self.config.theme
            else:
                self.config.error("", "theme", f"no theme is called {self.config.theme!r}")
        for error in self.config.errors:
            self.notify(error, title="Config file", severity="error", markup=False, timeout=15)
        for error in self.load_errors:
            self.notify(str(error), title="Could not read a source", severity="error", markup=False, timeout=10)
        for severity, message in self.bookmarks.startup_messages():
            self.notify(clean_line(message), title="Bookmarks", severity=severity, markup=False, timeout=20)

    def on_unmount(self) -> None:
        self.bookmarks.close()

    def action_bookmarks(self) -> None:
        """Open the bookmarks screen (once); the headline marks are refreshed on return."""
        if isinstance(self.screen, BookmarksScreen):
            return

        def returned(_: None) -> None:
            if isinstance(self.screen, MainScreen):
                self.screen.refresh_marks()

        self.push_screen(BookmarksScreen(self.entity_cache), returned)

    # -- keys and commands ------------------------------------------------------------

    def key_table(self, screen: Screen | None = None) -> list[KeyAction]:
        """Every key that works on ``screen`` (the main screen by default), grouped."""
        screen = screen or self.screen
        groups: list[tuple[str, object]] = []
        if isinstance(screen, ReaderScreen):
            groups += [
                ("Headlines", screen.headlines),
                ("Article", screen.article_view),
                ("Entity panel", screen.entity_panel.option_list),
                (screen.KEYS_GROUP, screen),
            ]
        groups.append(("Anywhere", self))
        return list(key_actions(self, groups))  # type: ignore[arg-type]

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's own "Keys" (its help panel) would stand beside ours: the palette found
        # the key list twice for "keys". Ours is titled so that "help" finds it too.
        yield from (command for command in super().get_system_commands(screen) if command.title != "Keys")
        for entry in self.key_table(screen):
            if entry.action in {"command_palette", "quit"}:
                continue  # already among Textual's own commands
            if entry.group == "Headlines" and isinstance(screen, ReaderScreen):
                callback = partial(self._run_in_pane, screen, screen.headlines, entry.action)
            elif entry.group == "Article" and isinstance(screen, ReaderScreen):
                callback = partial(self._run_in_pane, screen, screen.article_view, entry.action)
            else:
                callback = partial(self.run_action, entry.action, entry.node)
            title = f"{entry.group}: {entry.description}" if entry.group != "Anywhere" else entry.description
            if entry.action == "help":
                title = "Keys (help)"
            yield SystemCommand(title, f"{entry.tooltip} ({' / '.join(entry.keys)})", callback)
        if isinstance(screen, MainScreen) and (screen.mention_filter or screen.filter_text):
            yield SystemCommand(
                "Clear the headline filters", "Show every headline again (Esc)", screen.action_clear_filter
            )

    async def _run_in_pane(self, screen: Screen, pane, action: str) -> None:
        """Run a pane's action from the palette: the pane gets focus, as if the key was pressed there."""
        pane.focus()
        await self.run_action(action, pane)

    def on_unhandled_key(self, event: events.Key) -> None:
        """A key that does nothing here says so, briefly (one hint at a time, never for a
        modifier alone or a key typed into a text field)."""
        if is_modifier(event.key) or isinstance(self.focused, (Input, TextArea)):
            return
        name = (
            event.character if event.is_printable and event.character else self.get_key_display(Binding(event.key, ""))
        )
        if self._key_hint is not None and self._key_hint in self._notifications:
            self._unnotify(self._key_hint)  # replace the previous hint rather than stack them
        self._key_hint = Notification(f"{name} does nothing here · ? lists keys", "", "information", 2, markup=False)
        self.post_message(Notify(self._key_hint))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_table()))
