"""The ``feed`` kind: an RSS, Atom or JSON Feed document at an http(s) URL or in a local file.

Detection is by content: a URL is fetched once (the answer is kept a minute, so that
``add_source`` and the command that called it do not fetch twice) and a file is read.
A refresh fetches every feed source concurrently (:func:`~reader.sources.feeds.fetch.fetch_all`,
8 at a time) with conditional GET, so an unchanged feed costs a 304; a local file costs a
``stat`` when unchanged. Each feed is parsed and stored as soon as its answer arrives, in
the calling thread, so headlines appear while the others are still on the way.

Entries are upserted, never removed: a feed is a window onto the latest entries, and what
fell out of it stays readable. An updated entry replaces its text; its read state and
bookmarks stay (they are keyed by the entry's id). A failure is one line kept with the
source; its articles stay. A server that answered 429/503 with ``Retry-After`` is not
asked again before that time: the refresh reports the wait instead of sleeping.

Articles are stored without a publisher (``source`` empty) so that the headline shows
the library source's name: the feed's title by default, renamable with ``rename_source``.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable, Coroutine, Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.library.refresh import Job, Sink
from reader.model import Article
from reader.sanitize import clean_line
from reader.sources.feeds.fetch import (
    FetchError,
    FetchLimits,
    FetchRequest,
    FetchResult,
    Validators,
    check_url,
    fetch_all,
    fetch_url,
)
from reader.sources.feeds.parse import FeedError, ParsedFeed, discover_feeds, looks_like_html, parse_feed, sniff

_SNIFF = 4096
_PROBE_SECONDS = 60.0


def is_url(location: str) -> bool:
    return location[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Probe:
    """What a location turned out to hold when fetched or read once."""

    location: str
    feed: ParsedFeed | None = None
    error: str = ""
    """One line when it is not a readable feed."""
    discovered: tuple[str, ...] = ()
    """Feed addresses announced by the web page found there, if it was one."""
    validators: Validators = field(default_factory=Validators)


_probes: dict[str, tuple[float, Probe]] = {}
_probes_lock = threading.Lock()


def probe(location: str, limits: FetchLimits | None = None) -> Probe:
    """Fetch (a URL) or read (a file) ``location`` once and say whether it is a feed.

    The answer for a URL is kept for a minute, for the next caller asking the same thing.
    """
    limits = limits or FetchLimits()
    if is_url(location):
        try:
            url = check_url(location)
        except FetchError as error:
            return Probe(location, error=str(error))
        with _probes_lock:
            cached = _probes.get(url)
            if cached is not None and time.monotonic() - cached[0] < _PROBE_SECONDS:
                return cached[1]
        found = _probe_url(url, limits)
        with _probes_lock:
            _probes[url] = (time.monotonic(), found)
        return found
    path = Path(location).expanduser()
    try:
        data = _read_file(path, limits.max_bytes)
    except (OSError, FeedError) as error:
        return Probe(location, error=_os_reason(error))
    return _probe_data(str(path.resolve()), data, str(path.resolve()))


def _probe_url(url: str, limits: FetchLimits) -> Probe:
    try:
        result = fetch_url(url, limits=limits)
    except FetchError as error:
        return Probe(url, error=str(error))
    found = _probe_data(url, result.body or b"", result.final_url)
    return dataclasses.replace(found, validators=result.validators)


def _probe_data(location: str, data: bytes, base: str) -> Probe:
    try:
        return Probe(location, feed=parse_feed(data, location))
    except FeedError as error:
        discovered = tuple(discover_feeds(data, base)) if looks_like_html(data) else ()
        return Probe(location, error=str(error), discovered=discovered)


def _read_file(path: Path, cap: int) -> bytes:
    with open(path, "rb") as file:
        data = file.read(cap + 1)
    if len(data) > cap:
        raise FeedError(f"larger than {cap // (1024 * 1024)} MiB")
    return data


def _os_reason(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, OSError):
        return clean_line(error.strerror or str(error))
    return clean_line(str(error))


def _fingerprint(path: Path) -> list[int]:
    stat = os.stat(path)
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino]


def _for_library(articles: Sequence[Article]) -> list[Article]:
    # No publisher: the headline shows the library source's (renamable) name instead.
    return [dataclasses.replace(article, source="") for article in articles]


class _HandedBack:
    """A sink whose every call is run by the thread that owns the real one (see _run_remote)."""

    def __init__(self, sink: Sink, calls: queue.Queue[Any]) -> None:
        self._sink = sink
        self._calls = calls

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self._sink, name)

        def call(*args: Any, **kwargs: Any) -> Any:
            future: Future[Any] = Future()
            self._calls.put((method, args, kwargs, future))
            return future.result()

        return call


def _parse_for_library(data: bytes, location: str) -> ParsedFeed | FeedError:
    """Parse in a worker process (or here); an unreadable feed is returned, not raised."""
    try:
        feed = parse_feed(data, location)
    except FeedError as error:
        return error
    return dataclasses.replace(feed, articles=tuple(_for_library(feed.articles)))


def _parse_pool(workers: int) -> concurrent.futures.ProcessPoolExecutor | None:
    """Worker processes for parsing, or None where they cannot be started."""
    methods = multiprocessing.get_all_start_methods()
    method = "forkserver" if "forkserver" in methods else "spawn"  # never fork a threaded process
    try:
        return concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context(method))
    except (OSError, ValueError, NotImplementedError):
        return None


class FeedKind:
    """RSS/Atom/JSON Feed sources; ``limits`` bound every fetch (tests shorten them).

    Parsing a feed (feedparser, then the HTML of every entry) costs far more CPU than
    fetching it, so a refresh of at least ``pool_from`` feeds parses in ``parse_workers``
    worker processes (default: one per CPU, at most 4) while this thread goes on fetching
    and storing. Fewer feeds, one CPU, or no way to start processes: parsed here.
    """

    name = "feed"

    def __init__(
        self, limits: FetchLimits | None = None, *, parse_workers: int | None = None, pool_from: int = 12
    ) -> None:
        self.limits = limits or FetchLimits()
        self.parse_workers = parse_workers if parse_workers is not None else min(4, os.cpu_count() or 1)
        self.pool_from = pool_from

    # -- recognising -------------------------------------------------------------------------

    def detect(self, location: str) -> int:
        if is_url(location):
            return 5 if probe(location, self.limits).feed is not None else 0
        path = Path(location).expanduser()
        if not path.is_file():
            return 0
        with open(path, "rb") as file:
            head = file.read(_SNIFF)
        if sniff(head) is None:
            return 0
        return 4 if probe(str(path), self.limits).feed is not None else 0

    def locate(self, location: str) -> str:
        if is_url(location):
            try:
                return check_url(location)
            except FetchError as error:
                raise ValueError(f"{clean_line(location)}: {error}") from None
        path = Path(location).expanduser()
        if not path.is_file():
            raise ValueError(f"{clean_line(location)}: no such file")
        return str(path.resolve())

    def default_name(self, location: str) -> str:
        found = probe(location, self.limits)
        if found.feed is not None and found.feed.title:
            return found.feed.title
        if is_url(location):
            return clean_line(urlsplit(location).hostname or location)
        return Path(location).stem

    # -- refreshing ---------------------------------------------------------------------------

    def refresh(self, jobs: Sequence[Job], sink: Sink) -> None:
        now = time.time()
        remote: list[Job] = []
        for job in jobs:
            if not is_url(job.location):
                self._refresh_file(job, sink)
                continue
            retry_at = job.state.get("retry_at")
            if isinstance(retry_at, (int, float)) and retry_at > now:
                when = datetime.fromtimestamp(retry_at, UTC)
                sink.failed(job, f"not asked before {when:%Y-%m-%d %H:%M:%S} UTC (the server said: retry after)")
                continue
            remote.append(job)
        if remote:
            self._run_remote(lambda target: self._refresh_remote(remote, target), sink)

    @staticmethod
    def _run_remote(refresh: Callable[[Sink], Coroutine[Any, Any, None]], sink: Sink) -> None:
        """Run ``refresh(sink)`` to the end; every call on ``sink`` happens in this thread.

        Usually this thread has no event loop, and ``asyncio.run`` does it here. Called from
        inside a running loop (an async caller), the loop runs in a helper thread and its
        calls on the sink are handed back here, one at a time: the library's connection and
        lock belong to this thread.
        """
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            asyncio.run(refresh(sink))
            return
        calls: queue.Queue[tuple[Callable[..., Any], tuple[Any, ...], dict[str, Any], Future[Any]] | None]
        calls = queue.Queue()
        failure: list[BaseException] = []

        def run() -> None:
            try:
                asyncio.run(refresh(_HandedBack(sink, calls)))
            except BaseException as error:  # handed back to the caller below
                failure.append(error)
            finally:
                calls.put(None)

        helper = threading.Thread(target=run, name="dateline-feeds")
        helper.start()
        while (call := calls.get()) is not None:
            function, args, kwargs, future = call
            try:
                future.set_result(function(*args, **kwargs))
            except BaseException as error:
                future.set_exception(error)
        helper.join()
        if failure:
            raise failure[0]

    async def _refresh_remote(self, jobs: Sequence[Job], sink: Sink) -> None:
        by_key = {str(job.source_id): job for job in jobs}
        requests = [
            FetchRequest(
                str(job.source_id),
                job.location,
                Validators(str(job.state.get("etag", "")), str(job.state.get("last_modified", ""))),
            )
            for job in jobs
        ]

        pool = _parse_pool(self.parse_workers) if self.parse_workers > 1 and len(jobs) >= self.pool_from else None
        loop = asyncio.get_running_loop()

        async def parse(data: bytes, location: str) -> ParsedFeed | FeedError:
            nonlocal pool
            if pool is not None:
                try:
                    return await loop.run_in_executor(pool, _parse_for_library, data, location)
                except (BrokenProcessPool, OSError, RuntimeError):
                    pool = None  # a worker died or could not start: parse here from now on
            return _parse_for_library(data, location)

        async def outcome(request: FetchRequest, result: FetchResult | FetchError) -> None:
            job = by_key[request.key]
            if isinstance(result, FetchError):
                if result.retry_at is not None:
                    state = {**job.state, "retry_at": result.retry_at.timestamp()}
                    sink.done(job, state, error=str(result))
                else:
                    sink.failed(job, str(result))
                return
            if result.not_modified:
                sink.unchanged(job)
                return
            parsed = await parse(result.body or b"", job.location)
            validators: dict[str, object] = {
                "etag": result.validators.etag,
                "last_modified": result.validators.last_modified,
            }
            self._save(job, sink, parsed, validators)

        try:
            await fetch_all(requests, outcome, limits=self.limits)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _refresh_file(self, job: Job, sink: Sink) -> None:
        path = Path(job.location)
        try:
            fingerprint = _fingerprint(path)
            if fingerprint == job.state.get("file"):
                sink.unchanged(job)
                return
            data = _read_file(path, self.limits.max_bytes)
        except (OSError, FeedError) as error:
            sink.failed(job, _os_reason(error))
            return
        self._save(job, sink, _parse_for_library(data, job.location), {"file": fingerprint})

    @staticmethod
    def _save(job: Job, sink: Sink, parsed: ParsedFeed | FeedError, state: dict[str, object]) -> None:
        if isinstance(parsed, FeedError):
            sink.failed(job, str(parsed))  # the old state stays: the next refresh asks again in full
            return
        sink.store(job, parsed.articles, replace=False)
        sink.done(job, {**state, "title": parsed.title, "format": parsed.format})
