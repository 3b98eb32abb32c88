"""Recognition results cached per article content, safe to share between threads.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from reader.model import Article, Entity


class EntityCache:
    """An LRU map from an article's content hash to its entities.

    ``entities_for`` may run in worker threads; the same text is recognised once even
    when it appears under several ids (or the user returns to it).
    """

    def __init__(self, recognise: Callable[[str], list[Entity]], size: int = 4096) -> None:
        self._recognise = recognise
        self._size = size
        self._entries: OrderedDict[str, tuple[Entity, ...]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, article: Article) -> tuple[Entity, ...] | None:
        """The cached entities of ``article``, or None if it has not been recognised yet."""
        key = article.content_hash
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
            return found

    def put(self, article: Article, entities: tuple[Entity, ...]) -> None:
        """Remember entities found elsewhere (the library's entity index) for ``article``."""
        with self._lock:
            self._entries[article.content_hash] = entities
            self._entries.move_to_end(article.content_hash)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)

    def entities_for(self, article: Article) -> tuple[Entity, ...]:
        """The entities of ``article``, recognising its body on a miss."""
        found = self.get(article)
        if found is not None:
            return found
        entities = tuple(self._recognise(article.body))
        with self._lock:
            self._entries[article.content_hash] = entities
            self._entries.move_to_end(article.content_hash)
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)
        return entities

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
