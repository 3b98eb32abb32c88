"""DatelineApp: the Textual application."""

from __future__ import annotations

import contextlib
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import Monochrome, NoColor
from textual.message import Message
from textual.notifications import Notification, Notify
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, TextArea

from reader.config import Config
from reader.crash import one_line, write_log
from reader.entities import get_recogniser
from reader.entities.cache import EntityCache
from reader.library import Library, LibraryError, RefreshProgress, RefreshReport
from reader.library.indexer import index_backlog
from reader.model import Entity
from reader.paths import styles_dir
from reader.sanitize import clean_line
from reader.ui.bookmark_service import Bookmarks
from reader.ui.colours import readable_variables, sixteen_colour_variables
from reader.ui.entity_styles import theme_variables
from reader.ui.keymap import checked_keymap
from reader.ui.keys import KeyAction, key_actions
from reader.ui.library_rows import LibraryWriter
from reader.ui.palette import EntityCommands
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.reader import ReaderScreen
from reader.ui.screens.saved import BookmarksScreen
from reader.ui.serial_keys import SerialKeys
from reader.ui.text import safe_markup


class SourcesRefreshed(Message):
    """The library re-read its sources (posted from the refresh worker)."""

    def __init__(self, report: RefreshReport) -> None:
        super().__init__()
        self.report = report


class RefreshProgressed(Message):
    """How far a refresh is (posted from the refresh worker; a newer report replaces an
    older one still waiting, unless the older one carries an error to show)."""

    def __init__(self, progress: RefreshProgress) -> None:
        super().__init__()
        self.progress = progress

    def can_replace(self, message: Message) -> bool:
        # Textual asks the older message whether the newer one, queued behind it, may
        # stand in for it: a report carrying an error is never dropped.
        return isinstance(message, RefreshProgressed) and not self.progress.error


class EntityProgress(Message):
    """Background entity recognition over the library: ``done`` of ``total`` contents."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, EntityProgress)


def _lazy_builtin(text: str) -> list[Entity]:
    """The built-in recogniser, built (once) on the first call rather than at start-up."""
    return get_recogniser("builtin").recognise(text)


# The entity indexer starts this long after the first paint (it loads the recogniser's
# data and shares the GIL with the UI thread): nothing on the start-up path waits for it.
INDEX_DELAY = 1.0
RELOAD_EVERY = 0.5
"""Seconds between two reloads of the headline list while a refresh brings articles in."""

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
        library: Library | str | Path | None = None,
        *,
        sources: Sequence[str] = (),
        load_errors: Sequence[object] = (),
        ner: str = "builtin",
        recognise: Callable[[str], list[Entity]] | None = None,
        refresh: bool = True,
        index_entities: bool = True,
        config: Config | None = None,
    ) -> None:
        """Open ``library`` (a ``Library``, or the path of one; None: the user's, whose first
        source is the bundled seeds) and show its headlines.

        ``sources`` are added to the library (``add_source``) and the list is narrowed to
        them; one that cannot be added becomes a notification naming it. ``ner`` names the
        recogniser back-end; ``recognise`` replaces it outright (any function from text to
        entities, e.g. one tuned for a test). ``refresh``: re-read the sources in the
        background after start; ``index_entities``: then recognise the library's entities.
        Raises ``LibraryError`` when the library cannot be opened, ``RecogniserUnavailable``
        when the recogniser cannot be loaded, before the UI starts.
        """
        super().__init__()
        # The built-in recogniser loads its gazetteers (seconds) on first use, in a worker
        # thread: nothing on the way to the first paint waits for it. spaCy is loaded now so
        # that a missing model is one clear error before the UI starts.
        self.recognise = recognise or (_lazy_builtin if ner == "builtin" else get_recogniser(ner).recognise)
        self._custom_recognise = recognise is not None
        self._indexer: subprocess.Popen[str] | None = None
        self.entity_cache = EntityCache(self.recognise)
        self._owns_library = not isinstance(library, Library)
        self.library = library if isinstance(library, Library) else Library.open(library, recogniser=ner)
        self.load_errors = [str(error) for error in load_errors]
        added: list[str] = []
        for location in sources:
            try:
                added.append(self.library.add_source(str(location)).name)
            except LibraryError as error:
                self.load_errors.append(str(error))
        self.shown_sources = tuple(dict.fromkeys(added))
        """Names of the sources given on the command line (the list is narrowed to them)."""
        self.writer = LibraryWriter(self.library.path, self.library.recogniser)
        self.bookmarks = Bookmarks(self)
        self.refresh_on_start = refresh
        self.index_entities = index_entities
        self.index_delay = INDEX_DELAY
        self._stop = threading.Event()
        self.crash: BaseException | None = None
        """The unexpected error that ended the app, if one did."""
        self.crash_log: Path | None = None
        """Where its traceback was written."""

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
        self._refresh_started = 0.0
        self._last_reload = 0.0
        self._last_added = 0
        self._reload_timer: Timer | None = None

    def _handle_exception(self, error: Exception) -> None:
        # The net under the app: the traceback goes to a log file, not over the terminal;
        # the command line prints one line naming the file (crash_report) once the screen is back.
        if self.crash is None:
            self.crash = error
            self.crash_log = write_log(error)
        super()._handle_exception(error)
        self._exit_renderables.clear()

    def crash_report(self) -> str:
        """One line for the user about :attr:`crash`."""
        return one_line(self.crash, self.crash_log) if self.crash is not None else ""

    def get_default_screen(self) -> Screen:
        return MainScreen(
            self.library, self.entity_cache, sources=self.shown_sources, reading_sources=self.refresh_on_start
        )

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
            self.notify(clean_line(error), title="Could not read a source", severity="error", markup=False, timeout=10)
        if self.library.recovery:
            self.notify(
                clean_line(self.library.recovery), title="Library", severity="warning", markup=False, timeout=20
            )
        for severity, message in self.bookmarks.startup_messages():
            self.notify(clean_line(message), title="Bookmarks", severity=severity, markup=False, timeout=20)
        if self.refresh_on_start:
            self.start_refresh(None)
        elif self.index_entities:
            self._schedule_indexer()

    def on_unmount(self) -> None:
        self._stop.set()
        indexer = self._indexer
        if indexer is not None and indexer.poll() is None:
            # Closing its stdin stops it between two articles; it is not waited for long.
            with contextlib.suppress(OSError):
                indexer.stdin.close()  # type: ignore[union-attr]
            try:
                indexer.wait(timeout=2)
            except subprocess.TimeoutExpired:
                indexer.kill()
        self.bookmarks.close()
        self.writer.close()
        if self._owns_library:
            self.library.close()

    # -- the library in the background --------------------------------------------------

    def start_refresh(self, names: Sequence[str] | None = None) -> bool:
        """Re-read ``names`` (None: every source) on a worker thread, with progress; feeds
        are fetched concurrently. False (and a notification) when a refresh is running."""
        if any(w.group == "refresh" and not w.is_finished for w in self.workers):
            self.notify("A refresh is already running.", markup=False, timeout=3)
            return False
        self._refresh_started = time.monotonic()
        self._last_reload = 0.0
        self._last_added = 0
        chosen = list(names) if names is not None else None
        self.run_worker(partial(self._refresh_sources, chosen), thread=True, group="refresh", exit_on_error=False)
        return True

    def _refresh_sources(self, names: list[str] | None) -> None:
        """Re-read sources (an unchanged file costs a stat, an unchanged feed a 304), on a
        worker thread with its own connection; progress goes to the UI as messages."""
        with Library.open(self.library.path, default_sources=False, recogniser=self.library.recogniser) as library:

            def progress(update: RefreshProgress) -> None:
                self.post_message(RefreshProgressed(update))

            try:
                report = library.refresh(names, progress=progress)
            except LibraryError as error:
                report = RefreshReport(errors=[("library", str(error))])
        self.post_message(SourcesRefreshed(report))

    @on(RefreshProgressed)
    def _refresh_progressed(self, event: RefreshProgressed) -> None:
        progress = event.progress
        if progress.error:
            # Each failure once, as it happens, naming its source.
            self.notify(
                clean_line(f"{self._location_of(progress.source)}: {progress.error}"),
                title="Could not read a source",
                severity="error",
                markup=False,
                timeout=10,
            )
        main = self._main_screen()
        if main is None:
            return
        main.show_refresh_progress(progress.done, progress.total, progress.added)
        # Headlines appear as they arrive: the list asks the library again, at most twice a
        # second; what arrives in between is shown when that half second is over.
        if progress.added != self._last_added:
            self._last_added = progress.added
            wait = self._last_reload + RELOAD_EVERY - time.monotonic()
            if wait <= 0:
                self._reload_arrivals()
            elif self._reload_timer is None:
                self._reload_timer = self.set_timer(wait, self._reload_arrivals)

    def _reload_arrivals(self) -> None:
        self._reload_timer = None
        self._last_reload = time.monotonic()
        main = self._main_screen()
        if main is not None:
            main.reload()

    def _location_of(self, name: str) -> str:
        try:
            sources = {source.name: source for source in self.library.sources()}
        except LibraryError:
            return name
        source = sources.get(name)
        if source is None:
            return name
        # A feed is named by its name (its address says little); a file by its path.
        return source.name if source.kind == "feed" else source.location

    @on(SourcesRefreshed)
    def _sources_refreshed(self, event: SourcesRefreshed) -> None:
        report = event.report
        if report.errors and report.errors[0][0] == "library" and not report.sources:
            self.notify(clean_line(report.errors[0][1]), title="Library", severity="error", markup=False)
        main = self._main_screen()
        if main is not None:
            main.finish_refresh()
            if report.added or report.updated or report.removed:
                main.reload()  # asks the library again (100,000 rows: not when nothing changed)
            else:
                main.sources_read()
            main.count_unread()
        if self.index_entities:
            self._schedule_indexer()

    def _schedule_indexer(self) -> None:
        if self.index_delay > 0:
            self.set_timer(self.index_delay, self._start_indexer)
        else:
            self._start_indexer()

    def _start_indexer(self) -> None:
        self.run_worker(self._index_entities, thread=True, group="entities", exclusive=True, exit_on_error=False)

    def _index_entities(self) -> None:
        """Recognise the entities of every article not recognised yet (for ``entity:`` and
        "articles mentioning"), with progress, stopping when the app closes.

        The named recognisers run in a child process (reader.ui.index_process): their data
        stays out of the app's memory and their work off its GIL. A function given as
        ``recognise`` (a test's, a domain's) runs here, in this worker thread.
        """

        def progress(done: int, total: int) -> None:
            self.post_message(EntityProgress(done, total))

        if self._custom_recognise:
            index_backlog(
                self.library.path,
                recogniser=self.library.recogniser,
                recognise=self.recognise,
                progress=progress,
                should_stop=self._stop.is_set,
            )
            return
        command = [sys.executable, "-m", "reader.ui.index_process", str(self.library.path), self.library.recogniser]
        # stderr to a file, not a pipe: a chatty child never blocks on it.
        with (
            tempfile.TemporaryFile("w+") as errors,
            subprocess.Popen(
                command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, text=True
            ) as process,
        ):
            self._indexer = process
            if self._stop.is_set():
                process.stdin.close()  # type: ignore[union-attr]
            for line in process.stdout:  # type: ignore[union-attr]
                done, _, total = line.partition(" ")
                if done.isdigit() and total.strip().isdigit():
                    progress(int(done), int(total))
            process.wait()
            errors.seek(0)
            error = errors.read().strip().splitlines()
        if process.returncode and not self._stop.is_set():
            self.post_message(EntityProgress(0, 0))
            raise RuntimeError(f"entity recognition stopped: {error[-1] if error else process.returncode}")

    @on(EntityProgress)
    def _entity_progress(self, event: EntityProgress) -> None:
        main = self._main_screen()
        if main is not None:
            busy = event.total and event.done < event.total
            main.set_entity_status(f"entities {event.done * 100 // event.total}%" if busy else "")

    def _main_screen(self) -> MainScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, MainScreen)), None)

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
            callback: Callable[[], Awaitable[object]]
            if entry.group == "Headlines" and isinstance(screen, ReaderScreen):
                callback = partial(self._run_in_pane, screen, screen.headlines, entry.action)
            elif entry.group == "Article" and isinstance(screen, ReaderScreen):
                callback = partial(self._run_in_pane, screen, screen.article_view, entry.action)
            else:
                callback = partial(self.run_action, entry.action, entry.node)
            title = f"{entry.group}: {entry.description}" if entry.group != "Anywhere" else entry.description
            if entry.action == "help":
                title = "Keys (help)"
            yield SystemCommand(
                safe_markup(title), safe_markup(f"{entry.tooltip} ({' / '.join(entry.keys)})"), callback
            )
        if isinstance(screen, MainScreen) and (screen.mention_filter or screen.filter_text):
            yield SystemCommand(
                "Clear the headline filters", "Show every headline again (Esc)", screen.action_clear_filter
            )

    async def _run_in_pane(self, screen: Screen, pane: Widget, action: str) -> None:
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
