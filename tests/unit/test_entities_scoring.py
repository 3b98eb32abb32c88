"""The exact-span scorer."""

from __future__ import annotations

import pytest

from reader.entities.scoring import Counts, format_table, score
from reader.model import Entity


def test_perfect_prediction() -> None:
    gold = [[(0, 5, "ORG"), (10, 15, "GPE")]]
    result = score(gold, gold)
    assert result.typed == Counts(2, 0, 0)
    assert result.typed.f1 == 1.0


def test_wrong_label_counts_for_untyped_only() -> None:
    result = score([[(0, 5, "ORG")]], [[(0, 5, "PERSON")]])
    assert result.typed == Counts(0, 1, 1)
    assert result.untyped == Counts(1, 0, 0)
    assert result.per_label["ORG"] == Counts(0, 0, 1)
    assert result.per_label["PERSON"] == Counts(0, 1, 0)


def test_boundaries_must_match_exactly() -> None:
    result = score([[(4, 8, "GPE")]], [[(0, 8, "GPE")]])
    assert result.typed.tp == 0 and result.untyped.tp == 0


def test_micro_average_over_documents_and_entity_objects() -> None:
    gold = [[(0, 3, "ORG")], [(0, 3, "ORG"), (5, 9, "DATE")]]
    predicted = [[Entity(0, 3, "ORG", "abc")], [Entity(5, 9, "DATE", "x"), Entity(10, 12, "GPE", "y")]]
    result = score(gold, predicted)
    assert result.typed == Counts(2, 1, 1)
    assert result.typed.precision == pytest.approx(2 / 3)
    assert result.typed.recall == pytest.approx(2 / 3)


def test_empty_inputs_give_zero_not_an_error() -> None:
    result = score([[]], [[]])
    assert result.typed.f1 == 0.0
    assert "typed" in format_table(result)


def test_documents_must_pair_up() -> None:
    with pytest.raises(ValueError):
        score([[]], [[], []])
