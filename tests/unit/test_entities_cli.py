"""``dateline entities``: output formats, JSON lines round-trip, and one-line errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reader.cli import main

TEXT = "Mr Trump met Huawei's CEO Ren Zhengfei in Beijing on May 23.\n"


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_text_format_prints_one_tab_separated_line_per_entity(article: Path, capsys) -> None:
    assert main(["entities", str(article)]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [line.split("\t") for line in lines]
    assert ["3", "8", "PERSON", "Trump"] in rows
    assert ["42", "49", "GPE", "Beijing"] in rows
    for start, end, _label, text in rows:
        assert TEXT[int(start) : int(end)] == text


def test_json_format_is_a_list_of_start_end_label_text(article: Path, capsys) -> None:
    assert main(["entities", "--format", "json", str(article)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [13, 19, "ORG", "Huawei"] in data
    assert all(TEXT[s:e] == t for s, e, _, t in data)


def test_stdin_is_the_default(monkeypatch, capsys) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Sales rose 5% in Germany."))
    assert main(["entities"]) == 0
    assert capsys.readouterr().out.splitlines() == ["11\t13\tPERCENT\t5%", "17\t24\tGPE\tGermany"]


def test_text_format_sanitises_entity_text(tmp_path: Path, capsys) -> None:
    path = tmp_path / "evil.txt"
    path.write_text("Officials in Bei\u202ejing met Acme\x1b[2J Corp staff.", encoding="utf-8")
    assert main(["entities", str(path)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out


def test_jsonl_round_trips_ids_texts_and_other_keys(tmp_path: Path, capsys) -> None:
    records = [
        {"id": 7, "text": "The U.S. and China met in Geneva on Monday.", "source": "wire"},
        {
            "id": "b-2",
            "text": "Ünïcödé — naïve café in Zürich 😀 lost 5%\u2028next line",
            "meta": {"k": [1, 2]},
        },
        {"id": 3, "text": ""},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    assert main(["entities", "--format", "jsonl", str(path)]) == 0
    out_lines = capsys.readouterr().out.splitlines()
    assert len(out_lines) == 3
    for record, line in zip(records, out_lines, strict=False):
        result = json.loads(line)
        assert result["id"] == record["id"]
        assert result["text"] == record["text"]
        assert {k: v for k, v in result.items() if k != "entities"} == record
        for start, end, label in result["entities"]:
            assert 0 <= start < end <= len(record["text"])
            assert isinstance(label, str)
    first = json.loads(out_lines[0])
    assert [4, 8, "GPE"] in first["entities"]
    assert "Ünïcödé" in out_lines[1]  # ensure_ascii=False keeps the text as written


def test_jsonl_malformed_line_names_the_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": 1, "text": "fine"}\n{"id": 2, "text": \n', encoding="utf-8")
    assert main(["entities", "--format", "jsonl", str(path)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert len(err.splitlines()) == 1 and "line 2" in err


def test_jsonl_record_without_text_is_an_error(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notext.jsonl"
    path.write_text('{"id": 1}\n', encoding="utf-8")
    assert main(["entities", "--format", "jsonl", str(path)]) != 0
    assert "line 1" in capsys.readouterr().err


def test_unreadable_file_is_one_line_error(tmp_path: Path, capsys) -> None:
    assert main(["entities", str(tmp_path / "missing.txt")]) != 0
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "missing.txt" in err


def test_binary_file_is_one_line_error(tmp_path: Path, capsys) -> None:
    path = tmp_path / "blob.bin"
    path.write_bytes(b"\xff\xfe\x00\x81garbage")
    assert main(["entities", str(path)]) != 0
    assert len(capsys.readouterr().err.strip().splitlines()) == 1


def test_spacy_backend_missing_is_one_line_error_with_install_hint(article: Path, capsys, monkeypatch) -> None:
    import sys

    import reader.entities

    # Forget a spaCy recogniser a previous test may have built, then hide spaCy.
    reader.entities._build.cache_clear()
    monkeypatch.setitem(sys.modules, "spacy", None)  # makes "import spacy" fail
    try:
        assert main(["entities", "--ner", "spacy", str(article)]) != 0
    finally:
        reader.entities._build.cache_clear()
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "pip install 'dateline[spacy]'" in err and "spacy download en_core_web_sm" in err


def test_help_documents_the_formats(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["entities", "--help"])
    out = capsys.readouterr().out
    assert "jsonl" in out and "[start, end, label, text]" in out


def test_stdin_bytes_keep_crlf_so_offsets_match_the_input(monkeypatch, capsys) -> None:
    raw = b"Sales rose 5%\r\nin Germany.\r\n"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    assert main(["entities", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = raw.decode("utf-8")
    assert [18, 25, "GPE", "Germany"] in [list(row) for row in data]  # 16 if CRLF became LF
    assert all(text[s:e] == t for s, e, _, t in data)


def test_explain_names_the_rule_that_proposed_and_labelled_each_span(article: Path, capsys) -> None:
    assert main(["entities", "--explain", str(article)]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    by_text = {row[3]: row for row in rows}
    assert by_text["Ren Zhengfei"][2:] == [
        "PERSON",
        "Ren Zhengfei",
        "capitalised run",
        "known_name (evidence: person cue)",
    ]
    assert by_text["Beijing"][4:] == ["capitalised run", "known_name (gazetteer: places)"]
    assert by_text["May 23"][4:] == ["numeric_patterns", "DATE_pattern"]
    # The same spans as without --explain.
    assert main(["entities", str(article)]) == 0
    plain = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [row[:4] for row in rows] == plain


def test_explain_names_rules_that_exist(capsys, monkeypatch) -> None:
    from reader.entities.builtin import labelling, proposers, rules_name, rules_word

    names = {rule.__name__ for rule in rules_name.NAME_RULES + rules_name.MULTI_WORD_RULES + rules_word.WORD_RULES}
    names |= {proposer.__name__ for proposer in proposers.PROPOSERS}
    names |= {"group_words", "group_then_person", "place_then_group", "join_on_for", "law_with_year", "bill_is_law"}
    text = (
        "Canadian Jeremy Hansen met a Louisiana Republican. Analysts at Morgan Stanley said "
        "the Finance Bill 2025 helps.\nKIM WHITLER: Yes, we did.\nThe film “Roma” won.\n"
    )
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["entities", "--explain", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows
    for start, end, _label, span_text, proposer, rule in rows:
        assert text[start:end] == span_text
        assert proposer in {labelling.PROPOSER, "headline run", "numeric_patterns"} | names
        assert rule.split(" (")[0].removeprefix("headline: ").removeprefix("headline, seen in the text: ") in names | {
            f"{label}_pattern" for label in ("DATE", "TIME", "MONEY", "PERCENT")
        }
    rules = {row[5] for row in rows}
    assert {"group_then_person", "place_then_group", "staff_at_organisation", "law_with_year"} <= rules
    assert "transcript_speakers" in rules and "quoted_titles" in rules


def test_explain_needs_the_builtin_recogniser_and_no_jsonl(article: Path, capsys) -> None:
    assert main(["entities", "--explain", "--format", "jsonl", str(article)]) == 2
    assert "--explain works with --format text or json" in capsys.readouterr().err


def test_builtin_modules_stay_small() -> None:
    folder = Path(__file__).resolve().parents[2] / "reader" / "entities" / "builtin"
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("*.py")}
    assert len(sizes) >= 8
    assert all(size < 400 for size in sizes.values()), sizes


def test_the_garbage_collector_settings_are_put_back(article: Path, capsys) -> None:
    import gc

    before = gc.get_threshold()
    assert main(["entities", "--format", "json", str(article)]) == 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
