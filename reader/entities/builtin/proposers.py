"""Stage 3, other proposers: names found by their own patterns, not as capitalised runs.

Each function proposes labelled spans with its own name as proposer and rule: transcript
speakers, lower-case regions, "pan-" group words, quoted titles, photo credits,
publishers after a headline's dash. The pipeline puts their spans before those of the
runs, so at one place they win.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from reader.entities import wordlists
from reader.entities.builtin.cues import (
    AUTHOR_BEFORE,
    CREDIT,
    PAN_NORP,
    PUBLISHER,
    QUOTED,
    SPEAKER,
    WORK_CUE,
    WORK_CUE_AFTER,
)
from reader.entities.builtin.lexicon import Lexicon
from reader.entities.builtin.state import Span
from reader.entities.builtin.tokens import Coverage


def transcript_speakers(lex: Lexicon, text: str, taken: Coverage) -> list[Span]:
    """ "KIM WHITLER:" at a line's start."""
    return [
        Span(m.start(1), m.end(1), "PERSON", "transcript_speakers", "transcript_speakers")
        for m in SPEAKER.finditer(text)
        if lex.is_speaker(m.group(1))
    ]


def lower_case_regions(lex: Lexicon, text: str, taken: Coverage) -> list[Span]:
    """ "the euro zone"."""
    if not any(key in text for key in lex.lower_region_keys):
        return []
    return [
        Span(m.start(), m.end(), "LOC", "lower_case_regions", "lower_case_regions")
        for m in lex.lower_regions.finditer(text)
    ]


def pan_groups(lex: Lexicon, text: str, taken: Coverage) -> list[Span]:
    """ "pan-European"."""
    if "pan-" not in text:
        return []
    return [
        Span(m.start(), m.end(), "NORP", "pan_groups", "pan_groups")
        for m in PAN_NORP.finditer(text)
        if m.group(1) in lex.norp
    ]


def quoted_titles(lex: Lexicon, text: str, taken: Coverage) -> list[Span]:
    """A title-case phrase in quotation marks, or any after a kind of work ("the film “Roma”")."""
    found = []
    for match in QUOTED.finditer(text):
        if lex.is_title(match.group(1)) or (
            (
                WORK_CUE.search(text, max(0, match.start() - 16), match.start())
                or WORK_CUE_AFTER.match(text, match.end())
                or AUTHOR_BEFORE.search(text, max(0, match.start() - 4), match.start())  # Hobbes's "Leviathan"
            )
            and lex.is_title(match.group(1), loose=True)
        ):
            found.append(Span(match.start(1), match.end(1), "WORK_OF_ART", "quoted_titles", "quoted_titles"))
    return found


def photo_credits(lex: Lexicon, text: str, taken: Coverage) -> list[Span]:
    """ "Lisa Eadicicco/CNET": a person and an organisation."""
    found = []
    for match in CREDIT.finditer(text) if "/" in text else ():
        if lex.looks_like_person(match.group(1).split()):
            found.append(Span(match.start(1), match.end(1), "PERSON", "photo_credits", "photo_credits"))
            found.append(Span(match.start(2), match.end(2), "ORG", "photo_credits", "photo_credits"))
    return found


def publishers(lex: Lexicon, text: str, taken: Coverage) -> list[Span]:
    """ "... – CNET" at the end of a headline."""
    found = []
    for match in PUBLISHER.finditer(text):
        if taken.overlaps(match.start(1), match.end(1)) or any(
            word in wordlists.NOT_NAMES and word != "The" for word in match.group(1).split()
        ):
            continue
        found.append(Span(match.start(1), match.end(1), "ORG", "publishers", "publishers"))
    return found


PROPOSERS = (transcript_speakers, lower_case_regions, pan_groups, quoted_titles, photo_credits, publishers)
"""In order: at one place, the first to propose a span keeps it."""
