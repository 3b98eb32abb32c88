"""Recognise the entities of every article in the library, in the background.

:func:`index_backlog` works through :meth:`Library.entity_backlog` in batches: recognise each
body, store the batch in one transaction, report ``(done, total)``, and stop as soon as
``should_stop()`` says so (checked between articles). Call it from an app worker thread
with a path, so it opens its own connection, or from the CLI with an open library.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.library.library import Library
from reader.model import Entity


def index_backlog(
    library_or_path: Library | Path | str | None = None,
    *,
    recogniser: str = "builtin",
    batch: int = 32,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    recognise: Callable[[str], list[Entity]] | None = None,
) -> int:
    """Recognise what is not recognised yet; returns how many article contents were done.

    ``recognise`` defaults to ``reader.entities.get_recogniser(recogniser).recognise`` (which
    may raise ``RecogniserUnavailable`` for spaCy without its model).
    """
    if isinstance(library_or_path, Library):
        return _run(library_or_path, batch, progress, should_stop, recognise)
    with Library.open(library_or_path, default_sources=False, recogniser=recogniser) as library:
        return _run(library, batch, progress, should_stop, recognise)


def _run(
    library: Library,
    batch: int,
    progress: Callable[[int, int], None] | None,
    should_stop: Callable[[], bool] | None,
    recognise: Callable[[str], list[Entity]] | None,
) -> int:
    if recognise is None:
        from reader.entities import get_recogniser

        recognise = get_recogniser(library.recogniser).recognise
    stop = should_stop or (lambda: False)
    done, total = library.entity_progress()
    if progress is not None:
        progress(done, total)
    count = 0
    failed: set[str] = set()
    while not stop():
        backlog = [item for item in library.entity_backlog(batch + len(failed)) if item[0] not in failed][:batch]
        if not backlog:
            break
        results: list[tuple[str, list[Entity]]] = []
        for content_hash, body in backlog:
            if stop():
                break
            try:
                results.append((content_hash, recognise(body)))
            except Exception:  # one text the recogniser cannot handle must not stop the rest
                failed.add(content_hash)
        library.store_many_entities(results)
        count += len(results)
        done += len(results)
        if progress is not None:
            progress(done, total)
    return count
