"""What the library commands share: opening the library, errors, and sanitised output.

Every string that came from an article, a source or the user is printed through
:func:`reader.sanitize.clean_line`, in plain text and in JSON alike.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reader import jsonio
from reader.cli import CliError
from reader.library import Headline, Library, LibraryError, SourceInfo
from reader.model import source_label
from reader.sanitize import clean_line


@contextmanager
def open_library(*, read_new: bool = False) -> Iterator[Library]:
    """The user's library; ``read_new``: first read sources never read yet (the seeds, on first use).

    A :class:`LibraryError` anywhere inside becomes one line and exit status 1.
    """
    try:
        with Library.open() as library:
            if library.recovery is not None:
                print(f"dateline: {clean_line(library.recovery)}", file=sys.stderr)
            if read_new:
                report = library.refresh(only_new=True)
                for name, message in report.errors:
                    print(f"dateline: {clean_line(name)}: {clean_line(message)}", file=sys.stderr)
            yield library
    except LibraryError as error:
        raise CliError(clean_line(str(error)), 1) from None


def headline_record(headline: Headline) -> dict[str, Any]:
    return {
        "id": clean_line(headline.id),
        "title": clean_line(headline.title),
        "source": clean_line(headline.source),
        "section": clean_line(headline.section),
        "published": headline.published.isoformat() if headline.published else None,
        "read": headline.read,
        "library_source": clean_line(headline.source_name),
    }


def headline_line(headline: Headline) -> str:
    # One spelling and order for the source everywhere (reader.model.source_label).
    source = source_label(headline.source, headline.section)
    return "\t".join((clean_line(headline.id), clean_line(source), clean_line(headline.title)))


def source_record(source: SourceInfo) -> dict[str, Any]:
    return {
        "name": clean_line(source.name),
        "location": clean_line(source.location),
        "kind": clean_line(source.kind),
        "tags": [clean_line(tag) for tag in source.tags],
        "articles": source.total,
        "unread": source.unread,
        "error": clean_line(source.error),
        "refreshed_at": source.refreshed_at.isoformat() if source.refreshed_at else None,
    }


def print_headlines(library: Library, query: str, *, as_json: bool, limit: int | None, order: str = "newest") -> int:
    """Print the matches of ``query`` (a window at a time: nothing holds them all). Returns how many."""
    results = library.results(library.parse_query(query), order=order)
    total = len(results) if limit is None else min(limit, len(results))
    if as_json:
        sys.stdout.write("[")
    for offset in range(0, total, 1000):
        rows = results.window(offset, min(1000, total - offset))
        for index, headline in enumerate(rows):
            if as_json:
                separator = "," if offset + index else ""
                sys.stdout.write(f"{separator}\n  " + jsonio.dumps(headline_record(headline)))
            else:
                sys.stdout.write(headline_line(headline) + "\n")
    if as_json:
        sys.stdout.write("\n]\n" if total else "]\n")
    return total


def quoted(name: str) -> str:
    """``name`` as a ``source:`` value of the query language."""
    return '"' + name.replace('"', " ") + '"'


def positive(text: str) -> int:
    """An argparse type: a whole number of at least 0."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value
