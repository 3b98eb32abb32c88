"""``dateline list [SOURCE ...] [--json]``: the headlines, without starting the UI."""

from __future__ import annotations

import argparse
import sys

from reader import jsonio
from reader.sanitize import clean, clean_line
from reader.sources import load_sources


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources", nargs="*", metavar="SOURCE", help="files or directories (default: the bundled seeds)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print a JSON array of {id, source, section, title, byline, origin}"
    )


def run(args: argparse.Namespace) -> int:
    result = load_sources(args.sources)
    for error in result.errors:
        print(f"dateline: {error}", file=sys.stderr)
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
            for a in result.articles
        ]
        sys.stdout.write(jsonio.dumps(records, indent=2) + "\n")
    else:
        for a in result.articles:
            print(f"{a.id}\t{clean_line(a.source) or '-'}\t{clean_line(a.title)}")
    if result.errors and not result.articles:
        return 1
    return 0
