"""The selected row and the focus border stay readable in the dark and light themes and
in 16 colours (WCAG contrast ratios computed over the palettes the app really uses)."""

from __future__ import annotations

import pytest
from support import seed_app
from textual.app import App
from textual.color import Color

from reader.ui.colours import contrast, in_sixteen, sixteen_colour_variables

THEMES = {"dark": "textual-dark", "light": "textual-light"}


def variables(theme: str, sixteen: bool) -> dict[str, str]:
    app = seed_app()
    app.theme = THEMES[theme]
    values = dict(app.get_css_variables())  # headless: true colour
    if sixteen:
        values.update(sixteen_colour_variables(dark=theme == "dark"))
    return values


def resolve(values: dict[str, str], name: str, on: Color, sixteen: bool) -> Color:
    """A colour variable as the terminal shows it ("auto 87%" is text contrasting with ``on``)."""
    value = values[name]
    if value.startswith("auto"):
        colour = on.get_contrast_text(float(value.split()[1].rstrip("%")) / 100)
        colour = on + colour  # blend the alpha over the background
    else:
        colour = Color.parse(value)
        colour = Color.parse(values["background"]) + colour if colour.a < 1 else colour
    return in_sixteen(colour.hex) if sixteen else colour


@pytest.mark.parametrize("sixteen", [False, True], ids=["truecolor", "16-colours"])
@pytest.mark.parametrize("theme", ["dark", "light"])
def test_selected_row_has_readable_contrast(theme: str, sixteen: bool) -> None:
    values = variables(theme, sixteen)
    background = Color.parse(values["block-cursor-background"])
    shown_background = in_sixteen(background.hex) if sixteen else background
    foreground = resolve(values, "block-cursor-foreground", background, sixteen)
    assert contrast(foreground, shown_background) >= 4.5


@pytest.mark.parametrize("sixteen", [False, True], ids=["truecolor", "16-colours"])
@pytest.mark.parametrize("theme", ["dark", "light"])
def test_focus_border_is_no_entity_colour_and_stands_out(theme: str, sixteen: bool) -> None:
    values = variables(theme, sixteen)
    border = resolve(values, "accent", Color.parse(values["background"]), sixteen)
    background = resolve(values, "background", Color.parse(values["background"]), sixteen)
    entity_colours = {name: resolve(values, name, background, sixteen) for name in values if name.startswith("entity-")}
    if sixteen:  # in truecolor the hues differ; in 16 colours they must not collapse into one
        assert border not in entity_colours.values(), entity_colours
    assert contrast(border, background) >= 3


def test_the_old_sixteen_colour_cursor_was_unreadable() -> None:
    """The check can fail: the theme's own cursor in 16 colours is white on cyan."""
    app = seed_app()
    values = dict(App.get_css_variables(app))  # the theme's own, before Dateline's changes
    background = in_sixteen(values["block-cursor-background"])
    foreground = resolve(values, "block-cursor-foreground", Color.parse(values["block-cursor-background"]), True)
    assert contrast(foreground, background) < 3
    assert in_sixteen(values["accent"]) == in_sixteen(values["entity-money"])


async def test_the_app_uses_the_sixteen_colour_variables_in_16_colours(monkeypatch: pytest.MonkeyPatch) -> None:
    app = seed_app()
    monkeypatch.setattr(type(app), "sixteen_colours", property(lambda self: True))
    async with app.run_test(size=(80, 24)):
        assert app.get_css_variables()["block-cursor-background"] == "#000080"
