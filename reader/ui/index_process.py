"""Entity recognition over the library in a child process: ``python -m reader.ui.index_process LIBRARY RECOGNISER``.

The app starts this after its first paint instead of recognising in a thread, so the
recogniser's data (gazetteers: tens of MiB) never enters the app's memory and its work never
competes with the UI thread for the GIL. It prints ``done total`` lines as it goes and stops
(between two articles) when its standard input is closed, or at the end of the backlog.

Imports only the core (no textual, no rich), at a lower CPU priority than the app.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from pathlib import Path


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: python -m reader.ui.index_process LIBRARY RECOGNISER", file=sys.stderr)
        return 2
    from reader.library.indexer import index_backlog

    stop = threading.Event()

    def wait_for_close() -> None:
        sys.stdin.read()  # returns when the app closes our stdin (or exits)
        stop.set()

    threading.Thread(target=wait_for_close, daemon=True).start()
    with contextlib.suppress(OSError):
        os.nice(5)  # the reader's keys first

    def progress(done: int, total: int) -> None:
        print(f"{done} {total}", flush=True)

    index_backlog(Path(argv[1]), recogniser=argv[2], progress=progress, should_stop=stop.is_set)
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main(sys.argv))
    except KeyboardInterrupt:
        raise SystemExit(130) from None
    except BrokenPipeError:
        raise SystemExit(0) from None
