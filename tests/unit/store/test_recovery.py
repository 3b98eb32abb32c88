"""A damaged bookmarks file: the store still opens, the file is moved aside (never deleted),
readable rows are recovered, and the user is told where the old file is."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli import main
from reader.model import Bookmark
from reader.store import BookmarkStore
from reader.store.recovery import move_aside
from tests.unit.store.helpers import digest, integrity, make_article, start_writer

COUNT = 300


@pytest.fixture
def saved(store_path: Path) -> dict[str, Bookmark]:
    """A closed bookmarks file holding COUNT bookmarks spread over many pages."""
    with BookmarkStore(store_path) as store:
        bookmarks = [
            store.add(make_article(n, body_size=12), note=f"note {n}", tags=[f"t{n % 7}"]) for n in range(COUNT)
        ]
    assert store_path.stat().st_size > 200_000
    return {bookmark.id: bookmark for bookmark in bookmarks}


def _moved_aside(store_path: Path) -> list[Path]:
    return sorted(
        p for p in store_path.parent.glob(f"{store_path.name}.corrupt-*") if not p.name.endswith(("-wal", "-shm"))
    )


def _check_recovery(store_path: Path, damaged_digest: str, saved: dict[str, Bookmark]) -> BookmarkStore:
    store = BookmarkStore(store_path)
    report = store.recovery
    assert report is not None
    assert re.fullmatch(r"bookmarks\.sqlite3\.corrupt-\d{8}T\d{6}Z", report.moved_to.name)
    assert _moved_aside(store_path) == [report.moved_to]
    assert digest(report.moved_to) == damaged_digest  # kept byte for byte, not deleted
    assert str(report.moved_to) in str(report)
    recovered = store.list()
    assert len(recovered) == report.recovered
    for bookmark in recovered:
        assert bookmark == saved[bookmark.id]  # every field, exactly
    store.add(make_article(COUNT + 1))  # and the fresh store takes new bookmarks
    assert store.contains(make_article(COUNT + 1).id)
    return store


def test_garbage_bytes(store_path: Path, saved: dict[str, Bookmark]) -> None:
    store_path.write_bytes(random.Random(1).randbytes(store_path.stat().st_size))
    with _check_recovery(store_path, digest(store_path), saved) as store:
        assert store.recovery.recovered == 0
        assert "not a database" in store.recovery.reason


def test_garbage_after_a_valid_header(store_path: Path, saved: dict[str, Bookmark]) -> None:
    data = bytearray(store_path.read_bytes())
    data[100:] = random.Random(2).randbytes(len(data) - 100)
    store_path.write_bytes(bytes(data))
    with _check_recovery(store_path, digest(store_path), saved) as store:
        assert store.recovery.recovered == 0


def test_truncated_mid_file_recovers_the_rows_still_there(store_path: Path, saved: dict[str, Bookmark]) -> None:
    with open(store_path, "r+b") as file:
        file.truncate(store_path.stat().st_size // 2 + 1234)
    with _check_recovery(store_path, digest(store_path), saved) as store:
        assert 0.3 * COUNT < store.recovery.recovered < COUNT


def test_damaged_pages_in_the_middle_recover_the_rest(store_path: Path, saved: dict[str, Bookmark]) -> None:
    data = bytearray(store_path.read_bytes())
    start = len(data) * 2 // 5 // 4096 * 4096
    data[start : start + 3 * 4096] = random.Random(3).randbytes(3 * 4096)
    store_path.write_bytes(bytes(data))
    with _check_recovery(store_path, digest(store_path), saved) as store:
        assert 0.8 * COUNT < store.recovery.recovered < COUNT


@pytest.mark.parametrize("page", [1, 2], ids=["schema-page", "table-root-page"])
def test_a_damaged_page_above_the_rows_loses_none_of_them(
    store_path: Path, saved: dict[str, Bookmark], page: int
) -> None:
    # SQLite cannot reach any row without these pages; the leaf pages are read directly.
    data = bytearray(store_path.read_bytes())
    start = 100 if page == 1 else (page - 1) * 4096
    data[start : page * 4096] = random.Random(page).randbytes(page * 4096 - start)
    store_path.write_bytes(bytes(data))
    with _check_recovery(store_path, digest(store_path), saved) as store:
        assert store.recovery.recovered == COUNT


def test_salvage_does_not_bring_back_removed_bookmarks(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        kept = {}
        for number in range(60):
            bookmark = store.add(make_article(number, body_size=200))  # rows that overflow
            kept[bookmark.id] = bookmark
        for number in range(10, 40):
            assert store.remove(make_article(number).id)
            del kept[make_article(number).id]
    data = bytearray(store_path.read_bytes())
    data[4096:8192] = bytes(4096)  # the table's root page
    store_path.write_bytes(bytes(data))
    with _check_recovery(store_path, digest(store_path), kept) as store:
        assert store.recovery.recovered == len(kept)
        assert store.ids() >= set(kept)


def test_zeroed_tail_page(store_path: Path, saved: dict[str, Bookmark]) -> None:
    data = bytearray(store_path.read_bytes())
    data[-4096:] = bytes(4096)
    store_path.write_bytes(bytes(data))
    with _check_recovery(store_path, digest(store_path), saved) as store:
        assert 0.8 * COUNT < store.recovery.recovered <= COUNT


def test_cli_starts_and_says_where_the_old_file_is(store_path: Path, saved: dict[str, Bookmark], capsys) -> None:
    with open(store_path, "r+b") as file:
        file.truncate(store_path.stat().st_size // 2)
    assert main(["bookmarks", "--data-dir", str(store_path.parent), "list"]) == 0
    captured = capsys.readouterr()
    [moved] = _moved_aside(store_path)
    assert captured.err.count("\n") == 1
    assert str(moved) in captured.err and "damaged" in captured.err and "recovered" in captured.err
    listed = [line.split("\t")[0] for line in captured.out.splitlines()]
    assert listed and set(listed) <= set(saved)
    assert main(["bookmarks", "--data-dir", str(store_path.parent), "list"]) == 0
    assert capsys.readouterr().err == ""  # told once; the fresh file is sound


def test_move_aside_never_overwrites_and_takes_the_sidecars(tmp_path: Path) -> None:
    moment = datetime(2026, 11, 28, 19, 30, tzinfo=UTC)
    path = tmp_path / "bookmarks.sqlite3"
    moved = []
    for round_ in range(3):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").write_text(f"{round_}{suffix}")
        moved.append(move_aside(path, moment))
    assert [p.name for p in moved] == [
        "bookmarks.sqlite3.corrupt-20261128T193000Z",
        "bookmarks.sqlite3.corrupt-20261128T193000Z-2",
        "bookmarks.sqlite3.corrupt-20261128T193000Z-3",
    ]
    for round_, target in enumerate(moved):
        assert target.read_text() == f"{round_}"
        assert Path(f"{target}-wal").read_text() == f"{round_}-wal"
        assert Path(f"{target}-shm").read_text() == f"{round_}-shm"
    assert not path.exists()


def test_a_few_stray_bytes(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"hello, not a database\n")
    with _check_recovery(store_path, digest(store_path), {}) as store:
        assert store.recovery.recovered == 0


def test_two_processes_opening_a_damaged_file_at_once_repair_it_once(
    store_path: Path, saved: dict[str, Bookmark]
) -> None:
    with open(store_path, "r+b") as file:
        file.truncate(store_path.stat().st_size // 2)
    writers = [start_writer(store_path, prefix, 20, wait=True) for prefix in ("x-", "y-")]
    try:
        for writer in writers:
            assert writer.stdout.readline() == "ready\n"
        for writer in writers:
            writer.stdin.write("go\n")
            writer.stdin.flush()
        errors = [writer.communicate(timeout=120)[1] for writer in writers]
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    assert [writer.returncode for writer in writers] == [0, 0], errors
    assert sum("recovery:" in err for err in errors) == 1  # exactly one of them repaired it
    [_moved] = _moved_aside(store_path)
    with BookmarkStore(store_path) as store:
        assert store.recovery is None
        ids = store.ids()
    new = {f"{prefix}{n:05d}" for prefix in ("x-", "y-") for n in range(20)}
    assert new <= ids and 0.3 * COUNT < len(ids - new) < COUNT
    assert integrity(store_path) == [("ok",)]


def test_reading_leaf_pages_directly_agrees_with_sqlite(store_path: Path, saved: dict[str, Bookmark]) -> None:
    from reader.store import schema
    from reader.store.pages import table_leaf_records

    records = [record for record in table_leaf_records(store_path.read_bytes()) if len(record) == len(schema.COLUMNS)]
    assert {schema.from_row(record).id: schema.from_row(record) for record in records} == saved
