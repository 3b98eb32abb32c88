"""Dateline: a terminal news reader.

The import package is ``reader``; the distribution and command are ``dateline``.
"""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

try:
    __version__ = _version("dateline")
except PackageNotFoundError:  # running from a source checkout that is not installed
    __version__ = "0.1.0"
