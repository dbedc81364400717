"""The few rows of a library the first frame shows, read from the last index in a millisecond.

Why a module of its own: the whole list of a big library (100,000 entries) takes the
index and a worker hundreds of milliseconds to build, and the first frame should not
wait for it. What the first frame needs is a screen of rows — from the newest article
(a new user's start), or from the article being reopened — and how many rows there are
in all. Both are range reads of the `files_by_date` index. Only `sqlite3` is imported
here, not the indexer: the file is opened read-write without being created, so a
library never indexed costs nothing and its first rows come from the refresh instead.

A library never indexed has no head: `first_files` reads its first files in path order
(the order the index reads them), so its first frame has rows and an article too.

Any problem (no index yet, a damaged or busy file, a foreign schema) answers None: the
library worker opens the index properly after the first frame and reports it there.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader import locations
from reader.library.entries import LibraryEntry

if TYPE_CHECKING:
    import sqlite3

HEAD_ROWS = 120
"""Rows read for the first frame: more than any terminal shows at once."""
FIRST_FILES = 40
"""Files read for the first frame of a library never indexed: about a screen of rows."""
FIRST_FILES_SECONDS = 0.1
"""…or fewer, if reading them takes longer than this (huge pages): the rest come from the index."""


def index_path(library: Path) -> Path:
    """Where the index of `library` lives: one file per resolved folder path (its bytes)."""
    key = hashlib.sha256(os.fsencode(library.resolve())).hexdigest()[:16]
    return locations.cache_dir() / "index" / f"{key}.sqlite3"


@dataclass(frozen=True, slots=True)
class Head:
    """A window of the list, newest first, of `total` rows: from the top, or from the
    article being reopened (`from_top` false; its row number is not counted: the whole
    list, when it arrives, says where it is)."""

    rows: list[LibraryEntry]
    from_top: bool
    total: int

    def newest_readable(self) -> LibraryEntry | None:
        """The newest article that can be opened (when the window starts the list)."""
        if not self.from_top:
            return None
        return next((entry for entry in self.rows if entry.error is None), None)


def read_head(library: Path, around: Path | None = None, count: int = HEAD_ROWS) -> Head | None:
    """The rows from `around` (the article being reopened) or from the newest one, and the
    total; None when there is no usable index (the worker builds or reports it)."""
    path = index_path(library)
    if not path.is_file():
        return None  # never indexed: not even sqlite3 is imported (a cold start's first frame waits for it)
    import sqlite3

    try:
        uri = path.resolve().as_uri() + "?mode=rw"
        conn = sqlite3.connect(uri, uri=True, timeout=0.05, check_same_thread=False)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        return _read(conn, library, around, count)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _read(conn: sqlite3.Connection, library: Path, around: Path | None, count: int) -> Head | None:
    from reader.library.people import ENTRY_COLUMNS, ENTRY_FROM, LISTED, entries_from_rows

    # The count the last refresh stored; counting 100,000 rows would take 10 ms.
    stored = conn.execute("SELECT value FROM meta WHERE key = 'files'").fetchone()
    total = int(stored[0]) if stored else int(conn.execute("SELECT count(*) FROM files").fetchone()[0])
    if total == 0:
        return None
    place = _place_of(conn, library, around) if around is not None else None
    if place is None:
        rows = conn.execute(
            f"SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE {LISTED} ORDER BY date DESC, path LIMIT ?",
            (count,),
        )
        return Head(entries_from_rows(library, rows), True, total)
    # From the article on, by ranges of the (date DESC, path) index: no row is skipped over.
    date, key = place
    same_day = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE date = ? AND path >= ? AND {LISTED} "
        "ORDER BY path LIMIT ?",
        (date, key, count),
    ).fetchall()
    older = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM {ENTRY_FROM} WHERE date < ? AND {LISTED} "
        "ORDER BY date DESC, path LIMIT ?",
        (date, count - len(same_day)),
    ).fetchall()
    return Head(entries_from_rows(library, [*same_day, *older]), False, total)


def _place_of(conn: sqlite3.Connection, library: Path, article: Path) -> tuple[str, str | bytes] | None:
    """The sort key (date, path key) of `article` in the index (None if it is not indexed)."""
    from reader.library.scan import path_key

    try:
        relative = article.resolve().relative_to(library.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return None
    key = path_key(relative)
    found = conn.execute("SELECT date FROM files WHERE path = ?", (key,)).fetchone()
    return (found[0], key) if found is not None else None


def first_files(
    library: Path, count: int = FIRST_FILES, seconds: float = FIRST_FILES_SECONDS
) -> list[LibraryEntry]:
    """The first `count` article files of `library` in path order, read as the index reads
    them (a file that fails keeps its row with its error); stops early after `seconds`.
    An unreadable folder gives []: the library worker reports it."""
    import time

    from reader.library.entries import date_key
    from reader.library.records import LoadFailure, read_file

    started = time.perf_counter()
    entries: list[LibraryEntry] = []
    for relative in _first_paths(library, count):
        loaded = read_file(library, relative)
        path = library / relative
        if isinstance(loaded, LoadFailure):
            entries.append(LibraryEntry(path, path.name, error=loaded.message))
        else:
            entries.append(
                LibraryEntry(
                    path,
                    loaded.title,
                    loaded.date_text,
                    loaded.source or "",
                    byline=loaded.byline or "",
                    paragraphs=len(loaded.paragraphs),
                    date_key=date_key(loaded),
                )
            )
        if time.perf_counter() - started > seconds:
            break
    return entries


def _first_paths(library: Path, count: int) -> list[str]:
    """Up to `count` article paths relative to `library`, sorted, walking folders in order
    (no folder past the ones needed is listed)."""
    from reader.loaders import ARTICLE_SUFFIXES

    found: list[str] = []

    def walk(folder: Path, prefix: str) -> None:
        try:
            with os.scandir(folder) as listing:
                items = sorted(listing, key=lambda item: item.name)
        except OSError:
            return
        for item in items:
            if len(found) >= count:
                return
            if item.name.startswith("."):
                continue
            try:
                if item.is_dir(follow_symlinks=False):
                    walk(Path(item.path), f"{prefix}{item.name}/")
                elif item.name.lower().endswith(ARTICLE_SUFFIXES):
                    found.append(prefix + item.name)
            except OSError:
                continue

    walk(library, "")
    return sorted(found)
