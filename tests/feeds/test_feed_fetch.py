"""Fetching over real HTTP from a misbehaving server on 127.0.0.1 (no mocked transport)."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta

import pytest
from feedserver import FeedServer, gzip_bomb

from reader import __version__
from reader.sources.feeds.fetch import (
    FetchError,
    FetchLimits,
    FetchRequest,
    FetchResult,
    Validators,
    _retry_at,
    check_url,
    fetch_all,
    fetch_url,
)


def test_a_feed_is_fetched_with_a_user_agent_naming_dateline(feed_server: FeedServer, limits: FetchLimits) -> None:
    result = fetch_url(feed_server.url("/feeds/rss2_content.xml"), limits=limits)
    assert result.status == 200
    assert result.body is not None and b"The Example Gazette" in result.body
    assert result.validators.etag.startswith('"')
    assert result.validators.last_modified.endswith("GMT")
    path, headers = feed_server.requests[-1]
    assert path == "/feeds/rss2_content.xml"
    assert headers["User-Agent"].startswith(f"Dateline/{__version__} ")


def test_a_matching_etag_gets_304_and_no_body(feed_server: FeedServer, limits: FetchLimits) -> None:
    first = fetch_url(feed_server.url("/feeds/atom_xhtml.xml"), limits=limits)
    second = fetch_url(feed_server.url("/feeds/atom_xhtml.xml"), limits=limits, validators=first.validators)
    assert second.not_modified and second.body is None
    assert second.validators.etag == first.validators.etag
    assert feed_server.requests[-1][1]["If-None-Match"] == first.validators.etag


def test_last_modified_alone_also_gets_304(feed_server: FeedServer, limits: FetchLimits) -> None:
    first = fetch_url(feed_server.url("/feeds/atom_xhtml.xml"), limits=limits)
    again = fetch_url(
        feed_server.url("/feeds/atom_xhtml.xml"),
        limits=limits,
        validators=Validators(last_modified=first.validators.last_modified),
    )
    assert again.status == 304


def test_gzip_content_encoding_is_decoded(feed_server: FeedServer, limits: FetchLimits) -> None:
    result = fetch_url(feed_server.url("/feeds/rss2_content.xml?gzip=1"), limits=limits)
    assert result.body is not None and result.body.startswith(b"<?xml")


def test_a_server_that_never_answers_is_given_up_at_the_deadline(feed_server: FeedServer) -> None:
    limits = FetchLimits(connect_timeout=1.0, total_timeout=1.0)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"no complete answer within 1 s"):
        fetch_url(feed_server.url("/hang"), limits=limits)
    assert time.monotonic() - started < 10  # a bound on the wait, not a timing assertion


def test_a_drip_feed_is_given_up_at_the_total_deadline(feed_server: FeedServer) -> None:
    # One byte a second never trips a read timeout; the deadline for the whole exchange does.
    limits = FetchLimits(connect_timeout=1.0, total_timeout=1.5)
    with pytest.raises(FetchError, match=r"no complete answer within 1.5 s"):
        fetch_url(feed_server.url("/drip"), limits=limits)


@pytest.mark.parametrize("path", ["/huge", "/huge-declared"])
def test_fifty_megabytes_stop_at_the_byte_cap(feed_server: FeedServer, limits: FetchLimits, path: str) -> None:
    with pytest.raises(FetchError, match=r"larger than 1 MiB"):
        fetch_url(feed_server.url(path), limits=limits)


def test_a_gzip_bomb_stops_at_the_cap_after_decompression(feed_server: FeedServer, limits: FetchLimits) -> None:
    gzip_bomb()  # made once, before the clock starts
    with pytest.raises(FetchError, match=r"larger than 1 MiB \(stopped there\)"):
        fetch_url(feed_server.url("/gzip-bomb"), limits=limits)


def test_redirects_are_followed_up_to_five(feed_server: FeedServer, limits: FetchLimits) -> None:
    result = fetch_url(feed_server.url("/redirect/5/podcast.xml"), limits=limits)
    assert result.status == 200
    assert result.final_url.endswith("/feeds/podcast.xml")
    with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
        fetch_url(feed_server.url("/redirect/6/podcast.xml"), limits=limits)


def test_a_redirect_loop_ends(feed_server: FeedServer, limits: FetchLimits) -> None:
    with pytest.raises(FetchError, match="too many redirects"):
        fetch_url(feed_server.url("/redirect-loop"), limits=limits)
    assert feed_server.paths().count("/redirect-loop") == 6


@pytest.mark.parametrize("target", ["file:///etc/passwd", "ftp://127.0.0.1/feed.xml", "javascript:alert(1)"])
def test_a_redirect_to_another_scheme_is_refused(feed_server: FeedServer, limits: FetchLimits, target: str) -> None:
    with pytest.raises(FetchError, match=r"^redirect to an? .*URL refused$"):
        fetch_url(feed_server.url(f"/redirect-to?url={target}"), limits=limits)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/x", "javascript:alert(1)", "feed.xml"])
def test_only_http_and_https_urls_are_fetched(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url)


def test_429_with_retry_after_seconds_says_when(feed_server: FeedServer, limits: FetchLimits) -> None:
    before = datetime.now(UTC)
    with pytest.raises(FetchError) as caught:
        fetch_url(feed_server.url("/status/429?retry-after=120"), limits=limits)
    assert caught.value.retry_at is not None
    assert before + timedelta(seconds=119) <= caught.value.retry_at <= datetime.now(UTC) + timedelta(seconds=121)
    assert str(caught.value).startswith("HTTP 429 Too Many Requests; retry after ")


def test_503_with_an_http_date_retry_after(feed_server: FeedServer, limits: FetchLimits) -> None:
    when = "Wed, 21 Oct 2099 07:28:00 GMT"
    with pytest.raises(FetchError) as caught:
        fetch_url(feed_server.url(f"/status/503?retry-after={when}"), limits=limits)
    # A date years away is held to a week: a bad header must not silence a feed for ever.
    assert caught.value.retry_at is not None
    assert caught.value.retry_at <= datetime.now(UTC) + timedelta(days=7, seconds=5)


def test_retry_after_forms() -> None:
    now = datetime(2025, 1, 1, tzinfo=UTC)
    assert _retry_at("30", now) == now + timedelta(seconds=30)
    assert _retry_at("Wed, 01 Jan 2025 00:10:00 GMT", now) == now + timedelta(minutes=10)
    assert _retry_at("soon", now) is None
    assert _retry_at("", now) is None


def test_http_errors_are_one_line(feed_server: FeedServer, limits: FetchLimits) -> None:
    with pytest.raises(FetchError, match=r"^HTTP 404 Not Found$"):
        fetch_url(feed_server.url("/feeds/missing.xml"), limits=limits)


def test_a_refused_connection_is_one_line(limits: FetchLimits) -> None:
    server = FeedServer()
    url = server.url("/feeds/podcast.xml")
    server.httpd.server_close()  # the port is now closed
    with pytest.raises(FetchError, match=r"^could not connect: "):
        fetch_url(url, limits=limits)


def test_fetch_all_reports_each_outcome_and_a_failure_stops_nothing(
    feed_server: FeedServer, limits: FetchLimits
) -> None:
    names = ["rss2_content.xml", "atom_xhtml.xml", "jsonfeed11.json", "rss1_rdf.xml", "podcast.xml"]
    requests = [FetchRequest(name, feed_server.url(f"/feeds/{name}")) for name in names]
    gzip_bomb()
    requests += [
        FetchRequest("hang", feed_server.url("/hang")),
        FetchRequest("bomb", feed_server.url("/gzip-bomb")),
        FetchRequest("missing", feed_server.url("/feeds/nope.xml")),
    ]
    outcomes: dict[str, FetchResult | FetchError] = {}

    def record(request: FetchRequest, outcome: FetchResult | FetchError) -> None:
        assert request.key not in outcomes
        outcomes[request.key] = outcome

    asyncio.run(fetch_all(requests, record, limits=FetchLimits(connect_timeout=1.0, total_timeout=1.5)))
    assert set(outcomes) == {r.key for r in requests}
    assert all(isinstance(outcomes[name], FetchResult) for name in names)
    assert isinstance(outcomes["hang"], FetchError)
    assert isinstance(outcomes["bomb"], FetchError)
    assert isinstance(outcomes["missing"], FetchError)


def test_fetch_all_keeps_to_its_concurrency(feed_server: FeedServer) -> None:
    # Eight hanging feeds and one good one with a concurrency of 8: the good one waits
    # for a free slot, so it is reported after all eight have timed out.
    order: list[str] = []
    requests = [FetchRequest(f"hang{i}", feed_server.url("/hang")) for i in range(8)]
    requests.append(FetchRequest("good", feed_server.url("/feeds/podcast.xml")))
    asyncio.run(
        fetch_all(
            requests,
            lambda request, outcome: order.append(request.key),
            limits=FetchLimits(connect_timeout=1.0, total_timeout=1.0, concurrency=8),
        )
    )
    assert order[-1] == "good"
    assert len(order) == 9
