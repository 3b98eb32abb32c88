"""What happens to a damaged bookmarks file: it is moved aside, never deleted, and every
row that can still be read is salvaged, through SQLite row by row, then from intact leaf
pages that SQLite cannot reach.

Salvage works on a scratch copy, so the moved-aside file stays byte for byte as found.
In the copy the header's page count is cleared: a truncated file otherwise makes SQLite
refuse every read, while with it cleared the pages still present can be read.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import mmap
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from reader.model import Bookmark
from reader.store import pages, schema
from reader.store.files import UnsafeFileError, fsync_directory, open_lock_file

SIDECARS = ("-wal", "-shm")
_HEADER_PAGE_COUNT = 28  # offset of the 4-byte "in-header database size"
_MAX_PROBES = 2_000_000
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class RecoveryReport:
    """Tells the user what happened to a damaged bookmarks file."""

    moved_to: Path
    """Where the damaged file now is (its ``-wal``/``-shm`` beside it with the same name)."""
    recovered: int
    """How many bookmarks were read back from it into the fresh file."""
    reason: str
    """What was wrong, as SQLite put it."""

    def __str__(self) -> str:
        plural = "" if self.recovered == 1 else "s"
        return (
            f"the bookmarks file was damaged ({self.reason}); it was moved to {self.moved_to} "
            f"and {self.recovered} bookmark{plural} recovered from it"
        )


def lock_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.lock")


@contextmanager
def exclusive(path: Path) -> Iterator[None]:
    """Hold the recovery lock of the bookmarks file ``path``: one process repairs it at a time.

    A POSIX advisory lock on ``<name>.lock`` beside it (never followed if it is a symbolic
    link); where there is no ``fcntl`` the lock is skipped (recovery is still safe, two
    processes might just both move files aside). Writers hold it shared (:func:`acquire_shared`)
    while they check that the file is still the live one and commit, so a file is never moved
    aside under a writer's commit.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = open_lock_file(lock_path(path))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def acquire_shared(path: Path) -> int | None:
    """Take the recovery lock of ``path`` shared; returns the descriptor to close, or None when
    no lock can be had (no ``fcntl``, or the lock file cannot be created: a read-only place)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return None
    try:
        fd = open_lock_file(lock_path(path))
    except OSError as error:
        if isinstance(error, UnsafeFileError):
            raise  # a symbolic link where the lock belongs
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
    except OSError:
        os.close(fd)
        return None
    return fd


def move_aside(path: Path, moment: datetime | None = None) -> Path:
    """Rename ``path`` (and its sidecars) to ``<name>.corrupt-<UTC timestamp>``; return the new path.

    Never overwrites: a second damaged file in the same second gets ``-2``, ``-3``...
    """
    stamp = (moment or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    base = f"{path.name}.corrupt-{stamp}"
    target = path.with_name(base)
    number = 1
    while any(Path(f"{target}{suffix}").exists() for suffix in ("", *SIDECARS)):
        number += 1
        target = path.with_name(f"{base}-{number}")
    os.rename(path, target)
    for suffix in SIDECARS:
        sidecar = Path(f"{path}{suffix}")
        if sidecar.exists():
            os.rename(sidecar, f"{target}{suffix}")
    fsync_directory(path.parent)
    return target


def salvage(path: Path) -> list[Bookmark]:
    """Every bookmark that can still be read from the damaged file at ``path`` (left as is).

    First through SQLite, row by row; then, for rows SQLite cannot reach because an interior
    page is damaged, by reading the table's leaf pages directly (:mod:`reader.store.pages`).
    """

    def decode(record: Sequence[object]) -> tuple[str, Bookmark]:
        bookmark = schema.from_row(record)
        return bookmark.id, bookmark

    found = salvage_rows(
        path, schema.TABLE, schema.COLUMNS, decode, orders=("rowid", "rowid DESC", "article_id", "saved_at")
    )
    return list(found.values())


def salvage_rows(
    path: Path,
    table: str,
    columns: Sequence[str],
    decode: Callable[[Sequence[object]], tuple[Hashable, _T]],
    *,
    orders: Sequence[str] = ("rowid", "rowid DESC"),
    pages_fallback: bool = True,
    max_probes: int = _MAX_PROBES,
) -> dict[Hashable, _T]:
    """Every row of ``table`` in the damaged SQLite file ``path`` (left as is) that ``decode`` accepts.

    ``decode`` turns the values of ``columns`` into ``(key, value)`` or raises ``ValueError``/
    ``TypeError`` for a row that is not sound; the first row found for a key wins. Rows are
    read through SQLite (walking ``orders`` and probing rowids), then, with ``pages_fallback``,
    from the file's table leaf pages: a record there is offered to ``decode`` whole, so
    ``decode`` must also reject the rows of other tables.
    """
    with tempfile.TemporaryDirectory(prefix="dateline-salvage-") as scratch:
        copy = Path(scratch) / "copy.sqlite3"
        shutil.copyfile(path, copy)
        wal = Path(f"{path}-wal")
        if wal.exists():
            shutil.copyfile(wal, f"{copy}-wal")
        _clear_page_count(copy)
        found = _salvage_through_sqlite(copy, table, columns, decode, orders, max_probes)
        if pages_fallback and copy.stat().st_size:
            with open(copy, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as image:
                for record in pages.table_leaf_records(image):
                    try:
                        key, value = decode(record)
                    except (ValueError, TypeError):
                        continue  # a row of another table, or not sound
                    found.setdefault(key, value)
        return found


def _salvage_through_sqlite(
    copy: Path,
    table: str,
    columns: Sequence[str],
    decode: Callable[[Sequence[object]], tuple[Hashable, _T]],
    orders: Sequence[str],
    max_probes: int,
) -> dict[Hashable, _T]:
    try:
        connection = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    except sqlite3.DatabaseError:
        return {}
    try:
        return _read_rows(connection, copy.stat().st_size, table, columns, decode, orders, max_probes)
    finally:
        connection.close()


def _clear_page_count(copy: Path) -> None:
    with open(copy, "r+b") as file:
        header = file.read(100)
        if len(header) == 100 and header.startswith(schema.SQLITE_MAGIC):
            file.seek(_HEADER_PAGE_COUNT)
            file.write(b"\x00\x00\x00\x00")


def _read_rows(
    connection: sqlite3.Connection,
    size_hint: int,
    table: str,
    columns: Sequence[str],
    decode: Callable[[Sequence[object]], tuple[Hashable, _T]],
    orders: Sequence[str],
    max_probes: int,
) -> dict[Hashable, _T]:
    try:
        known = connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone()
    except sqlite3.DatabaseError:
        return {}  # the schema page itself is unreadable: nothing can be found by name
    if known is None:
        return {}
    # Rowids reachable by any path through the table or its indexes; each walk stops at
    # the first damaged page, so walk forwards, backwards and through the indexes.
    rowids: set[int] = set()
    for order in orders:
        try:
            for (rowid,) in connection.execute(f"SELECT rowid FROM {table} ORDER BY {order}"):
                rowids.add(rowid)
        except sqlite3.DatabaseError:
            pass
    # Rows behind a damaged interior page may still be found by rowid: probe every rowid
    # up to the largest seen (or what the file size could hold, when nothing was seen).
    upper = min(max(max(rowids, default=0), size_hint // 64), max_probes)
    found: dict[Hashable, _T] = {}
    query = f"SELECT {', '.join(columns)} FROM {table} WHERE rowid = ?"
    for rowid in sorted(rowids | set(range(1, upper + 1))):
        try:
            row = connection.execute(query, (rowid,)).fetchone()
        except sqlite3.OperationalError as error:
            if "no such" in str(error):  # a table without the expected columns
                break
            continue
        except sqlite3.DatabaseError:
            continue
        if row is None:
            continue
        try:
            key, value = decode(row)
        except (ValueError, TypeError):
            continue
        found.setdefault(key, value)
    return found
