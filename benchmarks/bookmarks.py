"""Print how fast the bookmark store is: ``python benchmarks/bookmarks.py [COUNT]``.

Uses a temporary directory; every add is its own durable (fsync'd) transaction, as in the app.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.model import Article
from reader.store import BookmarkStore


def article(number: int) -> Article:
    paragraphs = tuple(f"Paragraph {p} of story {number}, long enough to be realistic. " * 12 for p in range(8))
    return Article(id=f"id{number:07d}", title=f"Story {number}", paragraphs=paragraphs, source="Bench")


def timed(label: str, operation, repeat: int = 1):
    start = time.perf_counter()
    for _ in range(repeat):
        result = operation()
    elapsed = (time.perf_counter() - start) / repeat
    print(f"{label:<42} {elapsed * 1000:9.1f} ms")
    return result, elapsed


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bookmarks.sqlite3"
        with BookmarkStore(path) as store:
            _, elapsed = timed(
                f"add x{count} (one transaction each)", lambda: [store.add(article(n)) for n in range(count)]
            )
            print(f"{'  adds per second':<42} {count / elapsed:9.0f}")
        print(f"{'file size':<42} {path.stat().st_size / 1e6:9.1f} MB")
        store, _ = timed("open (identity check + quick_check)", lambda: BookmarkStore(path))
        with store:
            timed("ids()", store.ids, repeat=5)
            timed("contains() x1000", lambda: [store.contains(f"id{n:07d}") for n in range(1000)])
            timed("list() (full snapshots, newest first)", store.list)
            timed("export() to a JSON document", store.export)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
