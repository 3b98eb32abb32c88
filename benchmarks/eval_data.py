"""Where the annotated entity sets live, for the scoring scripts.

Shipped in the repository:

- ``tests/data/dev_news.jsonl``: development set (the recogniser is tuned on it).
- ``benchmarks/data/heldout_news.jsonl``: held-out set, kept out of development.

Not shipped: the project's seed set ``seed_entities.jsonl`` (the ten bundled seed articles,
annotated) lives in the project's shared evaluation folder, which the scripts expect at
``../shared/eval/`` beside the clone. Without it they say so and point at the shipped sets.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED_EVAL = ROOT.parent / "shared" / "eval" / "seed_entities.jsonl"
DEV = ROOT / "tests" / "data" / "dev_news.jsonl"
HELDOUT = ROOT / "benchmarks" / "data" / "heldout_news.jsonl"


def missing_seed_note(prog: str) -> str:
    return (
        f"{prog}: the seed set {SEED_EVAL} is not there: it lives in the project's shared evaluation\n"
        f"folder (../shared/eval beside the clone), not in the repository. The repository ships\n"
        f"  {DEV.relative_to(ROOT)}  (development set)\n"
        f"  {HELDOUT.relative_to(ROOT)}  (held-out set)\n"
        f"e.g.: python benchmarks/{prog}.py {HELDOUT.relative_to(ROOT)}"
    )


def read_jsonl(path: Path, prog: str) -> list[dict[str, Any]]:
    """The documents of an annotated set; one clear line and exit status 2 when it cannot be read."""
    if path == SEED_EVAL and not path.exists():
        print(missing_seed_note(prog), file=sys.stderr)
        raise SystemExit(2)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        print(f"{prog}: cannot read {path}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        raise SystemExit(2) from None
    try:
        return [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as error:
        print(f"{prog}: {path}: not JSON lines ({error})", file=sys.stderr)
        raise SystemExit(2) from None
