"""The library's side of a refresh: the :class:`~reader.library.refresh.Sink` kinds write through.

Articles arrive as an iterable and are written in batches of :data:`BATCH`, one
``BEGIN IMMEDIATE`` transaction each (``executemany`` of one upsert), so a refresh never holds
the write lock while it parses, and never holds more than a batch in memory.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from reader.library.refresh import Job, RefreshProgress, RefreshReport
from reader.library.schema import FTS_COLUMNS
from reader.model import Article
from reader.sanitize import clean_line

BATCH = 1000
SOURCE_SEQ = 1 << 40
"""``seq`` of a source's articles starts at ``source_id * SOURCE_SEQ``."""

_COLUMNS = (
    "id, source_id, read, rank_time, seq, gen, first_seen, published_at, content_hash, "
    "title, source, section, byline, url, published, origin, body"
)
UPSERT_SQL = f"""
INSERT INTO articles ({_COLUMNS}) VALUES (?, ?, 0, coalesce(?, ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    source_id = excluded.source_id,
    seq = CASE WHEN articles.gen = excluded.gen THEN articles.seq ELSE excluded.seq END,
    gen = max(articles.gen, excluded.gen),
    rank_time = coalesce(excluded.published_at, articles.first_seen),
    published_at = excluded.published_at,
    content_hash = excluded.content_hash,
    title = excluded.title,
    source = excluded.source,
    section = excluded.section,
    byline = excluded.byline,
    url = excluded.url,
    published = excluded.published,
    origin = excluded.origin,
    body = excluded.body
WHERE articles.source_id IS excluded.source_id OR articles.source_id IS NULL
"""
# An article already stored by another source stays that source's (stored once).

_NOT_BOOKMARKED = "id NOT IN (SELECT article_id FROM bookmarked)"


def index_new(connection: sqlite3.Connection, after: int) -> None:
    """Index every article stored with a rowid above ``after`` (inside the writing transaction)."""
    connection.execute(
        f"INSERT INTO articles_fts (rowid, {FTS_COLUMNS}) SELECT n, {FTS_COLUMNS} FROM articles WHERE n > ?",
        (after,),
    )


_OTHER_HOLDER = (
    "FROM also_in x JOIN sources s ON s.id = x.source_id "
    "WHERE x.article_id = articles.id AND x.source_id IS NOT articles.source_id ORDER BY x.source_id LIMIT 1"
)


def hand_over(connection: sqlite3.Connection, condition: str, params: Sequence[Any] = ()) -> None:
    """The articles matching ``condition`` that another source also has pass to that source."""
    if connection.execute("SELECT 1 FROM also_in LIMIT 1").fetchone() is None:
        return
    connection.execute(
        f"UPDATE articles SET source_id = (SELECT x.source_id {_OTHER_HOLDER}), "
        f"gen = (SELECT s.gen {_OTHER_HOLDER}), origin = (SELECT x.origin {_OTHER_HOLDER}) "
        f"WHERE {condition} AND EXISTS (SELECT 1 {_OTHER_HOLDER})",
        params,
    )
    connection.execute(  # the new owners' memberships are now their ownership
        "DELETE FROM also_in WHERE source_id = (SELECT a.source_id FROM articles a WHERE a.id = also_in.article_id)"
    )


def bump_order(connection: sqlite3.Connection) -> None:
    """Note that articles were added, removed or reordered (what caches of the order watch)."""
    connection.execute(
        "INSERT INTO meta (key, value) VALUES ('order', 1) ON CONFLICT (key) DO UPDATE SET value = value + 1"
    )


def delete_articles(connection: sqlite3.Connection, condition: str, params: Sequence[Any] = ()) -> int:
    """Let go of the articles matching ``condition``: one that another source also has passes to
    it (:func:`hand_over`); the rest are deleted with their index entries. Returns how many were deleted."""
    hand_over(connection, condition, params)
    connection.execute(
        f"INSERT INTO articles_fts (articles_fts, rowid, {FTS_COLUMNS}) "
        f"SELECT 'delete', n, {FTS_COLUMNS} FROM articles WHERE {condition}",
        params,
    )
    deleted = max(connection.execute(f"DELETE FROM articles WHERE {condition}", params).rowcount, 0)
    if deleted:
        bump_order(connection)
    return deleted


def last_rowid(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT coalesce(max(n), 0) FROM articles").fetchone()[0])


def published_epoch(text: str) -> int | None:
    """UTC epoch seconds of an ISO 8601 date or date-time (naive means UTC); None if unknown."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        try:
            day = date.fromisoformat(text.strip()[:10])
        except ValueError:
            return None
        moment = datetime(day.year, day.month, day.day)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


class Writer:
    """Writes what kinds find; sums it into a :class:`RefreshReport`; reports progress."""

    def __init__(
        self,
        transaction: Callable[[], Any],
        total: int,
        progress: Callable[[RefreshProgress], None] | None,
    ) -> None:
        self._transaction = transaction
        self._progress = progress
        self.report = RefreshReport(sources=total)
        self._total = total
        self._done = 0
        self._finished: set[int] = set()
        self._now = int(time.time())

    # -- Sink -----------------------------------------------------------------------------------

    def store(
        self,
        job: Job,
        articles: Iterable[Article],
        *,
        replace: bool = False,
        origin: str | None = None,
        first_seq: int = 0,
    ) -> int:
        added = 0
        first_seq += job.source_id * SOURCE_SEQ  # articles stored at the same time stay grouped by source
        for batch in _batches(articles, BATCH):
            added += self._write(job, batch, first_seq)
            first_seq += len(batch)
        if replace:
            condition = "source_id = ? AND gen < ?"
            params: list[Any] = [job.source_id, job.gen]
            if origin is not None:
                condition += " AND origin = ?"
                params.append(origin)
            with self._transaction() as connection:
                connection.execute(f"DELETE FROM also_in WHERE {condition}", params)
                self.report.removed += delete_articles(connection, f"{condition} AND {_NOT_BOOKMARKED}", params)
        return added

    def drop_origin(self, job: Job, origin: str) -> int:
        with self._transaction() as connection:
            connection.execute("DELETE FROM also_in WHERE source_id = ? AND origin = ?", (job.source_id, origin))
            removed = delete_articles(
                connection, f"source_id = ? AND origin = ? AND {_NOT_BOOKMARKED}", (job.source_id, origin)
            )
        self.report.removed += removed
        return removed

    def progress(self, job: Job, fraction: float) -> None:
        self._tell(job, fraction=fraction)

    def unchanged(self, job: Job) -> None:
        with self._transaction() as connection:
            connection.execute(
                "UPDATE sources SET refreshed_at = ?, error = '' WHERE id = ?", (int(time.time()), job.source_id)
            )
        self.report.unchanged += 1
        self._finish(job)

    def done(self, job: Job, state: Mapping[str, Any], error: str = "") -> None:
        error = clean_line(error)
        with self._transaction() as connection:
            connection.execute(
                "UPDATE sources SET state = ?, error = ?, refreshed_at = ? WHERE id = ?",
                (json.dumps(dict(state)), error, int(time.time()), job.source_id),
            )
        if error:
            self.report.errors.append((job.name, error))
        self._finish(job, error)

    def failed(self, job: Job, message: str) -> None:
        message = clean_line(message) or "could not be read"
        with self._transaction() as connection:
            connection.execute("UPDATE sources SET error = ? WHERE id = ?", (message, job.source_id))
        self.report.errors.append((job.name, message))
        self._finish(job, message)

    # -- internals ------------------------------------------------------------------------------

    def _write(self, job: Job, batch: list[Article], first_seq: int) -> int:
        unique: dict[str, tuple[int, Article]] = {}
        for offset, article in enumerate(batch):
            unique.setdefault(article.id, (first_seq + offset, article))
        marks = ",".join("?" * len(unique))
        with self._transaction() as connection:
            known: dict[str, tuple[str, str]] = {}
            shared = []
            for article_id, content_hash, title, owner in connection.execute(
                f"SELECT id, content_hash, title, source_id FROM articles WHERE id IN ({marks})", list(unique)
            ):
                known[article_id] = (content_hash, title)
                if owner is not None and owner != job.source_id:
                    shared.append((article_id, job.source_id, job.gen, unique[article_id][1].origin))
            if shared:  # stored once, by another source: remember this one has it too
                connection.executemany("INSERT OR REPLACE INTO also_in VALUES (?, ?, ?, ?)", shared)
            rows = []
            for article_id, (seq, article) in unique.items():
                body = article.body
                content_hash = article.content_hash
                before = known.get(article_id)
                if before is None:
                    self.report.added += 1
                elif before != (content_hash, article.title):
                    self.report.updated += 1
                published_at = published_epoch(article.published)
                rows.append(
                    (
                        article_id,
                        job.source_id,
                        published_at,
                        self._now,
                        seq,
                        job.gen,
                        self._now,
                        published_at,
                        content_hash,
                        article.title,
                        article.source,
                        article.section,
                        article.byline,
                        article.url,
                        article.published,
                        article.origin,
                        body,
                    )
                )
            before_insert = last_rowid(connection)
            connection.executemany(UPSERT_SQL, rows)
            bump_order(connection)
            index_new(connection, before_insert)
        return sum(1 for article_id in unique if article_id not in known)

    def finished(self, job: Job) -> bool:
        """Whether the kind has ended ``job`` (done, unchanged or failed)."""
        return job.source_id in self._finished

    def _finish(self, job: Job, error: str = "") -> None:
        self._finished.add(job.source_id)
        self._done += 1
        self._tell(job, error=error, fraction=1.0)

    def _tell(self, job: Job, *, error: str = "", fraction: float = 0.0) -> None:
        if self._progress is not None:
            self._progress(
                RefreshProgress(
                    done=self._done,
                    total=self._total,
                    source=job.name,
                    added=self.report.added,
                    error=error,
                    fraction=fraction,
                )
            )


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
