"""Search results as a cheap snapshot: the matching rowids in order, in one array.

:meth:`Results.window` then reads only the rows a list draws, so a 100,000-article library
never becomes 100,000 Python objects. Newest first is answered from the ``articles_order``
index alone; full-text terms are matched by FTS5 and joined by rowid.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import compress, filterfalse, repeat
from typing import Any

from reader.library.query import Query


@dataclass(frozen=True, slots=True)
class Headline:
    """One row of the headline list."""

    id: str
    title: str
    source: str
    """The publisher named by the article, else the library source's name."""
    section: str
    published: datetime | None
    """When published (UTC), if the source said."""
    read: bool
    source_name: str = ""
    """The library source it came from ('' when its source was removed)."""


_HEADLINE_SQL = (
    "SELECT a.n, a.id, a.title, a.source, a.section, a.published_at, a.read, coalesce(s.name, ''), s.kind "
    "FROM articles a LEFT JOIN sources s ON s.id = a.source_id WHERE a.n IN ({marks})"
)


class Results:
    """The articles matching a query, in order. ``len()`` is the count; rows are read by :meth:`window`."""

    def __init__(self, rowids: array[int], fetch: Callable[[str, list[Any]], list[tuple[Any, ...]]]) -> None:
        self._rowids = rowids
        self._fetch = fetch

    def index_of(self, article_id: str) -> int | None:
        """The position of ``article_id`` in these results (to keep a cursor on it), or None."""
        rows = self._fetch("SELECT n FROM articles WHERE id = ?", [article_id])
        return self.rowid_index(rows[0][0]) if rows else None

    def __len__(self) -> int:
        return len(self._rowids)

    def __bool__(self) -> bool:
        return bool(self._rowids)

    def window(self, offset: int, limit: int) -> list[Headline]:
        """The headlines at positions ``offset`` .. ``offset + limit`` (fewer at the end, or when
        articles were removed since the snapshot was taken)."""
        offset = max(0, offset)
        wanted = self._rowids[offset : offset + max(0, limit)]
        if not wanted:
            return []
        rows: dict[int, Headline] = {}
        for start in range(0, len(wanted), 500):
            part = list(wanted[start : start + 500])
            for n, article_id, title, source, section, published_at, read, name, kind in self._fetch(
                _HEADLINE_SQL.format(marks=",".join("?" * len(part))), part
            ):
                rows[n] = Headline(
                    id=article_id,
                    title=title,
                    # The publisher; a feed's articles are its own (named after the feed, renamable).
                    # Unknown otherwise: one spelling for that (model.source_label).
                    source=source or (name if kind == "feed" else ""),
                    section=section,
                    published=None if published_at is None else datetime.fromtimestamp(published_at, UTC),
                    read=bool(read),
                    source_name=name,
                )
        return [rows[n] for n in wanted if n in rows]

    def ids(self, offset: int = 0, limit: int | None = None) -> list[str]:
        """Article ids in order (for a small slice, or for acting on all: ``mark_all_read`` uses SQL)."""
        end = None if limit is None else offset + limit
        return [headline.id for headline in self.window(offset, (end or len(self)) - offset)]

    def rowid_index(self, rowid: int) -> int | None:
        try:
            return self._rowids.index(rowid)
        except ValueError:
            return None


def compile_filters(
    query: Query, source_ids: list[int], publishers: list[str], recogniser: str, *, excluded: bool = True
) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``articles a`` (and their parameters) for everything but the words.

    ``source_ids``/``publishers`` are what ``source:`` names resolved to (both empty with
    ``source:`` given: nothing matches).
    """
    where: list[str] = []
    params: list[Any] = []
    if query.sources:
        parts = []
        if source_ids:
            parts.append(f"a.source_id IN ({','.join('?' * len(source_ids))})")
            params += source_ids
        if publishers:
            parts.append(f"a.source COLLATE NOCASE IN ({','.join('?' * len(publishers))})")
            params += publishers
        where.append(f"({' OR '.join(parts)})" if parts else "0")
    if query.read is not None:
        where.append("a.read = ?")
        params.append(int(query.read))
    if query.after is not None:
        where.append("a.rank_time >= ?")
        params.append(query.after_epoch())
    if query.before is not None:
        where.append("a.rank_time < ?")
        params.append(query.before_epoch())
    if query.bookmarked:
        where.append("a.n IN (SELECT b2.n FROM bookmarked b JOIN articles b2 ON b2.id = b.article_id)")
    for key, *forms in query.entities:  # see Query.entities
        other = f" OR (m.canonical AND m.key IN ({','.join('?' * len(forms))}))" if forms else ""
        where.append(
            "a.n IN (SELECT e2.n FROM mentions m JOIN articles e2 ON e2.content_hash = m.content_hash "
            f"WHERE m.recogniser = ? AND (m.key = ?{other}))"
        )
        params += [recogniser, key, *forms]
    expression = query.fts_excluded() if excluded else None
    if expression:
        where.append("a.n NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
        params.append(expression)
    return where, params


def matching_sql(query: Query, where: list[str], params: list[Any]) -> tuple[str, list[Any]]:
    """``SELECT a.n FROM articles a ...`` for every match, unordered, with its parameters."""
    match = query.fts_match()
    if match is not None:
        where = ["a.n IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)", *where]
        params = [match, *params]
    condition = f" WHERE {' AND '.join(where)}" if where else ""
    return f"SELECT a.n FROM articles a INDEXED BY articles_order{condition}", params


def fetch_ints(connection: sqlite3.Connection, sql: str, params: Sequence[Any] = ()) -> array[int]:
    """The integers ``sql`` (one ``group_concat`` column) gives, as an array: aggregated in SQLite,
    decoded in C, with no Python object per row."""
    text = connection.execute(sql, params).fetchone()[0]
    # Integers joined by commas are a JSON array once bracketed: the C decoder is twice as
    # fast as int() over split().
    return array("q", json.loads(f"[{text}]")) if text else array("q")


class OrderCache:
    """The whole library newest first, and each rowid's position in it, kept while the order holds.

    Rebuilt when ``meta.order`` changes (articles added, removed or reordered), not when
    articles are marked read. Callers read it and query in one read transaction.
    """

    def __init__(self) -> None:
        self._stamp: object = object()
        self._order = array("q")
        self._positions: array[int] | None = None

    def order(self, connection: sqlite3.Connection) -> array[int]:
        row = connection.execute("SELECT value FROM meta WHERE key = 'order'").fetchone()
        stamp = row[0] if row else 0
        if stamp != self._stamp:
            self._order = fetch_ints(
                connection,
                "SELECT group_concat(n) FROM "
                "(SELECT n FROM articles INDEXED BY articles_order ORDER BY rank_time DESC, seq)",
            )
            self._positions = None
            self._stamp = stamp
        return self._order

    def positions(self) -> array[int]:
        """``positions[rowid]``: where the article is in :meth:`order` (built on first use)."""
        if self._positions is None:
            positions = array("q", bytes(8 * (max(self._order, default=0) + 1)))
            for index, rowid in enumerate(self._order):
                positions[rowid] = index
            self._positions = positions
        return self._positions


def ordered_rowids(
    connection: sqlite3.Connection,
    query: Query,
    where: list[str],
    params: list[Any],
    order: str,
    cache: OrderCache,
) -> array[int]:
    """Run the query: the rowids of every match, in ``order`` ("newest" or "rank").

    Inside one read transaction (the caller's); ``where`` must not hold the exclusions
    (``compile_filters(..., excluded=False)``). Newest first: the filters run over the
    covering ``articles_order`` index in order (no filter: the cached order itself); words and
    exclusions are matched by FTS5 alone and applied as masks indexed by rowid, in C
    (``compress``), so no Python object is made per article.
    """
    match = query.fts_match()
    excluded = query.fts_excluded()
    if match is not None and order == "rank":
        conditions = "".join(" AND " + w for w in where)
        if excluded is not None:
            conditions += " AND a.n NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
            params = [*params, excluded]
        sql = (
            "SELECT group_concat(n) FROM (SELECT a.n FROM articles_fts f JOIN articles a ON a.n = f.rowid "
            f"WHERE articles_fts MATCH ?{conditions} ORDER BY f.rank, a.rank_time DESC, a.seq)"
        )
        return fetch_ints(connection, sql, [match, *params])
    base = cache.order(connection)
    if where:
        sql, params = matching_sql(Query(), where, params)
        base = fetch_ints(connection, f"SELECT group_concat(n) FROM ({sql} ORDER BY a.rank_time DESC, a.seq)", params)
    if match is None and excluded is None:
        return base
    size = int(connection.execute("SELECT coalesce(max(n), 0) + 1 FROM articles").fetchone()[0])
    kept: Iterable[int] = base
    if match is not None:
        hits = _hits(connection, match)
        if where or len(hits) * 8 > len(base):  # many: walk the ordered base through a mask
            kept = compress(base, map(_mask(hits, size).__getitem__, base))
        else:  # few: put them in order by their cached positions
            kept = sorted(hits, key=cache.positions().__getitem__)
    if excluded is not None:
        kept = filterfalse(_mask(_hits(connection, excluded), size).__getitem__, kept)
    return array("q", kept)


def _hits(connection: sqlite3.Connection, expression: str) -> array[int]:
    """The rowids of the articles matching the FTS5 ``expression``, in rowid order."""
    return fetch_ints(
        connection, "SELECT group_concat(rowid) FROM articles_fts WHERE articles_fts MATCH ?", [expression]
    )


def _mask(rowids: array[int], size: int) -> bytearray:
    """``mask[rowid]`` is 1 for each of ``rowids``, else 0."""
    mask = bytearray(size)
    deque(map(mask.__setitem__, rowids, repeat(1)), maxlen=0)  # in C, no Python loop
    return mask
