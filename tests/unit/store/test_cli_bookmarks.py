"""``dateline bookmarks ...`` as a script would drive it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from reader.cli import main
from reader.model import Article
from reader.sanitize import is_safe
from reader.sources import load_sources
from reader.store import BookmarkStore
from tests.unit.store.helpers import HOSTILE, PYTHON, REPO, digest, make_article, subprocess_env


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def seed_ids() -> list[str]:
    return [article.id for article in load_sources().articles[:3]]


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    status = main(["bookmarks", "--data-dir", str(data), *args])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_add_list_remove(capsys, data: Path, seed_ids: list[str]) -> None:
    seeds = str(REPO / "seeds")
    for article_id in seed_ids:
        assert run(capsys, data, "add", seeds, article_id, "--note", "n", "--tag", "a", "--tag", "b")[0] == 0
    status, out, _ = run(capsys, data, "add", seeds, seed_ids[0])
    assert status == 0 and out.startswith("already bookmarked")
    status, out, err = run(capsys, data, "list")
    assert status == 0 and err == ""
    rows = [line.split("\t") for line in out.splitlines()]
    assert [row[0] for row in rows] == list(reversed(seed_ids))  # newest first
    assert all(len(row) == 6 for row in rows)  # id, saved, source, title, tags, note
    assert all(row[4:] == ["#a #b", "n"] for row in rows)
    status, out, _ = run(capsys, data, "list", "--json")
    records = json.loads(out)
    assert [r["id"] for r in records] == list(reversed(seed_ids))
    assert records[0]["note"] == "n" and records[0]["tags"] == ["a", "b"] and records[0]["paragraphs"]
    assert run(capsys, data, "remove", seed_ids[0])[0] == 0
    status, _, err = run(capsys, data, "remove", seed_ids[0])
    assert status == 1 and err.strip() == f"dateline: no bookmark with id {seed_ids[0]}"
    assert run(capsys, data, "add", seeds, "no-such-id")[0] == 1


def test_bare_bookmarks_lists_them_with_notes_and_tags(capsys, data: Path) -> None:
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        store.add(make_article(1), note="first line\nsecond\tline \x1b[31mred", tags=["china", "chips"])
        store.add(make_article(2))
    status, out, err = run(capsys, data)
    assert status == 0 and err == ""
    bare = out
    assert run(capsys, data, "list")[1] == bare
    first, second = [line.split("\t") for line in bare.splitlines()][::-1]
    assert first[4:] == ["#china #chips", "first line second line red"]  # the escape sequence cut out whole
    assert second[4:] == ["", ""]
    assert is_safe(bare)


def test_data_dir_after_the_action_is_accepted(capsys, data: Path) -> None:
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        store.add(make_article(1))
    assert main(["bookmarks", "list", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.startswith("a00001\t")


def test_list_output_is_safe_for_the_terminal(capsys, data: Path) -> None:
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        store.add(Article(id="h", title=HOSTILE + "\nsecond line", source="\x9b31mSource"))
    status, out, _ = run(capsys, data, "list")
    assert status == 0 and is_safe(out) and out.count("\n") == 1
    status, out, _ = run(capsys, data, "list", "--json")
    assert status == 0 and is_safe(out) and json.loads(out)[0]["title"].startswith("\x1b[31m")


def test_export_formats_and_files(capsys, data: Path, tmp_path: Path) -> None:
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        store.add(make_article(1))
    for format_, marker in (
        ("json", '"format": "dateline-bookmarks"'),
        ("markdown", "## Story 1"),
        ("html", "<h2>"),
    ):
        status, out, _ = run(capsys, data, "export", "--format", format_)
        assert status == 0 and marker in out
    target = tmp_path / "out.json"
    assert run(capsys, data, "export", "-o", str(target)) == (0, "", "")
    before = digest(target)
    status, _, err = run(capsys, data, "export", "--format", "html", "-o", str(target))
    assert status == 1 and "use --force" in err and digest(target) == before
    assert run(capsys, data, "export", "--format", "html", "-o", str(target), "--force")[0] == 0
    assert target.read_text().startswith("<!DOCTYPE html>")


def test_import_round_trip_and_twice(capsys, data: Path, tmp_path: Path) -> None:
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        for number in range(4):
            store.add(make_article(number), note=f"note {number}")
        originals = store.list()
    exported = tmp_path / "bookmarks.json"
    assert run(capsys, data, "export", "-o", str(exported))[0] == 0
    other = tmp_path / "other"
    status, out, _ = run(capsys, other, "import", str(exported))
    assert status == 0 and "4 bookmarks added, 0 already present" in out
    status, out, _ = run(capsys, other, "import", str(exported))
    assert status == 0 and "0 bookmarks added, 4 already present (0 updated)" in out
    with BookmarkStore(other / "bookmarks.sqlite3") as store:
        assert store.list() == originals


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON (line 1, column 2)"),
        (b"\xff\xfe\x00", "not UTF-8 text"),
        (b"[1, 2]", "expected a JSON object"),
        (b'{"format": "dateline-bookmarks", "version": 1, "bookmarks": [{"id": 3}]}', 'bookmark 1: "id"'),
    ],
)
def test_a_bad_import_file_is_one_error_line_and_changes_nothing(
    capsys, data: Path, tmp_path: Path, content: bytes, message: str
) -> None:
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        store.add(make_article(1))
        before = store.list()
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    status, out, err = run(capsys, data, "import", str(bad))
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith(f"dateline: {bad}: ") and message in err
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        assert store.list() == before


def test_missing_import_file(capsys, data: Path, tmp_path: Path) -> None:
    status, _, err = run(capsys, data, "import", str(tmp_path / "nope.json"))
    assert status == 1 and "no such file or directory" in err


def test_the_command_is_wired_into_the_real_entry_point(data: Path) -> None:
    done = subprocess.run(
        [PYTHON, "-m", "reader", "bookmarks", "--data-dir", str(data), "list"],
        cwd=REPO,
        env=subprocess_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_core_does_not_import_the_ui_toolkits() -> None:
    code = (
        "import sys, reader.store, reader.store.bookmark_store, reader.store.transfer, reader.commands.bookmarks;"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'));"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    done = subprocess.run(
        [PYTHON, "-c", code], cwd=REPO, env=subprocess_env(), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
