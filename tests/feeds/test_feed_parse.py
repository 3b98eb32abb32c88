"""Feed documents become the right articles; XML attacks are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from feedserver import DATA
from support import HOSTILE_TITLES

from reader.sanitize import is_safe
from reader.sources.feeds.html import html_to_line, html_to_text
from reader.sources.feeds.parse import FeedError, ParsedFeed, discover_feeds, is_feed, parse_feed

LOCATION = "https://feeds.example/feed.xml"


def parse(name: str, location: str = LOCATION) -> ParsedFeed:
    return parse_feed((DATA / name).read_bytes(), location)


def by_title(feed: ParsedFeed) -> dict[str, object]:
    return {a.title: a for a in feed.articles}


def test_rss2_prefers_content_encoded_and_makes_paragraphs_bullets_and_references() -> None:
    feed = parse("rss2_content.xml")
    assert feed.format == "rss20"
    assert feed.title == "The Example Gazette"
    bridge = feed.articles[0]
    assert bridge.title == "Council approves new harbour bridge"
    assert bridge.source == "The Example Gazette"
    assert bridge.byline == "Maria Okafor"
    assert bridge.url == "https://gazette.example/2025/03/harbour-bridge"
    assert bridge.published == "2025-03-04T08:30:00+00:00"  # +0100 in the feed, stored in UTC
    assert bridge.origin == LOCATION
    assert bridge.paragraphs == (
        "The city council of Port Elm voted 7–2 on Monday to build a new bridge across the harbour, "
        "according to the plan[1].",
        "What happens next",
        "• Tenders open in April.",
        "• Work starts in 2026; see the timeline[2].",
        "“It is about time,” said the mayor.",
        "Read the full plan[1] again.",
        "[1] https://gazette.example/docs/plan.pdf\n[2] https://gazette.example/timeline",
    )
    assert "tracking" not in bridge.body and "color" not in bridge.body  # script and style dropped
    assert "The council voted" not in bridge.body  # the summary lost to the content


def test_ordinary_bracketed_titles_come_through_whole() -> None:
    titles = [a.title for a in parse("rss2_content.xml").articles]
    assert "Weekly thread [/r/python]" in titles
    assert "[Video] Ferry timetable changes" in titles
    assert "Budget report [pdf]" in titles


def test_html_in_an_rss_description_becomes_text() -> None:
    weekly = by_title(parse("rss2_content.xml"))["Weekly thread [/r/python]"]
    assert weekly.paragraphs == ("Ask anything. Be kind.",)


def test_ids_guid_else_link_else_content_and_stable_across_parses() -> None:
    first = parse("rss2_content.xml")
    second = parse("rss2_content.xml")
    assert [a.id for a in first.articles] == [a.id for a in second.articles]
    assert len({a.id for a in first.articles}) == 4
    # The same entries read from another feed address are other articles (ids are namespaced by feed).
    elsewhere = parse("rss2_content.xml", "https://mirror.example/feed.xml")
    assert not {a.id for a in first.articles} & {a.id for a in elsewhere.articles}


def test_an_updated_entry_keeps_its_id_and_changes_its_text() -> None:
    data = (DATA / "rss2_content.xml").read_bytes()
    changed = data.replace(b"Tenders open in April.", b"Tenders open in May.")
    before = parse_feed(data, LOCATION).articles[0]
    after = parse_feed(changed, LOCATION).articles[0]
    assert before.id == after.id
    assert "• Tenders open in May." in after.paragraphs
    assert before.content_hash != after.content_hash


def test_atom_with_xhtml_title_and_content() -> None:
    feed = parse("atom_xhtml.xml")
    assert feed.format == "atom10"
    assert feed.title == "Notes & Queries"  # an HTML title: tags removed, entities decoded
    entry = feed.articles[0]
    assert entry.title == "Why XHTML titles & entities matter"
    assert entry.byline == "Sam Lee"
    assert entry.published == "2025-02-10T17:30:02+00:00"
    assert entry.paragraphs == (
        "First paragraph with a relative link[1].",
        "• Point one",
        "• Point two",
        "Second paragraph — with an em dash.",
        "[1] https://notes.example/2025/relative-page",  # resolved against xml:base
    )
    assert by_title(feed)["Only a summary"].paragraphs == ("Summary in HTML.",)


def test_json_feed_1_1() -> None:
    feed = parse("jsonfeed11.json", "https://kettle.example/feed.json")
    assert feed.format == "json1.1"
    assert feed.title == "Kettle Blog"
    tea, plain = feed.articles
    assert tea.title == "Tea at <b>five</b>"  # JSON Feed titles are plain text: shown as written
    assert tea.byline == "Ana Ruiz, Li Wei"
    assert tea.published == "2025-01-05T16:00:00+00:00"
    assert tea.paragraphs == (
        "Boil the water. More[1]",
        "• Green",
        "• Black",
        "Attachment (audio/mpeg, 2 MB) [2]",
        "[1] https://kettle.example/water\n[2] https://kettle.example/tea.mp3",
    )
    assert plain.paragraphs == ("First line.", "Second paragraph.")
    assert plain.byline == "The Kettle Team"  # the feed's authors when the item has none
    assert plain.published == "2025-01-04T08:00:00+00:00"


def test_json_feed_1_0_with_author_object() -> None:
    data = (
        b'{"version": "https://jsonfeed.org/version/1", "title": "Old", '
        b'"author": {"name": "Pat"}, "items": [{"id": "a", "content_text": "Hi"}]}'
    )
    feed = parse_feed(data, LOCATION)
    assert feed.format == "json1"
    assert feed.articles[0].byline == "Pat"
    assert feed.articles[0].title == "Hi"


def test_rss1_rdf() -> None:
    feed = parse("rss1_rdf.xml")
    assert feed.format == "rss10"
    assert [a.title for a in feed.articles] == ["Kernel 9.0 released", "Ask Slash: favourite editor?"]
    assert feed.articles[0].byline == "timothy"
    assert feed.articles[0].paragraphs == ("The new kernel brings many changes.",)
    assert feed.articles[0].published == "2025-03-01T12:00:00+00:00"


def test_podcast_enclosures_are_listed_as_references() -> None:
    feed = parse("podcast.xml")
    episode = feed.articles[0]
    assert episode.title == "Episode 12: Tides"
    assert episode.paragraphs == (
        "We talk about tides.",
        "Attachment (audio/mpeg, 24 MB, 42:10) [1]",
        "[1] https://cdn.talk.example/ep12.mp3",
    )


@pytest.mark.parametrize(
    ("name", "title", "entry", "body"),
    [
        ("cp1252.xml", "Café Nouvelles", "“Crème brûlée” – a résumé", "Naïve € prices …"),
        ("latin1.xml", "München Blatt", "Grüße aus München", "Ärger über Öl"),
    ],
)
def test_non_utf8_encodings_declared_in_the_xml(name: str, title: str, entry: str, body: str) -> None:
    feed = parse(name)
    assert feed.title == title
    assert feed.articles[0].title == entry
    assert feed.articles[0].paragraphs == (body,)


def test_a_multibyte_encoding_expat_cannot_read_itself() -> None:
    text = '<?xml version="1.0" encoding="shift_jis"?><rss version="2.0"><channel><title>日本</title>'
    text += "<item><guid>j1</guid><title>東京のニュース</title></item></channel></rss>"
    feed = parse_feed(text.encode("shift_jis"), LOCATION)
    assert feed.title == "日本"
    assert feed.articles[0].title == "東京のニュース"


def test_hostile_entries_come_through_as_literal_cleaned_text() -> None:
    feed = parse("hostile.xml")
    first, second = feed.articles
    assert feed.title == "[@click=app.quit]Evil[/] Feed"
    assert first.title == "[@click=app.quit]x[/]"
    assert first.url == "javascript:alert(document.cookie)"  # kept as text; opening it is refused
    assert first.paragraphs == ("Click here or there.",)  # javascript: and file: links get no reference
    assert "alert(2)" not in first.body
    assert second.title.startswith("Escape gnp.exe [bold red]red[/bold red]")
    for article in feed.articles:
        for text in (article.title, article.body, article.source, article.url, article.byline):
            assert is_safe(text)


def test_undefined_html_entities_in_a_sloppy_feed_still_read() -> None:
    feed = parse("undefined_entity.xml")
    assert feed.articles[0].title == "Café opens"


@pytest.mark.parametrize(
    "name", ["billion_laughs_oneline.xml", "billion_laughs_multiline.xml", "malformed.xml", "page.html"]
)
def test_attacks_and_non_feeds_are_refused_with_one_line(name: str) -> None:
    with pytest.raises(FeedError) as caught:
        parse(name)
    message = str(caught.value)
    assert "\n" not in message and message
    if name.startswith("billion"):
        assert "declares entities" in message


def test_xxe_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    for document in (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rss version="2.0"><channel><title>&x;</title><item><title>&x;</title></item></channel></rss>',
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n  <!ENTITY % p SYSTEM "file://{secret}">\n  %p;\n]>\n'
        '<rss version="2.0"><channel><title>t</title></channel></rss>',
    ):
        with pytest.raises(FeedError, match="declares entities"):
            parse_feed(document.encode(), LOCATION)


def test_an_external_dtd_is_not_fetched_and_the_feed_reads() -> None:
    document = (
        b'<?xml version="1.0"?><!DOCTYPE rss SYSTEM "http://127.0.0.1:9/evil.dtd">'
        b'<rss version="2.0"><channel><title>T</title><item><guid>1</guid><title>ok</title></item></channel></rss>'
    )
    assert parse_feed(document, LOCATION).articles[0].title == "ok"


def test_sniffing_by_content_not_name() -> None:
    assert is_feed((DATA / "rss2_content.xml").read_bytes())
    assert is_feed((DATA / "jsonfeed11.json").read_bytes())
    assert is_feed((DATA / "rss1_rdf.xml").read_bytes())
    assert not is_feed(b"Title\n\nTitle\n\nBody\n\nRead More\n")  # the dump format
    assert not is_feed((DATA / "page.html").read_bytes())
    assert not is_feed(b'{"version": 1}')
    assert not is_feed((DATA / "billion_laughs_oneline.xml").read_bytes())
    with pytest.raises(FeedError, match="not a JSON Feed"):
        parse_feed(b'{"items": []}', LOCATION)
    with pytest.raises(FeedError, match="XML, but not a feed"):
        parse_feed(b"<svg xmlns='http://www.w3.org/2000/svg'/>", LOCATION)


def test_feed_links_are_discovered_in_a_page() -> None:
    page = (DATA / "page.html").read_bytes()
    assert discover_feeds(page, "https://gazette.example/news/") == ["https://gazette.example/feeds/rss2_content.xml"]


def test_html_conversion_details() -> None:
    text = html_to_text(
        "<p>One<br>two</p><pre>  keep\n    indent</pre><p>same <a href='https://a.example'>link</a> and "
        "<a href='https://a.example'>again</a>; <a href='https://b.example'>https://b.example</a></p>"
        "<ul><li>a<ul><li>nested</li></ul></li></ul><table><tr><td>x</td><td>y</td></tr></table>"
    )
    assert text.paragraphs == [
        "One\ntwo",
        "  keep\n    indent",
        "same link[1] and again[1]; https://b.example",
        "• a",
        "• nested",
        "x y",
    ]
    assert text.links == ["https://a.example"]
    assert html_to_line("A <b>bold</b> &amp; &lt;title&gt;") == "A bold & <title>"
    for hostile in HOSTILE_TITLES:
        assert is_safe(html_to_line(hostile))
