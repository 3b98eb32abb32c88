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
import gc
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from reader import jsonio
from reader.cli import CliError, add_ner_option

if TYPE_CHECKING:
    from reader.entities import Recogniser
    from reader.model import Entity

from reader.sanitize import clean_line
from reader.sources import SourceError, open_source_file

_EPILOG = """\
formats:
  text   one entity per line: START<TAB>END<TAB>LABEL<TAB>TEXT (TEXT with controls removed)
  json   a JSON list of [start, end, label, text] lists
  jsonl  read JSON lines {"text": ..., ...}; write each object back with
         "entities": [[start, end, label], ...] added (replacing any "entities"
         already there), other keys and the text kept as they were

--explain (built-in recogniser, text or json) adds PROPOSED_BY and LABELLED_BY: the
stage or rule that found the span and the rule that gave its label, named as in
reader/entities/builtin/ (e.g. "capitalised run", "person_name").

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
    parser.add_argument(
        "--explain",
        action="store_true",
        help="with the built-in recogniser: add, for each entity, the rule that proposed it and the rule "
        "that labelled it (text: two more columns; json: two more items)",
    )


def _read(path: str) -> str:
    if path == "-":
        if sys.stdin.isatty():
            print(
                "dateline: reading the text from standard input (end it with Ctrl+D; give a FILE to read one)",
                file=sys.stderr,
                flush=True,
            )
        # Bytes, decoded here: text mode would turn "\r\n" into "\n" and shift every offset.
        stream = getattr(sys.stdin, "buffer", None)
        try:
            return stream.read().decode("utf-8") if stream is not None else sys.stdin.read()
        except UnicodeDecodeError as error:
            raise CliError(f"stdin is not valid UTF-8 ({error.reason})") from None
    try:
        with open_source_file(path) as handle:
            return handle.read().decode("utf-8")
    except UnicodeDecodeError as error:
        raise CliError(f"{clean_line(path)}: not valid UTF-8 text ({error.reason})") from None
    except SourceError as error:
        raise CliError(f"cannot read {clean_line(path)}: {error}") from None


def _recogniser(name: str) -> Recogniser:
    from reader.entities import RecogniserUnavailable, get_recogniser

    try:
        return get_recogniser(name)
    except RecogniserUnavailable as error:
        raise CliError(str(error)) from None


def _dumps_line(record: dict[str, Any]) -> str:
    """One JSON line, non-ASCII text kept as is; line separators (U+2028, U+0085) and anything
    that could act on a terminal (C1, bidi, lone surrogates...) escaped (:mod:`reader.jsonio`)."""
    return jsonio.dumps(record)


def _jsonl(data: str, source: str, recognise: Callable[[str], list[Entity]], out: TextIO) -> None:
    records = []
    # Split on "\n" only: other line breaks (U+2028...) may sit inside JSON strings.
    for number, line in enumerate(data.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = jsonio.loads(line)
        except ValueError as error:
            raise CliError(f"{source}: line {number}: {error}") from None
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
    # A batch run makes many small objects and few reference cycles: the gazetteers loaded
    # above need no more scanning, and cycles are looked for less often (about 4% faster).
    # Put back afterwards, for callers in a longer-lived process (the tests).
    threshold = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    try:
        return _run(args, data, source, recogniser)
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def _run(args: argparse.Namespace, data: str, source: str, recogniser: Recogniser) -> int:
    out = sys.stdout
    if hasattr(out, "reconfigure") and (out.encoding or "").lower().replace("-", "") != "utf8":
        out.reconfigure(encoding="utf-8")  # entity text and JSON are written as UTF-8
    if args.explain:
        return _explain(args, data, recogniser, out)
    if args.format == "jsonl":
        _jsonl(data, source, recogniser.recognise, out)
        return 0
    entities = recogniser.recognise(data)
    if args.format == "json":
        out.write(jsonio.dumps([[e.start, e.end, e.label, e.text] for e in entities]) + "\n")
    else:
        for e in entities:
            out.write(f"{e.start}\t{e.end}\t{e.label}\t{clean_line(e.text)}\n")
    return 0


def _explain(args: argparse.Namespace, data: str, recogniser: Recogniser, out: TextIO) -> int:
    explain = getattr(recogniser, "explain", None)
    if explain is None:
        raise CliError("--explain works with the built-in recogniser only (--ner builtin)")
    if args.format == "jsonl":
        raise CliError("--explain works with --format text or json, not jsonl")
    spans = explain(data)
    if args.format == "json":
        rows = [[s.start, s.end, s.label, data[s.start : s.end], s.proposer, s.rule] for s in spans]
        out.write(jsonio.dumps(rows) + "\n")
        return 0
    for s in spans:
        out.write(f"{s.start}\t{s.end}\t{s.label}\t{clean_line(data[s.start : s.end])}\t{s.proposer}\t{s.rule}\n")
    return 0
