"""Labelling rules for a single capitalised word that no gazetteer knows ("Nissan", "Thaddeus").

Tried in order after the general rules of :mod:`reader.entities.builtin.rules_name`
(which already looked the word up in the gazetteers and the article's evidence); the
first that answers wins. Each takes a :class:`Candidate` whose ``name`` is the word.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from reader.entities import gazetteers as gaz
from reader.entities import wordlists
from reader.entities.builtin.cues import (
    AFTER_A_PLACE,
    AGE_APPOSITION,
    AUTHOR_OF_QUOTED,
    IN_THE,
    NOUN_NEXT,
    PERSON_VERB_AFTER,
    PHYSICAL_THE,
    PLACE_AFTER,
    PLACE_THE,
    PLURAL_ACRONYM,
    POSSESSIVE,
    PRODUCT_TOKEN,
    SUBJECT_NEXT,
    URLISH,
    found_before,
)
from reader.entities.builtin.rules_name import NOT_A_NAME, Candidate, Rule


def function_word(c: Candidate) -> str | None:
    """ "However", "CEO", "Investing.com": no name."""
    word = c.name
    if word in wordlists.NOT_NAMES or word in wordlists.GENERIC_ACRONYMS or URLISH.search(word):
        return NOT_A_NAME
    return None


def number(c: Candidate) -> str | None:
    """ "About 200 workers": a number left after the sentence's first word."""
    return NOT_A_NAME if c.name.isdigit() else None


def first_name_of_a_person(c: Candidate) -> str | None:
    """ "Kim" after "Kim Whitler"."""
    word = c.name
    if word in c.evidence.person_first and (c.lex.is_given(word) or not gaz.is_common_word(word)):
        return "PERSON"
    return None


def common_word_at_sentence_start(c: Candidate) -> str | None:
    """ "Several", "Analysts": a common word opening a sentence. An unknown word followed by
    the rest of a clause ("Nissan reported") opens it as its subject and passes."""
    word = c.name
    if c.weak and word not in c.evidence.seen and not (c.lex.unknown_word(word) and SUBJECT_NEXT.match(c.text, c.end)):
        return NOT_A_NAME
    return None


def lower_case_elsewhere(c: Candidate) -> str | None:
    """The article also writes the word in lower case: an ordinary word."""
    return NOT_A_NAME if c.name.lower() in c.evidence.lower_words else None


def letter_or_plural_acronym(c: Candidate) -> str | None:
    """ "Plan B", "CMOs": letters and plural acronyms are not names."""
    return NOT_A_NAME if len(c.name) == 1 or PLURAL_ACRONYM.fullmatch(c.name) else None


def product_token(c: Candidate) -> str | None:
    """ "iPhone", "P30": camel case or digits."""
    return "PRODUCT" if PRODUCT_TOKEN.match(c.name) else None


def acronym(c: Candidate) -> str | None:
    """ "BYD", "ZTE": a short acronym is an organisation; a long all-caps word is shouting."""
    if c.name.isupper():
        return "ORG" if len(c.name) <= 6 else NOT_A_NAME
    return None


def age_after(c: Candidate) -> str | None:
    """ "said Hasnawati, a 52-year-old fisher"."""
    if AGE_APPOSITION.match(c.text, c.end) and c.lex.looks_like_person([c.name]):
        return "PERSON"
    return None


def listed_with_a_place(c: Candidate) -> str | None:
    """ "in Schiedam and Vlaardingen"."""
    return "GPE" if c.lex.coordinated_place(c.text, c.start, c.evidence) else None


def after_preposition_of_place(c: Candidate) -> str | None:
    """ "a rally in Providencia", "the Nuseirat camp" (not "in OpenAI", "in Mandarin")."""
    lex, text, word = c.lex, c.text, c.name
    if (
        (lex.locative(text, c.start) or PLACE_AFTER.match(text, c.end))
        and not text.startswith(POSSESSIVE, c.end)
        and word not in lex.org_suffixes
        and word not in wordlists.NATIONAL_LANGUAGES
        and word[1:].islower()
    ):
        return "GPE"
    return None


def given_name(c: Candidate) -> str | None:
    """A census given name that is not also a surname."""
    return "PERSON" if c.lex.is_given(c.name) and c.name not in c.lex.surnames else None


def language_name(c: Candidate) -> str | None:
    return "LANGUAGE" if c.name in wordlists.NATIONAL_LANGUAGES else None


def town_before_state(c: Candidate) -> str | None:
    """ "Cupertino, California"."""
    return "GPE" if c.lex.before_state(c.text, c.end) else None


def physical_place_after_the(c: Candidate) -> str | None:
    """ "outside the Parthenon" (FAC), "across the Dolomites", "in the Pyrenees" (LOC)."""
    text, word, start = c.text, c.name, c.start
    if word[1:].islower() and not NOUN_NEXT.match(text, c.end) and not text.startswith(POSSESSIVE, c.end):
        if PHYSICAL_THE.search(text, max(0, start - 16), start):
            return "LOC" if word.endswith("s") and not word.endswith("ss") else "FAC"
        if IN_THE.search(text, max(0, start - 10), start) and word.endswith("s") and not word.endswith("ss"):
            return "LOC"
    return None


def town(c: Candidate) -> str | None:
    """ "at Cannes": a town's name with nothing to make it a company's ("Nokia phones")."""
    lex, word = c.lex, c.name
    if (
        word in lex.towns
        and not lex.is_given(word)
        and word not in lex.surnames
        and not gaz.is_common_word(word)
        and not NOUN_NEXT.match(c.text, c.end)
    ):
        return "GPE"
    return None


def author_of_quoted_work(c: Candidate) -> str | None:
    """ "Hobbes's “Leviathan”", "Smetana's "Má vlast"": whose work it is."""
    if AUTHOR_OF_QUOTED.match(c.text, c.end) and c.lex.looks_like_person([c.name]):
        return "PERSON"
    return None


def person_verb_after(c: Candidate) -> str | None:
    """ "Stravinsky wrote it", "Ødegaard laughs": what people do."""
    if PERSON_VERB_AFTER.match(c.text, c.end) and c.lex.looks_like_person([c.name]):
        return "PERSON"
    return None


def place_after_the(c: Candidate) -> str | None:
    """ "in the Capitol.", "by the Rialto": a building after a preposition and "the", with no
    noun after it ("the Fed turned" and "the Google brand" are no buildings)."""
    text, word, start = c.text, c.name, c.start
    if (
        word[1:].islower()
        and not (word.endswith("s") and not word.endswith("ss"))
        and AFTER_A_PLACE.match(text, c.end)
        and found_before(PLACE_THE, "the", text, start, 16)
    ):
        return "FAC"
    return None


def default_organisation_word(c: Candidate) -> str | None:
    """An unknown capitalised word: an organisation."""
    return "ORG"


WORD_RULES: tuple[Rule, ...] = (
    function_word,
    number,
    first_name_of_a_person,
    common_word_at_sentence_start,
    lower_case_elsewhere,
    letter_or_plural_acronym,
    product_token,
    acronym,
    age_after,
    listed_with_a_place,
    after_preposition_of_place,
    given_name,
    language_name,
    town_before_state,
    physical_place_after_the,
    place_after_the,
    town,
    author_of_quoted_work,
    person_verb_after,
    default_organisation_word,
)
"""Rules for a single word, in order."""
