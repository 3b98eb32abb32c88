"""The user's config file, ``$XDG_CONFIG_HOME/dateline/config.toml`` (see :func:`reader.paths.config_path`).

Read with the standard library's ``tomllib``. Everything in it is optional::

    theme = "textual-light"          # a Textual theme name
    layout = "auto"                  # auto | split | stacked
    sources = ["~/news"]             # what `dateline` opens with no SOURCE
    [keys]
    "reader.next_article" = "J,ctrl+n"   # binding id = keys (comma-separated)

A file that is not valid TOML is one error naming its line, and nothing of it is used;
a bad value is one error naming its line, and only that value is left out. Either way
Dateline starts, with the defaults for what was left out. Binding ids and theme names
are checked by the UI (:mod:`reader.ui.keymap`), which knows them; this module gives it
the line of each entry to name.

Core module: no textual or rich imports.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from reader.paths import config_path
from reader.sanitize import clean_line

LAYOUTS = ("auto", "split", "stacked")
"""``layout`` values: choose by width (stacked below 70 columns), or always one of the two."""

_TOP_LEVEL = {"theme", "layout", "sources", "keys"}
_KEY_NAME = re.compile(r"^[A-Za-z0-9_+\-]+$|^[^\s,]$")


@dataclass
class Config:
    """What the config file asks for; ``None``/empty where it says nothing (or said it badly)."""

    path: Path | None = None
    theme: str | None = None
    layout: str = "auto"
    sources: list[str] = field(default_factory=list)
    keys: dict[str, str] = field(default_factory=dict)
    """Binding id -> keys, as Textual's ``App.set_keymap`` takes them."""
    errors: list[str] = field(default_factory=list)
    """One line per problem, each naming the file and the line."""
    _lines: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)

    def line_of(self, table: str, key: str) -> int | None:
        """The line of ``key`` in ``[table]`` ("" for the top level), if the file has it."""
        return self._lines.get((table, key))

    def error(self, table: str, key: str, message: str) -> None:
        """Record a problem with ``key``, naming its line."""
        line = self.line_of(table, key)
        where = f"{self.path or 'config'}" + (f", line {line}" if line else "")
        self.errors.append(clean_line(f"{where}: {message}"))


def _key_lines(text: str) -> dict[tuple[str, str], int]:
    """Where each ``key = value`` is, by table: enough to name the line of a bad value."""
    lines: dict[tuple[str, str], int] = {}
    table = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if header := re.match(r"^\[\s*([^\]]+?)\s*\]", stripped):
            table = header.group(1).strip().strip("\"'")
            continue
        if assignment := re.match(r"""^("[^"]*"|'[^']*'|[A-Za-z0-9_.\-]+)\s*=""", stripped):
            lines.setdefault((table, assignment.group(1).strip("\"'")), number)
    return lines


def load(path: Path | None = None) -> Config:
    """Read the config file (the user's by default). A missing file is no error."""
    path = path if path is not None else config_path()
    config = Config(path=path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return config
    except OSError as error:
        config.errors.append(clean_line(f"{path}: cannot read it ({error.strerror or error})"))
        return config
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        config.errors.append(clean_line(f"{path}: not UTF-8 text"))
        return config
    return parse(text, config)


def parse(text: str, config: Config | None = None) -> Config:
    """Check and take in the config ``text``."""
    config = config or Config()
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        line = re.search(r"\(at line (\d+), column \d+\)", message)
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", message) or "invalid"
        where = f"{config.path or 'config'}" + (f", line {line.group(1)}" if line else "")
        config.errors.append(clean_line(f"{where}: not valid TOML ({detail}); using the defaults"))
        return config
    config._lines = _key_lines(text)
    for name in document:
        if name not in _TOP_LEVEL:
            config.error("", name, f"unknown setting {name!r} (known: {', '.join(sorted(_TOP_LEVEL))})")
    theme = document.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            config.theme = theme.strip()
        else:
            config.error("", "theme", "theme must be a theme's name in quotes")
    layout = document.get("layout")
    if layout is not None:
        if layout in LAYOUTS:
            config.layout = layout
        else:
            config.error("", "layout", f"layout must be one of {', '.join(LAYOUTS)}, not {layout!r}")
    sources = document.get("sources")
    if sources is not None:
        if isinstance(sources, list) and all(isinstance(s, str) and s.strip() for s in sources):
            config.sources = [str(Path(s).expanduser()) for s in sources]
        else:
            config.error("", "sources", 'sources must be a list of paths, e.g. ["~/news"]')
    keys = document.get("keys")
    if keys is not None:
        if not isinstance(keys, dict):
            config.error("", "keys", "keys must be a table: [keys] then binding id = keys")
        else:
            for binding_id, value in keys.items():
                problem = key_problem(value)
                if problem:
                    config.error("keys", binding_id, f"{binding_id}: {problem}")
                else:
                    config.keys[binding_id] = ",".join(k.strip() for k in value.split(","))
    return config


def key_problem(value: object) -> str | None:
    """Why ``value`` is not a list of keys ("j,down", "ctrl+n"), or None when it is one."""
    if not isinstance(value, str):
        return 'keys must be a string, e.g. "j,down"'
    keys = [k.strip() for k in value.split(",")]
    if not value.strip() or any(not k for k in keys):
        return f"{value!r} is not a list of keys (an empty key)"
    for key in keys:
        if not _KEY_NAME.match(key) or key.endswith("+"):
            return f"{key!r} is not a key name (e.g. j, J, ctrl+n, space, pagedown, question_mark)"
    return None


def default_text(bindings: Iterable[tuple[str, str, str]], themes: Iterable[str] = ()) -> str:
    """A commented config file with the defaults, from ``(binding id, keys, description)``.

    Every line is a comment but the table header, so the file parses and changes nothing.
    """
    lines = [
        "# Dateline configuration: " + str(config_path()),
        "# Every setting is optional; remove the '#' before a line to change it.",
        "",
        "# A Textual theme" + (f": {', '.join(themes)}" if themes else "") + ".",
        '# theme = "textual-dark"',
        "",
        "# auto: side by side, stacked below 70 columns; split: always side by side; stacked: always stacked.",
        '# layout = "auto"',
        "",
        "# What `dateline` opens when given no SOURCE (files or directories in the dump format).",
        "# The bundled sample articles when empty.",
        '# sources = ["~/news"]',
        "",
        "# Keys, by binding id: several keys separated by commas (j,down), modifiers with +",
        "# (ctrl+n), names for symbols (question_mark, slash, space, pagedown).",
        "[keys]",
    ]
    for binding_id, keys, description in bindings:
        lines.append(f'# "{binding_id}" = "{keys}"' + (f"  # {description}" if description else ""))
    return "\n".join(lines) + "\n"
