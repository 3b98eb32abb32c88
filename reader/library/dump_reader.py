"""Reading one dump file as a stream of articles, optionally parsed in a helper process.

:func:`read_dump` yields ``(article, bytes read so far)``. A file of at least
:data:`PARALLEL_BYTES` is parsed in a helper process (``spawn``: nothing of this process is
inherited) that hands batches of articles back through a bounded queue, so parsing and the
library's SQLite writes run on two cores at once; memory stays bounded by the queue. Where a
helper process cannot be started, the file is parsed here, the same way.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import io
import multiprocessing
import queue as queue_module
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.model import Article
from reader.sources import SourceError, dump

SNIFF = 65536
PARALLEL_BYTES = 4 << 20
"""Files at least this large are parsed in a helper process."""
_BATCH = 256
_QUEUE_BATCHES = 8


def read_dump(path: Path) -> Iterator[tuple[Article, int]]:
    """The articles of ``path`` with the bytes read so far; :class:`SourceError` when it is not dump text."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise SourceError("no such file or directory") from None
    except OSError as error:
        raise SourceError(error.strerror or str(error)) from None
    if size >= PARALLEL_BYTES:
        helper = _start_helper(path)
        if helper is not None:
            yield from _from_helper(*helper)
            return
    yield from _parse(path)


def _parse(path: Path) -> Iterator[tuple[Article, int]]:
    if path.exists() and not path.is_file():
        raise SourceError("not a regular file")  # a FIFO or a device would block or never end
    try:
        raw = open(path, "rb", buffering=SNIFF)  # noqa: SIM115 - closed below, also when the consumer stops early
    except FileNotFoundError:
        raise SourceError("no such file or directory") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except OSError as error:
        raise SourceError(error.strerror or str(error)) from None
    with raw:
        head = raw.peek(SNIFF)[:SNIFF]
        if b"\x00" in head:
            raise SourceError("binary file, not text")
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="strict", newline=None)
        count = 0
        try:
            for article in dump.iter_articles(text, origin=str(path)):
                count += 1
                yield article, raw.tell()
        except UnicodeDecodeError:
            raise SourceError(f"not UTF-8 text (a bad byte after article {count})") from None
        except OSError as error:
            raise SourceError(error.strerror or str(error)) from None
        if count == 0:
            raise SourceError("empty file" if not head.strip() else "no articles found")


def _helper_main(path: str, out: Any) -> None:
    """In the helper process: parse ``path`` and send ``("articles", [tuples], offset)`` batches,
    then ``("end",)``, or ``("error", message)``."""
    batch: list[tuple] = []
    offset = 0
    try:
        for article, offset in _parse(Path(path)):
            batch.append(_to_tuple(article))
            if len(batch) >= _BATCH:
                out.put(("articles", batch, offset))
                batch = []
        out.put(("articles", batch, offset))
        out.put(("end",))
    except SourceError as error:
        out.put(("articles", batch, offset))
        out.put(("error", str(error)))
    except Exception as error:  # reported to the parent as one line, never a traceback
        out.put(("error", f"could not be parsed ({type(error).__name__})"))


def _to_tuple(article: Article) -> tuple:
    return (
        article.id,
        article.title,
        article.paragraphs,
        article.source,
        article.section,
        article.byline,
        article.url,
        article.published,
        article.origin,
    )


def _start_helper(path: Path) -> tuple[Any, Any] | None:
    try:
        context = multiprocessing.get_context("spawn")
        out = context.Queue(maxsize=_QUEUE_BATCHES)
        process = context.Process(target=_helper_main, args=(str(path), out), daemon=True, name="dateline-parse")
        process.start()
    except (OSError, AssertionError, ValueError, RuntimeError):
        return None  # no helper here (a daemon process, a sandbox): parse in this process
    return process, out


def _from_helper(process: Any, out: Any) -> Iterator[tuple[Article, int]]:
    try:
        while True:
            try:
                message = out.get(timeout=0.5)
            except queue_module.Empty:
                if process.is_alive():
                    continue
                try:
                    message = out.get(timeout=0.5)  # what it sent just before it ended
                except queue_module.Empty:
                    raise SourceError("the parser stopped unexpectedly") from None
            if message[0] == "articles":
                offset = message[2]
                for values in message[1]:
                    yield Article(*values), offset
            elif message[0] == "end":
                return
            else:
                raise SourceError(message[1])
    finally:
        if process.is_alive():
            process.terminate()
        process.join(5)
        out.close()
        out.join_thread()
