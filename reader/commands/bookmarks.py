"""``dateline bookmarks``: list, add, remove, export and import saved articles.

Plain-text output of article strings goes through :func:`reader.sanitize.clean_line`;
errors are one line on stderr with a non-zero exit status.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reader import jsonio
from reader.cli import CliError, add_data_dir_option
from reader.sanitize import clean_line
from reader.store import BookmarkStore, FormatError, StoreError, transfer
from reader.store.files import UnsafeFileError, check_replaceable, is_disk_full, write_atomic

# The store lives in the user data directory: `dateline` offers --data-dir for this command.
USES_DATA_DIR = True
READS_SOURCES = True  # `bookmarks add SOURCE ID` reads a source file


def configure(parser: argparse.ArgumentParser) -> None:
    # No ACTION lists them: `dateline bookmarks` is `dateline bookmarks list`.
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    parser.set_defaults(action="list", json=False)

    def action(name: str, help_: str) -> argparse.ArgumentParser:
        sub = actions.add_parser(name, help=help_, description=help_)
        # Also accept --data-dir after the action (`dateline bookmarks list --data-dir D`).
        add_data_dir_option(sub, hidden=True)
        return sub

    listing = action("list", "print the bookmarks, newest first")
    listing.add_argument("--json", action="store_true", help="print full records as JSON")

    add = action("add", "bookmark the article ARTICLE_ID read from SOURCE")
    add.add_argument("source", metavar="SOURCE", help="a file or directory of articles")
    add.add_argument("article_id", metavar="ARTICLE_ID")
    add.add_argument("--note", default="", help="a note to keep with it")
    add.add_argument("--tag", dest="tags", action="append", default=[], metavar="TAG", help="a tag (repeatable)")

    remove = action("remove", "delete the bookmark ID")
    remove.add_argument("id", metavar="ID")

    export = action("export", "write every bookmark to stdout or a file")
    export.add_argument("--format", choices=transfer.FORMATS, default="json", help="default: json (re-importable)")
    export.add_argument(
        "-o", "--output", metavar="FILE", help="write FILE (atomically) instead of stdout ('-': stdout)"
    )
    export.add_argument("--force", action="store_true", help="replace FILE if it exists (a regular file only)")

    import_ = action("import", "merge bookmarks from a JSON export into the store")
    import_.add_argument("file", metavar="FILE")


def text_argument(value: str) -> str:
    """An argument that is text, not a file name: bytes that are not UTF-8 (which Python keeps
    as lone surrogates) become U+FFFD, so they can be stored and printed."""
    return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def run(args: argparse.Namespace) -> int:
    for name in ("article_id", "id", "note"):
        if isinstance(getattr(args, name, None), str):
            setattr(args, name, text_argument(getattr(args, name)))
    if getattr(args, "tags", None):
        args.tags = [text_argument(tag) for tag in args.tags]
    handler = {
        "list": _list,
        "add": _add,
        "remove": _remove,
        "export": _export,
        "import": _import,
    }[args.action]
    try:
        with _open_store() as store:
            return handler(store, args)
    except StoreError as error:
        raise CliError(str(error), 1) from None


def _open_store() -> BookmarkStore:
    store = BookmarkStore()
    if store.recovery is not None:
        print(f"dateline: {clean_line(str(store.recovery))}", file=sys.stderr)
    return store


def _list(store: BookmarkStore, args: argparse.Namespace) -> int:
    bookmarks = store.list()
    if args.json:
        records = [transfer.to_record(bookmark) for bookmark in bookmarks]
        sys.stdout.write(json.dumps(records, indent=2, ensure_ascii=True) + "\n")
        return 0
    # One line per bookmark, tab-separated: id, saved, source, title, tags (#a #b), note (on
    # one line). The last two are empty when there are none, so the columns stay put.
    for bookmark in bookmarks:
        article = bookmark.article
        fields = (
            clean_line(article.id),
            f"{bookmark.saved_at:%Y-%m-%d %H:%M}",
            clean_line(article.source) or "-",
            clean_line(article.title),
            " ".join(f"#{clean_line(tag)}" for tag in bookmark.tags),
            clean_line(bookmark.note),
        )
        print("\t".join(fields))
    return 0


def _add(store: BookmarkStore, args: argparse.Namespace) -> int:
    from reader.sources import load_sources

    result = load_sources([args.source])
    article = next((a for a in result.articles if a.id == args.article_id), None)
    if article is None:
        if result.errors and not result.articles:  # the source itself failed: that is the one error
            raise CliError(str(result.errors[0]), 1)
        for error in result.errors:
            print(f"dateline: {error}", file=sys.stderr)
        raise CliError(f"no article with id {clean_line(args.article_id)} in {clean_line(args.source)}", 1)
    for error in result.errors:
        print(f"dateline: {error}", file=sys.stderr)
    if store.contains(article.id):
        print(f"already bookmarked: {clean_line(article.id)}  {clean_line(article.title)}")
        return 0
    store.add(article, note=args.note, tags=args.tags)
    print(f"bookmarked: {clean_line(article.id)}  {clean_line(article.title)}")
    return 0


def _remove(store: BookmarkStore, args: argparse.Namespace) -> int:
    if not store.remove(args.id):
        raise CliError(f"no bookmark with id {clean_line(args.id)}", 1)
    print(f"removed: {clean_line(args.id)}")
    return 0


def _export(store: BookmarkStore, args: argparse.Namespace) -> int:
    text = transfer.render(store.list(), args.format)
    if not args.output or args.output in STDOUT_NAMES:
        sys.stdout.write(text)
        return 0
    shown = clean_line(args.output)
    try:
        exists = check_replaceable(args.output)
        if exists and not args.force:
            raise CliError(f"{shown} exists; use --force to replace it", 1)
        write_atomic(args.output, text.encode("utf-8"), overwrite=args.force)
    except UnsafeFileError as error:
        raise CliError(clean_line(str(error)), 1) from None
    except FileExistsError:  # it appeared while we wrote
        raise CliError(f"{shown} exists; use --force to replace it", 1) from None
    except OSError as error:
        reason = "disk full" if is_disk_full(error) else (error.strerror or str(error))
        raise CliError(f"cannot write {shown}: {reason}", 1) from None
    return 0


STDOUT_NAMES = ("-", "/dev/stdout")
"""``-o`` names meaning standard output (``/dev/stdout`` is written to, never replaced)."""


def _import(store: BookmarkStore, args: argparse.Namespace) -> int:
    from reader.sources import SourceError, open_source_file

    path = Path(args.file)
    shown = clean_line(args.file)
    try:
        with open_source_file(path) as stream:
            data = stream.read()
    except SourceError as error:
        raise CliError(f"{shown}: {error}", 1) from None
    try:
        document = jsonio.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise CliError(f"{shown}: not UTF-8 text", 1) from None
    except ValueError as error:
        raise CliError(f"{shown}: {error}", 1) from None
    try:
        bookmarks = transfer.from_document(document)
    except FormatError as error:
        raise CliError(f"{shown}: {error}", 1) from None
    result = store.import_(bookmarks)
    print(f"imported from {clean_line(str(path))}: {result}")
    return 0
