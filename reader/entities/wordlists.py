"""Short hand-written word lists for the built-in recogniser.

Only what no data package has: titles and roles, organisation suffixes, regions,
group words, function words and the like. Each list is a text file in
``reader/entities/data/lists/`` (one entry per line, ``#`` starts a comment), read once
when this module is imported; ``ORG_SUFFIXES`` is ``org_suffixes.txt``. The long lists
(places, demonyms, names) are generated from data packages; see
:mod:`reader.entities.gazetteers`.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
"""The recogniser's data files: read as plain files (the package is always installed
unpacked; importlib.resources would import zipfile, 30 ms of every start-up)."""


def load(name: str) -> frozenset[str]:
    """The entries of ``data/lists/NAME.txt``: one per line, comments and blank lines skipped."""
    text = (DATA / "lists" / f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


# Cities that share their name with a common English word are left out.
AMBIGUOUS_CITIES = load("ambiguous_cities")
# Province and city names that are far more often ordinary words or directions.
NOT_PLACES = load("not_places")
# Titles and roles: never part of a PERSON span, and evidence that a PERSON follows.
TITLES = load("titles")
# A run whose last word is one of these names an organisation ("Commerce Department").
ORG_SUFFIXES = load("org_suffixes")
# Legal forms: "Elisa Oyj" makes "Elisa" alone an organisation too.
LEGAL_FORMS = load("legal_forms")
# A run starting with one of these, followed by "of ...", names an organisation.
ORG_HEADS = load("org_heads")
# Continents and regions that are LOC in OntoNotes (continents come from the gazetteers).
REGIONS = load("regions")
# Group adjectives and nouns (NORP) that are not country demonyms.
EXTRA_NORP = load("extra_norp")
NATIONAL_LANGUAGES = load("national_languages")
# Short forms of country names that the packages spell only as codes or not at all.
EXTRA_GPE = load("extra_gpe")
# Common East Asian family names, written first ("Xi Jinping", "Lam Yik Fei").
EAST_ASIAN_SURNAMES = load("east_asian_surnames")
# Organisations named by an acronym, and stock indices (ORG).
EXTRA_ORG = load("extra_org")
# Capitalised words that are not names on their own (function words, headings, months).
NOT_NAMES = load("not_names")
# Capitalised acronyms that are generic terms, not names.
GENERIC_ACRONYMS = load("generic_acronyms")
# Words that, right before a title, belong to the title ("Commerce Secretary").
ROLE_MODIFIERS = load("role_modifiers")
# Head nouns that tell a name's kind when they end it ("Gaddafi Stadium", "Vistula River")
# or start it ("Lake Victoria", "Typhoon Gaemi", "Golden Bear").
PRODUCT_LAST = load("product_last")
EVENT_LAST = load("event_last")
LAW_LAST = load("law_last")
FAC_LAST = load("fac_last")
# Heads that are also surnames: a facility only after a word that is no given name.
FAC_OR_SURNAME = load("fac_or_surname")
GPE_LAST = load("gpe_last")
LOC_LAST = load("loc_last")
LOC_FIRST = load("loc_first")
EVENT_FIRST = load("event_first")
WORK_FIRST = load("work_first")
WORK_LAST = load("work_last")
# Head nouns of each kind that may take an "of" phrase ("Bay of Bengal", "Cup of Nations").
HEADS_WITH_OF = load("heads_with_of")
# Given names common in news from outside the English-speaking world, which the US census lacks.
WORLD_GIVEN_NAMES = load("world_given_names")
