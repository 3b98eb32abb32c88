"""Writing files so that a crash never leaves half of one.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import contextlib
import os
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
