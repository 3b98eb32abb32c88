"""Labelling rules for one name segment ("Ben Wood", "Huawei Technologies", "Nissan").

A :class:`Candidate` is a name segment with its context. :func:`label` tries the rules of
:data:`NAME_RULES` in order; the first that answers gives the label (or says the segment
is no name, :data:`NOT_A_NAME`), and its name is what ``dateline entities --explain``
prints. A one-word segment that no rule of the first part labels goes on to the
single-word rules in :mod:`reader.entities.builtin.rules_word`; longer ones go on to
:data:`MULTI_WORD_RULES`.

To change one rule: edit its function; to add one: write a function taking a
:class:`Candidate` and returning a label, :data:`NOT_A_NAME` or None (no opinion), and
put it in the list where it should win over the rules after it. Then run
``python benchmarks/score_entities.py --compare before`` (see the README).

Core module: no textual or rich imports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reader.entities import gazetteers as gaz
from reader.entities import wordlists
from reader.entities.builtin.cues import (
    AFTER_A_PLACE,
    FAC_NOUN_AFTER,
    INDEX_AFTER,
    LANGUAGE_AFTER,
    LANGUAGE_BEFORE,
    LOC_NOUN_AFTER,
    ORG_AT_BEFORE,
    PLACE_AFTER,
    PLACE_OF,
    PLACE_THE,
    PRODUCT_TOKEN,
    REGNAL_NUMBER,
    ROLE_NOUNS_ONE,
    found_before,
)
from reader.entities.builtin.lexicon import Lexicon
from reader.entities.builtin.state import Evidence
from reader.entities.builtin.tokens import word_before

NOT_A_NAME = "-"
"""What a rule returns when the segment is no name at all ("Several", "Plan B")."""


@dataclass(slots=True)
class Candidate:
    """A name segment to label, with what the rules look at."""

    lex: Lexicon
    text: str
    segment: list[tuple[int, int]]
    evidence: Evidence
    cue: str
    """"title" after a title ("Dr. Kast"), "role" after a role noun ("coach Tite"), or ""."""
    weak: bool
    """A lone word at a sentence start or in a headline: it needs evidence to be a name."""
    start: int
    end: int
    name: str
    words: list[str]

    @classmethod
    def of(
        cls, lex: Lexicon, text: str, segment: list[tuple[int, int]], evidence: Evidence, cue: str, weak: bool
    ) -> Candidate:
        start, end = segment[0][0], segment[-1][1]
        words = [text[s:e] for s, e in segment]
        return cls(lex, text, segment, evidence, cue, weak, start, end, text[start:end], words)

    @property
    def first(self) -> str:
        return self.words[0]

    @property
    def last(self) -> str:
        return self.words[-1]


Rule = Callable[[Candidate], "str | tuple[str, str] | None"]
"""A rule: a label, (label, detail for --explain), NOT_A_NAME, or None for no opinion."""


def language_in_context(c: Candidate) -> str | None:
    """ "literature in Spanish.": a language's name where a language is spoken of."""
    if (
        len(c.words) == 1
        and c.name in wordlists.NATIONAL_LANGUAGES
        and LANGUAGE_BEFORE.search(c.text, max(0, c.start - 9), c.start)
        and LANGUAGE_AFTER.match(c.text, c.end)
    ):
        return "LANGUAGE"
    return None


def staff_at_organisation(c: Candidate) -> str | None:
    """ "analysts at Morgan Stanley", though Morgan and Stanley are names."""
    if found_before(ORG_AT_BEFORE, "at", c.text, c.start, 20) and not c.lex.in_gazetteer(c.name):
        return "ORG"
    return None


def building_named_like_a_city(c: Candidate) -> str | None:
    """ "by the Rialto.": a city's name never takes "the"; a building's does (not a country's:
    "the Gambia", "the Netherlands")."""
    if (
        len(c.words) == 1
        and c.name in c.lex.places
        and c.name not in c.lex.states
        and c.text.endswith("the ", 0, c.start)
        and c.name[1:].islower()
        and c.name not in c.evidence.labels
        and AFTER_A_PLACE.match(c.text, c.end)
        and found_before(PLACE_THE, "the", c.text, c.start, 16)
    ):
        return "FAC"
    return None


def known_name(c: Candidate) -> tuple[str, str] | None:
    """What the article's evidence or a gazetteer says the name is (and which)."""
    return c.lex.known_source(c.name, c.evidence)


def natural_feature_after(c: Candidate) -> str | None:
    """ "the Bhote Koshi river", "the Lötschental valley"."""
    if LOC_NOUN_AFTER.match(c.text, c.end) and not c.name.isupper():
        return "LOC"
    return None


def building_noun_after(c: Candidate) -> str | None:
    """ "the Blanka tunnel", "the Galata bridge"."""
    if (
        FAC_NOUN_AFTER.match(c.text, c.end)
        and not c.name.isupper()
        and c.name not in c.lex.places
        and not any(w in wordlists.NOT_NAMES for w in c.words)  # "The bridge cost ..."
        and not c.lex.head_label(c.words)  # "the Wadi Kuf bridge" is a wadi's
    ):
        return "FAC"
    return None


def given_name_after_title(c: Candidate) -> str | None:
    """ "Minister Paul Kabuswe", though Paul is also a town."""
    lex, words = c.lex, c.words
    if (
        c.cue == "title"
        and len(words) in (2, 3)
        and lex.is_given(c.first)
        and not gaz.is_common_word(words[-1])
        and words[-1] not in lex.places
        and not lex.head_label(words)
    ):
        return "PERSON"
    return None


def surname_city_after_role(c: Candidate) -> str | None:
    """ "director Joachim Trier", though Trier is a city."""
    lex, words, first = c.lex, c.words, c.first
    if (
        c.cue == "role"
        and len(words) == 2
        and words[-1] in lex.places
        and (first in lex.surnames or lex.is_given(first))
        and first not in lex.places
        and not gaz.is_common_word(first)
        and not any(w.isupper() for w in words)
        and not lex.head_label(words)
    ):
        return "PERSON"
    return None


def initials_after_role(c: Candidate) -> str | None:
    """ "cricketer MS Dhoni": initials, then a surname."""
    lex, words, first = c.lex, c.words, c.first
    if (
        c.cue == "role"
        and len(words) == 2
        and 2 <= len(first) <= 3
        and first.isupper()
        and first.isalpha()
        and words[1][1:].islower()
        and first not in wordlists.GENERIC_ACRONYMS
        and words[1] not in lex.places
        and words[1] not in lex.org_suffixes
    ):
        return "PERSON"
    return None


def person_after_title_or_role(c: Candidate) -> str | None:
    """ "coach José Peseiro", "Dr. Kast", "striker Pedro"."""
    lex, words = c.lex, c.words
    if (c.cue and lex.looks_like_person(words) and (c.cue == "title" or len(words) > 1)) or (
        len(words) == 1
        and word_before(c.text, c.start).lower() in ROLE_NOUNS_ONE
        and not c.name.isupper()
        and lex.looks_like_person(words)
    ):
        return "PERSON"
    return None


def stock_index(c: Candidate) -> str | None:
    """ "the Nifty 50 index": stock indices are organisations."""
    if len(c.words) <= 3 and INDEX_AFTER.match(c.text, c.end) and not c.lex.head_label(c.words):
        return "ORG"
    return None


def head_noun(c: Candidate) -> str | None:
    """FAC, LOC, GPE, EVENT or WORK_OF_ART from a head noun: "Gaddafi Stadium", "Lake Victoria"."""
    head = c.lex.head_label(c.words)
    if head and c.first not in c.lex.org_heads:
        return head
    return None


def law_word_last(c: Candidate) -> str | None:
    """ "Affordable Care Act", "Paris Agreement"."""
    return "LAW" if c.last in wordlists.LAW_LAST else None


def organisation_suffix_or_head(c: Candidate) -> str | None:
    """ "Commerce Department", "University of Virginia"."""
    return "ORG" if c.last in c.lex.org_suffixes or c.first in c.lex.org_heads else None


def numbered_article(c: Candidate) -> str | None:
    """ "Section 112", "Article 50"."""
    if len(c.words) == 2 and c.first in ("Section", "Article") and c.last.isdigit():
        return "LAW"
    return None


def product_shape(c: Candidate) -> str | None:
    """ "iPhone 15 Pro", "Galaxy S24": a product word last or a model number."""
    if c.last in wordlists.PRODUCT_LAST or any(PRODUCT_TOKEN.match(w) for w in c.words[1:]):
        return "PRODUCT"
    return None


def only_function_words(c: Candidate) -> str | None:
    """ "But Then", "CEO AI": no name at all."""
    if all(w in wordlists.NOT_NAMES or w in wordlists.GENERIC_ACRONYMS for w in c.words):
        return NOT_A_NAME
    return None


def place_or_group_first(c: Candidate) -> str | None:
    """ "China Unicom", "Saudi Aramco" (but "Christian Horner" is a person)."""
    lex, words, first = c.lex, c.words, c.first
    if (first in lex.places or first in lex.norp or first in lex.extra_org) and not (
        len(words) == 2 and lex.is_given(first) and c.last in lex.surnames
    ):
        return "ORG"
    return None


def brand_then_product(c: Candidate) -> str | None:
    """A company's name and a product's: "Google Maps", "Huawei Mate 30"."""
    lex, first = c.lex, c.first
    if (
        first in c.evidence.seen
        and len(c.words) <= 3
        and lex.gazetteer_label(first, c.evidence) is None
        and not lex.is_given(first)
        and c.last not in lex.places
    ):
        return "PRODUCT"
    return None


def kind_of_place_before(c: Candidate) -> str | None:
    """ "the town of Al Marj"."""
    if len(c.words) <= 3 and found_before(PLACE_OF, "of", c.text, c.start, 24):
        return "GPE"
    return None


def person_name(c: Candidate) -> str | None:
    """A given name first, a known person's surname last, an East Asian name, or a surname
    that also stands alone in the text."""
    lex, words = c.lex, c.words
    if (
        lex.looks_like_person(words)
        and len(words) <= 3
        and (
            lex.is_given(c.first)
            or c.last in c.evidence.person_last
            or lex.east_asian(words)
            or lex.surname_alone(words, c.evidence)
        )
    ):
        return "PERSON"
    return None


def place_by_context(c: Candidate) -> str | None:
    """ "Cupertino, California", "a rally in Nowa Huta", "the Kibera district"."""
    lex = c.lex
    if lex.before_state(c.text, c.end) or (
        len(c.words) == 2 and (lex.locative(c.text, c.start) or PLACE_AFTER.match(c.text, c.end))
    ):
        return "GPE"
    return None


def regnal_name(c: Candidate) -> str | None:
    """ "Charles IV", "Elizabeth II": a given name and a regnal number."""
    if len(c.words) == 2 and c.lex.is_given(c.first) and c.last and REGNAL_NUMBER.fullmatch(c.last):
        return "PERSON"
    return None


def default_organisation(c: Candidate) -> str | None:
    """An unknown name of several words: an organisation, the commonest kind in news."""
    return "ORG"


NAME_RULES: tuple[Rule, ...] = (
    language_in_context,
    staff_at_organisation,
    building_named_like_a_city,
    known_name,
    natural_feature_after,
    building_noun_after,
    given_name_after_title,
    surname_city_after_role,
    initials_after_role,
    person_after_title_or_role,
    stock_index,
)
"""Rules for every segment, in order; then a single word goes to the word rules."""

MULTI_WORD_RULES: tuple[Rule, ...] = (
    head_noun,
    law_word_last,
    organisation_suffix_or_head,
    numbered_article,
    product_shape,
    only_function_words,
    place_or_group_first,
    brand_then_product,
    kind_of_place_before,
    person_name,
    regnal_name,
    place_by_context,
    default_organisation,
)
"""Rules for a segment of two or more words, in order, after :data:`NAME_RULES`."""


def apply(rules: tuple[Rule, ...], candidate: Candidate) -> tuple[str | None, str] | None:
    """The first answer of ``rules``: (label or None for no name, rule name), or None."""
    for rule in rules:
        answer = rule(candidate)
        if answer is None:
            continue
        if isinstance(answer, tuple):
            return answer[0], f"{rule.__name__} ({answer[1]})"
        return (None if answer == NOT_A_NAME else answer), rule.__name__
    return None


def label(
    lex: Lexicon, text: str, segment: list[tuple[int, int]], evidence: Evidence, cue: str, weak: bool
) -> tuple[str | None, str]:
    """The label of one name segment (None when it is not a name) and the rule that gave it."""
    from reader.entities.builtin.rules_word import WORD_RULES

    candidate = Candidate.of(lex, text, segment, evidence, cue, weak)
    found = apply(NAME_RULES, candidate)
    if found is None:
        found = apply(WORD_RULES if len(candidate.words) == 1 else MULTI_WORD_RULES, candidate)
    assert found is not None, "the last rule of each list always answers"
    return found
