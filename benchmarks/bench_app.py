"""The app over a 100,000-article library: first headlines on screen, key to repaint, memory.

Prints figures; asserts nothing (the machines are shared and noisy: run it twice).

    python benchmarks/bench_app.py [--articles N] [--runs K] [--dir DIR]

Builds (or, with ``--dir`` holding one already, reuses) a library of N generated articles
(default 100,000; the generator is ``bench_library.generate``), then:

- first headlines on screen: the real app started in a pseudo-terminal at 80x24, from the
  existing library, timed from the process start to the moment the first headline's text
  reaches the terminal; the same for a bare Textual app started the same way (one Static),
  for comparison (median of K runs each);
- key to repaint in the headline list at 120x40 (the split layout: the article pane is laid
  out again for each key): in-process, the time from a ``j`` to the last frame written for
  it (Textual paints on its refresh timer), median and 90th percentile over 200 keys;
- peak RSS of the app process (``ru_maxrss``, reported by the child on exit) after start,
  a few keys, a search and the last headline, with and without the background entity
  indexer running.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import json
import os
import pty
import re
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|.)")
BARE_MARKER = "Bare Textual app ready"


# -- building the library ---------------------------------------------------------------------------------


def build(directory: Path, count: int) -> Path:
    """A library of ``count`` generated articles in ``directory`` (reused when already built)."""
    from bench_library import generate

    from reader.library import Library

    path = directory / "library.sqlite3"
    done = directory / "built.json"
    if path.exists() and done.exists() and json.loads(done.read_text())["articles"] == count:
        return path
    dump = directory / "generated.txt"
    started = time.perf_counter()
    size = generate(dump, count)
    print(f"generated {count:,} articles ({size / 2**20:.0f} MiB) in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    with Library.open(path, default_sources=False) as library:
        library.add_source(str(dump), name="generated")
        library.refresh()
        total = library.count()
    print(f"ingested {total:,} articles in {time.perf_counter() - started:.1f} s")
    done.write_text(json.dumps({"articles": count}))
    return path


# -- children (started in a pseudo-terminal) ----------------------------------------------------------------


def child_app(library: str, index: str, report: str) -> None:
    from reader.library import Library
    from reader.ui.app import DatelineApp

    # The benchmark's library was built without the seeds: open it as it is.
    app = DatelineApp(Library.open(Path(library), default_sources=False), index_entities=index == "1")
    app.run()
    _report(report)


def child_bare(report: str) -> None:
    from textual.app import App
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self):
            yield Static(BARE_MARKER)

        def on_key(self, event) -> None:
            if event.key == "q":
                self.exit()

    Bare().run()
    _report(report)


def _report(path: str) -> None:
    import resource

    Path(path).write_text(json.dumps({"peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))


def run_in_pty(args: list[str], marker: str, keys: list[bytes], settle: float, env: dict) -> tuple[float, dict]:
    """Start this script's child ``args`` in an 80x24 pty; seconds until ``marker`` shows; its report."""
    report = Path(tempfile.mkstemp(prefix="dateline-bench-", suffix=".json")[1])
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", *args, str(report)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=REPO,
        start_new_session=True,
    )
    os.close(slave)
    seen = b""
    shown = None
    deadline = started + 60
    wanted = marker.encode()
    while time.perf_counter() < deadline and shown is None:
        ready, _, _ = select.select([master], [], [], 0.01)
        if ready:
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
            if wanted in ANSI.sub(b"", seen):
                shown = time.perf_counter() - started

    def drain(seconds: float) -> None:  # keep reading: a full pty buffer would block the child
        until = time.perf_counter() + seconds
        while (left := until - time.perf_counter()) > 0:
            if select.select([master], [], [], left)[0]:
                try:
                    os.read(master, 65536)
                except OSError:
                    return

    drain(settle)
    for key in [*keys, b"q"]:
        os.write(master, key)
        drain(0.3)
    stop = time.perf_counter() + 20
    while process.poll() is None and time.perf_counter() < stop:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                os.read(master, 65536)
            except OSError:
                break
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait()
    os.close(master)
    try:
        figures = json.loads(report.read_text() or "{}")
    finally:
        report.unlink(missing_ok=True)
    if shown is None:
        raise SystemExit(f"{args[0]}: {marker!r} never appeared; the terminal showed:\n{ANSI.sub(b'', seen)[-800:]!r}")
    return shown, figures


# -- key to repaint, in-process ------------------------------------------------------------------------------


async def key_to_repaint(library: Path, keys: int, recognise: bool) -> tuple[list[float], list[float]]:
    """Per key: seconds to the first frame written after it (the list's cursor moved) and to
    the last (the article pane laid out and painted too)."""
    from reader.library import Library
    from reader.ui.app import DatelineApp

    no_entities = None if recognise else (lambda text: [])
    app = DatelineApp(
        Library.open(library, default_sources=False), refresh=False, index_entities=False, recognise=no_entities
    )
    frames: list[float] = []
    display = app._display

    def timed_display(screen, renderable) -> None:  # every frame the app writes
        display(screen, renderable)
        frames.append(time.perf_counter())

    app._display = timed_display  # type: ignore[method-assign]
    first: list[float] = []
    last: list[float] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        for _ in range(keys):
            frames.clear()
            pressed = time.perf_counter()
            await pilot.press("j")
            await pilot.pause(0.03)  # let the refresh timer write the frame(s) for this key
            if frames:
                first.append(frames[0] - pressed)
                last.append(frames[-1] - pressed)
    return first, last


# -- main ------------------------------------------------------------------------------------------------------------


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        {"app": child_app, "bare": child_bare}[sys.argv[2]](*sys.argv[3:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each start-up (default 5)")
    parser.add_argument("--dir", type=Path, help="build the library in DIR and keep it (reused next time)")
    parser.add_argument(
        "--only", choices=("start", "keys", "rss"), help="measure only this (default: all three)", default=None
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="dateline-bench-app-") as scratch:
        directory = args.dir or Path(scratch)
        directory.mkdir(parents=True, exist_ok=True)
        library = build(directory, args.articles)
        from reader.library import Library

        with Library.open(library, default_sources=False) as lib:
            first_title = lib.results("").window(0, 1)[0].title
        marker = first_title[:30]
        data = Path(scratch) / "data"  # the children's bookmarks: never the user's
        env = {**os.environ, "TERM": "xterm-256color", "DATELINE_DATA_DIR": str(data), "COLUMNS": "80", "LINES": "24"}
        env.pop("NO_COLOR", None)

        app_times, bare_times = [], []
        for _ in range(args.runs if args.only in (None, "start") else 0):
            bare_times.append(run_in_pty(["bare"], BARE_MARKER, [], 0.0, env)[0])
            app_times.append(run_in_pty(["app", str(library), "0"], marker, [], 0.0, env)[0])
        if app_times:
            app_s, bare_s = statistics.median(app_times), statistics.median(bare_times)
            print(
                f"first headlines on screen ({args.articles:,} articles, 80x24 pty, median of {args.runs}): "
                f"{app_s:.2f} s; bare Textual app {bare_s:.2f} s; ratio {app_s / bare_s:.2f}x   "
                f"(targets ≤ 0.5 s, ≤ 1.5x)"
            )
            print(
                f"   runs: app {', '.join(f'{t:.2f}' for t in app_times)}; bare {', '.join(f'{t:.2f}' for t in bare_times)}"
            )

        labels = ((False, "no recogniser"), (True, "the built-in recogniser colouring each article"))
        for recognise, label in labels if args.only in (None, "keys") else ():
            first, last = asyncio.run(key_to_repaint(library, 200, recognise))
            a, b = sorted(t * 1000 for t in first), sorted(t * 1000 for t in last)
            print(
                f"key to repaint, j in the headline list at 120x40 ({len(b)} keys, {label}): the article pane "
                f"laid out and painted: median {statistics.median(b):.1f} ms, p90 {b[int(len(b) * 0.9)]:.1f} ms; "
                f"first frame: median {statistics.median(a):.1f} ms   (target ≤ 16 ms)"
            )

        if args.only in (None, "rss"):
            keys = [b"j"] * 5 + [b"/", b"c", b"h", b"i", b"\r", b"\x1b", b"G", b"k"]
            _, quiet = run_in_pty(["app", str(library), "0"], marker, keys, 2.0, env)
            _, indexing = run_in_pty(["app", str(library), "1"], marker, keys, 4.0, env)
            print(
                f"peak RSS of the app with the library open (start, keys, a search, G): "
                f"{quiet.get('peak_mib', float('nan')):.0f} MiB; with the entity indexer running: "
                f"{indexing.get('peak_mib', float('nan')):.0f} MiB   (target ≤ 100 MiB)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
