"""The ``sources`` table: finding a source by name or location, unique names, counts, and
what a ``source:`` filter means.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from reader.library.database import LibraryError
from reader.sanitize import clean_line


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source with its article and unread counts."""

    id: int
    name: str
    location: str
    kind: str
    tags: tuple[str, ...]
    total: int
    unread: int
    error: str
    """Why the last refresh failed (one line), else ''."""
    refreshed_at: datetime | None
    """The last successful refresh (UTC); None: never read yet."""


def all_sources(connection: sqlite3.Connection, only_id: int | None = None) -> list[SourceInfo]:
    """Every source (or the one with ``only_id``) in the order added, counted from an index alone."""
    where, params = ("WHERE source_id = ?", [only_id]) if only_id is not None else ("WHERE source_id IS NOT NULL", [])
    counts = {
        row[0]: (row[1], row[2])
        for row in connection.execute(
            "SELECT source_id, count(*), total(read = 0) FROM articles INDEXED BY articles_source "
            f"{where} GROUP BY source_id",
            params,
        )
    }
    rows = connection.execute(
        "SELECT id, name, location, kind, tags, error, refreshed_at FROM sources "
        + ("WHERE id = ? " if only_id is not None else "")
        + "ORDER BY id",
        [only_id] if only_id is not None else [],
    ).fetchall()
    return [_source(row, *counts.get(row[0], (0, 0))) for row in rows]


def find_id(connection: sqlite3.Connection, name_or_location: str) -> int:
    """The id of the source named so (any case), else at that location (a path is resolved)."""
    wanted = str(name_or_location)
    row = connection.execute("SELECT id FROM sources WHERE name = ? COLLATE NOCASE", (wanted,)).fetchone()
    if row is None:
        candidates = [wanted]
        if "://" not in wanted:
            with suppress(OSError, RuntimeError, ValueError):
                candidates.append(str(Path(wanted).expanduser().resolve()))
        for candidate in candidates:
            row = connection.execute("SELECT id FROM sources WHERE location = ?", (candidate,)).fetchone()
            if row is not None:
                break
    if row is None:
        raise LibraryError(f"no source named {clean_line(wanted)}")
    return int(row[0])


def find(connection: sqlite3.Connection, name_or_location: str) -> SourceInfo:
    """The source named so (see :func:`find_id`) with its counts; :class:`LibraryError` if none."""
    found = all_sources(connection, find_id(connection, name_or_location))
    if not found:
        raise LibraryError(f"no source named {clean_line(str(name_or_location))}")
    return found[0]


def unique_name(connection: sqlite3.Connection, wanted: str, *, exact: bool, allow_id: int | None = None) -> str:
    """``wanted`` if no other source has it; else (unless ``exact``, an error) ``wanted 2``, ``wanted 3``..."""

    def taken(name: str) -> bool:
        row = connection.execute("SELECT id FROM sources WHERE name = ? COLLATE NOCASE", (name,)).fetchone()
        return row is not None and row[0] != allow_id

    if not taken(wanted):
        return wanted
    if exact:
        raise LibraryError(f"there is already a source named {wanted}")
    number = 2
    while taken(f"{wanted} {number}"):
        number += 1
    return f"{wanted} {number}"


def resolve_filter(
    connection: sqlite3.Connection, names: tuple[str, ...], publishers: list[str]
) -> tuple[list[int], list[str]]:
    """What ``source:NAME`` filters mean: library source ids and publisher names.

    Each NAME matches the sources and publishers equal to it (ignoring case), or when none
    is, those starting with it.
    """
    source_ids: list[int] = []
    chosen: list[str] = []
    sources = connection.execute("SELECT id, name FROM sources").fetchall()
    for wanted in names:
        folded = wanted.casefold()
        ids = [i for i, n in sources if n.casefold() == folded]
        pubs = [p for p in publishers if p.casefold() == folded]
        if not ids and not pubs:
            ids = [i for i, n in sources if n.casefold().startswith(folded)]
            pubs = [p for p in publishers if p.casefold().startswith(folded)]
        source_ids += ids
        chosen += pubs
    return source_ids, chosen


def _source(row: tuple[Any, ...], total: int, unread: float) -> SourceInfo:
    source_id, name, location, kind, tags, error, refreshed_at = row
    try:
        tag_list = tuple(str(t) for t in json.loads(tags))
    except (TypeError, ValueError):
        tag_list = ()
    return SourceInfo(
        id=source_id,
        name=name,
        location=location,
        kind=kind,
        tags=tag_list,
        total=int(total),
        unread=int(unread),
        error=error,
        refreshed_at=None if refreshed_at is None else datetime.fromtimestamp(refreshed_at, UTC),
    )
