"""Where articles come from. Every source turns something into ``Article`` objects.

Today: the plain-text dump format (:mod:`reader.sources.dump`), chosen in
:func:`load_file`. Feeds (RSS, Atom, JSON Feed, OPML) will be further formats chosen
there; nothing above this package needs to know which one produced an article.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

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


MAX_SIZE_ENV = "DATELINE_MAX_SOURCE_SIZE"
DEFAULT_MAX_SIZE = 256 * 1024 * 1024
"""Bytes one source file may hold (a 127 MB dump loads; /dev/zero does not eat the memory)."""

_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str) -> int:
    """``"256M"``, ``"1g"``, ``"500k"`` or a number of bytes; ``ValueError`` with a reason otherwise."""
    value = text.strip().lower().removesuffix("ib").removesuffix("b")
    unit = value[-1:] if value[-1:] in _UNITS else ""
    number = value[: len(value) - len(unit)].strip()
    try:
        size = int(float(number) * _UNITS[unit])
    except ValueError:
        raise ValueError(f"not a size: {text!r} (e.g. 256M, 1G, 500k or a number of bytes)") from None
    if size <= 0:
        raise ValueError(f"not a size: {text!r} (must be more than 0)")
    return size


def format_size(size: int) -> str:
    for unit, factor in (("GiB", 1024**3), ("MiB", 1024**2), ("KiB", 1024)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} bytes"


def max_source_size() -> int:
    """The per-file cap: ``$DATELINE_MAX_SOURCE_SIZE`` (set by ``--max-source-size``), else 256 MiB."""
    configured = os.environ.get(MAX_SIZE_ENV, "").strip()
    if not configured:
        return DEFAULT_MAX_SIZE
    try:
        return parse_size(configured)
    except ValueError as error:
        raise SourceError(f"${MAX_SIZE_ENV}: {error}") from None


def _too_large(limit: int) -> SourceError:
    return SourceError(
        f"larger than the {format_size(limit)} limit for one source file "
        f"(raise it with --max-source-size or ${MAX_SIZE_ENV})"
    )


class _CappedFile(io.FileIO):
    """A file that refuses to yield more than ``limit`` bytes (it may grow while read)."""

    def __init__(self, fd: int, limit: int) -> None:
        super().__init__(fd, "rb", closefd=True)
        self._left = limit
        self._limit = limit

    def _count(self, size: int) -> None:
        self._left -= size
        if self._left < 0:
            raise _too_large(self._limit)

    def readinto(self, buffer: Any) -> int | None:
        size = super().readinto(buffer)
        self._count(size or 0)
        return size

    def read(self, size: int | None = -1) -> bytes | None:  # type: ignore[override]
        if size is None or size < 0:
            return self.readall()
        data = super().read(size)
        self._count(len(data or b""))
        return data

    def readall(self) -> bytes:
        chunks = []
        while chunk := self.read(1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)


_OPEN_ERRORS = {
    errno.ENOENT: "no such file or directory",
    errno.ELOOP: "a symbolic link loop (too many levels of symbolic links)",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EISDIR: "is a directory",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ENAMETOOLONG: "file name too long",
    errno.ENXIO: "not a regular file (a socket or a device with nothing behind it)",
}


def describe_os_error(error: OSError, path: str | os.PathLike[str] | None = None) -> str:
    """A one-line reason for ``error``; a dangling symbolic link is named as such."""
    if error.errno == errno.ENOENT and path is not None and os.path.islink(path):
        return "a broken symbolic link (its target does not exist)"
    return _OPEN_ERRORS.get(error.errno or 0) or error.strerror or str(error)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def open_source_file(path: str | os.PathLike[str], max_size: int | None = None) -> io.BufferedReader:
    """Open one source file for reading, refusing what could hang or flood the reader.

    Only a regular file is read: a FIFO, a device (``/dev/zero``, ``/dev/urandom``, a
    terminal) or a socket is refused without blocking (the file is opened with
    ``O_NONBLOCK`` and judged by ``fstat`` of what was opened, so there is no race between
    checking and opening). A file larger than ``max_size`` bytes (default:
    :func:`max_source_size`) is refused, and the returned stream raises
    :class:`SourceError` if the file grows past it while being read.

    Every failure is a :class:`SourceError` with a one-line reason. Use it as a context
    manager; for decoded text see :func:`open_source_text`.
    """
    limit = max_source_size() if max_size is None else max_size
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise SourceError(describe_os_error(error, path)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError("is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(f"not a regular file ({_kind(info.st_mode)})")
        if info.st_size > limit:
            raise _too_large(limit)
        os.set_blocking(fd, True)
        return io.BufferedReader(_CappedFile(fd, limit))  # type: ignore[arg-type]
    except BaseException:
        os.close(fd)
        raise


_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


def sniff_encoding(head: bytes) -> tuple[str, int]:
    """``(codec, BOM length)`` for the first bytes of a file: UTF-8/16/32 by their byte-order
    mark, else UTF-8. Text with NUL bytes and no mark is refused as binary."""
    for bom, codec, _ in _BOMS:
        if head.startswith(bom):
            return codec, len(bom)
    if b"\x00" in head:
        raise SourceError("binary file, not text (UTF-16 or UTF-32 text needs a byte-order mark)")
    return "utf-8", 0


def open_source_text(path: str | os.PathLike[str], max_size: int | None = None) -> TextIO:
    """:func:`open_source_file`, decoded: UTF-8 (BOM or not), UTF-16 or UTF-32 with a BOM.

    Lines end in ``\n`` whatever the file used. Reading bad bytes raises
    ``UnicodeDecodeError``; stream it line by line (``for line in stream``).
    """
    binary = open_source_file(path, max_size)
    try:
        head = binary.peek(65536)[:65536]
        codec, skip = sniff_encoding(head)
        binary.read(skip)
        return io.TextIOWrapper(binary, encoding=codec, newline=None)
    except BaseException:
        binary.close()
        raise


def _article_files(spec: Path, errors: list[LoadError]) -> Iterable[Path]:
    """The article files under directory ``spec`` (symbolic links to directories not followed);
    a directory that cannot be read adds a :class:`LoadError`."""

    def failed(error: OSError) -> None:
        errors.append(LoadError(display_path(error.filename or spec), describe_os_error(error)))

    for root, dirs, names in os.walk(spec, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            path = Path(root, name)
            if path.suffix.lower() in DIRECTORY_SUFFIXES and not name.startswith(".") and path.is_file():
                yield path


def read_text(path: Path) -> str:
    """Decode a source file: UTF-8 with or without BOM, UTF-16/32 with a BOM; binary or empty
    files, special files and files over the size cap are refused."""
    limit = max_source_size()
    with open_source_file(path, limit) as stream:
        data = stream.read(limit + 1)
    codec, skip = sniff_encoding(data[:65536])
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as error:
        name = codec.upper().replace("-LE", "").replace("-BE", "")
        raise SourceError(f"not {name} text (bad byte at offset {error.start + skip})") from None
    if not text.strip():
        raise SourceError("empty file")
    return text


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as lone surrogates, which
    can be neither printed nor stored) shown as U+FFFD."""
    return os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def load_file(path: Path) -> list[Article]:
    """Read one file; raise :class:`SourceError` with a one-line reason if it cannot be."""
    articles = dump.parse(read_text(path), origin=display_path(path))
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
        try:
            is_dir = stat.S_ISDIR(os.stat(spec).st_mode)
        except OSError as error:
            result.errors.append(LoadError(display_path(spec), describe_os_error(error, spec)))
            continue
        if is_dir:
            walk_errors: list[LoadError] = []
            files = list(_article_files(spec, walk_errors))
            result.errors.extend(walk_errors)
            if not files and not walk_errors:
                result.errors.append(LoadError(display_path(spec), "directory holds no article files (*.txt)"))
        else:
            files = [spec]
        for file in files:
            try:
                articles = load_file(file)
            except SourceError as error:
                result.errors.append(LoadError(display_path(file), str(error)))
                continue
            for article in articles:
                if article.id not in seen:
                    seen.add(article.id)
                    result.articles.append(article)
    return result
