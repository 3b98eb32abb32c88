"""Throughput of ``reader.sanitize.clean`` and ``clean_line`` on dump-sized text.

Prints figures; asserts nothing (the machines are shared and noisy).

    python benchmarks/bench_sanitize.py [MB ...]      default: 12 127

The text is the bundled seed corpus repeated up to the size asked for (the 12 MB and
127 MB dumps of the library issue are made the same way). Three cases:

- ``clean``: the whole text at once, the common case (nothing to remove);
- ``clean per line``: every line on its own, as the dump parser calls it;
- ``clean hostile``: the same text with an escape sequence, a bidi override and a
  zero-width space every 2 KB (the slow path).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.paths import seeds_dir
from reader.sanitize import clean, clean_line


def corpus(megabytes: float) -> str:
    seed = "".join(path.read_text(encoding="utf-8") for path in sorted(seeds_dir().glob("*.txt")))
    size = int(megabytes * 1_000_000)
    return (seed * (size // len(seed) + 1))[:size]


def hostile(text: str) -> str:
    step = 2048
    payload = "\x1b[31m\u202e\u200b"
    return payload.join(text[i : i + step] for i in range(0, len(text), step))


def each(function, lines: list[str]) -> None:
    for line in lines:
        function(line)


def rate(label: str, megabytes: float, function, *args) -> None:
    start = time.perf_counter()
    function(*args)
    elapsed = time.perf_counter() - start
    print(f"  {label:<18} {elapsed:7.3f} s  {megabytes / elapsed:9.1f} MB/s")


def main(sizes: list[float]) -> None:
    for megabytes in sizes:
        text = corpus(megabytes)
        lines = text.split("\n")
        bad = hostile(text)
        print(f"{megabytes:g} MB ({len(lines):,} lines)")
        rate("clean", megabytes, clean, text)
        rate("clean per line", megabytes, each, clean, lines)
        rate("clean_line per line", megabytes, each, clean_line, lines)
        rate("clean hostile", megabytes, clean, bad)


if __name__ == "__main__":
    main([float(arg) for arg in sys.argv[1:]] or [12.0, 127.0])
