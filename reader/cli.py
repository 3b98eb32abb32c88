"""Command line: ``dateline [SOURCE ...]`` opens the app; subcommands script the same core.

Each subcommand lives in ``reader/commands/<name>.py`` with two functions,
``configure(parser)`` and ``run(args) -> int``, imported only when used so that
``dateline list`` never pays for importing the UI.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("reader.commands.listing", "print the library's headlines (or those of SOURCEs) without the UI"),
    "search": ("reader.commands.search", 'search the library (words, "phrases", source:, is:unread, entity:...)'),
    "sources": ("reader.commands.sources", "list, add, remove, rename, import and export (OPML) sources"),
    "refresh": ("reader.commands.refresh", "re-read the library's sources (all, or those named)"),
    "story": ("reader.commands.story", "fetch, keep and print the whole story behind a feed entry"),
    "mark": ("reader.commands.mark", "mark articles read or unread"),
    "entities": ("reader.commands.entities", "print the named entities in a text or JSON lines"),
    "screenshots": ("reader.commands.screenshots", "regenerate the SVG screenshots from the app itself"),
    "bookmarks": ("reader.commands.bookmarks", "list, add, remove, export and import bookmarks"),
}


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2 unless given."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the library and bookmarks in DIR instead of the user data directory",
    )


class _Version(argparse.Action):
    """``--version``: the installed version, read only when asked for (not on every start)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        import reader

        print(f"dateline {reader.__version__}")
        parser.exit()


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="A terminal news reader. Opens your library (the bundled sample articles on first run); "
        "with SOURCEs, adds them to it and shows them.",
        epilog="commands:\n"
        + "\n".join(f"  {name:<12} {help_}" for name, (_, help_) in COMMANDS.items())
        + "\n\nRun 'dateline COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="files or directories of articles to add to the library and show",
    )
    parser.add_argument(
        "--ner",
        choices=("builtin", "spacy"),
        default=os.environ.get("DATELINE_NER") or "builtin",
        help="entity recogniser: the built-in rules or spaCy, if installed (default: $DATELINE_NER, else builtin)",
    )
    _add_common(parser)
    return parser


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module_name, help_ = COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"dateline {name}", description=help_)
    _add_common(parser)
    module.configure(parser)  # type: ignore[attr-defined]
    return parser, module


def _find_command(argv: list[str]) -> int | None:
    """The index of the subcommand in ``argv``, allowing common options before it."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg == "--data-dir":
            index += 2
        elif arg.startswith("--data-dir="):
            index += 1
        else:
            return index if arg in COMMANDS else None
    return None


def _apply_common(args: argparse.Namespace) -> None:
    if getattr(args, "data_dir", None):
        from reader.paths import set_data_dir

        set_data_dir(args.data_dir)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        command = _find_command(argv)
        if command is not None:
            parser, module = _command_parser(argv[command])
            # Options given before the command (``dateline --data-dir D bookmarks list``) count too.
            args = parser.parse_args(argv[:command] + argv[command + 1 :])
            _apply_common(args)
            return int(module.run(args) or 0)  # type: ignore[attr-defined]
        args = _app_parser().parse_args(argv)
        _apply_common(args)
        return _run_app(args)
    except CliError as error:
        print(f"dateline: {error}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `dateline list | head`: the reader went away; that is not an error.
        sys.stderr.close()
        return 0


def _run_app(args: argparse.Namespace) -> int:
    """Open the library (the user's; the bundled seeds are its first source) in the app.
    ``dateline PATH...`` adds those sources and shows them; one that cannot be added is one
    line here and a notification in the app, and the others still open."""
    from reader.entities import RecogniserUnavailable
    from reader.library import LibraryError
    from reader.ui.app import DatelineApp

    try:
        app = DatelineApp(sources=args.sources, ner=args.ner)
    except RecogniserUnavailable as error:
        raise CliError(str(error)) from None
    except LibraryError as error:
        raise CliError(f"cannot open the library: {error}") from None
    for error in app.load_errors:
        print(f"dateline: {error}", file=sys.stderr)
    if args.sources and not app.shown_sources:
        app.bookmarks.close()
        app.writer.close()
        app.library.close()
        return 1
    app.run()
    return int(app.return_code or 0)
