"""Streaming ingest reads the same articles as parsing the whole file."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from support import HOSTILE_TITLES, write_dump

from reader.sources import dump


def streamed(path: Path) -> list:
    with open(path, encoding="utf-8-sig", newline=None) as file:
        return list(dump.iter_articles(file, origin=str(path)))


def test_stream_equals_parse_on_the_seeds(seed_file: Path) -> None:
    whole = dump.parse(seed_file.read_text(encoding="utf-8-sig"), origin=str(seed_file))
    assert streamed(seed_file) == whole and len(whole) == 10


def test_stream_equals_parse_on_hostile_text(hostile_dump: Path) -> None:
    whole = dump.parse(hostile_dump.read_text(encoding="utf-8"), origin=str(hostile_dump))
    assert streamed(hostile_dump) == whole and len(whole) == len(HOSTILE_TITLES)


def test_stream_handles_crlf_separators_in_odd_places_and_no_final_read_more(tmp_path: Path) -> None:
    text = (
        "First\r\n\r\nFirst\r\n\r\nBody one.\r\n  Read More \r\n"
        "Second\u2028Second\u2028Body\u2029Read More\u2029"
        "Read More\u200b\n"  # a zero-width space: still a separator once cleaned
        "Third\n\nThird\n\nNo separator at the end."
    )
    path = tmp_path / "odd.txt"
    path.write_bytes(text.encode("utf-8"))
    whole = dump.parse(text)
    assert [a.title for a in whole] == ["First", "Second", "Third"]
    assert list(dump.iter_articles(io.StringIO(text, newline=None))) == whole
    assert [a.title for a in streamed(path)] == ["First", "Second", "Third"]


def test_stream_is_lazy(tmp_path: Path) -> None:
    path = write_dump(tmp_path / "many.txt", [(f"Title {n}", f"Body {n}.") for n in range(3)])
    lines = iter(path.read_text(encoding="utf-8").splitlines(True))
    articles = dump.iter_articles(lines)
    assert next(articles).title == "Title 0"
    assert len(list(lines)) > 0  # the rest of the file was not read ahead


@pytest.mark.parametrize("seed", range(40))
def test_stream_equals_parse_on_random_tricky_text(seed: int) -> None:
    pieces = [
        "Read More",
        "Read More",
        "\n",
        "\n",
        "\r\n",
        "\r",
        "\u2028",
        "\u2029",
        "\u200b",
        "\x0c",
        "\x85",
        "\x0b",
        "Title – CNET",
        "Body text.",
        " ",
        "\t",
        "\x1b[31m",
        "By Someone",
        "\n\n",
    ]
    rng = random.Random(seed)
    text = "".join(rng.choice(pieces) for _ in range(rng.randint(5, 120)))
    assert list(dump.iter_articles(io.StringIO(text, newline=None))) == dump.parse(text), repr(text)


@pytest.mark.parametrize(
    "line",
    ["Read More\ufe0f", "Read\u200b More", "Read More\x1b[0m", "\u202eRead More", "Read More\r", "Read Mo\xadre"],
)
def test_a_separator_with_invisible_characters_is_a_separator(line: str) -> None:
    text = f"One\n\nOne\n\nBody.\n{line}\nTwo\n\nTwo\n\nMore body.\n"
    assert list(dump.iter_articles(io.StringIO(text, newline=None))) == dump.parse(text)
