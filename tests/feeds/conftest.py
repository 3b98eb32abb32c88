"""Fixtures for the feed tests: a real HTTP server on 127.0.0.1 and short deadlines."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from feedserver import FeedServer

from reader.sources.feeds.fetch import FetchLimits


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """The test feed server on a random free port, started in a thread for one test."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def limits() -> FetchLimits:
    """Deadlines short enough to keep the suite fast, long enough for a loaded machine."""
    return FetchLimits(connect_timeout=2.0, total_timeout=2.5, max_bytes=1024 * 1024, max_redirects=5, concurrency=8)
