"""How each kind of entity looks: a theme colour, or a text style without colour.

The colours are theme variables (``$entity-person`` …) with defaults for dark and light
themes, chosen near the 16 ANSI hues so that the kinds stay apart in a 16-colour
terminal; a theme may override them. With ``NO_COLOR`` the kinds fall back to bold,
underline and italic, one combination each.
"""

from __future__ import annotations

from reader.entities.kinds import KINDS, Kind

# kind key -> (dark theme colour, light theme colour)
_COLOURS: dict[str, tuple[str, str]] = {
    "person": ("#5fd75f", "#007a00"),  # green
    "org": ("#5f87ff", "#0050c8"),  # blue
    "place": ("#ffd75f", "#8a6100"),  # yellow
    "group": ("#e08cff", "#8a00b0"),  # magenta
    "date": ("#5fd7d7", "#007a7a"),  # cyan
    "money": ("#ff8787", "#c80000"),  # red
    "other": ("#c6c6c6", "#505050"),  # grey
}

# Without colour: every kind gets its own combination of bold, underline and italic.
_MONOCHROME: dict[str, str] = {
    "person": "bold",
    "org": "underline",
    "place": "italic",
    "group": "bold italic",
    "date": "italic underline",
    "money": "bold underline",
    "other": "bold italic underline",
}

CURRENT_MENTION = "reverse"


def theme_variables(dark: bool) -> dict[str, str]:
    """Defaults for the ``$entity-<kind>`` variables of the current theme."""
    return {f"entity-{key}": colours[0 if dark else 1] for key, colours in _COLOURS.items()}


def kind_style(kind: Kind, no_color: bool) -> str:
    """The Content style for a kind of entity."""
    if no_color:
        return _MONOCHROME[kind.key]
    return f"${'entity-' + kind.key}" + (" bold" if kind.key in {"person", "org"} else "")


def all_styles(no_color: bool) -> dict[str, str]:
    return {kind.key: kind_style(kind, no_color) for kind in KINDS}
