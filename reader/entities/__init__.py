"""Named-entity recognition: ``recognise(text) -> list[Entity]``.

Two back-ends share one interface (:class:`Recogniser`):

- ``builtin`` (default): rules and gazetteers in pure Python, fast enough to run on
  every article as it is opened.
- ``spacy``: spaCy with an installed English model, when the user has them
  (``pip install 'dateline[spacy]' && python -m spacy download en_core_web_sm``).

Labels are the OntoNotes names spaCy uses (:data:`LABELS`). Every back-end returns
entities sorted by offset, non-overlapping, with ``text[start:end] == entity.text``.

Core module: no textual or rich imports. Importing this package is cheap: gazetteers
and models load on first use.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol

from reader.model import Entity

LABELS: tuple[str, ...] = (
    "PERSON",
    "NORP",
    "FAC",
    "ORG",
    "GPE",
    "LOC",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "DATE",
    "TIME",
    "PERCENT",
    "MONEY",
)

BACKENDS: tuple[str, ...] = ("builtin", "spacy")
DEFAULT_BACKEND = "builtin"


class Recogniser(Protocol):
    """Anything that finds entities in a text."""

    name: str

    def recognise(self, text: str) -> list[Entity]: ...


class RecogniserUnavailable(RuntimeError):
    """The requested back-end cannot run here; the message says how to install it."""


def get_recogniser(name: str = "builtin") -> Recogniser:
    """The recogniser called ``name`` (``"builtin"`` or ``"spacy"``), built once and reused.

    Raises :class:`RecogniserUnavailable` with a one-line install hint when spaCy or
    its model is missing, and :class:`ValueError` for an unknown name.
    """
    return _build(name)


@cache
def _build(name: str) -> Recogniser:
    if name == "builtin":
        from reader.entities.builtin import BuiltinRecogniser

        return BuiltinRecogniser()
    if name == "spacy":
        from reader.entities.spacy_backend import SpacyRecogniser

        return SpacyRecogniser.load()
    raise ValueError(f"unknown recogniser {name!r}; choose from {', '.join(BACKENDS)}")


def recognise(text: str, backend: str = "builtin") -> list[Entity]:
    """Entities in ``text`` found by ``backend``: sorted, non-overlapping, exact slices."""
    return get_recogniser(backend).recognise(text)


__all__ = [
    "BACKENDS",
    "DEFAULT_BACKEND",
    "LABELS",
    "Entity",
    "Recogniser",
    "RecogniserUnavailable",
    "get_recogniser",
    "recognise",
]
