"""The config file: where it is, what it may say, and one clear error per mistake."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from reader import config as config_file
from reader.cli import main
from reader.paths import config_path


def write(text: str) -> Path:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_file_lives_in_the_xdg_config_dir() -> None:
    assert config_path() == Path(os.environ["XDG_CONFIG_HOME"]) / "dateline" / "config.toml"


def test_no_file_is_no_error() -> None:
    config = config_file.load()
    assert config.errors == [] and config.keys == {} and config.theme is None and config.layout == "auto"


def test_a_good_file_is_read() -> None:
    write(
        'theme = "textual-light"\nlayout = "stacked"\nsources = ["~/news", "/tmp/x.txt"]\n\n'
        '[keys]\n"reader.next_article" = "J, ctrl+n"\n"app.help" = "f1"\n'
    )
    config = config_file.load()
    assert config.errors == []
    assert config.theme == "textual-light" and config.layout == "stacked"
    assert config.sources == [str(Path("~/news").expanduser()), "/tmp/x.txt"]
    assert config.keys == {"reader.next_article": "J,ctrl+n", "app.help": "f1"}


def test_a_file_that_is_not_toml_is_one_error_naming_the_line() -> None:
    path = write('theme = "nord"\n\n[keys]\n"reader.filter" = \n')
    config = config_file.load()
    [error] = config.errors
    assert error.startswith(f"{path}, line 4: not valid TOML")
    assert config.theme is None and config.keys == {}  # nothing of a broken file is used


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("theme = 3\n", 1, "theme must be"),
        ('\nlayout = "sideways"\n', 2, "layout must be one of auto, split, stacked"),
        ('sources = "~/news"\n', 1, "sources must be a list"),
        ('colour = "red"\n', 1, "unknown setting 'colour'"),
        ('[keys]\n"list.down" = "j"\n"list.up" = 5\n', 3, "keys must be a string"),
        ('[keys]\n"list.up" = "ctrl+"\n', 2, "is not a key name"),
        ('[keys]\n"list.up" = "k,,up"\n', 2, "an empty key"),
        ('[keys]\n"list.up" = "page up"\n', 2, "is not a key name"),
    ],
)
def test_a_bad_value_is_one_error_naming_its_line_and_the_rest_applies(text: str, line: int, words: str) -> None:
    path = write(text)
    config = config_file.load()
    [error] = config.errors
    assert error.startswith(f"{path}, line {line}: ") and words in error


def test_one_bad_key_leaves_the_good_ones() -> None:
    write('[keys]\n"list.down" = "n"\n"list.up" = 5\n')
    config = config_file.load()
    assert config.keys == {"list.down": "n"} and len(config.errors) == 1


def test_a_file_that_is_not_utf8_is_one_error() -> None:
    path = config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"theme = \xff\n")
    assert config_file.load().errors == [f"{path}: not UTF-8 text"]


def test_config_path_and_default(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "--path"]) == 0
    assert capsys.readouterr().out.strip() == str(config_path())
    assert main(["config", "--default"]) == 0
    default = capsys.readouterr().out
    assert tomllib.loads(default) == {"keys": {}}  # it parses, and changes nothing
    assert '# "reader.next_article" = "J"' in default and '# "bookmarks.note" = "m"' in default
    # Used as the file, it is fine; uncommenting a key line works.
    write(default.replace('# "reader.next_article" = "J"', '"reader.next_article" = "ctrl+n"'))
    config = config_file.load()
    assert config.errors == [] and config.keys == {"reader.next_article": "ctrl+n"}


def test_config_check_names_each_bad_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config"]) == 0
    assert "none (the defaults apply)" in capsys.readouterr().out
    path = write('theme = "no-such-theme"\n[keys]\n"reader.nope" = "x"\n"list.down" = "j"\n')
    assert main(["config"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"dateline: {path}, line 3: no key binding has the id 'reader.nope' (dateline config --default lists them)",
        f"dateline: {path}, line 1: no theme is called 'no-such-theme'",
    ]


def test_dateline_opens_the_configured_sources_when_given_none(tmp_path: Path, monkeypatch) -> None:
    from support import write_dump

    from reader.ui.app import DatelineApp

    dump = write_dump(tmp_path / "mine.txt", [("My own story", "Its text.")])
    write(f'sources = ["{dump}"]\n')
    opened: list[list[str]] = []

    def shown(self: DatelineApp) -> None:  # the locations of the sources the list is narrowed to
        opened.append([info.location for info in self.library.sources() if info.name in self.shown_sources])

    monkeypatch.setattr(DatelineApp, "run", shown)
    assert main([]) == 0
    assert main([str(REPO_SEEDS)]) == 0  # a SOURCE on the command line wins
    assert opened[0] == [str(dump)] and opened[1] == [str(REPO_SEEDS)]


REPO_SEEDS = Path(__file__).resolve().parents[2] / "seeds"
