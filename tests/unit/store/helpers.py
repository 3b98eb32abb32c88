"""Helpers shared by the bookmark store tests."""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from reader.model import Article

REPO = Path(__file__).resolve().parents[3]
HOSTILE = "\x1b[31mred\x1b[0m [b]bold[/b] <script>alert(1)</script> *x* _y_ `z` # \u202eevil\u202c"


def make_article(number: int, *, prefix: str = "a", body_size: int = 3) -> Article:
    """A deterministic article with every field filled in."""
    return Article(
        id=f"{prefix}{number:05d}",
        title=f"Story {number}: what happened & why [{prefix}]",
        paragraphs=tuple(f"Paragraph {p} of story {number}. " * body_size for p in range(3)),
        source="The Test Times",
        section="World",
        byline="A. Reporter",
        url=f"https://example.com/{prefix}/{number}",
        published="2019-05-20",
        origin="/seeds/test.txt",
    )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def subprocess_env() -> dict[str, str]:
    """Environment for child Python processes that import this checkout."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    return env

PYTHON = sys.executable
