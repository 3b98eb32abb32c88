"""The app's hold on the bookmark store: every failure becomes a notification, never a crash,
and the UI never waits on another process.

The store (``reader.store``) does the saving; this only turns its results and its
``StoreError``s into what the user is told, and keeps the undo stack of removals.

A write is tried at once with a short patience (:data:`UI_PATIENCE`): the common case is a
few milliseconds and the screen updates with it. When another process holds the bookmarks
file longer than that, the write — and every write after it, so that their order is kept —
goes to one background thread with its own connection and the store's full timeout; the
user is told it is pending, and the screen is refreshed when it is done
(``screen.bookmarks_changed()``). Reads never wait on a writer (the file is in WAL mode).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from textual.app import App
from textual.notifications import SeverityLevel

from reader.model import Article, Bookmark
from reader.sanitize import clean_line
from reader.store import DEFAULT_TIMEOUT, BookmarkStore, StoreBusy, StoreError

_T = TypeVar("_T")

UI_PATIENCE = 0.2
"""Seconds the UI thread waits for another process's lock before handing the write on."""


class Bookmarks:
    """Bookmarks for the UI. ``store`` is None when the file could not be opened at all."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.store: BookmarkStore | None = None
        self.open_error: str | None = None
        self._removed: list[Bookmark] = []
        self._executor: ThreadPoolExecutor | None = None
        self._background_store: BookmarkStore | None = None
        self._pending = 0
        self._pending_lock = threading.Lock()
        try:
            # Opened (and repaired, if need be) with the full patience; then the UI waits briefly.
            self.store = BookmarkStore()
            self.store.set_timeout(UI_PATIENCE)
        except StoreError as error:
            self.open_error = str(error)

    def startup_messages(self) -> list[tuple[SeverityLevel, str]]:
        """``(severity, message)`` pairs to show once the app is on screen."""
        messages: list[tuple[SeverityLevel, str]] = []
        if self.open_error:
            messages.append(("error", f"Bookmarks are unavailable: {self.open_error}"))
        elif self.store is not None and self.store.recovery is not None:
            messages.append(("warning", f"Bookmarks: {self.store.recovery}"))
        return messages

    def _fail(self, error: StoreError) -> None:
        self.app.notify(clean_line(str(error)), title="Bookmarks", severity="error", markup=False, timeout=8)

    def _unavailable(self) -> None:
        self.app.notify(
            clean_line(f"Bookmarks are unavailable: {self.open_error}"),
            title="Bookmarks",
            severity="error",
            markup=False,
        )

    # -- reading ----------------------------------------------------------------------

    def ids(self) -> set[str]:
        if self.store is None:
            return set()
        try:
            return self.store.ids()
        except StoreError as error:
            self._fail(error)
            return set()

    def list(self) -> list[Bookmark]:
        if self.store is None:
            return []
        try:
            return self.store.list()
        except StoreError as error:
            self._fail(error)
            return []

    # -- writing ----------------------------------------------------------------------

    @property
    def pending(self) -> int:
        """Writes waiting in the background for another process to let go of the file."""
        return self._pending

    def _write(self, operation: Callable[[BookmarkStore], _T], done: Callable[[_T], Any]) -> _T | None:
        """Run ``operation`` on the store and ``done`` with its result, on the UI thread.

        Returns the result when it ran at once; None when it failed or went to the background.
        """
        if self.store is None:
            self._unavailable()
            return None
        if not self._pending:
            try:
                result = operation(self.store)
            except StoreBusy:
                self.app.notify(
                    "Another program is using the bookmarks file: saving in the background…",
                    title="Bookmarks",
                    markup=False,
                    timeout=4,
                )
            except StoreError as error:
                self._fail(error)
                return None
            else:
                done(result)
                return result
        self._in_background(operation, done)
        return None

    def _in_background(self, operation: Callable[[BookmarkStore], _T], done: Callable[[_T], Any]) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bookmarks")
        with self._pending_lock:
            self._pending += 1

        def run() -> None:
            try:
                if self._background_store is None:
                    self._background_store = BookmarkStore(
                        self.store.path if self.store else None, timeout=DEFAULT_TIMEOUT
                    )
                result = operation(self._background_store)
            except StoreError as error:
                self._finish(partial(self._fail, error))
            except Exception as error:  # the app's net logs it; never lost silently
                self._finish(partial(self.app._handle_exception, error))
            else:
                self._finish(partial(done, result))

        self._executor.submit(run)

    def _finish(self, callback: Callable[[], Any]) -> None:
        def on_ui_thread() -> None:
            with self._pending_lock:
                self._pending -= 1
            callback()
            changed = getattr(self.app.screen, "bookmarks_changed", None)
            if callable(changed):
                changed()

        try:
            self.app.call_from_thread(on_ui_thread)
        except RuntimeError:  # the app has gone: nothing left to tell
            with self._pending_lock:
                self._pending -= 1

    def wait(self) -> None:
        """Block until the background writes are done (for tests and for closing)."""
        if self._executor is not None:
            self._executor.submit(lambda: None).result()

    def toggle(self, article: Article) -> bool | None:
        """Bookmark ``article``, or remove its bookmark. True: saved; False: removed; None: failed
        or pending (the screen hears of it through ``bookmarks_changed``)."""

        def operation(store: BookmarkStore) -> tuple[bool, Bookmark | None]:
            existing = store.get(article.id)
            if existing is None:
                store.add(article)
                return True, None
            return False, (existing if store.remove(article.id) else None)

        def done(outcome: tuple[bool, Bookmark | None]) -> None:
            saved, removed = outcome
            if saved:
                self.app.notify(clean_line(f"Bookmarked: {article.title}"), markup=False, timeout=3)
            elif removed is not None:
                self._removed_one(removed)

        outcome = self._write(operation, done)
        if outcome is None:
            return None
        saved, removed = outcome
        return True if saved else (False if removed is not None else None)

    def remove(self, article_id: str) -> bool:
        """Remove a bookmark; it can be put back with :meth:`undo`."""

        def operation(store: BookmarkStore) -> Bookmark | None:
            bookmark = store.get(article_id)
            if bookmark is None or not store.remove(article_id):
                return None
            return bookmark

        def done(bookmark: Bookmark | None) -> None:
            if bookmark is not None:
                self._removed_one(bookmark)

        return self._write(operation, done) is not None

    def _removed_one(self, bookmark: Bookmark) -> None:
        self._removed.append(bookmark)
        self.app.notify(
            clean_line(f"Removed bookmark: {bookmark.article.title}") + " · u undoes",
            markup=False,
            timeout=6,
        )

    def undo(self) -> Bookmark | None:
        """Put back the last removed bookmark exactly as it was (note, tags and time saved)."""
        if not self._removed or self.store is None:
            self.app.notify("Nothing to undo.", markup=False, timeout=3)
            return None
        bookmark = self._removed.pop()

        def done(_: bool) -> None:
            self.app.notify(clean_line(f"Restored: {bookmark.article.title}"), markup=False, timeout=3)

        def operation(store: BookmarkStore) -> bool:
            try:
                return store.restore(bookmark)
            except StoreError:
                self._removed.append(bookmark)  # still undoable
                raise

        return bookmark if self._write(operation, done) is not None else None

    def set_note(self, article_id: str, note: str) -> Bookmark | None:
        return self._write(lambda store: store.set_note(article_id, note), lambda _: None)

    def set_tags(self, article_id: str, tags: Sequence[str]) -> Bookmark | None:
        if self.store is None:
            self._unavailable()
            return None
        try:
            return self.store.set_tags(article_id, tags)
        except StoreError as error:
            self._fail(error)
            return None

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        for store in (self.store, self._background_store):
            if store is not None:
                store.close()
