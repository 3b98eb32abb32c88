"""Options shared by several commands are defined once (``reader.cli``) and offered only where they work."""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

import pytest

from reader import cli
from reader.cli import COMMANDS, _app_parser, _command_parser, main
from reader.entities import BACKENDS, DEFAULT_BACKEND

ROOT = Path(__file__).resolve().parents[2]


def _help(parser: argparse.ArgumentParser) -> str:
    return parser.format_help()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_data_dir_is_offered_only_by_commands_that_use_it(name: str) -> None:
    parser, module = _command_parser(name)
    assert ("--data-dir" in _help(parser)) == bool(getattr(module, "USES_DATA_DIR", False))


def test_commands_using_the_data_dir() -> None:
    users = {name for name in COMMANDS if getattr(_command_parser(name)[1], "USES_DATA_DIR", False)}
    assert {"bookmarks", "list", "search", "sources", "refresh", "mark", "story"} <= users  # the library, bookmarks
    assert not users & {"entities", "screenshots"}
    assert "--data-dir" in _help(_app_parser())  # the app keeps its library and bookmarks there


@pytest.mark.parametrize("argv", [["entities", "--data-dir", "D"], ["--data-dir", "D", "screenshots"]])
def test_data_dir_is_refused_where_it_would_do_nothing(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --data-dir" in capsys.readouterr().err


def _load_benchmark(name: str) -> object:
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _ner_parsers(monkeypatch: pytest.MonkeyPatch) -> dict[str, argparse.ArgumentParser]:
    monkeypatch.syspath_prepend(str(ROOT / "benchmarks"))  # as when the script runs: its folder is on the path
    benchmark = _load_benchmark("score_entities")
    return {
        "app": _app_parser(),
        "entities": _command_parser("entities")[0],
        "score_entities": benchmark._parser(),  # type: ignore[attr-defined]
    }


def test_ner_is_one_option_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(cli.NER_ENV, raising=False)
    for where, parser in _ner_parsers(monkeypatch).items():
        assert parser.parse_args([]).ner == DEFAULT_BACKEND, where
        for backend in BACKENDS:
            assert parser.parse_args(["--ner", backend]).ner == backend, where
        assert "{" + ",".join(BACKENDS) + "}" in _help(parser), where


def test_ner_default_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cli.NER_ENV, "spacy")
    for where, parser in _ner_parsers(monkeypatch).items():
        assert parser.parse_args([]).ner == "spacy", where
        assert parser.parse_args(["--ner", "builtin"]).ner == "builtin", where  # the option wins


def test_entities_command_uses_dateline_ner(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import reader.entities

    asked: list[str] = []
    real = reader.entities.get_recogniser

    def recording(name: str = DEFAULT_BACKEND) -> reader.entities.Recogniser:
        asked.append(name)
        return real("builtin")

    monkeypatch.setattr(reader.entities, "get_recogniser", recording)
    monkeypatch.setenv(cli.NER_ENV, "spacy")
    text = tmp_path / "story.txt"
    text.write_text("Angela Merkel visited Paris.", encoding="utf-8")
    assert main(["entities", str(text)]) == 0
    assert asked == ["spacy"]
    assert "Paris" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["entities"], ["list"], []])
def test_a_bad_dateline_ner_is_one_clear_error(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cli.NER_ENV, "bogus")
    if argv == ["list"]:  # list does not recognise entities: the variable is none of its business
        assert main(argv) == 0
        return
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == "dateline: $DATELINE_NER is 'bogus': choose one of builtin, spacy\n"  # one line
