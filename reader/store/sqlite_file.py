"""What every SQLite file Dateline keeps shares: judging errors, waiting out a busy file,
reading a file's identity from its header without SQLite touching it.

Used by the bookmark store (:mod:`reader.store.bookmark_store`) and the library
(:mod:`reader.library`). Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, TypeVar

from reader.store.schema import SQLITE_MAGIC

_T = TypeVar("_T")


class Header(NamedTuple):
    """What the 100-byte header of a file says (``sqlite`` False: not an SQLite file at all)."""

    sqlite: bool
    application_id: int
    user_version: int


def read_header(path: Path) -> Header | None:
    """The header of ``path``; None when the file is empty (a new file before its first commit).

    Raises ``OSError`` when it cannot be read.
    """
    with open(path, "rb") as file:
        header = file.read(100)
    if not header:
        return None
    if len(header) == 100 and header.startswith(SQLITE_MAGIC):
        return Header(True, int.from_bytes(header[68:72], "big"), int.from_bytes(header[60:64], "big"))
    return Header(False, 0, 0)


def table_names(path: Path) -> set[str] | None:
    """The tables of ``path``, read through an immutable connection; None when unreadable."""
    uri = f"{path.absolute().as_uri()}?immutable=1"
    try:
        connection = sqlite3.connect(uri, uri=True)
        try:
            return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return None


def retrying(operation: Callable[[], _T], timeout: float) -> _T:
    """Run ``operation`` again while SQLite reports the file busy without waiting itself.

    SQLite skips the busy handler where waiting could deadlock, as when two processes
    open a new file at once and both switch it to WAL; then we wait, up to ``timeout``.
    """
    deadline = time.monotonic() + timeout
    delay = 0.002
    while True:
        try:
            return operation()
        except sqlite3.OperationalError as error:
            if not is_busy(error) or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(delay * 2, 0.1)


def error_name(error: BaseException) -> str:
    return getattr(error, "sqlite_errorname", "") or ""


def is_busy(error: BaseException) -> bool:
    return error_name(error).startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


def is_corruption(error: BaseException) -> bool:
    return error_name(error).startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def is_io_error(error: BaseException) -> bool:
    return error_name(error).startswith("SQLITE_IOERR")


@contextmanager
def immediate(connection: sqlite3.Connection, *, durable: bool = False) -> Iterator[sqlite3.Connection]:
    """One ``BEGIN IMMEDIATE`` transaction: committed when the block ends, else rolled back.

    ``durable``: ``synchronous=FULL`` for this transaction (the user's read marks).
    """
    if durable:
        connection.execute("PRAGMA synchronous = FULL")
    try:
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    finally:
        if durable:
            connection.execute("PRAGMA synchronous = NORMAL")
