"""The whole story behind a feed entry: the linked page fetched once, its article extracted.

Extraction is trafilatura's (a maintained library of the field), an optional extra so
that the default install stays light: ``pip install 'dateline[fulltext]'``. Without it,
:func:`fetch_story` raises :class:`FullTextUnavailable` whose message is the one-line hint.
The page is fetched with the same limits as feeds (deadlines, byte cap, http/https
only); the extracted HTML becomes paragraphs and numbered references exactly as a feed
body does, so it is cleaned the same way.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import importlib.util

from reader.sources.feeds.fetch import FetchError, FetchLimits, check_url, fetch_url
from reader.sources.feeds.html import html_to_text, references

HINT = "the full story needs the optional extraction library: pip install 'dateline[fulltext]'"


class FullTextUnavailable(Exception):
    """The extraction library is not installed; the message says how to install it."""

    def __init__(self) -> None:
        super().__init__(HINT)


class FullTextError(Exception):
    """The story could not be fetched or found in the page; one line for the user."""


def available() -> bool:
    """True when the extraction library can be imported."""
    return importlib.util.find_spec("trafilatura") is not None


def extract_story(page: bytes, url: str) -> tuple[str, ...]:
    """The article in an HTML page as paragraphs (with a reference list when it has links)."""
    if not available():
        raise FullTextUnavailable()
    import trafilatura  # imported here: it is optional and slow to import

    try:
        extracted = trafilatura.extract(
            page,
            url=url,
            output_format="html",
            include_links=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
        )
    except Exception as error:  # a third-party parser on hostile input: any failure is "not found"
        raise FullTextError(f"could not read the page: {type(error).__name__}") from None
    if not extracted:
        raise FullTextError("no article text found in the page")
    text = html_to_text(extracted, base=url)
    paragraphs = list(text.paragraphs)
    if not paragraphs:
        raise FullTextError("no article text found in the page")
    if text.links:
        paragraphs.append(references(text.links))
    return tuple(paragraphs)


def fetch_story(url: str, *, limits: FetchLimits | None = None) -> tuple[str, ...]:
    """Fetch ``url`` once and extract its article; :class:`FullTextError` with a reason if not."""
    if not available():
        raise FullTextUnavailable()
    try:
        check_url(url)
        result = fetch_url(url, limits=limits or FetchLimits())
    except FetchError as error:
        raise FullTextError(str(error)) from None
    return extract_story(result.body or b"", result.final_url)
