"""The command palette finds the key list once and names entity kinds as the panel does;
the help box and the footer fit 80×24 and 60 columns."""

from __future__ import annotations

from pathlib import Path

from support import gazetteer_recogniser, library_app, screen_text, seed_app, wait_for_text, write_dump
from textual.command import CommandList

from reader.ui.app import DatelineApp


def palette_prompts(app: DatelineApp) -> list[str]:
    options = app.screen.query_one(CommandList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_help_and_keys_find_the_key_list_once() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for query in ("keys", "help"):
            await pilot.press("ctrl+p", *query)
            await wait_for_text(pilot, "Keys (help)")
            prompts = palette_prompts(app)
            assert sum("Keys" in p for p in prompts) == 1, prompts
            await pilot.press("escape")
            await pilot.pause()


async def test_palette_names_entity_kinds_as_the_panel_does(tmp_path: Path) -> None:
    corpus = write_dump(tmp_path / "c.txt", [("Huawei in China", "Huawei sells phones in China.")])
    recognise = gazetteer_recogniser({"Huawei": "ORG", "China": "GPE"})
    app = library_app(corpus, recognise=recognise)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")  # the article being read (full width at 80 columns)
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p", *"mentioning")
        text = await wait_for_text(pilot, "Organisations, 1 mention")
        assert "Organisations, 1 mention" in text and "Places, 1 mention" in text
        assert "ORG," not in text and "GPE," not in text


async def test_help_box_fits_80x24_and_leaves_the_footer() -> None:
    app = seed_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        lines = screen_text(app).split("\n")
        assert lines[0].startswith("╭─ Keys") and lines[0].rstrip().endswith("╮")  # one corner, not two
        assert not lines[0].startswith("╭╭")
        assert "esc Close" in lines[-1]  # the footer row is not covered


async def test_footer_at_60_columns_cuts_no_key() -> None:
    app = seed_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.pause()
        footer = screen_text(app).split("\n")[-1]
        assert "q Quit" in footer and "? Keys" in footer
        assert "q Qu " not in footer + " "


def test_footer_60_columns_snapshot(snap_compare) -> None:
    """(The help box at 80×24 is tests/snapshots' test_help_80x24.)"""
    assert snap_compare(seed_app(), press=["j"], terminal_size=(60, 24))
