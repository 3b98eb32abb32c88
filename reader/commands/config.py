"""``dateline config``: check the config file; ``--path`` prints where it is, ``--default``
a commented default file (every line a comment, so it parses and changes nothing)."""

from __future__ import annotations

import argparse
import sys

from reader import config as config_file
from reader.paths import config_path


def configure(parser: argparse.ArgumentParser) -> None:
    what = parser.add_mutually_exclusive_group()
    what.add_argument("--path", action="store_true", help="print the config file's path")
    what.add_argument("--default", action="store_true", help="print a commented default config file")


def run(args: argparse.Namespace) -> int:
    if args.path:
        print(config_path())
        return 0
    if args.default:
        from reader.ui.keymap import default_config

        sys.stdout.write(default_config())
        return 0
    # No option: check the file as the app would read it, one line per problem.
    path = config_path()
    config = config_file.load(path)
    from reader.ui.keymap import checked_keymap

    checked_keymap(config)
    if config.theme is not None:
        from textual.app import App

        if config.theme not in App().available_themes:
            config.error("", "theme", f"no theme is called {config.theme!r}")
    for error in config.errors:
        print(f"dateline: {error}", file=sys.stderr)
    if config.errors:
        return 1
    print(f"{path}: {'fine' if path.exists() else 'none (the defaults apply)'}")
    return 0
