"""Stage 4, labelling: each run's name segments become labelled spans.

Before the rules of :mod:`reader.entities.builtin.rules_name` see a segment, a few
shapes are split off whole: two group words ("Uighur Muslims"), a group word before a
person ("Kenyan Eliud Kipchoge"), a place before a group word ("a Louisiana
Republican"). Headlines and over-long capitalised stretches only get what a gazetteer
or the rest of the text vouches for (:func:`label_known`).

Core module: no textual or rich imports.
"""

from __future__ import annotations

from reader.entities import wordlists
from reader.entities.builtin.cues import HEAD_NOUNS, POSSESSIVE
from reader.entities.builtin.lexicon import Lexicon, is_role
from reader.entities.builtin.rules_name import label
from reader.entities.builtin.runs import trim_sentence_start
from reader.entities.builtin.state import Evidence, Run, Span
from reader.entities.builtin.tokens import LONGEST_NAME

PROPOSER = "capitalised run"


def label_run(lex: Lexicon, text: str, run: Run, evidence: Evidence) -> list[Span]:
    """The labelled names of one run of capitalised words."""
    found: list[Span] = []
    for index, (segment, cue) in enumerate(run.segments):
        weak = run.weak and index == 0
        if run.headline or too_long(text, segment):
            # Headline words, or a long capitalised stretch that is title text, not one name.
            found.extend(label_known(lex, text, segment, evidence))
            continue
        if weak:
            trimmed = trim_sentence_start(lex, text, segment, evidence)
            if len(trimmed) < len(segment) and is_role(text[segment[0][0] : segment[0][1]].lower()):
                cue = "role"
            segment = trimmed
            if not segment:
                continue
            # Only the first word was sentence-initial; a longer run is mostly ordinary text.
            weak = len(segment) == 1 and segment[0][0] == run.tokens[0][0]
            if weak and text.startswith(POSSESSIVE, segment[0][1]):
                weak = False  # "Amazon's shares rose": common words rarely take "'s"
        last = text[segment[-1][0] : segment[-1][1]]
        if len(segment) > 1 and (last in wordlists.GENERIC_ACRONYMS or last in HEAD_NOUNS):
            rest = text[segment[0][0] : segment[-2][1]]
            if lex.gazetteer_label(rest, evidence) or rest in evidence.seen:
                # "Uighur DNA", "the Trump Administration": the last word is not the name's.
                segment = segment[:-1]
        split = _split_groups(lex, text, segment, evidence)
        if split is not None:
            found.extend(split)
            continue
        name_label, rule = label(lex, text, segment, evidence, cue, weak)
        if name_label:
            start = segment[0][0]
            # "The New York Times" seen mid-sentence keeps its "The" at a sentence start.
            if index == 0 and run.dropped is not None and text[run.dropped : segment[-1][1]] in evidence.seen:
                start = run.dropped
            found.append(Span(start, segment[-1][1], name_label, PROPOSER, rule))
    return found


def _split_groups(lex: Lexicon, text: str, segment: list[tuple[int, int]], evidence: Evidence) -> list[Span] | None:
    """Group words with other names in one run, split apart; None when there are none."""
    if len(segment) > 1 and all(text[s:e] in lex.norp for s, e in segment):
        if text[segment[-1][0] : segment[-1][1]].endswith("s"):  # "Uighur Muslims": two groups
            return [Span(s, e, "NORP", PROPOSER, "group_words") for s, e in segment]
        return [Span(segment[0][0], segment[-1][1], "NORP", PROPOSER, "group_words")]  # "Han Chinese"
    first_word = text[segment[0][0] : segment[0][1]]
    if len(segment) > 2 and (first_word in lex.norp or first_word in lex.places):
        rest = [text[s:e] for s, e in segment[1:]]
        if lex.is_given(rest[0]) and lex.looks_like_person(rest):
            # "Canadian Jeremy Hansen", "Kenyan Eliud Kipchoge": a group word, then a person
            group = lex.gazetteer_label(first_word, evidence) or "NORP"
            return [
                Span(segment[0][0], segment[0][1], group, PROPOSER, "group_then_person"),
                Span(segment[1][0], segment[-1][1], "PERSON", PROPOSER, "group_then_person"),
            ]
    if len(segment) > 1 and text[segment[-1][0] : segment[-1][1]] in lex.norp:
        place = text[segment[0][0] : segment[-2][1]]
        if place in lex.places:  # "a Louisiana Republican"
            return [
                Span(segment[0][0], segment[-2][1], "GPE", PROPOSER, "place_then_group"),
                Span(segment[-1][0], segment[-1][1], "NORP", PROPOSER, "place_then_group"),
            ]
    return None


def too_long(text: str, segment: list[tuple[int, int]]) -> bool:
    """More capitalised words than any name has."""
    if len(segment) <= LONGEST_NAME:
        return False
    return sum(1 for s, _ in segment if not text[s].islower()) > LONGEST_NAME


def label_known(lex: Lexicon, text: str, segment: list[tuple[int, int]], evidence: Evidence) -> list[Span]:
    """Label only what a gazetteer or the rest of the text vouches for (headlines)."""
    found = []
    i, n = 0, len(segment)
    while i < n:
        for j in range(min(n, i + 5), i, -1):
            start, end = segment[i][0], segment[j - 1][1]
            name = text[start:end]
            if name.isupper() and len(name) > 3:
                titled = " ".join(w.capitalize() for w in name.split())
            else:
                titled = name
            known = lex.known_source(titled, evidence)
            found_label, rule = known if known else (None, "")
            rule = "headline: known_name (" + rule + ")"
            if found_label is None and (name in evidence.seen or titled in evidence.seen):
                if name.isupper() and len(name) > 3 and titled not in evidence.labels:
                    found_label = None
                else:
                    found_label, rule = label(lex, text, segment[i:j], evidence, "", weak=False)
                    rule = "headline, seen in the text: " + rule
            if found_label:
                found.append(Span(start, end, found_label, "headline run", rule))
                i = j
                break
        else:
            i += 1
    return found
