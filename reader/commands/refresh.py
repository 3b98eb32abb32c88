"""``dateline refresh [SOURCE ...]``: read the sources again into the library.

Feeds are fetched concurrently; an unchanged feed costs a 304 and an unchanged file a
``stat``. Progress goes to stderr (one line rewritten in place on a terminal, nothing
otherwise); each failure is one line on stderr naming its source; the summary goes to
stdout. The exit status is 1 only when every source failed: one broken feed among many
is normal and is reported, not fatal.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from reader.cli import CliError
from reader.commands.sources import open_library
from reader.library import LibraryError, RefreshProgress
from reader.sanitize import clean_line


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="*", metavar="SOURCE", help="names or locations (default: every source)")
    parser.add_argument("-q", "--quiet", action="store_true", help="print only errors")


class _Progress:
    """One status line on stderr, rewritten in place; only on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.shown = False

    def __call__(self, progress: RefreshProgress) -> None:
        if not self.enabled or progress.fraction < 1.0:
            return
        width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
        text = f"[{progress.done}/{progress.total}] {progress.added} new  {clean_line(progress.source)}"
        sys.stderr.write("\r" + text[:width].ljust(width))
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r" + " " * max(20, shutil.get_terminal_size((80, 24)).columns - 1) + "\r")
            sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    progress = _Progress(enabled=not args.quiet and sys.stderr.isatty())
    try:
        with open_library() as library:
            try:
                report = library.refresh(args.sources or None, progress=progress)
            finally:
                progress.close()
    except LibraryError as error:
        raise CliError(str(error), 1) from None
    for name, message in report.errors:
        print(f"dateline: {clean_line(name)}: {clean_line(message)}", file=sys.stderr)
    if not args.quiet:
        print(f"refreshed {report}")
    if report.sources and len(report.errors) == report.sources:
        return 1
    return 0
