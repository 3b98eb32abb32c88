"""Fixtures for the bookmark store tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Where a test's bookmarks file goes (its directory does not exist yet)."""
    return tmp_path / "data" / "bookmarks.sqlite3"
