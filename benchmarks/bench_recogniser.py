"""Words per second of the built-in recogniser on the seed corpus, and gazetteer load time.

    python benchmarks/bench_recogniser.py [--repeat N] [FILE]

FILE defaults to seeds/000_7f3c901dc792d98b.txt. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_FILE = ROOT / "seeds" / "000_7f3c901dc792d98b.txt"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--repeat", type=int, default=10, help="timed runs; the best is reported")
    args = parser.parse_args(argv)
    text = args.file.read_text(encoding="utf-8")
    words = len(text.split())

    started = time.perf_counter()
    import reader.entities as entities
    from reader.entities import gazetteers, wordlists  # noqa: F401 - the hand lists load on import

    imported = time.perf_counter()
    cpu = time.process_time()
    gazetteers.load_all()  # the generated data files
    data_loaded, data_cpu = time.perf_counter(), time.process_time() - cpu
    recogniser = entities.get_recogniser("builtin")  # the rules' modules and patterns
    loaded = time.perf_counter()

    # Wall-clock time, and this process's CPU time, which other load on the machine
    # disturbs less. Best of the repeats for each.
    best = best_cpu = float("inf")
    for _ in range(max(1, args.repeat)):
        t0, c0 = time.perf_counter(), time.process_time()
        found = recogniser.recognise(text)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)

    print(f"file:            {args.file.name} ({words:,} words, {len(text):,} characters)")
    print(f"import:          {1000 * (imported - started):.1f} ms")
    print(f"data load:       {1000 * (data_loaded - imported):.0f} ms ({1000 * data_cpu:.0f} ms CPU; once per process)")
    print(f"rules load:      {1000 * (loaded - data_loaded):.0f} ms (modules and compiled patterns)")
    print(f"recognise:       {1000 * best:.1f} ms best of {args.repeat}, {len(found)} entities")
    print(f"speed:           {words / best:,.0f} words/s (CPU time: {words / best_cpu:,.0f} words/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
