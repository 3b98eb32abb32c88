"""The library file: migrations, refusing foreign or newer files, repair of a damaged file
(moved aside, sources and read marks salvaged, rebuilt), and two processes at once."""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import dump

from reader.library import Library, LibraryError, schema
from reader.library.database import damage_marker
from tests.unit.store.helpers import REPO, digest, integrity, subprocess_env


def _version(path: Path) -> tuple[int, int]:
    connection = sqlite3.connect(path)
    try:
        return (
            connection.execute("PRAGMA application_id").fetchone()[0],
            connection.execute("PRAGMA user_version").fetchone()[0],
        )
    finally:
        connection.close()


def _moved_aside(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.glob(f"{path.name}.corrupt-*") if not p.name.endswith(("-wal", "-shm")))


def test_a_new_file_gets_identity_and_the_latest_version(library_path: Path) -> None:
    Library.open(library_path, default_sources=False).close()
    assert _version(library_path) == (schema.APPLICATION_ID, schema.SCHEMA_VERSION)
    with sqlite3.connect(library_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_empty_file_is_a_new_library(library_path: Path) -> None:
    library_path.parent.mkdir(parents=True)
    library_path.write_bytes(b"")
    with Library.open(library_path) as library:
        assert library.recovery is None and [s.name for s in library.sources()] == ["seeds"]
    assert _version(library_path)[1] == schema.SCHEMA_VERSION


def test_migration_from_version_1_keeps_sources_articles_and_read_state(library_path: Path, tmp_path: Path) -> None:
    library_path.parent.mkdir(parents=True)
    connection = sqlite3.connect(library_path, isolation_level=None)
    schema.migrate(connection, target=1)
    assert _version(library_path) == (schema.APPLICATION_ID, 1)
    connection.execute(
        "INSERT INTO sources (name, location, kind, added_at) VALUES ('old', ?, 'dump', 1)",
        (str(dump(tmp_path / "old.txt", range(2)).resolve()),),
    )
    connection.execute(
        "INSERT INTO articles (id, source_id, read, rank_time, seq, gen, first_seen, content_hash, title, source, "
        "section, byline, url, published, origin, body) VALUES ('x1', 1, 1, 5, 0, 0, 5, 'h', 'Kept title', '', '', "
        "'', '', '', '', 'Kept body words')"
    )
    connection.execute(
        "INSERT INTO articles_fts (rowid, title, body, source, section, byline) "
        "SELECT n, title, body, source, section, byline FROM articles"
    )
    connection.close()
    with Library.open(library_path) as library:
        assert _version(library_path)[1] == schema.SCHEMA_VERSION
        assert [s.name for s in library.sources()] == ["old"]  # not seeded: it has a source
        assert library.is_read("x1") is True
        assert [h.title for h in library.results("kept body").window(0, 5)] == ["Kept title"]
        library.store_entities("h", [])  # the tables of version 2 are there
        library.refresh()
        assert library.count() == 3


def test_a_newer_file_is_refused_untouched(library_path: Path) -> None:
    Library.open(library_path, default_sources=False).close()
    with sqlite3.connect(library_path) as connection:
        connection.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    before = digest(library_path)
    with pytest.raises(LibraryError, match="newer version of Dateline") as error:
        Library.open(library_path)
    assert "\n" not in str(error.value)
    assert digest(library_path) == before and not _moved_aside(library_path)


@pytest.mark.parametrize("how", ["application-id", "tables"])
def test_a_file_of_another_program_is_refused_untouched(library_path: Path, how: str) -> None:
    library_path.parent.mkdir(parents=True)
    with sqlite3.connect(library_path) as connection:
        connection.execute("CREATE TABLE accounts (x)")
        if how == "application-id":
            connection.execute("PRAGMA application_id = 1234")
    before = digest(library_path)
    with pytest.raises(LibraryError, match="belongs to another program"):
        Library.open(library_path)
    assert digest(library_path) == before


@pytest.fixture
def used(library_path: Path, tmp_path: Path) -> tuple[Path, set[str]]:
    """A closed library with two sources, 600 articles, some read; returns the dump and the read ids."""
    with Library.open(library_path, default_sources=False) as library:
        library.add_source(str(dump(tmp_path / "src" / "a.txt", range(300), words="alpha " * 40)), name="Alpha")
        library.add_source(str(dump(tmp_path / "src" / "b.txt", range(300, 600), words="beta " * 40)), name="Beta")
        library.refresh()
        read = {h.id for h in library.results("").window(0, 600)[::3]}
        library.mark_read(read)
    assert library_path.stat().st_size > 500_000
    return tmp_path / "src", read


def _check_rebuilt(library_path: Path, read: set[str], *, sources: int) -> set[str]:
    damaged = _moved_aside(library_path)
    with Library.open(library_path) as library:
        assert library.recovery is not None and "damaged" in library.recovery
        [moved] = _moved_aside(library_path)
        assert moved not in damaged or damaged == [moved]
        assert re.fullmatch(r"library\.sqlite3\.corrupt-\d{8}T\d{6}Z", moved.name)
        assert str(moved) in library.recovery
        assert len(library.sources()) == sources
        report = library.refresh()
        assert report.errors == []
        kept = {h.id for h in library.results("is:read").window(0, 600)}
        assert kept <= read
        assert library.count() == 600
    with Library.open(library_path) as library:
        assert library.recovery is None  # repaired once
    assert integrity(library_path) == [("ok",)]
    return kept


def test_garbage_is_moved_aside_and_a_fresh_library_made(library_path: Path, used) -> None:
    library_path.write_bytes(random.Random(1).randbytes(library_path.stat().st_size))
    before = digest(library_path)
    with Library.open(library_path, default_sources=False) as library:
        assert library.recovery and "0 sources" in library.recovery
        [moved] = _moved_aside(library_path)
        assert digest(moved) == before  # kept byte for byte
        assert library.sources() == []


def test_truncated_file_keeps_sources_and_the_read_marks_still_there(library_path: Path, used) -> None:
    _, read = used
    with open(library_path, "r+b") as file:
        file.truncate(library_path.stat().st_size * 2 // 3)
    kept = _check_rebuilt(library_path, read, sources=2)
    assert 0 < len(kept) < len(read)


def test_damage_found_later_is_marked_and_repaired_on_the_next_open(library_path: Path, used) -> None:
    _, read = used
    connection = sqlite3.connect(library_path)
    try:
        try:
            leaves = [
                row[0]
                for row in connection.execute(
                    "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' ORDER BY pageno"
                )
            ]
        except sqlite3.OperationalError:
            pytest.skip("this SQLite has no dbstat table")
    finally:
        connection.close()
    data = bytearray(library_path.read_bytes())
    for page in leaves[len(leaves) // 2 : len(leaves) // 2 + 3]:  # leaf pages in the middle of the table
        data[(page - 1) * 4096 : page * 4096] = random.Random(page).randbytes(4096)
    library_path.write_bytes(bytes(data))
    with Library.open(library_path) as library:
        with pytest.raises(LibraryError, match="damaged") as error:
            for _ in range(3):
                library.mark_all_read("")
                library.mark_all_read("", read=False)
                library.results("alpha").window(0, 600)
                library.results("beta").window(0, 600)
        assert "rebuilt when Dateline next starts" in str(error.value)
    assert damage_marker(library_path).exists()
    kept = _check_rebuilt(library_path, read, sources=2)
    assert len(kept) > len(read) // 2
    assert not damage_marker(library_path).exists()


def test_two_processes_refresh_and_mark_at_once(library_path: Path, tmp_path: Path) -> None:
    source = dump(tmp_path / "shared.txt", range(2000), words="story")
    command = [sys.executable, "-m", "tests.unit.library.worker", str(library_path), str(source), "3"]
    workers = [
        subprocess.Popen(
            command,
            cwd=REPO,
            env=subprocess_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        for worker in workers:
            assert worker.stdout.readline() == "ready\n"
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        outputs = [worker.communicate(timeout=300) for worker in workers]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
        assert err == "" and out.splitlines()[-1] == "done"
    with Library.open(library_path, default_sources=False) as library:
        assert library.recovery is None
        assert library.count() == 2000 and len(library.sources()) == 1
    assert integrity(library_path) == [("ok",)]


def test_read_only_directory_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(LibraryError) as error:
            Library.open(folder / "sub" / "library.sqlite3")
        assert "\n" not in str(error.value)
    finally:
        folder.chmod(0o700)
