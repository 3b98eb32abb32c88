"""The library: every source's articles in one SQLite file in the user data directory,
with read state, full-text search and the entity index; read lazily, a window at a time.

Core package: stdlib only; no textual or rich imports.
"""

from reader.library.database import LibraryError
from reader.library.library import Library, default_path
from reader.library.query import Query, parse_query
from reader.library.refresh import RefreshProgress, RefreshReport
from reader.library.results import Headline, Results
from reader.library.source_table import SourceInfo

__all__ = [
    "Headline",
    "Library",
    "LibraryError",
    "Query",
    "RefreshProgress",
    "RefreshReport",
    "Results",
    "SourceInfo",
    "default_path",
    "parse_query",
]
