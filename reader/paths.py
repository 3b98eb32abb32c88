"""Where Dateline keeps things. Functions, never module-level constants, so that
``XDG_DATA_HOME`` / ``XDG_CACHE_HOME`` set by tests (or ``--data-dir``) are honoured.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "dateline"
_PACKAGE_DIR = Path(__file__).resolve().parent
_DATA_DIR_ENV = "DATELINE_DATA_DIR"


def data_dir() -> Path:
    """The user data directory (bookmarks live here). ``--data-dir`` sets ``DATELINE_DATA_DIR``."""
    override = os.environ.get(_DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The user cache directory (anything that can be rebuilt)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """Where crash logs go (``$XDG_STATE_HOME/dateline/log`` on Linux)."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    """The user's config file, ``$XDG_CONFIG_HOME/dateline/config.toml`` on Linux."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def set_data_dir(path: str | os.PathLike[str]) -> None:
    """Point :func:`data_dir` at ``path`` for this process (the ``--data-dir`` option)."""
    os.environ[_DATA_DIR_ENV] = str(Path(path).expanduser().resolve())


def _resource(name: str) -> Path:
    """A directory shipped with the program: inside the wheel, or at the top of a source checkout."""
    packaged = _PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name


def seeds_dir() -> Path:
    """The bundled sample corpus."""
    return _resource("seeds")


def styles_dir() -> Path:
    """The TCSS files."""
    return _resource("styles")
