"""The person index's tables in the library index database, and how they are added to it.

Why in the same file: the person index is derived from the library index (its officials
and its paragraphs), is rebuilt from it, and is read in the same queries (an article's
date and title), so it lives beside it. It is added by a migration of its own
(`ensure_schema`): the library index's `schema` stays as it is, old index files gain the
tables on first use, and a new version of these tables drops and rebuilds only them.

Which articles changed is told by triggers on the library index's own tables: a file row
added, removed or renamed, an officials row added or removed, an article's officials
marked done, a repost group gained or lost the article (a story counts once). Each puts
the article's id in `people_dirty`; the refresh (build.py) reads only those, so the
library index's code needs no change to keep the person index fresh.

Tables: `people_mentions` (one row per article and name: the record the grouping reads),
`people_events` (events read from the text), `people_persons` (one row per person, with
what the People list shows and its search key), `people_links` (which person each
mention belongs to), `people_dirty`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable

from reader.people.model import Event, Mention, PersonSummary, PostSpan

PEOPLE_SCHEMA = "3"
SCHEMA_KEY = "people_schema"
CODE_KEY = "people_code"
CHOICES_KEY = "people_choices"

TABLES = """
CREATE TABLE IF NOT EXISTS people_dirty(file_id INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS people_mentions(
    file_id INTEGER NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL, bucket TEXT NOT NULL,
    date TEXT NOT NULL, titles TEXT NOT NULL, former TEXT NOT NULL, mentions INTEGER NOT NULL,
    first_paragraph INTEGER NOT NULL, hints TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS people_mentions_by_bucket ON people_mentions(bucket);
CREATE INDEX IF NOT EXISTS people_mentions_by_file ON people_mentions(file_id);
CREATE TABLE IF NOT EXISTS people_events(
    file_id INTEGER NOT NULL, path TEXT NOT NULL, name TEXT NOT NULL, bucket TEXT NOT NULL,
    kind TEXT NOT NULL, post TEXT NOT NULL, date TEXT, paragraph INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS people_events_by_file ON people_events(file_id, name);
CREATE INDEX IF NOT EXISTS people_events_by_date ON people_events(date);
CREATE TABLE IF NOT EXISTS people_persons(
    id TEXT PRIMARY KEY, unit TEXT NOT NULL, name TEXT NOT NULL, pinyin TEXT NOT NULL,
    latest_post TEXT NOT NULL, articles INTEGER NOT NULL, mentions INTEGER NOT NULL,
    first_seen TEXT, last_seen TEXT, search_key TEXT NOT NULL, posts TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS people_persons_by_unit ON people_persons(unit);
CREATE INDEX IF NOT EXISTS people_persons_by_name ON people_persons(name);
CREATE TABLE IF NOT EXISTS people_links(
    person_id TEXT NOT NULL, file_id INTEGER NOT NULL, name TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS people_links_by_person ON people_links(person_id);
CREATE INDEX IF NOT EXISTS people_links_by_file ON people_links(file_id, name);
CREATE INDEX IF NOT EXISTS people_links_by_name ON people_links(name);
CREATE TRIGGER IF NOT EXISTS people_file_added AFTER INSERT ON files
    BEGIN INSERT OR IGNORE INTO people_dirty VALUES (new.id); END;
CREATE TRIGGER IF NOT EXISTS people_file_removed AFTER DELETE ON files
    BEGIN INSERT OR IGNORE INTO people_dirty VALUES (old.id); END;
CREATE TRIGGER IF NOT EXISTS people_file_renamed AFTER UPDATE OF path ON files
    BEGIN INSERT OR IGNORE INTO people_dirty VALUES (new.id); END;
CREATE TRIGGER IF NOT EXISTS people_officials_done AFTER UPDATE OF officials_done ON files
    WHEN new.officials_done = 1 BEGIN INSERT OR IGNORE INTO people_dirty VALUES (new.id); END;
CREATE TRIGGER IF NOT EXISTS people_official_added AFTER INSERT ON officials
    BEGIN INSERT OR IGNORE INTO people_dirty VALUES (new.file_id); END;
CREATE TRIGGER IF NOT EXISTS people_official_removed AFTER DELETE ON officials
    BEGIN INSERT OR IGNORE INTO people_dirty VALUES (old.file_id); END;
CREATE TRIGGER IF NOT EXISTS people_story_added AFTER INSERT ON stories
    BEGIN INSERT OR IGNORE INTO people_dirty VALUES (new.file_id); END;
CREATE TRIGGER IF NOT EXISTS people_story_removed AFTER DELETE ON stories
    BEGIN INSERT OR IGNORE INTO people_dirty VALUES (old.file_id); END;
"""
DROP = [
    "DROP TRIGGER IF EXISTS people_file_added",
    "DROP TRIGGER IF EXISTS people_file_removed",
    "DROP TRIGGER IF EXISTS people_file_renamed",
    "DROP TRIGGER IF EXISTS people_officials_done",
    "DROP TRIGGER IF EXISTS people_official_added",
    "DROP TRIGGER IF EXISTS people_official_removed",
    "DROP TRIGGER IF EXISTS people_story_added",
    "DROP TRIGGER IF EXISTS people_story_removed",
    "DROP TABLE IF EXISTS people_dirty",
    "DROP TABLE IF EXISTS people_mentions",
    "DROP TABLE IF EXISTS people_events",
    "DROP TABLE IF EXISTS people_persons",
    "DROP TABLE IF EXISTS people_links",
]


def get_meta(conn: sqlite3.Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def set_meta(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))


def ensure_schema(conn: sqlite3.Connection) -> bool:
    """Add (or, for another version, rebuild) the person tables; True when they were made now.

    Runs in the caller's transaction. New tables start with every article marked dirty.
    """
    version = get_meta(conn, SCHEMA_KEY)
    if version == PEOPLE_SCHEMA:
        return False
    for statement in DROP:
        conn.execute(statement)
    for statement in TABLES.split(";\n"):
        if statement.strip():
            conn.execute(statement)
    conn.execute("INSERT OR IGNORE INTO people_dirty SELECT id FROM files")
    set_meta(conn, SCHEMA_KEY, PEOPLE_SCHEMA)
    conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (CODE_KEY, CHOICES_KEY))
    return True


def has_schema(conn: sqlite3.Connection) -> bool:
    return get_meta(conn, SCHEMA_KEY) == PEOPLE_SCHEMA


# -- per-article rows ---------------------------------------------------------------------


def replace_article(
    conn: sqlite3.Connection,
    file_id: int,
    path: str,
    mentions: Iterable[Mention],
    events: Iterable[Event],
    buckets: Callable[[str], str],
) -> None:
    """Store one article's mentions and events in place of its old ones."""
    conn.execute("DELETE FROM people_mentions WHERE file_id = ?", (file_id,))
    conn.execute("DELETE FROM people_events WHERE file_id = ?", (file_id,))
    conn.executemany(
        "INSERT INTO people_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                file_id,
                m.path,
                m.name,
                buckets(m.name),
                m.date,
                json.dumps(m.titles, ensure_ascii=False),
                json.dumps(m.former),
                m.mentions,
                m.first_paragraph,
                json.dumps(m.hints, ensure_ascii=False),
            )
            for m in mentions
        ],
    )
    conn.executemany(
        "INSERT INTO people_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(file_id, path, e.name, buckets(e.name), e.kind, e.post, e.date, e.paragraph) for e in events],
    )


def forget_article(conn: sqlite3.Connection, file_id: int) -> None:
    conn.execute("DELETE FROM people_mentions WHERE file_id = ?", (file_id,))
    conn.execute("DELETE FROM people_events WHERE file_id = ?", (file_id,))


def buckets_of_file(conn: sqlite3.Connection, file_id: int) -> set[str]:
    return {
        row[0] for row in conn.execute("SELECT bucket FROM people_mentions WHERE file_id = ?", (file_id,))
    }


def stories_of(conn: sqlite3.Connection, file_ids: Iterable[int]) -> dict[int, int]:
    """File id -> story (reader.library.reposts) for those of `file_ids` that have copies."""
    ids = sorted(file_ids)
    found: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(conn.execute(f"SELECT file_id, story FROM stories WHERE file_id IN ({marks})", chunk))
    return found


def mentions_of_buckets(conn: sqlite3.Connection, buckets: Iterable[str]) -> list[tuple[int, Mention]]:
    """Every stored mention of the buckets, with its article's id."""
    found = []
    for bucket in buckets:
        for row in conn.execute(
            "SELECT file_id, path, name, date, titles, former, mentions, first_paragraph, hints "
            "FROM people_mentions WHERE bucket = ?",
            (bucket,),
        ):
            file_id, path, name, date, titles, former, count, first, hints = row
            mention = Mention(
                path,
                name,
                date,
                tuple(json.loads(titles)),
                tuple(json.loads(former)),
                count,
                first,
                tuple(json.loads(hints)),
            )
            found.append((file_id, mention))
    return found


# -- persons --------------------------------------------------------------------------------


def replace_unit(
    conn: sqlite3.Connection,
    unit: str,
    rows: list[tuple[PersonSummary, list[PostSpan], list[tuple[int, str]]]],
) -> None:
    """Store the persons of one grouping unit in place of its old ones."""
    old = [row[0] for row in conn.execute("SELECT id FROM people_persons WHERE unit = ?", (unit,))]
    conn.executemany("DELETE FROM people_links WHERE person_id = ?", [(pid,) for pid in old])
    conn.execute("DELETE FROM people_persons WHERE unit = ?", (unit,))
    for summary, spans, links in rows:
        posts = [[s.title, s.first, s.last, s.articles, s.former] for s in spans]
        conn.execute(
            "INSERT OR REPLACE INTO people_persons VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                summary.id,
                unit,
                summary.name,
                summary.pinyin,
                summary.latest_post,
                summary.articles,
                summary.mentions,
                summary.first_seen,
                summary.last_seen,
                summary.search_key,
                json.dumps(posts, ensure_ascii=False),
            ),
        )
        conn.executemany(
            "INSERT INTO people_links VALUES (?, ?, ?)",
            [(summary.id, file_id, name) for file_id, name in links],
        )


def forget_unit(conn: sqlite3.Connection, unit: str) -> None:
    replace_unit(conn, unit, [])
