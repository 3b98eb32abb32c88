"""The whole stories behind feed entries, kept in the library for offline reading.

A full story is fetched on demand (:mod:`reader.sources.feeds.fulltext`) and stored next
to its article, never in place of it: the feed's own text stays, and a refresh that
updates the entry leaves the full story alone. Its text joins the entity index like any
article body (:func:`reader.library.entity_index.backlog` reads both tables).

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from reader.model import Article
from reader.sanitize import clean, clean_line


@dataclass(frozen=True, slots=True)
class FullStory:
    article_id: str
    url: str
    paragraphs: tuple[str, ...]
    fetched_at: datetime

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def content_hash(self) -> str:
        return Article(id=self.article_id, title="", paragraphs=self.paragraphs).content_hash


def store(connection: sqlite3.Connection, article_id: str, url: str, paragraphs: Sequence[str]) -> FullStory:
    """Save (or replace) an article's full story, inside the caller's transaction."""
    cleaned = tuple(p for p in (clean(p).strip("\n") for p in paragraphs) if p)
    story = FullStory(article_id, clean_line(url), cleaned, datetime.fromtimestamp(int(time.time()), UTC))
    connection.execute(
        "INSERT OR REPLACE INTO full_stories (article_id, url, content_hash, fetched_at, body) VALUES (?, ?, ?, ?, ?)",
        (article_id, story.url, story.content_hash, int(story.fetched_at.timestamp()), story.body),
    )
    return story


def load(connection: sqlite3.Connection, article_id: str) -> FullStory | None:
    row = connection.execute(
        "SELECT url, fetched_at, body FROM full_stories WHERE article_id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return None
    url, fetched_at, body = row
    return FullStory(
        article_id, url, tuple(body.split("\n\n")) if body else (), datetime.fromtimestamp(fetched_at, UTC)
    )
