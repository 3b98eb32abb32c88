"""Compiled regular expressions kept between processes.

The recognisers' patterns are long (the DATE pattern alone is 8,000 characters) and
CPython compiles a pattern in Python code: about 100 ms of every ``dateline entities``
process went to compiling the same patterns again. :func:`compile` keeps what the
compiler produced in a file in the user cache directory, keyed by the Python version and
the regular expression engine's version, and hands it straight to the engine next time.

It relies on CPython's internal compiler (``re._parser``, ``re._compiler``, ``_sre``).
Whenever that is missing, different, or the cache file cannot be read or written, it is
plain :func:`re.compile`: the same pattern, only slower to build. The file is
rebuildable: deleting it costs one slow start.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from pathlib import Path

try:  # CPython 3.11+
    import _sre  # type: ignore[import-not-found]
    from re import _compiler, _parser  # type: ignore[attr-defined]

    _ENGINE = f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}"
except (ImportError, AttributeError):  # another Python: compile as usual
    _ENGINE = ""

_Entry = tuple  # (flags, code, groups, groupindex, indexgroup) as _sre.compile takes them

_cache: dict[tuple[str, int], _Entry] | None = None
_added: dict[tuple[str, int], _Entry] = {}


def _path() -> Path:
    from reader.paths import cache_dir

    return cache_dir() / f"regexes-{_ENGINE}.marshal"


def _load() -> dict[tuple[str, int], _Entry]:
    global _cache
    if _cache is None:
        _cache = {}
        if _ENGINE:
            try:
                loaded = marshal.loads(_path().read_bytes())
                if isinstance(loaded, dict):
                    _cache = loaded
            except (OSError, EOFError, ValueError, TypeError):
                pass
    return _cache


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, without compiling again what an earlier process did.

    ``DATELINE_NO_REGEX_CACHE=1`` turns the cache off (the test suite does).
    """
    if not _ENGINE or os.environ.get("DATELINE_NO_REGEX_CACHE"):
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    entry = _load().get(key)
    if entry is not None:
        try:
            return _sre.compile(pattern, *entry)
        except Exception:  # a damaged or foreign entry: compile afresh
            pass
    try:
        parsed = _parser.parse(pattern, int(flags))
        code = _compiler._code(parsed, int(flags))
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (
            int(int(flags) | parsed.state.flags),
            [int(op) for op in code],  # opcodes are int subclasses, which marshal refuses
            int(parsed.state.groups - 1),
            groupindex,
            tuple(indexgroup),
        )
        compiled = _sre.compile(pattern, *entry)
    except Exception:
        return re.compile(pattern, flags)
    if compiled.pattern != pattern or compiled.groups != re.compile(pattern, flags).groups:
        return re.compile(pattern, flags)
    if not _added:
        atexit.register(_save)
    _added[key] = entry
    return compiled


def _save() -> None:
    """Write the cache with this process's new entries (atomically; failures are ignored)."""
    if not _added:
        return
    import tempfile  # only when something new was compiled: 10 ms less at every start-up

    merged = {**_load(), **_added}
    try:
        path = _path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".regexes-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(marshal.dumps(merged))
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, ValueError):
        pass
    _added.clear()
