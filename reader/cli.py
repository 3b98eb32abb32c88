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
- ``--max-source-size SIZE``: likewise, for modules that say ``READS_SOURCES = True``.
- ``--ner``: :func:`add_ner_option`, choices from :data:`reader.entities.BACKENDS`,
  default ``$DATELINE_NER``.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

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
    "config": ("reader.commands.config", "check the config file, print its path or a commented default"),
}


class CliError(Exception):
    """A user-facing error: printed as one line, exit status 2 unless given."""

    def __init__(self, message: str, status: int = 2) -> None:
        super().__init__(message)
        self.status = status


# Shared options that take a value (skipped when looking for the command name).
_COMMON_WITH_VALUE = ("--data-dir", "--max-source-size")
NER_ENV = "DATELINE_NER"


def _size(text: str) -> str:
    from reader.sources import parse_size

    try:
        parse_size(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    return text


def add_data_dir_option(parser: argparse.ArgumentParser, *, hidden: bool = False) -> None:
    """``--data-dir DIR``; ``hidden`` for a repeat on a sub-action (no help line, no default)."""
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if hidden else None,
        help=argparse.SUPPRESS
        if hidden
        else "keep the library and bookmarks in DIR instead of the user data directory",
    )


def add_max_source_size_option(parser: argparse.ArgumentParser) -> None:
    """``--max-source-size SIZE``: the cap on one source file."""
    parser.add_argument(
        "--max-source-size",
        metavar="SIZE",
        type=_size,
        help="refuse source files larger than SIZE (e.g. 512M; default: $DATELINE_MAX_SOURCE_SIZE, else 256M)",
    )


def add_ner_option(parser: argparse.ArgumentParser) -> None:
    """``--ner NAME``: the entity recogniser back-end, default ``$DATELINE_NER`` or the built-in one."""
    from reader.entities import BACKENDS, DEFAULT_BACKEND

    from_env = os.environ.get(NER_ENV)
    if from_env and from_env not in BACKENDS:  # one line, not argparse's usage block
        raise CliError(f"${NER_ENV} is {from_env!r}: choose one of {', '.join(BACKENDS)}")

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


class _Version(argparse.Action):
    """``--version``, reading the version only when asked (importlib.metadata is slow to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: Any) -> None:
        super().__init__(
            option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help="show the version and exit"
        )

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
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
    parser.add_argument("--version", action=_Version)
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="files or directories of articles to add to the library and show",
    )
    add_ner_option(parser)
    add_data_dir_option(parser)
    add_max_source_size_option(parser)
    return parser


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, ModuleType]:
    module_name, help_ = COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"dateline {name}", description=help_)
    if getattr(module, "USES_DATA_DIR", False):
        add_data_dir_option(parser)
    if getattr(module, "READS_SOURCES", False):
        add_max_source_size_option(parser)
    module.configure(parser)
    return parser, module


def _find_command(argv: list[str]) -> int | None:
    """The index of the subcommand in ``argv``, allowing common options before it."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in _COMMON_WITH_VALUE:
            index += 2
        elif arg.startswith(tuple(f"{option}=" for option in _COMMON_WITH_VALUE)):
            index += 1
        else:
            return index if arg in COMMANDS else None
    return None


def _apply_common(args: argparse.Namespace) -> None:
    if getattr(args, "data_dir", None):
        from reader.paths import set_data_dir

        set_data_dir(args.data_dir)
    if getattr(args, "max_source_size", None):
        from reader.sources import MAX_SIZE_ENV

        os.environ[MAX_SIZE_ENV] = args.max_source_size


def _check_not_a_mistyped_command(sources: Sequence[str]) -> None:
    """``dateline bookmark``: a SOURCE that does not exist but reads like a command."""
    if not sources or os.path.lexists(sources[0]) or os.sep in sources[0]:
        return
    close = difflib.get_close_matches(sources[0], COMMANDS, n=1, cutoff=0.6)
    if close:
        raise CliError(f"no command or file {sources[0]!r}: did you mean 'dateline {close[0]}'?")


def _text_streams_never_fail_to_encode() -> None:
    """With PYTHONIOENCODING=ascii (or a C locale) a title with "é" must not crash a print:
    what the terminal cannot show becomes "?". JSON output is ASCII-escaped where needed."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        if encoding not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors="replace")


def _flush_stdout() -> None:
    """Flush now, inside the error handling: at interpreter exit a failure is a traceback."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _silence_stdout()
        reason = "disk full" if error.errno in (errno.ENOSPC, errno.EDQUOT) else (error.strerror or str(error))
        raise CliError(f"cannot write the output: {reason}", 1) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the data still buffered is not written again at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _text_streams_never_fail_to_encode()
    try:
        status = _main(argv)
        _flush_stdout()
        return status
    except CliError as error:
        _error_line(str(error))
        return error.status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `dateline list | head`: the reader went away; that is not an error.
        _silence_stdout()
        return 0
    except OSError as error:
        if error.errno in (errno.ENOSPC, errno.EDQUOT):  # `dateline list > /dev/full`
            _silence_stdout()
            _error_line("cannot write the output: disk full")
            return 1
        return _crashed(error)
    except Exception as error:  # the net: one line, the traceback in a log file
        return _crashed(error)


def _main(argv: list[str]) -> int:
    command = _find_command(argv)
    if command is not None:
        parser, module = _command_parser(argv[command])
        # Options given before the command (``dateline --data-dir D bookmarks list``) count too.
        args = parser.parse_args(argv[:command] + argv[command + 1 :])
        _apply_common(args)
        return int(module.run(args) or 0)
    args = _app_parser().parse_args(argv)
    _apply_common(args)
    _check_not_a_mistyped_command(args.sources)
    _terminal_streams_utf8()
    return _run_app(args)


def _terminal_streams_utf8() -> None:
    """The app draws boxes and marks in UTF-8 whatever PYTHONIOENCODING says: with "ascii"
    every border came out as "?" or "\\u2502". Python's own streams, not the terminal, were ASCII."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and stream.isatty():
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(encoding="utf-8", errors="replace")


def _error_line(message: str) -> None:
    from reader.sanitize import clean_line

    with contextlib.suppress(OSError, ValueError):  # stderr itself gone: nothing more can be said
        print(f"dateline: {clean_line(message)}", file=sys.stderr, flush=True)


EXIT_CRASH = 70  # EX_SOFTWARE


def _crashed(error: BaseException) -> int:
    from reader.crash import one_line, write_log

    _error_line(one_line(error, write_log(error)))
    return EXIT_CRASH


def _run_app(args: argparse.Namespace) -> int:
    """Open the library (the user's; the bundled seeds are its first source) in the app.
    ``dateline PATH...`` adds those sources and shows them; one that cannot be added is one
    line here and a notification in the app, and the others still open."""
    from reader import config as config_file

    # The config file never stops the app: its errors are shown in it (and what was wrong
    # is left at the default). Its sources are what opens when none is given.
    config = config_file.load()
    from reader.entities import RecogniserUnavailable
    from reader.library import LibraryError
    from reader.ui.app import DatelineApp

    try:
        app = DatelineApp(sources=args.sources or config.sources, ner=args.ner, config=config)
    except RecogniserUnavailable as error:
        raise CliError(str(error)) from None
    except LibraryError as error:
        raise CliError(f"cannot open the library: {error}") from None
    for message in app.load_errors:
        print(f"dateline: {message}", file=sys.stderr)
    if args.sources and not app.shown_sources:
        app.bookmarks.close()
        app.writer.close()
        app.library.close()
        return 1
    app.run()
    if app.crash_log is not None or app.crash is not None:  # the app's own net caught something
        _error_line(app.crash_report())
        return EXIT_CRASH
    return int(app.return_code or 0)
