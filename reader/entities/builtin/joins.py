"""Stage 5, joins: labelled spans that make one name together.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from reader.entities.builtin.cues import JOIN_HEADS, YEAR_AFTER
from reader.entities.builtin.lexicon import Lexicon
from reader.entities.builtin.state import Span


def join_on_for(lex: Lexicon, text: str, found: list[Span]) -> list[Span]:
    """One organisation across "on"/"for": "National Commission on Human Rights",
    "Lawyers for Human Rights", "Institute for Fiscal Studies"."""
    if " on " not in text and " for " not in text:
        return found
    joined: list[Span] = []
    # Stable by position: of two spans at one place, the first found still wins later.
    for span in sorted(found, key=lambda span: (span.start, span.end)):
        if joined:
            previous = joined[-1]
            gap = text[previous.end : span.start]
            last = text[previous.start : previous.end].rsplit(" ", 1)[-1]
            if (
                gap in (" on ", " for ")
                and previous.label == "ORG"
                and (last in JOIN_HEADS or last in lex.org_suffixes)
                and (span.label == "ORG" or (span.label in ("GPE", "LOC") and last in JOIN_HEADS))
            ):
                joined[-1] = Span(previous.start, span.end, "ORG", previous.proposer, "join_on_for")
                continue
        joined.append(span)
    return joined


def laws_with_years(lex: Lexicon, text: str, found: list[Span]) -> list[Span]:
    """ "the Finance Bill 2025", "the Data Protection Act 2018": the year belongs to the law."""
    if " Bill" not in text and " Act " not in text:
        return found
    result = []
    for span in found:
        start, end, label = span.start, span.end, span.label
        name = text[start:end]
        if label in ("ORG", "LAW") and " " in name and name.rsplit(" ", 1)[-1] in ("Bill", "Act"):
            year = YEAR_AFTER.match(text, end)
            if year and not lex.is_given(name.split(" ", 1)[0]):
                result.append(Span(start, year.end(), "LAW", span.proposer, "law_with_year"))
                continue
            if name.endswith(" Bill") and not lex.is_given(name.split(" ", 1)[0]):
                span = span._replace(label="LAW", rule="bill_is_law")  # "the Finance Bill"
        result.append(span)
    return result
