"""Turning untrusted strings into things widgets can show, literally.

Every string that came from an article or a feed reaches the screen through one of
these functions: they run :func:`reader.sanitize.clean` and build a ``Content`` /
``rich.text.Text`` object, so nothing is ever parsed as markup.
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.content import Content

from reader.sanitize import clean, clean_line


def content(value: str, style: str = "") -> Content:
    """Multi-line untrusted text as ``Content`` (never markup)."""
    result = Content(clean(value))
    return result.stylize(style) if style else result


def line_content(value: str, style: str = "") -> Content:
    """Single-line untrusted text (titles, sources, names) as ``Content``."""
    result = Content(clean_line(value))
    return result.stylize(style) if style else result


def line_text(value: str, style: str | Style = "") -> Text:
    """Single-line untrusted text as ``rich.text.Text`` (for line-API widgets)."""
    return Text(clean_line(value), style=style, no_wrap=True, overflow="ellipsis", end="")
