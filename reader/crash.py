"""The net under everything: an unexpected error becomes one line for the user and a log
file with the whole traceback, in the user log directory (:func:`reader.paths.log_dir`).

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback
from datetime import UTC, datetime
from pathlib import Path

from reader import __version__
from reader.paths import log_dir
from reader.sanitize import clean_line


def write_log(error: BaseException) -> Path | None:
    """Write ``error``'s traceback to a new file; its path, or None if nothing could be written.

    The user log directory first; if it cannot be written (a read-only home), the temporary
    directory.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = "".join(
        [
            f"Dateline {__version__} crashed at {stamp}\n",
            f"Python {platform.python_version()} on {platform.platform()}\n",
            f"Command: {sys.argv!r}\n\n",
            *traceback.format_exception(type(error), error, error.__traceback__),
        ]
    )
    for directory in (log_dir, lambda: Path(tempfile.gettempdir())):
        try:
            folder = directory()
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"dateline-crash-{stamp}-{os.getpid()}.log"
            with open(path, "x", encoding="utf-8", errors="backslashreplace") as file:
                file.write(report)
            return path
        except OSError:
            continue
    return None


def one_line(error: BaseException, log: Path | None) -> str:
    """What the user is told: what went wrong, in one line, and where the details are."""
    what = clean_line(f"{type(error).__name__}: {error}")
    if len(what) > 160:
        what = what[:159] + "…"
    where = f"the details are in {clean_line(str(log))}" if log else "no log could be written"
    return f"unexpected error ({what}); {where} — please report it"
