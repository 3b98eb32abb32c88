"""The search language: every filter, ordering, and malformed queries that never raise."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import write_dump

from reader.library import Library, parse_query
from reader.model import Entity

STORIES = [
    ("Huawei loses Google – CNET", "By Jane Doe\n\nThe ban on Huawei’s phones hits Android updates."),
    ("Opinion | China exports innovation – The New York Times", "Beijing and Washington argue about trade."),
    ("Markets rally on trade hopes – Reuters", "Stocks rose as trade talks resumed in Washington."),
    ("A quiet day – CNET", "Nothing happened. Exact phrase here: silicon valley giants."),
]


@pytest.fixture
def filled(library: Library, tmp_path: Path) -> Library:
    library.add_source(str(write_dump(tmp_path / "wire.txt", STORIES)), name="Wire")
    library.add_source(str(write_dump(tmp_path / "extra.txt", [("Trade winds blow", "Sailing story.")])), name="Extra")
    library.refresh()
    return library


def found(library: Library, text: str, order: str = "newest") -> list[str]:
    results = library.results(library.parse_query(text), order=order)
    return [h.title for h in results.window(0, len(results))]


def test_empty_query_lists_everything_newest_source_first_then_file_order(filled: Library) -> None:
    titles = found(filled, "")
    assert len(titles) == 5
    assert titles[:4] == [
        "Huawei loses Google",
        "China exports innovation",
        "Markets rally on trade hopes",
        "A quiet day",
    ]


def test_words_all_must_match_last_one_as_prefix(filled: Library) -> None:
    assert found(filled, "trade washington") == ["China exports innovation", "Markets rally on trade hopes"]
    assert found(filled, "hua") == ["Huawei loses Google"]  # prefix as you type
    assert found(filled, "hua ") == []  # a finished word is a word
    assert found(filled, "huawei") == ["Huawei loses Google"]  # "Huawei’s" is the word Huawei


def test_phrase_and_exclusion(filled: Library) -> None:
    assert found(filled, '"silicon valley"') == ["A quiet day"]
    assert found(filled, '"valley silicon"') == []
    assert found(filled, "trade -beijing") == ["Markets rally on trade hopes", "Trade winds blow"]
    assert found(filled, '-"trade talks" trade') == ["China exports innovation", "Trade winds blow"]
    assert len(found(filled, "-trade")) == 2


def test_source_by_library_name_or_publisher_prefix_and_quotes(filled: Library) -> None:
    assert len(found(filled, "source:wire")) == 4
    assert found(filled, "source:EXT") == ["Trade winds blow"]
    assert found(filled, "source:cnet") == ["Huawei loses Google", "A quiet day"]
    assert found(filled, 'source:"the new york"') == ["China exports innovation"]
    assert found(filled, "source:nobody") == []
    assert found(filled, "source:reuters trade") == ["Markets rally on trade hopes"]


def test_read_unread_and_bookmarked(filled: Library) -> None:
    first = filled.results("").window(0, 1)[0]
    filled.mark_read([first.id])
    assert found(filled, "is:read") == [first.title]
    assert first.title not in found(filled, "is:unread") and len(found(filled, "is:unread")) == 4
    assert found(filled, "is:bookmarked") == []
    last = filled.results("").window(4, 1)[0]
    filled.set_bookmarked([last.id, "not-in-library"])
    assert found(filled, "is:bookmarked") == [last.title]
    assert found(filled, "is:bookmarked is:read") == []


def test_mark_read_unread_and_all_matching(filled: Library) -> None:
    ids = [h.id for h in filled.results("").window(0, 5)]
    assert filled.mark_read(ids[:2]) == 2
    assert filled.mark_read(ids[:2]) == 0  # already read
    assert filled.unread_count() == 3
    assert filled.mark_read(ids[:1], read=False) == 1
    assert filled.mark_all_read(filled.parse_query("source:cnet")) == 2  # both unread again
    assert filled.unread_count("Wire") == 1 and filled.unread_count("Extra") == 1
    assert filled.mark_all_read(parse_query("")) == 2 and filled.unread_count() == 0
    assert filled.mark_all_read(parse_query(""), read=False) == 5


def test_entity_filter_and_mentioning(filled: Library) -> None:
    headlines = filled.results("").window(0, 5)
    articles = [filled.article(h.id) for h in headlines]
    assert all(articles)
    first = articles[0]
    assert first is not None
    start = first.body.index("Huawei’s")
    filled.store_entities(first.content_hash, [Entity(start, start + 8, "ORG", "Huawei’s")])
    assert found(filled, 'entity:"huawei"') == [first.title]
    assert found(filled, "entity:Huawei's") == [first.title]
    results = filled.results(filled.mentioning("HUAWEI"))
    assert [h.id for h in results.window(0, 5)] == [first.id]
    assert found(filled, 'entity:"Google"') == []


def test_after_and_before_use_published_else_first_stored(library: Library, tmp_path: Path) -> None:
    library.add_source(str(write_dump(tmp_path / "a.txt", [("Undated story", "Text.")])))
    library.refresh()
    today = date.today()
    assert found(library, f"after:{today.isoformat()}") == ["Undated story"]
    assert found(library, f"before:{today.isoformat()}") == []
    assert found(library, "before:2999-01-01 after:2000-01-01") == ["Undated story"]


def test_rank_order_puts_the_best_match_first(filled: Library) -> None:
    ranked = found(filled, "trade", order="rank")
    assert sorted(ranked) == sorted(found(filled, "trade"))
    assert ranked[0] in {"Markets rally on trade hopes", "Trade winds blow"}


def test_parse_filters() -> None:
    query = parse_query(
        'huawei "exact words" -ban -"bad phrase" source:"New York" is:unread '
        'entity:"Huawei\'s" after:2024-01-01 before:2024-02-01 is:bookmarked'
    )
    assert query.words == ("huawei",)
    assert query.phrases == ("exact words",)
    assert query.excluded == ("ban", "bad phrase")
    assert query.sources == ("New York",)
    assert query.read is False and query.bookmarked is True
    assert query.entities == ("huawei",)
    assert (query.after, query.before) == (date(2024, 1, 1), date(2024, 2, 1))
    assert not query.prefix_last  # the query ends with a filter, not a word


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '""',
        '"unbalanced',
        'a "b',
        "-",
        "- -",
        "--",
        "*",
        "**",
        "(",
        ")",
        "()",
        "a)",
        "NEAR",
        "NEAR(a b)",
        "AND",
        "OR",
        "NOT",
        "a AND",
        "AND b",
        "a OR",
        "NOT a",
        "title:huawei",
        "body:x",
        "^start",
        "a + b",
        "{x}",
        "col:x:y",
        "source:",
        "is:",
        "is:nonsense",
        "entity:",
        'entity:"',
        "after:",
        "after:2024-13-45",
        "before:yesterday",
        'source:"unclosed',
        "-source:cnet",
        '-"',
        "a*b",
        "'",
        "a'b",
        ":",
        "huawei:",
        "\\",
        "\x00",
        "\x1b[31m",
        "\u202e",
        "🙂",
        "   ",
        "",
        "a" * 10_000,
        '"a" "b" "c',
        "a -b -",
        "-*",
        "NEAR/3",
        "a NEAR b",
        '"a"*',
        "*huawei",
        "hua*wei",
        "-is:read",
    ],
)
def test_malformed_queries_never_raise(filled: Library, text: str) -> None:
    query = filled.parse_query(text)
    results = filled.results(query)
    results.window(0, 10)
    filled.results(query, order="rank").window(0, 10)
    filled.mark_all_read(query, read=False)


def test_malformed_queries_are_plain_words() -> None:
    assert parse_query('"unbalanced quote').words == ("unbalanced", "quote")
    assert parse_query("title:huawei").words == ("title:huawei",)  # matched as the words title, huawei
    assert parse_query("is:nonsense").words == ("is:nonsense",)
    assert parse_query("after:2024-13-45").words == ("after:2024-13-45",)
    assert parse_query("NEAR AND OR").words == ("NEAR", "AND", "OR")
    assert parse_query('- * ( ) "').is_empty
    assert parse_query("a -").words == ("a",)


def test_syntax_words_are_searched_as_words(filled: Library) -> None:
    assert found(filled, "title:huawei") == []  # the words "title" and "huawei" together
    assert found(filled, "AND ") == ["China exports innovation"]
    assert found(filled, "AND") == found(filled, "and")  # as typed, a prefix: Android too
    assert found(filled, "huawei*") == ["Huawei loses Google"]


def test_window_and_index_of(filled: Library) -> None:
    results = filled.results("")
    everything = results.window(0, 100)
    assert len(everything) == len(results) == 5
    assert results.window(3, 10) == everything[3:]
    assert results.window(-5, 2) == everything[:2]
    assert results.window(10, 5) == [] and results.window(0, 0) == []
    assert results.index_of(everything[3].id) == 3
    assert results.index_of("no-such-id") is None
    assert filled.results("source:extra").index_of(everything[0].id) is None


def test_prefix_needs_two_characters() -> None:
    assert not parse_query("h").prefix_last
    assert parse_query("hu").prefix_last and parse_query("hu").fts_match() == '"hu"*'
    assert parse_query("trade hu").fts_match() == '"trade" "hu"*'


def test_the_cached_order_follows_changes_from_another_connection(
    filled: Library, library_path: Path, tmp_path: Path
) -> None:
    assert len(filled.results("")) == 5
    with Library.open(library_path, default_sources=False) as other:
        other.add_source(str(write_dump(tmp_path / "late.txt", [("Late trade story", "Trade.")])), name="Late")
        other.refresh()
        late = next(h for h in other.results("").window(0, 10) if h.title == "Late trade story")
        other.mark_read([late.id])
    results = filled.results("")
    assert len(results) == 6
    [seen] = [h for h in results.window(0, 10) if h.id == late.id]
    assert seen.read is True
    assert "Late trade story" in found(filled, "trade")
    filled.remove_source("Late")
    assert len(filled.results("")) == 5 and "Late trade story" not in found(filled, "trade")
