"""Reposts in the index: which files are copies of one story, kept up to date incrementally.

Why in the index: the list shows one row per story, search and the person index count a
story once, and all three read the index, so the groups are stored beside the files they
group. They are computed in the background, after the text phase (the list and search
never wait for them): a library's first paint shows the groups of the last refresh.

The rule is reader.dedupe's (bottom-k sketches of the body for the pair rule, band keys
for the candidates); what is here is keeping it incremental. Tables:

- `sketches`: one row per readable file (its day, its sketch and band keys packed as
  little-endian uint32, its size, and whether it has been grouped yet);
- `sketch_keys`: the grouped files' band keys (dedupe.band_keys), a table ordered by key
  then file (and indexed by file), so a new file finds the files that share one (its
  candidates, nearly all of them copies) with one range read per key;
- `stories`: one row per file that has copies: the story (the smallest file id of the
  group), how many copies, and whether this copy is the one the list shows (the newest,
  in the list's own order: date, then path);
- `stories_dirty`: stories that lost a copy (a file removed, changed or renamed); a
  trigger on `files` keeps it, so `records.delete_file` needs no change.

A refresh sketches the files that have no sketch (new or changed ones), then groups:
every dirty story's remaining copies are grouped again among themselves (a removal can
only split a story), and the new files' keys are indexed, each new file paired with the
files sharing one of its keys, joining their stories. The result equals grouping the
whole library at once, except for a key that becomes crowded (more than MAX_BUCKET files)
only after a pair was made through it: the pair stays.
"""

from __future__ import annotations

import sqlite3
import struct
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import date

from reader.dedupe import MAX_BUCKET, Signature, Sketch, same_story, signature
from reader.library.people import LISTED
from reader.library.progress import IndexProgress, ProgressCallback, RefreshSummary

BATCH = 200
"""Files sketched per transaction (a cancelled refresh keeps what it committed)."""
_IN = 500
"""Values bound per `IN (…)` query (far below SQLite's limit of 32,766)."""

SKETCH_TABLES = (
    "CREATE TABLE IF NOT EXISTS sketches(file_id INTEGER PRIMARY KEY, day INTEGER, size INTEGER NOT NULL, "
    "grouped INTEGER NOT NULL DEFAULT 0, sketch BLOB NOT NULL, keys BLOB NOT NULL)",
    "CREATE INDEX IF NOT EXISTS sketches_new ON sketches(grouped) WHERE grouped = 0",
    "CREATE TABLE IF NOT EXISTS sketch_keys(key INTEGER NOT NULL, file_id INTEGER NOT NULL, "
    "PRIMARY KEY (key, file_id)) WITHOUT ROWID",
    "CREATE INDEX IF NOT EXISTS sketch_keys_by_file ON sketch_keys(file_id)",
)
"""The keys are two B-trees, each answering its lookups alone: by key (the files sharing it)
and by file. forget_all makes these again (their shape changed with the band keys)."""
TABLES = (
    *SKETCH_TABLES,
    "CREATE TABLE IF NOT EXISTS stories(file_id INTEGER PRIMARY KEY, story INTEGER NOT NULL, "
    "copies INTEGER NOT NULL, lead INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS stories_by_story ON stories(story)",
    "CREATE TABLE IF NOT EXISTS stories_dirty(story INTEGER PRIMARY KEY)",
    "CREATE TRIGGER IF NOT EXISTS reposts_file_removed AFTER DELETE ON files BEGIN "
    "DELETE FROM sketches WHERE file_id = old.id; "
    "DELETE FROM sketch_keys WHERE file_id = old.id; "
    "INSERT OR IGNORE INTO stories_dirty SELECT story FROM stories WHERE file_id = old.id; "
    "DELETE FROM stories WHERE file_id = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS reposts_file_renamed AFTER UPDATE OF path ON files BEGIN "
    "INSERT OR IGNORE INTO stories_dirty SELECT story FROM stories WHERE file_id = new.id; END",
)

LISTED_COUNT = "SELECT count(*) FROM files LEFT JOIN stories ON stories.file_id = files.id WHERE " + LISTED

Cancelled = Callable[[], bool]
_SAMPLE = "SELECT file_id FROM sketch_keys WHERE key = ? ORDER BY file_id LIMIT ?"
"""The first files given a crowded key, in the order of their ids (dedupe.MAX_BUCKET)."""


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Add the tables to an index made before them (in a transaction of its own); a no-op
    (one read, no write) when they are there."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stories_dirty'").fetchone():
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in TABLES:
            conn.execute(statement)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def forget_all(conn: sqlite3.Connection) -> None:
    """Drop every sketch and group (the code that made them changed); in the caller's transaction.
    The sketches' tables are made again, in case they have an older shape."""
    for table in ("stories", "stories_dirty"):
        conn.execute(f"DELETE FROM {table}")
    for table in ("sketches", "sketch_keys"):
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in SKETCH_TABLES:
        conn.execute(statement)


def pack(values: Sketch) -> bytes:
    return struct.pack(f"<{len(values)}I", *values)


def unpack(data: bytes) -> Sketch:
    return struct.unpack(f"<{len(data) // 4}I", data)


def _day(iso: str) -> int | None:
    try:
        return date.fromisoformat(iso[:10]).toordinal() if iso else None
    except ValueError:
        return None


def _chunks(items: Sequence[int], size: int = _IN) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _marks(count: int) -> str:
    return ",".join("?" * count)


# -- the phase --------------------------------------------------------------------------------------


def refresh(
    conn: sqlite3.Connection,
    lock: AbstractContextManager[object],
    transaction: Callable[[], AbstractContextManager[sqlite3.Connection]],
    report: ProgressCallback,
    stop: Cancelled,
    summary: RefreshSummary,
) -> None:
    """The index's reposts phase (LibraryIndex.refresh_reposts): sketches made by other code
    forgotten, the unsketched files sketched in batches (a transaction each, cancellable),
    then the new files and dirty stories grouped in one transaction."""
    from reader.library import freshness

    fingerprint = freshness.reposts_fingerprint()
    with lock:
        stored = conn.execute("SELECT value FROM meta WHERE key = ?", (freshness.REPOSTS_KEY,)).fetchone()
    if stored is None or stored[0] != fingerprint:
        with transaction() as writing:
            forget_all(writing)
            writing.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (freshness.REPOSTS_KEY, fingerprint))
    with lock:
        pending = unsketched(conn)
        dirty = conn.execute("SELECT count(*) FROM stories_dirty").fetchone()[0]
        fresh = conn.execute("SELECT count(*) FROM sketches WHERE grouped = 0").fetchone()[0]
    total = len(pending)
    report(IndexProgress("reposts", 0, total))
    for start in range(0, total, BATCH):
        if stop():
            summary.cancelled = True
            return
        ids = pending[start : start + BATCH]
        with lock:
            rows = sketch_rows(conn, ids)
        with transaction() as writing:
            store_sketches(writing, rows)
        summary.sketched += len(ids)
        report(IndexProgress("reposts", start + len(ids), total))
    if total or dirty or fresh:
        with transaction() as writing:
            summary.regrouped += group_pending(writing)


# -- sketching ----------------------------------------------------------------------------------


def unsketched(conn: sqlite3.Connection) -> list[int]:
    """Readable files with no sketch yet (new or changed since the last refresh)."""
    return [
        row[0]
        for row in conn.execute(
            "SELECT files.id FROM files LEFT JOIN sketches ON sketches.file_id = files.id "
            "WHERE sketches.file_id IS NULL AND files.error IS NULL ORDER BY files.id"
        )
    ]


Row = tuple[int, int | None, Signature]
"""A sketched file: its id, its day (an ordinal) and its signature."""


def sketch_rows(conn: sqlite3.Connection, ids: Sequence[int]) -> list[Row]:
    """(file id, day, signature) of `ids`, from the stored body paragraphs (one query each)."""
    marks = _marks(len(ids))
    days = {
        file_id: _day(iso)
        for file_id, iso in conn.execute(f"SELECT id, date FROM files WHERE id IN ({marks})", list(ids))
    }
    bodies: dict[int, list[str]] = defaultdict(list)
    for file_id, text in conn.execute(
        f"SELECT file_id, text FROM paragraphs WHERE file_id IN ({marks}) AND idx >= 0 ORDER BY file_id, idx",
        list(ids),
    ):
        bodies[file_id].append(text)
    return [
        (file_id, days[file_id], signature(bodies.get(file_id, ()))) for file_id in ids if file_id in days
    ]


def store_sketches(conn: sqlite3.Connection, rows: Iterable[Row]) -> None:
    """Keep the signatures, not grouped yet; in the caller's transaction. Their keys are indexed
    when they are grouped (_index_keys), all in one transaction."""
    conn.executemany(
        "INSERT OR REPLACE INTO sketches(file_id, day, size, grouped, sketch, keys) "
        "VALUES (?, ?, ?, 0, ?, ?)",
        [(file_id, day, len(values), pack(values), pack(keys)) for file_id, day, (values, keys) in rows],
    )


def _index_keys(conn: sqlite3.Connection) -> None:
    """The keys of the files not grouped yet into `sketch_keys` (a key twice in one file: once).
    In the grouping's transaction rather than each sketching batch's: at 100,000 files every
    batch's keys land all over the B-tree, so each batch wrote most of its pages again (a
    fourth of the phase); once, each page is written once. Read in slices to bound memory."""
    last = -1
    while rows := conn.execute(
        "SELECT file_id, keys FROM sketches WHERE grouped = 0 AND file_id > ? ORDER BY file_id LIMIT ?",
        (last, 20 * BATCH),
    ).fetchall():
        conn.executemany(
            "INSERT OR IGNORE INTO sketch_keys VALUES (?, ?)",
            [(key, file_id) for file_id, data in rows for key in unpack(data)],
        )
        last = rows[-1][0]


# -- grouping -------------------------------------------------------------------------------------


class _Union:
    """Union-find over file ids; an untouched story is one node (its negated id) until a new
    file joins it, so a story of 500 copies costs one node, not 500."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def root(self, node: int) -> int:
        parent = self.parent
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def join(self, a: int, b: int) -> None:
        ra, rb = self.root(a), self.root(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _sketches_of(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, tuple[int | None, Sketch]]:
    found: dict[int, tuple[int | None, Sketch]] = {}
    for chunk in _chunks(sorted(set(ids))):
        for file_id, day, data in conn.execute(
            f"SELECT file_id, day, sketch FROM sketches WHERE file_id IN ({_marks(len(chunk))})", list(chunk)
        ):
            found[file_id] = (day, unpack(data))
    return found


def group_pending(conn: sqlite3.Connection) -> int:
    """Group the new files and the dirty stories (see the module's docstring); returns how many
    files' story changed. In the caller's transaction."""
    _index_keys(conn)
    new = [row[0] for row in conn.execute("SELECT file_id FROM sketches WHERE grouped = 0 ORDER BY file_id")]
    dirty = [row[0] for row in conn.execute("SELECT story FROM stories_dirty")]
    if not new and not dirty:
        return 0
    story_of = dict(conn.execute("SELECT file_id, story FROM stories").fetchall())
    members: dict[int, list[int]] = defaultdict(list)
    for file_id, story in story_of.items():
        members[story].append(file_id)
    union = _Union()
    touched: set[int] = set(new)
    for story in dirty:  # what is left of a story that lost a copy: grouped again among itself
        copies = members.pop(story, [])
        for file_id in copies:
            del story_of[file_id]
        touched.update(copies)
        _group_among(conn, copies, union)
    is_new = set(new)
    for chunk in _chunks(new, BATCH):
        _pair_new(conn, chunk, is_new, story_of, union)
    components: dict[int, set[int]] = defaultdict(set)
    for node in list(union.parent):
        if node < 0:  # an untouched story joined by a new file: all its copies
            components[union.root(node)].update(members[-node])
        else:
            components[union.root(node)].add(node)
    for file_id in touched:
        components[union.root(file_id)].add(file_id)
    return _write(conn, components.values())


def _node(file_id: int, story_of: dict[int, int]) -> int:
    story = story_of.get(file_id)
    return file_id if story is None else -story


def _group_among(conn: sqlite3.Connection, ids: Sequence[int], union: _Union) -> None:
    """Pair every two of `ids` that are one story (a story's copies: few, so every pair)."""
    sketches = _sketches_of(conn, ids)
    present = [file_id for file_id in ids if file_id in sketches]
    for i, first in enumerate(present):
        day_a, a = sketches[first]
        for second in present[i + 1 :]:
            if union.root(first) == union.root(second):
                continue
            day_b, b = sketches[second]
            if same_story(a, b, day_a, day_b):
                union.join(first, second)


def _pair_new(
    conn: sqlite3.Connection,
    chunk: Sequence[int],
    is_new: set[int],
    story_of: dict[int, int],
    union: _Union,
) -> None:
    """Pair each file of `chunk` with the files that share one of its keys.

    SQLite finds them (a self-join of `sketch_keys`, crowded keys left out); a crowded key's
    first MAX_BUCKET files, as indexed, are candidates instead (dedupe.group does the same).
    The band keys make few candidates, nearly all of them copies, so what reaches Python is
    about one pair per copy, not every pair sharing a stock sentence."""
    marks = _marks(len(chunk))
    crowded = [
        row[0]
        for row in conn.execute(
            "SELECT key FROM sketch_keys WHERE key IN "
            f"(SELECT key FROM sketch_keys WHERE file_id IN ({marks})) GROUP BY key HAVING count(*) > ?",
            [*chunk, MAX_BUCKET],
        )
    ]
    pairs = conn.execute(
        "SELECT DISTINCT a.file_id, b.file_id FROM sketch_keys AS a JOIN sketch_keys AS b ON b.key = a.key "
        f"WHERE a.file_id IN ({marks}) AND a.key NOT IN ({_marks(len(crowded))}) AND b.file_id != a.file_id",
        [*chunk, *crowded],
    ).fetchall()
    wanted = {
        (first, second)
        for first, second in pairs
        if not (second in is_new and second < first)  # a pair of two new files: once
    }
    for part in _chunks(crowded):
        holders: dict[int, list[int]] = defaultdict(list)
        for key, file_id in conn.execute(
            f"SELECT key, file_id FROM sketch_keys WHERE file_id IN ({marks}) "
            f"AND key IN ({_marks(len(part))})",
            [*chunk, *part],
        ):
            holders[key].append(file_id)
        for key, firsts in holders.items():
            sample = [row[0] for row in conn.execute(_SAMPLE, (key, MAX_BUCKET))]
            wanted.update((first, second) for first in firsts for second in sample if second != first)
    mine = _sketches_of(conn, chunk)
    theirs = _sketches_of(conn, {second for _first, second in wanted})
    for first, second in sorted(wanted):
        if first not in mine or second not in theirs:
            continue
        node_a, node_b = first, _node(second, story_of)
        if union.root(node_a) == union.root(node_b):
            continue
        day_a, a = mine[first]
        day_b, b = theirs[second]
        if same_story(a, b, day_a, day_b):
            union.join(node_a, node_b)


def _write(conn: sqlite3.Connection, components: Iterable[set[int]]) -> int:
    """Store the groups of the touched files; returns how many files' row changed."""
    changed = 0
    all_ids = sorted({file_id for component in components for file_id in component})
    order: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(all_ids):
        for file_id, day, path in conn.execute(
            f"SELECT id, date, path FROM files WHERE id IN ({_marks(len(chunk))})", list(chunk)
        ):
            order[file_id] = (day, str(path))
    old = {
        file_id: (story, copies, lead)
        for chunk in _chunks(all_ids)
        for file_id, story, copies, lead in conn.execute(
            f"SELECT file_id, story, copies, lead FROM stories WHERE file_id IN ({_marks(len(chunk))})",
            list(chunk),
        )
    }
    rows: list[tuple[int, int, int, int]] = []
    for component in components:
        present = sorted(file_id for file_id in component if file_id in order)
        if len(present) < 2:
            continue
        newest = min(present, key=lambda file_id: (_descending(order[file_id][0]), order[file_id][1]))
        rows.extend((file_id, present[0], len(present), int(file_id == newest)) for file_id in present)
    fresh = {file_id: (story, copies, lead) for file_id, story, copies, lead in rows}
    gone = [file_id for file_id in old if file_id not in fresh]
    changed += len(gone) + sum(1 for file_id, row in fresh.items() if old.get(file_id) != row)
    conn.executemany("DELETE FROM stories WHERE file_id = ?", [(file_id,) for file_id in gone])
    conn.executemany(
        "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?)",
        [(file_id, *row) for file_id, row in fresh.items() if old.get(file_id) != row],
    )
    conn.execute("DELETE FROM stories_dirty")
    conn.execute("UPDATE sketches SET grouped = 1 WHERE grouped = 0")
    return changed


def _descending(text: str) -> tuple[int, ...]:
    """A key that sorts ISO dates newest first (and "" — undated — last), as the list does."""
    return (*(-ord(char) for char in text), 0) if text else (1,)
