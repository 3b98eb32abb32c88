"""Fixtures for the library tests: a library in a temporary data directory, and dumps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import write_dump

from reader.library import Library


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    """Where a test's library file goes (its directory does not exist yet)."""
    return tmp_path / "data" / "library.sqlite3"


@pytest.fixture
def library(library_path: Path) -> Iterator[Library]:
    """An empty library (no default sources)."""
    with Library.open(library_path, default_sources=False) as lib:
        yield lib


def story(number: int, words: str = "") -> tuple[str, str]:
    """A ``(title, body)`` pair for :func:`support.write_dump`: distinct, searchable."""
    return (f"Story number {number} – The Test Times", f"Body of story {number} about {words or 'nothing'}.")


def dump(path: Path, numbers: range | list[int], words: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_dump(path, [story(n, words) for n in numbers])
