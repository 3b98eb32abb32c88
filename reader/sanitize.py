"""The one place that makes untrusted text safe to show.

Article and feed text is hostile: it may carry terminal escape sequences, C1 controls,
bidirectional overrides or zero-width characters. :func:`clean` removes them all.
Markup is never an issue here because the UI never parses article text as markup:
it builds ``rich.text.Text`` / ``textual.content.Content`` objects from cleaned strings.

The policy, character by character:

- **Escape sequences are removed whole**, not just their ESC byte, so no ``[31m`` or
  ``]0;title`` residue is left on screen: CSI (``ESC [`` or U+009B, parameters,
  intermediates, final byte), OSC (``ESC ]`` or U+009D … BEL or ST), DCS/SOS/PM/APC
  (``ESC P``/``X``/``^``/``_`` or U+0090/0098/009E/009F … ST) and two-character ESC
  sequences (``ESC 7``, ``ESC ( B``…). A string sequence without its terminator ends at
  the end of the line (a terminal would swallow more; we never hide more than a line).
- C0 controls but TAB and LF, DEL, and C1 controls (U+0080–U+009F) are removed.
- Bidi embeddings, overrides, isolates and implicit marks are removed.
- Zero-width and invisible formatting characters are removed, including the zero-width
  joiner: an emoji ZWJ sequence becomes its separate emoji, drawn the same width by Rich
  and by every terminal.
- Tag characters (U+E0000–U+E007F: invisible, they can smuggle text past a reader) and
  interlinear annotation characters (U+FFF9–U+FFFB) are removed.
- Emoji modifiers (skin tones U+1F3FB–U+1F3FF) and variation selectors U+FE0E/U+FE0F
  are removed: Rich counts a modified emoji as two wide characters (4 cells) where a
  terminal draws one (2 cells), and terminals disagree on the width VS16 gives, so a
  pane border after them would shift. The base emoji stays.
- ``\\r\\n`` and lone ``\\r`` become ``\\n``; U+2028/U+2029 become ``\\n``.

The common case, text with none of these, costs one regex ``search``.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# What clean() removes (besides whole escape sequences). Each range is (first, last), inclusive.
REMOVED_RANGES: tuple[tuple[int, int], ...] = (
    (0x00, 0x08),  # C0 controls before TAB
    (0x0B, 0x0C),  # VT, FF (CR becomes LF, see below)
    (0x0E, 0x1F),  # the other C0 controls, ESC among them
    (0x7F, 0x9F),  # DEL and C1 controls (CSI is U+009B, OSC U+009D)
    (0x00AD, 0x00AD),  # soft hyphen
    (0x061C, 0x061C),  # Arabic letter mark
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200F),  # zero-width space, non-joiner, joiner; LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x2069),  # bidi isolates
    (0xD800, 0xDFFF),  # lone surrogates (from JSON "\\ud800"): not text, cannot even be printed
    (0xFE0E, 0xFE0F),  # variation selectors 15/16 (text/emoji presentation)
    (0xFEFF, 0xFEFF),  # zero-width no-break space (BOM)
    (0xFFF9, 0xFFFB),  # interlinear annotation anchor, separator, terminator
    (0x1F3FB, 0x1F3FF),  # emoji skin-tone modifiers
    (0xE0000, 0xE007F),  # tag characters
)
_LINE_BREAKS = "\r\u2028\u2029"  # become "\n"


def char_class(ranges: Iterable[tuple[int, int]], extra: str = "") -> str:
    parts = [re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges]
    return "[" + "".join(parts) + extra + "]"


# What clean() changes, split in two: the regex engine scans a class of BMP characters
# several times faster than one with astral ranges, and most text holds no astral character.
_FORBIDDEN_BMP = re.compile(char_class((r for r in REMOVED_RANGES if r[0] < 0x10000), _LINE_BREAKS))
_FORBIDDEN_ASTRAL = re.compile(char_class(r for r in REMOVED_RANGES if r[0] >= 0x10000))
_REMOVABLE = re.compile(char_class(REMOVED_RANGES))
_NEWLINE = re.compile(r"\r\n?|[\u2028\u2029]")

# A string sequence's payload runs to its terminator (BEL, ESC \, or ST U+009C); a missing
# terminator ends it at the end of the line.
_STRING_END = r"[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
_ESCAPE_SEQUENCE = re.compile(
    "|".join(
        (
            r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?",  # CSI
            rf"(?:\x1b[\]PX^_]|[\x9d\x90\x98\x9e\x9f]){_STRING_END}",  # OSC, DCS, SOS, PM, APC
            r"\x1b[\x20-\x2f]*[\x30-\x7e]",  # two-character (nF, Fp, Fe, Fs) sequences
        )
    )
)
_INTRODUCERS = re.compile(r"[\x1b\x9b\x9d\x90\x98\x9e\x9f]")


def _without_escape_sequences(text: str) -> str:
    """``text`` with every escape sequence cut out whole (lone introducers are left for later)."""
    pieces: list[str] = []
    kept = 0
    for introducer in _INTRODUCERS.finditer(text):
        start = introducer.start()
        if start < kept:
            continue  # inside a sequence already cut
        match = _ESCAPE_SEQUENCE.match(text, start)
        if match is not None and match.end() > start:
            pieces.append(text[kept:start])
            kept = match.end()
    if not pieces:
        return text
    pieces.append(text[kept:])
    return "".join(pieces)


def _has_astral(text: str) -> bool:
    """True when ``text`` holds a character beyond U+FFFF (a C-speed test, no regex scan)."""
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) != 2 * len(text)


def _needs_cleaning(text: str) -> bool:
    if _FORBIDDEN_BMP.search(text) is not None:
        return True
    return _has_astral(text) and _FORBIDDEN_ASTRAL.search(text) is not None


def clean(text: str) -> str:
    """Return ``text`` with every character that could act on a terminal removed.

    See the module docstring for the policy. Tabs and newlines stay. Idempotent:
    ``clean(clean(s)) == clean(s)``, and the result is never longer than ``text``.
    """
    if not _needs_cleaning(text):
        return text  # the common case: one scan, nothing copied
    text = _REMOVABLE.sub("", _without_escape_sequences(text))
    return _NEWLINE.sub("\n", text)


def clean_line(text: str) -> str:
    """Like :func:`clean`, for single-line fields (titles, sources): newlines and tabs become spaces."""
    return " ".join(clean(text).split())


def is_safe(text: str) -> bool:
    """True when ``text`` holds nothing :func:`clean` would remove or change (used by tests)."""
    return not _needs_cleaning(text)
