"""User data kept on disk: the bookmarks (SQLite in the user data directory).

Core package: stdlib only; no textual or rich imports.
"""

from reader.store.bookmark_store import (
    DEFAULT_TIMEOUT,
    BookmarkStore,
    ImportResult,
    StoreBusy,
    StoreError,
    default_path,
)
from reader.store.recovery import RecoveryReport
from reader.store.transfer import FormatError

__all__ = [
    "DEFAULT_TIMEOUT",
    "BookmarkStore",
    "FormatError",
    "ImportResult",
    "RecoveryReport",
    "StoreBusy",
    "StoreError",
    "default_path",
]
