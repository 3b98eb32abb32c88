"""``dateline mark read|unread ID ...`` and ``dateline mark read|unread --all [--source NAME]``."""

from __future__ import annotations

import argparse
import sys

from reader.cli import CliError
from reader.commands.library_support import open_library, quoted
from reader.sanitize import clean_line

USES_DATA_DIR = True


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("state", choices=("read", "unread"))
    parser.add_argument("ids", nargs="*", metavar="ID", help="article ids (see dateline list)")
    parser.add_argument("--all", action="store_true", help="every article (of --source, if given)")
    parser.add_argument("--source", metavar="NAME", help="with --all: only this source's articles")


def run(args: argparse.Namespace) -> int:
    if args.all == bool(args.ids):
        raise CliError("give article ids, or --all")
    if args.source and not args.all:
        raise CliError("--source goes with --all")
    read = args.state == "read"
    with open_library() as library:
        if args.all:
            query = ""
            if args.source:
                query = f"source:{quoted(args.source)}"
                if not library.results(query):  # an unknown source is an error, not "0 changed"
                    raise CliError(f"no articles from a source named {clean_line(args.source)}", 1)
            changed = library.mark_all_read(query, read=read)
            print(f"marked {changed} article{'' if changed == 1 else 's'} {args.state}")
            return 0
        unknown = [article_id for article_id in dict.fromkeys(args.ids) if library.is_read(article_id) is None]
        changed = library.mark_read([i for i in args.ids if i not in unknown], read=read)
    print(f"marked {changed} article{'' if changed == 1 else 's'} {args.state}")
    for article_id in unknown:
        print(f"dateline: no article with id {clean_line(article_id)}", file=sys.stderr)
    return 1 if unknown else 0
