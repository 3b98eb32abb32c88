"""Entity spans on any text: in range, sorted, non-overlapping, and exactly the text they
cover; decomposed text (NFD, combining accents) gives whole names, not "Garci"."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.entities import recognise

# Text that looks enough like news to exercise the rules: capitalised words, numbers,
# money, dates, punctuation, accents (composed and decomposed), and anything at all.
_VOCABULARY = (
    "Ana García Bogotá said on Monday the Huawei Technologies U.S. $5 million 12% May 2019 in New York"
    " Times , . “ ” Ren Zhengfei of and Mr. Inc. Ltd The Commission on Human Rights"
)
WORDS = st.sampled_from([*_VOCABULARY.split(), "\n\n"])
NEWSY = st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=40).map(" ".join)
TEXT = st.one_of(NEWSY, NEWSY.map(lambda t: unicodedata.normalize("NFD", t)), st.text(max_size=200))


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_spans_are_in_range_ordered_disjoint_and_exact(text: str) -> None:
    entities = recognise(text)
    last_end = 0
    for entity in entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.start >= last_end  # sorted, no overlap
        assert text[entity.start : entity.end] == entity.text
        last_end = entity.end


def test_a_decomposed_name_is_one_whole_name() -> None:
    text = unicodedata.normalize("NFD", "Ana García met officials in Bogotá on Monday. García said the deal was done.")
    found = {(e.text, e.label) for e in recognise(text)}
    assert (unicodedata.normalize("NFD", "Ana García"), "PERSON") in found
    assert (unicodedata.normalize("NFD", "Bogotá"), "GPE") in found
    assert not any(e.text.endswith("Garci") for e in recognise(text))
