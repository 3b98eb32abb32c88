"""Export and import: full fidelity, merge without loss, hostile text made harmless."""

from __future__ import annotations

import html
import json
from dataclasses import replace
from pathlib import Path

import pytest

from reader.model import Article
from reader.sanitize import clean
from reader.store import BookmarkStore, FormatError
from reader.store.files import write_atomic
from reader.store.transfer import escape_markdown, from_document, render, to_document
from tests.unit.store.helpers import HOSTILE, digest, make_article


@pytest.fixture
def full_store(tmp_path: Path) -> BookmarkStore:
    store = BookmarkStore(tmp_path / "source" / "bookmarks.sqlite3")
    for number in range(5):
        store.add(
            make_article(number),
            note=f"note {number}\nsecond line" if number % 2 else "",
            tags=[f"t{number}", "all"],
        )
    store.add(Article(id="bare", title="Only a title"))
    hostile = clean(HOSTILE)  # as every source hands it over: markup and HTML, no controls
    store.add(Article(id="hostile", title=hostile, paragraphs=(hostile,), source=hostile, url="javascript:alert(1)"))
    yield store
    store.close()


def test_export_then_import_into_an_empty_store_gives_back_every_field(
    full_store: BookmarkStore, tmp_path: Path
) -> None:
    document = json.loads(render(full_store.list(), "json"))
    assert document["format"] == "dateline-bookmarks" and document["version"] == 1
    with BookmarkStore(tmp_path / "other" / "bookmarks.sqlite3") as other:
        result = other.import_(document)
        assert (result.added, result.present, result.updated) == (7, 0, 0)
        assert other.list() == full_store.list()


def test_importing_the_same_file_twice_changes_nothing(full_store: BookmarkStore, tmp_path: Path) -> None:
    document = full_store.export()
    with BookmarkStore(tmp_path / "other" / "bookmarks.sqlite3") as other:
        other.import_(document)
        before = other.list()
        result = other.import_(document)
        assert (result.added, result.present, result.updated) == (0, 7, 0)
        assert other.list() == before
    result = full_store.import_(document)  # and into the store it came from
    assert (result.added, result.present, result.updated) == (0, 7, 0)


def test_merge_keeps_ours_and_loses_nothing_of_theirs(tmp_path: Path) -> None:
    with BookmarkStore(tmp_path / "a.sqlite3") as ours, BookmarkStore(tmp_path / "b.sqlite3") as theirs:
        mine = ours.add(make_article(1), note="", tags=["mine"])
        both = ours.add(make_article(2), note="my note", tags=["x"])
        same = ours.add(make_article(3), note="shared")
        theirs.add(replace(make_article(1), title="their title"), note="their note", tags=["theirs", "mine"])
        theirs.add(make_article(2), note="their note", tags=["y"])
        theirs.add(make_article(3), note="shared")
        new = theirs.add(make_article(4), note="only theirs")
        result = ours.import_(theirs.export())
        assert (result.added, result.present, result.updated) == (1, 3, 2)
        assert ours.get(mine.id) == replace(mine, note="their note", tags=("mine", "theirs"))
        assert ours.get(both.id) == replace(both, note="my note\n\ntheir note", tags=("x", "y"))
        assert ours.get(same.id) == same
        assert ours.get(new.id) == new
        again = ours.import_(theirs.export())
        assert (again.added, again.updated) == (0, 0)


def _document(*records: object) -> dict[str, object]:
    return {"format": "dateline-bookmarks", "version": 1, "bookmarks": list(records)}


GOOD = {"id": "fresh", "title": "Fresh", "saved_at": "2026-01-01T00:00:00+00:00"}


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "expected a JSON object"),
        ({**_document(), "format": "other"}, "not a Dateline bookmarks export"),
        ({**_document(), "version": 99}, "newer Dateline"),
        ({**_document(), "version": "1"}, "version"),
        ({**_document(), "bookmarks": {}}, "expected a list"),
    ],
)
def test_a_document_that_is_not_an_export_is_refused(document: object, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        from_document(document)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (3, "bookmark 2: expected a JSON object"),
        ({"title": "t", "saved_at": "2026-01-01T00:00:00+00:00"}, 'bookmark 2: "id"'),
        ({**GOOD, "id": ""}, 'bookmark 2: "id" is empty'),
        ({**GOOD, "saved_at": "2026-01-01"}, "timezone"),
        ({**GOOD, "tags": "a"}, '"tags" must be a list of strings'),
        ({**GOOD, "paragraphs": ["a", 1]}, '"paragraphs" must be a list of strings'),
        ({**GOOD, "title": 5}, '"title"'),
    ],
)
def test_one_bad_record_refuses_the_whole_import(full_store: BookmarkStore, record: object, message: str) -> None:
    before = full_store.list()
    with pytest.raises(FormatError, match=message):
        full_store.import_(_document(GOOD, record))
    assert full_store.list() == before  # not even the good record before it was added


def test_imported_strings_are_sanitised(tmp_path: Path) -> None:
    document = to_document([])
    document["bookmarks"] = [
        {
            "id": "x\x1b[2J",
            "title": "a\x1b]0;pwned\x07b",
            "paragraphs": ["p\u202eq"],
            "saved_at": "2026-01-01T05:00:00+05:00",
            "note": "n\x9bm",
        }
    ]
    [bookmark] = from_document(document)
    assert bookmark.id == "x" and bookmark.article.title == "ab"  # escape sequences go whole
    assert bookmark.article.paragraphs == ("pq",) and bookmark.note == "n"  # 8-bit CSI "m" is one sequence
    assert bookmark.saved_at.isoformat() == "2026-01-01T00:00:00+00:00"


def test_html_escapes_everything(full_store: BookmarkStore) -> None:
    page = render(full_store.list(), "html")
    assert "<script>" not in page and html.escape("<script>") in page
    assert "javascript" not in page  # only http(s) URLs become links
    assert 'href="https://example.com/a/1"' in page
    assert "\x1b" not in page and "\u202e" not in page


def test_markdown_escapes_specials_in_titles(full_store: BookmarkStore) -> None:
    text = render(full_store.list(), "markdown")
    assert "## Story 1: what happened & why \\[a\\]" in text
    assert "\\<script>" in text and "javascript" not in text
    assert all(text[i - 1] == "\\" for i in range(len(text)) if text.startswith("<script>", i))
    assert escape_markdown("*a* _b_ [c](d) <e> `f` # g | h ~i~ !j") == (
        "\\*a\\* \\_b\\_ \\[c\\](d) \\<e> \\`f\\` # g \\| h \\~i\\~ !j"
    )
    assert escape_markdown("1999. A year") == "1999\\. A year"
    assert escape_markdown("line\nbreak") == "line break"


@pytest.mark.parametrize(
    "text",
    ["2026-11-29", "open-source", "Oops!", "snake_case names", "Q&A: 3 + 4 = 7", "50% (about) half", "C# and F#"],
)
def test_markdown_leaves_what_markdown_would_not_misread(text: str) -> None:
    assert escape_markdown(text) == text


TRICKY = [
    "# Not a heading",
    "## Nor this",
    "1. Not a list",
    "2026. A year",
    "3) Three",
    "- not a bullet",
    "+ nor this",
    "* nor this",
    "---",
    "===",
    "> not a quote",
    "`not code`",
    "``double``",
    "[x](y)",
    "![alt](http://example.com/i.png)",
    "*not emphasis* and **not strong**",
    "_not emphasis_ but snake_case",
    "<b>not html</b> <http://example.com>",
    "&amp; stays &amp; and &#38; too",
    "a | b | c",
    "~~not struck~~",
    "Learn C #",
    "back\\slash at the end\\",
    "    four spaces",
]


def _rendered_text(markdown: str) -> tuple[str, set[str]]:
    """What a Markdown renderer shows for ``markdown``, and the HTML tags it made."""
    import html
    import re

    from markdown_it import MarkdownIt

    page = MarkdownIt("gfm-like", {"linkify": False}).render(markdown)
    tags = set(re.findall(r"<([a-z0-9]+)", page))
    return html.unescape(re.sub(r"<[^>]+>", "", page)).strip(), tags


@pytest.mark.parametrize("text", TRICKY)
@pytest.mark.parametrize("context", ["paragraph", "heading", "quote"])
def test_markdown_renders_tricky_text_literally(text: str, context: str) -> None:
    escaped = escape_markdown(text)
    markdown = {"paragraph": escaped, "heading": f"## {escaped}", "quote": f"> {escaped}\n> {escaped}"}[context]
    shown, tags = _rendered_text(markdown)
    expected = text.strip() if context != "quote" else f"{text.strip()}\n{text.strip()}"
    assert shown == expected
    assert tags <= {"p", "h2", "blockquote"}


def test_write_atomic_refuses_to_overwrite_unless_asked(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    write_atomic(target, b"first")
    with pytest.raises(FileExistsError):
        write_atomic(target, b"second")
    assert target.read_bytes() == b"first"
    write_atomic(target, b"second", overwrite=True)
    assert target.read_bytes() == b"second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]  # no temporary left behind


def test_write_atomic_leaves_nothing_when_it_fails(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "out.json"
    with pytest.raises(FileNotFoundError):
        write_atomic(target, b"x")
    assert not target.parent.exists()
    existing = tmp_path / "keep.json"
    existing.write_bytes(b"keep")
    before = digest(existing)
    with pytest.raises(FileExistsError):
        write_atomic(existing, b"new")
    assert digest(existing) == before
