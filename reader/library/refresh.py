"""How sources are refreshed: one pluggable *kind* per sort of source.

A kind (``"dump"`` here; ``"feed"`` from the feeds package) is an object registered with
:func:`register`. It recognises its locations (:meth:`Kind.detect`, by content) and refreshes
*many* of its sources in one call (:meth:`Kind.refresh`), so a kind that fetches over the
network can fetch them all concurrently (e.g. ``asyncio.run`` over every job inside
``refresh``). It never writes to the library itself: it hands what it found to the
:class:`Sink` it is given, from the thread that called ``refresh``, and the library writes
it through its own connection, in batches, one ``BEGIN IMMEDIATE`` transaction each.

Per job, a kind calls exactly one of :meth:`Sink.unchanged`, :meth:`Sink.done` or
:meth:`Sink.failed` at the end, after any number of :meth:`Sink.store` and
:meth:`Sink.drop_origin` calls. ``job.state`` is the JSON-able dict the kind saved with
``done`` last time (file fingerprints, ETags...).

Removal uses generations: each refresh of a source takes the next ``gen``; every article it
stores is stamped with it (never lowered), and a ``store(..., replace=True)`` ends by deleting
the source's articles (of that origin, if given) stamped with an older generation, except
bookmarked ones. Two processes refreshing the same source at once therefore never delete
what the other just stored.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass(frozen=True, slots=True)
class Job:
    """One source to refresh, as a kind sees it."""

    source_id: int
    name: str
    location: str
    state: Mapping[str, Any]
    gen: int


class Sink(Protocol):
    """Where a kind puts what it found (implemented by the library)."""

    def store(
        self,
        job: Job,
        articles: Iterable[Any],
        *,
        replace: bool = False,
        origin: str | None = None,
        first_seq: int = 0,
    ) -> int:
        """Upsert ``articles`` (``reader.model.Article``; consumed lazily, in batches) for ``job``.

        Articles are ordered by ``first_seq`` plus their position. With ``replace``, they are
        the source's whole content (only what came from ``origin``, if given): once the
        iterable is exhausted without an exception, older articles of the source (and origin)
        are removed, bookmarked ones kept. Returns how many were new to the library.
        An exception from the iterable propagates, and nothing is removed.
        """
        ...

    def drop_origin(self, job: Job, origin: str) -> int:
        """Remove the source's articles read from ``origin`` (a deleted file), bookmarked ones kept."""
        ...

    def progress(self, job: Job, fraction: float) -> None:
        """How far through ``job`` the kind is (0..1), for progress bars; optional."""
        ...

    def unchanged(self, job: Job) -> None:
        """Nothing changed since the last refresh (a stat, a 304)."""
        ...

    def done(self, job: Job, state: Mapping[str, Any], error: str = "") -> None:
        """The job is finished; save ``state`` for next time. ``error``: a partial failure, one line."""
        ...

    def failed(self, job: Job, message: str) -> None:
        """The source could not be read at all (one line for the user); its articles are kept."""
        ...


class Kind(Protocol):
    """A sort of source. Register an instance with :func:`register`."""

    name: str
    """The kind's name, stored with each source (``"dump"``, ``"feed"``)."""

    def detect(self, location: str) -> int:
        """How sure this kind is that it reads ``location``: 0 not at all; the highest wins."""
        ...

    def locate(self, location: str) -> str:
        """The canonical form of ``location`` (an absolute path, a normalised URL).

        Raises ``ValueError`` with a one-line message when it is not usable.
        """
        ...

    def default_name(self, location: str) -> str:
        """A short name for a new source at the canonical ``location``."""
        ...

    def refresh(self, jobs: Sequence[Job], sink: Sink) -> None:
        """Refresh every job (concurrently if the kind likes), reporting each through ``sink``.

        Must not raise for one bad source: report it with ``sink.failed``.
        """
        ...


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    """Make ``kind`` available (replacing one of the same name)."""
    _KINDS[kind.name] = kind


def kinds() -> dict[str, Kind]:
    """The registered kinds by name (the built-in ones registered first)."""
    _builtin()
    return dict(_KINDS)


def get_kind(name: str) -> Kind | None:
    return kinds().get(name)


def detect(location: str) -> Kind | None:
    """The kind most sure it reads ``location``, or None."""
    best: tuple[int, Kind] | None = None
    for kind in kinds().values():
        try:
            score = kind.detect(location)
        except (OSError, ValueError):
            score = 0
        if score > 0 and (best is None or score > best[0]):
            best = (score, kind)
    return None if best is None else best[1]


BUILTIN_KINDS: tuple[str, ...] = ("reader.library.dump_kind:DumpKind",)
"""``module:Class`` of the kinds that ship with Dateline, imported on first use (a kind
that needs heavy imports costs nothing until a source of its kind is refreshed or detected)."""


def _builtin() -> None:
    for spec in BUILTIN_KINDS:
        module_name, _, class_name = spec.partition(":")
        if any(type(kind).__module__ == module_name and type(kind).__name__ == class_name for kind in _KINDS.values()):
            continue
        kind = getattr(importlib.import_module(module_name), class_name)()
        _KINDS.setdefault(kind.name, kind)


@dataclass(frozen=True, slots=True)
class RefreshProgress:
    """Where a refresh is, for a progress bar."""

    done: int
    """Sources finished."""
    total: int
    """Sources to refresh."""
    source: str
    """The source this report is about."""
    added: int = 0
    """Articles new to the library so far, over the whole refresh."""
    error: str = ""
    """Set when ``source`` just failed (one line)."""
    fraction: float = 0.0
    """How far through ``source`` (0..1) when the kind says so."""


@dataclass(slots=True)
class RefreshReport:
    """What a refresh did, summed over its sources."""

    sources: int = 0
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    """``(source name, one-line message)``."""

    def __str__(self) -> str:
        text = (
            f"{self.sources} source{'' if self.sources == 1 else 's'}: {self.added} new, "
            f"{self.updated} updated, {self.removed} removed, {self.unchanged} unchanged"
        )
        if self.errors:
            text += f", {len(self.errors)} failed"
        return text
