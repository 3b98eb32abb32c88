"""Shared fixtures. Every test runs with platformdirs pointed at a temporary directory,
so no test ever reads or writes the real user's data or cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import HOSTILE_TITLES, SEED_FILE, write_dump


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    # Set, then delete: monkeypatch then also removes DATELINE_DATA_DIR after the test, even
    # when the code under test sets it (``--data-dir`` writes os.environ directly).
    monkeypatch.setenv("DATELINE_DATA_DIR", "unset")
    monkeypatch.delenv("DATELINE_DATA_DIR")
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def seed_file() -> Path:
    return SEED_FILE


@pytest.fixture
def hostile_dump(tmp_path: Path) -> Path:
    body = "Body of story {}. \x1b]8;;http://evil\x07link\x1b]8;;\x07 [b]not bold[/b]"
    return write_dump(tmp_path / "hostile.txt", [(t, body.format(i)) for i, t in enumerate(HOSTILE_TITLES)])
