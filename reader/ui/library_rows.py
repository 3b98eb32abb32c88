"""The app's hold on the library: the rows the headline list draws, and writes done off the UI thread.

- :class:`LibraryRows` is the headline list's provider over a library result set
  (``lib.results(q)``): only the rows drawn are fetched. Read state changed in this session
  is applied at once from :attr:`LibraryRows.overrides`, before the write reaches the file.
- :class:`LibraryWriter` runs library writes (mark read, mark all read, bookmarked ids) and
  longer reads (next unread, counts) one after another on ONE background thread with its
  own connection, so a keypress never waits on the database; results come back to the UI
  as a callback on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from reader.library import Headline, Library, Results
from reader.model import Article

T = TypeVar("T")


class LibraryRows:
    """Rows of a library result set, with this session's read marks applied."""

    def __init__(self, library: Library, results: Results, overrides: dict[str, bool]) -> None:
        self.library = library
        self.results = results
        self.overrides = overrides
        """Article id -> read, for marks written (or being written) in this session (shared)."""

    def __len__(self) -> int:
        return len(self.results)

    def window(self, offset: int, limit: int) -> list[Headline]:
        rows = self.results.window(offset, limit)
        if not self.overrides:
            return rows
        return [
            replace(row, read=self.overrides[row.id])
            if row.id in self.overrides and self.overrides[row.id] != row.read
            else row
            for row in rows
        ]

    def index_of(self, article_id: str) -> int | None:
        return self.results.index_of(article_id)

    def article(self, article_id: str) -> Article | None:
        return self.library.article(article_id)


class LibraryWriter:
    """One background thread, with its own connection to the library, doing jobs in order."""

    def __init__(self, path: Path, recogniser: str) -> None:
        self.path = path
        self.recogniser = recogniser
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-library")
        self._local = threading.local()

    def _library(self) -> Library:
        library = getattr(self._local, "library", None)
        if library is None:
            library = Library.open(self.path, default_sources=False, recogniser=self.recogniser)
            self._local.library = library
        return library

    def submit(
        self,
        job: Callable[[Library], T],
        done: Callable[[T], Any] | None = None,
        failed: Callable[[BaseException], Any] | None = None,
    ) -> Future[T]:
        """Run ``job(library)`` on the writer thread; then ``done(result)`` or ``failed(error)``
        there too (they should post a message to the UI, which is thread-safe)."""

        def run() -> T:
            try:
                result = job(self._library())
            except BaseException as error:
                if failed is not None:
                    failed(error)
                raise
            if done is not None:
                done(result)
            return result

        return self._executor.submit(run)

    def close(self) -> None:
        """Finish the queued jobs (writes are never dropped), then close the connection."""
        self._executor.submit(self._close_library).result()
        self._executor.shutdown(wait=True)

    def _close_library(self) -> None:
        library = getattr(self._local, "library", None)
        if library is not None:
            library.close()
            self._local.library = None
