"""Score a recogniser on hand-annotated sets (exact span, micro-averaged), and compare runs.

    python benchmarks/score_entities.py [EVAL_JSONL ...] [--ner builtin|spacy]
    python benchmarks/score_entities.py --save NAME      # score every dev set, keep the run
    python benchmarks/score_entities.py --compare NAME   # score again, print the deltas

With no file, scores the seed gold (../shared/eval/seed_entities.jsonl beside the
repository); with --save or --compare, every development set: the seed gold and each
tests/data/*.jsonl. Prints precision, recall and F1 per label, typed and label-agnostic.

A saved run (benchmarks/.runs/NAME.json, not committed) holds every predicted span, so
--compare prints, per set, typed and label-agnostic F1 before and after, the per-label
F1 deltas and the spans gained and lost, in one command: save before a change, compare
after it. benchmarks/data/heldout_news.jsonl is held out: give it explicitly to measure,
never tune on it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_data import SEED_EVAL, read_jsonl  # noqa: E402  (benchmarks/, the script's own folder)

from reader.cli import add_ner_option  # noqa: E402
from reader.entities import LABELS, RecogniserUnavailable, get_recogniser  # noqa: E402
from reader.entities.scoring import Score, format_table, score  # noqa: E402

DEFAULT_EVAL = SEED_EVAL  # not shipped: see benchmarks/eval_data.py
RUNS = ROOT / "benchmarks" / ".runs"
_NAME = re.compile(r"[\w.-]+")


def dev_sets() -> list[Path]:
    """The seed gold and every development set under tests/data."""
    return [DEFAULT_EVAL, *sorted((ROOT / "tests" / "data").glob("*.jsonl"))]


def _predict(recogniser, docs: list[dict]) -> list[list[list]]:
    return [[[e.start, e.end, e.label] for e in recogniser.recognise(doc["text"])] for doc in docs]


def _f1_line(name: str, before: Score, after: Score) -> str:
    def pair(b: float, a: float) -> str:
        delta = 100 * (a - b)
        return f"{100 * b:5.1f} -> {100 * a:5.1f} ({delta:+5.1f})"

    return f"  {name:<9} typed F1 {pair(before.typed.f1, after.typed.f1)}   untyped F1 {pair(before.untyped.f1, after.untyped.f1)}"


def compare_runs(saved: dict, now: dict, sets: dict[str, list[dict]]) -> str:
    """Per set: F1 before and after, per-label deltas, and the spans gained and lost."""
    lines = []
    for key, docs in sets.items():
        gold = [doc["entities"] for doc in docs]
        if key not in saved:
            lines.append(f"{key}: not in the saved run")
            continue
        before_spans, after_spans = saved[key], now[key]
        if len(before_spans) != len(docs):
            lines.append(f"{key}: the set changed since the run was saved ({len(before_spans)} -> {len(docs)} texts)")
            continue
        before, after = score(gold, before_spans), score(gold, after_spans)
        lines.append(f"{key} ({len(docs)} texts)")
        lines.append(_f1_line("all", before, after))
        for label in LABELS:
            b, a = before.per_label.get(label), after.per_label.get(label)
            if b is None and a is None:
                continue
            b_f1 = b.f1 if b else 0.0
            a_f1 = a.f1 if a else 0.0
            b_pred = (b.tp + b.fp) if b else 0
            a_pred = (a.tp + a.fp) if a else 0
            if abs(a_f1 - b_f1) > 1e-9 or b_pred != a_pred:
                lines.append(
                    f"  {label:<12} F1 {100 * b_f1:5.1f} -> {100 * a_f1:5.1f} ({100 * (a_f1 - b_f1):+5.1f})"
                    f"   predicted {b_pred} -> {a_pred}"
                )
        gained = lost = 0
        examples = []
        for number, (doc, b_doc, a_doc) in enumerate(zip(docs, before_spans, after_spans, strict=True)):
            b_set, a_set = {tuple(s) for s in b_doc}, {tuple(s) for s in a_doc}
            gold_set = {tuple(s) for s in doc["entities"]}
            for sign, spans in (("+", a_set - b_set), ("-", b_set - a_set)):
                for start, end, label in sorted(spans):
                    gained += sign == "+"
                    lost += sign == "-"
                    right = "right" if (start, end, label) in gold_set else "wrong"
                    if len(examples) < 12:
                        text = doc["text"][start:end].replace("\n", " ")
                        examples.append(f"    {sign} text {number}: {text!r} {label} ({right})")
        if gained or lost:
            lines.append(f"  spans gained {gained}, lost {lost}; first changes:")
            lines.extend(examples)
        else:
            lines.append("  identical output")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_files", nargs="*", type=Path, metavar="EVAL_JSONL")
    add_ner_option(parser)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--save", metavar="NAME", help="keep this run's predictions as NAME")
    group.add_argument("--compare", metavar="NAME", help="compare this run with the saved run NAME")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    name = args.save or args.compare
    if name is not None and not _NAME.fullmatch(name):
        print(f"score_entities: a run name is letters, digits, '.', '-' and '_': {name!r}", file=sys.stderr)
        return 2
    paths = args.eval_files or (dev_sets() if name else [DEFAULT_EVAL])
    sets: dict[str, list[dict]] = {}
    for path in paths:
        try:
            sets[path.name] = read_jsonl(path, "score_entities")
        except OSError as error:
            print(f"score_entities: cannot read {path}: {error.strerror}", file=sys.stderr)
            return 2
        except (ValueError, KeyError) as error:
            print(f"score_entities: {path} is not JSON lines of texts: {error}", file=sys.stderr)
            return 2
    try:
        recogniser = get_recogniser(args.ner)
    except RecogniserUnavailable as error:
        print(f"score_entities: {error}", file=sys.stderr)
        return 2
    saved = None
    if args.compare:
        try:
            saved = json.loads((RUNS / f"{args.compare}.json").read_text(encoding="utf-8"))
        except OSError:
            print(f"score_entities: no saved run {args.compare!r}; make one with --save", file=sys.stderr)
            return 2
    now: dict[str, list] = {}
    for key, docs in sets.items():
        started = time.perf_counter()
        now[key] = _predict(recogniser, docs)
        elapsed = time.perf_counter() - started
        if saved is None:
            result = score([doc["entities"] for doc in docs], now[key])
            print(f"{args.ner} on {key} ({len(docs)} documents, {elapsed:.2f} s)\n")
            print(format_table(result) + "\n")
    if args.save:
        RUNS.mkdir(parents=True, exist_ok=True)
        (RUNS / f"{args.save}.json").write_text(json.dumps(now), encoding="utf-8")
        print(f"saved as {args.save!r}: compare later with --compare {args.save}")
    if saved is not None:
        print(f"{args.ner} now against the saved run {args.compare!r}\n")
        print(compare_runs(saved, now, sets))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
