"""Shared fixtures. Every test runs with platformdirs pointed at temporary directories,
so no test ever reads or writes the real user's data or cache."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import HOSTILE_TITLES, SEED_FILE, write_dump

# Modules are imported while tests are collected, before the fixture below points the
# cache at a temporary directory: the compiled-pattern cache stays off in this process
# (tests/unit/test_entity_regexes.py runs it in subprocesses with their own directories).
os.environ["DATELINE_NO_REGEX_CACHE"] = "1"


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point XDG data/cache/config/state (logs) at fresh temporary directories and drop ``--data-dir``."""
    base = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(base / name.lower()))
    # set-then-delete makes monkeypatch remove DATELINE_DATA_DIR again after the test,
    # even when the code under test sets it (``--data-dir`` writes os.environ directly).
    monkeypatch.setenv("DATELINE_DATA_DIR", "unset")
    monkeypatch.delenv("DATELINE_DATA_DIR")
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield base


@pytest.fixture
def seed_file() -> Path:
    return SEED_FILE


@pytest.fixture
def hostile_dump(tmp_path: Path) -> Path:
    body = "Body of story {}. \x1b]8;;http://evil\x07link\x1b]8;;\x07 [b]not bold[/b]"
    return write_dump(tmp_path / "hostile.txt", [(t, body.format(i)) for i, t in enumerate(HOSTILE_TITLES)])
