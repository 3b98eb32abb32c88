"""Dateline: a terminal news reader.

The import package is ``reader``; the distribution and command are ``dateline``.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # ``reader.__version__`` is looked up when asked: importing importlib.metadata costs
    # every process (``dateline entities`` in a pipeline) about 75 ms.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("dateline")
        except PackageNotFoundError:  # running from a source checkout that is not installed
            return "0.1.0"
    raise AttributeError(f"module 'reader' has no attribute {name!r}")
