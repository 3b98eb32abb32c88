"""One entity, however a story writes it; which articles mention it."""

import pytest

from reader.entities.cache import EntityCache
from reader.entities.index import entity_key, mentions, summarise
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
