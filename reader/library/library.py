"""The :class:`Library`: every source's articles in one SQLite file, read lazily.

Thread rule: one ``Library`` per thread is the intended use (opening one is cheap); a
``Library`` shared between threads is still safe, its calls are serialised by a lock.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.entities.index import alias_keys, entity_key
from reader.library import database, entity_index, full_stories, refresh, schema, source_table
from reader.library.database import LibraryError
from reader.library.query import Query, parse_query
from reader.library.refresh import Job, RefreshProgress, RefreshReport
from reader.library.results import OrderCache, Results, compile_filters, matching_sql, ordered_rowids
from reader.library.source_table import SourceInfo
from reader.library.writer import Writer, delete_articles, hand_over
from reader.model import Article, Entity
from reader.paths import data_dir, seeds_dir
from reader.sanitize import clean_line
from reader.store.sqlite_file import immediate


def default_path() -> Path:
    """Where the library lives unless told otherwise (honours ``--data-dir`` and XDG)."""
    return data_dir() / schema.FILENAME


class Library:
    """Sources, articles, read state, search and the entity index. Open with :meth:`open`."""

    def __init__(self, connection: sqlite3.Connection, path: Path, recovery: str | None, recogniser: str) -> None:
        self._connection: sqlite3.Connection | None = connection
        self.path = path
        self.recovery = recovery
        """One line for the user when a damaged file was moved aside on opening, else None."""
        self.recogniser = recogniser
        """Whose entities :meth:`entities`, :meth:`entity_backlog` and ``entity:`` use."""
        self._lock = threading.RLock()
        self._publishers: tuple[tuple[int, int], list[str]] | None = None
        self._order_cache = OrderCache()

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        default_sources: bool = True,
        recogniser: str = "builtin",
        timeout: float = database.DEFAULT_TIMEOUT,
    ) -> Library:
        """Open (creating, migrating or repairing) the library at ``path`` (default: the data dir).

        On first use the bundled seeds become its source (``default_sources``). Nothing is
        read from the sources here: call :meth:`refresh`.
        """
        path = Path(path) if path is not None else default_path()
        connection, recovery = database.open_connection(path, timeout)
        library = cls(connection, path, recovery, recogniser)
        if default_sources:
            try:
                library._seed()
            except BaseException:
                library.close()
                raise
        return library

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- sources ------------------------------------------------------------------------------------

    def add_source(
        self, location: str, *, name: str | None = None, kind: str | None = None, tags: Sequence[str] = ()
    ) -> SourceInfo:
        """Add a source (a no-op returning it when its location is known). ``kind`` None: detect it."""
        location = str(location)
        found = refresh.get_kind(kind) if kind else refresh.detect(location)
        if found is None:
            if kind:
                raise LibraryError(f"unknown kind of source: {clean_line(kind)}")
            if "://" not in location and not Path(location).expanduser().exists():
                raise LibraryError(f"{clean_line(location)}: no such file or directory")
            if "://" not in location and Path(location).expanduser().is_dir():
                raise LibraryError(f"{clean_line(location)}: the directory holds no files Dateline can read")
            raise LibraryError(f"{clean_line(location)}: not a kind of source Dateline can read")
        try:
            canonical = found.locate(location)
        except ValueError as error:
            raise LibraryError(clean_line(str(error))) from None
        with self._write() as connection:
            row = connection.execute("SELECT id FROM sources WHERE location = ?", (canonical,)).fetchone()
            if row is None:
                wanted = clean_line(name) if name is not None else clean_line(found.default_name(canonical))
                if name is not None and not wanted:
                    raise LibraryError("a source name cannot be empty")
                unique = source_table.unique_name(connection, wanted or found.name, exact=name is not None)
                tag_list = [t for t in (clean_line(t) for t in tags) if t]
                connection.execute(
                    "INSERT INTO sources (name, location, kind, tags, added_at) VALUES (?, ?, ?, ?, ?)",
                    (unique, canonical, found.name, json.dumps(tag_list), int(time.time())),
                )
        return self._find(canonical)

    def remove_source(self, name_or_location: str) -> SourceInfo:
        """Remove a source and its articles, except bookmarked ones (kept, with no source)."""
        info = self._find(name_or_location)
        with self._write() as connection:
            connection.execute("DELETE FROM also_in WHERE source_id = ?", (info.id,))
            hand_over(connection, "source_id = ?", (info.id,))  # bookmarked ones too
            delete_articles(connection, "source_id = ? AND id NOT IN (SELECT article_id FROM bookmarked)", (info.id,))
            connection.execute("UPDATE articles SET source_id = NULL WHERE source_id = ?", (info.id,))
            connection.execute("DELETE FROM sources WHERE id = ?", (info.id,))
        return info

    def rename_source(self, name_or_location: str, new_name: str) -> SourceInfo:
        info = self._find(name_or_location)
        wanted = clean_line(new_name)
        if not wanted:
            raise LibraryError("a source name cannot be empty")
        with self._write() as connection:
            source_table.unique_name(connection, wanted, exact=True, allow_id=info.id)
            connection.execute("UPDATE sources SET name = ? WHERE id = ?", (wanted, info.id))
        return self._find(info.location)

    def sources(self) -> list[SourceInfo]:
        """Every source with its article and unread counts, in the order they were added."""
        with self._read() as connection:
            return source_table.all_sources(connection)

    def refresh(
        self,
        names: Sequence[str] | None = None,
        *,
        progress: Callable[[RefreshProgress], None] | None = None,
        only_new: bool = False,
    ) -> RefreshReport:
        """Re-read sources (all, or those named); ``only_new``: only those never read yet."""
        with self._lock:
            with self._write() as connection:
                if names is None:
                    ids = [row[0] for row in connection.execute("SELECT id FROM sources")]
                else:
                    ids = list(dict.fromkeys(source_table.find_id(connection, name) for name in names))
                condition = " AND refreshed_at IS NULL" if only_new else ""
                rows = connection.execute(
                    f"UPDATE sources SET gen = gen + 1 WHERE id IN ({','.join('?' * len(ids))}){condition} "
                    "RETURNING id, name, location, kind, state, gen",
                    ids,
                ).fetchall()
            rows.sort()
            writer = Writer(self._transaction, len(rows), progress)
            by_kind: dict[str, list[Job]] = {}
            for source_id, name, location, kind_name, state, gen in rows:
                job = Job(source_id, name, location, _json_dict(state), gen)
                by_kind.setdefault(kind_name, []).append(job)
            for kind_name, jobs in by_kind.items():
                kind = refresh.get_kind(kind_name)
                if kind is None:
                    for job in jobs:
                        writer.failed(job, f"this Dateline cannot read sources of kind {kind_name!r}")
                    continue
                try:
                    kind.refresh(jobs, writer)
                except sqlite3.DatabaseError as error:
                    raise database.error_for(error, self.path, "refresh the library") from None
                except LibraryError:
                    raise
                except Exception as error:  # a kind's bug: its unfinished sources fail, in one line each
                    message = clean_line(f"the {kind_name} reader failed: {type(error).__name__}: {error}")
                    for job in jobs:
                        if not writer.finished(job):
                            writer.failed(job, message[:300])
            with self._read() as connection:
                pending = connection.execute("SELECT 1 FROM pending_read LIMIT 1").fetchone() is not None
            if pending:
                with self._write() as connection:
                    _apply_pending_read(connection)
            return writer.report

    # -- reading --------------------------------------------------------------------------------------

    def parse_query(self, text: str) -> Query:
        return parse_query(text)

    def results(self, query: Query | str = "", *, order: str = "newest") -> Results:
        """The articles matching ``query``, newest first (or by ``order="rank"`` when it has words)."""
        if isinstance(query, str):
            query = parse_query(query)
        with self._read() as connection:
            connection.execute("BEGIN")  # one snapshot for the cached order and the query
            try:
                where, params = self._filters(connection, query, excluded=False)
                rowids = ordered_rowids(connection, query, where, params, order, self._order_cache)
            finally:
                connection.execute("COMMIT")
        return Results(rowids, self._fetch)

    def article(self, article_id: str) -> Article | None:
        with self._read() as connection:
            row = connection.execute(
                "SELECT id, title, body, source, section, byline, url, published, origin FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            return None
        article_id, title, body, source, section, byline, url, published, origin = row
        return Article(
            id=article_id,
            title=title,
            paragraphs=tuple(body.split("\n\n")) if body else (),
            source=source,
            section=section,
            byline=byline,
            url=url,
            published=published,
            origin=origin,
        )

    def is_read(self, article_id: str) -> bool | None:
        with self._read() as connection:
            row = connection.execute("SELECT read FROM articles WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else bool(row[0])

    def mark_read(self, ids: Iterable[str], read: bool = True) -> int:
        """Mark articles read (or unread); returns how many changed."""
        wanted = [(int(read), article_id, int(read)) for article_id in dict.fromkeys(ids)]
        with self._write(durable=True) as connection:
            before = connection.total_changes
            connection.executemany("UPDATE articles SET read = ? WHERE id = ? AND read != ?", wanted)
            return connection.total_changes - before

    def mark_all_read(self, query: Query | str = "", read: bool = True) -> int:
        """Mark every article matching ``query`` read (or unread); returns how many changed."""
        if isinstance(query, str):
            query = parse_query(query)
        with self._write(durable=True) as connection:
            where, params = self._filters(connection, query)
            sql, params = matching_sql(query, where, params)
            cursor = connection.execute(
                f"UPDATE articles SET read = ? WHERE read != ? AND n IN ({sql})", [int(read), int(read), *params]
            )
            return max(cursor.rowcount, 0)

    def unread_count(self, source: str | None = None) -> int:
        if source is not None:
            return self._find(source).unread
        with self._read() as connection:
            return int(
                connection.execute(
                    "SELECT count(*) FROM articles INDEXED BY articles_source WHERE read = 0"
                ).fetchone()[0]
            )

    def count(self) -> int:
        with self._read() as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])

    # -- bookmarks ------------------------------------------------------------------------------------

    def set_bookmarked(self, ids: Iterable[str]) -> None:
        """The bookmarked ids (the whole set): for ``is:bookmarked``, and kept when their source goes.

        Articles whose source is gone and that are no longer bookmarked are removed.
        """
        wanted = [(article_id,) for article_id in dict.fromkeys(ids)]
        with self._write() as connection:
            connection.execute("DELETE FROM bookmarked")
            connection.executemany("INSERT INTO bookmarked (article_id) VALUES (?)", wanted)
            delete_articles(connection, "source_id IS NULL AND id NOT IN (SELECT article_id FROM bookmarked)")

    # -- full stories (feeds) --------------------------------------------------------------------------

    def full_story(self, article_id: str) -> full_stories.FullStory | None:
        """The whole story fetched for an article (see :meth:`store_full_story`), if any."""
        with self._read() as connection:
            return full_stories.load(connection, article_id)

    def store_full_story(self, article_id: str, url: str, paragraphs: Sequence[str]) -> full_stories.FullStory:
        """Keep the whole story behind an article for offline reading (replacing an older one)."""
        with self._write() as connection:
            if connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
                raise LibraryError(f"no article with id {clean_line(article_id)}")
            return full_stories.store(connection, article_id, url, paragraphs)

    # -- entities -------------------------------------------------------------------------------------

    def entity_backlog(self, limit: int) -> list[tuple[str, str]]:
        """Up to ``limit`` ``(content_hash, body)`` not yet recognised by :attr:`recogniser`."""
        with self._read() as connection:
            return entity_index.backlog(connection, self.recogniser, limit)

    def store_entities(self, content_hash: str, entities: Sequence[Entity]) -> None:
        self.store_many_entities([(content_hash, entities)])

    def store_many_entities(self, items: Iterable[tuple[str, Sequence[Entity]]]) -> None:
        """Store several results in one transaction (what the indexer does per batch)."""
        with self._write() as connection:
            for content_hash, entities in items:
                entity_index.store(connection, self.recogniser, content_hash, entities)

    def entities(self, content_hash: str) -> tuple[Entity, ...] | None:
        with self._read() as connection:
            return entity_index.load(connection, self.recogniser, content_hash)

    def entity_progress(self) -> tuple[int, int]:
        """``(done, total)``: distinct article contents recognised, and in the library."""
        with self._read() as connection:
            return entity_index.progress(connection, self.recogniser)

    def mentioning(self, name: str, keys: Iterable[str] = ()) -> Query:
        """The query for every article whose entities include ``name`` ("Huawei's" = "Huawei"),
        or any of ``keys``: the other names it goes by (``reader.entities.index.keys_for``)."""
        key = entity_key(clean_line(name))
        forms = ({k for k in keys if k} | alias_keys(key)) - {key, ""}
        return Query(text=f'entity:"{clean_line(name)}"', entities=((key, *sorted(forms)),) if key else ())

    # -- internals -------------------------------------------------------------------------------------

    def _seed(self) -> None:
        with self._read() as connection:  # the common case, without taking the write lock
            if connection.execute("SELECT 1 FROM meta WHERE key = 'seeded'").fetchone() is not None:
                return
        with self._write() as connection:
            if connection.execute("SELECT 1 FROM meta WHERE key = 'seeded'").fetchone() is not None:
                return
            connection.execute("INSERT INTO meta (key, value) VALUES ('seeded', '1')")
            has_sources = connection.execute("SELECT 1 FROM sources LIMIT 1").fetchone() is not None
        if not has_sources and seeds_dir().is_dir():
            self.add_source(str(seeds_dir()), name="seeds", kind="dump")

    def _filters(
        self, connection: sqlite3.Connection, query: Query, *, excluded: bool = True
    ) -> tuple[list[str], list[Any]]:
        source_ids: list[int] = []
        publishers: list[str] = []
        if query.sources:
            known = self._known_publishers(connection)
            source_ids, publishers = source_table.resolve_filter(connection, query.sources, known)
        return compile_filters(query, source_ids, publishers, self.recogniser, excluded=excluded)

    def _known_publishers(self, connection: sqlite3.Connection) -> list[str]:
        stamp = (connection.execute("PRAGMA data_version").fetchone()[0], connection.total_changes)
        if self._publishers is None or self._publishers[0] != stamp:
            rows = connection.execute(
                "SELECT DISTINCT source COLLATE NOCASE FROM articles INDEXED BY articles_publisher WHERE source != ''"
            )
            self._publishers = (stamp, [row[0] for row in rows])
        return self._publishers[1]

    def _find(self, name_or_location: str) -> SourceInfo:
        with self._read() as connection:
            return source_table.find(connection, name_or_location)

    def _fetch(self, sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
        with self._read() as connection:
            return connection.execute(sql, params).fetchall()

    def _connection_or_fail(self) -> sqlite3.Connection:
        if self._connection is None:
            raise LibraryError("the library is closed")
        return self._connection

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            connection = self._connection_or_fail()
            try:
                yield connection
            except sqlite3.DatabaseError as error:
                raise database.error_for(error, self.path, "read the library") from None

    @contextmanager
    def _write(self, *, durable: bool = False) -> Iterator[sqlite3.Connection]:
        with self._lock:
            connection = self._connection_or_fail()
            try:
                with immediate(connection, durable=durable):
                    yield connection
            except sqlite3.DatabaseError as error:
                raise database.error_for(error, self.path, "write the library") from None

    def _transaction(self) -> Any:
        return self._write()


def _apply_pending_read(connection: sqlite3.Connection) -> None:
    connection.execute("UPDATE articles SET read = 1 WHERE id IN (SELECT article_id FROM pending_read)")
    connection.execute("DELETE FROM pending_read WHERE article_id IN (SELECT id FROM articles)")


def _json_dict(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}
