"""The seed dump format, on the real seed file and on hostile or broken input."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import HOSTILE_TITLES, write_dump

from reader.sanitize import is_safe
from reader.sources import load_sources
from reader.sources.dump import parse, split_title

EXPECTED = [
    ("Learn how to start a side hustle", ""),
    ("Huawei can technically survive without Android, but probably not very well", "CNET"),
    (
        "Several chip companies, including Qualcomm and Intel, have reportedly stopped supplying Huawei after blacklist",
        "",
    ),
    ("Business this week", ""),
    ("Asia stocks slip, bonds rally on fear China-U.S. trade deal could unravel", "Investing.com"),
    ("The Trade Desk hires Jonathan Carson as its first CRO", ""),
    ("The New New World: As Huawei Loses Google, the U.S.-China Tech Cold War Gets Its Iron Curtain", ""),
    ("How China Is Upending Western Marketing Practices", ""),
    ("Will China Export its Illiberal Innovation?", "The New York Times"),
    ("US Gives Temporary Relief for Rural Business Using Huawei", "BNNBloomberg.ca"),
]

BOILERPLATE = [
    "Now playing:",
    "Watch this:",
    "Read More",
    "Get our daily newsletter",
    "Order Reprints",
    "A version of this article appears in print",
    "Upgrade your inbox",
    "Download this podcast",
    "huawei-p30-pro-4",
]


@pytest.fixture(scope="module")
def seed_articles():
    result = load_sources([Path(__file__).resolve().parents[2] / "seeds"])
    assert result.errors == []
    return result.articles


def test_seed_file_gives_ten_articles_with_titles_and_sources(seed_articles) -> None:
    assert [(a.title, a.source) for a in seed_articles] == EXPECTED


def test_section_and_byline(seed_articles) -> None:
    opinion = seed_articles[8]
    assert opinion.section == "Opinion"
    assert seed_articles[4].byline == "Virginia Furness"
    assert seed_articles[0].byline == "TEAM COMMERCEMashable Deals"
    assert all(not p.startswith("By ") for a in seed_articles for p in a.paragraphs[:3])


def test_no_boilerplate_left_in_bodies(seed_articles) -> None:
    for article in seed_articles:
        for paragraph in article.paragraphs:
            assert not any(paragraph.startswith(b) for b in BOILERPLATE), (article.title, paragraph)
            assert paragraph not in {"Image", "4:59", "10:12"}, (article.title, paragraph)
        # The title is not repeated as the first paragraph.
        assert article.paragraphs[0] != article.title
        # A caption repeated twice in a row appears once.
        assert all(a != b for a, b in zip(article.paragraphs, article.paragraphs[1:], strict=False))


def test_paragraphs_are_kept(seed_articles) -> None:
    cnet = seed_articles[1]
    assert cnet.paragraphs[0].startswith("The US government may have banned Huawei")
    assert cnet.paragraphs[-1] == "Adds report about leverage in the China trade deal."
    nyt_world = seed_articles[6]
    assert nyt_world.paragraphs[-1].startswith("“You’ve been opposing the U.S.")  # footer dropped
    assert len(seed_articles[7].paragraphs) > 50  # the podcast transcript, paragraph by paragraph


def test_ids_are_stable_and_unique(seed_file: Path) -> None:
    first = [a.id for a in load_sources([seed_file]).articles]
    second = [a.id for a in load_sources([seed_file]).articles]
    assert first == second
    assert len(set(first)) == 10


def test_split_title() -> None:
    assert split_title("Title – The New York Times") == ("Title", "The New York Times", "")
    assert split_title("Opinion | A view") == ("A view", "", "Opinion")
    assert split_title("Markets fall - Reuters") == ("Markets fall", "Reuters", "")
    # A hyphen inside ordinary words is not a source separator.
    assert split_title("Apple - the comeback nobody saw coming this year") == (
        "Apple - the comeback nobody saw coming this year",
        "",
        "",
    )


def test_hostile_titles_are_cleaned_not_interpreted(hostile_dump: Path) -> None:
    articles = load_sources([hostile_dump]).articles
    assert len(articles) == len(HOSTILE_TITLES)
    assert articles[0].title == "[@click=app.quit]x[/]"
    assert articles[1].title == "[bold red]x"
    for article in articles:
        assert is_safe(article.title)
        assert all(is_safe(p) for p in article.paragraphs)
        assert "\x1b" not in article.body


def test_crlf_and_bom(tmp_path: Path) -> None:
    text = "\ufeffA title\r\n\r\nA title\r\n\r\nFirst paragraph.\r\nSecond paragraph.\r\n\r\nRead More\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    [article] = load_sources([path]).articles
    assert article.title == "A title"
    assert article.paragraphs == ("First paragraph.", "Second paragraph.")


def test_last_article_without_read_more(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("One\n\nOne\n\nBody one.\n\nRead More\n\nTwo\n\nTwo\n\nBody two.\n", encoding="utf-8")
    assert [a.title for a in load_sources([path]).articles] == ["One", "Two"]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "empty file"),
        (b"  \n\n \r\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b"caf\xe9 latin-1 text", "not UTF-8"),
    ],
)
def test_bad_files_give_one_line_and_others_still_open(
    tmp_path: Path, seed_file: Path, content: bytes, message: str
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    result = load_sources([bad, seed_file])
    assert len(result.articles) == 10
    [error] = result.errors
    assert str(bad) in str(error)
    assert message in str(error)
    assert "\n" not in str(error)


def test_missing_source(tmp_path: Path) -> None:
    result = load_sources([tmp_path / "nope.txt"])
    assert result.articles == []
    assert "no such file" in str(result.errors[0])


def test_directory_of_files(tmp_path: Path) -> None:
    write_dump(tmp_path / "a.txt", [("Alpha", "Body a.")])
    write_dump(tmp_path / "b.txt", [("Beta", "Body b."), ("Gamma", "Body c.")])
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    result = load_sources([tmp_path])
    assert [a.title for a in result.articles] == ["Alpha", "Beta", "Gamma"]
    assert result.errors == []


def test_same_article_twice_appears_once(tmp_path: Path, seed_file: Path) -> None:
    assert len(load_sources([seed_file, seed_file]).articles) == 10


def test_default_source_is_bundled_seeds() -> None:
    assert len(load_sources().articles) == 10


def test_parse_ignores_chunks_without_title() -> None:
    assert parse("\n\nRead More\n\nRead More\n") == []
