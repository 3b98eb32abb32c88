"""Turning untrusted strings into things widgets can show, literally.

Every string that came from an article or a feed reaches the screen through one of
these functions: they run :func:`reader.sanitize.clean` and build a ``Content`` /
``rich.text.Text`` object, so nothing is ever parsed as markup.
"""

from __future__ import annotations

from datetime import datetime

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


def line_text(value: str, style: str = "") -> Text:
    """Single-line untrusted text as ``rich.text.Text`` (for line-API widgets)."""
    return Text(clean_line(value), style=style, no_wrap=True, overflow="ellipsis", end="")


def published_label(value: str) -> str:
    """``Article.published`` (ISO 8601) for the article header: "21 May 2019", with the
    local time when the source gave one ("21 May 2019 16:05"); anything else as it is."""
    text = clean_line(value).strip()
    try:
        when = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if len(text) <= 10:  # a date alone
        return f"{when.day} {when:%b %Y}"
    if when.tzinfo is not None:
        when = when.astimezone()
    return f"{when.day} {when:%b %Y %H:%M}"
