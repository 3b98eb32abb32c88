"""``dateline screenshots [-o DIR]``: regenerate the README's SVG screenshots from the app itself.

Each scene starts the real app on a fresh library holding the bundled seeds (in a
scratch data directory of its own), at a given terminal size, presses keys as a user
would, and saves what is on screen with ``App.save_screenshot``.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from reader.cli import CliError
from reader.sanitize import clean_line
from reader.store.files import UnsafeFileError, check_replaceable

# name -> (width, height, keys pressed before the screenshot)
SCENES: dict[str, tuple[int, int, tuple[str, ...]]] = {
    "main-80x24": (80, 24, ("j",)),
    "article-80x24": (80, 24, ("j", "enter")),
    "main-120x40": (120, 40, ("j",)),
    "article-120x40": (120, 40, ("j", "enter", "j", "j")),
    "search-80x24": (80, 24, ("slash", *"huawei", "enter")),
    "sources-80x24": (80, 24, ("s",)),
    "help-80x24": (80, 24, ("question_mark",)),
    "entities-120x40": (120, 40, ("j", "E", "j", "enter")),
    "entities-80x24": (80, 24, ("j", "E")),
    "bookmarks-80x24": (80, 24, ("b", "j", "j", "b", "B", "n", *"chip ban", "enter")),
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", default="screenshots", help="directory to write the SVGs into (default: ./screenshots)"
    )


async def _scene(name: str, width: int, height: int, keys: tuple[str, ...], output: Path) -> Path:
    from reader.library import Library
    from reader.ui.app import DatelineApp

    with Library.open() as library:  # the seeds, read before the app starts
        library.refresh()
        path = library.path
    app = DatelineApp(path, refresh=False, index_entities=False)
    async with app.run_test(size=(width, height)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await app.workers.wait_for_complete()  # entities are found off the UI thread
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()
        return Path(app.save_screenshot(f"{name}.svg", path=str(output)))


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    try:
        output.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise CliError(f"{clean_line(args.output)} exists and is not a directory: give -o a directory", 1) from None
    except OSError as error:
        raise CliError(f"cannot make {clean_line(args.output)}: {error.strerror or error}", 1) from None
    # Screenshots never touch the user's bookmarks: the app runs against an empty data dir.
    from reader.paths import set_data_dir

    with tempfile.TemporaryDirectory(prefix="dateline-shots-") as scratch:
        for name, (width, height, keys) in SCENES.items():
            set_data_dir(Path(scratch) / name)  # each scene: a fresh library, no bookmarks
            try:  # an SVG is replaced only if it is a regular file (never a link planted there)
                check_replaceable(output / f"{name}.svg")
            except UnsafeFileError as error:
                raise CliError(clean_line(str(error)), 1) from None
            path = asyncio.run(_scene(name, width, height, keys, output))
            print(path)
    return 0
