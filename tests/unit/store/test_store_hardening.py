"""The bookmark store against hostile places: a file replaced under an open store,
symbolic links planted in the data directory, a data "directory" that is a file or that
may not be read, a full disk, and export targets that must never be replaced."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
from support import run_cli

from reader.cli import main
from reader.store import BookmarkStore, StoreError, recovery
from reader.store.files import UnsafeFileError, check_replaceable, identity
from tests.unit.store.helpers import make_article


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "bookmarks.sqlite3"


# -- a file replaced under an open store (item 6) --------------------------------------------


def test_a_write_after_the_file_was_moved_aside_goes_to_the_live_file(path: Path) -> None:
    with BookmarkStore(path) as a:
        a.add(make_article(1))
        moved = recovery.move_aside(path)  # what another Dateline's repair does
        a.add(make_article(2))
        assert a.contains("a00002")
    with BookmarkStore(path) as fresh:
        assert fresh.ids() == {"a00002"}
    with BookmarkStore(moved) as old:
        assert old.ids() == {"a00001"}  # the moved-aside file got nothing more


def test_a_write_after_another_process_rebuilt_the_file_joins_it(path: Path) -> None:
    with BookmarkStore(path) as a:
        a.add(make_article(1))
        recovery.move_aside(path)
        with BookmarkStore(path) as b:  # the repairing process made a fresh file
            b.add(make_article(3))
        a.add(make_article(2))
        assert a.ids() == {"a00002", "a00003"}
    with BookmarkStore(path) as fresh:
        assert fresh.ids() == {"a00002", "a00003"}


def test_reads_follow_a_rebuilt_file_too(path: Path) -> None:
    with BookmarkStore(path) as a:
        a.add(make_article(1))
        recovery.move_aside(path)
        with BookmarkStore(path) as b:
            b.add(make_article(7))
        assert a.ids() == {"a00007"}
        assert [bookmark.id for bookmark in a.list()] == ["a00007"]


# -- symbolic links in the data directory (item 3) -------------------------------------------


def test_a_dangling_symlinked_store_file_is_refused_and_its_target_not_created(path: Path, tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.sqlite3"
    path.parent.mkdir()
    path.symlink_to(target)
    with pytest.raises(StoreError, match="symbolic link"):
        BookmarkStore(path).add(make_article(1))
    assert not target.exists()


def test_a_symlinked_lock_is_refused(path: Path, tmp_path: Path) -> None:
    target = tmp_path / "planted.lock"
    path.parent.mkdir()
    Path(f"{path}.lock").symlink_to(target)
    with pytest.raises(StoreError, match="symbolic link"):
        BookmarkStore(path).add(make_article(1))
    assert not target.exists()


def test_a_symlinked_existing_store_is_refused_on_opening(path: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.sqlite3"
    with BookmarkStore(real) as store:
        store.add(make_article(1))
    path.parent.mkdir()
    path.symlink_to(real)
    with pytest.raises(StoreError, match="symbolic link"):
        BookmarkStore(path)


# -- the data directory itself (item 11) -----------------------------------------------------


def test_a_data_dir_that_is_a_file_is_one_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.write_text("not a directory")
    for args in (["list"], ["add", "nothing", "x"], ["export"]):
        assert main(["bookmarks", "--data-dir", str(data), *args]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"{data} is not a directory" in err, err


def test_an_unreadable_data_dir_is_one_clear_error_for_an_ordinary_user(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    data.chmod(0)
    try:
        done = run_cli("--data-dir", str(data), "bookmarks", "list", unprivileged=True)
    finally:
        data.chmod(0o755)
    assert done.returncode == 1
    assert b"permission denied" in done.stderr and b"Traceback" not in done.stderr
    assert done.stderr.count(b"\n") == 1


def test_the_app_starts_with_an_unusable_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The app's bookmark service opens the store: a StoreError there is a notification, not a crash.
    from reader.ui.bookmark_service import Bookmarks

    data = tmp_path / "data"
    data.write_text("a file")
    monkeypatch.setenv("DATELINE_DATA_DIR", str(data))

    class FakeApp:
        pass

    service = Bookmarks(FakeApp())  # type: ignore[arg-type]
    assert service.startup_messages()[0][0] == "error"
    assert "is not a directory" in service.startup_messages()[0][1]


# -- a full disk (item 7) --------------------------------------------------------------------


@pytest.fixture
def tiny_disk(tmp_path: Path):
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(directory: Path) -> None:
    with open(directory / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
        except OSError:
            pass


def test_a_full_disk_says_disk_full_and_reading_keeps_working(tiny_disk: Path, tmp_path: Path) -> None:
    built = tmp_path / "built.sqlite3"
    with BookmarkStore(built) as store:
        store.add(make_article(1))
        store.add(make_article(2))
    path = tiny_disk / "bookmarks.sqlite3"
    shutil.copyfile(built, path)
    _fill(tiny_disk)
    with BookmarkStore(path) as store:
        assert store.ids() == {"a00001", "a00002"}
        assert [b.id for b in store.list()] == ["a00002", "a00001"]
        with pytest.raises(StoreError, match="full"):
            store.add(make_article(3))
    done = run_cli("--data-dir", str(tiny_disk), "bookmarks", "list")
    assert done.returncode == 0 and done.stdout.count(b"\n") == 2, done.stderr


def test_export_to_a_full_disk_says_disk_full(tiny_disk: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        for number in range(40):
            store.add(make_article(number, body_size=200))
    _fill(tiny_disk)
    done = run_cli("--data-dir", str(data), "bookmarks", "export", "-o", str(tiny_disk / "out.json"))
    assert done.returncode == 1 and b"disk full" in done.stderr and b"Traceback" not in done.stderr
    assert not (tiny_disk / "out.json").exists()


# -- export targets (item 2) -----------------------------------------------------------------


def test_check_replaceable(tmp_path: Path) -> None:
    regular = tmp_path / "file"
    regular.write_text("x")
    assert check_replaceable(regular) is True
    assert check_replaceable(tmp_path / "nothing") is False
    link = tmp_path / "link"
    link.symlink_to(regular)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for special in (tmp_path, link, fifo, Path("/dev/null")):
        with pytest.raises(UnsafeFileError, match="not a regular file"):
            check_replaceable(special)


@pytest.mark.parametrize("target", ["/dev/null", "DIR", "LINK", "FIFO"])
def test_export_force_never_replaces_a_special_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str
) -> None:
    data = tmp_path / "data"
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        store.add(make_article(1))
    places = {"DIR": tmp_path / "dir", "LINK": tmp_path / "link", "FIFO": tmp_path / "fifo"}
    places["DIR"].mkdir()
    places["LINK"].symlink_to(tmp_path / "dangling")
    os.mkfifo(places["FIFO"])
    output = str(places.get(target, target))
    before = identity(output)
    for force in ([], ["--force"]):
        status = main(["bookmarks", "--data-dir", str(data), "export", "-o", output, *force])
        err = capsys.readouterr().err
        assert status == 1 and "not a regular file" in err and "--force" not in err, err
    assert identity(output) == before
    if target == "/dev/null":
        assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert not (tmp_path / "dangling").exists()


@pytest.mark.parametrize("output", ["-", "/dev/stdout"])
def test_export_dash_writes_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str], output: str) -> None:
    data = tmp_path / "data"
    with BookmarkStore(data / "bookmarks.sqlite3") as store:
        store.add(make_article(1))
    assert main(["bookmarks", "--data-dir", str(data), "export", "-o", output]) == 0
    assert '"a00001"' in capsys.readouterr().out
    assert not Path("-").exists()
