"""Check that every lower bound in pyproject.toml is pinned, at that version, in .ci/floor.txt.

The floors step (.ci/floors) installs .ci/floor.txt and runs the tests, so a bound that has its
line here is a bound a test run has used. Exit status 1, one line per problem, otherwise silent.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
# Extras CI installs in the floor venv; any other extra's bounds are reported as untested.
TESTED_EXTRAS = ("test", "spacy", "data", "fulltext")


def _floors() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / ".ci" / "floor.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = version.strip()
    return pins


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = project["project"].get("optional-dependencies", {})
    required = [
        *project["build-system"]["requires"],
        *project["project"]["dependencies"],
        *(item for extra in TESTED_EXTRAS for item in extras.get(extra, [])),
    ]
    floors = _floors()
    problems = []
    for text in required:
        requirement = Requirement(text)
        name = canonicalize_name(requirement.name)
        if name == "dateline":
            continue  # the project's own extras ("dateline[data]"), checked on their own
        lower = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if len(lower) != 1:
            problems.append(f"{text!r}: give it one '>=' lower bound")
        elif name not in floors:
            problems.append(f"{text!r}: no '{requirement.name}=={lower[0]}' line in .ci/floor.txt")
        elif Version(floors[name]) != Version(lower[0]):
            problems.append(f"{text!r}: .ci/floor.txt tests {requirement.name}=={floors[name]}, not {lower[0]}")
    for problem in problems:
        print(f"check_floors: {problem}", file=sys.stderr)
    untested = [f"{extra}: {', '.join(items)}" for extra, items in extras.items() if extra not in TESTED_EXTRAS]
    if untested:
        print(f"check_floors: not installed by CI (bounds untested): {'; '.join(untested)}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
