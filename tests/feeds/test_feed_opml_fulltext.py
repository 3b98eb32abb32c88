"""OPML reading and writing; the full story fetched from a real server and extracted."""

from __future__ import annotations

import pytest
from feedserver import FeedServer

from reader.sanitize import is_safe
from reader.sources.feeds import fulltext
from reader.sources.feeds.fetch import FetchLimits
from reader.sources.feeds.opml import OpmlError, OpmlFeed, parse_opml, write_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Mine</title></head>
  <body>
    <outline text="Top level" type="rss" xmlUrl="https://top.example/feed.xml"/>
    <outline text="News">
      <outline text="Gazette" title="The Gazette" type="rss" xmlUrl="https://gazette.example/feed.xml"/>
      <outline text="Local">
        <outline text="Harbour" type="rss" xmlUrl="https://harbour.example/rss"/>
      </outline>
    </outline>
    <outline text="Tech">
      <outline text="Gazette again" type="rss" xmlUrl="https://gazette.example/feed.xml"/>
      <outline text="Local file" type="rss" xmlUrl="file:///etc/passwd"/>
    </outline>
  </body>
</opml>
"""


def test_folders_become_tags_and_duplicates_merge() -> None:
    result = parse_opml(NESTED)
    assert result.feeds == (
        OpmlFeed("https://top.example/feed.xml", "Top level", ()),
        OpmlFeed("https://gazette.example/feed.xml", "The Gazette", ("News", "Tech")),
        OpmlFeed("https://harbour.example/rss", "Harbour", ("News", "Local")),
    )
    assert len(result.skipped) == 1 and result.skipped[0].startswith("Local file: only http and https")


def test_written_opml_reads_back_the_same() -> None:
    feeds = [
        OpmlFeed("https://a.example/feed", "A & <B>", ("News", "Tech")),
        OpmlFeed("https://b.example/rss", "[@click=app.quit]x[/]", ()),
    ]
    data = write_opml(feeds)
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert set(parse_opml(data).feeds) == set(feeds)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (b"<opml><body><outline text='x'", "not well-formed XML"),
        (b"<rss/>", "not an OPML file"),
        (b"<opml version='2.0'><head/></opml>", "no <body>"),
        (b"", "not well-formed XML"),
        (
            b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>'
            b"<opml><body><outline text='&b;' xmlUrl='https://x.example/'/></body></opml>",
            "declares entities",
        ),
    ],
)
def test_a_bad_opml_file_is_one_clear_error(document: bytes, message: str) -> None:
    with pytest.raises(OpmlError, match=message) as caught:
        parse_opml(document)
    assert "\n" not in str(caught.value)


@pytest.mark.skipif(not fulltext.available(), reason="the fulltext extra is not installed")
def test_the_full_story_is_fetched_and_extracted(feed_server: FeedServer, limits: FetchLimits) -> None:
    paragraphs = fulltext.fetch_story(feed_server.url("/feeds/page.html"), limits=limits)
    assert paragraphs[0] == "Harbour bridge approved"
    assert any(p.startswith("Construction is expected to begin next spring") for p in paragraphs)
    assert not any("alert" in p for p in paragraphs)
    assert all(is_safe(p) for p in paragraphs)


@pytest.mark.skipif(not fulltext.available(), reason="the fulltext extra is not installed")
def test_the_full_story_keeps_the_fetch_limits(feed_server: FeedServer, limits: FetchLimits) -> None:
    with pytest.raises(fulltext.FullTextError, match="larger than 1 MiB"):
        fulltext.fetch_story(feed_server.url("/huge"), limits=limits)
    with pytest.raises(fulltext.FullTextError, match="only http and https"):
        fulltext.fetch_story("file:///etc/passwd", limits=limits)


def test_without_the_extra_the_hint_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fulltext, "available", lambda: False)
    with pytest.raises(fulltext.FullTextUnavailable) as caught:
        fulltext.fetch_story("https://example.com/story")
    assert str(caught.value) == "the full story needs the optional extraction library: pip install 'dateline[fulltext]'"
