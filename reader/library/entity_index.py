"""The entity index: recognised entities per article content, and which contents mention
which entity (by :func:`reader.entities.index.entity_key`, grouped as
:func:`reader.entities.index.summarise` groups one article's names), per recogniser.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from reader.entities.index import keys_for, summarise
from reader.model import Entity


def backlog(connection: sqlite3.Connection, recogniser: str, limit: int) -> list[tuple[str, str]]:
    """Up to ``limit`` ``(content_hash, body)`` of article contents not yet recognised."""
    rows = connection.execute(
        "SELECT h.content_hash, (SELECT body FROM articles WHERE n = h.n) FROM ("
        "  SELECT content_hash, min(n) AS n FROM articles INDEXED BY articles_hash GROUP BY content_hash"
        ") h WHERE NOT EXISTS ("
        "  SELECT 1 FROM entity_sets e WHERE e.recogniser = ? AND e.content_hash = h.content_hash"
        ") LIMIT ?",
        (recogniser, max(0, int(limit))),
    )
    found = [(content_hash, body) for content_hash, body in rows]
    if len(found) < limit:
        # Full stories fetched on demand are recognised like any body (reader.library.full_stories).
        known = {content_hash for content_hash, _ in found}
        stories = connection.execute(
            "SELECT f.content_hash, f.body FROM full_stories f WHERE NOT EXISTS ("
            "  SELECT 1 FROM entity_sets e WHERE e.recogniser = ? AND e.content_hash = f.content_hash"
            ") LIMIT ?",
            (recogniser, max(0, int(limit)) - len(found)),
        )
        found += [(content_hash, body) for content_hash, body in stories if content_hash not in known]
    return found


def store(connection: sqlite3.Connection, recogniser: str, content_hash: str, entities: Sequence[Entity]) -> None:
    """Save the entities of one content (replacing what was there), inside the caller's transaction."""
    encoded = json.dumps([[e.start, e.end, e.label, e.text] for e in entities], ensure_ascii=False)
    connection.execute(
        "INSERT OR REPLACE INTO entity_sets (recogniser, content_hash, entities) VALUES (?, ?, ?)",
        (recogniser, content_hash, encoded),
    )
    connection.execute("DELETE FROM mentions WHERE recogniser = ? AND content_hash = ?", (recogniser, content_hash))
    # Per entity of the content: its own name's key (canonical) and every other form of it.
    keys: dict[str, int] = {}
    for summary in summarise(entities):
        for key in keys_for(summary):
            keys.setdefault(key, 0)
        keys[summary.key] = 1
    connection.executemany(
        "INSERT OR IGNORE INTO mentions (recogniser, key, content_hash, canonical) VALUES (?, ?, ?, ?)",
        [(recogniser, key, content_hash, canonical) for key, canonical in sorted(keys.items()) if key],
    )


def load(connection: sqlite3.Connection, recogniser: str, content_hash: str) -> tuple[Entity, ...] | None:
    row = connection.execute(
        "SELECT entities FROM entity_sets WHERE recogniser = ? AND content_hash = ?", (recogniser, content_hash)
    ).fetchone()
    if row is None:
        return None
    try:
        return tuple(Entity(int(s), int(e), str(label), str(text)) for s, e, label, text in json.loads(row[0]))
    except (TypeError, ValueError):
        return None  # hand-edited or damaged: recognised again


def progress(connection: sqlite3.Connection, recogniser: str) -> tuple[int, int]:
    total, done = connection.execute(
        "SELECT count(*), total(EXISTS (SELECT 1 FROM entity_sets e WHERE e.recogniser = ? "
        "AND e.content_hash = h.content_hash)) FROM (SELECT DISTINCT content_hash FROM articles) h",
        (recogniser,),
    ).fetchone()
    return int(done), int(total)
