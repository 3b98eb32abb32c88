"""Where the headline list gets its rows: a small protocol and its implementations.

The list never holds a Python list of articles. It asks a :class:`RowProvider` for the
rows it is about to draw (``window``), how many there are (``len``) and where an article
is (``index_of``, to keep the cursor on it). Two providers exist:

- :class:`ArticleRows`, in memory, over a sequence of articles already loaded (the
  bookmarks screen shows snapshots; small lists in tests);
- the library's result sets (``lib.results(q)``), which fetch only the rows asked for.

A row is anything with the attributes of :class:`HeadlineRow` (the library's
``Headline`` has them).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol, runtime_checkable

from reader.model import Article, parse_published


@runtime_checkable
class HeadlineRow(Protocol):
    """What the list shows of one article."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def published(self) -> datetime | None: ...
    @property
    def read(self) -> bool: ...


class RowProvider(Protocol):
    """The rows of a list, fetched a window at a time."""

    def __len__(self) -> int: ...

    def window(self, offset: int, limit: int) -> Sequence[HeadlineRow]:
        """Rows ``offset`` to ``offset + limit`` (fewer at the end)."""
        ...

    def index_of(self, article_id: str) -> int | None:
        """The position of the article with this id, or None when it is not in the list."""
        ...


@dataclass(frozen=True, slots=True)
class Row:
    """A row made from an :class:`Article` in memory."""

    id: str
    title: str
    source: str
    section: str
    published: datetime | None
    read: bool

    @classmethod
    def of(cls, article: Article, read: bool = True) -> Row:
        return cls(article.id, article.title, article.source, article.section, parse_published(article.published), read)


class EmptyRows:
    """No rows at all."""

    def __len__(self) -> int:
        return 0

    def window(self, offset: int, limit: int) -> list[Row]:
        return []

    def index_of(self, article_id: str) -> int | None:
        return None


class ArticleRows:
    """Rows over articles held in memory (snapshots, small lists).

    ``unread`` holds the ids shown as unread (none by default: snapshots have no read state).
    """

    def __init__(
        self,
        articles: Sequence[Article],
        unread: Collection[str] = (),
        when: Callable[[Article], datetime | None] | None = None,
    ) -> None:
        self.articles = articles
        self.unread = unread
        self.when = when
        """The date a row shows (the article's publication date unless told otherwise)."""
        self._index: dict[str, int] | None = None

    def __len__(self) -> int:
        return len(self.articles)

    def window(self, offset: int, limit: int) -> list[Row]:
        offset = max(offset, 0)
        chunk = self.articles[offset : offset + max(limit, 0)]
        rows = [Row.of(a, read=a.id not in self.unread) for a in chunk]
        if self.when is not None:
            rows = [replace(row, published=self.when(a)) for row, a in zip(rows, chunk, strict=True)]
        return rows

    def index_of(self, article_id: str) -> int | None:
        if self._index is None:
            self._index = {a.id: i for i, a in enumerate(self.articles)}
        return self._index.get(article_id)

    def article(self, article_id: str) -> Article | None:
        index = self.index_of(article_id)
        return self.articles[index] if index is not None else None


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def age_label(published: datetime | None, now: datetime) -> str:
    """How old a headline is, in at most six cells: ``"now"``, ``"45m"``, ``"3h"``, ``"2d"``,
    ``"Nov 12"`` (this year or within the last ten months), the year when older; blank when unknown."""
    if published is None:
        return ""
    if published.tzinfo is None or now.tzinfo is None:
        published, now = published.replace(tzinfo=None), now.replace(tzinfo=None)
    delta = now - published
    if delta < timedelta(0):
        # From the future (a clock ahead, a time zone guessed wrong): the date, not a negative age.
        local = published.astimezone() if published.tzinfo else published
        return f"{MONTHS[local.month - 1]} {local.day}"
    if delta < timedelta(minutes=1):
        return "now"
    if delta < timedelta(hours=1):
        return f"{delta.seconds // 60}m"
    if delta < timedelta(days=1):
        return f"{delta.seconds // 3600}h"
    if delta < timedelta(days=7):
        return f"{delta.days}d"
    local = published.astimezone() if published.tzinfo else published
    if delta < timedelta(days=300):
        return f"{MONTHS[local.month - 1]} {local.day}"
    return str(local.year)
