"""Optional spaCy back-end: an installed spaCy pipeline, its output mapped to our labels.

Used only when asked for (``--ner spacy``). When spaCy or an English model is missing,
:meth:`SpacyRecogniser.load` raises :class:`reader.entities.RecogniserUnavailable` with
one line saying how to install them.

Core module: no textual or rich imports; spaCy is imported only here, and only on use.
"""

from __future__ import annotations

from reader.entities import LABELS, RecogniserUnavailable
from reader.model import Entity

INSTALL_HINT = "pip install 'dateline[spacy]' && python -m spacy download en_core_web_sm"
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_trf")
_KEEP = frozenset(LABELS)
"""CARDINAL, ORDINAL and QUANTITY are dropped: they are not names and the eval set skips them."""

_POSSESSIVE = ("'s", "’s")


class SpacyRecogniser:
    """Wraps any spaCy ``Language`` object whose pipeline sets ``doc.ents``."""

    name = "spacy"

    def __init__(self, nlp: object) -> None:
        self._nlp = nlp

    @classmethod
    def load(cls, models: tuple[str, ...] = DEFAULT_MODELS) -> SpacyRecogniser:
        """The first installed English model of ``models``."""
        try:
            import spacy
        except ImportError:
            raise RecogniserUnavailable(f"spaCy is not installed; run: {INSTALL_HINT}") from None
        for model in models:
            try:
                return cls(spacy.load(model))
            except OSError:
                continue
        raise RecogniserUnavailable(f"no English spaCy model is installed; run: {INSTALL_HINT}")

    def recognise(self, text: str) -> list[Entity]:
        """Entities in ``text`` with our label set and span conventions."""
        doc = self._nlp(text)  # type: ignore[operator]
        found: list[Entity] = []
        last_end = -1
        for ent in doc.ents:
            if ent.label_ not in _KEEP:
                continue
            start, end = ent.start_char, ent.end_char
            # Same conventions as the built-in recogniser: no leading "the", no trailing "'s".
            if text.startswith(("the ", "The "), start) and end - start > 4 and ent.label_ != "WORK_OF_ART":
                start += 4
            if text.endswith(_POSSESSIVE, start, end) and end - start > 2:
                end -= 2
            if start >= last_end and start < end:
                found.append(Entity(start, end, ent.label_, text[start:end]))
                last_end = end
        return found
