"""The library index: a SQLite cache of every article's metadata, text and officials.

Why: listing a 10,000-file folder by reading every file takes seconds, and searching it
without an index takes longer. The index lives in the cache directory (it can always be
rebuilt), one file per library folder, keyed by the folder's resolved path.

A refresh compares a stat-only scan of the folder with the index (`plan.plan_refresh`):
new and changed files are read, removed ones dropped, renamed ones re-pointed without
reading them. It runs in three phases so search is usable early: (1) metadata and full
text, (2) the repost groups (reposts.py: new articles sketched and paired), (3) officials,
from the stored text, by the extractor the index was given. All commit in batches, so
another connection (the UI, a second reader) sees progress as it happens. What a file
becomes in the index is `records`; how SQLite errors are judged is `schema.classify_error`.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.files import set_aside
from reader.library import freshness, reposts, search
from reader.library.head import index_path as index_path
from reader.library.plan import KnownFile, ToRead, plan_refresh
from reader.library.progress import (
    Cancelled,
    IndexProgress,
    ProgressCallback,
    RefreshSummary,
    never_cancelled,
    no_progress,
)
from reader.library.scan import FileStat, path_from_key, path_key, scan_library
from reader.library.schema import ErrorKind, classify_error, connect

if TYPE_CHECKING:
    from reader.library import people
    from reader.library.entries import LibraryEntry
    from reader.library.records import Extract

# `records` (what a file becomes in the index, with the officials' model) and `people` (the
# list's rows) are imported where they are used: a refresh that finds nothing to do, the
# one `reader people` and `reader search` run first, needs neither.

BATCH = 200
"""Files per transaction: small enough that readers see progress, big enough to be fast."""
FIRST_BATCH = 40
"""Files in the first text batch: about a screen of the list."""
WRITE_CACHE_KIB = 64 * 1024
"""SQLite page cache during a big refresh; the default 2 MB makes a 100,000-file build thrash."""


class IndexUnavailable(OSError):
    """The index cannot be opened or written (cache folder unusable, disk full); the file is kept.

    An OSError, so callers that report an unreadable folder in one line report this too.
    """

    def __str__(self) -> str:
        return str(self.strerror)


def is_damage(error: sqlite3.DatabaseError) -> bool:
    """True when `error` says the index file itself is bad (set it aside and rebuild).

    A full disk, an I/O error, a read-only or missing cache folder say nothing about the
    file: setting a healthy index aside for them loses it (and piles up copies), so those
    keep the file. A "locked" file is set aside as before (another process holds it).
    """
    return classify_error(error) != "other"


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


class LibraryIndex:
    """One open index of one library folder.

    Safe to share between threads (every call takes the index's lock); for work that
    should not wait on the UI's queries, open a second LibraryIndex in the worker —
    WAL mode lets any number of connections read while one writes. `extract` finds an
    article's officials in the officials phase (None: reader's rules, loaded then).
    """

    def __init__(
        self,
        library: Path,
        *,
        path: Path | None = None,
        busy_timeout: float = 5.0,
        extract: Extract | None = None,
    ) -> None:
        self.library = library
        self.path = path or index_path(library)
        self.notice: str | None = None
        """A sentence for the user when the index file had to be set aside and rebuilt."""
        self._extract = extract
        """None: reader's rules (`records.default_extract`), loaded by the officials phase."""
        self._lock = threading.RLock()
        self._busy_timeout = busy_timeout
        try:
            self._conn = connect(self.path, busy_timeout)
        except OSError as error:  # the cache folder is read-only, or a path under a file
            raise _unavailable(error, self.path) from error
        except sqlite3.DatabaseError as error:  # includes OperationalError: locked
            kind = classify_error(error)
            if kind == "other":  # a full disk or an unusable folder: a new file would fail the same way
                raise _unavailable(error, self.path) from error
            self._conn = self._replace_file(error, kind)

    def _replace_file(self, error: sqlite3.DatabaseError, kind: ErrorKind) -> sqlite3.Connection:
        """Set the file aside (at most one copy kept per reason) and open an empty index."""
        reason = "locked" if kind == "locked" else "damaged"
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
            self._conn = self._replace_file(error, classify_error(error))
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

    def _count(self, sql: str) -> int:
        with self._lock:
            count: int = self._conn.execute(sql).fetchone()[0]
        return count

    # -- refresh ----------------------------------------------------------------------------

    def refresh(
        self,
        progress: ProgressCallback | None = None,
        *,
        officials: bool = True,
        cancelled: Cancelled | None = None,
    ) -> RefreshSummary:
        """Bring the index up to date with the folder: text first, then officials."""
        summary = self.refresh_text(progress, cancelled=cancelled)
        if not summary.cancelled:
            self.refresh_reposts(progress, cancelled=cancelled, summary=summary)
        if officials and not summary.cancelled:
            self.refresh_officials(progress, cancelled=cancelled, summary=summary)
        return summary

    def refresh_text(
        self, progress: ProgressCallback | None = None, *, cancelled: Cancelled | None = None
    ) -> RefreshSummary:
        """Phase 1: metadata and searchable text of every new or changed file."""
        started = time.perf_counter()
        summary = RefreshSummary()
        report = progress or no_progress
        report(IndexProgress("scan", 0, 0))
        self._forget_stale(freshness.TEXT_KEY, freshness.text_fingerprint(), "UPDATE files SET mtime_ns = -1")
        on_disk = scan_library(self.library)
        with self._lock:  # a row at a time: 100,000 rows are not held twice
            rows = self._conn.execute("SELECT id, path, size, mtime_ns, inode FROM files")
            known: dict[str, KnownFile] = {
                path_from_key(path): (file_id, FileStat(size, mtime, inode))
                for file_id, path, size, mtime, inode in rows
            }
        plan = plan_refresh(known, on_disk)
        # For people who look into the cache: which folder this file indexes.
        folder = os.fsencode(self.library.resolve()).decode("utf-8", "backslashreplace")
        # A refresh that finds nothing to do writes nothing: no transaction to commit, no
        # WAL to check-point and sync when the connection closes (`reader people` runs one).
        changed = bool(plan.renamed or plan.removed or plan.to_read)
        if changed or self._meta("library") != folder:
            from reader.library.records import delete_file

            with self._transaction() as conn:
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('library', ?)", (folder,))
                for path, file_id in plan.renamed:
                    conn.execute("UPDATE files SET path = ? WHERE id = ?", (path_key(path), file_id))
                for file_id in plan.removed:
                    delete_file(conn, file_id)
        summary.unchanged = plan.unchanged
        summary.renamed, summary.removed = len(plan.renamed), len(plan.removed)
        report(IndexProgress("text", 0, len(plan.to_read)))
        if plan.to_read:
            with self._big_cache():
                self._read_batches(plan.to_read, summary, report, cancelled or never_cancelled)
        if changed or self._meta("files") != str(len(known)):
            self._count_listed()
        summary.text_seconds = time.perf_counter() - started
        return summary

    def _count_listed(self) -> None:
        """The rows the list shows, for the first frame's head (reader.library.head)."""
        with self._transaction() as conn:
            conn.execute(f"INSERT OR REPLACE INTO meta SELECT 'files', ({reposts.LISTED_COUNT})")

    def refresh_reposts(
        self,
        progress: ProgressCallback | None = None,
        *,
        cancelled: Cancelled | None = None,
        summary: RefreshSummary | None = None,
    ) -> RefreshSummary:
        """Phase 2: sketch every new or changed article, then group the copies of one story
        (incrementally: reposts.py). Nothing to do costs a few reads and writes nothing."""
        started = time.perf_counter()
        summary = summary or RefreshSummary()
        report, stop = progress or no_progress, cancelled or never_cancelled
        with self._big_cache():  # the grouping writes keys all over their B-tree, too
            reposts.refresh(self._conn, self._lock, self._transaction, report, stop, summary)
        if summary.regrouped:
            self._count_listed()
        summary.reposts_seconds += time.perf_counter() - started
        return summary

    def _meta(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

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
        self, to_read: list[ToRead], summary: RefreshSummary, report: ProgressCallback, stop: Cancelled
    ) -> None:
        from reader.library.records import LoadFailure, delete_file, insert_file, read_file

        total = len(to_read)
        # The first batch is a screen of files: a library indexed for the first time shows
        # its first rows (and an article) after those, not after BATCH files.
        starts = [0, *range(min(FIRST_BATCH, BATCH), total, BATCH)]
        for start, end in zip(starts, [*starts[1:], total], strict=True):
            if start == total:
                break  # nothing to read
            if stop():
                summary.cancelled = True
                break
            batch = [(item, read_file(self.library, item.path)) for item in to_read[start:end]]
            with self._transaction() as conn:
                for item, loaded in batch:
                    if item.replaces is not None:
                        delete_file(conn, item.replaces)
                        summary.changed += 1
                    else:
                        summary.added += 1
                    summary.errors += isinstance(loaded, LoadFailure)
                    insert_file(conn, item.path, item.stat, loaded)
            report(IndexProgress("text", end, total))

    def refresh_officials(
        self,
        progress: ProgressCallback | None = None,
        *,
        cancelled: Cancelled | None = None,
        summary: RefreshSummary | None = None,
    ) -> RefreshSummary:
        """Phase 3: officials of every article that has none recorded yet, from the stored text."""
        started = time.perf_counter()
        summary = summary or RefreshSummary()
        report = progress or no_progress
        stop = cancelled or never_cancelled
        self._forget_stale(
            freshness.OFFICIALS_KEY, freshness.officials_fingerprint(), "UPDATE files SET officials_done = 0"
        )
        with self._lock:
            pending = [row[0] for row in self._conn.execute("SELECT id FROM files WHERE officials_done = 0")]
        total = len(pending)
        report(IndexProgress("officials", 0, total))
        if not pending:
            summary.officials_seconds += time.perf_counter() - started
            return summary
        from reader.library.records import default_extract, official_rows

        extract = self._extract or default_extract
        for start in range(0, total, BATCH):
            if stop():
                summary.cancelled = True
                break
            ids = pending[start : start + BATCH]
            found = [official_rows(file_id, extract(*self._text_of(file_id))) for file_id in ids]
            with self._transaction() as conn:
                for file_id, rows in zip(ids, found, strict=True):
                    conn.execute("DELETE FROM officials WHERE file_id = ?", (file_id,))
                    conn.executemany("INSERT INTO officials VALUES (?, ?, ?, ?, ?)", rows)
                    conn.execute("UPDATE files SET officials_done = 1 WHERE id = ?", (file_id,))
            summary.officials += len(ids)
            report(IndexProgress("officials", min(start + BATCH, total), total))
        summary.officials_seconds += time.perf_counter() - started
        return summary

    def _text_of(self, file_id: int) -> tuple[list[str], str | None]:
        """An article's stored body paragraphs and its headline (None when it has none)."""
        from reader.library.records import TITLE_PARAGRAPH

        with self._lock:
            rows = self._conn.execute(
                "SELECT idx, text FROM paragraphs WHERE file_id = ? AND idx >= ? ORDER BY idx",
                (file_id, TITLE_PARAGRAPH),
            ).fetchall()
        title = next((text for idx, text in rows if idx == TITLE_PARAGRAPH), None)
        return [text for idx, text in rows if idx >= 0], title

    # -- queries ----------------------------------------------------------------------------

    def count(self) -> int:
        return self._count("SELECT count(*) FROM files")

    def unreadable(self) -> int:
        """Indexed files that could not be read (their rows carry the one-line error)."""
        return self._count("SELECT count(*) FROM files WHERE error IS NOT NULL")

    def pending_officials(self) -> int:
        """Articles whose officials are not extracted yet (phase 2 still to run)."""
        return self._count("SELECT count(*) FROM files WHERE officials_done = 0")

    def entries(self) -> list[LibraryEntry]:
        """Every indexed file, newest first (undated last: "" sorts lowest), as the list shows them:
        a story printed by several files is one entry, its newest copy's, with `copies`."""
        from reader.library import people

        with self._lock:
            rows = self._conn.execute(
                f"SELECT {people.ENTRY_COLUMNS} FROM {people.ENTRY_FROM} WHERE {people.LISTED} "
                "ORDER BY date DESC, path"
            )
            return people.entries_from_rows(self.library, rows)

    def copies(self, path: Path) -> list[LibraryEntry]:
        """Every copy of the story `path` prints (it among them), newest first; [] when the
        article has no copy (or is not indexed)."""
        from reader.library import people

        try:  # an entry's path is spelt from the library as given; another may be resolved
            relative = (
                path.relative_to(self.library)
                if path.is_relative_to(self.library)
                else path.resolve().relative_to(self.library.resolve())
            ).as_posix()
        except (ValueError, OSError, RuntimeError):
            return []
        with self._lock:
            return people.copies_of(self._conn, self.library, path_key(relative))

    def search(self, query: str, limit: int = search.DEFAULT_LIMIT) -> list[search.SearchHit]:
        """Paragraphs (and titles) containing `query`, newest articles first; see search.py."""
        with self._lock:
            return search.search(self._conn, self.library, query, limit)

    def timeline(self, name: str) -> list[people.Appearance]:
        """Every article naming the official `name`, oldest first, with the posts each gives."""
        from reader.library import people

        with self._lock:
            return people.timeline(self._conn, self.library, name)

    def entries_mentioning(self, name: str) -> list[LibraryEntry]:
        """The library filtered to articles that name the official `name`, newest first."""
        from reader.library import people

        with self._lock:
            return people.entries_mentioning(self._conn, self.library, name)
