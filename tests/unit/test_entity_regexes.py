"""The compiled-pattern cache: same patterns, kept between processes, never in the way."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEXT = "Ben Wood of CCS Insight said on May 23, 2019 that Huawei's shares rose 5% to $3bn in Shenzhen."


def _run(cache_home: Path, code: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "DATELINE_NO_REGEX_CACHE"}
    env["XDG_CACHE_HOME"] = str(cache_home)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True, timeout=120
    )


RECOGNISE = (
    "import json, sys; from reader.entities import recognise, regexes;"
    f"print(json.dumps([[e.start, e.end, e.label] for e in recognise({TEXT!r})]));"
    "print(len(regexes._load()), len(regexes._added))"
)


def test_the_cache_is_written_once_then_used_and_gives_the_same_entities(tmp_path: Path) -> None:
    first = _run(tmp_path, RECOGNISE).stdout.splitlines()
    files = list((tmp_path / "dateline").glob("regexes-*.marshal"))
    assert len(files) == 1
    second = _run(tmp_path, RECOGNISE).stdout.splitlines()
    assert first[0] == second[0]
    loaded, added = map(int, second[1].split())
    assert loaded > 50 and added == 0  # every pattern came from the cache
    from reader.entities import recognise

    assert json.loads(first[0]) == [[e.start, e.end, e.label] for e in recognise(TEXT)]


def test_a_damaged_cache_is_ignored_and_replaced(tmp_path: Path) -> None:
    _run(tmp_path, RECOGNISE)
    [path] = (tmp_path / "dateline").glob("regexes-*.marshal")
    path.write_bytes(b"\x00garbage")
    out = _run(tmp_path, RECOGNISE).stdout.splitlines()
    from reader.entities import recognise

    assert json.loads(out[0]) == [[e.start, e.end, e.label] for e in recognise(TEXT)]
    assert path.read_bytes() != b"\x00garbage"


def test_cached_patterns_behave_like_re_compile(tmp_path: Path) -> None:
    code = (
        "import re; from reader.entities import regexes;"
        "p = regexes.compile(r'(?P<word>[A-Z]\\w+)(?:\\s(\\d+))?', re.M);"
        "m = p.search('x Foo 12');"
        "print(p.groups, sorted(p.groupindex.items()), m.group('word'), m.group(2), p.flags & re.M)"
    )
    first = _run(tmp_path, code).stdout
    second = _run(tmp_path, code).stdout  # from the cache
    expected = re.compile(r"(?P<word>[A-Z]\w+)(?:\s(\d+))?", re.M)
    assert first == second
    assert first.split()[0] == str(expected.groups) and "Foo 12" in first
