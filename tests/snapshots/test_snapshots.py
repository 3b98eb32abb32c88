"""SVG snapshots of each screen (pytest-textual-snapshot). Regenerate deliberately with
``pytest tests/snapshots --snapshot-update`` and look at the report before committing."""

from __future__ import annotations

import pytest
from support import library_app

from reader.ui.app import DatelineApp


def seed_app() -> DatelineApp:
    return library_app()


def test_main_80x24(snap_compare) -> None:
    assert snap_compare(seed_app(), press=["j"], terminal_size=(80, 24))


def test_main_120x40(snap_compare) -> None:
    assert snap_compare(seed_app(), press=["j"], terminal_size=(120, 40))


def test_article_focused_scrolled_120x40(snap_compare) -> None:
    assert snap_compare(seed_app(), press=["j", "enter", "j", "j"], terminal_size=(120, 40))


def test_article_full_width_80x24(snap_compare) -> None:
    assert snap_compare(seed_app(), press=["j", "enter"], terminal_size=(80, 24))


def test_sources_picker_80x24(snap_compare) -> None:
    async def open_picker(pilot) -> None:
        await pilot.press("j", "enter", "escape", "s")  # one article read: 9 unread
        await pilot.app.workers.wait_for_complete()
        pilot.app.writer.submit(lambda lib: None).result()
        await pilot.pause()

    assert snap_compare(seed_app(), run_before=open_picker, terminal_size=(80, 24))


def test_filter_80x24(snap_compare) -> None:
    assert snap_compare(seed_app(), press=["slash", *"huawei", "enter"], terminal_size=(80, 24))


def test_help_80x24(snap_compare) -> None:
    assert snap_compare(seed_app(), press=["question_mark"], terminal_size=(80, 24))


def test_light_theme_80x24(snap_compare) -> None:
    app = seed_app()
    app.theme = "textual-light"
    assert snap_compare(app, press=["j"], terminal_size=(80, 24))


def test_no_color_80x24(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(seed_app(), press=["j"], terminal_size=(80, 24))


def test_entities_highlighted_with_panel_120x40(snap_compare) -> None:
    async def open_panel(pilot) -> None:
        await pilot.press("j")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("E", "j", "enter")
        await pilot.pause()

    assert snap_compare(seed_app(), run_before=open_panel, terminal_size=(120, 40))


def test_entities_no_color_80x24(snap_compare, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    async def wait(pilot) -> None:
        await pilot.press("j")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(seed_app(), run_before=wait, terminal_size=(80, 24))


def test_bookmarks_screen_80x24(snap_compare) -> None:
    async def save_two(pilot) -> None:
        await pilot.press("b", "j", "j", "b", "B")
        await pilot.app.workers.wait_for_complete()
        pilot.app.clear_notifications()  # toasts expire on the clock: not in the picture
        await pilot.pause()

    # The date column says when each bookmark was saved: "now", whatever the clock.
    assert snap_compare(seed_app(), run_before=save_two, terminal_size=(80, 24))
