"""Where articles come from. Every source turns something into ``Article`` objects.

Today: the plain-text dump format (:mod:`reader.sources.dump`), chosen in
:func:`load_file`. Feeds (RSS, Atom, JSON Feed, OPML) will be further formats chosen
there; nothing above this package needs to know which one produced an article.

Core module: no textual or rich imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.model import Article
from reader.paths import seeds_dir
from reader.sanitize import clean_line
from reader.sources import dump


class SourceError(Exception):
    """A source could not be read; the message is one line meant for the user."""


@dataclass(frozen=True, slots=True)
class LoadError:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{clean_line(self.origin)}: {clean_line(self.message)}"


@dataclass(slots=True)
class LoadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[LoadError] = field(default_factory=list)


# File suffixes read when a directory is given (explicit files are read whatever their name).
DIRECTORY_SUFFIXES = (".txt",)


def default_sources() -> list[Path]:
    """The bundled sample corpus."""
    return [seeds_dir()]


def _files(spec: Path) -> Iterable[Path]:
    if spec.is_dir():
        yield from sorted(
            p
            for p in spec.rglob("*")
            if p.is_file() and p.suffix.lower() in DIRECTORY_SUFFIXES and not p.name.startswith(".")
        )
    else:
        yield spec


def read_text(path: Path) -> str:
    """Decode a source file: UTF-8 with or without BOM; binary or empty files are refused."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SourceError("no such file or directory") from None
    except IsADirectoryError:
        raise SourceError("is a directory") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as error:
        raise SourceError(error.strerror or str(error)) from None
    if b"\x00" in data[:65536]:
        raise SourceError("binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SourceError(f"not UTF-8 text (bad byte at offset {error.start})") from None
    if not text.strip():
        raise SourceError("empty file")
    return text


def load_file(path: Path) -> list[Article]:
    """Read one file; raise :class:`SourceError` with a one-line reason if it cannot be."""
    articles = dump.parse(read_text(path), origin=str(path))
    if not articles:
        raise SourceError("no articles found")
    return articles


def load_sources(specs: Sequence[str | Path] = ()) -> LoadResult:
    """Read every file and directory in ``specs`` (the bundled seeds when empty).

    A source that cannot be read adds a :class:`LoadError` and the others still load.
    Articles with the same id (the same story read twice) appear once.
    """
    result = LoadResult()
    seen: set[str] = set()
    paths = [Path(s).expanduser() for s in specs] if specs else default_sources()
    for spec in paths:
        if not spec.exists():
            result.errors.append(LoadError(str(spec), "no such file or directory"))
            continue
        files = list(_files(spec))
        if spec.is_dir() and not files:
            result.errors.append(LoadError(str(spec), "directory holds no article files (*.txt)"))
        for file in files:
            try:
                articles = load_file(file)
            except SourceError as error:
                result.errors.append(LoadError(str(file), str(error)))
                continue
            for article in articles:
                if article.id not in seen:
                    seen.add(article.id)
                    result.articles.append(article)
    return result
