"""Writing files so that a crash never leaves half of one.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> None:
    """Write ``data`` to ``path`` all at once or not at all.

    A temporary file in the same directory is written and fsync'd, then moved into place.
    Unless ``overwrite``, an existing ``path`` is never replaced (``FileExistsError``), even
    if it appears while we write.
    """
    path = Path(path).absolute()
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            if hasattr(os, "fchmod"):  # mkstemp makes 0600; give the usual umask-based mode
                os.fchmod(file.fileno(), 0o666 & ~_umask())
            os.fsync(file.fileno())
        if overwrite:
            os.replace(temporary, path)
        else:
            _link_no_clobber(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    fsync_directory(path.parent)


def _link_no_clobber(temporary: str, path: Path) -> None:
    try:
        os.link(temporary, path)  # fails if path exists: atomic no-clobber
    except FileExistsError:
        raise
    except OSError:
        # A filesystem without hard links: check, then rename (a small race, no worse).
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def fsync_directory(directory: Path) -> None:
    """Make a rename or a new file in ``directory`` durable (best effort where unsupported)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- what may be opened, created or replaced -----------------------------------------------------
#
# Shared by every store that keeps a file in the data directory (the bookmarks; the library),
# and by commands that write a file the user names (``bookmarks export -o``).


class UnsafeFileError(OSError):
    """A path that must not be followed, replaced or opened; the message is one line for the user."""


def describe_kind(mode: int) -> str:
    """``"a directory"``, ``"a character device"``… for an ``st_mode``."""
    for test, name in (
        (stat.S_ISREG, "a regular file"),
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "a special file"


def check_replaceable(path: str | os.PathLike[str]) -> bool:
    """May ``path`` be written over? True if it exists (a regular file), False if it does not.

    Anything else — a directory, a device such as ``/dev/null``, a FIFO, a socket, or a
    symbolic link (even to a regular file) — raises :class:`UnsafeFileError`: ``--force``
    replaces a user's file, never the system's.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISREG(info.st_mode):
        return True
    raise UnsafeFileError(f"{path} is {describe_kind(info.st_mode)}, not a regular file: it is never replaced")


def refuse_symlink(path: str | os.PathLike[str]) -> None:
    """Raise :class:`UnsafeFileError` if ``path`` is a symbolic link (dangling or not).

    Files in the data directory are opened by name by SQLite, which follows links: a link
    planted there (``bookmarks.sqlite3 -> /etc/…``) would make us create or write its target.
    """
    if os.path.islink(path):
        raise UnsafeFileError(
            f"{path} is a symbolic link; Dateline does not follow links in its data directory "
            "(put the file itself there, or use --data-dir)"
        )


def open_lock_file(path: str | os.PathLike[str]) -> int:
    """Open (creating) a lock file without following a symbolic link; returns the descriptor."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP or os.path.islink(path):
            refuse_symlink(path)
        raise


FileIdentity = tuple[int, int]


def identity(path: str | os.PathLike[str]) -> FileIdentity | None:
    """``(device, inode)`` of ``path`` (not following a link), or None when there is nothing there.

    A store remembers the identity of the file it opened and compares before each write: a
    different identity means the file was replaced (moved aside by a repair, restored from a
    backup) and the store must reopen the live file instead of writing to the old one.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    return (info.st_dev, info.st_ino)


def is_disk_full(error: BaseException) -> bool:
    """True for "no space left" and "quota exceeded", from the OS or from SQLite."""
    if isinstance(error, OSError):
        return error.errno in (errno.ENOSPC, errno.EDQUOT)
    return getattr(error, "sqlite_errorname", "").startswith("SQLITE_FULL")
