"""The spaCy adapter, tested on a blank pipeline with an entity ruler (no model download)."""

from __future__ import annotations

import pytest

spacy = pytest.importorskip("spacy")

from reader.entities.spacy_backend import SpacyRecogniser  # noqa: E402


@pytest.fixture
def recogniser() -> SpacyRecogniser:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "GPE", "pattern": [{"LOWER": "the"}, {"TEXT": "U.S."}]},
            {"label": "ORG", "pattern": "Huawei's"},
            {"label": "CARDINAL", "pattern": "three"},
            {"label": "DATE", "pattern": "last week"},
        ]
    )
    return SpacyRecogniser(nlp)


def test_adapter_maps_entities_and_applies_conventions(recogniser: SpacyRecogniser) -> None:
    text = "Last week the U.S. banned Huawei's three units last week."
    result = [(e.text, e.label) for e in recogniser.recognise(text)]
    assert result == [("U.S.", "GPE"), ("Huawei", "ORG"), ("last week", "DATE")]


def test_adapter_offsets_match_the_text(recogniser: SpacyRecogniser) -> None:
    text = "Huawei's results came last week."
    for entity in recogniser.recognise(text):
        assert text[entity.start : entity.end] == entity.text


def test_missing_model_is_reported_with_the_install_hint() -> None:
    from reader.entities import RecogniserUnavailable

    with pytest.raises(RecogniserUnavailable, match="spacy download en_core_web_sm"):
        SpacyRecogniser.load(models=("no_such_model_for_dateline_tests",))
