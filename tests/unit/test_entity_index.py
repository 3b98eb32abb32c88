"""One entity, however a story writes it; which articles mention it."""

import pytest

from reader.entities.cache import EntityCache
from reader.entities.index import entity_key, is_short_form, keys_for, mentions, summarise
from reader.model import Article, Entity


@pytest.mark.parametrize(
    "a, b",
    [
        ("Huawei", "Huawei's"),
        ("Huawei", "Huawei’s"),
        ("Huawei", "HUAWEI"),
        ("Huawei", "the Huawei"),
        ("U.S.", "US"),
        ("Jones", "Jones'"),
        ("New  York", "New York"),
    ],
)
def test_same_entity_same_key(a: str, b: str) -> None:
    assert entity_key(a) == entity_key(b)


def test_different_entities_differ() -> None:
    assert entity_key("Google") != entity_key("Google Maps")


def test_summarise_groups_counts_and_orders() -> None:
    text = "Huawei said. Huawei’s phones. Google agreed. Huawei again."
    entities = [
        Entity(0, 6, "ORG", "Huawei"),
        Entity(13, 21, "ORG", "Huawei’s"),
        Entity(30, 36, "ORG", "Google"),
        Entity(45, 51, "PERSON", "Huawei"),
    ]
    assert all(text[e.start : e.end] == e.text for e in entities)
    [first, second] = summarise(entities)
    assert (first.key, first.name, first.label, first.count) == ("huawei", "Huawei", "ORG", 3)
    assert (second.name, second.count) == ("Google", 1)
    assert mentions(entities, "google") and not mentions(entities, "samsung")


def test_cache_recognises_each_content_once() -> None:
    calls = []

    def recognise(text: str) -> list[Entity]:
        calls.append(text)
        return [Entity(0, 4, "ORG", text[:4])]

    cache = EntityCache(recognise, size=2)
    a = Article(id="a", title="A", paragraphs=("Acme rises.",))
    same_text = Article(id="b", title="B", paragraphs=("Acme rises.",))
    other = Article(id="c", title="C", paragraphs=("Bolt falls.",))
    assert cache.get(a) is None
    assert cache.entities_for(a) == cache.entities_for(same_text)
    assert len(calls) == 1
    cache.entities_for(other)
    third = Article(id="d", title="D", paragraphs=("Cord holds.",))
    cache.entities_for(third)  # evicts the least recently used (a's text)
    assert cache.get(a) is None and len(cache) == 2


def _entities(text: str, names: dict[str, str]) -> list[Entity]:
    import re

    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return [Entity(m.start(), m.end(), names[m.group()], m.group()) for m in pattern.finditer(text)]


def test_short_forms_join_the_one_name_they_stand_for() -> None:
    text = (
        "Ben Wood of CCS Insight spoke. Huawei Technologies Co. said no. Ren Zhengfei agreed. "
        "Wood said more. Ren said less. Huawei won. The United States acted; the U.S. and America. "
        "The World Health Organization (WHO) met. WHO said."
    )
    names = {
        "Ben Wood": "PERSON",
        "Wood": "ORG",  # a surname alone is often taken for an organisation
        "Huawei Technologies Co.": "ORG",
        "Huawei": "ORG",
        "Ren Zhengfei": "PERSON",
        "Ren": "PERSON",
        "United States": "GPE",
        "U.S.": "GPE",
        "America": "GPE",
        "World Health Organization": "ORG",
        "WHO": "ORG",
        "CCS Insight": "ORG",
    }
    summaries = {s.name: s for s in summarise(_entities(text, names))}
    assert set(summaries) == {
        "Ben Wood",
        "Huawei Technologies Co.",
        "Ren Zhengfei",
        "United States",
        "World Health Organization",
        "CCS Insight",
    }
    wood = summaries["Ben Wood"]
    assert (wood.label, wood.count, wood.keys) == ("PERSON", 2, frozenset({"ben wood", "wood"}))
    assert [m.text for m in wood.mentions] == ["Ben Wood", "Wood"]  # in text order, for n/N
    assert summaries["Huawei Technologies Co."].count == 2
    assert summaries["United States"].count == 3
    assert summaries["World Health Organization"].count == 3
    assert keys_for(summaries["Ren Zhengfei"]) == {"ren zhengfei", "ren"}
    assert {"us", "united states", "america", "usa"} <= keys_for(summaries["United States"])


def test_an_ambiguous_short_form_stays_separate() -> None:
    text = "Ben Wood and Sarah Wood met. Wood spoke. Wall Street read the Wall Street Journal."
    names = {"Ben Wood": "PERSON", "Sarah Wood": "PERSON", "Wood": "PERSON", "Wall Street": "LOC"}
    names["Wall Street Journal"] = "ORG"
    assert sorted(s.name for s in summarise(_entities(text, names))) == [
        "Ben Wood",
        "Sarah Wood",
        "Wall Street",
        "Wall Street Journal",
        "Wood",
    ]
    # A place's name alone is no short form of a person's, nor an unrelated acronym of a name.
    text = "George Washington slept. Washington voted. Emotion UI runs; the EU objects."
    names = {"George Washington": "PERSON", "Washington": "GPE", "Emotion UI": "ORG", "EU": "ORG"}
    assert len(summarise(_entities(text, names))) == 4
    assert not is_short_form("eu", "ORG", "emotion ui", "ORG", "Emotion UI")
    assert is_short_form("hbr", "ORG", "harvard business review", "ORG", "Harvard Business Review")


def test_articles_mentioning_match_either_form_but_not_another_person() -> None:
    first = _entities("Huawei Technologies Co. said. Huawei fell.", {"Huawei Technologies Co.": "ORG", "Huawei": "ORG"})
    [huawei] = summarise(first)
    assert mentions(_entities("Huawei rose.", {"Huawei": "ORG"}), huawei)
    assert mentions(_entities("Huawei Technologies Co. rose.", {"Huawei Technologies Co.": "ORG"}), huawei)
    assert not mentions(_entities("ZTE rose.", {"ZTE": "ORG"}), huawei)
    [ben] = summarise(_entities("Ben Wood said. Wood left.", {"Ben Wood": "PERSON", "Wood": "PERSON"}))
    assert mentions(_entities("Wood said.", {"Wood": "PERSON"}), ben)
    elijah = _entities("Elijah Wood said. Wood left.", {"Elijah Wood": "PERSON", "Wood": "PERSON"})
    assert not mentions(elijah, ben)
    # A key still works: any normalised form of an entity of the article.
    assert mentions(first, "huawei") and mentions(first, "huawei technologies co")
    [usa] = summarise(_entities("America voted.", {"America": "GPE"}))
    assert mentions(_entities("The U.S. voted.", {"U.S.": "GPE"}), usa)
