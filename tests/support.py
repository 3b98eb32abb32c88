"""Helpers and hostile data shared by the tests (importable as ``support``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reader.ui.app import DatelineApp

REPO = Path(__file__).resolve().parent.parent
SEED_FILE = REPO / "seeds" / "000_7f3c901dc792d98b.txt"

# Strings an attacker could put in a headline or a body.
HOSTILE_TITLES = [
    "[@click=app.quit]x[/]",
    "[bold red]x",
    "\x1b[2J\x1b[31mred\x1b[0m",
    "bidi \u202eevil\u202c text",
    "zero\u200bwidth\u2066iso\u2069",
    "c1 \x9b31m control",
]


def seed_app(**options: Any) -> DatelineApp:
    """The app on the bundled seed articles, as ``dateline`` with no SOURCE opens it (a library
    in the test's data directory holding the seeds; see :func:`library_app`)."""
    return library_app(**options)


def write_dump(path: Path, articles: list[tuple[str, str]]) -> Path:
    """Write ``(title, body)`` pairs in the seed dump format."""
    parts = [f"{title}\n\n{title}\n\n{body}\n\nRead More\n" for title, body in articles]
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


def screen_text(app: Any) -> str:
    """What a person would see: every line of the current screen as plain text."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def gazetteer_recogniser(names: dict[str, str]):
    """A small, exact recogniser for UI tests: every occurrence of a listed name."""
    import re

    from reader.model import Entity

    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))

    def recognise(text: str) -> list[Entity]:
        return [Entity(m.start(), m.end(), names[m.group()], m.group()) for m in pattern.finditer(text)]

    return recognise


async def wait_for_text(pilot: Any, text: str, attempts: int = 200) -> str:
    """Let the app run until ``text`` is on screen (the command palette searches in the
    background); returns the screen. A bounded wait, not a timing assertion."""
    screen = screen_text(pilot.app)
    for _ in range(attempts):
        if text in screen:
            break
        await pilot.pause(0.05)
        screen = screen_text(pilot.app)
    return screen


def toasts(app: Any) -> list[str]:
    """The notifications on screen, each as its whole text (title, newline, message).

    Screen text folds a long toast at widths that depend on what it holds (a temporary
    path's length varies from run to run), so a test asks the toasts themselves.
    """
    return [str(toast.render()) for toast in app.screen.query("Toast")]


def rows(headlines: Any) -> list[Any]:
    """Every row a headline list shows (fetched from its provider, as the list does)."""
    return list(headlines.rows.window(0, len(headlines.rows)))


def seed_articles() -> list[Any]:
    """The bundled seed articles, in the order the library lists them (as parsed from the file)."""
    from reader.sources import load_sources

    return load_sources().articles


def library_app(*sources: Path, **kwargs: Any) -> Any:
    """The app over a library in the test's temporary data directory, its sources already read.

    With no ``sources`` it holds the bundled seeds (its default source); with some, only those.
    The app does not refresh them again, nor index entities in the background, unless told.
    """
    from reader.library import Library
    from reader.ui.app import DatelineApp

    with Library.open() as library:
        if sources:
            library.remove_source("seeds")
            for source in sources:
                library.add_source(str(source))
        library.refresh()
        path = library.path
    kwargs.setdefault("refresh", False)
    kwargs.setdefault("index_entities", False)
    return DatelineApp(path, **kwargs)


# -- running the CLI as an ordinary user ---------------------------------------------------------
#
# Root ignores permission bits, and CI runs as root. A child started without the capabilities
# that bypass file permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) meets a real EACCES on a
# chmod 000 file or directory, exactly as an ordinary user would.

_PR_CAPBSET_DROP = 24
_BYPASS_CAPABILITIES = (1, 2)


def drop_permission_bypass() -> None:  # runs in the child between fork and exec
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _BYPASS_CAPABILITIES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def run_cli(*args: str, unprivileged: bool = False, env: dict[str, str] | None = None, **kwargs: Any):
    """Run ``python -m reader ARGS`` in a child (as an ordinary user when ``unprivileged``)."""
    import os
    import subprocess
    import sys

    child_env = dict(os.environ)
    child_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), child_env.get("PYTHONPATH", "")]))
    child_env.update(env or {})
    kwargs.setdefault("timeout", 60)
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=REPO,
        env=child_env,
        preexec_fn=drop_permission_bypass if unprivileged and os.geteuid() == 0 else None,
        **kwargs,
    )
