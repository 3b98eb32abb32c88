"""Run by tests in a child process: open a store, read, try to save; print what happened as JSON.

``python -m tests.unit.store.probe PATH``
"""

from __future__ import annotations

import json
import sys

from reader.model import Article
from reader.store import BookmarkStore, StoreError


def main(path: str) -> None:
    outcome: dict[str, object] = {}
    try:
        with BookmarkStore(path) as store:
            outcome["ids"] = sorted(store.ids())
            outcome["titles"] = [bookmark.article.title for bookmark in store.list()]
            outcome["read_only"] = store.read_only
            try:
                store.add(Article(id="new-one", title="New"))
                outcome["save"] = "saved"
            except StoreError as error:
                outcome["save"] = f"StoreError: {error}"
    except StoreError as error:
        outcome["open"] = f"StoreError: {error}"
    print(json.dumps(outcome))


if __name__ == "__main__":
    main(sys.argv[1])
