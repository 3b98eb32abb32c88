"""Files the store did not expect: foreign, newer, empty, read-only."""

from __future__ import annotations

import ctypes
import json
import os
import sqlite3
import stat
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import BookmarkStore, StoreError
from reader.store.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.unit.store.helpers import PYTHON, REPO, digest, make_article, subprocess_env


def _make_db(path: Path, *statements: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


def _assert_refused_untouched(path: Path, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    before = digest(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(StoreError, match=message):
        BookmarkStore(path)
    assert main(["bookmarks", "--data-dir", str(path.parent), "list"]) == 1
    error_lines = capsys.readouterr().err.strip().splitlines()
    assert len(error_lines) == 1 and "left untouched" in error_lines[0]
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings  # nothing moved aside


def test_a_database_of_another_application_is_refused(store_path: Path, capsys) -> None:
    _make_db(
        store_path,
        "PRAGMA application_id = 1234",
        "CREATE TABLE bookmarks (x)",
        "INSERT INTO bookmarks VALUES (1)",
    )
    _assert_refused_untouched(store_path, "belongs to another program", capsys)


def test_a_database_without_application_id_but_foreign_tables_is_refused(store_path: Path, capsys) -> None:
    _make_db(store_path, "CREATE TABLE moz_places (url TEXT)", "INSERT INTO moz_places VALUES ('x')")
    _assert_refused_untouched(store_path, "belongs to another program", capsys)


def test_a_file_from_a_newer_dateline_is_refused(store_path: Path, capsys) -> None:
    with BookmarkStore(store_path) as store:
        store.add(make_article(1))
    _make_db(store_path, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection = sqlite3.connect(store_path)
    assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    connection.close()
    _assert_refused_untouched(store_path, "newer version of Dateline", capsys)


def test_an_empty_sqlite_database_is_adopted(store_path: Path) -> None:
    _make_db(store_path, "PRAGMA user_version = 0")
    with BookmarkStore(store_path) as store:
        assert store.recovery is None
        store.add(make_article(1))
        assert store.ids() == {"a00001"}


def test_a_zero_length_file_is_an_empty_store(store_path: Path) -> None:
    # SQLite creates the file empty before its first commit, so another Dateline process may
    # be about to fill it: it must be used in place, not moved aside.
    store_path.parent.mkdir(parents=True)
    store_path.touch()
    with BookmarkStore(store_path) as store:
        assert store.recovery is None and store.list() == []
        store.add(make_article(1))
    assert [p.name for p in store_path.parent.iterdir() if "corrupt" in p.name] == []
    with BookmarkStore(store_path) as store:
        assert store.ids() == {"a00001"}


# -- read-only -----------------------------------------------------------------------------------
#
# Root ignores permission bits, and CI runs these tests as root. So the scenario runs in a child
# process, and when we are root that child is started without the capabilities that bypass
# file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): chmod then means what it says and
# SQLite meets a real EACCES, exactly as an ordinary user would.

_PR_CAPBSET_DROP = 24
_BYPASS_CAPABILITIES = (1, 2)  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH


def _drop_permission_bypass() -> None:  # runs in the child between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _BYPASS_CAPABILITIES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def _probe(path: Path) -> dict[str, object]:
    done = subprocess.run(
        [PYTHON, "-m", "tests.unit.store.probe", str(path)],
        cwd=REPO,
        env={**subprocess_env(), "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_drop_permission_bypass if os.geteuid() == 0 else None,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    directory = tmp_path / "data"
    yield directory
    if directory.exists():  # let pytest clean up
        directory.chmod(0o755)


def _seed(path: Path) -> None:
    with BookmarkStore(path) as store:
        store.add(make_article(1))
        store.add(make_article(2))
    assert sorted(p.name for p in path.parent.iterdir()) == [
        path.name,
        f"{path.name}.lock",
    ]  # WAL checkpointed away; the (empty) write lock stays


def test_read_only_directory_reads_but_refuses_to_save(data_dir: Path) -> None:
    directory = data_dir
    path = directory / "bookmarks.sqlite3"
    _seed(path)
    for file in directory.iterdir():
        file.chmod(0o644)
    directory.chmod(0o555)
    before = digest(path)
    outcome = _probe(path)
    assert outcome["ids"] == ["a00001", "a00002"]
    assert outcome["read_only"] is True
    assert outcome["save"] == f"StoreError: cannot save bookmarks: {directory} is read-only"
    assert digest(path) == before


def test_read_only_directory_without_a_file_is_an_empty_store(data_dir: Path) -> None:
    directory = data_dir
    directory.mkdir(mode=0o555)
    directory.chmod(0o555)
    outcome = _probe(directory / "bookmarks.sqlite3")
    assert outcome["ids"] == [] and outcome["read_only"] is True
    assert outcome["save"] == f"StoreError: cannot save bookmarks: {directory} is read-only"
    assert list(directory.iterdir()) == []


def test_read_only_file_in_a_writable_directory(data_dir: Path) -> None:
    directory = data_dir
    path = directory / "bookmarks.sqlite3"
    _seed(path)
    path.chmod(0o444)
    outcome = _probe(path)
    assert outcome["ids"] == ["a00001", "a00002"]
    assert outcome["save"] == f"StoreError: cannot save bookmarks: {path} is read-only"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
