"""JSON in and out for untrusted data, shared by every command that reads or writes it.

- :func:`loads` turns every way a hostile document can fail (bad syntax, a 5,000-digit
  integer, 100,000 nested ``[``) into one ``ValueError`` with a one-line reason, never a
  traceback. Lone surrogates (``"\\ud800"``) load; :func:`dumps` escapes them.
- :func:`dumps` writes JSON that is safe on a terminal and encodable as UTF-8: every
  character :func:`reader.sanitize.clean` would remove (C1 controls such as U+009B and
  U+009D, bidi controls, zero-width, tag characters, lone surrogates) and U+2028/U+2029
  are written as ``\\uXXXX`` escapes, so the data is kept exactly and nothing acts.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import json
import re
from typing import Any

from reader.sanitize import REMOVED_RANGES, char_class, is_safe

# What clean() removes, from DEL up (json.dumps escapes C0 itself, and the layout's own
# newlines must stay), and the Unicode line separators.
_ESCAPE = re.compile(char_class((r for r in REMOVED_RANGES if r[0] >= 0x7F), "\u2028\u2029"))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code > 0xFFFF:  # a surrogate pair, as JSON writes astral characters
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def dumps(value: Any, **options: Any) -> str:
    """``json.dumps`` with non-ASCII text kept, and anything unsafe escaped (see the module doc)."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return text if is_safe(text) else _ESCAPE.sub(_escape, text)


def loads(text: str | bytes) -> Any:
    """``json.loads`` that fails only with ``ValueError`` and a one-line reason."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}") from None
    except RecursionError:
        raise ValueError("not valid JSON: nested too deeply") from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8 text") from None
    except ValueError as error:  # e.g. "Exceeds the limit (4300 digits) for integer string conversion"
        raise ValueError(f"not valid JSON: {str(error).splitlines()[0]}") from None
