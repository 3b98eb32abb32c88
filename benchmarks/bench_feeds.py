"""Refreshing many feeds: 200 feeds of 50 entries each, served on loopback.

Prints figures; asserts nothing (the machines are shared and noisy).

    python benchmarks/bench_feeds.py [FEEDS] [ENTRIES]      default: 200 50

The feeds are served by the tests' own HTTP server (tests/feedserver.py) on 127.0.0.1, with
ETag and Last-Modified, in a process of its own. A fresh library refreshes them all (fetch, check, parse, convert
the HTML, store), then again: every feed answers 304. Targets: <= 10 s and <= 1 s.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import time
from multiprocessing.connection import Connection
from multiprocessing.synchronize import Event
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from feedserver import FeedServer  # noqa: E402

from reader.library import Library  # noqa: E402
from reader.sources.feeds.parse import parse_feed  # noqa: E402


def feed(number: int, entries: int) -> bytes:
    """An RSS 2.0 feed shaped like a real news feed: content:encoded with links and lists."""
    items = []
    for i in range(entries):
        body = "".join(
            f"<p>Paragraph {j} of story {i} in feed {number}: the council met on Monday and "
            f"<a href='https://news{number}.example/{i}/{j}'>said</a> that the harbour works would "
            f"go on &amp; on, &#8220;for years&#8221;.</p>"
            for j in range(6)
        )
        body += "<ul><li>One point</li><li>Another point</li></ul><script>track()</script>"
        items.append(
            f"<item><title>Story {i} of feed {number} [pdf]</title>"
            f"<link>https://news{number}.example/story/{i}</link><guid>feed{number}-story{i}</guid>"
            f"<pubDate>Mon, {1 + i % 28:02d} Sep 2025 {i % 24:02d}:15:00 +0000</pubDate>"
            f"<dc:creator>Reporter {i % 7}</dc:creator><description>Summary {i}</description>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>Feed number {number}</title><link>https://news{number}.example/</link>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def serve(count: int, entries: int, port: Connection, stop: Event) -> None:
    """The server, in a process of its own so that it does not share this one's CPU or GIL."""
    server = FeedServer(documents={f"feed{n}.xml": feed(n, entries) for n in range(count)}).start()
    port.send((server.port, sum(len(d) for d in server.documents.values())))
    stop.wait()
    server.stop()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    entries = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    load_before = f"{os.getloadavg()[0]:.1f}"
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    stop = context.Event()
    process = context.Process(target=serve, args=(count, entries, send, stop), daemon=True)
    process.start()
    port, size = receive.recv()

    def url(path: str) -> str:
        return f"http://127.0.0.1:{port}/{path}"

    try:
        with (
            tempfile.TemporaryDirectory() as directory,
            Library.open(Path(directory) / "library.sqlite3", default_sources=False) as library,
        ):
            for n in range(count):
                library.add_source(url(f"feeds/feed{n}.xml"), kind="feed", name=f"feed {n}")
            started, cpu = time.perf_counter(), time.process_time()
            first = library.refresh()
            full, full_cpu = time.perf_counter() - started, time.process_time() - cpu
            started, cpu = time.perf_counter(), time.process_time()
            second = library.refresh()
            again, again_cpu = time.perf_counter() - started, time.process_time() - cpu
            stored = library.count()
    finally:
        stop.set()
        process.join(timeout=10)
    print(f"{count} feeds x {entries} entries ({size / 1e6:.1f} MB of XML) on loopback; {os.cpu_count()} CPUs")
    print(f"full refresh into a fresh library: {full:6.2f} s  (CPU here {full_cpu:.2f} s)  target <= 10 s")
    print(f"    {first}")
    print(f"second refresh (all 304):          {again:6.2f} s  (CPU here {again_cpu:.2f} s)  target <= 1 s")
    print(f"    {second}")
    print(f"articles stored: {stored}; load average before/after: {load_before} / {os.getloadavg()[0]:.1f}")
    sample = [feed(n, entries) for n in range(5)]
    cpu = time.process_time()
    for document in sample:
        parse_feed(document, "https://news.example/feed.xml")
    per_feed = (time.process_time() - cpu) / len(sample)
    print(
        f"parsing one feed here: {per_feed * 1000:.0f} ms of CPU ({per_feed * count:.1f} s for all {count}, "
        f"spread over {min(4, os.cpu_count() or 1)} worker processes during the refresh)"
    )
    print("(CPU here: this process; parse workers and the server's own process are not counted)")


if __name__ == "__main__":
    main()
