"""The command line against careless and hostile input: every failure is one line and a
non-zero exit, never a traceback; an unexpected error is one line naming a log file."""

from __future__ import annotations

import json
import os
import pty
import sys
from pathlib import Path

import pytest
from support import SEED_FILE, library_app, run_cli, write_dump

from reader import cli
from reader.cli import main
from reader.sources import load_sources


def _one_error_line(err: str | bytes) -> None:
    text = err.decode() if isinstance(err, bytes) else err
    assert "Traceback" not in text
    assert text.count("\n") == 1, text


# -- the net under everything ----------------------------------------------------------------


def test_an_unexpected_error_is_one_line_naming_a_log_with_the_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    import reader.commands.listing as listing

    def broken(args: object) -> int:
        raise RuntimeError("something nobody expected")

    monkeypatch.setattr(listing, "run", broken)
    assert main(["list"]) == cli.EXIT_CRASH
    err = capsys.readouterr().err
    _one_error_line(err)
    assert "RuntimeError: something nobody expected" in err
    [log] = (isolated_user_dirs / "xdg_state_home" / "dateline" / "log").iterdir()
    assert str(log) in err
    text = log.read_text()
    assert "Traceback (most recent call last)" in text and "in broken" in text


def test_the_app_net_writes_a_log_and_prints_nothing_of_the_traceback(
    monkeypatch: pytest.MonkeyPatch, isolated_user_dirs: Path
) -> None:
    import asyncio

    from reader.ui.screens.main import MainScreen

    def broken(self: MainScreen) -> None:
        raise RuntimeError("a key that breaks")

    monkeypatch.setattr(MainScreen, "action_toggle_bookmark", broken)
    app = library_app(recognise=lambda text: [])

    async def drive() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("b")
            await pilot.pause()

    with pytest.raises(RuntimeError, match="a key that breaks"):  # Pilot re-raises for the test
        asyncio.run(drive())
    assert (
        app.crash_log is not None and app.crash_log.parent == isolated_user_dirs / "xdg_state_home" / "dateline" / "log"
    )
    assert "in broken" in app.crash_log.read_text()
    assert app._exit_renderables == []  # no traceback painted over the terminal
    report = app.crash_report()
    assert "RuntimeError: a key that breaks" in report and str(app.crash_log) in report and "\n" not in report


def test_run_app_prints_the_crash_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path as P

    from reader.ui.app import DatelineApp

    def crashing_run(self: DatelineApp) -> None:
        self.crash = RuntimeError("boom")
        self.crash_log = P("/tmp/the-log")

    monkeypatch.setattr(DatelineApp, "run", crashing_run)
    assert main([]) == cli.EXIT_CRASH
    err = capsys.readouterr().err
    _one_error_line(err)
    assert "RuntimeError: boom" in err and "/tmp/the-log" in err


# -- output that cannot be written (item 12) -------------------------------------------------


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["bookmarks", "export"], ["entities", str(SEED_FILE)]])
def test_output_to_a_full_device_says_disk_full(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        done = run_cli(*args, stdout=full)
    assert done.returncode == 1
    _one_error_line(done.stderr)
    assert b"disk full" in done.stderr


def test_an_ascii_terminal_does_not_crash() -> None:
    done = run_cli("list", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert done.stdout.count(b"\n") == 10
    done = run_cli("list", "--json", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0 and len(json.loads(done.stdout)) == 10


# -- bad settings and mistakes (items 13, 16) ------------------------------------------------


def test_a_bogus_recogniser_in_the_environment_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setenv("DATELINE_NER", "bogus")
    assert main([]) == 2
    err = capsys.readouterr().err
    _one_error_line(err)
    assert "DATELINE_NER" in err and "builtin" in err


def test_screenshots_into_an_existing_file_is_one_line(tmp_path: Path, capsys) -> None:
    target = tmp_path / "file"
    target.write_text("keep me")
    assert main(["screenshots", "-o", str(target)]) == 1
    _one_error_line(capsys.readouterr().err)
    assert target.read_text() == "keep me"


@pytest.mark.parametrize("typed, meant", [("bookmark", "bookmarks"), ("lst", "list"), ("entitys", "entities")])
def test_a_mistyped_command_is_suggested(typed: str, meant: str, capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([typed]) == 2
    err = capsys.readouterr().err
    _one_error_line(err)
    assert f"did you mean 'dateline {meant}'" in err


def test_bookmarks_add_from_a_missing_source_is_one_error(tmp_path: Path, capsys) -> None:
    assert main(["bookmarks", "--data-dir", str(tmp_path / "d"), "add", str(tmp_path / "nonexistent"), "123"]) == 1
    err = capsys.readouterr().err
    _one_error_line(err)
    assert "no such file or directory" in err


def test_export_into_a_directory_does_not_suggest_force(tmp_path: Path, capsys) -> None:
    assert main(["bookmarks", "--data-dir", str(tmp_path / "d"), "export", "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    _one_error_line(err)
    assert "is a directory" in err and "--force" not in err


def test_entities_on_a_terminal_says_it_reads_stdin() -> None:
    controller, terminal = pty.openpty()
    try:
        os.write(controller, b"Angela Merkel visited Paris.\n\x04")
        done = run_cli("entities", stdin=terminal)
    finally:
        os.close(controller)
        os.close(terminal)
    assert done.returncode == 0
    assert b"reading the text from standard input" in done.stderr


# -- hostile text and JSON (items 5, 8, 9, 10) -----------------------------------------------


def test_list_json_and_text_never_carry_c1_controls(tmp_path: Path, capsys) -> None:
    dump = write_dump(tmp_path / "c1.txt", [("Title \x9b31m with \x9d0;pwned\x9c C1", "Body \x9bK here.")])
    for args in (["list", str(dump), "--json"], ["list", str(dump)]):
        assert main(args) == 0
        out = capsys.readouterr().out
        assert not any(0x80 <= ord(c) <= 0x9F or c == "\x1b" for c in out), repr(out)


def test_entities_jsonl_escapes_c1_and_keeps_the_text_exact(capsys, monkeypatch) -> None:
    import io

    text = "Rain in Paris \x9b31m and \x9d0;x\x07 \ud800 more"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((json.dumps({"text": text}) + "\n").encode())))
    assert main(["entities", "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert not any(0x80 <= ord(c) <= 0x9F for c in out)
    assert json.loads(out)["text"] == text
    out.encode("utf-8")


@pytest.mark.parametrize(
    "line, reason", [("[" * 100_000, "nested too deeply"), ('{"text": 1' + "1" * 5000 + "}", "digits")]
)
def test_hostile_json_lines_are_one_error(line: str, reason: str, tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(line + "\n")
    assert main(["entities", "--format", "jsonl", str(source)]) == 2
    err = capsys.readouterr().err
    _one_error_line(err)
    assert reason in err
    assert main(["bookmarks", "--data-dir", str(tmp_path / "d"), "import", str(source)]) == 1
    err = capsys.readouterr().err
    _one_error_line(err)
    assert reason in err


def _export_document(saved_at: str, title: str = "T") -> dict:
    return {
        "format": "dateline-bookmarks",
        "version": 1,
        "bookmarks": [{"id": "x1", "title": title, "paragraphs": ["p"], "saved_at": saved_at}],
    }


@pytest.mark.parametrize("saved_at", ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+12:00"])
def test_times_at_the_ends_of_the_calendar_import_and_list(saved_at: str, tmp_path: Path, capsys) -> None:
    from reader.store.transfer import FORMAT_NAME

    document = _export_document(saved_at)
    document["format"] = FORMAT_NAME
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))
    data = str(tmp_path / "d")
    assert main(["bookmarks", "--data-dir", data, "import", str(source)]) == 0
    assert main(["bookmarks", "--data-dir", data, "list"]) == 0
    assert "x1" in capsys.readouterr().out


def test_a_lone_surrogate_in_an_import_is_stored_without_it(tmp_path: Path, capsys) -> None:
    from reader.store.transfer import FORMAT_NAME

    document = _export_document("2026-01-01T00:00:00+00:00", title="bad \\ud800 title")
    document["format"] = FORMAT_NAME
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document).replace("\\\\ud800", "\\ud800"))
    data = str(tmp_path / "d")
    assert main(["bookmarks", "--data-dir", data, "import", str(source)]) == 0
    assert main(["bookmarks", "--data-dir", data, "list"]) == 0
    assert "\tbad title\t" in capsys.readouterr().out  # then the tags and note columns


def test_non_utf8_file_names_and_arguments(tmp_path: Path) -> None:
    directory = os.fsencode(tmp_path)
    name = directory + b"/d\xff.txt"
    write_dump(Path(os.fsdecode(name)), [("Alpha story", "Body.")])
    [article] = load_sources([os.fsdecode(name)]).articles
    assert "\ufffd" in article.origin
    data = str(tmp_path / "data")
    bad = os.fsdecode(b"caf\xe9")
    done = run_cli("--data-dir", data, "bookmarks", "add", os.fsdecode(name), article.id, "--note", bad, "--tag", bad)
    assert done.returncode == 0, done.stderr
    done = run_cli("--data-dir", data, "bookmarks", "remove", bad)
    assert done.returncode == 1 and b"Traceback" not in done.stderr and b"no bookmark with id" in done.stderr
    done = run_cli("--data-dir", data, "bookmarks", "list", "--json")
    assert done.returncode == 0 and json.loads(done.stdout)[0]["note"] == "caf\ufffd"


def test_screenshots_never_write_through_a_planted_link(tmp_path: Path, capsys) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me")
    out = tmp_path / "shots"
    out.mkdir()
    (out / "main-80x24.svg").symlink_to(victim)
    assert main(["screenshots", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    _one_error_line(err)
    assert "symbolic link" in err and victim.read_text() == "keep me"


def test_the_app_draws_in_utf8_whatever_pythonioencoding_says(tmp_path: Path) -> None:
    """Started in a real pseudo-terminal at 80×24 with PYTHONIOENCODING=ascii: the borders
    arrive as UTF-8 box drawing, not "?" or "\\u2502"."""
    import fcntl
    import select
    import struct
    import subprocess
    import termios
    import time

    controller, terminal = pty.openpty()
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "TERM": "xterm-256color", "PYTHONPATH": str(Path.cwd())}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data")],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        env=env,
        start_new_session=True,
    )
    os.close(terminal)
    seen = b""
    try:
        deadline = time.monotonic() + 60  # a bound on waiting, not a timing assertion
        while b"Headlines" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 1)
            if ready:
                try:
                    seen += os.read(controller, 65536)
                except OSError:
                    break
        # ctrl+q, again until it is heard: a key that arrives while the app is still
        # starting (a loaded machine) may come before its bindings are in place.
        quit_by = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < quit_by:
            os.write(controller, b"\x11")
            try:
                process.wait(2)
            except subprocess.TimeoutExpired:
                pass
            while select.select([controller], [], [], 0)[0]:  # keep the pty drained
                try:
                    os.read(controller, 65536)
                except OSError:
                    break
        assert process.poll() is not None
    finally:
        if process.poll() is None:
            process.kill()
        os.close(controller)
    assert b"Headlines" in seen
    assert "╭".encode() in seen and b"\\u256d" not in seen
