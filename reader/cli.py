"""Command line: ``dateline [SOURCE ...]`` opens the app; subcommands script the same core.

Each subcommand lives in ``reader/commands/<name>.py`` with two functions,
``configure(parser)`` and ``run(args) -> int``, imported only when used so that
``dateline list`` never pays for importing the UI.

Options shared by several commands are defined once here; a command offers one only if
it uses it:

- ``--data-dir DIR``: a command module that reads or writes the user data directory
  says ``USES_DATA_DIR = True``; its parser then gets the option (also accepted before
  the command name), applied before ``run``. Sub-actions add it again with
  ``add_data_dir_option(sub, hidden=True)`` so it may also follow the action.
- ``--ner``: :func:`add_ner_option`, choices from :data:`reader.entities.BACKENDS`,
  default ``$DATELINE_NER``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from reader import __version__

# name -> (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("reader.commands.listing", "print the headlines of SOURCEs without starting the UI"),
    "entities": ("reader.commands.entities", "print the named entities in a text or JSON lines"),
    "screenshots": ("reader.commands.screenshots", "regenerate the SVG screenshots from the app itself"),
    "bookmarks": ("reader.commands.bookmarks", "list, add, remove, export and import bookmarks"),
}


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2 unless given."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


NER_ENV = "DATELINE_NER"


def add_data_dir_option(parser: argparse.ArgumentParser, *, hidden: bool = False) -> None:
    """``--data-dir DIR``; ``hidden`` for a repeat on a sub-action (no help line, no default)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if hidden else None,
        help=argparse.SUPPRESS if hidden else "keep bookmarks in DIR instead of the user data directory",
    )


def add_ner_option(parser: argparse.ArgumentParser) -> None:
    """``--ner NAME``: the entity recogniser back-end, default ``$DATELINE_NER`` or the built-in one."""
    from reader.entities import BACKENDS, DEFAULT_BACKEND

    from_env = os.environ.get(NER_ENV)

    def backend(name: str) -> str:
        if name not in BACKENDS:
            where = f" (${NER_ENV})" if name == from_env else ""
            raise argparse.ArgumentTypeError(f"unknown recogniser {name!r}{where}; choose from {', '.join(BACKENDS)}")
        return name

    parser.add_argument(
        "--ner",
        metavar="{" + ",".join(BACKENDS) + "}",
        type=backend,  # argparse also applies it to the default, so a bad $DATELINE_NER is one clear error
        default=from_env or DEFAULT_BACKEND,
        help=f"entity recogniser: {' or '.join(BACKENDS)} (default: ${NER_ENV}, else {DEFAULT_BACKEND})"
        + (f"; now {from_env!r}" if from_env else ""),
    )


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="A terminal news reader. With no SOURCE, opens the bundled sample articles.",
        epilog="commands:\n"
        + "\n".join(f"  {name:<12} {help_}" for name, (_, help_) in COMMANDS.items())
        + "\n\nRun 'dateline COMMAND --help' for a command's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="files or directories of articles (default: the bundled seeds)",
    )
    add_ner_option(parser)
    add_data_dir_option(parser)
    return parser


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, ModuleType]:
    module_name, help_ = COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"dateline {name}", description=help_)
    if getattr(module, "USES_DATA_DIR", False):
        add_data_dir_option(parser)
    module.configure(parser)
    return parser, module


def _find_command(argv: list[str]) -> int | None:
    """The index of the subcommand in ``argv``, allowing ``--data-dir`` before it."""
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
            return int(module.run(args) or 0)
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
    from reader.sources import load_sources

    result = load_sources(args.sources)
    for error in result.errors:
        print(f"dateline: {error}", file=sys.stderr)
    if not result.articles and args.sources and result.errors:
        return 1
    from reader.entities import RecogniserUnavailable
    from reader.ui.app import DatelineApp

    try:
        app = DatelineApp(result.articles, load_errors=result.errors, ner=args.ner)
    except RecogniserUnavailable as error:
        raise CliError(str(error)) from None
    app.run()
    return int(app.return_code or 0)
