"""The command line for feeds: sources add/list/import/export, refresh and story, against a real server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from feedserver import DATA, FeedServer

from reader.cli import main
from reader.sources.feeds import fulltext


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def dateline(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), *args])


def sources_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    capsys.readouterr()
    assert dateline(data_dir, "sources", "list", "--json") == 0
    return json.loads(capsys.readouterr().out)


def test_add_refresh_and_list_feeds(
    data_dir: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    url = feed_server.url("/feeds/rss2_content.xml")
    assert dateline(data_dir, "sources", "add", url, "--tag", "news") == 0
    assert capsys.readouterr().out == f"source The Example Gazette: {url} (feed)\n"
    assert dateline(data_dir, "sources", "add", str(DATA / "podcast.xml")) == 0
    assert dateline(data_dir, "sources", "add", url) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"source The Example Gazette: {url} (feed)"  # no-op
    assert dateline(data_dir, "refresh") == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "refreshed 3 sources: 16 new, 0 updated, 0 removed, 0 unchanged"
    listed = {s["name"]: s for s in sources_json(data_dir, capsys)}
    assert listed["The Example Gazette"]["tags"] == ["news"] and listed["The Example Gazette"]["articles"] == 4
    assert listed["Harbour Talk"]["kind"] == "feed" and listed["Harbour Talk"]["articles"] == 2
    assert listed["seeds"]["kind"] == "dump"
    assert dateline(data_dir, "refresh", "The Example Gazette") == 0
    assert "1 unchanged" in capsys.readouterr().out


def test_errors_show_in_sources_list(
    data_dir: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.documents["live.xml"] = (DATA / "atom_xhtml.xml").read_bytes()
    assert dateline(data_dir, "sources", "add", feed_server.url("/feeds/live.xml")) == 0
    assert dateline(data_dir, "refresh") == 0
    del feed_server.documents["live.xml"]
    capsys.readouterr()
    assert dateline(data_dir, "refresh") == 1  # reported, and said by the exit status
    assert "dateline: Notes & Queries: HTTP 404 Not Found" in capsys.readouterr().err
    assert dateline(data_dir, "sources", "list") == 0
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if line.startswith("Notes & Queries\t")]
    assert line.endswith("\terror: HTTP 404 Not Found") and "\t2 articles\t" in line  # its articles stay


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/feeds/page.html", "a web page (HTML), not a feed; it announces http://127.0.0.1:"),
        ("/feeds/billion_laughs_multiline.xml", "refused: the document's DTD declares entities"),
        ("/feeds/missing.xml", "HTTP 404 Not Found"),
        ("/redirect-to?url=file:///etc/passwd", "redirect to a file: URL refused"),
    ],
)
def test_add_refuses_what_is_not_a_feed_in_one_line(
    data_dir: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str], path: str, message: str
) -> None:
    capsys.readouterr()
    assert dateline(data_dir, "sources", "add", feed_server.url(path)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err
    assert [s["name"] for s in sources_json(data_dir, capsys)] == ["seeds"]


def test_add_refuses_a_file_url_and_a_bad_feed_file(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert dateline(data_dir, "sources", "add", "ftp://example.com/feed.xml") == 1
    bad = tmp_path / "feed.xml"
    bad.write_bytes((DATA / "billion_laughs_oneline.xml").read_bytes())
    assert dateline(data_dir, "sources", "add", str(bad)) == 1
    assert "declares entities" in capsys.readouterr().err


def test_opml_import_twice_adds_nothing_twice_and_exports_back(
    data_dir: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
        f'<outline text="Gazette" xmlUrl="{feed_server.url("/feeds/rss2_content.xml")}"/>'
        '<outline text="Tech"><outline text="Slash" xmlUrl="' + feed_server.url("/feeds/rss1_rdf.xml") + '"/>'
        '<outline text="Same name" title="Gazette" xmlUrl="' + feed_server.url("/feeds/atom_xhtml.xml") + '"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    assert dateline(data_dir, "sources", "import", str(opml)) == 0
    assert capsys.readouterr().out.startswith("imported 3 feeds from ")
    assert dateline(data_dir, "sources", "import", str(opml)) == 0
    assert capsys.readouterr().out.startswith("imported 0 feeds from ")
    listed = {s["name"]: s for s in sources_json(data_dir, capsys)}
    assert set(listed) == {"seeds", "Gazette", "Slash", "Gazette 2"}
    assert listed["Slash"]["tags"] == ["Tech"] and listed["Gazette"]["tags"] == []
    assert feed_server.requests == []  # importing fetches nothing

    out = tmp_path / "out.opml"
    assert dateline(data_dir, "sources", "export", "-o", str(out)) == 0
    assert "exported 3 feeds" in capsys.readouterr().out
    assert dateline(data_dir, "sources", "export", "-o", str(out)) == 1  # never clobbers
    assert "exists; use --force" in capsys.readouterr().err
    assert dateline(data_dir, "sources", "export", "-o", str(out), "--force") == 0
    other = tmp_path / "other"
    assert dateline(other, "sources", "import", str(out)) == 0
    again = {s["name"]: s for s in sources_json(other, capsys)}
    assert again["Slash"]["tags"] == ["Tech"] and again["Slash"]["location"] == listed["Slash"]["location"]


def test_a_malformed_opml_file_imports_nothing(
    data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    opml = tmp_path / "bad.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="a" xmlUrl="https://a.example/feed"/><outline', encoding="utf-8"
    )
    assert dateline(data_dir, "sources", "import", str(opml)) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not well-formed XML" in err and "nothing was imported" in err
    assert [s["name"] for s in sources_json(data_dir, capsys)] == ["seeds"]


@pytest.mark.skipif(not fulltext.available(), reason="the fulltext extra is not installed")
def test_story_fetches_once_and_keeps_it(
    data_dir: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    page = feed_server.url("/feeds/page.html")
    feed_server.documents["short.xml"] = (
        '<rss version="2.0"><channel><title>Short</title><item><guid>s1</guid><title>Bridge</title>'
        f"<link>{page}</link><description>Only a teaser.</description></item></channel></rss>"
    ).encode()
    assert dateline(data_dir, "sources", "add", feed_server.url("/feeds/short.xml")) == 0
    assert dateline(data_dir, "refresh") == 0
    capsys.readouterr()
    from reader.library import Library

    with Library.open(data_dir / "library.sqlite3") as library:
        [headline] = library.results("Bridge").window(0, 1)
    assert dateline(data_dir, "story", headline.id) == 0
    out = capsys.readouterr().out
    assert out.startswith("Bridge\n" + page + "\n\nHarbour bridge approved\n\nThe city council of Port Elm")
    fetched = feed_server.paths().count("/feeds/page.html")
    assert dateline(data_dir, "story", headline.id) == 0  # kept: no second fetch
    assert capsys.readouterr().out == out
    assert feed_server.paths().count("/feeds/page.html") == fetched
    with Library.open(data_dir / "library.sqlite3") as library:
        assert any("Construction is expected" in body for _, body in library.entity_backlog(100))


def test_story_without_the_extra_is_a_one_line_hint(
    data_dir: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert dateline(data_dir, "sources", "add", feed_server.url("/feeds/rss2_content.xml")) == 0
    assert dateline(data_dir, "refresh") == 0
    from reader.library import Library

    with Library.open(data_dir / "library.sqlite3") as library:
        [headline] = library.results("harbour bridge").window(0, 1)
    monkeypatch.setattr(fulltext, "available", lambda: False)
    capsys.readouterr()
    assert dateline(data_dir, "story", headline.id) == 1
    assert capsys.readouterr().err == f"dateline: {fulltext.HINT}\n"
