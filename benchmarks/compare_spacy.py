"""Side by side: the built-in recogniser and a spaCy pipeline, on the same texts.

    python benchmarks/compare_spacy.py [--model NAME] [--words N] [--dateline CMD] [EVAL_JSONL ...]

Needs spaCy and an English model in the same environment (from the clone:
``.venv/bin/pip install -e '.[spacy]' && .venv/bin/python -m spacy download en_core_web_sm``); the model is loaded by
package name (default ``en_core_web_sm``). Prints, in one run:

1. quality: typed and label-agnostic exact-span F1 and words per second for both, on the
   seed set (spaCy's CARDINAL, ORDINAL and QUANTITY dropped, its spans trimmed like ours:
   the adapter in ``reader.entities.spacy_backend``), or on the EVAL_JSONL files given;
2. speed as a user meets it: ``dateline entities --format jsonl`` over about N words of
   news (default 46,000: the seed articles, the seed gold and the dev texts, cycled) as a
   whole process, start-up and data loading included, against spaCy on the same texts
   in this process with its model already loaded. Best of three runs each; wall-clock
   and CPU time (the machine's other load disturbs CPU time less). One untimed run
   first, as after ``pip install``: Python's byte code is written (even where
   PYTHONDONTWRITEBYTECODE is set) and so is the compiled-pattern cache
   (:mod:`reader.entities.regexes`).

Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_data import SEED_EVAL, read_jsonl  # noqa: E402  (benchmarks/, the script's own folder)

from reader.entities import get_recogniser  # noqa: E402
from reader.entities.scoring import score  # noqa: E402

SEED_GOLD = SEED_EVAL  # not shipped: see benchmarks/eval_data.py
DEV = ROOT / "tests" / "data" / "dev_news.jsonl"


def run(recognise, docs: list[dict]) -> tuple[list[list[tuple[int, int, str]]], float]:
    recognise(docs[0]["text"])  # warm up (loads gazetteers or model caches)
    started = time.perf_counter()
    predicted = [[(e.start, e.end, e.label) for e in recognise(d["text"])] for d in docs]
    return predicted, time.perf_counter() - started


def news_corpus(words: int) -> list[str]:
    """About ``words`` words of news: the seed articles, the seed gold and dev texts, cycled."""
    from reader.sources import load_sources

    texts = [article.body for article in load_sources().articles]
    for path in (SEED_GOLD, DEV):
        if path.exists():
            texts += [doc["text"] for doc in read_jsonl(path, "compare_spacy")]
    corpus: list[str] = []
    total = 0
    while total < words:
        for text in texts:
            corpus.append(text)
            total += len(text.split())
            if total >= words:
                break
    return corpus


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_process(command: list[str], jsonl: bytes, repeat: int) -> tuple[float, float, int]:
    """Best wall-clock and CPU seconds of ``command`` reading ``jsonl``; entities found."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(command, input=jsonl, capture_output=True, check=True, env=env)  # as installed: .pyc written
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(repeat):
        cpu_before, started = _child_cpu(), time.perf_counter()
        result = subprocess.run(command, input=jsonl, capture_output=True, check=True, env=env)
        best_wall = min(best_wall, time.perf_counter() - started)
        best_cpu = min(best_cpu, _child_cpu() - cpu_before)
        found = sum(len(json.loads(line)["entities"]) for line in result.stdout.splitlines() if line.strip())
    return best_wall, best_cpu, found


def time_in_process(recognise, texts: list[str], repeat: int) -> tuple[float, float, int]:
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(repeat):
        cpu_before, started = time.process_time(), time.perf_counter()
        found = sum(len(recognise(text)) for text in texts)
        best_wall = min(best_wall, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - cpu_before)
    return best_wall, best_cpu, found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_files", nargs="*", type=Path, default=[SEED_GOLD])
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--words", type=int, default=46_000, help="words of news for the speed run")
    parser.add_argument(
        "--dateline",
        default=f"{sys.executable} -m reader",
        help="the command that runs Dateline (default: this Python, -m reader)",
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    try:
        import spacy

        from reader.entities.spacy_backend import SpacyRecogniser

        spacy_recogniser = SpacyRecogniser(spacy.load(args.model))
    except (ImportError, OSError) as error:
        print(f"compare_spacy: cannot load spaCy model {args.model!r}: {error}", file=sys.stderr)
        return 2
    builtin = get_recogniser("builtin")
    for path in args.eval_files:
        docs = read_jsonl(path, "compare_spacy")
        gold = [[tuple(e) for e in d["entities"]] for d in docs]
        words = sum(len(d["text"].split()) for d in docs)
        print(f"{path.name}: {len(docs)} documents, {words:,} words")
        for name, recogniser in (("builtin", builtin), (f"spacy {args.model}", spacy_recogniser)):
            predicted, seconds = run(recogniser.recognise, docs)
            result = score(gold, predicted)
            print(
                f"  {name:<28} typed F1 {100 * result.typed.f1:5.1f}  untyped F1 {100 * result.untyped.f1:5.1f}"
                f"  {words / seconds:>10,.0f} words/s"
            )

    texts = news_corpus(args.words)
    words = sum(len(text.split()) for text in texts)
    jsonl = "".join(json.dumps({"id": str(i), "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))
    command = [*args.dateline.split(), "entities", "--format", "jsonl"]
    print(f"\nspeed: {len(texts)} texts, {words:,} words of news, best of {args.repeat}")
    p_wall, p_cpu, p_found = time_process(command, jsonl.encode("utf-8"), args.repeat)
    s_wall, s_cpu, s_found = time_in_process(spacy_recogniser.recognise, texts, args.repeat)
    print(
        f"  dateline entities --format jsonl, whole process: {p_wall:6.2f} s wall {p_cpu:6.2f} s CPU"
        f"  {words / p_wall:>9,.0f} words/s  {p_found:,} entities"
    )
    print(
        f"  spaCy {args.model}, in process, model loaded:  {s_wall:6.2f} s wall {s_cpu:6.2f} s CPU"
        f"  {words / s_wall:>9,.0f} words/s  {s_found:,} entities"
    )
    print(f"  built-in process is {s_wall / p_wall:.1f}x faster (wall), {s_cpu / p_cpu:.1f}x (CPU)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
