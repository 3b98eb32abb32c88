"""Turning untrusted strings into things widgets can show, literally.

Every string that came from an article, a feed, a file name or the user reaches the
screen through one of these functions: they run :func:`reader.sanitize.clean` and
build a ``Content`` / ``rich.text.Text`` object, so nothing is ever parsed as markup.

- :func:`safe`: anything handed to a Textual API that would parse a ``str`` as markup:
  border titles and subtitles, palette prompts, tooltips, labels.
- :func:`safe_markup`: for the few APIs that only take a markup string (the palette's
  help line of a system command): cleaned, then escaped.
- :func:`content`, :func:`line_content`, :func:`line_text`: article text for widgets.

Very long single-line text (a 5 MB "title") is cut at :data:`MAX_LINE` characters with
an ellipsis: nobody reads past that on one line, and laying it out would stall the UI.
"""

from __future__ import annotations

from datetime import UTC, datetime

from rich.style import Style
from rich.text import Text
from textual.content import Content
from textual.markup import escape

from reader.sanitize import clean, clean_line

MAX_LINE = 300
"""Characters of one line (title, source, name) shown; the rest becomes "…"."""


def _line(value: str, limit: int = MAX_LINE) -> str:
    # Cut the raw text first (bounded work on a huge value), then clean and cut again.
    if len(value) > 4 * limit:
        value = value[: 4 * limit]
    line = clean_line(value)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def safe(value: str | Content, style: str = "") -> Content:
    """One line of untrusted text as ``Content`` that no Textual API parses as markup."""
    if isinstance(value, Content):
        return value
    result = Content(_line(str(value)))
    return result.stylize(style) if style else result


def safe_markup(value: str) -> str:
    """One line of untrusted text as a markup string that shows exactly these characters."""
    return escape(_line(value))


def content(value: str, style: str = "") -> Content:
    """Multi-line untrusted text as ``Content`` (never markup)."""
    result = Content(clean(value))
    return result.stylize(style) if style else result


def line_content(value: str, style: str = "") -> Content:
    """Single-line untrusted text (titles, sources, names) as ``Content``."""
    return safe(value, style)


def line_text(value: str, style: str | Style = "") -> Text:
    """Single-line untrusted text as ``rich.text.Text`` (for line-API widgets)."""
    return Text(_line(value), style=style, no_wrap=True, overflow="ellipsis", end="")


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
    # Stored in UTC (the library and the feeds write UTC); shown in the local time zone.
    when = (when if when.tzinfo is not None else when.replace(tzinfo=UTC)).astimezone()
    return f"{when.day} {when:%b %Y %H:%M}"
