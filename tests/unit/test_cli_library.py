"""The library commands, driven through ``main``: sources, refresh, list, search, mark."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from support import HOSTILE_TITLES, write_dump

from reader.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def ids(out: str) -> list[str]:
    return [line.split("\t")[0] for line in out.splitlines()]


def test_first_list_reads_the_seeds_into_the_library(capsys: pytest.CaptureFixture[str], seed_file: Path) -> None:
    status, out, err = run(capsys, "list")
    assert status == 0 and err == ""
    assert len(out.splitlines()) == 10
    status, same, _ = run(capsys, "list", str(seed_file))  # a SOURCE: listed as it is
    assert ids(same) == ids(out)
    status, out, _ = run(capsys, "sources", "list")
    assert out.startswith("seeds\tdump\t10 articles\t10 unread\t")


def test_list_filters_limit_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "list", "--limit", "3")
    first_three = ids(out)
    assert len(first_three) == 3
    assert run(capsys, "mark", "read", first_three[0])[0] == 0
    _, out, _ = run(capsys, "list", "--unread")
    assert first_three[0] not in ids(out) and len(ids(out)) == 9
    _, out, _ = run(capsys, "list", "--source", "cnet", "--json")
    records = json.loads(out)
    assert [r["source"] for r in records] == ["CNET"]
    assert set(records[0]) == {"id", "title", "source", "section", "published", "read", "library_source"}
    assert records[0]["library_source"] == "seeds"
    _, out, _ = run(capsys, "list", "--json", "--limit", "0")
    assert json.loads(out) == []
    status, _, err = run(capsys, "list", "some.txt", "--unread")
    assert status == 2 and err.count("\n") == 1


def test_sources_add_rename_remove(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    news = write_dump(tmp_path / "news.txt", [("Local news", "A fire in the town hall.")])
    status, out, err = run(capsys, "sources", "add", str(news), "--tag", "local")
    assert status == 0 and out == f"source news: {news.resolve()} (dump)\n"
    empty = tmp_path / "empty"
    empty.mkdir()
    status, out, err = run(capsys, "sources", "add", str(tmp_path / "missing.txt"), str(empty))
    assert status == 1 and out == ""
    assert err.splitlines() == [
        f"dateline: {tmp_path / 'missing.txt'}: no such file or directory",
        f"dateline: {empty}: the directory holds no files Dateline can read",
    ]
    assert run(capsys, "refresh")[0] == 0
    _, out, _ = run(capsys, "sources", "list", "--json")
    records = {r["name"]: r for r in json.loads(out)}
    assert records["news"]["articles"] == 1 and records["news"]["tags"] == ["local"]
    assert run(capsys, "sources", "rename", "news", "Town")[1].startswith("renamed to Town: ")
    status, _, err = run(capsys, "sources", "rename", "Town", "seeds")
    assert status == 1 and "already a source named seeds" in err
    assert run(capsys, "sources", "remove", str(news))[1] == "removed source Town (1 articles)\n"
    status, _, err = run(capsys, "sources", "remove", "Town")
    assert status == 1 and err == "dateline: no source named Town\n"


def test_sources_add_name_needs_one_path(capsys: pytest.CaptureFixture[str], seed_file: Path) -> None:
    status, _, err = run(capsys, "sources", "add", str(seed_file), str(seed_file), "--name", "x")
    assert status == 2 and "--name needs exactly one PATH" in err


def test_refresh_summary_line_and_failures(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    news = write_dump(tmp_path / "news.txt", [("One", "Body.")])
    run(capsys, "sources", "add", str(news))
    status, out, err = run(capsys, "refresh")
    assert status == 0 and err == ""
    assert out == "refreshed 2 sources: 11 new, 0 updated, 0 removed, 0 unchanged\n"
    assert run(capsys, "refresh", "news")[1] == "refreshed 1 source: 0 new, 0 updated, 0 removed, 1 unchanged\n"
    news.write_bytes(b"\x00\x01")
    status, out, err = run(capsys, "refresh")
    assert status == 1
    assert err == "dateline: news: binary file, not text (UTF-16 or UTF-32 text needs a byte-order mark)\n"
    assert out.endswith("1 failed\n")
    status, _, err = run(capsys, "refresh", "nope")
    assert status == 1 and err == "dateline: no source named nope\n"


def test_refresh_draws_a_progress_bar_on_a_terminal(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    status, out, err = run(capsys, "refresh")
    assert status == 0
    assert "\r[" in err and "1/1 seeds" in err and "10 new" in err
    assert err.endswith("\r")  # cleared when done, the summary goes to stdout
    assert out.startswith("refreshed 1 source: 10 new")


def test_search(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "search", "huawei")
    assert status == 0 and len(ids(out)) == 6
    _, out, _ = run(capsys, "search", "source:cnet", "huawei", "--json")
    [record] = json.loads(out)
    assert record["source"] == "CNET"
    assert len(ids(run(capsys, "search", "huawei", "--limit", "2")[1])) == 2
    assert sorted(ids(run(capsys, "search", "huawei", "--rank")[1])) == sorted(ids(run(capsys, "search", "huawei")[1]))
    for malformed in ['"unbalanced', "-", "*", "(", "NEAR", "AND", "title:x", '"']:
        status, _, err = run(capsys, "search", malformed)
        assert status == 0 and err == ""
    with pytest.raises(SystemExit) as exit_info:
        main(["search", "x", "--limit", "-1"])
    assert exit_info.value.code == 2


def test_mark(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "list")
    all_ids = ids(out)
    assert run(capsys, "mark", "read", all_ids[0], all_ids[2], all_ids[3])[1] == "marked 3 articles read\n"
    assert run(capsys, "mark", "unread", all_ids[0])[1] == "marked 1 article unread\n"
    status, out, err = run(capsys, "mark", "read", all_ids[5], "no-such-id")
    assert status == 1 and out == "marked 1 article read\n" and err == "dateline: no article with id no-such-id\n"
    assert run(capsys, "mark", "read", "--all", "--source", "cnet")[1] == "marked 1 article read\n"
    assert run(capsys, "mark", "read", "--all")[1] == "marked 6 articles read\n"
    assert run(capsys, "list", "--unread")[1] == ""
    assert run(capsys, "mark", "unread", "--all", "--source", "seeds")[1] == "marked 10 articles unread\n"
    status, _, err = run(capsys, "mark", "read", "--all", "--source", "zzz")
    assert status == 1 and err == "dateline: no articles from a source named zzz\n"
    assert run(capsys, "mark", "read")[0] == 2
    assert run(capsys, "mark", "read", all_ids[0], "--all")[0] == 2
    assert run(capsys, "mark", "read", all_ids[0], "--source", "x")[0] == 2


def test_hostile_text_is_sanitised_in_library_output(capsys: pytest.CaptureFixture[str], hostile_dump: Path) -> None:
    run(capsys, "sources", "add", str(hostile_dump), "--name", "evil\x1b[2J\u202ename")
    for argv in (
        ["list"],
        ["list", "--json"],
        ["search", "story"],
        ["search", "story", "--json"],
        ["sources", "list"],
        ["sources", "list", "--json"],
    ):
        status, out, _ = run(capsys, *argv)
        assert status == 0
        assert "\x1b" not in out and "\u202e" not in out and "\x9b" not in out and "\u200b" not in out, argv
    _, out, _ = run(capsys, "list")
    assert "[@click=app.quit]x[/]" in out
    assert len(HOSTILE_TITLES) <= len(out.splitlines())


def test_data_dir_after_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "list", "--data-dir", str(tmp_path / "d"))[0] == 0
    assert (tmp_path / "d" / "library.sqlite3").exists()
    assert run(capsys, "sources", "list", "--data-dir", str(tmp_path / "d"))[1].startswith("seeds\t")


def test_a_damaged_library_is_one_line_and_rebuilt(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = tmp_path / "d"
    assert run(capsys, "--data-dir", str(data), "list")[0] == 0
    (data / "library.sqlite3").write_bytes(b"not a database at all" * 100)
    status, out, err = run(capsys, "--data-dir", str(data), "list")
    assert status == 0 and err.count("\n") == 1 and "damaged" in err and "corrupt-" in err
    assert len(out.splitlines()) == 10  # rebuilt: the seeds again


def test_a_newer_library_is_one_line_nonzero(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import sqlite3

    data = tmp_path / "d"
    run(capsys, "--data-dir", str(data), "list")
    connection = sqlite3.connect(data / "library.sqlite3")
    connection.execute("PRAGMA user_version = 999")
    connection.close()
    for argv in (["list"], ["search", "x"], ["sources", "list"], ["refresh"], ["mark", "read", "--all"]):
        status, out, err = run(capsys, "--data-dir", str(data), *argv)
        assert status == 1 and out == "" and err.count("\n") == 1 and "newer version" in err
