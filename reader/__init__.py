"""Dateline: a terminal news reader.

The import package is ``reader``; the distribution and command are ``dateline``.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # ``__version__`` is looked up when asked for: importing importlib.metadata and reading the
    # installed metadata costs about 0.15 s, on the way to the first paint of every start.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("dateline")
        except PackageNotFoundError:  # running from a source checkout that is not installed
            return "0.1.0"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
