"""``dateline refresh [NAME ...]``: re-read the library's sources.

On a terminal (stderr is a tty) a progress bar is drawn on stderr; otherwise nothing but
the one summary line on stdout. Each failed source is one line on stderr; exit status 1
when any failed.
"""

from __future__ import annotations

import argparse
import shutil
import sys

from reader.commands.library_support import open_library
from reader.library import RefreshProgress
from reader.sanitize import clean_line

USES_DATA_DIR = True
READS_SOURCES = True


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("names", nargs="*", metavar="NAME", help="sources to refresh (default: all)")


class ProgressBar:
    """One line on a terminal, redrawn in place."""

    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self.stream = stream
        self.drawn = False

    def __call__(self, progress: RefreshProgress) -> None:
        width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
        share = (progress.done + (0 if progress.fraction >= 1.0 else progress.fraction)) / max(progress.total, 1)
        label = f" {progress.done}/{progress.total} {clean_line(progress.source)} · {progress.added} new"
        bar_width = max(10, min(40, width - len(label) - 2))
        filled = round(bar_width * min(share, 1.0))
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}]{label}"
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()
        self.drawn = True

    def clear(self) -> None:
        if self.drawn:
            width = max(20, shutil.get_terminal_size((80, 24)).columns - 1)
            self.stream.write("\r" + " " * width + "\r")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    with open_library() as library:
        bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
        try:
            report = library.refresh(args.names or None, progress=bar)
        finally:
            if bar is not None:
                bar.clear()
    for name, message in report.errors:
        print(f"dateline: {clean_line(name)}: {clean_line(message)}", file=sys.stderr)
    print(f"refreshed {report}")
    return 1 if report.errors else 0
