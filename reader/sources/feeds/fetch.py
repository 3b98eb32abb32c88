"""Fetching feeds (and linked pages) over HTTP with httpx, within limits.

Every request obeys :class:`FetchLimits`: a connect deadline and a deadline for the
whole exchange, a cap on the bytes after decompression (a gzip bomb stops at the cap),
at most a few redirects, and http/https only, for the first URL and for every redirect.
Requests carry a ``User-Agent`` naming Dateline and its version, and the validators of
the last answer (``If-None-Match`` / ``If-Modified-Since``): an unchanged feed answers
304 and costs nothing. 429 and 503 answers with ``Retry-After`` say when to ask again.

The body is decompressed here rather than by httpx: httpx inflates each network chunk
whole, so one 64 KiB chunk of a gzip bomb could become tens of megabytes before any
count is made; here zlib is asked for at most the bytes still allowed.

:func:`fetch_all` fetches many URLs concurrently (8 at a time by default) and reports
each result as soon as it is known; one failure never stops the others.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import ssl
import zlib
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx

from reader import __version__
from reader.sanitize import clean_line

USER_AGENT = f"Dateline/{__version__} (terminal news reader; +https://pypi.org/project/dateline/)"
ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.5, */*;q=0.1"
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_SCHEMES = frozenset({"http", "https"})
MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How much one fetch may take. Tests shorten the deadlines."""

    connect_timeout: float = 10.0
    total_timeout: float = 30.0
    max_bytes: int = 10 * MiB
    max_redirects: int = 5
    concurrency: int = 8


@dataclass(frozen=True, slots=True)
class Validators:
    """What the last answer said about itself, sent back to ask "has it changed?"."""

    etag: str = ""
    last_modified: str = ""


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A successful answer: 200 with a body, or 304 (``body is None``: nothing changed)."""

    url: str
    """The URL asked for."""
    final_url: str
    """Where the body came from, after redirects."""
    status: int
    body: bytes | None
    validators: Validators
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A fetch failed; ``str(error)`` is one line for the user.

    ``retry_at`` (UTC) is set when the server asked us to come back later (429/503 with
    ``Retry-After``): nothing should be asked of it before then.
    """

    def __init__(self, message: str, *, retry_at: datetime | None = None) -> None:
        super().__init__(clean_line(message))
        self.retry_at = retry_at


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL, else :class:`FetchError`."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as error:
        raise FetchError(f"not a valid URL: {error}") from None
    if parsed.scheme not in _SCHEMES:
        raise FetchError(f"only http and https URLs are fetched, not {parsed.scheme or 'this'}:")
    if not parsed.host:
        raise FetchError("not a valid URL: no host")
    return str(parsed)


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verifying TLS context per process: loading the CA bundle takes a noticeable
    fraction of a second, which a refresh of unchanged feeds should not pay every time."""
    return httpx.create_ssl_context()


def make_client(limits: FetchLimits = FetchLimits()) -> httpx.AsyncClient:
    """An ``AsyncClient`` set up for :func:`fetch` (redirects are followed there, not by httpx)."""
    timeout = httpx.Timeout(
        connect=limits.connect_timeout,
        read=limits.total_timeout,
        write=limits.total_timeout,
        pool=limits.total_timeout,
    )
    return httpx.AsyncClient(
        timeout=timeout,
        verify=_tls_context(),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
        limits=httpx.Limits(max_connections=max(limits.concurrency, 1) * 2, max_keepalive_connections=20),
    )


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    *,
    validators: Validators | None = None,
    limits: FetchLimits = FetchLimits(),
) -> FetchResult:
    """Fetch ``url`` within ``limits``; raise :class:`FetchError` with a one-line reason."""
    check_url(url)
    try:
        return await asyncio.wait_for(_fetch(client, url, validators or Validators(), limits), limits.total_timeout)
    except (TimeoutError, httpx.TimeoutException) as error:
        if isinstance(error, httpx.ConnectTimeout):
            raise FetchError(f"could not connect within {limits.connect_timeout:g} s") from None
        raise FetchError(f"no complete answer within {limits.total_timeout:g} s") from None
    except httpx.ConnectError as error:
        raise FetchError(f"could not connect: {_reason(error)}") from None
    except httpx.RemoteProtocolError as error:
        raise FetchError(f"the server broke the exchange: {_reason(error)}") from None
    except httpx.HTTPError as error:
        raise FetchError(f"{type(error).__name__}: {_reason(error)}") from None
    except OSError as error:
        raise FetchError(error.strerror or str(error)) from None


def _reason(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    # "[Errno 111] Connection refused" -> "Connection refused"
    if text.startswith("[Errno") and "] " in text:
        text = text.split("] ", 1)[1]
    return clean_line(text)[:200]


async def _fetch(client: httpx.AsyncClient, url: str, validators: Validators, limits: FetchLimits) -> FetchResult:
    headers = {}
    if validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    current = url
    for _hop in range(limits.max_redirects + 1):
        request = client.build_request("GET", current, headers=headers)
        try:
            response = await client.send(request, stream=True)
        except httpx.InvalidURL:
            # httpx builds the next request of a redirect even when it does not follow it,
            # and fails on a Location such as "javascript:alert(1)".
            raise FetchError("redirect to an invalid URL refused") from None
        try:
            if response.status_code in _REDIRECTS:
                location = response.headers.get("Location", "")
                if not location:
                    raise FetchError(f"HTTP {response.status_code} redirect without a Location")
                try:
                    target = response.url.join(location)
                except (httpx.InvalidURL, ValueError):
                    raise FetchError("redirect to an invalid URL") from None
                if target.scheme not in _SCHEMES:
                    raise FetchError(f"redirect to a {clean_line(target.scheme)[:20]}: URL refused")
                current = str(target)
                continue
            if response.status_code == 304:
                return FetchResult(url, str(response.url), 304, None, _validators(response, validators))
            if response.status_code in (429, 503):
                retry_at = _retry_at(response.headers.get("Retry-After", ""))
                message = f"HTTP {response.status_code} {response.reason_phrase}".strip()
                if retry_at is not None:
                    message += f"; retry after {retry_at:%Y-%m-%d %H:%M:%S} UTC"
                raise FetchError(message, retry_at=retry_at)
            if response.status_code >= 400 or response.status_code < 200:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".strip())
            body = await _read_body(response, limits.max_bytes)
            return FetchResult(
                url,
                str(response.url),
                response.status_code,
                body,
                _validators(response, Validators()),
                response.headers.get("Content-Type", ""),
            )
        finally:
            await response.aclose()
    raise FetchError(f"too many redirects (more than {limits.max_redirects})")


def _validators(response: httpx.Response, previous: Validators) -> Validators:
    return Validators(
        etag=response.headers.get("ETag", previous.etag)[:1000],
        last_modified=response.headers.get("Last-Modified", previous.last_modified)[:200],
    )


def _retry_at(value: str, now: datetime | None = None) -> datetime | None:
    """The moment a ``Retry-After`` value (seconds or an HTTP date) names, in UTC."""
    value = value.strip()
    now = now or datetime.now(UTC)
    if not value:
        return None
    if value.isdigit():
        seconds = min(int(value), 7 * 24 * 3600)  # a week at most: a bad header must not silence a feed forever
        return now + timedelta(seconds=seconds)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return min(max(moment.astimezone(UTC), now), now + timedelta(days=7))


class _BoundedDecoder:
    """Undo ``Content-Encoding`` without ever holding more than ``cap`` decoded bytes."""

    def __init__(self, encoding: str, cap: int) -> None:
        self.cap = cap
        self.size = 0
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self.kind = "identity"
        elif encoding in ("gzip", "x-gzip"):
            self.kind = "gzip"
        elif encoding == "deflate":
            self.kind = "deflate"
        else:
            raise FetchError(f"unsupported Content-Encoding {clean_line(encoding)[:30]!r}")
        self._decoder = self._new()
        self._first = True

    def _new(self) -> zlib._Decompress:
        if self.kind == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        return zlib.decompressobj(zlib.MAX_WBITS)  # deflate: zlib-wrapped; raw deflate handled below

    def _count(self, piece: bytes) -> bytes:
        self.size += len(piece)
        if self.size > self.cap:
            raise FetchError(f"larger than {_megabytes(self.cap)} (stopped there)")
        return piece

    def feed(self, chunk: bytes) -> bytes:
        if self.kind == "identity":
            return self._count(chunk)
        out = []
        data = chunk
        while data:
            try:
                piece = self._decoder.decompress(data, self.cap - self.size + 1)
            except zlib.error:
                if self.kind == "deflate" and self._first:  # some servers send raw deflate
                    self._first = False
                    self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise FetchError(f"the {self.kind} stream is damaged") from None
            self._first = False
            out.append(self._count(piece))
            data = self._decoder.unconsumed_tail
            if not data and self._decoder.eof and self._decoder.unused_data:
                data = self._decoder.unused_data  # another gzip member follows
                self._decoder = self._new()
        return b"".join(out)

    def finish(self) -> bytes:
        if self.kind == "identity":
            return b""
        return self._count(self._decoder.flush())


def _megabytes(size: int) -> str:
    return f"{size / MiB:g} MiB" if size >= MiB else f"{size} bytes"


async def _read_body(response: httpx.Response, cap: int) -> bytes:
    decoder = _BoundedDecoder(response.headers.get("Content-Encoding", ""), cap)
    declared = response.headers.get("Content-Length", "")
    if decoder.kind == "identity" and declared.isdigit() and int(declared) > cap:
        raise FetchError(f"larger than {_megabytes(cap)} (Content-Length {declared})")
    parts = []
    received = 0
    async for chunk in response.aiter_raw():
        received += len(chunk)
        if received > cap:  # compressed bytes count too: a huge compressed body is no better
            raise FetchError(f"larger than {_megabytes(cap)} (stopped there)")
        parts.append(decoder.feed(chunk))
    parts.append(decoder.finish())
    return b"".join(parts)


# --- many at once ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FetchRequest:
    """One URL to fetch, with what is known about its last answer."""

    key: str
    """The caller's name for it (a source name); given back with the outcome."""
    url: str
    validators: Validators = Validators()


Outcome = FetchResult | FetchError
OnOutcome = Callable[[FetchRequest, Outcome], Awaitable[None] | None]


async def fetch_all(
    requests: Sequence[FetchRequest],
    on_outcome: OnOutcome,
    *,
    limits: FetchLimits = FetchLimits(),
    client: httpx.AsyncClient | None = None,
) -> None:
    """Fetch every request, ``limits.concurrency`` at a time, and call ``on_outcome`` with
    each result or error as soon as it is known, in the calling event loop. A failing fetch
    is reported and never stops the others.

    ``on_outcome`` is called after the request's slot is given back, so fetching goes on
    while it works; an async ``on_outcome`` is awaited, and several may be waiting at once
    (at their ``await`` points; the code between those never interleaves)."""
    semaphore = asyncio.Semaphore(max(limits.concurrency, 1))
    own_client = client is None
    client = client or make_client(limits)

    async def one(request: FetchRequest) -> None:
        async with semaphore:
            outcome: Outcome
            try:
                outcome = await fetch(client, request.url, validators=request.validators, limits=limits)
            except FetchError as error:
                outcome = error
        result = on_outcome(request, outcome)
        if result is not None:
            await result

    try:
        await asyncio.gather(*(one(r) for r in requests))
    finally:
        if own_client:
            await client.aclose()


def fetch_url(url: str, *, limits: FetchLimits = FetchLimits(), validators: Validators | None = None) -> FetchResult:
    """Fetch one URL from synchronous code (``sources add``, the full story)."""

    async def run() -> FetchResult:
        async with make_client(limits) as client:
            return await fetch(client, url, validators=validators, limits=limits)

    return asyncio.run(run())
