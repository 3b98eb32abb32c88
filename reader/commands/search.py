"""``dateline search QUERY [--json] [--limit N] [--rank]``: the library, in the app's query language.

Words (the last one also as a prefix), "exact phrases", -word, source:NAME, is:unread,
is:read, is:bookmarked, entity:"Name", after:YYYY-MM-DD, before:YYYY-MM-DD. Prints
``id<TAB>source<TAB>title``, newest first.
"""

from __future__ import annotations

import argparse

from reader.commands.library_support import open_library, positive, print_headlines

USES_DATA_DIR = True


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", nargs="+", metavar="QUERY", help="the query (several words may be given unquoted)")
    parser.add_argument("--json", action="store_true", help="print a JSON array of headlines")
    parser.add_argument("--limit", type=positive, metavar="N", help="at most N results")
    parser.add_argument("--rank", action="store_true", help="best matches first instead of newest first")


def run(args: argparse.Namespace) -> int:
    with open_library(read_new=True) as library:
        print_headlines(
            library,
            " ".join(args.query),
            as_json=args.json,
            limit=args.limit,
            order="rank" if args.rank else "newest",
        )
    return 0
