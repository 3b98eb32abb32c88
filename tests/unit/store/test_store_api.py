"""The bookmark store's everyday behaviour: what the UI and the CLI rely on."""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import replace
from datetime import timedelta, timezone
from pathlib import Path

import pytest

from reader.model import Article
from reader.paths import set_data_dir
from reader.store import BookmarkStore, StoreError, default_path
from reader.store.schema import APPLICATION_ID, SCHEMA_VERSION
from tests.unit.store.helpers import HOSTILE, make_article


def test_opening_creates_nothing_and_the_first_add_creates_the_file(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        assert store.list() == [] and store.ids() == set() and len(store) == 0
        assert not store_path.parent.exists()
        store.add(make_article(1))
    assert store_path.is_file()


def test_file_is_identified_and_durable(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        store.add(make_article(1))
    connection = sqlite3.connect(store_path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_default_location_follows_data_dir(tmp_path: Path) -> None:
    set_data_dir(tmp_path / "elsewhere")
    assert default_path() == (tmp_path / "elsewhere" / "bookmarks.sqlite3").resolve()
    with BookmarkStore() as store:
        store.add(make_article(1))
    assert (tmp_path / "elsewhere" / "bookmarks.sqlite3").is_file()


def test_default_location_honours_xdg_data_home() -> None:
    assert default_path().is_relative_to(Path(os.environ["XDG_DATA_HOME"]))


def test_add_keeps_a_full_snapshot(store_path: Path) -> None:
    article = make_article(7)
    with BookmarkStore(store_path) as store:
        saved = store.add(article, note="read later", tags=["tech", " tech ", "", "china"])
    assert saved.article == article
    assert saved.note == "read later"
    assert saved.tags == ("tech", "china")
    assert saved.saved_at.tzinfo is not None and saved.saved_at.utcoffset() == timedelta(0)
    with BookmarkStore(store_path) as reopened:
        assert reopened.get(article.id) == saved
        assert reopened.get(article.id).article.body == article.body


def test_adding_twice_is_a_no_op_that_keeps_note_and_time(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        first = store.add(make_article(1), note="mine", tags=["x"])
        again = store.add(replace(make_article(1), title="changed upstream"), note="other", tags=["y"])
        assert again == first
        assert store.get("a00001") == first
        assert len(store) == 1


def test_list_is_newest_first(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        for number in range(5):
            store.add(make_article(number))
        assert [b.id for b in store.list()] == [f"a{n:05d}" for n in reversed(range(5))]


def test_lookups(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        store.add(make_article(1))
        store.add(make_article(2))
        assert store.contains("a00001") and "a00002" in store
        assert not store.contains("nope") and store.get("nope") is None
        assert store.ids() == {"a00001", "a00002"}


def test_remove_and_restore_is_an_exact_undo(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        saved = store.add(make_article(1), note="n", tags=["t"])
        store.add(make_article(2))
        assert store.remove("a00001") is True
        assert store.remove("a00001") is False
        assert store.ids() == {"a00002"}
        assert store.restore(saved) is True
        assert store.restore(saved) is False
        assert store.get("a00001") == saved
        assert [b.id for b in store.list()] == ["a00002", "a00001"]  # back at its own time


def test_set_note_and_tags(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        saved = store.add(make_article(1))
        updated = store.set_note("a00001", "line one\nline two")
        assert updated == replace(saved, note="line one\nline two")
        assert store.set_tags("a00001", ["b", "a", "b"]).tags == ("b", "a")
        assert store.get("a00001").note == "line one\nline two"
        assert store.set_note("missing", "x") is None
        assert store.set_tags("missing", ["x"]) is None
        with pytest.raises(TypeError):
            store.set_tags("a00001", "not-a-list")


def test_notes_and_tags_lose_terminal_controls(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        saved = store.add(make_article(1), note="a\x1b[2Jb\nc", tags=["x\x1b]0;t\x07y"])
    assert saved.note == "ab\nc"  # the escape sequence goes whole
    assert saved.tags == ("xy",)


def test_hostile_article_strings_are_stored_as_given(store_path: Path) -> None:
    article = Article(
        id="x'); DROP TABLE bookmarks; --",
        title=HOSTILE,
        paragraphs=(HOSTILE, "'; DELETE FROM bookmarks; --", "\u0000nul", "a" * 100_000),
        source='Robert"); --',
        url="javascript:alert(1)",
    )
    with BookmarkStore(store_path) as store:
        store.add(make_article(1))
        store.add(article)
    with BookmarkStore(store_path) as store:
        assert store.get(article.id).article == article
        assert len(store) == 2


def test_naive_times_are_refused(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        saved = store.add(make_article(1))
        store.remove(saved.id)
        with pytest.raises(ValueError):
            store.restore(replace(saved, saved_at=saved.saved_at.replace(tzinfo=None)))
        other_zone = saved.saved_at.astimezone(timezone(timedelta(hours=5)))
        assert store.restore(replace(saved, saved_at=other_zone))
        assert store.get(saved.id).saved_at == saved.saved_at


def test_store_sees_bookmarks_added_by_another_store_on_the_same_file(store_path: Path) -> None:
    with BookmarkStore(store_path) as reader_, BookmarkStore(store_path) as writer:
        assert reader_.ids() == set()  # no file yet
        writer.add(make_article(1))
        assert reader_.ids() == {"a00001"}
        writer.remove("a00001")
        assert reader_.ids() == set()


def test_a_write_waits_for_a_lock_then_fails_with_a_clear_error(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        store.add(make_article(1))
    blocker = sqlite3.connect(store_path, isolation_level=None)
    try:
        blocker.execute("BEGIN IMMEDIATE")
        with BookmarkStore(store_path, timeout=0.05) as store:
            assert store.ids() == {"a00001"}  # readers are not blocked (WAL)
            with pytest.raises(StoreError, match="locked by another program"):
                store.add(make_article(2))
        blocker.execute("ROLLBACK")
    finally:
        blocker.close()
    with BookmarkStore(store_path) as store:
        store.add(make_article(2))
        assert store.ids() == {"a00001", "a00002"}


def test_disk_full_is_a_clear_error_and_loses_nothing(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        for number in range(3):
            store.add(make_article(number))
        # Simulate a full disk: SQLite reports SQLITE_FULL once the page limit is reached.
        pages = store._connection.execute("PRAGMA page_count").fetchone()[0]
        store._connection.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError, match=r"disk .* is full"):
            for number in range(3, 200):
                store.add(make_article(number, body_size=200))
        kept = store.ids()
    assert {"a00000", "a00001", "a00002"} <= kept
    with BookmarkStore(store_path) as store:
        assert store.ids() == kept


def test_a_row_edited_by_hand_is_a_clear_error_not_a_crash(store_path: Path) -> None:
    with BookmarkStore(store_path) as store:
        store.add(make_article(1))
    connection = sqlite3.connect(store_path)
    connection.execute("UPDATE bookmarks SET tags = 'not json'")
    connection.commit()
    connection.close()
    with BookmarkStore(store_path) as store:
        assert store.ids() == {"a00001"}
        with pytest.raises(StoreError, match="malformed bookmark"):
            store.list()


def test_one_store_can_be_shared_by_threads(store_path: Path) -> None:
    # The UI saves from worker threads; the store serialises them on one connection.
    with BookmarkStore(store_path) as store:
        errors: list[BaseException] = []

        def add_many(prefix: str) -> None:
            try:
                for number in range(40):
                    store.add(make_article(number, prefix=prefix))
                    store.ids()
            except BaseException as error:
                errors.append(error)

        threads = [threading.Thread(target=add_many, args=(f"t{n}-",)) for n in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert len(store) == 160
