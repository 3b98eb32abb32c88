"""Sources, ingest, dedup and refresh: unchanged files cost a stat, changed files are re-read,
vanished articles and removed sources take their articles (bookmarked ones stay)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import dump

from reader.library import Library, LibraryError, RefreshProgress
from reader.sources import load_sources


def titles(library: Library, query: str = "") -> list[str]:
    results = library.results(query)
    return [h.title for h in results.window(0, len(results))]


def test_first_open_adds_the_seeds_and_refresh_reads_them(library_path: Path, seed_file: Path) -> None:
    with Library.open(library_path) as library:
        [seeds] = library.sources()
        assert seeds.name == "seeds" and seeds.kind == "dump" and seeds.refreshed_at is None
        report = library.refresh()
        assert (report.added, report.sources, report.errors) == (10, 1, [])
        expected = [a.title for a in load_sources([seed_file]).articles]
        assert titles(library) == expected  # dump articles: the file's order
        assert library.sources()[0].unread == 10


def test_seeds_are_added_once_not_again_after_removal(library_path: Path) -> None:
    with Library.open(library_path) as library:
        library.remove_source("seeds")
    with Library.open(library_path) as library:
        assert library.sources() == []


def test_add_detects_a_dump_and_adding_twice_is_a_no_op(library: Library, tmp_path: Path) -> None:
    path = dump(tmp_path / "news.txt", range(3))
    first = library.add_source(str(path))
    assert (first.name, first.kind, first.location) == ("news", "dump", str(path.resolve()))
    again = library.add_source(str(tmp_path / "." / "news.txt"))
    assert again.id == first.id and len(library.sources()) == 1


def test_add_errors_are_one_line(library: Library, tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="no such file"):
        library.add_source(str(tmp_path / "missing.txt"))
    binary = tmp_path / "b.bin"
    binary.write_bytes(b"\x00\x01")
    with pytest.raises(LibraryError, match="not a kind of source"):
        library.add_source(str(binary))
    with pytest.raises(LibraryError, match="unknown kind"):
        library.add_source(str(binary), kind="carrier-pigeon")


def test_names_are_unique_and_renaming_checks(library: Library, tmp_path: Path) -> None:
    a = library.add_source(str(dump(tmp_path / "a" / "news.txt", range(1))))
    b = library.add_source(str(dump(tmp_path / "b" / "news.txt", range(1, 2))))
    assert (a.name, b.name) == ("news", "news 2")
    with pytest.raises(LibraryError, match="already a source named"):
        library.rename_source("news 2", "NEWS")
    renamed = library.rename_source(str(tmp_path / "b" / "news.txt"), "Wire")
    assert renamed.name == "Wire" and renamed.id == b.id
    with pytest.raises(LibraryError, match="no source named"):
        library.rename_source("nope", "x")


def test_unchanged_refresh_is_a_stat(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = dump(tmp_path / "news.txt", range(5))
    library.add_source(str(path))
    library.refresh()
    opened: list[str] = []
    real_open = open

    def spy(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", spy)
    report = library.refresh()
    assert (report.unchanged, report.added, report.removed) == (1, 0, 0)
    assert str(path.resolve()) not in opened


def test_changed_file_is_reread_new_first_gone_removed(library: Library, tmp_path: Path) -> None:
    path = dump(tmp_path / "news.txt", range(5))
    library.add_source(str(path))
    library.refresh()
    first = library.results("").window(0, 1)[0].id
    library.mark_read([first])
    dump(path, [0, 1, 2, 7, 8])  # 3 and 4 gone, 7 and 8 new
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    report = library.refresh()
    assert (report.added, report.removed, report.unchanged) == (2, 2, 0)
    assert {t.split()[-1] for t in titles(library)} == {"0", "1", "2", "7", "8"}
    assert library.is_read(first) is True  # read state survives a re-read


def test_removal_keeps_bookmarked_articles(library: Library, tmp_path: Path) -> None:
    path = dump(tmp_path / "news.txt", range(4))
    library.add_source(str(path))
    library.refresh()
    headlines = library.results("").window(0, 4)
    keep = headlines[2].id
    library.set_bookmarked([keep])
    dump(path, [0])
    os.utime(path, ns=(0, path.stat().st_mtime_ns + 5_000_000_000))
    library.refresh()
    assert sorted(titles(library)) == sorted([headlines[0].title, headlines[2].title])
    removed = library.remove_source("news")
    assert removed.total == 2
    assert [h.id for h in library.results("").window(0, 10)] == [keep]
    assert library.results("").window(0, 1)[0].source_name == ""
    assert library.article(keep) is not None
    library.set_bookmarked([])  # no longer bookmarked and no source: gone
    assert library.count() == 0


def test_dedup_across_sources_and_within_a_file(library: Library, tmp_path: Path) -> None:
    dump(tmp_path / "a.txt", [1, 2, 2, 3])
    dump(tmp_path / "b.txt", [3, 4])
    library.add_source(str(tmp_path / "a.txt"))
    library.add_source(str(tmp_path / "b.txt"))
    report = library.refresh()
    assert report.added == 4 and library.count() == 4
    counts = {s.name: s.total for s in library.sources()}
    assert counts == {"a": 3, "b": 1}


def test_directory_source_per_file(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "dumps"
    dump(folder / "one.txt", range(2))
    dump(folder / "two.txt", range(10, 12))
    (folder / "notes.md").write_text("ignored")
    info = library.add_source(str(folder))
    assert info.name == "dumps"
    library.refresh()
    assert library.count() == 4
    (folder / "two.txt").unlink()
    dump(folder / "three.txt", [20])
    report = library.refresh()
    assert (report.added, report.removed) == (1, 2)
    assert sorted(t.split()[-1] for t in titles(library)) == ["0", "1", "20"]


def test_bad_files_are_reported_and_keep_their_articles(library: Library, tmp_path: Path) -> None:
    path = dump(tmp_path / "news.txt", range(3))
    library.add_source(str(path))
    library.refresh()
    path.write_bytes(b"\x00binary now")
    report = library.refresh()
    assert report.errors == [("news", "binary file, not text (UTF-16 or UTF-32 text needs a byte-order mark)")]
    assert (
        library.count() == 3
        and library.sources()[0].error == "binary file, not text (UTF-16 or UTF-32 text needs a byte-order mark)"
    )
    path.unlink()
    assert library.refresh().errors == [("news", "no such file or directory")]
    dump(path, range(3))
    assert library.refresh().errors == [] and library.sources()[0].error == ""


def test_not_utf8_midway_stores_nothing_removed(library: Library, tmp_path: Path) -> None:
    path = dump(tmp_path / "news.txt", range(3))
    library.add_source(str(path))
    library.refresh()
    path.write_bytes(path.read_bytes() + b"\n\xff\xfe broken\n\nRead More\n")
    report = library.refresh()
    assert "not UTF-8" in report.errors[0][1]
    assert library.count() == 3


def test_progress_reports_each_source(library: Library, tmp_path: Path) -> None:
    library.add_source(str(dump(tmp_path / "a.txt", range(3))))
    library.add_source(str(dump(tmp_path / "b.txt", range(3, 5))))
    seen: list[RefreshProgress] = []
    library.refresh(progress=seen.append)
    finished = [p for p in seen if p.fraction == 1.0]
    assert [(p.done, p.total, p.source) for p in finished] == [(1, 2, "a"), (2, 2, "b")]
    assert finished[-1].added == 5


def test_refresh_named_and_only_new(library: Library, tmp_path: Path) -> None:
    library.add_source(str(dump(tmp_path / "a.txt", range(3))))
    library.refresh()
    library.add_source(str(dump(tmp_path / "b.txt", range(3, 5))))
    assert library.refresh(only_new=True).sources == 1
    assert library.refresh(["a"]).sources == 1
    with pytest.raises(LibraryError, match="no source named zzz"):
        library.refresh(["zzz"])


def test_an_article_in_two_sources_passes_to_the_other_when_its_owner_goes(library: Library, tmp_path: Path) -> None:
    a = dump(tmp_path / "a.txt", [1, 2])
    b = dump(tmp_path / "dir" / "b.txt", [2, 3])
    library.add_source(str(a))
    library.add_source(str(tmp_path / "dir"))
    library.refresh()
    assert {s.name: s.total for s in library.sources()} == {"a": 2, "dir": 1}
    library.remove_source("a")
    assert {s.name: s.total for s in library.sources()} == {"dir": 2}  # story 2 now belongs to dir
    assert sorted(t.split()[-1] for t in titles(library)) == ["2", "3"]
    (tmp_path / "dir" / "b.txt").unlink()  # and goes with dir's file
    dump(tmp_path / "dir" / "c.txt", [4])
    library.refresh()
    assert sorted(t.split()[-1] for t in titles(library)) == ["4"]
    del b


def test_a_changed_owner_hands_over_what_it_no_longer_has(library: Library, tmp_path: Path) -> None:
    a = dump(tmp_path / "a.txt", [1, 2])
    dump(tmp_path / "b.txt", [2])
    library.add_source(str(a))
    library.add_source(str(tmp_path / "b.txt"))
    library.refresh()
    dump(a, [1])
    os.utime(a, ns=(0, a.stat().st_mtime_ns + 3_000_000_000))
    report = library.refresh()
    assert report.removed == 0
    assert {s.name: s.total for s in library.sources()} == {"a": 1, "b": 1}
    dump(tmp_path / "b.txt", [5])  # b no longer has it either: gone
    os.utime(tmp_path / "b.txt", ns=(0, a.stat().st_mtime_ns + 6_000_000_000))
    assert library.refresh().removed == 1
    assert sorted(t.split()[-1] for t in titles(library)) == ["1", "5"]


def test_a_kind_that_raises_fails_its_sources_in_one_line(library: Library, tmp_path: Path) -> None:
    from reader.library import refresh

    class Broken:
        name = "broken"

        def detect(self, location: str) -> int:
            return 100 if location.startswith("broken:") else 0

        def locate(self, location: str) -> str:
            return location

        def default_name(self, location: str) -> str:
            return location.split(":", 1)[1]

        def refresh(self, jobs, sink) -> None:  # type: ignore[no-untyped-def]
            sink.unchanged(jobs[0])
            raise ValueError("bad\nfeed \x1b[31m")

    refresh.register(Broken())
    try:
        library.add_source("broken:one")
        library.add_source("broken:two")
        library.add_source(str(dump(tmp_path / "ok.txt", range(2))))
        report = library.refresh()
    finally:
        del refresh._KINDS["broken"]
    assert report.unchanged == 1 and report.added == 2
    assert report.errors == [("two", "the broken reader failed: ValueError: bad feed")]  # the escape cut out whole
    assert {s.name: s.error for s in library.sources()}["two"].startswith("the broken reader failed")
    assert library.refresh(["one"]).errors == [("one", "this Dateline cannot read sources of kind 'broken'")]


def test_a_bookmarked_shared_article_passes_to_the_other_source_not_to_nowhere(
    library: Library, tmp_path: Path
) -> None:
    library.add_source(str(dump(tmp_path / "a.txt", [1, 2])))
    library.add_source(str(dump(tmp_path / "b.txt", [2])))
    library.refresh()
    shared = next(h.id for h in library.results("").window(0, 5) if h.title.endswith(" 2"))
    library.set_bookmarked([shared])
    library.remove_source("a")
    [headline] = library.results("").window(0, 5)
    assert headline.id == shared and headline.source_name == "b"
