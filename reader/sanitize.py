"""The one place that makes untrusted text safe to show.

Article and feed text is hostile: it may carry terminal escape sequences, C1 controls,
bidirectional overrides or zero-width characters. :func:`clean` removes them all.
Markup is never an issue here because the UI never parses article text as markup:
it builds ``rich.text.Text`` / ``textual.content.Content`` objects from cleaned strings.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re

_REMOVE: dict[int, None] = {}
# C0 controls except TAB and LF, DEL, and C1 controls (ESC is U+001B; CSI is U+009B).
for _cp in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
    if _cp not in (0x09, 0x0A):
        _REMOVE[_cp] = None
# Bidi embeddings, overrides and isolates, and implicit marks that can reorder what is shown.
for _cp in [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]:
    _REMOVE[_cp] = None
# Zero-width and invisible formatting characters.
for _cp in [0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xFEFF, 0x00AD, 0x180E]:
    _REMOVE[_cp] = None

_TABLE = {**_REMOVE, 0x2028: 0x0A, 0x2029: 0x0A}
_NEWLINES = re.compile(r"\r\n?")
# Any character _TABLE or _NEWLINES would act on. Searching for one runs at C speed; most
# text holds none, and then the (per-character, much slower) translate is skipped.
_ANY = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted({*_TABLE, 0x0D})) + "]")


def clean(text: str) -> str:
    """Return ``text`` with every character that could act on a terminal removed.

    ``\\r\\n`` and lone ``\\r`` become ``\\n``; line and paragraph separators become ``\\n``;
    tabs and newlines stay; everything else in categories C0/C1, bidi controls and
    zero-width characters is dropped. Idempotent: ``clean(clean(s)) == clean(s)``.
    """
    if _ANY.search(text) is None:
        return text
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    text = text.translate(_TABLE)
    return text


def clean_line(text: str) -> str:
    """Like :func:`clean`, for single-line fields (titles, sources): newlines and tabs become spaces."""
    return " ".join(clean(text).split())


def is_safe(text: str) -> bool:
    """True when ``text`` holds nothing :func:`clean` would remove or change (used by tests).

    ``clean`` drops every C0 and C1 control but TAB and LF, so this also rules them out.
    """
    return clean(text) == text
