import pytest

from reader.sanitize import clean, clean_line, is_safe


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("plain text", "plain text"),
        ("\x1b[31mred\x1b[0m", "[31mred[0m"),  # ESC removed: the rest is harmless text
        ("a\x9bb", "ab"),  # C1 CSI
        ("a\x07b\x00c\x7fd", "abcd"),
        ("right\u202eto\u202cleft", "righttoleft"),
        ("iso\u2066late\u2069", "isolate"),
        ("zero\u200bwidth\u200d\ufeff", "zerowidth"),
        ("line\r\nbreak\rmac", "line\nbreak\nmac"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("[@click=app.quit]x[/]", "[@click=app.quit]x[/]"),  # markup is shown, not removed
        ("emoji 🗞 and accents é ü", "emoji 🗞 and accents é ü"),
    ],
)
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected
    assert is_safe(clean(raw))


def test_clean_is_idempotent() -> None:
    nasty = "\x1b]0;title\x07\u202e\x9b\u200b\r\nok"
    assert clean(clean(nasty)) == clean(nasty)


def test_clean_line_folds_whitespace() -> None:
    assert clean_line("  a\n\tb  \x1b c ") == "a b c"


def test_is_safe_detects_escape() -> None:
    assert not is_safe("\x1b[2J")
    assert not is_safe("\u202e")
