"""The seed dump format, on the real seed file and on hostile or broken input."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import HOSTILE_TITLES, write_dump

from reader.sanitize import is_safe
from reader.sources import load_sources
from reader.sources.dump import parse, split_title

EXPECTED = [
    ("Learn how to start a side hustle", "Mashable Deals"),  # from the byline it was glued to
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
    assert seed_articles[0].byline == "TEAM COMMERCE"
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


# -- scraped furniture: each rule on the seed file, and real text that must survive -------


def _all_text(articles) -> str:
    return "\n".join(p for a in articles for p in a.paragraphs)


def test_photo_credits_glued_to_captions_are_removed(seed_articles) -> None:
    text = _all_text(seed_articles)
    assert "Credit" not in text
    paragraphs = [p for a in seed_articles for p in a.paragraphs]
    assert any(p.endswith("restricted the Chinese company’s access to American technology.") for p in paragraphs)
    assert any(
        p.endswith("Depending on how the White House order is carried out, that could stop.") for p in paragraphs
    )


def test_a_caption_opening_with_its_credit_is_dropped(seed_articles) -> None:
    markets = seed_articles[4]
    assert "©" not in _all_text(seed_articles)
    assert markets.paragraphs[0].startswith("LONDON (Reuters) – World shares held near five-week lows")


def test_opinion_tails_social_and_letters_prompts_are_dropped(seed_articles) -> None:
    opinion = seed_articles[8]
    text = _all_text([opinion])
    assert "Follow @privacyproject" not in text
    assert "letters@nytimes.com" not in text
    assert "committed to publishing a diversity of letters" not in text
    # What is the article's own stays: the author's note and the correction.
    assert any(p.startswith("Nick Frisch (@NBBF88) is an Asian studies doctoral candidate") for p in opinion.paragraphs)
    assert opinion.paragraphs[-1].startswith("Correction: May 2, 2019")


def test_a_byline_glued_to_the_publisher_is_split(seed_articles) -> None:
    assert (seed_articles[0].byline, seed_articles[0].source) == ("TEAM COMMERCE", "Mashable Deals")
    assert seed_articles[4].byline == "Virginia Furness"


@pytest.mark.parametrize(
    "sentence",
    [
        "Credit Suisse said on Monday that it would cut 500 jobs.",
        "The bank extended credit to the firm. Credit markets were calm.",
        "He got no credit for it.Credit where it is due, she said.",  # "Credit" then a lowercase word
        "The logo, © 2019 by the artist, was sold.",
        "© is the sign for copyright, and lawyers use it a lot in their letters and filings, they said.",
        "Follow the money, the editor said, and you will find the story.",
        "Follow her on Twitter, he told me, and later he said he had been joking about it all along.",
    ],
)
def test_normal_sentences_with_credit_copyright_or_follow_survive(tmp_path: Path, sentence: str) -> None:
    [article] = parse(f"Title\n\nTitle\n\nFirst paragraph.\n\n{sentence}\n\nRead More\n")
    assert sentence in article.paragraphs


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("TEAM COMMERCEMashable Deals", ("TEAM COMMERCE", "Mashable Deals")),
        ("Virginia Furness", ("Virginia Furness", "")),
        ("JOHN McCAIN", ("JOHN McCAIN", "")),
        ("Ian McDONALD", ("Ian McDONALD", "")),
    ],
)
def test_split_byline(byline: str, expected: tuple[str, str]) -> None:
    from reader.sources.dump import split_byline

    assert split_byline(byline) == expected
