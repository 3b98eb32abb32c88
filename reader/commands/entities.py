"""``dateline entities``: print the named entities of a text, or annotate JSON lines.

Formats:

- ``text`` (default): one line per entity, ``start<TAB>end<TAB>LABEL<TAB>text``.
- ``json``: a JSON list of ``[start, end, label, text]`` lists.
- ``jsonl``: the input is JSON lines, each an object with a ``"text"`` string; each is
  written back with all its keys and ``"entities": [[start, end, label], ...]`` added.

Offsets are Python string indices (code points) into the text exactly as given.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from reader.entities import Recogniser
    from reader.model import Entity

from reader.cli import CliError, add_ner_option
from reader.sanitize import clean_line

_EPILOG = """\
formats:
  text   one entity per line: START<TAB>END<TAB>LABEL<TAB>TEXT (TEXT with controls removed)
  json   a JSON list of [start, end, label, text] lists
  jsonl  read JSON lines {"text": ..., ...}; write each object back with
         "entities": [[start, end, label], ...] added (replacing any "entities"
         already there), other keys and the text kept as they were

Offsets are Python string indices (code points) into the input text, unchanged.
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = "Print the named entities (people, places, organisations, dates...) in a text."
    parser.epilog = _EPILOG
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.add_argument("file", nargs="?", default="-", metavar="FILE", help="file to read; '-' (default) reads stdin")
    parser.add_argument(
        "--format", choices=("text", "json", "jsonl"), default="text", help="output format (default: text)"
    )
    add_ner_option(parser)


def _read(path: str) -> str:
    if path == "-":
        # Bytes, decoded here: text mode would turn "\r\n" into "\n" and shift every offset.
        stream = getattr(sys.stdin, "buffer", None)
        try:
            return stream.read().decode("utf-8") if stream is not None else sys.stdin.read()
        except UnicodeDecodeError as error:
            raise CliError(f"stdin is not valid UTF-8 ({error.reason})") from None
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as error:
        raise CliError(f"{path}: not valid UTF-8 text ({error.reason})") from None
    except OSError as error:
        raise CliError(f"cannot read {path}: {error.strerror or error}") from None


def _recogniser(name: str) -> Recogniser:
    from reader.entities import RecogniserUnavailable, get_recogniser

    try:
        return get_recogniser(name)
    except RecogniserUnavailable as error:
        raise CliError(str(error)) from None


# Characters that str.splitlines() and some readers take as line ends; JSON escapes them
# only when asked to, so they are escaped here to keep one record per line.
_LINE_BREAKS = {0x2028: "\\u2028", 0x2029: "\\u2029", 0x85: "\\u0085"}


def _dumps_line(record: dict[str, Any]) -> str:
    """One JSON line, non-ASCII text kept as is except for Unicode line separators."""
    return json.dumps(record, ensure_ascii=False).translate(_LINE_BREAKS)


def _jsonl(data: str, source: str, recognise: Callable[[str], list[Entity]], out: TextIO) -> None:
    records = []
    # Split on "\n" only: other line breaks (U+2028...) may sit inside JSON strings.
    for number, line in enumerate(data.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise CliError(f"{source}: line {number}: invalid JSON ({error.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise CliError(f'{source}: line {number}: expected an object with a "text" string')
        records.append(record)
    for record in records:
        record["entities"] = [[e.start, e.end, e.label] for e in recognise(record["text"])]
        out.write(_dumps_line(record) + "\n")


def run(args: argparse.Namespace) -> int:
    data = _read(args.file)
    source = "stdin" if args.file == "-" else args.file
    recogniser = _recogniser(args.ner)
    out = sys.stdout
    if hasattr(out, "reconfigure") and (out.encoding or "").lower().replace("-", "") != "utf8":
        out.reconfigure(encoding="utf-8")  # entity text and JSON are written as UTF-8
    if args.format == "jsonl":
        _jsonl(data, source, recogniser.recognise, out)
        return 0
    entities = recogniser.recognise(data)
    if args.format == "json":
        json.dump([[e.start, e.end, e.label, e.text] for e in entities], out, ensure_ascii=False)
        out.write("\n")
    else:
        for e in entities:
            out.write(f"{e.start}\t{e.end}\t{e.label}\t{clean_line(e.text)}\n")
    return 0
