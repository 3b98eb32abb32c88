"""JSON for hostile data: whatever goes out is exact, terminal-safe and UTF-8-encodable;
whatever comes in fails as one ValueError with a reason."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader import jsonio
from reader.sanitize import is_safe


@settings(max_examples=300, deadline=None)
@given(
    st.recursive(st.text(), lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4))
)
def test_dumps_is_exact_safe_and_encodable(value: object) -> None:
    for indent in (None, 2):
        text = jsonio.dumps(value, indent=indent)
        assert json.loads(text) == value
        assert is_safe(text.replace("\n", "").replace("\t", ""))
        text.encode("utf-8")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("{", "line 1, column 2"),
        ("[" * 100_000, "nested too deeply"),
        ("1" * 5000, "digits"),
        (b'"\xff"', "not UTF-8"),
    ],
)
def test_loads_fails_with_one_line(text: str | bytes, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as caught:
        jsonio.loads(text)
    assert "\n" not in str(caught.value)


def test_loads_keeps_lone_surrogates_for_dumps_to_escape() -> None:
    value = jsonio.loads('{"t": "\\ud800"}')
    assert jsonio.dumps(value) == '{"t": "\\ud800"}'
