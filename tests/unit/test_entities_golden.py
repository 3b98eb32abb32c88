"""The built-in recogniser's exact output on the seed gold and the dev set, pinned.

A change to the recogniser's data or structure that should not change what it finds
(regenerating the gazetteers, splitting modules) must leave this file's check green. A
deliberate change to what it finds updates the pinned output in the same commit:

    python tests/unit/test_entities_golden.py        # rewrites tests/data/builtin_output.json

and the diff of that file shows what changed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SETS = {
    "seed": ROOT.parent / "shared" / "eval" / "seed_entities.jsonl",
    "dev": ROOT / "tests" / "data" / "dev_news.jsonl",
}
PINNED = ROOT / "tests" / "data" / "builtin_output.json"


def current_output() -> dict[str, list[list]]:
    from reader.entities import recognise

    output: dict[str, list[list]] = {}
    for name, path in SETS.items():
        assert path.exists(), f"{path} is missing"
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for number, line in enumerate(lines):
            doc = json.loads(line)
            output[f"{name}:{number}"] = [[e.start, e.end, e.label, e.text] for e in recognise(doc["text"])]
    return output


def test_output_on_the_seed_gold_and_dev_set_is_the_pinned_output() -> None:
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    now = current_output()
    assert now.keys() == pinned.keys()
    changed = {key: (pinned[key], now[key]) for key in now if now[key] != pinned[key]}
    differences = []
    for key, (before, after) in changed.items():
        lost = [e for e in before if e not in after]
        gained = [e for e in after if e not in before]
        differences.append(f"{key}: lost {lost[:3]} gained {gained[:3]}")
    assert not changed, "output changed (rerun this file as a script if deliberate):\n" + "\n".join(differences)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    PINNED.write_text(json.dumps(current_output(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {PINNED}")
