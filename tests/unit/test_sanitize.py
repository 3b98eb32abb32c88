import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sanitize import clean, clean_line, is_safe


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("plain text", "plain text"),
        # Escape sequences go whole: no "[31m" or "]0;pwned" residue on screen.
        ("\x1b[31mRED\x1b[0m", "RED"),
        ("\x1b[2J\x1b[1;1Hhome", "home"),
        ("\x1b[?1049h\x1b[38;2;255;0;0mx", "x"),
        ("a\x9b31mb", "ab"),  # 8-bit CSI
        ("\x1b]0;pwned\x07title", "title"),  # OSC ended by BEL
        ("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8 hyperlink ended by ST
        ("a\x9d0;pwned\x9cb", "ab"),  # 8-bit OSC and ST
        ("x\x1bPq#0;2;0;0;0\x1b\\y", "xy"),  # DCS (sixel)
        ("x\x1b_apc payload\x07y", "xy"),  # APC
        ("x\x1b^pm\x1b\\y\x1bXsos\x1b\\z", "xyz"),  # PM, SOS
        ("a\x1b7b\x1b8c\x1b(Bd\x1bce", "abcde"),  # two-character sequences
        ("\x1b]0;unterminated\nnext line", "\nnext line"),  # ends at the line's end, not later
        ("lone\x1b", "lone"),
        ("\x1b\x1b[31mx", "x"),
        ("a\x07b\x00c\x7fd", "abcd"),
        ("right\u202eto\u202cleft", "righttoleft"),
        ("iso\u2066late\u2069", "isolate"),
        ("zero\u200bwidth\u200d\ufeff", "zerowidth"),
        ("line\r\nbreak\rmac\u2028sep\u2029para", "line\nbreak\nmac\nsep\npara"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),  # markup is shown, not removed
        ("emoji 🗞 and accents é ü", "emoji 🗞 and accents é ü"),
        # Tag characters (invisible text) and interlinear annotations are removed.
        ("hidden\U000e0041\U000e0042\U000e007f text", "hidden text"),
        ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", "🏴"),
        ("\ufff9base\ufffaruby\ufffb", "baseruby"),
        # Width policy: skin tones, variation selectors and joiners go; the base emoji stays.
        ("ok 👍🏽 👍🏿", "ok 👍 👍"),
        ("👨\u200d👩\u200d👧", "👨👩👧"),
        ("☺️ ❤️", "☺ ❤"),
        ("lone \ud800 surrogate", "lone  surrogate"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected
    assert is_safe(clean(raw))


def test_clean_returns_clean_text_itself() -> None:
    text = "A perfectly ordinary line – with “quotes” and é.\n" * 100
    assert clean(text) is text


def test_clean_line_folds_whitespace() -> None:
    assert clean_line("  a\n\tb  \x1b c \x1b") == "a b"  # ESC SP c is one sequence (S7C1T-style nF)


def test_is_safe_detects_escape() -> None:
    assert not is_safe("\x1b[2J")
    assert not is_safe("\u202e")
    assert not is_safe("x\U000e0041")
    assert not is_safe("a\rb")
    assert is_safe("plain 🗞 text\n\twith tab")


# -- properties -------------------------------------------------------------------------------

_BIDI = {*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C}
_ZERO_WIDTH = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0x180E}
_TAGS = set(range(0xE0000, 0xE0080))
_INTERLINEAR = {0xFFF9, 0xFFFA, 0xFFFB}

# Text that often holds the interesting characters, not only what a uniform draw would give.
_SPECIALS = st.sampled_from(
    [chr(c) for c in (*range(0x20), *range(0x7F, 0xA0), *_BIDI, *_ZERO_WIDTH, *_INTERLINEAR)]
    + ["\U000e0041", "\U000e007f", "\U0001f3fd", "\ufe0f", "\u2028", "\u2029", "\ud800", "[", "]", "\\", "P", "_"]
)
_TEXT = st.lists(st.one_of(st.characters(), _SPECIALS, st.just("\x1b["), st.just("\x1b]")), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_clean_properties(text: str) -> None:
    cleaned = clean(text)
    assert clean(cleaned) == cleaned  # idempotent
    assert len(cleaned) <= len(text)  # never grows
    for char in cleaned:
        code = ord(char)
        assert code >= 0x20 or char in "\t\n", repr(char)  # no C0 but tab and newline
        assert not 0x7F <= code <= 0x9F, repr(char)  # no DEL, no C1
        assert code not in _BIDI and code not in _ZERO_WIDTH, repr(char)
        assert code not in _TAGS and code not in _INTERLINEAR, repr(char)
        assert unicodedata.category(char) != "Cs", repr(char)
    assert "\r" not in cleaned
    assert is_safe(cleaned)
    cleaned.encode("utf-8")  # always printable as UTF-8


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_clean_line_properties(text: str) -> None:
    line = clean_line(text)
    assert clean_line(line) == line
    assert "\n" not in line and "\t" not in line
    assert is_safe(line)
