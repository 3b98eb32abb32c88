"""Helpers shared by the bookmark store tests."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
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


def start_writer(path: Path, prefix: str, count: int, *, wait: bool = False) -> subprocess.Popen[str]:
    """A child process adding ``count`` bookmarks to ``path`` (see ``writer.py``)."""
    command = [PYTHON, "-m", "tests.unit.store.writer", str(path), prefix, str(count)]
    return subprocess.Popen(
        command + (["--wait"] if wait else []),
        cwd=REPO,
        env=subprocess_env(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def integrity(path: Path) -> list[tuple[str]]:
    """``PRAGMA integrity_check`` of a bookmarks file, read only."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
