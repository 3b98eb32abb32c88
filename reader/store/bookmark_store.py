"""The bookmark store: the user's saved articles, in one SQLite file in the data directory.

A lost bookmark is the worst bug this product can have, so:

- every write is one ``BEGIN IMMEDIATE`` transaction on a WAL file with ``synchronous=FULL``,
  waiting up to ``timeout`` seconds for another process that holds the lock;
- a file from another application or from a newer Dateline is refused, never touched;
- a damaged file is moved aside (never deleted), the rows that can still be read are
  copied into a fresh file, and :attr:`BookmarkStore.recovery` says where the old one went;
- when the file or its directory is read-only the store still opens and reads; writes
  raise :class:`StoreError` saying why.

Every failure the user can meet is a :class:`StoreError` with a one-line message.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from reader.model import Article, Bookmark
from reader.paths import data_dir
from reader.store import recovery, schema, sqlite_file, transfer
from reader.store.files import FileIdentity, UnsafeFileError, describe_kind, identity, is_disk_full, refuse_symlink
from reader.store.recovery import RecoveryReport

_T = TypeVar("_T")

DEFAULT_TIMEOUT = 5.0
"""Seconds a write waits for another process holding the bookmarks file."""


class StoreError(Exception):
    """The bookmarks could not be read or saved; the message is one line for the user."""


class StoreBusy(StoreError):
    """Another process held the file for longer than the store's ``timeout``: try again later."""


class _Unsettled(Exception):
    """An I/O error while judging the file, as when another process moves it aside."""

    def __init__(self, error: StoreError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    """Bookmarks that were not in the store before."""
    present: int
    """Bookmarks already in the store (their saved data kept)."""
    updated: int
    """Of those present, how many gained a note or tags from the import."""

    def __str__(self) -> str:
        return (
            f"{self.added} bookmark{'' if self.added == 1 else 's'} added, "
            f"{self.present} already present ({self.updated} updated)"
        )


def default_path() -> Path:
    """Where the bookmarks live unless told otherwise (honours ``--data-dir`` and XDG)."""
    return data_dir() / schema.FILENAME


class BookmarkStore:
    """Saved articles. Safe to share between threads; many processes may use one file.

    Use as a context manager, or call :meth:`close`. Nothing is created on disk until the
    first write, so merely opening the store never makes directories.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = DEFAULT_TIMEOUT):
        self.path = Path(path) if path is not None else default_path()
        self.timeout = timeout
        self.recovery: RecoveryReport | None = None
        """Set when a damaged file was found on opening and moved aside: tell the user."""
        self._connection: sqlite3.Connection | None = None
        self._writable = False
        self._write_refusal: str | None = None
        """Why saving is impossible though the place is writable (a full disk), if it is."""
        self._identity: FileIdentity | None = None
        """(device, inode) of the file the connection is open on: a write first checks it is
        still the file at :attr:`path` (another process may have moved it aside)."""
        self._repairing = False
        self._lock = threading.RLock()
        with self._lock:
            self._open()

    # -- life cycle ---------------------------------------------------------------------------

    def __enter__(self) -> BookmarkStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def set_timeout(self, seconds: float) -> None:
        """How long later operations wait for another process holding the file."""
        with self._lock:
            self.timeout = seconds
            if self._connection is not None and self._writable:
                self._connection.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    @property
    def read_only(self) -> bool:
        """True when saving is impossible (the file or its directory cannot be written)."""
        with self._lock:
            if self._connection is not None:
                return not self._writable
            return not self._can_write()

    # -- reading ------------------------------------------------------------------------------

    def get(self, article_id: str) -> Bookmark | None:
        with self._reading() as connection:
            if connection is None:
                return None
            return self._get(connection, article_id)

    def contains(self, article_id: str) -> bool:
        with self._reading() as connection:
            if connection is None:
                return False
            query = f"SELECT 1 FROM {schema.TABLE} WHERE article_id = ?"
            return connection.execute(query, (article_id,)).fetchone() is not None

    __contains__ = contains

    def ids(self) -> set[str]:
        """The ids of every bookmarked article (cheap: for marking headlines)."""
        with self._reading() as connection:
            if connection is None:
                return set()
            return {row[0] for row in connection.execute(f"SELECT article_id FROM {schema.TABLE}")}

    def list(self) -> list[Bookmark]:
        """Every bookmark, newest first."""
        with self._reading() as connection:
            if connection is None:
                return []
            query = f"SELECT {schema.SELECT_COLUMNS} FROM {schema.TABLE} ORDER BY saved_at DESC, rowid DESC"
            return [self._decode(row) for row in connection.execute(query)]

    def __len__(self) -> int:
        with self._reading() as connection:
            if connection is None:
                return 0
            return int(connection.execute(f"SELECT count(*) FROM {schema.TABLE}").fetchone()[0])

    # -- writing ------------------------------------------------------------------------------

    def add(self, article: Article, note: str = "", tags: Iterable[str] = ()) -> Bookmark:
        """Bookmark ``article`` (a full snapshot). Already bookmarked: returns the existing one unchanged."""
        bookmark = Bookmark(
            article=article,
            saved_at=schema.now(),
            note=schema.normalise_note(note),
            tags=schema.normalise_tags(tags),
        )
        with self._writing() as connection:
            existing = self._get(connection, article.id)
            if existing is not None:
                return existing
            connection.execute(schema.INSERT_SQL, schema.to_row(bookmark))
        return bookmark

    def restore(self, bookmark: Bookmark) -> bool:
        """Put back a bookmark exactly as it was (undo of :meth:`remove`).

        Returns False, changing nothing, when the article is bookmarked already.
        """
        bookmark = self._checked(bookmark)
        with self._writing() as connection:
            if self._get(connection, bookmark.id) is not None:
                return False
            connection.execute(schema.INSERT_SQL, schema.to_row(bookmark))
        return True

    def remove(self, article_id: str) -> bool:
        """Delete one bookmark; False when there was none with that id."""
        with self._writing() as connection:
            cursor = connection.execute(f"DELETE FROM {schema.TABLE} WHERE article_id = ?", (article_id,))
            return cursor.rowcount > 0

    def set_note(self, article_id: str, note: str) -> Bookmark | None:
        """Replace a bookmark's note; returns the updated bookmark, None when there is none."""
        note = schema.normalise_note(note)
        with self._writing() as connection:
            connection.execute(f"UPDATE {schema.TABLE} SET note = ? WHERE article_id = ?", (note, article_id))
            return self._get(connection, article_id)

    def set_tags(self, article_id: str, tags: Iterable[str]) -> Bookmark | None:
        """Replace a bookmark's tags; returns the updated bookmark, None when there is none."""
        stored = schema.encode_list(schema.normalise_tags(tags))
        with self._writing() as connection:
            connection.execute(f"UPDATE {schema.TABLE} SET tags = ? WHERE article_id = ?", (stored, article_id))
            return self._get(connection, article_id)

    # -- export and import ----------------------------------------------------------------------

    def export(self) -> dict[str, Any]:
        """Every bookmark as this program's full-fidelity JSON document (see :mod:`reader.store.transfer`)."""
        return transfer.to_document(self.list())

    def import_(self, source: Mapping[str, Any] | Iterable[Bookmark]) -> ImportResult:
        """Merge bookmarks in, by article id, in one transaction: all or nothing.

        ``source`` is a document from :meth:`export` (validated: ``transfer.FormatError`` if it
        is not sound, and then nothing changes) or bookmarks. A new id is added as it was saved.
        An id already present keeps its article snapshot, saved time and note; an imported note
        it does not already contain is appended to its note (or becomes it, when empty), and it
        gains any tags it lacks. Importing the same bookmarks again changes nothing.
        """
        if isinstance(source, Mapping):
            incoming = transfer.from_document(source)
        else:
            incoming = [self._checked(bookmark) for bookmark in source]
        added = present = updated = 0
        with self._writing() as connection:
            for bookmark in incoming:
                existing = self._get(connection, bookmark.id)
                if existing is None:
                    connection.execute(schema.INSERT_SQL, schema.to_row(bookmark))
                    added += 1
                    continue
                present += 1
                merged = _merge(existing, bookmark)
                if merged != existing:
                    connection.execute(
                        f"UPDATE {schema.TABLE} SET note = ?, tags = ? WHERE article_id = ?",
                        (merged.note, schema.encode_list(merged.tags), merged.id),
                    )
                    updated += 1
        return ImportResult(added=added, present=present, updated=updated)

    # -- internals ------------------------------------------------------------------------------

    @staticmethod
    def _checked(bookmark: Bookmark) -> Bookmark:
        if not isinstance(bookmark, Bookmark) or not bookmark.id:
            raise TypeError("expected a Bookmark with an article id")
        schema.format_time(bookmark.saved_at)  # raises on a naive time
        return replace(
            bookmark,
            note=schema.normalise_note(bookmark.note),
            tags=schema.normalise_tags(bookmark.tags),
        )

    def _get(self, connection: sqlite3.Connection, article_id: str) -> Bookmark | None:
        query = f"SELECT {schema.SELECT_COLUMNS} FROM {schema.TABLE} WHERE article_id = ?"
        row = connection.execute(query, (article_id,)).fetchone()
        return self._decode(row) if row is not None else None

    def _decode(self, row: Sequence[object]) -> Bookmark:
        try:
            return schema.from_row(row)
        except ValueError as error:
            # Only a file edited by hand gets here: SQLite says it is sound, a row is not.
            raise StoreError(f"cannot read the bookmarks: {self.path} holds a malformed bookmark ({error})") from None

    def _can_write(self) -> bool:
        directory = self._existing_ancestor()
        if not os.access(directory, os.W_OK):
            return False
        return not self._exists() or os.access(self.path, os.W_OK)

    def _existing_ancestor(self) -> Path:
        directory = self.path.absolute().parent
        while not directory.exists() and directory != directory.parent:
            directory = directory.parent
        return directory

    def _exists(self) -> bool:
        """Is there a bookmarks file? Refuses (:class:`StoreError`) a symbolic link in its place,
        a data directory that is not a directory, and a directory we may not look into."""
        try:
            info = os.lstat(self.path)
        except FileNotFoundError:
            return False
        except NotADirectoryError:
            raise StoreError(f"cannot use the bookmarks: {self._not_a_directory()} is not a directory") from None
        except PermissionError:
            raise StoreError(f"cannot read the bookmarks: permission denied on {self.path.parent}") from None
        if stat.S_ISLNK(info.st_mode):
            raise self._unsafe(self.path)
        if not stat.S_ISREG(info.st_mode):
            raise StoreError(f"cannot use the bookmarks: {self.path} is {describe_kind(info.st_mode)}, not a file")
        return True

    def _not_a_directory(self) -> Path:
        directory = self.path.absolute().parent
        while directory != directory.parent:
            if directory.exists() or directory.is_symlink():
                return directory
            directory = directory.parent
        return directory

    @staticmethod
    def _unsafe(path: Path) -> StoreError:
        try:
            refuse_symlink(path)
        except UnsafeFileError as error:
            return StoreError(f"cannot use the bookmarks: {error}")
        return StoreError(f"cannot use the bookmarks: {path} is not a regular file")

    def _refuse_symlinked_sidecars(self) -> None:
        for suffix in ("-wal", "-shm", ".lock"):
            sidecar = Path(f"{self.path}{suffix}")
            if sidecar.is_symlink():
                raise self._unsafe(sidecar)

    def _open(self) -> None:
        """Open the file if there is one; check it is ours; recover it if damaged."""
        if not self._exists():
            return  # created by the first write; until then the store is empty
        self._refuse_symlinked_sidecars()
        try:
            damage = self._inspect()
        except _Unsettled:
            # Another Dateline is moving this very file aside (SQLite reports an I/O error):
            # judged again below, under the repair lock, once that is done.
            damage = "an I/O error while another process repaired it"
        if damage is None:
            self._connect()
            return
        if not self._can_write():
            raise StoreError(
                f"the bookmarks file {self.path} is damaged ({damage}) and "
                f"{self.path.parent} is read-only, so it cannot be repaired"
            )
        with recovery.exclusive(self.path):
            self._repairing = True  # our own writes must not wait for the shared lock
            try:
                # Judged again under the lock: another Dateline may have repaired it meanwhile.
                try:
                    damage = self._inspect() if self._exists() else None
                except _Unsettled as unsettled:
                    raise unsettled.error from None
                if damage is None:
                    self._connect()
                else:
                    self._recover(damage)  # leaves a fresh file open
            finally:
                self._repairing = False

    def _inspect(self) -> str | None:
        """Refuse a foreign or newer file (:class:`StoreError`); return what is damaged, if anything.

        Identity comes first and is read without SQLite touching anything: from the file
        header, and for a file with no application id from its table names through an
        immutable connection. A refused file is left exactly as it was, sidecars included.
        """
        try:
            with open(self.path, "rb") as file:
                header = file.read(100)
        except OSError as error:
            raise StoreError(f"cannot read {self.path}: {error.strerror or error}") from None
        if not header:
            return None  # a new SQLite file before its first commit: an empty store
        if len(header) == 100 and header.startswith(schema.SQLITE_MAGIC):
            application_id = int.from_bytes(header[68:72], "big")
            if application_id == 0:
                self._refuse_foreign_tables()
            self._refuse_foreign(application_id, int.from_bytes(header[60:64], "big"))
        # Damage is judged only through SQLite and its locks: a file another process is
        # writing this instant must never be mistaken for a damaged one.
        try:
            return self._retrying(self._check_with_sqlite)
        except sqlite3.DatabaseError as error:
            if _is_corruption(error):
                return str(error)
            if _is_io_error(error):
                raise _Unsettled(self._error(error, "open the bookmarks")) from None
            raise self._error(error, "open the bookmarks") from None

    def _check_with_sqlite(self) -> str | None:
        connection = self._connect_read_only()
        try:
            # Identity again, through SQLite: a newer header may still be in the WAL.
            self._refuse_foreign(
                connection.execute("PRAGMA application_id").fetchone()[0],
                connection.execute("PRAGMA user_version").fetchone()[0],
            )
            check = connection.execute("PRAGMA quick_check").fetchall()
            return None if check == [("ok",)] else "; ".join(str(row[0]) for row in check[:3])
        finally:
            connection.close()

    def _refuse_foreign(self, application_id: int, version: int) -> None:
        if application_id not in (0, schema.APPLICATION_ID):
            raise self._foreign_file()
        if version > schema.SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer version of Dateline "
                f"(format {version}, this one reads up to {schema.SCHEMA_VERSION}); "
                "it was left untouched: upgrade Dateline"
            )

    def _refuse_foreign_tables(self) -> None:
        """A database without an application id is ours only if it holds nothing or our table."""
        uri = f"{self.path.absolute().as_uri()}?immutable=1"
        try:
            connection = sqlite3.connect(uri, uri=True)
            try:
                tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            finally:
                connection.close()
        except sqlite3.DatabaseError:
            return  # unreadable: judged as damage by the checks that follow
        if tables and schema.TABLE not in tables:
            raise self._foreign_file()

    def _foreign_file(self) -> StoreError:
        return StoreError(
            f"{self.path} belongs to another program (not a Dateline bookmarks file); "
            "it was left untouched: move it away or use --data-dir"
        )

    def _recover(self, damage: str) -> None:
        try:
            moved_to = recovery.move_aside(self.path)
        except OSError as error:
            raise StoreError(
                f"the bookmarks file {self.path} is damaged and could not be moved aside: {error.strerror or error}"
            ) from None
        # Reported before anything is written, so the user hears where the old file is
        # even if saving the salvaged rows fails.
        self.recovery = RecoveryReport(moved_to=moved_to, recovered=0, reason=damage)
        salvaged = recovery.salvage(moved_to)
        try:
            with self._writing() as connection:
                for bookmark in salvaged:
                    connection.execute(schema.INSERT_OR_IGNORE_SQL, schema.to_row(bookmark))
        except StoreError as error:
            raise StoreError(f"{error} (the damaged file was moved to {moved_to})") from None
        self.recovery = replace(self.recovery, recovered=len(salvaged))

    def _connect_read_only(self) -> sqlite3.Connection:
        uri = self.path.absolute().as_uri()
        try:
            connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=self.timeout, check_same_thread=False)
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.OperationalError as error:
            # A WAL file in a directory we cannot write: SQLite cannot make the -shm index.
            # Nothing can be writing to it either, so reading it as immutable is sound.
            # The same on a full disk (SQLite says "I/O error"): nobody can write there now.
            name = sqlite_file.error_name(error)
            full = name.startswith(("SQLITE_IOERR", "SQLITE_FULL")) and _disk_is_full(self.path.parent)
            if not name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN")) and not full:
                raise
        return sqlite3.connect(f"{uri}?immutable=1", uri=True, check_same_thread=False)

    def _connect(self) -> None:
        """Open the long-lived connection: read-write when possible, else read-only."""
        self._write_refusal = None
        if not self._can_write():
            self._connect_for_reading()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise self._os_error(error) from None
        try:
            connection = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
            try:
                connection.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
                self._retrying(lambda: self._set_up(connection))
            except BaseException:
                connection.close()
                raise
        except sqlite3.DatabaseError as error:
            if self._exists() and (is_disk_full(error) or _is_io_error(error)):
                # No room for the journal: what is saved can still be read (and shown).
                self._connect_for_reading()
                self._write_refusal = (
                    f"the disk holding {self.path.parent} is full"
                    if is_disk_full(error) or _disk_is_full(self.path.parent)
                    else f"input/output error on {self.path}"
                )
                return
            raise self._error(error, "open the bookmarks") from None
        self._connection = connection
        self._writable = True
        self._identity = identity(self.path)

    def _connect_for_reading(self) -> None:
        try:
            self._connection = self._connect_read_only()
        except sqlite3.DatabaseError as error:
            raise self._error(error, "read the bookmarks") from None
        self._writable = False
        self._identity = identity(self.path)

    def _retrying(self, operation: Callable[[], _T]) -> _T:
        """Run a set-up step again while SQLite reports the file busy (see :func:`sqlite_file.retrying`)."""
        return sqlite_file.retrying(operation, self.timeout)

    @staticmethod
    def _set_up(connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == schema.SCHEMA_VERSION:
            return
        connection.execute("BEGIN IMMEDIATE")
        try:
            for statement in schema.CREATE_STATEMENTS:
                connection.execute(statement)
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | None]:
        with self._lock:
            self._follow_replacement()
            if self._connection is None and self._exists():
                self._open()  # another process created the file since we looked
            try:
                yield self._connection
            except sqlite3.DatabaseError as error:
                raise self._error(error, "read the bookmarks") from None

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: committed when the block ends, else rolled back."""
        with self._lock:
            held = self._prepare_to_write()
            connection = self._connection
            assert connection is not None
            try:
                with sqlite_file.immediate(connection):
                    yield connection
            except sqlite3.DatabaseError as error:
                raise self._error(error, "save bookmarks") from None
            except OSError as error:
                raise self._os_error(error) from None
            finally:
                if held is not None:
                    os.close(held)

    def _prepare_to_write(self) -> int | None:
        """Make the connection ready to write to the live file; returns the shared lock held.

        Under the shared recovery lock no other process can move the file aside, so the
        file checked here is the file the transaction commits to.
        """
        for _ in range(5):
            self._follow_replacement()
            if self._connection is None and self._exists():
                self._open()  # another process created the file since we looked
            if self._connection is None and self._can_write():
                self._connect()  # the first bookmark: create the directory and the file
            if self._connection is not None and self._write_refusal:
                raise StoreError(f"cannot save bookmarks: {self._write_refusal}")
            if self._connection is None or not self._writable:
                raise StoreError(f"cannot save bookmarks: {self._read_only_place()} is read-only")
            if self._repairing:
                return None
            try:
                held = recovery.acquire_shared(self.path)
            except UnsafeFileError as error:
                raise StoreError(f"cannot save bookmarks: {error}") from None
            if identity(self.path) == self._identity:
                return held
            if held is not None:
                os.close(held)
        raise StoreError(f"cannot save bookmarks: {self.path} keeps being replaced by another program; try again")

    def _follow_replacement(self) -> None:
        """If the file we have open is no longer the one at :attr:`path` (moved aside by another
        Dateline's repair, or replaced), close it: the next step opens the live file."""
        if self._connection is not None and identity(self.path) != self._identity:
            self._connection.close()
            self._connection = None
            self._identity = None

    def _read_only_place(self) -> Path:
        directory = self._existing_ancestor()
        if os.access(directory, os.W_OK) and self._exists():
            return self.path
        return directory

    def _error(self, error: sqlite3.DatabaseError, action: str) -> StoreError:
        name = sqlite_file.error_name(error)
        if _is_busy(error):
            return StoreBusy(
                f"cannot {action}: {self.path} is locked by another program (waited {self.timeout:g} s); try again"
            )
        if name.startswith("SQLITE_FULL"):
            return StoreError(f"cannot {action}: the disk holding {self.path.parent} is full")
        if name.startswith("SQLITE_READONLY"):
            return StoreError(f"cannot {action}: {self._read_only_place()} is read-only")
        if _is_corruption(error):
            return StoreError(f"cannot {action}: {self.path} is damaged ({error}); restart Dateline to recover it")
        if name.startswith("SQLITE_CANTOPEN"):
            return StoreError(f"cannot {action}: cannot open {self.path}")
        if name.startswith("SQLITE_IOERR"):
            return StoreError(f"cannot {action}: input/output error on {self.path}")
        return StoreError(f"cannot {action}: {error}")

    def _os_error(self, error: OSError) -> StoreError:
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return StoreError(f"cannot save bookmarks: {self._read_only_place()} is read-only")
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return StoreError(f"cannot save bookmarks: the disk holding {self.path.parent} is full")
        return StoreError(f"cannot save bookmarks: {error.strerror or error}")


_is_busy = sqlite_file.is_busy
_is_corruption = sqlite_file.is_corruption


_is_io_error = sqlite_file.is_io_error


def _disk_is_full(directory: Path) -> bool:
    """SQLite reports a full disk as an I/O error when it cannot even make its journal."""
    try:
        info = os.statvfs(directory)
    except OSError:
        return False
    return info.f_bavail * info.f_frsize < 64 * 1024


def _merge(existing: Bookmark, incoming: Bookmark) -> Bookmark:
    """An imported copy of a bookmark we have: keep ours, lose nothing of theirs."""
    note = existing.note
    if incoming.note and incoming.note not in note:
        note = f"{note}\n\n{incoming.note}" if note else incoming.note
    tags = schema.normalise_tags((*existing.tags, *incoming.tags))
    return replace(existing, note=note, tags=tags)
