"""``dateline sources list|add|remove|rename``: the library's sources."""

from __future__ import annotations

import argparse
import json
import sys

from reader.cli import CliError
from reader.commands.library_support import open_library, source_record
from reader.library import LibraryError
from reader.sanitize import clean_line


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_, description=help_)
        sub.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return sub

    listing = action("list", "print every source with its article and unread counts")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    add = action("add", "add files or directories of articles as sources (read by the next refresh or list)")
    add.add_argument("paths", nargs="+", metavar="PATH")
    add.add_argument("--name", help="the source's name (one PATH only)")
    add.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG", help="a tag (repeatable)")
    remove = action("remove", "remove a source and its articles (bookmarked articles stay)")
    remove.add_argument("source", metavar="NAME|PATH")
    rename = action("rename", "give a source another name")
    rename.add_argument("source", metavar="NAME|PATH")
    rename.add_argument("new_name", metavar="NEW_NAME")


def run(args: argparse.Namespace) -> int:
    with open_library() as library:
        if args.action == "list":
            sources = library.sources()
            if args.json:
                sys.stdout.write(json.dumps([source_record(s) for s in sources], indent=2, ensure_ascii=False) + "\n")
                return 0
            for source in sources:
                fields = [clean_line(source.name), source.kind, f"{source.total} articles", f"{source.unread} unread"]
                fields.append(clean_line(source.location))
                if source.error:
                    fields.append(f"error: {clean_line(source.error)}")
                print("\t".join(fields))
            return 0
        if args.action == "add":
            if args.name is not None and len(args.paths) > 1:
                raise CliError("--name needs exactly one PATH")
            failed = 0
            for path in args.paths:
                try:
                    source = library.add_source(path, name=args.name, tags=args.tags)
                except LibraryError as error:
                    print(f"dateline: {clean_line(str(error))}", file=sys.stderr)
                    failed += 1
                    continue
                print(f"source {clean_line(source.name)}: {clean_line(source.location)} ({source.kind})")
            return 1 if failed else 0
        if args.action == "remove":
            source = library.remove_source(args.source)
            print(f"removed source {clean_line(source.name)} ({source.total} articles)")
            return 0
        source = library.rename_source(args.source, args.new_name)
        print(f"renamed to {clean_line(source.name)}: {clean_line(source.location)}")
        return 0
