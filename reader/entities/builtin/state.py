"""What the stages hand each other: runs of capitalised words, the article's evidence,
labelled spans that remember which rules made them.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class Span(NamedTuple):
    """A labelled span, with the rule that proposed it and the rule that labelled it."""

    start: int
    end: int
    label: str
    proposer: str = ""
    rule: str = ""


@dataclass(slots=True)
class Run:
    """A run of capitalised words, split into word tokens with their offsets."""

    tokens: list[tuple[int, int]]
    weak: bool
    """True at a sentence start or in a headline: evidence from elsewhere is needed."""
    headline: bool
    title_before: bool = False
    dotted_title: bool = False
    dropped: int | None = None
    """Start of a sentence-initial word cut off the front ("The"), kept if the text says so."""
    segments: list[tuple[list[tuple[int, int]], str]] = field(default_factory=list)
    """The run split into names (see ``BuiltinRecogniser._segments``), set by the first pass."""


@dataclass(slots=True)
class Evidence:
    """What the whole document says about names."""

    seen: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)
    person_last: set[str] = field(default_factory=set)
    person_first: set[str] = field(default_factory=set)
    lower_words: set[str] = field(default_factory=set)
    seen_tokens: set[str] = field(default_factory=set)
    name_possessives: set[str] = field(default_factory=set)

    why: dict[str, str] = field(default_factory=dict)
    """Which cue gave each label in :attr:`labels`, for ``--explain``."""

    def note(self, name: str, label: str, why: str, replace: bool = False) -> None:
        """Label ``name`` for the whole document (unless already labelled, or ``replace``)."""
        if replace or name not in self.labels:
            self.labels[name] = label
            self.why[name] = why

    def add_person(self, words: list[str], why: str = "person cue") -> None:
        name = " ".join(words)
        self.note(name, "PERSON", why, replace=True)
        if len(words) > 1:
            self.person_first.add(words[0])
            self.person_last.add(words[-1])
