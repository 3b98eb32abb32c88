"""Opening source files: special files are refused without blocking, a size cap holds,
UTF-16/32 with a byte-order mark decode, and every failure names its cause in one line."""

from __future__ import annotations

import codecs
import os
import threading
from pathlib import Path

import pytest
from support import run_cli, write_dump

from reader.sources import (
    MAX_SIZE_ENV,
    SourceError,
    load_sources,
    open_source_file,
    open_source_text,
    parse_size,
    read_text,
)


def _error(spec: Path | str) -> str:
    result = load_sources([spec])
    assert result.articles == []
    [error] = result.errors
    assert "\n" not in str(error)
    return str(error)


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    outcome: list[str] = []
    worker = threading.Thread(target=lambda: outcome.append(_error(fifo)), daemon=True)
    worker.start()
    worker.join(10)
    assert not worker.is_alive(), "opening a FIFO blocked"
    assert "not a regular file (a named pipe (FIFO))" in outcome[0]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    assert "not a regular file (a character device)" in _error(device)


def test_size_cap_is_configurable_and_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dump = write_dump(tmp_path / "big.txt", [(f"Story {i}", "Body. " * 100) for i in range(20)])
    monkeypatch.setenv(MAX_SIZE_ENV, "4k")
    message = _error(dump)
    assert "larger than the 4 KiB limit" in message and "--max-source-size" in message
    monkeypatch.setenv(MAX_SIZE_ENV, "1M")
    assert len(load_sources([dump]).articles) == 20


def test_default_cap_loads_a_large_dump_but_a_stream_stops_at_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 5000)
    with open_source_file(path, max_size=10_000) as stream:
        path.write_bytes(b"x" * 20_000)  # grows after the check: reading still stops at the cap
        with pytest.raises(SourceError, match="limit"):
            stream.read()


def test_cli_option_sets_the_cap(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "big.txt", [(f"Story {i}", "Body. " * 100) for i in range(20)])
    done = run_cli("list", "--max-source-size", "2k", str(dump))
    assert done.returncode == 1
    assert b"larger than the 2 KiB limit" in done.stderr and b"Traceback" not in done.stderr
    done = run_cli("list", "--max-source-size", "lots", str(dump))
    assert done.returncode == 2 and b"not a size" in done.stderr


@pytest.mark.parametrize("text, expected", [("256M", 256 << 20), ("1g", 1 << 30), ("500k", 500 << 10), ("123", 123)])
def test_parse_size(text: str, expected: int) -> None:
    assert parse_size(text) == expected


@pytest.mark.parametrize(
    "codec, bom",
    [
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
    ],
)
def test_utf16_and_utf32_with_a_bom_are_read(tmp_path: Path, codec: str, bom: bytes) -> None:
    text = "Café story\n\nCafé story\n\nA body with “quotes”.\n\nRead More\n"
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + text.encode(codec))
    assert read_text(path) == text
    [article] = load_sources([path]).articles
    assert article.title == "Café story"
    with open_source_text(path) as stream:
        assert stream.read() == text


def test_utf16_without_a_bom_says_what_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Title\n\nTitle\n".encode("utf-16-le"))
    assert "byte-order mark" in _error(path)


def test_symlink_loop_and_broken_link_are_named(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert "symbolic link loop" in _error(loop)
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    assert "broken symbolic link" in _error(broken)


def test_unreadable_directory_says_permission_denied(tmp_path: Path) -> None:
    directory = tmp_path / "locked"
    write_dump(directory / "a.txt" if directory.mkdir() is None else directory, [("Alpha", "Body.")])
    directory.chmod(0)
    try:
        done = run_cli("list", str(directory), unprivileged=True)
    finally:
        directory.chmod(0o755)
    assert done.returncode == 1
    assert b"permission denied" in done.stderr and b"holds no article files" not in done.stderr
