"""Feeds in the app (Pilot, 80x24): r/R refresh in the background with progress, headlines as
they arrive, errors naming the feed; the link in the article header; o opens it (http/https
only, never hanging), y copies it, f fetches the whole story."""

from __future__ import annotations

import threading
import time
import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedServer
from support import rows, screen_text, toasts

from reader.library import Library
from reader.library import refresh as refresh_module
from reader.library.feed_kind import FeedKind
from reader.sources.feeds import fulltext
from reader.sources.feeds.fetch import FetchLimits
from reader.ui.app import DatelineApp
from reader.ui.widgets.refresh_bar import RefreshBar

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def short_deadlines() -> Iterator[None]:
    before = refresh_module.kinds().get("feed")
    refresh_module.register(FeedKind(FetchLimits(connect_timeout=2.0, total_timeout=2.0)))
    yield
    if before is not None:
        refresh_module.register(before)


def feed_app(server: FeedServer, *paths: str, read: bool = True) -> DatelineApp:
    """The app over a library of the given feed paths (no seeds), read once unless told."""
    with Library.open() as library:
        library.remove_source("seeds")
        for path in paths:
            library.add_source(server.url(path), kind="feed", name=path.rsplit("/", 1)[-1].split("?")[0])
        if read:
            library.refresh()
        location = library.path
    return DatelineApp(location, refresh=False, index_entities=False)


async def wait_until(pilot, condition, attempts: int = 200) -> bool:
    """Let the app run until ``condition()`` holds (a bounded wait, not a timing assertion)."""
    for _ in range(attempts):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


def titles(app: DatelineApp) -> list[str]:
    return [row.title for row in rows(app.screen.headlines)]


async def test_R_refreshes_every_feed_with_progress_and_headlines_arriving(feed_server: FeedServer) -> None:
    app = feed_app(feed_server, "/feeds/podcast.xml", "/feeds/rss1_rdf.xml", "/drip", read=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert titles(app) == []
        await pilot.press("R")
        bar = app.screen.query_one(RefreshBar)
        # The two quick feeds are in while the dripping one still holds the refresh open.
        assert await wait_until(pilot, lambda: len(titles(app)) == 4)
        assert bar.display and bar.text.startswith("Refreshing 2/3 · 4 new")
        assert "Refreshing 2/3" in screen_text(app)
        before = app.screen.headlines.cursor
        await pilot.press("j")  # the UI answers keys meanwhile
        assert app.screen.headlines.cursor == before + 1
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not bar.display
        assert any(t.startswith("Could not read a source\ndrip: no complete answer within 2 s") for t in toasts(app))
        assert "Episode 12: Tides" in titles(app) and "Kernel 9.0 released" in titles(app)


async def test_r_refreshes_only_the_chosen_source(feed_server: FeedServer) -> None:
    app = feed_app(feed_server, "/feeds/podcast.xml", "/feeds/rss1_rdf.xml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        first = app.screen.headlines.highlighted
        assert first is not None
        before = len(feed_server.requests)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        asked = [path for path, _ in feed_server.requests[before:]]
        assert asked == [f"/feeds/{first.source_name}"]


async def test_a_second_refresh_while_one_runs_is_refused(feed_server: FeedServer) -> None:
    app = feed_app(feed_server, "/drip", read=False)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("R")
        await pilot.pause()
        await pilot.press("R")
        assert await wait_until(pilot, lambda: any("already running" in t for t in toasts(app)))
        await app.workers.wait_for_complete()


async def test_the_article_header_shows_the_link_and_y_copies_it(feed_server: FeedServer) -> None:
    app = feed_app(feed_server, "/feeds/rss1_rdf.xml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "https://slash.example/story/2" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == "https://slash.example/story/2"
        assert any(t == "Copied https://slash.example/story/2" for t in toasts(app))


class FakeBrowser(webbrowser.BaseBrowser):
    def __init__(self, delay: float = 0.0) -> None:
        super().__init__("fake")
        self.opened: list[str] = []
        self.delay = delay
        self.released = threading.Event()

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        if self.delay:
            self.released.wait(self.delay)
        self.opened.append(url)
        return True


@pytest.fixture
def browser(monkeypatch: pytest.MonkeyPatch) -> FakeBrowser:
    fake = FakeBrowser()
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(webbrowser, "get", lambda using=None: fake)
    return fake


async def test_o_opens_an_http_link_in_the_browser(feed_server: FeedServer, browser: FakeBrowser) -> None:
    app = feed_app(feed_server, "/feeds/rss1_rdf.xml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert await wait_until(pilot, lambda: browser.opened == ["https://slash.example/story/2"])


async def test_o_refuses_javascript_links(feed_server: FeedServer, browser: FakeBrowser) -> None:
    app = feed_app(feed_server, "/feeds/hostile.xml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.screen.headlines.cursor = titles(app).index("[@click=app.quit]x[/]")
        await pilot.pause()
        assert "[@click=app.quit]x[/]" in screen_text(app)  # shown literally, does nothing
        await pilot.press("enter")
        await pilot.pause()
        assert "javascript:alert(document.cookie)" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert browser.opened == []
        assert any(t.startswith("Not opened\nrefused to open a javascript: link") for t in toasts(app))
        assert app.is_running


async def test_o_over_ssh_without_a_browser_says_so(feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("SSH_CONNECTION", "10.0.0.1 5555 10.0.0.2 22")
    app = feed_app(feed_server, "/feeds/rss1_rdf.xml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("o")
        assert await wait_until(pilot, lambda: any("no web browser here (over SSH)" in t for t in toasts(app)))


async def test_o_with_a_browser_that_never_answers_does_not_hang(
    feed_server: FeedServer, browser: FakeBrowser, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.links

    browser.delay = 30
    real_open_link = reader.links.open_link
    monkeypatch.setattr("reader.ui.screens.main.open_link", lambda url: real_open_link(url, timeout=0.5))
    app = feed_app(feed_server, "/feeds/rss1_rdf.xml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        started = time.monotonic()
        await pilot.press("o", "j")
        assert app.screen.headlines.cursor == 1  # keys go on being answered
        assert await wait_until(pilot, lambda: any("did not answer" in t for t in toasts(app)))
        assert time.monotonic() - started < 20
    browser.released.set()


@pytest.mark.skipif(not fulltext.available(), reason="the fulltext extra is not installed")
async def test_f_fetches_the_whole_story_and_f_again_returns_to_the_summary(feed_server: FeedServer) -> None:
    page = feed_server.url("/feeds/page.html")
    feed_server.documents["short.xml"] = (
        '<rss version="2.0"><channel><title>Short</title><item><guid>s1</guid><title>Bridge</title>'
        f"<link>{page}</link><description>Only a teaser.</description></item></channel></rss>"
    ).encode()
    app = feed_app(feed_server, "/feeds/short.xml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert "Only a teaser." in screen_text(app)
        await pilot.press("f")
        assert await wait_until(pilot, lambda: "The city council of Port Elm" in screen_text(app))
        assert "full story (f: the feed's text)" in screen_text(app)
        assert "Only a teaser." not in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert "Only a teaser." in screen_text(app)
        fetched = feed_server.paths().count("/feeds/page.html")
        await pilot.press("f")  # kept in the library: shown again without fetching
        await pilot.pause()
        assert "The city council of Port Elm" in screen_text(app)
        assert feed_server.paths().count("/feeds/page.html") == fetched == 1


async def test_f_without_the_extra_is_a_one_line_hint(feed_server: FeedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fulltext, "available", lambda: False)
    app = feed_app(feed_server, "/feeds/rss1_rdf.xml")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert f"No full story\n{fulltext.HINT}" in toasts(app)


def test_links_refuse_other_schemes_and_never_hang(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from reader.links import LinkError, open_link, openable

    for url in ("javascript:alert(1)", "file:///etc/passwd", "ftp://x.example/", "/relative", "", "http://"):
        with pytest.raises(LinkError):
            openable(url)
    assert openable("https://example.com/a?b=1") == "https://example.com/a?b=1"
    slow = FakeBrowser(delay=30)
    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.setattr(webbrowser, "get", lambda using=None: slow)
    started = time.monotonic()
    with pytest.raises(LinkError, match=r"did not answer within 0\.2 s"):
        open_link("https://example.com/", timeout=0.2)
    assert time.monotonic() - started < 5
    slow.released.set()
