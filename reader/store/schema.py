"""The bookmarks file format: identity pragmas, tables, and row <-> :class:`Bookmark`.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from reader import jsonio
from reader.model import Article, Bookmark
from reader.sanitize import clean, clean_line

FILENAME = "bookmarks.sqlite3"
SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = int.from_bytes(b"DTLN", "big")
"""``PRAGMA application_id`` of every file this program writes (0x44544C4E)."""
SCHEMA_VERSION = 1
"""``PRAGMA user_version``: files with a larger number come from a newer Dateline."""

TABLE = "bookmarks"
COLUMNS = (
    "article_id",
    "title",
    "paragraphs",
    "source",
    "section",
    "byline",
    "url",
    "published",
    "origin",
    "saved_at",
    "note",
    "tags",
)
SELECT_COLUMNS = ", ".join(COLUMNS)
INSERT_SQL = f"INSERT INTO {TABLE} ({SELECT_COLUMNS}) VALUES ({', '.join('?' * len(COLUMNS))})"
INSERT_OR_IGNORE_SQL = INSERT_SQL.replace("INSERT", "INSERT OR IGNORE", 1)

# Executed one statement at a time inside the caller's transaction
# (``executescript`` would commit first).
CREATE_STATEMENTS = (
    f"""CREATE TABLE IF NOT EXISTS {TABLE} (
        article_id TEXT PRIMARY KEY NOT NULL,
        title      TEXT NOT NULL,
        paragraphs TEXT NOT NULL,            -- JSON array of strings
        source     TEXT NOT NULL,
        section    TEXT NOT NULL,
        byline     TEXT NOT NULL,
        url        TEXT NOT NULL,
        published  TEXT NOT NULL,
        origin     TEXT NOT NULL,
        saved_at   TEXT NOT NULL,            -- ISO 8601 in UTC, microseconds: sorts as text
        note       TEXT NOT NULL DEFAULT '',
        tags       TEXT NOT NULL DEFAULT '[]' -- JSON array of strings
    )""",
    f"CREATE INDEX IF NOT EXISTS {TABLE}_saved_at ON {TABLE} (saved_at)",
    f"PRAGMA application_id = {APPLICATION_ID}",
    f"PRAGMA user_version = {SCHEMA_VERSION}",
)


def format_time(moment: datetime) -> str:
    """The stored form of a time: UTC, fixed width, so that text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("bookmark times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_time(text: str) -> datetime:
    """Read a time written by :func:`format_time` (or any ISO 8601 time with an offset)."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"time without a timezone: {text!r}")
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        # 9999-12-31T23:59:59-12:00 is past the last representable UTC time (and
        # 0001-01-01T00:00:00+12:00 before the first): keep the nearest one.
        return (datetime.max if moment.year > 1 else datetime.min).replace(tzinfo=UTC)


def now() -> datetime:
    """The current time, as bookmarks record it."""
    return datetime.now(UTC)


def normalise_note(note: str) -> str:
    """Notes are user text: kept as typed, minus anything that could act on a terminal."""
    if not isinstance(note, str):
        raise TypeError("a note must be a string")
    return clean(note)


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags as stored: single-line, stripped, no empties, no duplicates, first-seen order."""
    if isinstance(tags, str):
        raise TypeError("tags must be a collection of strings, not one string")
    result: dict[str, None] = {}
    for tag in tags:
        if not isinstance(tag, str):
            raise TypeError("each tag must be a string")
        tag = clean_line(tag)
        if tag:
            result.setdefault(tag, None)
    return tuple(result)


def to_row(bookmark: Bookmark) -> tuple[str, ...]:
    """The values for :data:`INSERT_SQL`."""
    article = bookmark.article
    return (
        article.id,
        article.title,
        encode_list(article.paragraphs),
        article.source,
        article.section,
        article.byline,
        article.url,
        article.published,
        article.origin,
        format_time(bookmark.saved_at),
        bookmark.note,
        encode_list(bookmark.tags),
    )


def from_row(row: Sequence[object]) -> Bookmark:
    """Rebuild a bookmark from the values of :data:`COLUMNS`; ``ValueError`` if they are not sound."""
    if len(row) != len(COLUMNS):
        raise ValueError("wrong number of columns")
    values: dict[str, str] = {}
    for column, value in zip(COLUMNS, row, strict=True):
        if not isinstance(value, str):
            raise ValueError("a column holds something other than text")
        values[column] = value
    if not values["article_id"]:
        raise ValueError("empty article id")
    article = Article(
        id=values["article_id"],
        title=values["title"],
        paragraphs=tuple(_string_list(values["paragraphs"])),
        source=values["source"],
        section=values["section"],
        byline=values["byline"],
        url=values["url"],
        published=values["published"],
        origin=values["origin"],
    )
    return Bookmark(
        article=article,
        saved_at=parse_time(values["saved_at"]),
        note=values["note"],
        tags=tuple(_string_list(values["tags"])),
    )


def encode_list(values: Iterable[str]) -> str:
    """How the list columns (paragraphs, tags) are stored: a JSON array."""
    return json.dumps(list(values), ensure_ascii=False)


def _string_list(text: str) -> list[str]:
    value = jsonio.loads(text)  # ValueError with a reason, whatever a hand-edited file holds
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("not a JSON list of strings")
    return value
