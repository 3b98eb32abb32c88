"""Entities across articles: one name for every way a story writes it, and which
articles mention it.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from reader.model import Entity

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\.(?=\w)|\.$")


def entity_key(name: str) -> str:
    """The normalised name two mentions share when they are the same entity.

    "Huawei", "Huawei's", "HUAWEI’s" and "the Huawei" all give ``"huawei"``; "U.S." and
    "US" both give ``"us"``.
    """
    name = _SPACES.sub(" ", name).strip()
    name = _LEADING_THE.sub("", name)
    name = _POSSESSIVE.sub(lambda m: "s" if m.group(0).lower().startswith("s") else "", name)
    name = _DOTS.sub("", name)
    return name.casefold().strip()


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One entity of an article: its key, how it is shown, its label and its mentions."""

    key: str
    name: str
    label: str
    mentions: tuple[Entity, ...]

    @property
    def count(self) -> int:
        return len(self.mentions)


def summarise(entities: Iterable[Entity]) -> list[EntitySummary]:
    """Group an article's mentions by :func:`entity_key`, most mentioned first.

    The shown name is the most frequent spelling; the label is the most frequent label.
    """
    groups: dict[str, list[Entity]] = {}
    for entity in entities:
        key = entity_key(entity.text)
        if key:
            groups.setdefault(key, []).append(entity)
    summaries = []
    for key, mentions in groups.items():
        name = Counter(m.text for m in mentions).most_common(1)[0][0]
        label = Counter(m.label for m in mentions).most_common(1)[0][0]
        summaries.append(EntitySummary(key, name, label, tuple(mentions)))
    summaries.sort(key=lambda s: (-s.count, s.name.casefold()))
    return summaries


def mentions(entities: Iterable[Entity], key: str) -> bool:
    """True if any of ``entities`` is the entity ``key``."""
    return any(entity_key(entity.text) == key for entity in entities)
