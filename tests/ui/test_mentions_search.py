"""Searching the articles for an entity runs in a worker; only the latest search may win."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

from support import gazetteer_recogniser, write_dump

from reader.entities.index import summarise
from reader.sources import load_sources
from reader.ui.app import DatelineApp
from reader.ui.screens.main import MainScreen


async def test_a_stale_search_for_mentions_cannot_win(tmp_path: Path) -> None:
    corpus = write_dump(
        tmp_path / "corpus.txt",
        [("Both", "Huawei and Google met."), ("Slow", "Huawei alone, slowly."), ("Other", "Google alone.")],
    )
    articles = load_sources([corpus]).articles
    both, _slow, other = articles
    plain = gazetteer_recogniser({"Huawei": "ORG", "Google": "ORG"})
    stuck, release = threading.Event(), threading.Event()

    def recognise(text: str) -> list:
        # The first search (Huawei) gets stuck on the slow article until the test lets it go.
        if "slowly" in text and not stuck.is_set():
            stuck.set()
            release.wait(10)
        return plain(text)

    huawei, google = sorted(summarise(plain("Huawei and Google met.")), key=lambda s: s.key != "huawei")
    app = DatelineApp(articles, recognise=recognise)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.show_articles_mentioning(huawei)
        assert await asyncio.to_thread(stuck.wait, 10)
        screen.show_articles_mentioning(google)  # the user changed their mind
        for _ in range(200):  # bounded wait for the second search to land
            if screen.mention_filter is not None:
                break
            await pilot.pause(0.05)
        assert screen.mention_filter == (google, frozenset({both.id, other.id}))
        release.set()  # now the first search finishes, late
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.mention_filter == (google, frozenset({both.id, other.id}))
