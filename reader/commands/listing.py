"""``dateline list``: headlines without starting the UI.

With no SOURCE: the library's headlines, newest first (``--unread``, ``--source NAME``,
``--limit N``); sources never read yet (the bundled seeds, on first use) are read first.
With SOURCEs: those files or directories are read and listed as they are, without touching
the library.
"""

from __future__ import annotations

import argparse
import sys

from reader import jsonio
from reader.commands.library_support import open_library, positive, print_headlines, quoted
from reader.model import source_label
from reader.sanitize import clean, clean_line
from reader.sources import load_sources

USES_DATA_DIR = True
READS_SOURCES = True


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources", nargs="*", metavar="SOURCE", help="files or directories to list as they are (default: the library)"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array of headlines")
    parser.add_argument("--unread", action="store_true", help="only unread articles (library)")
    parser.add_argument("--source", metavar="NAME", help="only this source's articles (library; name or publisher)")
    parser.add_argument("--limit", type=positive, metavar="N", help="at most N headlines")


def run(args: argparse.Namespace) -> int:
    if not args.sources:
        query = []
        if args.unread:
            query.append("is:unread")
        if args.source:
            query.append(f"source:{quoted(args.source)}")
        with open_library(read_new=True) as library:
            print_headlines(library, " ".join(query), as_json=args.json, limit=args.limit)
        return 0
    if args.unread or args.source:
        from reader.cli import CliError

        raise CliError("--unread and --source list the library: give no SOURCE with them")
    result = load_sources(args.sources)
    for error in result.errors:
        print(f"dateline: {error}", file=sys.stderr)
    articles = result.articles[: args.limit] if args.limit is not None else result.articles
    if args.json:
        records = [
            {
                "id": clean_line(a.id),
                "source": clean_line(a.source),
                "section": clean_line(a.section),
                "title": clean_line(a.title),
                "byline": clean_line(a.byline),
                "origin": clean(a.origin),
            }
            for a in articles
        ]
        sys.stdout.write(jsonio.dumps(records, indent=2) + "\n")
    else:
        for a in articles:
            print(f"{a.id}\t{clean_line(source_label(a.source, a.section))}\t{clean_line(a.title)}")
    if result.errors and not result.articles:
        return 1
    return 0
