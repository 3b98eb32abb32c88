"""The app's hold on the bookmark store: every failure becomes a notification, never a crash.

The store (``reader.store``) does the saving; this only turns its results and its
``StoreError``s into what the user is told, and keeps the undo stack of removals.
"""

from __future__ import annotations

from textual.app import App

from reader.model import Article, Bookmark
from reader.sanitize import clean_line
from reader.store import BookmarkStore, StoreError


class Bookmarks:
    """Bookmarks for the UI. ``store`` is None when the file could not be opened at all."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.store: BookmarkStore | None = None
        self.open_error: str | None = None
        self._removed: list[Bookmark] = []
        try:
            self.store = BookmarkStore()
        except StoreError as error:
            self.open_error = str(error)

    def startup_messages(self) -> list[tuple[str, str]]:
        """``(severity, message)`` pairs to show once the app is on screen."""
        messages = []
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

    def toggle(self, article: Article) -> bool | None:
        """Bookmark ``article``, or remove its bookmark. True: saved; False: removed; None: failed."""
        if self.store is None:
            self._unavailable()
            return None
        try:
            if self.store.contains(article.id):
                return False if self.remove(article.id) else None
            self.store.add(article)
        except StoreError as error:
            self._fail(error)
            return None
        self.app.notify(clean_line(f"Bookmarked: {article.title}"), markup=False, timeout=3)
        return True

    def remove(self, article_id: str) -> bool:
        """Remove a bookmark; it can be put back with :meth:`undo`."""
        if self.store is None:
            self._unavailable()
            return False
        try:
            bookmark = self.store.get(article_id)
            if bookmark is None or not self.store.remove(article_id):
                return False
        except StoreError as error:
            self._fail(error)
            return False
        self._removed.append(bookmark)
        self.app.notify(
            clean_line(f"Removed bookmark: {bookmark.article.title}") + " · u undoes",
            markup=False,
            timeout=6,
        )
        return True

    def undo(self) -> Bookmark | None:
        """Put back the last removed bookmark exactly as it was (note, tags and time saved)."""
        if not self._removed or self.store is None:
            self.app.notify("Nothing to undo.", markup=False, timeout=3)
            return None
        bookmark = self._removed[-1]
        try:
            self.store.restore(bookmark)
        except StoreError as error:
            self._fail(error)
            return None
        self._removed.pop()
        self.app.notify(clean_line(f"Restored: {bookmark.article.title}"), markup=False, timeout=3)
        return bookmark

    def set_note(self, article_id: str, note: str) -> Bookmark | None:
        if self.store is None:
            self._unavailable()
            return None
        try:
            return self.store.set_note(article_id, note)
        except StoreError as error:
            self._fail(error)
            return None

    def set_tags(self, article_id: str, tags: list[str]) -> Bookmark | None:
        if self.store is None:
            self._unavailable()
            return None
        try:
            return self.store.set_tags(article_id, tags)
        except StoreError as error:
            self._fail(error)
            return None

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
