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
    """The app on the bundled seed articles, as ``dateline`` with no SOURCE opens it."""
    from reader.sources import load_sources  # here: support is imported by core-only tests too
    from reader.ui.app import DatelineApp

    return DatelineApp(load_sources().articles, **options)


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
