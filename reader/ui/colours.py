"""Colours that stay readable in 16 colours, and the contrast arithmetic that checks them.

In a 16-colour terminal (``TERM=xterm``, or Textual's ANSI theme) every colour is
replaced by the nearest of the 16. The built-in themes then give a selected row of
white on dark cyan (a contrast near 1.9:1), and an orange focus border that becomes
the same bright red as the Money entities. :func:`sixteen_colour_variables` replaces
those few theme variables with colours chosen among the 16: bright white on blue for
the selected row, and for the focus border bright white (dark) or black (light), which
no kind of entity uses.
"""

from __future__ import annotations

from rich.color import Color as RichColor
from rich.color import ColorSystem
from textual.color import Color

# Exactly colours of the 16 (Rich's standard palette), so the downgrade keeps them.
_BLUE = "#000080"
_BRIGHT_WHITE = "#ffffff"
_BLACK = "#000000"

_ANSI_NAMES = {_BLUE: "ansi_blue", _BRIGHT_WHITE: "ansi_bright_white", _BLACK: "ansi_black"}


def sixteen_colour_variables(dark: bool, ansi: bool = False) -> dict[str, str]:
    """Theme variables to override in 16 colours (``ansi``: as ANSI names, for Textual's
    ANSI mode, where the terminal's own palette is used)."""
    values = {
        "block-cursor-background": _BLUE,
        "block-cursor-foreground": _BRIGHT_WHITE,
        "block-cursor-text-style": "bold",
        # The focus border (and what else is accented): not a hue, so no entity shares it.
        "accent": _BRIGHT_WHITE if dark else _BLACK,
    }
    if ansi:
        values = {name: _ANSI_NAMES.get(value, value) for name, value in values.items()}
    return values


# xterm's default 16 colours: how a 16-colour terminal shows colour number 0–15.
XTERM_16 = [
    (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
    (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
    (255, 255, 255),
]  # fmt: skip


def in_sixteen(colour: str | Color) -> Color:
    """``colour`` as a 16-colour terminal shows it: the colour number Rich picks for it
    (what the terminal is sent), drawn with xterm's default palette."""
    parsed = Color.parse(colour) if isinstance(colour, str) else colour
    number = RichColor.from_rgb(*parsed.rgb).downgrade(ColorSystem.STANDARD).number or 0
    return Color(*XTERM_16[number])


def readable_variables(variables: dict[str, str], dark: bool) -> dict[str, str]:
    """For any theme in true colour: the selected row's text white or black, whichever
    reads better on its background (at least 4.5:1), and an accent (the focus border)
    darkened or lightened until it stands out from the background (at least 3:1)."""
    changes: dict[str, str] = {}
    try:
        cursor = Color.parse(variables["block-cursor-background"])
        background = Color.parse(variables["background"])
        accent = Color.parse(variables["accent"])
    except Exception:
        return changes  # a theme with unusual values: leave it as its author made it
    white, black = Color(255, 255, 255), Color(0, 0, 0)
    changes["block-cursor-foreground"] = max((white, black), key=lambda c: contrast(c, cursor)).hex
    for _ in range(20):
        if contrast(accent, background) >= 3:
            break
        accent = accent.lighten(0.05) if dark else accent.darken(0.05)
    changes["accent"] = accent.hex
    return changes


def luminance(colour: Color) -> float:
    """WCAG 2 relative luminance."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
