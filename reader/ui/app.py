"""DatelineApp: the Textual application."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Sequence
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from reader.entities import get_recogniser
from reader.entities.cache import EntityCache
from reader.model import Article, Entity
from reader.paths import styles_dir
from reader.sanitize import clean_line
from reader.sources import LoadError
from reader.ui.bookmark_service import Bookmarks
from reader.ui.entity_styles import theme_variables
from reader.ui.keys import KeyAction, key_actions
from reader.ui.palette import EntityCommands
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.screens.saved import BookmarksScreen


class DatelineApp(App[None]):
    """A terminal news reader: headlines, articles, and (soon) who and what is in them."""

    TITLE = "Dateline"
    CSS_PATH = [styles_dir() / "app.tcss"]
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {EntityCommands}

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit", tooltip="Leave Dateline"),
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
    ) -> None:
        """``ner`` names the recogniser back-end; ``recognise`` replaces it outright
        (any function from text to entities, e.g. one tuned for a test or a domain)."""
        super().__init__()
        self.articles = list(articles)
        self.load_errors = list(load_errors)
        # Raises RecogniserUnavailable (with an install hint) before the UI starts.
        self.entity_cache = EntityCache(recognise or get_recogniser(ner).recognise)
        self.bookmarks = Bookmarks(self)

    def get_default_screen(self) -> Screen:
        return MainScreen(self.articles, self.entity_cache)

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Called again whenever the theme changes, so light themes get their own colours.
        return theme_variables(dark=self.current_theme.dark)

    def on_mount(self) -> None:
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
        yield from super().get_system_commands(screen)
        for entry in self.key_table(screen):
            if entry.action in {"command_palette", "quit"}:
                continue  # already among Textual's own commands
            callback: Callable[[], Awaitable[object]]
            if entry.group == "Headlines" and isinstance(screen, ReaderScreen):
                callback = partial(self._run_in_pane, screen, screen.headlines, entry.action)
            elif entry.group == "Article" and isinstance(screen, ReaderScreen):
                callback = partial(self._run_in_pane, screen, screen.article_view, entry.action)
            else:
                callback = partial(self.run_action, entry.action, entry.node)
            title = f"{entry.group}: {entry.description}" if entry.group != "Anywhere" else entry.description
            yield SystemCommand(title, f"{entry.tooltip} ({' / '.join(entry.keys)})", callback)
        if isinstance(screen, MainScreen) and (screen.mention_filter or screen.filter_text):
            yield SystemCommand(
                "Clear the headline filters", "Show every headline again (Esc)", screen.action_clear_filter
            )

    async def _run_in_pane(self, screen: Screen, pane: Widget, action: str) -> None:
        """Run a pane's action from the palette: the pane gets focus, as if the key was pressed there."""
        pane.focus()
        await self.run_action(action, pane)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.key_table()))
