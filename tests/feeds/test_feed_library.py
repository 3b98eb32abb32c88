"""Feeds as library sources: added by content, refreshed concurrently from a real server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import DATA, FeedServer, gzip_bomb

from reader.library import Library, LibraryError, RefreshProgress
from reader.library import refresh as refresh_module
from reader.library.feed_kind import FeedKind
from reader.sources.feeds.fetch import FetchLimits


@pytest.fixture
def feed_kind(limits: FetchLimits) -> Iterator[FeedKind]:
    """The feed kind with the tests' short deadlines, put back as it was afterwards."""
    before = refresh_module.kinds().get("feed")
    kind = FeedKind(limits)
    refresh_module.register(kind)
    yield kind
    if before is not None:
        refresh_module.register(before)


@pytest.fixture
def library(tmp_path: Path, feed_kind: FeedKind) -> Iterator[Library]:
    with Library.open(tmp_path / "data" / "library.sqlite3", default_sources=False) as lib:
        yield lib


def titles(library: Library, query: str = "") -> list[str]:
    results = library.results(query)
    return [h.title for h in results.window(0, len(results))]


def test_a_feed_url_is_added_by_content_and_named_after_its_title(library: Library, feed_server: FeedServer) -> None:
    url = feed_server.url("/feeds/rss2_content.xml?type=text/html")  # a wrong Content-Type does not matter
    info = library.add_source(url)
    assert (info.kind, info.name, info.location) == ("feed", "The Example Gazette", url)
    again = library.add_source(url)
    assert again.id == info.id and len(library.sources()) == 1


def test_a_local_feed_file_is_a_feed_source(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "saved-feed.txt"  # the name says nothing: the content does
    shutil.copy(DATA / "atom_xhtml.xml", path)
    info = library.add_source(str(path))
    assert (info.kind, info.name) == ("feed", "Notes & Queries")
    report = library.refresh()
    assert (report.added, report.errors) == (2, [])
    assert library.refresh().unchanged == 1  # unchanged file: a stat


def test_a_web_page_is_not_a_source(library: Library, feed_server: FeedServer) -> None:
    with pytest.raises(LibraryError, match="not a kind of source"):
        library.add_source(feed_server.url("/feeds/page.html"))


def test_refresh_stores_articles_then_costs_a_304(library: Library, feed_server: FeedServer) -> None:
    names = ["rss2_content.xml", "atom_xhtml.xml", "jsonfeed11.json", "rss1_rdf.xml", "podcast.xml", "cp1252.xml"]
    for name in names:
        library.add_source(feed_server.url(f"/feeds/{name}"), kind="feed")
    seen: list[RefreshProgress] = []
    report = library.refresh(progress=seen.append)
    assert report.errors == []
    assert report.added == 4 + 2 + 2 + 2 + 2 + 1
    finished = [p for p in seen if p.fraction == 1.0]
    assert [p.done for p in finished] == list(range(1, 7)) and finished[-1].total == 6
    assert "Weekly thread [/r/python]" in titles(library)
    bridge = next(h for h in library.results("harbour bridge").window(0, 5))
    assert bridge.source == "The Example Gazette"  # the source's name (articles carry no publisher)
    article = library.article(bridge.id)
    assert article is not None and article.paragraphs[-1].startswith("[1] https://gazette.example/docs/plan.pdf")
    assert article.published == "2025-03-04T08:30:00+00:00"

    before = len(feed_server.requests)
    second = library.refresh()
    assert (second.unchanged, second.added, second.errors) == (6, 0, [])
    conditional = feed_server.requests[before:]
    assert len(conditional) == 6 and all("If-None-Match" in headers for _, headers in conditional)


def test_renaming_a_feed_source_renames_its_headlines(library: Library, feed_server: FeedServer) -> None:
    library.add_source(feed_server.url("/feeds/podcast.xml"))
    library.refresh()
    library.rename_source("Harbour Talk", "Tides pod")
    assert {h.source for h in library.results("").window(0, 10)} == {"Tides pod"}
    assert titles(library, "source:Tides") == ["Episode 12: Tides", "Episode 11: Fog"]


def test_an_updated_entry_replaces_its_text_and_keeps_read_state(library: Library, feed_server: FeedServer) -> None:
    original = (DATA / "rss2_content.xml").read_bytes()
    feed_server.documents["live.xml"] = original
    library.add_source(feed_server.url("/feeds/live.xml"))
    library.refresh()
    [bridge] = library.results("harbour bridge").window(0, 5)
    library.mark_read([bridge.id])
    feed_server.documents["live.xml"] = original.replace(b"Tenders open in April.", b"Tenders open in May.")
    report = library.refresh()
    assert (report.updated, report.added) == (1, 0)
    article = library.article(bridge.id)
    assert article is not None and "• Tenders open in May." in article.paragraphs
    assert library.is_read(bridge.id) is True


def test_entries_that_leave_the_feed_stay_readable(library: Library, feed_server: FeedServer) -> None:
    feed_server.documents["live.xml"] = (DATA / "podcast.xml").read_bytes()
    library.add_source(feed_server.url("/feeds/live.xml"))
    library.refresh()
    feed_server.documents["live.xml"] = (DATA / "podcast.xml").read_bytes().split(b"<item>")[0] + b"</channel></rss>"
    assert library.refresh().errors == []
    assert titles(library) == ["Episode 12: Tides", "Episode 11: Fog"]


def test_failing_feeds_keep_their_articles_and_stop_nothing(library: Library, feed_server: FeedServer) -> None:
    gzip_bomb()  # made before the deadlines start
    feed_server.documents["live.xml"] = (DATA / "atom_xhtml.xml").read_bytes()
    good = library.add_source(feed_server.url("/feeds/live.xml"))
    library.refresh()
    # Now the good feed turns into an attack, and misbehaving feeds join it.
    feed_server.documents["live.xml"] = (DATA / "billion_laughs_multiline.xml").read_bytes()
    bad = {
        "hang": "/hang",
        "bomb": "/gzip-bomb",
        "xxe": "/feeds/billion_laughs_oneline.xml",
        "broken": "/feeds/malformed.xml",
        "gone": "/feeds/missing.xml",
        "ftp": "/redirect-to?url=ftp://127.0.0.1/x",
    }
    for name, path in bad.items():
        library.add_source(feed_server.url(path), kind="feed", name=name)
    library.add_source(feed_server.url("/feeds/rss1_rdf.xml"))
    report = library.refresh()
    errors = dict(report.errors)
    assert set(errors) == {good.name, *bad}
    assert "declares entities" in errors[good.name] and "declares entities" in errors["xxe"]
    assert "no complete answer" in errors["hang"]
    assert "larger than" in errors["bomb"]
    assert "not well-formed XML" in errors["broken"]
    assert errors["gone"] == "HTTP 404 Not Found"
    assert "URL refused" in errors["ftp"]
    listed = {s.name: s for s in library.sources()}
    assert listed[good.name].error == errors[good.name] and listed[good.name].total == 2  # its articles stay
    assert listed["Slash Example"].error == "" and listed["Slash Example"].total == 2
    assert all("\n" not in s.error for s in listed.values())


def test_retry_after_is_honoured_by_not_asking_again(library: Library, feed_server: FeedServer) -> None:
    library.add_source(feed_server.url("/status/429?retry-after=3600"), kind="feed", name="busy")
    first = library.refresh()
    assert dict(first.errors)["busy"].startswith("HTTP 429 Too Many Requests; retry after ")
    asked = feed_server.paths().count("/status/429?retry-after=3600")
    second = library.refresh()
    assert dict(second.errors)["busy"].startswith("not asked before ")
    assert feed_server.paths().count("/status/429?retry-after=3600") == asked


def test_hostile_feed_is_stored_literally_and_cleaned(library: Library, feed_server: FeedServer) -> None:
    library.add_source(feed_server.url("/feeds/hostile.xml"))
    library.refresh()
    [source] = library.sources()
    assert source.name == "[@click=app.quit]Evil[/] Feed"
    assert "[@click=app.quit]x[/]" in titles(library)


def test_parsing_in_worker_processes_gives_the_same_library(
    tmp_path: Path, feed_server: FeedServer, limits: FetchLimits
) -> None:
    names = ["rss2_content.xml", "atom_xhtml.xml", "jsonfeed11.json", "malformed.xml"]
    results = []
    for workers in (1, 2):
        refresh_module.register(FeedKind(limits, parse_workers=workers, pool_from=1))
        with Library.open(tmp_path / f"w{workers}" / "library.sqlite3", default_sources=False) as library:
            for name in names:
                library.add_source(feed_server.url(f"/feeds/{name}"), kind="feed", name=name)
            report = library.refresh()
            ids = [h.id for h in library.results("").window(0, 100)]
            bodies = [library.article(i).body for i in ids]  # type: ignore[union-attr]
            results.append((report.added, report.errors, ids, bodies))
    assert results[0] == results[1]
    assert results[0][0] == 8 and [name for name, _ in results[0][1]] == ["malformed.xml"]


def test_xxe_served_over_http_fetches_and_reads_nothing(
    library: Library, feed_server: FeedServer, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    probe = feed_server.url("/xxe-probe")
    feed_server.documents["xxe-file.xml"] = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>&x;</title><item><guid>1</guid><title>&x;</title></item></channel></rss>'
    ).encode()
    feed_server.documents["xxe-http.xml"] = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n  <!ENTITY % remote SYSTEM "{probe}">\n  %remote;\n]>\n'
        '<rss version="2.0"><channel><title>t</title></channel></rss>'
    ).encode()
    feed_server.documents["external-dtd.xml"] = (
        f'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "{probe}">'
        '<rss version="2.0"><channel><title>Ext</title><item><guid>1</guid><title>ok &ext;</title></item>'
        "</channel></rss>"
    ).encode()
    for name in ("xxe-file.xml", "xxe-http.xml", "external-dtd.xml"):
        library.add_source(feed_server.url(f"/feeds/{name}"), kind="feed", name=name)
    report = library.refresh()
    errors = dict(report.errors)
    assert "declares entities" in errors["xxe-file.xml"] and "declares entities" in errors["xxe-http.xml"]
    assert "external-dtd.xml" not in errors  # an external DTD is never fetched; the feed reads
    assert "/xxe-probe" not in feed_server.paths()
    everything = [library.article(h.id) for h in library.results("").window(0, 100)]
    assert not any("TOP-SECRET" in (a.title + a.body) for a in everything if a is not None)
