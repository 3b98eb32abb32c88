"""Keys in one burst, through a real pseudo-terminal: how long until they are all handled.

Prints figures; asserts nothing (the machines are shared and noisy).

    python benchmarks/bench_burst.py [KEYS]      default: 200

Starts ``dateline`` at 80×24 in a pty (tests/terminal.py), opens the longest seed
article, writes KEYS ``j`` in ONE write and times until the article has scrolled KEYS
lines (each key is handled to the end before the next: see reader/ui/serial_keys.py).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from terminal import PtyApp  # noqa: E402

from reader.sources import load_sources  # noqa: E402


def main(keys: int) -> None:
    articles = load_sources().articles
    longest = max(range(len(articles)), key=lambda i: len(articles[i].body))
    with tempfile.TemporaryDirectory() as home, PtyApp(Path(home)) as app:
        started = time.monotonic()
        app.wait_for_text("Headlines")
        app.wait_until_stable()
        print(f"start-up to a quiet screen: {time.monotonic() - started - 0.5:.2f} s")
        app.write("j" * longest + "\r")
        app.wait_for_text(f"Article {longest + 1}/")
        app.wait_until_stable()
        before = app.article_lines()[:-1]
        probe = before[1]  # a line that will have scrolled up to the top after one key…
        # …and after KEYS keys, the top line is KEYS lines further down the text: wait for the
        # screen to settle and count from the rendered lines.
        started = time.monotonic()
        app.write("j" * keys)
        app.wait_for(lambda a: a.article_lines()[:1] != before[:1], "the first scroll")
        first = time.monotonic() - started
        app.wait_until_stable(quiet=0.3)
        total = time.monotonic() - started - 0.3
        assert probe  # the article has text
        print(f"{keys} j in one write: first redraw after {first * 1000:.0f} ms, all handled in {total:.2f} s")
        print(f"  = {keys / total:.0f} keys/s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
