"""``dateline list [SOURCE ...] [--json]``: the headlines, without starting the UI."""

from __future__ import annotations

import argparse
import json
import sys

from reader.model import source_label
from reader.sanitize import clean_line
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
                "id": a.id,
                "source": a.source,
                "section": a.section,
                "title": a.title,
                "byline": a.byline,
                "origin": a.origin,
            }
            for a in result.articles
        ]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for a in result.articles:
            print(f"{a.id}\t{clean_line(source_label(a.source, a.section))}\t{clean_line(a.title)}")
    if result.errors and not result.articles:
        return 1
    return 0
