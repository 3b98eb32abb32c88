"""The entity index in the library: backlog, store, progress, and the background indexer."""

from __future__ import annotations

import threading
from pathlib import Path

from support import gazetteer_recogniser, write_dump

from reader.library import Library
from reader.library.indexer import index_backlog
from reader.model import Entity

NAMES = {"Huawei": "ORG", "Google": "ORG", "Beijing": "GPE"}


def _fill(library: Library, tmp_path: Path) -> None:
    stories = [
        ("One", "Huawei met Google in Beijing."),
        ("Two", "Huawei's phones sold well."),
        ("Three", "Nothing to see."),
        ("Copy of one", "Huawei met Google in Beijing."),  # the same content: recognised once
    ]
    library.add_source(str(write_dump(tmp_path / "e.txt", stories)))
    library.refresh()


def test_backlog_store_progress(library: Library, tmp_path: Path) -> None:
    _fill(library, tmp_path)
    assert library.entity_progress() == (0, 3)
    backlog = library.entity_backlog(10)
    assert len(backlog) == 3 and {body for _, body in backlog} >= {"Nothing to see."}
    content_hash, body = backlog[0]
    entities = [Entity(0, 3, "ORG", body[:3])]
    library.store_entities(content_hash, entities)
    assert library.entities(content_hash) == tuple(entities)
    assert library.entities("unknown") is None
    assert library.entity_progress() == (1, 3)
    assert len(library.entity_backlog(10)) == 2
    library.store_entities(content_hash, [])  # replaced, and nothing is a valid result
    assert library.entities(content_hash) == ()


def test_indexer_runs_the_backlog_with_progress_and_entity_search_works(library: Library, tmp_path: Path) -> None:
    _fill(library, tmp_path)
    seen: list[tuple[int, int]] = []
    count = index_backlog(
        library, batch=2, progress=lambda d, t: seen.append((d, t)), recognise=gazetteer_recogniser(NAMES)
    )
    assert count == 3
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert library.entity_backlog(10) == []
    hits = library.results(library.mentioning("Huawei’s"))
    assert sorted(h.title for h in hits.window(0, 10)) == ["Copy of one", "One", "Two"]
    hits = library.results('entity:"beijing" -copy')
    assert [h.title for h in hits.window(0, 10)] == ["One"]


def test_indexer_stops_when_told_and_resumes(library_path: Path, tmp_path: Path) -> None:
    with Library.open(library_path, default_sources=False) as library:
        _fill(library, tmp_path)
    calls = 0

    def recognise(text: str) -> list[Entity]:
        nonlocal calls
        calls += 1
        return []

    stop = threading.Event()
    done = index_backlog(
        library_path,
        batch=1,
        recognise=recognise,
        progress=lambda d, t: stop.set() if d >= 1 else None,
        should_stop=stop.is_set,
    )
    assert done == 1
    assert index_backlog(library_path, recognise=recognise) == 2


def test_indexer_in_a_worker_thread_with_its_own_connection(library_path: Path, tmp_path: Path) -> None:
    with Library.open(library_path, default_sources=False) as library:
        _fill(library, tmp_path)
        result: list[int] = []
        worker = threading.Thread(
            target=lambda: result.append(index_backlog(library_path, recognise=gazetteer_recogniser(NAMES)))
        )
        worker.start()
        worker.join(60)
        assert result == [3]
        assert library.entity_progress() == (3, 3)


def test_a_recogniser_failure_skips_that_text(library: Library, tmp_path: Path) -> None:
    _fill(library, tmp_path)

    def recognise(text: str) -> list[Entity]:
        if "Nothing" in text:
            raise RuntimeError("boom")
        return []

    assert index_backlog(library, recognise=recognise) == 2
    assert library.entity_progress() == (2, 3)
