"""``dateline sources``: list, add, remove, rename, import (OPML) and export (OPML) the library's sources.

A LOCATION is a file or directory in the dump format, a local feed file, or the http(s)
address of a feed; what it is, is told by its content (a URL is fetched once). Errors are
one line on stderr and a non-zero exit status; untrusted text is cleaned before printing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader.cli import CliError
from reader.library import Library, LibraryError, SourceInfo
from reader.sanitize import clean_line
from reader.store.files import write_atomic


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_, description=help_)
        sub.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return sub

    listing = action("list", "print every source with its counts and its last error")
    listing.add_argument("--json", action="store_true", help="print a JSON array of sources")

    add = action("add", "add a dump file or directory, a feed file, or a feed URL")
    add.add_argument("location", metavar="LOCATION", help="a path, or an http(s) feed address")
    add.add_argument("--name", help="the source's name (default: the feed's title or the file's name)")
    add.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG", help="a tag (repeatable)")

    remove = action("remove", "remove a source and its articles (bookmarked ones stay)")
    remove.add_argument("source", metavar="SOURCE", help="its name or location")

    rename = action("rename", "give a source another name")
    rename.add_argument("source", metavar="SOURCE", help="its name or location")
    rename.add_argument("new_name", metavar="NEW_NAME")

    import_ = action("import", "add the feeds of an OPML file (folders become tags)")
    import_.add_argument("file", metavar="FILE.opml")

    export = action("export", "write the feed sources as OPML 2.0 to stdout or a file")
    export.add_argument("-o", "--output", metavar="FILE", help="write FILE (atomically) instead of stdout")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(args: argparse.Namespace) -> int:
    handler = {
        "list": _list,
        "add": _add,
        "remove": _remove,
        "rename": _rename,
        "import": _import,
        "export": _export,
    }[args.action]
    try:
        with open_library() as library:
            return handler(library, args)
    except LibraryError as error:
        raise CliError(str(error), 1) from None


def open_library() -> Library:
    library = Library.open()
    if library.recovery is not None:
        print(f"dateline: {clean_line(library.recovery)}", file=sys.stderr)
    return library


def _list(library: Library, args: argparse.Namespace) -> int:
    sources = library.sources()
    if args.json:
        records = [
            {
                "name": s.name,
                "kind": s.kind,
                "location": s.location,
                "tags": list(s.tags),
                "total": s.total,
                "unread": s.unread,
                "error": s.error,
                "refreshed_at": s.refreshed_at.isoformat() if s.refreshed_at else None,
            }
            for s in sources
        ]
        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=False) + "\n")
        return 0
    if not sources:
        print("no sources; add one with 'dateline sources add LOCATION'")
        return 0
    width = min(max(len(clean_line(s.name)) for s in sources), 40)
    for source in sources:
        name = clean_line(source.name)
        tags = f"  [{', '.join(clean_line(t) for t in source.tags)}]" if source.tags else ""
        when = f"{source.refreshed_at:%Y-%m-%d %H:%M}" if source.refreshed_at else "never read"
        print(
            f"{name:<{width}}  {source.kind:<4}  {source.total:>6} articles  {source.unread:>6} unread  "
            f"{when}  {clean_line(source.location)}{tags}"
        )
        if source.error:
            print(f"{'':<{width}}  error: {clean_line(source.error)}")
    return 0


def _describe(info: SourceInfo) -> str:
    return f"{clean_line(info.name)} ({info.kind}, {clean_line(info.location)})"


def _add(library: Library, args: argparse.Namespace) -> int:
    from reader.library.feed_kind import is_url, probe

    location = args.location
    if is_url(location):
        # Fetch once and judge the content; the library's own detection reuses this answer.
        found = probe(location)
        if found.feed is None:
            message = f"{clean_line(location)}: {found.error}"
            if found.discovered:
                message += "; it announces " + ", ".join(clean_line(u) for u in found.discovered[:5])
            raise CliError(message, 1)
        kind: str | None = "feed"
    else:
        kind = None
        path = Path(location).expanduser()
        if path.is_file():
            from reader.sources.feeds.parse import sniff

            with open(path, "rb") as file:
                looks_like_feed = sniff(file.read(4096)) is not None
            if looks_like_feed:
                found = probe(str(path))
                if found.feed is None:
                    raise CliError(f"{clean_line(location)}: {found.error}", 1)
                kind = "feed"
    before = {s.id for s in library.sources()}
    info = library.add_source(location, name=args.name, kind=kind, tags=args.tags)
    if info.id in before:
        print(f"already a source: {_describe(info)}")
    else:
        print(f"added {_describe(info)}; 'dateline refresh' reads it")
    return 0


def _remove(library: Library, args: argparse.Namespace) -> int:
    info = library.remove_source(args.source)
    print(f"removed {_describe(info)}")
    return 0


def _rename(library: Library, args: argparse.Namespace) -> int:
    info = library.rename_source(args.source, args.new_name)
    print(f"renamed: {_describe(info)}")
    return 0


def _import(library: Library, args: argparse.Namespace) -> int:
    from reader.sources.feeds.opml import OpmlError, parse_opml

    path = Path(args.file)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CliError(f"{clean_line(args.file)}: {error.strerror or error}", 1) from None
    try:
        found = parse_opml(data)  # the whole file is read and judged before anything is added
    except OpmlError as error:
        raise CliError(f"{clean_line(args.file)}: {error}; nothing was imported", 1) from None
    for line in found.skipped:
        print(f"dateline: skipped {line}", file=sys.stderr)
    known = {s.location for s in library.sources()}
    added = 0
    for feed in found.feeds:
        if feed.url in known:
            continue
        _add_named(library, feed.url, feed.title, feed.tags)
        known.add(feed.url)
        added += 1
    there = len(found.feeds) - added
    print(
        f"imported {added} feed{'' if added == 1 else 's'} from {clean_line(str(path))}"
        + (f" ({there} already there)" if there else "")
        + (f", {len(found.skipped)} skipped" if found.skipped else "")
        + ("; 'dateline refresh' reads them" if added else "")
    )
    return 0


def _add_named(library: Library, url: str, title: str, tags: tuple[str, ...]) -> None:
    """Add a feed under its OPML title without fetching it; 'Title 2' when the name is taken."""
    from urllib.parse import urlsplit

    base = clean_line(title) or clean_line(urlsplit(url).hostname or url)
    taken = {s.name.casefold() for s in library.sources()}
    name = base
    number = 2
    while name.casefold() in taken:
        name = f"{base} {number}"
        number += 1
    library.add_source(url, name=name, kind="feed", tags=tags)


def _export(library: Library, args: argparse.Namespace) -> int:
    from reader.library.feed_kind import is_url
    from reader.sources.feeds.opml import OpmlFeed, write_opml

    feeds = [
        OpmlFeed(url=s.location, title=s.name, tags=s.tags)
        for s in library.sources()
        if s.kind == "feed" and is_url(s.location)
    ]
    data = write_opml(feeds)
    if not args.output:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    try:
        write_atomic(args.output, data, overwrite=args.force)
    except FileExistsError:
        raise CliError(f"{clean_line(args.output)} exists; use --force to replace it", 1) from None
    except OSError as error:
        raise CliError(f"cannot write {clean_line(args.output)}: {error.strerror or error}", 1) from None
    print(f"exported {len(feeds)} feed{'' if len(feeds) == 1 else 's'} to {clean_line(args.output)}")
    return 0
