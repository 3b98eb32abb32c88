"""The built-in recogniser as a pipeline of named stages.

0. **numbers** (:mod:`reader.entities.patterns`): DATE, TIME, MONEY, PERCENT.
1. **runs** (:mod:`.runs`): runs of capitalised words, split into name segments.
2. **evidence** (:mod:`.evidence`): what the whole article says about its names.
3. **proposers** (:mod:`.proposers`): names with patterns of their own (speakers,
   quoted titles, photo credits, publishers...).
4. **labelling** (:mod:`.labelling`, rules in :mod:`.rules_name` and :mod:`.rules_word`):
   each segment gets the label of the first rule that answers.
5. **joins** (:mod:`.joins`): spans that make one name together ("Commission on Human
   Rights", "Finance Bill 2025").
6. **overlaps**: at one start the longer span wins; the first to claim a range keeps it.

Every span remembers the stage or rule that proposed it and the rule that labelled it
(:meth:`BuiltinRecogniser.explain`, ``dateline entities --explain``).

Core module: no textual or rich imports.
"""

from __future__ import annotations

import unicodedata

from reader.entities.builtin.evidence import gather
from reader.entities.builtin.joins import join_on_for, laws_with_years
from reader.entities.builtin.labelling import label_run
from reader.entities.builtin.lexicon import Lexicon
from reader.entities.builtin.proposers import PROPOSERS
from reader.entities.builtin.runs import find_runs
from reader.entities.builtin.state import Evidence, Span
from reader.entities.builtin.tokens import LOWER_WORD, Coverage, Lines
from reader.entities.patterns import numeric_entities
from reader.model import Entity


class BuiltinRecogniser:
    """Rule- and gazetteer-based recogniser; see the module docstring for the stages."""

    name = "builtin"

    def __init__(self) -> None:
        self.lexicon = Lexicon()

    def recognise(self, text: str) -> list[Entity]:
        """Entities in ``text``: sorted, non-overlapping, ``text[start:end] == entity.text``."""
        return [Entity(s.start, s.end, s.label, text[s.start : s.end]) for s in self.explain(text)]

    def explain(self, text: str) -> list[Span]:
        """The spans :meth:`recognise` returns, each with the rules that proposed and labelled it."""
        if not text:
            return []
        if not unicodedata.is_normalized("NFC", text):
            # Decomposed text ("Garci" + U+0301): the rules see letters with their accents
            # composed, and the spans are mapped back to the text as given.
            composed, starts, ends = _composed(text)
            return [s._replace(start=starts[s.start], end=ends[s.end - 1]) for s in self._explain(composed)]
        return self._explain(text)

    def _explain(self, text: str) -> list[Span]:
        numbers = numeric_entities(text)
        taken = Coverage(numbers)
        spans = [Span(start, end, label, "numeric_patterns", f"{label}_pattern") for start, end, label in numbers]
        spans += self._names(text, taken)
        # At one start, the longer span wins; the first to claim a range keeps it.
        merged = sorted(spans, key=lambda span: (span.start, -span.end))
        result: list[Span] = []
        last_end = -1
        for span in merged:
            if span.start >= last_end and span.start < span.end:
                result.append(span)
                last_end = span.end
        return result

    def _names(self, text: str, taken: Coverage) -> list[Span]:
        lex = self.lexicon
        evidence = Evidence()
        evidence.lower_words = set(LOWER_WORD.findall(text))
        lines = Lines(text, evidence.lower_words)
        runs = find_runs(lex, text, lines, taken)
        gather(lex, text, runs, evidence)
        found: list[Span] = []
        for proposer in PROPOSERS:
            found.extend(proposer(lex, text, taken))
        for run in runs:
            found.extend(label_run(lex, text, run, evidence))
        return laws_with_years(lex, text, join_on_for(lex, text, found))


def _composed(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` in NFC, and for each of its characters where it starts and ends in ``text``.

    Composed one cluster at a time (a character and the combining marks after it), so that
    every composed character maps back to whole clusters of the original.
    """
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    at = 0
    length = len(text)
    while at < length:
        end = at + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        cluster = unicodedata.normalize("NFC", text[at:end])
        pieces.append(cluster)
        starts.extend([at] * len(cluster))
        ends.extend([end] * len(cluster))
        at = end
    return "".join(pieces), starts, ends
