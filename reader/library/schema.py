"""The library file format: identity, tables, migrations.

``articles`` holds every article once (``id`` unique); small, hot columns come first and the
body last, so reading a headline never touches the overflow pages of a long body.
``articles_fts`` is an FTS5 index with *external content* (the text lives only in
``articles``): a contentless table (``content=''``) would be as small but cannot give the
text back for snippets, and on SQLite before 3.43 cannot delete a row without being handed
the old text anyway; external content gets both from the same row, kept in step by triggers.

Ordering: ``rank_time`` is the published time (UTC epoch seconds) when known, else the
time the article was first stored; ``seq`` is its position in the source (a dump's file
order). "Newest first" is ``ORDER BY rank_time DESC, seq``, answered from ``articles_order``,
which also covers the columns the filters need, so listing never reads an article row.

Core module: stdlib only; no textual or rich imports.
"""

from __future__ import annotations

import sqlite3

from reader.store.schema import APPLICATION_ID, SQLITE_MAGIC

__all__ = ["APPLICATION_ID", "ARTICLE_COLUMNS", "MIGRATIONS", "SCHEMA_VERSION", "SQLITE_MAGIC", "migrate"]

FILENAME = "library.sqlite3"

ARTICLE_COLUMNS = (
    "n",
    "id",
    "source_id",
    "read",
    "rank_time",
    "seq",
    "gen",
    "first_seen",
    "published_at",
    "content_hash",
    "title",
    "source",
    "section",
    "byline",
    "url",
    "published",
    "origin",
    "body",
)
SOURCE_COLUMNS = ("id", "name", "location", "kind", "tags", "state", "error", "refreshed_at", "added_at", "gen")

FTS_COLUMNS = "title, body, source, section, byline"
_FTS_NEW = "new.title, new.body, new.source, new.section, new.byline"
_FTS_OLD = "old.title, old.body, old.source, old.section, old.byline"

_VERSION_1 = (
    """CREATE TABLE sources (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE COLLATE NOCASE,
        location     TEXT NOT NULL UNIQUE,
        kind         TEXT NOT NULL,
        tags         TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
        state        TEXT NOT NULL DEFAULT '{}',  -- the kind's own JSON (file fingerprints, ETags)
        error        TEXT NOT NULL DEFAULT '',    -- one line: why the last refresh failed
        refreshed_at INTEGER,                     -- UTC epoch seconds of the last successful refresh
        added_at     INTEGER NOT NULL,
        gen          INTEGER NOT NULL DEFAULT 0   -- refresh generation (see refresh.py)
    )""",
    """CREATE TABLE articles (
        n            INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        source_id    INTEGER,                     -- NULL: its source is gone, kept as bookmarked
        read         INTEGER NOT NULL DEFAULT 0,
        rank_time    INTEGER NOT NULL,            -- published_at, else first_seen
        seq          INTEGER NOT NULL,            -- order within the source
        gen          INTEGER NOT NULL,
        first_seen   INTEGER NOT NULL,
        published_at INTEGER,                     -- UTC epoch seconds, NULL when unknown
        content_hash TEXT NOT NULL,
        title        TEXT NOT NULL,
        source       TEXT NOT NULL,               -- the publisher named by the article
        section      TEXT NOT NULL,
        byline       TEXT NOT NULL,
        url          TEXT NOT NULL,
        published    TEXT NOT NULL,               -- as the source gave it (ISO 8601) or ''
        origin       TEXT NOT NULL,               -- the file or URL it was read from
        body         TEXT NOT NULL                -- paragraphs joined by a blank line
    )""",
    "CREATE INDEX articles_order ON articles (rank_time DESC, seq, source_id, read, source COLLATE NOCASE)",
    "CREATE INDEX articles_source ON articles (source_id, read)",
    "CREATE INDEX articles_hash ON articles (content_hash)",
    "CREATE INDEX articles_publisher ON articles (source COLLATE NOCASE)",
    f"""CREATE VIRTUAL TABLE articles_fts USING fts5(
        {FTS_COLUMNS}, content='articles', content_rowid='n',
        tokenize='unicode61 remove_diacritics 2'
    )""",
    # Only when indexed text really changed: a refresh that sees an article again touches
    # its generation and order, and must not rewrite its index entries.
    f"""CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles
        WHEN old.title IS NOT new.title OR old.body IS NOT new.body OR old.source IS NOT new.source
          OR old.section IS NOT new.section OR old.byline IS NOT new.byline
    BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, {FTS_COLUMNS}) VALUES ('delete', old.n, {_FTS_OLD});
        INSERT INTO articles_fts (rowid, {FTS_COLUMNS}) VALUES (new.n, {_FTS_NEW});
    END""",
    "CREATE TABLE bookmarked (article_id TEXT PRIMARY KEY) WITHOUT ROWID",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
)

_VERSION_2 = (
    # Read state salvaged from a damaged file, applied as the articles come back.
    "CREATE TABLE pending_read (article_id TEXT PRIMARY KEY)",
    # The entity index, per article content and recogniser.
    """CREATE TABLE entity_sets (
        recogniser   TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        entities     TEXT NOT NULL,               -- JSON [[start, end, label, text], ...]
        PRIMARY KEY (recogniser, content_hash)
    ) WITHOUT ROWID""",
    """CREATE TABLE mentions (
        recogniser   TEXT NOT NULL,
        key          TEXT NOT NULL,               -- reader.entities.index.entity_key
        content_hash TEXT NOT NULL,
        PRIMARY KEY (recogniser, key, content_hash)
    ) WITHOUT ROWID""",
)

_VERSION_3 = (
    # An article is stored once, owned by the first source that had it; the other sources that
    # have it too are listed here, so that it passes to one of them when its owner lets it go.
    """CREATE TABLE also_in (
        article_id TEXT NOT NULL,
        source_id  INTEGER NOT NULL,
        gen        INTEGER NOT NULL,
        origin     TEXT NOT NULL,
        PRIMARY KEY (article_id, source_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX also_in_source ON also_in (source_id, gen)",
)

_VERSION_4 = (
    # The whole story behind a feed entry, fetched on demand and kept for offline reading
    # (reader.library.full_stories). Removed with its article.
    """CREATE TABLE full_stories (
        article_id   TEXT PRIMARY KEY,
        url          TEXT NOT NULL,               -- the page it was extracted from
        content_hash TEXT NOT NULL,               -- as Article.content_hash, for the entity index
        fetched_at   INTEGER NOT NULL,            -- UTC epoch seconds
        body         TEXT NOT NULL                -- paragraphs joined by a blank line
    )""",
    "CREATE INDEX full_stories_hash ON full_stories (content_hash)",
    """CREATE TRIGGER full_stories_gone AFTER DELETE ON articles BEGIN
        DELETE FROM full_stories WHERE article_id = old.id;
    END""",
)

_VERSION_5 = (
    # "One name, one entity": each content's mentions are grouped into entities
    # (reader.entities.index.summarise); ``canonical`` marks the key of a group's own name,
    # the other rows are its other forms ("wood" beside "ben wood"). The index is rebuildable:
    # the old rows, which knew no groups, are dropped and recognised again in the background.
    "DELETE FROM mentions",
    "DELETE FROM entity_sets",
    "ALTER TABLE mentions ADD COLUMN canonical INTEGER NOT NULL DEFAULT 0",
)

MIGRATIONS: tuple[tuple[str, ...], ...] = (_VERSION_1, _VERSION_2, _VERSION_3, _VERSION_4, _VERSION_5)
"""``MIGRATIONS[n]`` takes a file from ``user_version`` n to n + 1."""
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, *, target: int = SCHEMA_VERSION) -> bool:
    """Bring the file up to ``target`` in one ``BEGIN IMMEDIATE`` transaction; True if it changed.

    The version is read again under the write lock, so two processes opening an old file at
    once migrate it once.
    """
    if connection.execute("PRAGMA user_version").fetchone()[0] >= target:
        return False
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for statements in MIGRATIONS[version:target]:
            for statement in statements:
                connection.execute(statement)
        changed = version < target
        if changed:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {target}")
        connection.execute("COMMIT")
        return bool(changed)
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
