"""The search language, parsed into a :class:`Query`; parsing never fails.

``huawei ban`` (every word, the last one also as a prefix, as you type, once it has two
characters), ``"exact phrase"``,
``-word`` / ``-"phrase"`` (must not appear), ``source:NAME`` (a library source or a
publisher: its name, else names starting with it; quotes allowed), ``is:unread``,
``is:read``, ``is:bookmarked``, ``entity:"Name"`` (articles whose recognised entities
include Name, matched by :func:`reader.entities.index.entity_key`), ``after:YYYY-MM-DD``
(on or after that day, UTC) and ``before:YYYY-MM-DD`` (before that day). Dates are the
published date when known, else the day the library first stored the article.

Anything else is plain words: an unbalanced quote, a lone ``-``, ``*``, ``(``, ``NEAR``,
``AND``, ``title:x``, an unknown ``is:`` or a bad date. Words are handed to FTS5 only as
quoted strings, so none of its syntax can reach it.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from reader.entities.index import alias_keys, entity_key

_FILTER = re.compile(r"(?i)(source|is|entity|after|before):")
_IS_VALUES = {"unread", "read", "bookmarked"}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed search. Build one with :func:`parse_query` (or ``Library.parse_query``)."""

    text: str = ""
    """What the user typed."""
    words: tuple[str, ...] = ()
    prefix_last: bool = False
    """The last of ``words`` also matches as a prefix (it may still be being typed)."""
    phrases: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    """Words and phrases that must not appear."""
    sources: tuple[str, ...] = ()
    """``source:`` names (any of them matches)."""
    read: bool | None = None
    """``is:read`` True, ``is:unread`` False, else either."""
    bookmarked: bool = False
    entities: tuple[tuple[str, ...], ...] = ()
    """Entities that must be mentioned (every one): each ``(key, *other_forms)``. An article
    matches when it mentions ``key`` in any form, or names an entity whose own name is one of
    ``other_forms`` (``entity:"U.S."`` also finds "United States"; "articles mentioning Ben
    Wood" finds an article saying only "Wood", not one where "Wood" is "Elijah Wood")."""
    after: date | None = None
    before: date | None = None

    @property
    def is_empty(self) -> bool:
        """True when the query matches every article."""
        return self == Query(text=self.text)

    @property
    def has_text(self) -> bool:
        """True when full-text words or phrases must match (so results can be ranked)."""
        return bool(self.words or self.phrases)

    def fts_match(self) -> str | None:
        """The FTS5 expression the words and phrases must match, or None."""
        terms = [_fts_string(w) for w in self.words]
        if self.prefix_last and terms:
            terms[-1] += "*"
        terms += [_fts_string(p) for p in self.phrases]
        return " ".join(terms) or None

    def fts_excluded(self) -> str | None:
        """The FTS5 expression that rules an article out, or None."""
        return " OR ".join(_fts_string(term) for term in self.excluded) or None

    def after_epoch(self) -> int | None:
        return _epoch(self.after)

    def before_epoch(self) -> int | None:
        return _epoch(self.before)


def _epoch(day: date | None) -> int | None:
    return None if day is None else int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp())


def _fts_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _searchable(text: str) -> str:
    """``text`` as FTS5 will tokenise it, or '' when it holds no letters or digits."""
    return " ".join(text.split()) if any(ch.isalnum() for ch in text) else ""


def parse_query(text: str) -> Query:
    """Read ``text`` in the search language. Never raises: what is not understood is words."""
    if not isinstance(text, str):  # a caller's mistake, not the user's: still never raises
        text = str(text)  # type: ignore[unreachable]
    words: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    sources: list[str] = []
    entities: list[tuple[str, ...]] = []
    read: bool | None = None
    bookmarked = False
    after = before = None
    at = 0
    length = len(text)
    last_is_word = False  # the query ends with a bare word, maybe still being typed
    while at < length:
        if text[at].isspace():
            at += 1
            continue
        negated = text[at] == "-"
        last_is_word = False
        start = at + 1 if negated else at
        filter_match = None if negated else _FILTER.match(text, start)
        if filter_match is not None:
            value, end = _value(text, filter_match.end())
            name = filter_match.group(1).lower()
            accepted = True
            if name == "source" and value.strip():
                sources.append(" ".join(value.split()))
            elif name == "entity" and entity_key(value):
                key = entity_key(value)
                entities.append((key, *sorted(alias_keys(key) - {key})))
            elif name == "is" and value.lower() in _IS_VALUES:
                if value.lower() == "bookmarked":
                    bookmarked = True
                else:
                    read = value.lower() == "read"
            elif name in ("after", "before") and (day := _parse_date(value)) is not None:
                if name == "after":
                    after = day
                else:
                    before = day
            else:
                accepted = False
            if accepted:
                at = end
                continue
            # Not a filter after all: the whole token is words.
            token, at = _bare(text, at)
            words.extend(_split_words(token))
            last_is_word = bool(_split_words(token))
            continue
        if start < length and text[start] == '"':
            close = text.find('"', start + 1)
            if close == -1:  # an unbalanced quote: the rest is plain words
                target = excluded if negated else words
                target.extend(_split_words(text[start + 1 :]))
                last_is_word = not negated and bool(target) and not text[-1:].isspace()
                break
            phrase = _searchable(text[start + 1 : close])
            if phrase:
                (excluded if negated else phrases).append(phrase)
            at = close + 1
            continue
        token, at = _bare(text, start)
        found = _split_words(token)
        (excluded if negated else words).extend(found)
        last_is_word = bool(found) and not negated and not token.endswith('"')
    prefix_last = last_is_word and at >= length and not text[-1:].isspace() and len(words[-1]) >= 2
    return Query(
        text=text,
        words=tuple(words),
        prefix_last=prefix_last,
        phrases=tuple(phrases),
        excluded=tuple(excluded),
        sources=tuple(sources),
        read=read,
        bookmarked=bookmarked,
        entities=tuple(entities),
        after=after,
        before=before,
    )


def _value(text: str, at: int) -> tuple[str, int]:
    """The value of a filter at ``at``: a quoted string, or up to the next space."""
    if at < len(text) and text[at] == '"':
        close = text.find('"', at + 1)
        if close != -1:
            return text[at + 1 : close], close + 1
        return "", at  # unbalanced: not a filter
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[at:end], end


def _bare(text: str, at: int) -> tuple[str, int]:
    end = at
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[at:end], end


def _split_words(token: str) -> list[str]:
    """A bare token as searchable words: quotes become spaces; tokens without letters vanish."""
    return [word for piece in token.replace('"', " ").split() if (word := _searchable(piece))]


def _parse_date(value: str) -> date | None:
    if not _DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
