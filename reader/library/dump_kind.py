"""The ``dump`` kind: a file in the dump format, or a directory of them (``*.txt``).

A refresh stats every file (size, mtime_ns, inode) and compares with what it saw last time:
an unchanged source costs those stats. A changed or new file is streamed
(:func:`reader.sources.dump.iter_articles`, line by line) into the library and replaces what
that file gave before; a file gone from a directory takes its articles with it (bookmarked
ones kept). A source that is missing altogether is an error and keeps its articles.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from reader.library.dump_reader import SNIFF, read_dump
from reader.library.refresh import Job, Sink
from reader.model import Article
from reader.sources import DIRECTORY_SUFFIXES, SourceError

_FILE_SEQ = 10_000_000
"""Articles of the n-th file of a directory are ordered from ``n * _FILE_SEQ``."""


class DumpKind:
    name = "dump"

    def detect(self, location: str) -> int:
        path = Path(location).expanduser()
        if path.is_dir():
            return 1 if _files(path) else 0
        if not path.is_file():
            return 0
        with open(path, "rb") as file:
            head = file.read(SNIFF)
        if b"\x00" in head:
            return 0
        try:
            text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
        except UnicodeDecodeError:
            return 0
        return 3 if any(line.strip() == "Read More" for line in text.splitlines()) else 1

    def locate(self, location: str) -> str:
        path = Path(location).expanduser()
        if not path.exists():
            raise ValueError(f"{location}: no such file or directory")
        return str(path.resolve())

    def default_name(self, location: str) -> str:
        path = Path(location)
        return path.stem if path.is_file() else path.name or str(path)

    def refresh(self, jobs: Sequence[Job], sink: Sink) -> None:
        for job in jobs:
            try:
                self._refresh(job, sink)
            except SourceError as error:
                sink.failed(job, str(error))
            except OSError as error:
                sink.failed(job, error.strerror or str(error))

    def _refresh(self, job: Job, sink: Sink) -> None:
        root = Path(job.location)
        if not root.exists():
            raise SourceError("no such file or directory")
        files = _files(root)
        if root.is_dir() and not files:
            raise SourceError("directory holds no article files (*.txt)")
        old: dict[str, list[int]] = dict(job.state.get("files", {}))
        new: dict[str, list[int]] = {}
        for file in files:
            stat = os.stat(file)
            new[str(file)] = [stat.st_size, stat.st_mtime_ns, stat.st_ino]
        if new == old:
            sink.unchanged(job)
            return
        errors: list[str] = []
        saved: dict[str, list[int]] = {}
        changed = [name for name in new if new[name] != old.get(name)]
        sizes = sum(new[name][0] for name in changed) or 1
        done_bytes = 0
        for index, name in enumerate(new):
            if name not in changed:
                saved[name] = new[name]
                continue
            try:
                sink.store(
                    job,
                    _stream(Path(name), sink, job, done_bytes, sizes),
                    replace=True,
                    origin=name,
                    first_seq=index * _FILE_SEQ,
                )
                saved[name] = new[name]
            except SourceError as error:
                errors.append(f"{_short(name, root)}: {error}" if root.is_dir() else str(error))
                if name in old:
                    saved[name] = old[name]  # differs from the file: read again next time
            done_bytes += new[name][0]
        for name in old:
            if name not in new:
                sink.drop_origin(job, name)
        if errors and len(errors) == len(new):  # not one file could be read
            sink.failed(job, "; ".join(errors))
            return
        sink.done(job, {"files": saved}, error="; ".join(errors))


def _short(name: str, root: Path) -> str:
    try:
        return str(Path(name).relative_to(root))
    except ValueError:
        return name


def _files(root: Path) -> list[Path]:
    if not root.is_dir():
        return [root]
    return sorted(
        p
        for p in root.rglob("*")
        if p.is_file() and p.suffix.lower() in DIRECTORY_SUFFIXES and not p.name.startswith(".")
    )


def _stream(path: Path, sink: Sink, job: Job, before: int, total: int) -> Iterator[Article]:
    """The articles of ``path``, reporting progress; :class:`SourceError` when it is not dump text."""
    for count, (article, offset) in enumerate(read_dump(path), 1):
        if count % 256 == 0:
            sink.progress(job, min(1.0, (before + offset) / total))
        yield article
