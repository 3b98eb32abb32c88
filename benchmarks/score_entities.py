"""Score a recogniser on the hand-annotated seed set (exact span, micro-averaged).

    python benchmarks/score_entities.py [EVAL_JSONL] [--ner builtin|spacy]

EVAL_JSONL defaults to ../shared/eval/seed_entities.jsonl beside the repository.
Prints precision, recall and F1 per label, typed and label-agnostic.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.entities import RecogniserUnavailable, get_recogniser  # noqa: E402
from reader.entities.scoring import format_table, score  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "seed_entities.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_file", nargs="?", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--ner", choices=("builtin", "spacy"), default="builtin")
    args = parser.parse_args(argv)
    try:
        lines = args.eval_file.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        print(f"score_entities: cannot read {args.eval_file}: {error.strerror}", file=sys.stderr)
        return 2
    docs = [json.loads(line) for line in lines if line.strip()]
    try:
        recogniser = get_recogniser(args.ner)
    except RecogniserUnavailable as error:
        print(f"score_entities: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    predicted = [recogniser.recognise(doc["text"]) for doc in docs]
    elapsed = time.perf_counter() - started
    result = score([doc["entities"] for doc in docs], predicted)
    print(f"{args.ner} on {args.eval_file} ({len(docs)} documents, {elapsed:.2f} s)\n")
    print(format_table(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
