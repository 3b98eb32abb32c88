"""``dateline sources list|add|remove|rename|import|export``: the library's sources.

A LOCATION is a file or directory in the dump format, a local feed file, or the http(s)
address of a feed; what it is, is told by its content (a URL is fetched once). ``import``
and ``export`` read and write OPML 2.0 subscription lists. Errors are one line on stderr
and a non-zero exit status; untrusted text is cleaned before printing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader import jsonio
from reader.cli import CliError
from reader.commands.library_support import open_library, source_record
from reader.library import Library, LibraryError, SourceInfo
from reader.sanitize import clean_line
from reader.store.files import write_atomic

USES_DATA_DIR = True
READS_SOURCES = True


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_, description=help_)
        sub.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return sub

    listing = action("list", "print every source with its article and unread counts and its last error")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    add = action(
        "add",
        "add sources: files or directories of articles, feed files, or feed URLs (read by the next refresh)",
    )
    add.add_argument("paths", nargs="+", metavar="LOCATION", help="a path, or the http(s) address of a feed")
    add.add_argument("--name", help="the source's name (one LOCATION only; default: the feed's title or file name)")
    add.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG", help="a tag (repeatable)")
    remove = action("remove", "remove a source and its articles (bookmarked articles stay)")
    remove.add_argument("source", metavar="NAME|LOCATION")
    rename = action("rename", "give a source another name")
    rename.add_argument("source", metavar="NAME|LOCATION")
    rename.add_argument("new_name", metavar="NEW_NAME")
    import_ = action("import", "add the feeds of an OPML file (its folders become tags)")
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
    with open_library() as library:
        return handler(library, args)


def _list(library: Library, args: argparse.Namespace) -> int:
    sources = library.sources()
    if args.json:
        sys.stdout.write(jsonio.dumps([source_record(s) for s in sources], indent=2) + "\n")
        return 0
    for source in sources:
        fields = [clean_line(source.name), source.kind, f"{source.total} articles", f"{source.unread} unread"]
        fields.append(clean_line(source.location))
        if source.tags:
            fields.append("tags: " + ", ".join(clean_line(t) for t in source.tags))
        if source.error:
            fields.append(f"error: {clean_line(source.error)}")
        print("\t".join(fields))
    return 0


def _add(library: Library, args: argparse.Namespace) -> int:
    if args.name is not None and len(args.paths) > 1:
        raise CliError("--name needs exactly one PATH")
    failed = 0
    for location in args.paths:
        try:
            kind = _feed_check(location)
            source = library.add_source(location, name=args.name, kind=kind, tags=args.tags)
        except (LibraryError, CliError) as error:
            print(f"dateline: {clean_line(str(error))}", file=sys.stderr)
            failed += 1
            continue
        print(f"source {clean_line(source.name)}: {clean_line(source.location)} ({source.kind})")
    return 1 if failed else 0


def _feed_check(location: str) -> str | None:
    """``"feed"`` when ``location`` is a feed, None to let the library detect it; a
    :class:`CliError` saying why when it looks like a feed (or is a URL) but cannot be one.

    A URL is fetched once, here; the library's detection then reuses that answer.
    """
    from reader.library.feed_kind import is_url, probe

    if is_url(location):
        found = probe(location)
        if found.feed is None:
            message = f"{clean_line(location)}: {found.error}"
            if found.discovered:
                message += "; it announces " + ", ".join(clean_line(u) for u in found.discovered[:5])
            raise CliError(message, 1)
        return "feed"
    path = Path(location).expanduser()
    if not path.is_file():
        return None
    from reader.sources.feeds.parse import sniff

    try:
        with open(path, "rb") as file:
            looks_like_feed = sniff(file.read(4096)) is not None
    except OSError:
        return None  # the library says why
    if not looks_like_feed:
        return None
    found = probe(str(path))
    if found.feed is None:
        raise CliError(f"{clean_line(location)}: {found.error}", 1)
    return "feed"


def _remove(library: Library, args: argparse.Namespace) -> int:
    source = library.remove_source(args.source)
    print(f"removed source {clean_line(source.name)} ({source.total} articles)")
    return 0


def _rename(library: Library, args: argparse.Namespace) -> int:
    source = library.rename_source(args.source, args.new_name)
    print(f"renamed to {clean_line(source.name)}: {clean_line(source.location)}")
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


def _add_named(library: Library, url: str, title: str, tags: tuple[str, ...]) -> SourceInfo:
    """Add a feed under its OPML title without fetching it; 'Title 2' when the name is taken."""
    from urllib.parse import urlsplit

    base = clean_line(title) or clean_line(urlsplit(url).hostname or url)
    taken = {s.name.casefold() for s in library.sources()}
    name = base
    number = 2
    while name.casefold() in taken:
        name = f"{base} {number}"
        number += 1
    return library.add_source(url, name=name, kind="feed", tags=tags)


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
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        write_atomic(args.output, data, overwrite=args.force)
    except FileExistsError:
        raise CliError(f"{clean_line(args.output)} exists; use --force to replace it", 1) from None
    except OSError as error:
        raise CliError(f"cannot write {clean_line(args.output)}: {error.strerror or error}", 1) from None
    print(f"exported {len(feeds)} feed{'' if len(feeds) == 1 else 's'} to {clean_line(args.output)}")
    return 0
