"""Markup in untrusted text never acts: every string that reaches a Textual API (border
titles and subtitles, notifications, palette hits, dialogs) is shown literally, and the
app keeps running. Each path is walked with each payload."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import gazetteer_recogniser, library_app, screen_text, toasts, wait_for_text, write_dump

from reader.ui.app import DatelineApp

PAYLOADS = ["Abbey Road [/]", "T[/]", "[bold red]x", "[@click=app.quit]x[/]"]


def make_app(tmp_path: Path, payload: str) -> DatelineApp:
    corpus = write_dump(
        tmp_path / "corpus.txt",
        [
            (f"Story about {payload}", f"Here {payload} appears. And {payload} again."),
            ("Another story", "Nothing here."),
        ],
    )
    return library_app(
        corpus,
        sources=[str(tmp_path / f"missing {payload}.txt")],
        recognise=gazetteer_recogniser({payload: "FAC"}),
    )


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("payload", PAYLOADS)
async def test_markup_payloads_are_shown_literally_everywhere(tmp_path: Path, payload: str) -> None:
    app = make_app(tmp_path, payload)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        # A load error naming a file with markup in its name: a notification.
        assert any(f"missing {payload}.txt" in toast for toast in toasts(app))
        app.clear_notifications()
        # Enter then n: the mention label in the article pane's border subtitle.
        await pilot.press("enter", "n")
        await settle(pilot)
        assert f"{payload} · 1/2" in screen_text(app)
        # The entity panel, then "articles mentioning": the list pane's subtitle.
        await pilot.press("escape", "E")
        await settle(pilot)
        await pilot.press("enter", "a")
        await settle(pilot)
        # (at 120 columns beside the panel the list is narrow: read the whole subtitle)
        assert f"mentioning: {payload}" in app.screen.query_one("#list-pane")._border_subtitle.plain
        # The palette: "Articles mentioning …" hits.
        await pilot.press("escape", "escape")
        await pilot.press("ctrl+p", *"mentioning")
        expected = f"Articles mentioning {payload}"
        assert expected in await wait_for_text(pilot, expected)
        await pilot.press("escape")
        await pilot.pause()
        # Typing the payload into the / filter: the list pane's subtitle.
        await pilot.press("slash", *payload)
        await pilot.pause()
        assert f"search: {payload}" in app.screen.query_one("#list-pane")._border_subtitle.plain
        await pilot.press("escape", "escape")
        await pilot.pause()
        # A bookmark: the notification names the title; the note dialog shows it.
        await pilot.press("b")
        await pilot.pause()
        assert any(f"Bookmarked: Story about {payload}" in toast for toast in toasts(app))
        app.clear_notifications()
        await pilot.press("B", "n")
        await pilot.pause()
        assert f"Story about {payload}" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and app.return_code is None
