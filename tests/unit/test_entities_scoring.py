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


def _score_script():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "benchmarks" / "score_entities.py"
    spec = importlib.util.spec_from_file_location("score_entities", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_compare_runs_prints_per_label_deltas_and_changed_spans() -> None:
    script = _score_script()
    docs = [{"text": "Ben Wood met Acme in Paris.", "entities": [[0, 8, "PERSON"], [13, 17, "ORG"], [21, 26, "GPE"]]}]
    before = {"x.jsonl": [[[0, 8, "PERSON"], [13, 17, "GPE"]]]}
    after = {"x.jsonl": [[[0, 8, "PERSON"], [13, 17, "ORG"], [21, 26, "GPE"]]]}
    report = script.compare_runs(before, after, {"x.jsonl": docs})
    assert "typed F1  40.0 -> 100.0 (+60.0)" in report
    assert "ORG          F1   0.0 -> 100.0 (+100.0)" in report
    assert "+ text 0: 'Acme' ORG (right)" in report and "- text 0: 'Acme' GPE (wrong)" in report
    assert "PERSON" not in report.split("spans gained")[0].split("\n", 2)[2]  # unchanged labels are left out
    assert "identical output" in script.compare_runs(after, after, {"x.jsonl": docs})


def test_save_then_compare_in_one_command_each(tmp_path, monkeypatch, capsys) -> None:
    script = _score_script()
    monkeypatch.setattr(script, "RUNS", tmp_path)
    data = tmp_path / "set.jsonl"
    data.write_text('{"text": "Ben Wood met Acme in Paris.", "entities": [[0, 8, "PERSON"]]}\n', encoding="utf-8")
    assert script.main(["--save", "before", str(data)]) == 0
    assert (tmp_path / "before.json").exists()
    assert script.main(["--compare", "before", str(data)]) == 0
    assert "identical output" in capsys.readouterr().out
    assert script.main(["--compare", "missing", str(data)]) == 2
    assert script.main(["--save", "../evil", str(data)]) == 2
