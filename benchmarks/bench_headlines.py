"""Start-up, navigation and filtering with a very long headline list.

Prints figures; asserts nothing (the machines are shared and noisy).

    python benchmarks/bench_headlines.py [N]      default: 100000

Times include Pilot's own pause after each key (a few ms); compare sizes against each other.
"""

from __future__ import annotations

import asyncio
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.model import Article, Entity
from reader.ui.app import DatelineApp


def articles(n: int) -> list[Article]:
    return [
        Article(
            id=f"{i:012x}",
            title=f"Headline number {i}: markets, weather and the news of day {i % 365}",
            paragraphs=(f"Body of story {i}.",),
            source=("Reuters", "CNET", "The New York Times")[i % 3],
        )
        for i in range(n)
    ]


def no_entities(text: str) -> list[Entity]:
    return []


async def measure(n: int) -> dict[str, float]:
    items = articles(n)
    started = time.perf_counter()
    app = DatelineApp(items, recognise=no_entities)
    figures: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        figures["first paint, s"] = time.perf_counter() - started
        t = time.perf_counter()
        await pilot.press("G")
        await pilot.pause()
        figures["G (to the last), ms"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        for _ in range(20):
            await pilot.press("k")
        await pilot.pause()
        figures["k x20, ms per key"] = (time.perf_counter() - t) * 1000 / 20
        t = time.perf_counter()
        await pilot.press("slash", *"day 12")
        await pilot.pause()
        figures["filter 'day 12' typed, ms per key"] = (time.perf_counter() - t) * 1000 / 7
        figures["rows after filter"] = len(app.screen.headlines.articles)
    # ru_maxrss is in KiB on Linux: the process's peak, so run one size per process to compare.
    figures["peak RSS, MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    figures = asyncio.run(measure(n))
    print(f"{n:>7} headlines: " + ", ".join(f"{k} {v:,.1f}" for k, v in figures.items()))


if __name__ == "__main__":
    main()
