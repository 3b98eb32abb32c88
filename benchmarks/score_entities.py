"""Score a recogniser on the hand-annotated seed set (exact span, micro-averaged).

    python benchmarks/score_entities.py [EVAL_JSONL] [--ner builtin|spacy]

EVAL_JSONL defaults to the seed set ../shared/eval/seed_entities.jsonl beside the clone
(not shipped in the repository; see benchmarks/eval_data.py for the sets that are).
Prints precision, recall and F1 per label, typed and label-agnostic.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval_data import SEED_EVAL, read_jsonl  # noqa: E402  (benchmarks/, the script's own folder)

from reader.cli import add_ner_option  # noqa: E402
from reader.entities import RecogniserUnavailable, get_recogniser  # noqa: E402
from reader.entities.scoring import format_table, score  # noqa: E402

DEFAULT_EVAL = SEED_EVAL


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_file", nargs="?", type=Path, default=DEFAULT_EVAL)
    add_ner_option(parser)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    docs = read_jsonl(args.eval_file, "score_entities")
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
