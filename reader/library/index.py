"""The library index: a SQLite cache of every article's metadata, text and officials.

Why: listing a 10,000-file folder by reading every file takes seconds, and searching it
without an index takes longer. The index lives in the cache directory (it can always be
rebuilt), one file per library folder, keyed by the folder's resolved path.

A refresh compares a stat-only scan of the folder with the index: new and changed
files are read, removed ones dropped, renamed ones (same inode, size and mtime under a
new name) re-pointed without reading them. It runs in two phases so search is usable
early: (1) metadata and full text, (2) officials, from the stored text. Both commit in
batches, so another connection (the UI, a second reader) sees progress as it happens.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader import locations
from reader.article import ArticleError
from reader.library import freshness, people, search
from reader.library.atomic import set_aside
from reader.library.entries import LibraryEntry, date_key
from reader.library.scan import FileStat, path_from_key, path_key, scan_library
from reader.library.schema import DAY_SHIFT, OVERFLOW_BASE, connect
from reader.loaders import load_article
from reader.textsafety import inert_line

BATCH = 200
"""Files per transaction: small enough that readers see progress, big enough to be fast."""
WRITE_CACHE_KIB = 64 * 1024
"""SQLite page cache during a big refresh; the default 2 MB makes a 100,000-file build thrash."""
TITLE_PARAGRAPH = -1
"""The paragraph index under which an article's title is stored and searched."""


@dataclass(frozen=True, slots=True)
class IndexProgress:
    """Where a refresh is: `phase` is "scan", "text" or "officials"."""

    phase: str
    done: int
    total: int


@dataclass(slots=True)
class RefreshSummary:
    """What a refresh did; `seconds` per phase for `reader index` and the benchmark."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    renamed: int = 0
    unchanged: int = 0
    errors: int = 0
    officials: int = 0
    """Articles whose officials were extracted in this refresh."""
    text_seconds: float = 0.0
    officials_seconds: float = 0.0
    cancelled: bool = False

    @property
    def total(self) -> int:
        return self.added + self.changed + self.renamed + self.unchanged


ProgressCallback = Callable[[IndexProgress], None]


class IndexUnavailable(OSError):
    """The index cannot be opened or written (cache folder unusable, disk full); the file is kept.

    An OSError, so callers that report an unreadable folder in one line report this too.
    """

    def __str__(self) -> str:
        return str(self.strerror)


_KEPT_ERRORS = (
    "SQLITE_FULL",
    "SQLITE_IOERR",
    "SQLITE_READONLY",
    "SQLITE_CANTOPEN",
    "SQLITE_NOMEM",
    "SQLITE_PERM",
)


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """True when `error` says the index file itself is bad (set it aside and rebuild).

    A full disk, an I/O error, a read-only or missing cache folder say nothing about the
    file: setting a healthy index aside for them loses it (and piles up copies), so those
    keep the file. A "locked" file is set aside as before (another process holds it).
    """
    name = getattr(error, "sqlite_errorname", None) or ""
    return not name.startswith(_KEPT_ERRORS)


def _unavailable(error: Exception, path: Path) -> IndexUnavailable:
    """The one-line reason the index at `path` cannot be used, for the CLI and the TUI alike."""
    if isinstance(error, OSError) and not isinstance(error, IndexUnavailable):
        what = error.strerror or error.__class__.__name__
        return IndexUnavailable(errno.EIO, f"the cache folder cannot be used ({what.lower()})")
    full = "; the disk holding the cache is full" if _disk_full(path) else ""
    return IndexUnavailable(
        errno.EIO, f"the library index cannot be updated ({error}{full}); it is kept as it was"
    )


def _disk_full(path: Path) -> bool:
    """True when the filesystem of `path`'s folder has no block left (SQLite often says only
    "disk I/O error" when it cannot create its -wal or -shm file there)."""
    try:
        return os.statvfs(path.parent).f_bavail == 0
    except (OSError, AttributeError):
        return False


def index_path(library: Path) -> Path:
    """Where the index of `library` lives: one file per resolved folder path (its bytes)."""
    key = hashlib.sha256(os.fsencode(library.resolve())).hexdigest()[:16]
    return locations.cache_dir() / "index" / f"{key}.sqlite3"


class LibraryIndex:
    """One open index of one library folder.

    Safe to share between threads (every call takes the index's lock); for work that
    should not wait on the UI's queries, open a second LibraryIndex in the worker —
    WAL mode lets any number of connections read while one writes.
    """

    def __init__(self, library: Path, *, path: Path | None = None, busy_timeout: float = 5.0) -> None:
        self.library = library
        self.path = path or index_path(library)
        self.notice: str | None = None
        """A sentence for the user when the index file had to be set aside and rebuilt."""
        self._lock = threading.RLock()
        self._busy_timeout = busy_timeout
        try:
            self._conn = connect(self.path, busy_timeout)
        except OSError as error:  # the cache folder is read-only, or a path under a file
            raise _unavailable(error, self.path) from error
        except sqlite3.DatabaseError as error:  # includes OperationalError: locked
            if not is_damage(error):
                raise _unavailable(error, self.path) from error
            self._conn = self._replace_file(error)

    def _replace_file(self, error: sqlite3.DatabaseError) -> sqlite3.Connection:
        """Set the file aside (at most one copy kept per reason) and open an empty index."""
        reason = "locked" if "locked" in str(error) else "damaged"
        try:
            aside = set_aside(self.path, reason, keep=1) if self.path.exists() else None
            conn = connect(self.path, self._busy_timeout)
        except (OSError, sqlite3.DatabaseError) as problem:
            raise _unavailable(problem, self.path) from problem
        where = f"; it was set aside as {aside.name}" if aside else ""
        self.notice = f"The library index was {reason} ({error}){where} and is being rebuilt."
        return conn

    def rebuild_after(self, error: sqlite3.DatabaseError) -> str:
        """For a query that found the file damaged after it opened ("malformed"): set the
        file aside, start an empty index (refresh it next) and return the notice to show.

        The one recovery path, for the CLI and the TUI. An error that is not damage (a
        full disk) keeps the file and the connection: the notice says it cannot update.
        """
        with self._lock:
            if not is_damage(error):
                self.notice = str(_unavailable(error, self.path))
                return self.notice
            self._conn.close()
            self._conn = self._replace_file(error)
            return self.notice or ""

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> LibraryIndex:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                # SQLite has already rolled back after some errors (SQLITE_FULL): a second
                # ROLLBACK would raise and hide the error that says why.
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    # -- refresh ----------------------------------------------------------------------------

    def refresh(
        self,
        progress: ProgressCallback | None = None,
        *,
        officials: bool = True,
        cancelled: Callable[[], bool] | None = None,
    ) -> RefreshSummary:
        """Bring the index up to date with the folder: text first, then officials."""
        summary = self.refresh_text(progress, cancelled=cancelled)
        if officials and not summary.cancelled:
            self.refresh_officials(progress, cancelled=cancelled, summary=summary)
        return summary

    def refresh_text(
        self, progress: ProgressCallback | None = None, *, cancelled: Callable[[], bool] | None = None
    ) -> RefreshSummary:
        """Phase 1: metadata and searchable text of every new or changed file."""
        started = time.perf_counter()
        summary = RefreshSummary()
        report = progress or (lambda _p: None)
        stop = cancelled or (lambda: False)
        report(IndexProgress("scan", 0, 0))
        self._forget_stale(freshness.TEXT_KEY, freshness.text_fingerprint(), "UPDATE files SET mtime_ns = -1")
        on_disk = scan_library(self.library)
        with self._lock:
            rows = self._conn.execute("SELECT id, path, size, mtime_ns, inode FROM files").fetchall()
        known = {
            path_from_key(path): (file_id, FileStat(size, mtime, inode))
            for file_id, path, size, mtime, inode in rows
        }

        to_read: list[tuple[str, FileStat, int | None]] = []  # (path, stat, id of the row it replaces)
        for path, stat in on_disk.items():
            old = known.get(path)
            if old is None:
                to_read.append((path, stat, None))
            elif old[1] != stat:
                to_read.append((path, stat, old[0]))
            else:
                summary.unchanged += 1
        gone = {path: old for path, old in known.items() if path not in on_disk}

        # A removed file whose inode, size and mtime reappear under a new name was renamed.
        by_identity = {stat: (path, file_id) for path, (file_id, stat) in gone.items()}
        renames: list[tuple[str, int]] = []
        still_new: list[tuple[str, FileStat, int | None]] = []
        for path, stat, replaces in to_read:
            match = by_identity.pop(stat, None) if replaces is None else None
            if match is not None:
                renames.append((path, match[1]))
                del gone[match[0]]
            else:
                still_new.append((path, stat, replaces))
        to_read = still_new

        with self._transaction() as conn:
            # For people who look into the cache: which folder this file indexes.
            folder = os.fsencode(self.library.resolve()).decode("utf-8", "backslashreplace")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('library', ?)", (folder,))
            for path, file_id in renames:
                conn.execute("UPDATE files SET path = ? WHERE id = ?", (path_key(path), file_id))
            for file_id, _stat in gone.values():
                _delete_file(conn, file_id)
        summary.renamed, summary.removed = len(renames), len(gone)

        total = len(to_read)
        to_read.sort(key=lambda item: item[0])  # names often carry dates: neighbours share pages
        report(IndexProgress("text", 0, total))
        with self._big_cache():
            self._read_batches(to_read, summary, report, stop)
        summary.text_seconds = time.perf_counter() - started
        return summary

    def _forget_stale(self, key: str, fingerprint: str, forget: str) -> None:
        """Mark every row for reading again when the stored readings came from other code.

        `forget` is the UPDATE that marks them (an impossible mtime, officials not done);
        the new fingerprint is stored in the same transaction, so a refresh cancelled
        halfway still finds the rows it did not reach marked.
        """
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        if row is not None and row[0] == fingerprint:
            return
        with self._transaction() as conn:
            if row is not None:
                conn.execute(forget)
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, fingerprint))

    @contextmanager
    def _big_cache(self) -> Iterator[None]:
        """A 64 MB page cache while writing many files (inserts land all over the B-trees), then back."""
        with self._lock:
            self._conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KIB}")
        try:
            yield
        finally:
            with self._lock:
                self._conn.execute("PRAGMA cache_size = -2000")

    def _read_batches(
        self,
        to_read: list[tuple[str, FileStat, int | None]],
        summary: RefreshSummary,
        report: ProgressCallback,
        stop: Callable[[], bool],
    ) -> None:
        total = len(to_read)
        for start in range(0, total, BATCH):
            if stop():
                summary.cancelled = True
                break
            batch = [
                (path, stat, replaces, self._read(path))
                for path, stat, replaces in to_read[start : start + BATCH]
            ]
            with self._transaction() as conn:
                for path, stat, replaces, loaded in batch:
                    if replaces is not None:
                        _delete_file(conn, replaces)
                        summary.changed += 1
                    else:
                        summary.added += 1
                    summary.errors += isinstance(loaded, str)
                    _insert_file(conn, path, stat, loaded)
            report(IndexProgress("text", min(start + BATCH, total), total))

    def _read(self, relative: str):  # -> Article | str (the one-line error)
        path = self.library / relative
        if _links_outside(path, self.library):
            # A link to /etc/passwd dropped in a library must not be read into the index;
            # opening the link by name (`reader LINK`) still reads it: the user asked.
            return inert_line(f"{path}: links to a file outside the library (open it by name to read it)")
        try:
            return load_article(path)
        except ArticleError as error:
            return str(error)

    def refresh_officials(
        self,
        progress: ProgressCallback | None = None,
        *,
        cancelled: Callable[[], bool] | None = None,
        summary: RefreshSummary | None = None,
    ) -> RefreshSummary:
        """Phase 2: officials of every article that has none recorded yet, from the stored text."""
        started = time.perf_counter()
        summary = summary or RefreshSummary()
        report = progress or (lambda _p: None)
        stop = cancelled or (lambda: False)
        self._forget_stale(
            freshness.OFFICIALS_KEY, freshness.officials_fingerprint(), "UPDATE files SET officials_done = 0"
        )
        with self._lock:
            pending = [row[0] for row in self._conn.execute("SELECT id FROM files WHERE officials_done = 0")]
        total = len(pending)
        report(IndexProgress("officials", 0, total))
        for start in range(0, total, BATCH):
            if stop():
                summary.cancelled = True
                break
            ids = pending[start : start + BATCH]
            found = [(file_id, self._officials_of(file_id)) for file_id in ids]
            with self._transaction() as conn:
                for file_id, rows in found:
                    conn.execute("DELETE FROM officials WHERE file_id = ?", (file_id,))
                    conn.executemany("INSERT INTO officials VALUES (?, ?, ?, ?, ?)", rows)
                    conn.execute("UPDATE files SET officials_done = 1 WHERE id = ?", (file_id,))
            summary.officials += len(ids)
            report(IndexProgress("officials", min(start + BATCH, total), total))
        summary.officials_seconds += time.perf_counter() - started
        return summary

    def _officials_of(self, file_id: int) -> list[tuple[int, str, str, int, int]]:
        with self._lock:
            paragraphs = [
                row[0]
                for row in self._conn.execute(
                    "SELECT text FROM paragraphs WHERE file_id = ? AND idx >= 0 ORDER BY idx", (file_id,)
                )
            ]
        from reader.officials.extract import extract_officials  # only the officials phase needs it

        report = extract_officials(paragraphs)
        return [
            (
                file_id,
                official.name,
                json.dumps(official.titles, ensure_ascii=False),
                len(official.mentions),
                official.mentions[0].paragraph if official.mentions else 0,
            )
            for official in report.officials
        ]

    # -- queries ----------------------------------------------------------------------------

    def count(self) -> int:
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM files").fetchone()[0]

    def unreadable(self) -> int:
        """Indexed files that could not be read (their rows carry the one-line error)."""
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM files WHERE error IS NOT NULL").fetchone()[0]

    def pending_officials(self) -> int:
        """Articles whose officials are not extracted yet (phase 2 still to run)."""
        with self._lock:
            return self._conn.execute("SELECT count(*) FROM files WHERE officials_done = 0").fetchone()[0]

    def entries(self) -> list[LibraryEntry]:
        """Every indexed file, newest first (undated last: "" sorts lowest), as the list shows them."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {people.ENTRY_COLUMNS} FROM files ORDER BY date DESC, path"
            ).fetchall()
        return [people.entry_from_row(self.library, row) for row in rows]

    def search(self, query: str, limit: int = search.DEFAULT_LIMIT) -> list[search.SearchHit]:
        """Paragraphs (and titles) containing `query`, newest articles first; see search.py."""
        with self._lock:
            return search.search(self._conn, self.library, query, limit)

    def timeline(self, name: str) -> list[people.Appearance]:
        """Every article naming the official `name`, oldest first, with the posts each gives."""
        with self._lock:
            return people.timeline(self._conn, self.library, name)

    def entries_mentioning(self, name: str) -> list[LibraryEntry]:
        """The library filtered to articles that name the official `name`, newest first."""
        with self._lock:
            return people.entries_mentioning(self._conn, self.library, name)

    def official_names(self, prefix: str = "", limit: int = 100) -> list[tuple[str, int]]:
        """Officials' names (starting with `prefix`) and how many articles name each, commonest first."""
        with self._lock:
            return people.official_names(self._conn, prefix, limit)


def _links_outside(path: Path, library: Path) -> bool:
    """True when `path` (a link, or under a linked folder) leads to a file outside `library`."""
    try:
        target = path.resolve()
        return target.exists() and not target.is_relative_to(library.resolve())
    except (OSError, RuntimeError):  # a loop: the loader reports it
        return False


def _delete_file(conn: sqlite3.Connection, file_id: int) -> None:
    # External-content FTS5 needs the old text to remove its tokens.
    conn.execute(
        "INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) "
        "SELECT 'delete', id, text FROM paragraphs WHERE file_id = ?",
        (file_id,),
    )
    conn.execute("DELETE FROM paragraphs WHERE file_id = ?", (file_id,))
    conn.execute("DELETE FROM officials WHERE file_id = ?", (file_id,))
    conn.execute("DELETE FROM files WHERE id = ?", (file_id,))


def _allocate_ids(conn: sqlite3.Connection, day: int, count: int) -> int:
    """The highest of `count` free paragraph ids in `day`'s block; ids count down from it.

    Paragraph ids encode the article's date (see schema.DAY_SHIFT), so "newest first"
    is descending id order, the order FTS5 and the table scan give for free: a search
    stops after `limit` hits instead of sorting every match. Within an article the
    title gets the highest id, then paragraph 0, 1, … — reading order.
    """
    base = day << DAY_SHIFT
    highest = conn.execute(
        "SELECT max(id) FROM paragraphs WHERE id >= ? AND id < ?", (base, base + (1 << DAY_SHIFT))
    ).fetchone()[0]
    top = (highest if highest is not None else base) + count
    if top >= base + (1 << DAY_SHIFT):  # a day's block is full (4 million paragraphs): use the overflow
        top = max(conn.execute("SELECT max(id) FROM paragraphs").fetchone()[0], OVERFLOW_BASE) + count
    return top


def _insert_file(conn: sqlite3.Connection, path: str, stat: FileStat, loaded: object) -> None:
    # Another process refreshing the same library may have indexed this path meanwhile.
    key = path_key(path)
    for (stale,) in conn.execute("SELECT id FROM files WHERE path = ?", (key,)).fetchall():
        _delete_file(conn, stale)
    if isinstance(loaded, str):
        conn.execute(
            "INSERT INTO files(path, size, mtime_ns, inode, title, error, officials_done) "
            "VALUES (?, ?, ?, ?, ?, ?, 1)",
            (key, stat.size, stat.mtime_ns, stat.inode, inert_line(Path(path).name), loaded),
        )
        return
    article = loaded
    cursor = conn.execute(
        "INSERT INTO files(path, size, mtime_ns, inode, title, date, date_text, outlet, byline, paragraphs) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            key,
            stat.size,
            stat.mtime_ns,
            stat.inode,
            article.title,
            date_key(article),
            article.date_text,
            article.source or "",
            article.byline or "",
            len(article.paragraphs),
        ),
    )
    file_id = cursor.lastrowid
    texts = [(TITLE_PARAGRAPH, article.title), *enumerate(article.paragraphs)]
    top = _allocate_ids(conn, article.published.toordinal() if article.published else 0, len(texts))
    conn.executemany(
        "INSERT INTO paragraphs(id, file_id, idx, text) VALUES (?, ?, ?, ?)",
        [(top - n, file_id, idx, text) for n, (idx, text) in enumerate(texts)],
    )
    conn.execute(
        "INSERT INTO paragraphs_fts(rowid, text) SELECT id, text FROM paragraphs WHERE file_id = ?",
        (file_id,),
    )
