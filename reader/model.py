"""Plain data the whole program passes around.

Core module: no textual or rich imports. Every string held here has already been
through :func:`reader.sanitize.clean` by the source that made it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class Article:
    """One news story, whatever source it came from."""

    id: str
    title: str
    paragraphs: tuple[str, ...] = ()
    source: str = ""
    """Publisher, e.g. ``CNET`` or ``The New York Times``; empty when unknown."""
    section: str = ""
    """Section prefix such as ``Opinion``; empty when none."""
    byline: str = ""
    url: str = ""
    published: str = ""
    """ISO 8601 date or date-time when known, else empty."""
    origin: str = ""
    """Where the article was read from (a file path or feed URL)."""

    @property
    def body(self) -> str:
        """The article text: paragraphs separated by one blank line.

        Entity offsets computed on an article refer to this string.
        """
        return "\n\n".join(self.paragraphs)

    @property
    def content_hash(self) -> str:
        """A digest of what is shown, for caching work done on the text."""
        return hashlib.blake2b(self.body.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention: ``text == source_text[start:end]``."""

    start: int
    end: int
    label: str
    text: str


def stable_id(*parts: str) -> str:
    """A short id that depends only on ``parts``: the same input gives the same id in every run."""
    digest = hashlib.blake2b(digest_size=8)
    for part in parts:
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


UNKNOWN_SOURCE = "Unknown source"
"""The one spelling of a missing publisher: in the headline list, the article header and ``dateline list``."""


def source_label(source: str, section: str = "") -> str:
    """Publisher first, then section: ``"The New York Times · Opinion"``.

    The one order and the one spelling of a missing source (:data:`UNKNOWN_SOURCE`), used by
    the headline list, the article header and ``dateline list`` alike.
    """
    return " · ".join([source.strip() or UNKNOWN_SOURCE, *([section.strip()] if section.strip() else [])])


def parse_published(value: str) -> datetime | None:
    """An article's ``published`` (ISO 8601) as an aware datetime (UTC when no zone is given); None if unknown."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


__all__ = [
    "UNKNOWN_SOURCE",
    "Article",
    "Bookmark",
    "Entity",
    "field",
    "parse_published",
    "source_label",
    "stable_id",
]


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A saved article: a full snapshot, readable after its source is gone."""

    article: Article
    saved_at: datetime
    """When it was saved: timezone-aware, in UTC."""
    note: str = ""
    tags: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The bookmarked article's id (bookmarks are keyed by it)."""
        return self.article.id
