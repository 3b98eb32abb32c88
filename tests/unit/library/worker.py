"""Run by the library's two-process tests in a child process.

``python -m tests.unit.library.worker LIBRARY DUMP ROUNDS``: prints ``ready``, waits for a line
on stdin (so that several workers start together), then ROUNDS times: opens the library, adds
DUMP, refreshes, marks every article read then unread, and closes. Prints ``done``; a
:class:`LibraryError` or a recovery is reported on stderr.
"""

from __future__ import annotations

import sys

from reader.library import Library, LibraryError


def main(path: str, source: str, rounds: int) -> int:
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        for _ in range(rounds):
            with Library.open(path, default_sources=False, timeout=60) as library:
                if library.recovery is not None:
                    print(f"recovery: {library.recovery}", file=sys.stderr, flush=True)
                library.add_source(source)
                report = library.refresh()
                if report.errors:
                    print(f"errors: {report.errors}", file=sys.stderr, flush=True)
                library.mark_all_read("")
                library.mark_all_read("", read=False)
                library.results("story").window(0, 20)
    except LibraryError as error:
        print(f"LibraryError: {error}", file=sys.stderr, flush=True)
        return 1
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
