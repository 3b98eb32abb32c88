"""Opening the library file: identity, migrations, and a damaged file moved aside and rebuilt.

The library is rebuildable from its sources, but the user's read marks and the list of
sources are not, so a damaged file is handled as the bookmark store handles one
(:mod:`reader.store.recovery`): moved aside as ``library.sqlite3.corrupt-<UTC time>`` (never
deleted), the sources and read marks that can still be read are salvaged, and a fresh file
is built. Its sources are then re-read by the next refresh; salvaged read marks wait in
``pending_read`` and are applied as their articles come back.

Damage is judged cheaply on opening (the header, the schema, a read of each table's first
page); a full ``quick_check`` would read every page of a large library on every start.
Damage met later, in any query, raises :class:`LibraryError` and leaves a marker file
(``library.sqlite3.damaged``) so that the next open repairs it.

Durability: WAL with ``synchronous=NORMAL`` (a power cut may lose the last transactions, never
the file); writes of read marks switch to ``FULL`` for their transaction, since they are the
user's own data.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.library import schema
from reader.store import recovery, sqlite_file

DEFAULT_TIMEOUT = 10.0
"""Seconds a write waits for another process holding the library."""


class LibraryError(Exception):
    """The library could not be read or written; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class SalvagedSource:
    name: str
    location: str
    kind: str
    tags: str
    added_at: int


def damage_marker(path: Path) -> Path:
    return path.with_name(f"{path.name}.damaged")


def open_connection(path: Path, timeout: float = DEFAULT_TIMEOUT) -> tuple[sqlite3.Connection, str | None]:
    """Open (creating, migrating or repairing) the library at ``path``.

    Returns the connection and, when a damaged file was moved aside, one line for the user.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(f"cannot create {path.parent}: {error.strerror or error}") from None
    damage = _judge(path, timeout)
    if damage is None:
        return _connect(path, timeout), None
    with recovery.exclusive(path):
        damage = _judge(path, timeout) if path.exists() else None  # another process may have repaired it
        if damage is None:
            return _connect(path, timeout), None
        return _rebuild(path, damage, timeout)


def _judge(path: Path, timeout: float) -> str | None:
    """Refuse a foreign or newer file (:class:`LibraryError`); say what is damaged, if anything."""
    if damage_marker(path).exists():
        return damage_marker(path).read_text(encoding="utf-8", errors="replace").strip() or "marked damaged"
    if not path.exists():
        return None
    try:
        header = sqlite_file.read_header(path)
    except OSError as error:
        raise LibraryError(f"cannot read {path}: {error.strerror or error}") from None
    if header is None:
        return None
    if not header.sqlite:
        return "file is not a database"
    _refuse(path, header.application_id, header.user_version)
    try:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=timeout)
    except sqlite3.DatabaseError as error:
        return str(error)
    try:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if header.application_id == 0 and tables and "articles" not in tables:
            raise _foreign(path)
        _refuse(
            path,
            connection.execute("PRAGMA application_id").fetchone()[0],
            connection.execute("PRAGMA user_version").fetchone()[0],
        )
        for table in ("sources", "articles"):
            if table in tables:
                connection.execute(f"SELECT * FROM {table} ORDER BY rowid DESC LIMIT 1").fetchall()
                connection.execute(f"SELECT * FROM {table} LIMIT 1").fetchall()
        return None
    except sqlite3.DatabaseError as error:
        if sqlite_file.is_corruption(error):
            return str(error)
        if sqlite_file.is_busy(error):
            return None  # judged by the connection that waits for it
        raise LibraryError(f"cannot open the library {path}: {error}") from None
    finally:
        connection.close()


def _refuse(path: Path, application_id: int, version: int) -> None:
    if application_id not in (0, schema.APPLICATION_ID):
        raise _foreign(path)
    if version > schema.SCHEMA_VERSION:
        raise LibraryError(
            f"{path} was written by a newer version of Dateline (library format {version}, this one reads up "
            f"to {schema.SCHEMA_VERSION}); it was left untouched: upgrade Dateline or use --data-dir"
        )


def _foreign(path: Path) -> LibraryError:
    return LibraryError(
        f"{path} belongs to another program (not a Dateline library); it was left untouched: "
        "move it away or use --data-dir"
    )


def _connect(path: Path, timeout: float) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    except sqlite3.DatabaseError as error:
        raise error_for(error, path, "open the library") from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        sqlite_file.retrying(lambda: connection.execute("PRAGMA journal_mode = WAL"), timeout)
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.execute("PRAGMA temp_store = MEMORY")
        sqlite_file.retrying(lambda: schema.migrate(connection), timeout)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise error_for(error, path, "open the library") from None
    except BaseException:
        connection.close()
        raise
    return connection


def _rebuild(path: Path, damage: str, timeout: float) -> tuple[sqlite3.Connection, str]:
    if path.exists():
        try:
            moved = recovery.move_aside(path)
        except OSError as error:
            raise LibraryError(
                f"the library {path} is damaged ({damage}) and could not be moved aside: {error.strerror or error}"
            ) from None
        sources = _salvage_sources(moved)
        read = _salvage_read(moved)
    else:
        moved, sources, read = None, [], []
    connection = _connect(path, timeout)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.executemany(
            "INSERT OR IGNORE INTO sources (name, location, kind, tags, added_at) VALUES (?, ?, ?, ?, ?)",
            [(s.name, s.location, s.kind, s.tags, s.added_at) for s in sources],
        )
        connection.executemany("INSERT OR IGNORE INTO pending_read (article_id) VALUES (?)", [(i,) for i in read])
        if sources:
            connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('seeded', '1')")
        connection.execute("COMMIT")
    except sqlite3.DatabaseError as error:
        connection.close()
        raise error_for(error, path, "rebuild the library") from None
    damage_marker(path).unlink(missing_ok=True)
    where = f"it was moved to {moved}" if moved else "it was gone"
    plural = "" if len(sources) == 1 else "s"
    return connection, (
        f"the library was damaged ({damage}); {where} and it is rebuilt from {len(sources)} source{plural} "
        f"({len(read)} read mark{'' if len(read) == 1 else 's'} kept)"
    )


def _salvage_sources(moved: Path) -> list[SalvagedSource]:
    def decode(row: Sequence[object]) -> tuple[str, SalvagedSource]:
        if len(row) != len(schema.SOURCE_COLUMNS):
            raise ValueError("not a source row")
        _id, name, location, kind, tags, state, error, _refreshed, added_at, gen = row
        if not all(isinstance(v, str) for v in (name, location, kind, tags, state, error)):
            raise ValueError("not a source row")
        if not isinstance(added_at, int) or not isinstance(gen, int) or not name or not location or not kind:
            raise ValueError("not a source row")
        if not isinstance(json.loads(tags), list) or not isinstance(json.loads(state), dict):  # type: ignore[arg-type]
            raise ValueError("not a source row")
        return str(location), SalvagedSource(str(name), str(location), str(kind), str(tags), added_at)

    try:
        found = recovery.salvage_rows(moved, "sources", schema.SOURCE_COLUMNS, decode, max_probes=10_000)
    except (OSError, json.JSONDecodeError):
        return []
    return list(found.values())


def _salvage_read(moved: Path) -> list[str]:
    def decode(row: Sequence[object]) -> tuple[str, bool]:
        if len(row) != len(schema.ARTICLE_COLUMNS):
            raise ValueError("not an article row")
        article_id, read, content_hash, body = row[1], row[3], row[9], row[17]
        if not isinstance(article_id, str) or not article_id or read not in (0, 1):
            raise ValueError("not an article row")
        if not isinstance(content_hash, str) or not isinstance(body, str):
            raise ValueError("not an article row")
        return article_id, bool(read)

    try:
        size = os.stat(moved).st_size
        found = recovery.salvage_rows(
            moved, "articles", schema.ARTICLE_COLUMNS, decode, max_probes=max(10_000, size // 512)
        )
    except OSError:
        return []
    return sorted(str(key) for key, read in found.items() if read)


def mark_damaged(path: Path, error: BaseException) -> None:
    """Leave a note for the next open that ``path`` is damaged (best effort)."""
    with contextlib.suppress(OSError):
        damage_marker(path).write_text(f"{error}\n", encoding="utf-8")


def error_for(error: sqlite3.DatabaseError, path: Path, action: str, timeout: float = DEFAULT_TIMEOUT) -> LibraryError:
    """One line for the user about ``error`` met while trying to ``action``."""
    name = sqlite_file.error_name(error)
    if sqlite_file.is_busy(error):
        return LibraryError(f"cannot {action}: {path} is locked by another program (waited {timeout:g} s); try again")
    if name.startswith("SQLITE_FULL"):
        return LibraryError(f"cannot {action}: the disk holding {path.parent} is full")
    if name.startswith("SQLITE_READONLY"):
        return LibraryError(f"cannot {action}: {path} is read-only")
    if sqlite_file.is_corruption(error):
        mark_damaged(path, error)
        return LibraryError(
            f"cannot {action}: {path} is damaged ({error}); it will be rebuilt when Dateline next starts"
        )
    if name.startswith("SQLITE_CANTOPEN"):
        return LibraryError(f"cannot {action}: cannot open {path}")
    if sqlite_file.is_io_error(error):
        return LibraryError(f"cannot {action}: input/output error on {path}")
    return LibraryError(f"cannot {action}: {error}")
