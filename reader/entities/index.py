"""Entities across articles: one entry for every way a story names one referent, and which
articles mention it.

Two steps turn an article's mentions into entities (:func:`summarise`):

1. Spellings of one name share a key (:func:`entity_key`): "Huawei", "Huawei’s", "the
   Huawei" and "HUAWEI" are one; so are "U.S." and "US".
2. Short forms join the one longer name they can stand for (:func:`is_short_form`): "Wood"
   joins "Ben Wood", "Ren" joins "Ren Zhengfei", "Huawei" joins "Huawei Technologies",
   "WHO" joins "World Health Organization", "U.S." joins "the United States" (names of
   one place listed in ``data/lists/aliases.txt``). A short form that could stand for two
   names ("Wood" beside "Ben Wood" and "Sarah Wood") stays an entity of its own.

Every key an entity is known by is in :attr:`EntitySummary.keys` (:func:`keys_for`): a
search over many articles ("articles mentioning X", an index keyed on normalised names)
looks those up. :func:`same_referent` is the rule for two entities of different articles.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from reader.model import Entity

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DOTS = re.compile(r"\.(?=\w)|\.$")
_SMALL_WORDS = frozenset("of the and for on in at de du des la le".split())

# What a short form of a person's name may have been labelled: a surname alone is often
# taken for an organisation ("Kosciuszko"), never for a place or a date.
_PERSON_SHORT_LABELS = frozenset(("PERSON", "ORG", "PRODUCT"))


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


@cache
def _aliases() -> dict[str, frozenset[str]]:
    """Each alias key -> the keys of every name of its referent."""
    from reader.entities.wordlists import load

    table: dict[str, frozenset[str]] = {}
    for line in load("aliases"):
        keys = frozenset(entity_key(name) for name in line.split("|") if name.strip())
        for key in keys:
            table[key] = keys
    return table


# Words a company's name drops in later mentions ("Huawei Technologies Co." ... "Huawei"),
# besides its legal form. Not "Journal" or "Bank": "Wall Street" is not "Wall Street Journal".
_CORPORATE_WORDS = frozenset(
    "technologies technology holdings holding group industries international enterprises systems "
    "motors pharmaceuticals electronics corporation company".split()
)


@cache
def _org_suffix_keys() -> frozenset[str]:
    from reader.entities.wordlists import LEGAL_FORMS

    return frozenset(entity_key(word) for word in LEGAL_FORMS) | _CORPORATE_WORDS


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """One entity of an article: its canonical key and name, its label, every mention.

    ``key``, ``name`` and ``label`` are those of its longest name; ``mentions`` are all its
    mentions, short forms included, in text order; ``keys`` every normalised form.
    """

    key: str
    name: str
    label: str
    mentions: tuple[Entity, ...]
    keys: frozenset[str] = frozenset()

    @property
    def count(self) -> int:
        return len(self.mentions)

    @property
    def forms(self) -> tuple[str, ...]:
        """The distinct spellings of its mentions, most frequent first."""
        return tuple(text for text, _ in Counter(m.text for m in self.mentions).most_common())


def alias_keys(key: str) -> frozenset[str]:
    """``key`` and the keys of every other name of its referent ("u.s." -> also "united states")."""
    return _aliases().get(key, frozenset()) | {key}


def keys_for(summary: EntitySummary) -> set[str]:
    """Every normalised name ``summary`` is known by: its forms' keys and its aliases'.

    An index of articles by normalised name stores an article under each of these.
    """
    keys = set(summary.keys) | {summary.key}
    for key in list(keys):
        keys |= _aliases().get(key, frozenset())
    return keys


@dataclass(slots=True)
class _Group:
    key: str
    mentions: list[Entity]

    @property
    def name(self) -> str:
        return Counter(m.text for m in self.mentions).most_common(1)[0][0]

    @property
    def label(self) -> str:
        return Counter(m.label for m in self.mentions).most_common(1)[0][0]


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in _SMALL_WORDS)


def is_short_form(short_key: str, short_label: str, long_key: str, long_label: str, long_name: str = "") -> bool:
    """True when the name ``short_key`` can stand for ``long_key`` in one article.

    - names of one place or body (``aliases.txt``): "U.S." for "United States";
    - a person's first or last words: "Wood" for "Ben Wood", "Ren" for "Ren Zhengfei";
    - an organisation without its legal form or kind: "Huawei" for "Huawei Technologies";
    - an acronym of an organisation's words: "WHO" for "World Health Organization".
    """
    if short_key == long_key:
        return False
    aliases = _aliases().get(short_key)
    if aliases is not None:
        return long_key in aliases  # "EU" is the European Union, not "Emotion UI"
    short, long = short_key.split(), long_key.split()
    if long_label in ("ORG", "GPE") and short_label in ("ORG", "GPE") and len(short) == 1 and len(long) >= 2:
        initials = _initials(long_key)
        if len(initials) >= 2 and short_key == initials and (not long_name or long_name[0].isupper()):
            return True  # "WHO", "World Health Organization"
    if len(short) >= len(long):
        return False
    if long_label == "PERSON" and short_label in _PERSON_SHORT_LABELS:
        return short == long[: len(short)] or short == long[-len(short) :]
    if long_label == "ORG" and short_label == "ORG" and short == long[: len(short)]:
        return all(word in _org_suffix_keys() for word in long[len(short) :])
    return False


def summarise(entities: Iterable[Entity]) -> list[EntitySummary]:
    """Group an article's mentions into entities, most mentioned first.

    Spellings sharing a key are grouped, then short forms join the one longer name they
    can stand for (see the module docstring). The shown name and label are the most
    frequent among the longest name's own mentions.
    """
    return _merge(entities)


def _merge(entities: Iterable[Entity]) -> list[EntitySummary]:
    by_key: dict[str, _Group] = {}
    for entity in entities:
        key = entity_key(entity.text)
        if key:
            by_key.setdefault(key, _Group(key, [])).mentions.append(entity)
    # Longer names first, so each short form meets every name it could stand for.
    ordered = sorted(by_key.values(), key=lambda g: (-len(g.key.split()), -len(g.key), g.key))
    roots: list[tuple[_Group, list[_Group]]] = []
    for group in ordered:
        label = group.label
        homes = [
            (root, members)
            for root, members in roots
            if any(is_short_form(group.key, label, m.key, m.label, m.name) for m in members)
        ]
        if len(homes) == 1:
            homes[0][1].append(group)
        else:
            roots.append((group, [group]))
    summaries = []
    for root, members in roots:
        mentions = tuple(sorted((m for g in members for m in g.mentions), key=lambda e: e.start))
        keys = frozenset(g.key for g in members)
        summaries.append(EntitySummary(root.key, root.name, root.label, mentions, keys))
    summaries.sort(key=lambda s: (-s.count, s.name.casefold()))
    return summaries


def same_referent(a: EntitySummary, b: EntitySummary) -> bool:
    """Whether entities of two articles are one: either's canonical name is a form of the other.

    "Ben Wood" (also written "Wood") matches an article that says only "Wood", or "Ben
    Wood"; it does not match one where "Wood" is "Elijah Wood".
    """
    a_keys, b_keys = keys_for(a), keys_for(b)
    return a.key in b_keys or b.key in a_keys


def mentions(entities: Iterable[Entity], entity: str | EntitySummary) -> bool:
    """True if ``entities`` (one article's) mention ``entity``: a key, or an entity of
    another article matched by :func:`same_referent`, so either form of its name counts."""
    summaries = _merge(entities)
    if isinstance(entity, str):
        return any(entity in keys_for(s) for s in summaries)
    return any(same_referent(entity, s) for s in summaries)
