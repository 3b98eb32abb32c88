"""Side by side: the built-in recogniser and a spaCy pipeline, on the same texts.

    python benchmarks/compare_spacy.py [--model NAME] [EVAL_JSONL ...]

Needs spaCy and an English model in the same environment (from the clone:
``.venv/bin/pip install -e '.[spacy]' && .venv/bin/python -m spacy download en_core_web_sm``);
the model is loaded by package name (default ``en_core_web_sm``). Defaults to the seed set
(../shared/eval beside the clone, not shipped) and the held-out set. Prints typed and label-agnostic exact-span F1 and words per second for both (spaCy's
CARDINAL, ORDINAL and QUANTITY dropped, its spans trimmed like ours: the adapter in
``reader.entities.spacy_backend``). Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_data import HELDOUT, SEED_EVAL, missing_seed_note, read_jsonl  # noqa: E402  (benchmarks/)

from reader.entities import get_recogniser  # noqa: E402
from reader.entities.scoring import score  # noqa: E402

DEFAULTS = [SEED_EVAL, HELDOUT]


def run(recognise, docs: list[dict]) -> tuple[list[list[tuple[int, int, str]]], float]:
    recognise(docs[0]["text"])  # warm up (loads gazetteers or model caches)
    started = time.perf_counter()
    predicted = [[(e.start, e.end, e.label) for e in recognise(d["text"])] for d in docs]
    return predicted, time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_files", nargs="*", type=Path, default=DEFAULTS)
    parser.add_argument("--model", default="en_core_web_sm")
    args = parser.parse_args()
    try:
        import spacy

        from reader.entities.spacy_backend import SpacyRecogniser

        spacy_recogniser = SpacyRecogniser(spacy.load(args.model))
    except (ImportError, OSError) as error:
        print(f"compare_spacy: cannot load spaCy model {args.model!r}: {error}", file=sys.stderr)
        return 2
    builtin = get_recogniser("builtin")
    paths = args.eval_files
    if paths is DEFAULTS and not SEED_EVAL.exists():
        print(missing_seed_note("compare_spacy") + "\n(going on with the held-out set)\n", file=sys.stderr)
        paths = [HELDOUT]
    for path in paths:
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
