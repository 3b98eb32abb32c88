"""The library at scale: ingest, refresh, open, first window, search, memory.

Prints figures; asserts nothing (the machines are shared and noisy: run it twice).

    python benchmarks/bench_library.py [--articles N] [--runs K] [--dir DIR] [--no-breakdown]

Generates a dump of N articles (default 100,000, about 125 MB) from the seed corpus's
vocabulary (deterministic: a seeded random), in a temporary directory (or DIR, kept), then:

- ingest into a fresh library in a child process: wall time and that process's peak RSS;
  with the breakdown, also a parse-only pass and one with ``sanitize.clean`` made a no-op,
  to show what parsing and sanitising cost of it;
- a second refresh of the unchanged file (should be about a stat);
- in fresh child processes: open of the existing library, count + first window (50 rows),
  and the peak RSS of a process that opens the library and reads a window;
- one-word and ``source:`` + word searches (median of K runs, count + first window).

Each measurement runs in a child (``--child NAME ...``) that prints one JSON line, so peak
RSS is that child's own (``ru_maxrss``). To add figures (the app's first paint, key to
repaint...), write a ``section_*`` function like those below and add it to ``SECTIONS``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

SEARCH_WORD = "huawei"  # in most generated articles: the seeds are about Huawei
RARE_WORD = "qualcomm"  # in a few percent of them
SOURCE_SEARCH = "source:cnet china"
WINDOW = 50


# -- the generated dump ---------------------------------------------------------------------------


def generate(path: Path, count: int, seed: int = 20261129) -> int:
    """Write ``count`` articles in the dump format built from the seed vocabulary; returns bytes."""
    from reader.paths import seeds_dir
    from reader.sources import load_sources

    seeds = load_sources([seeds_dir()]).articles
    words = [w for a in seeds for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", a.body)]
    publishers = [*sorted({a.source for a in seeds if a.source}), "Reuters", "The Guardian", "BBC News"]
    sections = ["", "", "", "Opinion", "Business", "World", "Technology"]
    rng = random.Random(seed)
    size = 0
    with open(path, "w", encoding="utf-8") as out:
        for number in range(count):
            title_words = rng.choices(words, k=rng.randint(6, 12))
            title = " ".join(title_words).capitalize() + f" {number}"
            section = rng.choice(sections)
            if section:
                title = f"{section} | {title}"
            title = f"{title} – {rng.choice(publishers)}"
            paragraphs = []
            for _ in range(rng.randint(4, 8)):
                sentence = " ".join(rng.choices(words, k=rng.randint(18, 40)))
                paragraphs.append(sentence[:1].upper() + sentence[1:] + ".")
            text = f"{title}\n\n{title}\n\nBy {rng.choice(words).capitalize()} {rng.choice(words).capitalize()}\n\n"
            text += "\n\n".join(paragraphs) + "\n\nRead More\n"
            size += out.write(text)
    return path.stat().st_size


# -- children: each prints one JSON line ------------------------------------------------------------


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_ingest(library: str, dump: str) -> dict:
    from reader.library import Library

    started, cpu = time.perf_counter(), time.process_time()
    with Library.open(Path(library), default_sources=False) as lib:
        lib.add_source(dump, name="bench")
        report = lib.refresh()
        ingest = time.perf_counter() - started
        ingest_cpu = time.process_time() - cpu
        started = time.perf_counter()
        second = lib.refresh()
        again = time.perf_counter() - started
        count = lib.count()
    return {
        "ingest_s": ingest,
        "ingest_cpu_s": ingest_cpu,
        "added": report.added,
        "errors": report.errors,
        "articles": count,
        "refresh_unchanged_s": again,
        "unchanged": second.unchanged,
        "peak_mib": _peak_mib(),
        "helper_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def child_parse(dump: str, no_clean: str) -> dict:
    from reader.sources import dump as dump_format

    if no_clean == "1":
        dump_format.clean = lambda text: text  # type: ignore[assignment]
        dump_format.clean_line = lambda text: " ".join(text.split())  # type: ignore[assignment]
    started, cpu = time.perf_counter(), time.process_time()
    with open(dump, encoding="utf-8-sig", newline=None) as file:
        count = sum(1 for _ in dump_format.iter_articles(file, origin=dump))
    return {
        "parse_s": time.perf_counter() - started,
        "parse_cpu_s": time.process_time() - cpu,
        "articles": count,
        "peak_mib": _peak_mib(),
    }


def child_open(library: str) -> dict:
    started = time.perf_counter()
    from reader.library import Library

    imported = time.perf_counter()
    cpu = time.process_time()
    lib = Library.open(Path(library), default_sources=False)
    opened = time.perf_counter()
    results = lib.results("")
    count = len(results)
    rows = results.window(0, WINDOW)
    first = time.perf_counter()
    first_cpu = time.process_time() - cpu
    unread = lib.unread_count()
    sources = lib.sources()
    counted = time.perf_counter()
    lib.close()
    return {
        "import_s": imported - started,
        "open_s": opened - imported,
        "count_window_s": first - opened,
        "open_window_cpu_s": first_cpu,
        "unread_sources_s": counted - first,
        "count": count,
        "rows": len(rows),
        "unread": unread,
        "sources": len(sources),
        "peak_mib": _peak_mib(),
    }


SEARCHES = (
    ("word", SEARCH_WORD),
    ("source_word", SOURCE_SEARCH),
    ("rare_word", RARE_WORD),
    ("prefix", "chi"),
)


def child_search(library: str, runs: str) -> dict:
    from reader.library import Library

    figures: dict[str, object] = {}
    with Library.open(Path(library), default_sources=False) as lib:
        lib.results("")  # the cached order, as in an app that has shown its list
        for label, text in SEARCHES:
            times, cpu = [], []
            for _ in range(int(runs)):
                started, cpu_started = time.perf_counter(), time.process_time()
                results = lib.results(text)
                count = len(results)
                results.window(0, WINDOW)
                times.append(time.perf_counter() - started)
                cpu.append(time.process_time() - cpu_started)
            figures[f"{label}_median_s"] = statistics.median(times)
            figures[f"{label}_cpu_s"] = statistics.median(cpu)
            figures[f"{label}_count"] = count
    figures["peak_mib"] = _peak_mib()
    return figures


CHILDREN: dict[str, Callable[..., dict]] = {
    "ingest": child_ingest,
    "parse": child_parse,
    "open": child_open,
    "search": child_search,
}


def run_child(name: str, *args: str) -> dict:
    command = [sys.executable, __file__, "--child", name, *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"child {name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- sections: each prints its figures ----------------------------------------------------------------


def section_ingest(context: dict) -> None:
    figures = run_child("ingest", str(context["library"]), str(context["dump"]))
    context["ingest"] = figures
    print(
        f"ingest: {figures['added']:,} articles in {figures['ingest_s']:.1f} s wall, "
        f"{figures['ingest_cpu_s']:.1f} s CPU in the library process, peak RSS {figures['peak_mib']:.0f} MiB "
        f"(+ the parsing helper's {figures['helper_peak_mib']:.0f} MiB)   (target ≤ 20 s, ≤ 250 MiB)"
    )
    if figures["errors"]:
        print(f"  errors: {figures['errors']}")
    print(f"refresh of the unchanged file: {figures['refresh_unchanged_s'] * 1000:.1f} ms")
    print(f"library file: {context['library'].stat().st_size / 2**20:.0f} MiB")


def section_breakdown(context: dict) -> None:
    """CPU time, so that the split holds on a busy machine. A file this large is parsed in a helper
    process (reader/library/dump_reader.py): the library process's CPU is the SQLite side."""
    if not context["breakdown"]:
        return
    parse = run_child("parse", str(context["dump"]), "0")
    bare = run_child("parse", str(context["dump"]), "1")
    ingest = context["ingest"]["ingest_cpu_s"] + parse["parse_cpu_s"]  # the helper parses, the library writes
    sanitise = parse["parse_cpu_s"] - bare["parse_cpu_s"]
    print(
        f"  of which parsing (streamed, no library): {parse['parse_cpu_s']:.1f} s CPU "
        f"({parse['parse_s']:.1f} s wall), peak RSS {parse['peak_mib']:.0f} MiB"
    )
    print(
        f"  of which sanitize.clean (parse with clean a no-op: {bare['parse_cpu_s']:.1f} s CPU): "
        f"{sanitise:.1f} s CPU = {sanitise / ingest:.0%} of all ingest CPU"
    )
    print(f"  SQLite writes + FTS5 (the library process): {context['ingest']['ingest_cpu_s']:.1f} s CPU")


def section_open(context: dict) -> None:
    runs = [run_child("open", str(context["library"])) for _ in range(context["runs"])]
    median = {key: statistics.median(r[key] for r in runs) for key in runs[0] if key.endswith(("_s", "_mib"))}
    print(
        f"open of the existing library: {median['open_s'] * 1000:.1f} ms (imports {median['import_s'] * 1000:.0f} ms)"
    )
    print(
        f"count + first window of {WINDOW}: {median['count_window_s'] * 1000:.1f} ms "
        f"({runs[0]['count']:,} articles; target: open + window well under 500 ms)"
    )
    print(f"  (open + count + first window: {median['open_window_cpu_s'] * 1000:.1f} ms CPU)")
    print(f"unread count + sources list: {median['unread_sources_s'] * 1000:.1f} ms")
    print(f"peak RSS of a process that opens the library and reads a window: {median['peak_mib']:.0f} MiB")


def section_search(context: dict) -> None:
    figures = run_child("search", str(context["library"]), str(context["runs"]))
    for label, text in SEARCHES:
        print(
            f"search {text!r}: {figures[f'{label}_median_s'] * 1000:.1f} ms wall, "
            f"{figures[f'{label}_cpu_s'] * 1000:.1f} ms CPU, median of {context['runs']} "
            f"({figures[f'{label}_count']:,} hits, count + first window; target ≤ 50 ms)"
        )


SECTIONS: list[Callable[[dict], None]] = [section_ingest, section_breakdown, section_open, section_search]


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        print(json.dumps(CHILDREN[sys.argv[2]](*sys.argv[3:])))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="repetitions for medians (default 5)")
    parser.add_argument("--dir", type=Path, help="work in DIR and keep it (default: a temporary directory)")
    parser.add_argument("--no-breakdown", dest="breakdown", action="store_false", help="skip the parse-only passes")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as scratch:
        work = args.dir or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        dump = work / "bench.txt"
        library = work / "library.sqlite3"
        for stale in work.glob("library.sqlite3*"):
            stale.unlink()
        started = time.perf_counter()
        size = generate(dump, args.articles)
        print(f"generated {args.articles:,} articles, {size / 1e6:.0f} MB in {time.perf_counter() - started:.1f} s")
        context = {"dump": dump, "library": library, "runs": args.runs, "breakdown": args.breakdown}
        for section in SECTIONS:
            section(context)
    return 0


if __name__ == "__main__":
    sys.exit(main())
