"""The README's commands are the ones CI runs, and pyproject's lower bounds are the ones CI tests."""

from __future__ import annotations

import re
import runpy
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme.split("## Set up and run", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", setup, re.S)]


def test_the_readme_test_command_is_what_ci_runs() -> None:
    _run_command, test_command = _readme_commands()
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci_lines  # the very same chain, not a paraphrase
    for part in ("ruff check", "ruff format --check", "mypy", "pytest"):
        assert part in test_command


def test_run_and_test_commands_install_the_same_pins() -> None:
    run_command, test_command = _readme_commands()
    for command in (run_command, test_command):
        assert "-c .ci/constraints.txt" in command
        assert command.startswith("test -f .ci/run || ")  # outside a clone: stop before making a .venv


def test_every_lower_bound_has_its_floor(capsys: pytest.CaptureFixture[str]) -> None:
    check = runpy.run_path(str(ROOT / ".ci" / "check_floors.py"))
    assert check["main"]() == 0, capsys.readouterr().err
