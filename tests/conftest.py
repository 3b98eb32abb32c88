"""Shared test set-up: no test ever touches the real user's home."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point XDG data/cache/config at fresh temporary directories and drop ``--data-dir``."""
    base = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(base / name.lower()))
    # set-then-delete makes monkeypatch remove DATELINE_DATA_DIR again after the test,
    # even when the code under test sets it (``--data-dir`` writes os.environ directly).
    monkeypatch.setenv("DATELINE_DATA_DIR", "unset")
    monkeypatch.delenv("DATELINE_DATA_DIR")
    yield base
