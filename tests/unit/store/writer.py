"""Run by reliability tests in a child process: add bookmarks one by one, reporting each.

``python -m tests.unit.store.writer PATH PREFIX COUNT [--wait]``

Prints ``ready`` (then, with ``--wait``, waits for a line on stdin so that several writers
start together), opens the store, prints the id of each bookmark after ``add`` has returned,
flushed at once, then ``done``. A recovery or a :class:`StoreError` is reported on stderr.
"""

from __future__ import annotations

import sys

from reader.store import BookmarkStore, StoreError
from tests.unit.store.helpers import make_article


def main(path: str, prefix: str, count: int, wait: bool) -> int:
    print("ready", flush=True)
    if wait:
        sys.stdin.readline()
    try:
        with BookmarkStore(path, timeout=60) as store:
            if store.recovery is not None:
                print(f"recovery: {store.recovery}", file=sys.stderr, flush=True)
            for number in range(count):
                article = make_article(number, prefix=prefix)
                store.add(article)
                print(article.id, flush=True)
    except StoreError as error:
        print(f"StoreError: {error}", file=sys.stderr, flush=True)
        return 1
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), "--wait" in sys.argv[4:]))
