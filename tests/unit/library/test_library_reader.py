"""Reading a dump file for the library, here or in a helper process: the same articles either way."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from conftest import dump as write_stories

from reader.library import Library, dump_reader
from reader.sources import SourceError, dump


@pytest.fixture
def in_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file is parsed in a helper process."""
    monkeypatch.setattr(dump_reader, "PARALLEL_BYTES", 0)


def articles(path: Path) -> list:
    return [article for article, _ in dump_reader.read_dump(path)]


def test_helper_gives_the_same_articles(in_helper: None, seed_file: Path, hostile_dump: Path) -> None:
    for path in (seed_file, hostile_dump):
        expected = dump.parse(path.read_text(encoding="utf-8-sig"), origin=str(path))
        assert articles(path) == expected


def test_offsets_grow_to_the_file_size(in_helper: None, tmp_path: Path) -> None:
    path = write_stories(tmp_path / "many.txt", range(600))
    offsets = [offset for _, offset in dump_reader.read_dump(path)]
    assert len(offsets) == 600 and offsets == sorted(offsets) and offsets[-1] == path.stat().st_size


@pytest.mark.parametrize("helper", [False, True], ids=["here", "helper"])
def test_errors_are_one_line(helper: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if helper:
        monkeypatch.setattr(dump_reader, "PARALLEL_BYTES", 0)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"Title\x00\x01")
    with pytest.raises(SourceError, match=r"^binary file, not text$"):
        articles(binary)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n\n")
    with pytest.raises(SourceError, match=r"^empty file$"):
        articles(empty)
    broken = write_stories(tmp_path / "broken.txt", range(300))
    broken.write_bytes(broken.read_bytes() + b"\nMore \xff\xfe\n\nRead More\n")
    seen: list[str] = []
    with pytest.raises(SourceError, match=r"^not UTF-8 text"):
        for article, _ in dump_reader.read_dump(broken):
            seen.append(article.id)
    assert len(seen) >= 256  # what came before the bad byte was read
    with pytest.raises(SourceError, match="no such file"):
        articles(tmp_path / "missing.txt")


def test_a_consumer_that_stops_early_stops_the_helper(in_helper: None, tmp_path: Path) -> None:
    path = write_stories(tmp_path / "many.txt", range(5000))
    stream = dump_reader.read_dump(path)
    next(stream)
    stream.close()
    assert [p for p in multiprocessing.active_children() if p.name == "dateline-parse"] == []


def test_library_refresh_through_the_helper(in_helper: None, library: Library, tmp_path: Path) -> None:
    path = write_stories(tmp_path / "news.txt", range(700))
    library.add_source(str(path))
    report = library.refresh()
    assert (report.added, report.errors) == (700, [])
    headlines = library.results("").window(0, 700)
    assert [h.title.split()[-1] for h in headlines] == [str(n) for n in range(700)]  # the file's order


def test_a_fifo_is_refused_not_waited_on(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        articles(fifo)
