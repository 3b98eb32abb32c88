"""``dateline list``, ``--version``, ``--help`` and errors, driven through ``main``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main


def test_list_prints_id_source_title(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 10
    article_id, source, title = lines[1].split("\t")
    assert len(article_id) == 16
    assert source == "CNET"
    assert title.startswith("Huawei can technically survive")


def test_list_json(capsys: pytest.CaptureFixture[str], seed_file: Path) -> None:
    assert main(["list", str(seed_file), "--json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert len(records) == 10
    assert records[8]["section"] == "Opinion"
    assert records[8]["source"] == "The New York Times"
    assert set(records[0]) == {"id", "source", "section", "title", "byline", "origin"}


def test_list_hostile_titles_print_no_escape(capsys: pytest.CaptureFixture[str], hostile_dump: Path) -> None:
    assert main(["list", str(hostile_dump)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out
    assert "[@click=app.quit]x[/]" in out


def test_bad_source_one_line_nonzero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert main(["list", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("dateline: ") and "empty file" in err


def test_bad_source_beside_good_one_still_lists(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_file: Path
) -> None:
    bad = tmp_path / "binary.txt"
    bad.write_bytes(b"\x00\x01\x02")
    assert main(["list", str(bad), str(seed_file)]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 10
    assert "binary" in captured.err


def test_app_with_only_bad_sources_exits_nonzero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main([str(tmp_path / "missing.txt")]) == 1
    assert "no such file" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"dateline {__version__}"


def test_help_lists_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "list" in out and "SOURCE" in out


def test_unknown_option_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--frobnicate"])
    assert exit_info.value.code == 2


def test_data_dir_before_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path, seed_file: Path) -> None:
    first_id = main(["list", "--json"]) or json.loads(capsys.readouterr().out)[0]["id"]
    assert main(["--data-dir", str(tmp_path / "d"), "bookmarks", "add", str(seed_file), first_id]) == 0
    assert (tmp_path / "d" / "bookmarks.sqlite3").exists()
    capsys.readouterr()
    assert main([f"--data-dir={tmp_path / 'd'}", "bookmarks", "list"]) == 0
    assert capsys.readouterr().out.startswith(first_id)
