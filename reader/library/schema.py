"""The index's SQLite schema and how a connection to it is opened.

Tables: `files` (one row per article file: stat facts and metadata), `paragraphs`
(the title as paragraph -1, then every body paragraph, so a search hit names the
paragraph to open at; ids encode the date, see index._allocate_ids), `paragraphs_fts`
(an FTS5 trigram index over `paragraphs`, external content so the text is stored once)
and `officials` (per article: name, posts as JSON, mention count). The repost groups'
tables (`sketches`, `sketch_keys`, `stories`) are reposts.py's, added to older files too.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

SCHEMA_VERSION = "2"
DAY_SHIFT = 22
"""A paragraph's id is (day ordinal << DAY_SHIFT) + a counter: ids sort by publication day."""
OVERFLOW_BASE = 1 << 60
"""Ids past every day's block, for the (theoretical) day with more than 4 million paragraphs."""

ErrorKind = Literal["locked", "damaged", "other"]
"""What a database error says about the index file (see `classify_error`)."""

_LOCKED_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED
_OTHER_CODES = frozenset({3, 7, 8, 9, 10, 13, 14, 15, 23})
"""SQLITE_PERM, NOMEM, READONLY, INTERRUPT, IOERR, FULL, CANTOPEN, PROTOCOL, AUTH: the
machine, not the file, is at fault."""

_CODES_BY_NAME = {"BUSY": 5, "LOCKED": 6, "PERM": 3, "NOMEM": 7, "READONLY": 8, "INTERRUPT": 9}
_CODES_BY_NAME |= {"IOERR": 10, "FULL": 13, "CANTOPEN": 14, "PROTOCOL": 15, "AUTH": 23}

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    title TEXT NOT NULL,
    date TEXT NOT NULL DEFAULT '',
    date_text TEXT NOT NULL DEFAULT '',
    outlet TEXT NOT NULL DEFAULT '',
    byline TEXT NOT NULL DEFAULT '',
    paragraphs INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    officials_done INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS files_by_date ON files(date DESC, path);
CREATE INDEX IF NOT EXISTS files_pending ON files(officials_done) WHERE officials_done = 0;
CREATE TABLE IF NOT EXISTS paragraphs(
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS paragraphs_by_file ON paragraphs(file_id, idx);
CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='id', tokenize='trigram'
);
CREATE TABLE IF NOT EXISTS officials(
    file_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    titles TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    first_paragraph INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS officials_by_name ON officials(name);
CREATE INDEX IF NOT EXISTS officials_by_file ON officials(file_id);
"""


def connect(path: Path, busy_timeout: float) -> sqlite3.Connection:
    """Open (creating if needed) the index at `path`, in WAL mode, and check it is one.

    Raises sqlite3.DatabaseError when the file is not a usable database (garbage, a
    foreign schema) and sqlite3.OperationalError "locked" when another process holds
    it past `busy_timeout`; the caller sets the file aside in both cases.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # check_same_thread=False: LibraryIndex serialises every use with its own lock, so a
    # UI can query from a worker thread the index it opened on the main one.
    with _opening(path, busy_timeout):
        return _connected(path, busy_timeout)


def _connected(path: Path, busy_timeout: float) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=busy_timeout, check_same_thread=False, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        version = _schema_version(conn)
        if version not in (None, SCHEMA_VERSION):
            raise sqlite3.DatabaseError(f"index schema {version}, expected {SCHEMA_VERSION}")
        if version is None:
            conn.execute("BEGIN IMMEDIATE")
            _create(conn)
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
            conn.execute("COMMIT")
        from reader.library.reposts import ensure_schema  # tables added since schema 2

        ensure_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def _opening(path: Path, busy_timeout: float) -> Iterator[None]:
    """Hold `<index>.lock` while a connection switches the file to WAL and checks its schema.

    Two processes opening a new index at once race on the switch to WAL, and the loser
    gets "locking protocol" or "disk I/O error": transient, but not waited out by
    SQLite's busy handler. An advisory lock beside the index file (in the cache folder,
    never the library's) makes them take turns; where there is no fcntl, or the lock
    cannot be had within `busy_timeout`, the connection goes ahead as before.
    """
    try:
        import fcntl
    except ImportError:
        yield
        return
    try:
        handle = open(path.with_name(path.name + ".lock"), "a+b")  # noqa: SIM115 - held across the yield
    except OSError:
        yield
        return
    with handle:
        deadline = time.monotonic() + busy_timeout
        locked = False
        while not locked:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                locked = True
            except OSError:
                if time.monotonic() > deadline:
                    break
                time.sleep(0.01)
        try:
            yield
        finally:
            if locked:
                fcntl.flock(handle, fcntl.LOCK_UN)


def _create(conn: sqlite3.Connection) -> None:
    # executescript() would commit the open transaction; run statement by statement.
    for statement in SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def _schema_version(conn: sqlite3.Connection) -> str | None:
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone()
    if not has_meta:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise sqlite3.DatabaseError("not a reader index")
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return row[0] if row else None


def classify_error(error: sqlite3.Error) -> ErrorKind:
    """The one place that decides what a database error means for the index file.

    - "locked": another connection holds the file (busy, locked): it is healthy;
    - "other": the file cannot be used now for a reason outside it (disk full, read-only
      or unreadable folder, I/O error): setting it aside would not help;
    - "damaged": anything else — corrupt, not a database, a foreign schema, an error
      raised by reader itself — so the index is set aside and rebuilt (it is a cache).

    SQLite's result code decides where there is one (Python 3.11 sets it on errors from
    SQLite); an error made by hand (reader's own, or a test's) is judged by its text.
    """
    code: int | None = getattr(error, "sqlite_errorcode", None)
    name: str = getattr(error, "sqlite_errorname", None) or ""
    if code is None and name:  # an error given only SQLite's name (tests do)
        code = _CODES_BY_NAME.get(name.split("_", 2)[1] if name.count("_") else name)
    if code is not None:
        primary = code & 0xFF  # extended codes keep the primary code in the low byte
        if primary in _LOCKED_CODES:
            return "locked"
        return "other" if primary in _OTHER_CODES else "damaged"
    text = str(error).lower()
    return "locked" if "locked" in text or "busy" in text else "damaged"
