"""The app's handle on one library: its index, the reading state, and what went wrong.

Why a class between the app and the core: the app should need a few lines per
feature, not know about SQLite connections, damaged files, threads or how often the
state file may be written. LibrarySession owns

- a UI-side `LibraryIndex` for the instant queries (the list from the last index,
  search, an official's timeline, the filter by official). Any of them that finds the
  file damaged sets it aside through `rebuild_after`, records the notice and answers
  empty — or, for search, raises a one-line error the search screen shows — and the
  next refresh rebuilds the index; `schema.classify_error` decides what an error means;
- `refresh()`, meant for a thread worker: it opens its own connection (WAL lets the
  UI keep reading while it writes), runs the text phase, then the repost groups (the
  list is handed over again when they change it), then the officials phase,
  and reports each `IndexProgress` to a callback, honouring cancellation;
- the `ReadingState`: positions are remembered on every cursor move but written at
  most every SAVE_INTERVAL seconds (a held-down `j` must not write a file per
  paragraph), on `save_if_due()` from a timer, and on `close()`;
- `notices`: every sentence the user should see (damaged index, damaged or unwritable
  state); `take_notices()` hands over the ones not shown yet.

No Textual here: it is tested without an app, and the app calls it from the UI
thread, except `refresh` (a worker) and `search` (the search screen's worker). Both
are safe there: the index serialises its connection with a lock and the refresh uses
a connection of its own.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reader.library.entries import LibraryEntry
from reader.library.progress import (
    Cancelled,
    IndexProgress,
    ProgressCallback,
    RefreshSummary,
    never_cancelled,
    no_progress,
)
from reader.library.state import ReadingState

if TYPE_CHECKING:
    import sqlite3

    from reader.library.index import LibraryIndex
    from reader.library.people import Appearance
    from reader.library.records import Extract
    from reader.library.search import SearchHit

SAVE_INTERVAL = 2.0
"""Seconds between two writes of the reading state while the user reads."""
ENTRIES_INTERVAL = 1.0
"""While a cold library is being indexed, hand the list a fresh snapshot at most this often."""
REFRESH_ATTEMPTS = 2
"""A refresh that finds the index damaged rebuilds it once; a second failure is reported."""

EntriesCallback = Callable[[list[LibraryEntry]], None]

T = TypeVar("T")


class IndexDamaged(RuntimeError):
    """A query found the index unusable; the message says why (and whether it is being rebuilt)."""


class LibrarySession:
    """One library opened by the app: index queries, background refresh, reading state, notices."""

    def __init__(
        self,
        library: Path,
        *,
        index_file: Path | None = None,
        state_file: Path | None = None,
        save_interval: float = SAVE_INTERVAL,
        clock: Callable[[], float] = time.monotonic,
        open_index: bool = True,
        extract: Extract | None = None,
    ) -> None:
        """Open the state and the index (creating an empty one if needed); nothing is scanned here.

        `open_index=False` leaves the index (and the import of SQLite and the indexer
        behind it, ~20 ms) until its first use: the app opens an article before its first
        frame, which needs only the reading state, and the first index query comes from
        the library worker after that frame. A damaged index is then reported by that
        first use (a notice, as here), not by the constructor. `extract` finds the
        officials of each article the refresh reads (None: reader's rules).
        """
        self.library = library
        self.notices: list[str] = []
        """Every notice so far, oldest first (the app shows them; see take_notices)."""
        self._shown = 0
        self._notice_lock = threading.Lock()
        self._clock = clock
        self._save_interval = save_interval
        self._extract = extract
        self.state = ReadingState.load(state_file)
        if self.state.notice:
            self._notice(self.state.notice)
        self._index_file = index_file
        self._index_lock = threading.Lock()
        """Guards opening and swapping `_index` (a rebuild, a reopen) against a worker using it."""
        self._index_or_none: LibraryIndex | None = None
        if open_index:
            self._open_index()
        self._generation = 0
        """Counts replacements of the index file: a refresh that raced one runs again."""
        self._last_save = clock()
        self._save_failed = False
        self._closed = False

    def _open_index(self) -> LibraryIndex:
        from reader.library.index import LibraryIndex

        index = self._index_or_none = LibraryIndex(self.library, path=self._index_file, extract=self._extract)
        if index.notice:
            self._notice(index.notice)
        return index

    @property
    def _index(self) -> LibraryIndex:
        """The UI-side index, opened on first use when the constructor was told to wait."""
        index = self._index_or_none
        if index is None:
            with self._index_lock:
                index = self._index_or_none or self._open_index()
        return index

    # -- notices ------------------------------------------------------------------------------

    def _notice(self, text: str) -> None:
        with self._notice_lock:
            if text not in self.notices[self._shown :]:
                self.notices.append(text)

    def take_notices(self) -> list[str]:
        """The notices not handed over yet (call it on mount and after each refresh)."""
        with self._notice_lock:
            fresh = self.notices[self._shown :]
            self._shown = len(self.notices)
            return fresh

    # -- index queries (instant: they read the last index, never the folder) ---------------

    @property
    def index_file(self) -> Path:
        return self._index.path

    def _query(self, run: Callable[[LibraryIndex], T], empty: T) -> T:
        """Run a query; a file it finds unusable is dealt with (with a notice) and the answer is `empty`."""
        import sqlite3  # here, not at the top: loaded with the index, after the first frame

        from reader.library.index import IndexUnavailable

        try:
            index = self._index
            return run(index)
        except IndexUnavailable as error:  # the cache folder is unusable: no index this session
            self._notice(f"No library index: {error}; the list and library search are unavailable.")
            return empty
        except sqlite3.DatabaseError as error:
            self._fail(index, error)
            return empty

    def _fail(self, index: LibraryIndex, error: sqlite3.DatabaseError) -> str:
        """What an error found by a query means: the file is left alone when the machine is at
        fault, else set aside and rebuilt. Returns the notice (also recorded)."""
        from reader.library.schema import classify_error

        if classify_error(error) == "other":
            notice = f"The library index cannot be read now ({error}); the list may be out of date."
            self._notice(notice)
            return notice
        return self._rebuild(index, error)

    def _rebuild(self, index: LibraryIndex, error: sqlite3.DatabaseError) -> str:
        with self._index_lock:
            current = self._index_or_none  # not the property: it takes this lock to open one
            if index is not current:  # another thread already replaced it
                return (current.notice if current is not None else None) or ""
            notice = index.rebuild_after(error)
            self._generation += 1
        self._notice(notice)
        return notice

    def entries(self) -> list[LibraryEntry]:
        """Every article of the last index, newest first; [] before the first refresh."""
        return self._query(lambda index: index.entries(), [])

    def search(self, query: str) -> list[SearchHit]:
        """Hits for `query` across the library. Raises IndexDamaged (after dealing with the
        file) so the search screen says why there is no answer instead of "No match"."""
        import sqlite3

        index = self._index
        try:
            return index.search(query)
        except sqlite3.DatabaseError as error:
            raise IndexDamaged(self._fail(index, error)) from None

    def copies(self, path: Path) -> list[LibraryEntry]:
        """Every copy of the story `path` prints, newest first; [] when it has no other copy."""
        return self._query(lambda index: index.copies(path), [])

    def timeline(self, name: str) -> list[Appearance]:
        """Every article naming the official `name`, oldest first (for OfficialTimelineScreen)."""
        return self._query(lambda index: index.timeline(name), [])

    def entries_mentioning(self, name: str) -> list[LibraryEntry]:
        """The library filtered to the articles that name the official `name`, newest first."""
        return self._query(lambda index: index.entries_mentioning(name), [])

    def pending_officials(self) -> int:
        """Articles whose officials are not indexed yet (a timeline may still grow)."""
        return self._query(lambda index: index.pending_officials(), 0)

    # -- refresh (in a thread worker) -----------------------------------------------------

    def refresh(
        self,
        progress: ProgressCallback | None = None,
        cancelled: Cancelled | None = None,
        on_entries: EntriesCallback | None = None,
    ) -> RefreshSummary:
        """Bring the index up to date with the folder: text first (search works after it),
        then officials. Run it in a thread worker; it blocks for as long as the work takes.

        `progress(step)` follows every batch. `cancelled()` is asked between batches; a
        cancelled refresh keeps what it committed and the next one resumes.
        `on_entries(entries)` gets the list whenever the text phase changed it: during a
        cold build at most every ENTRIES_INTERVAL seconds, so the list fills as it goes,
        and once at the end of the phase. All three are called from the worker thread
        (the app wraps them in `call_from_thread`).

        A damaged index is set aside and rebuilt (one notice); a locked one, or one the
        machine cannot write now, is left alone (one notice); an unreadable folder raises
        OSError for the app to report in one line.
        """
        import sqlite3

        from reader.library.index import IndexUnavailable
        from reader.library.schema import classify_error

        report = progress or no_progress
        stop = cancelled or never_cancelled
        summary = RefreshSummary()
        for attempt in range(REFRESH_ATTEMPTS):
            generation = self._generation
            try:
                summary = self._refresh_once(report, stop, on_entries)
            except IndexUnavailable as error:  # cache folder unusable or disk full: the file is kept
                self._notice(f"The library index cannot be updated: {error}.")
                break
            except sqlite3.DatabaseError as error:
                kind = classify_error(error)
                if kind == "locked":
                    # Another reader is writing the index: it is healthy, so leave it alone.
                    self._notice(f"The library index is busy ({error}); the list may be out of date.")
                    break
                if kind == "other":
                    self._notice(f"The library index cannot be written now ({error}); the list may be stale.")
                    break
                self._rebuild(self._index, error)
                if attempt + 1 == REFRESH_ATTEMPTS:
                    self._notice(f"The library index could not be rebuilt: {error}")
                continue
            if summary.cancelled or generation == self._generation:
                break
            # The UI's index was replaced while we wrote: we may have written to the old file.
        return summary

    def _refresh_once(
        self, report: ProgressCallback, stop: Cancelled, on_entries: EntriesCallback | None
    ) -> RefreshSummary:
        from reader.library.index import LibraryIndex

        with LibraryIndex(self.library, path=self._index.path, extract=self._extract) as worker:
            if worker.notice:  # damaged when the worker opened it: the worker set it aside
                self._notice(worker.notice)
                self._reopen()
            last_list: float | None = None
            listed_empty = worker.count() == 0

            def forward(step: IndexProgress) -> None:
                nonlocal last_list
                report(step)
                # A cold build: show the articles indexed so far rather than an empty list,
                # the first batch at once (a screen of rows), then at most every ENTRIES_INTERVAL.
                if on_entries and listed_empty and step.phase == "text" and 0 < step.done < step.total:
                    now = self._clock()
                    if last_list is None or now - last_list >= ENTRIES_INTERVAL:
                        last_list = now
                        on_entries(worker.entries())

            summary = worker.refresh_text(forward, cancelled=stop)
            if on_entries and summary.changed_list:
                on_entries(worker.entries())
            if not summary.cancelled:  # the list is shown already: grouping never delays it
                worker.refresh_reposts(forward, cancelled=stop, summary=summary)
                if on_entries and summary.regrouped:
                    on_entries(worker.entries())  # one row per story now
            if not summary.cancelled:
                worker.refresh_officials(forward, cancelled=stop, summary=summary)
        return summary

    def _reopen(self) -> None:
        """Point the UI's index at the file the worker just rebuilt."""
        from reader.library.index import LibraryIndex

        old = self._index
        with self._index_lock:
            self._index_or_none = LibraryIndex(self.library, path=old.path, extract=self._extract)
        old.close()

    # -- reading state --------------------------------------------------------------------

    def progress(self, entry: LibraryEntry) -> float | None:
        """For LibraryTable's mark column: None if never opened, else 0.0–1.0 (1.0 = read)."""
        return self.progress_of(entry.path, entry.paragraphs)

    def progress_of(self, path: Path, paragraphs: int) -> float | None:
        """How far into `path` the reader got (None: never opened), so the app can redraw the
        list only when an article's mark changes, not on every paragraph."""
        try:
            if self.state.position(path) is None:
                return None
            return self.state.progress(path, paragraphs)
        except (OSError, RuntimeError):  # a symlink loop cannot be resolved (3.11: RuntimeError)
            return None  # it never opens either; the list must still draw it

    def is_read(self, path: Path) -> bool:
        """Whether `path` is read (✓): read to its last paragraph, or marked read by hand."""
        try:
            return self.state.is_read(path)
        except (OSError, RuntimeError):  # a path that cannot be resolved is never read
            return False

    def set_read(self, path: Path, read: bool, paragraphs: int) -> None:
        """Mark `path` read (✓) or unread by hand (`m` in the app). An article made unread
        while its place is its last paragraph goes back to the first: left at the end it
        would still look read, and it should read as new."""
        self.state.mark_read(path, read)
        if not read and paragraphs > 0 and (self.state.position(path) or 0) >= paragraphs - 1:
            self.state.set_position(path, 0)
        self.save_if_due()

    def restore_position(self, path: Path, paragraphs: int | None = None) -> int:
        """The paragraph to open `path` at: where it was left (within `paragraphs`), else 0."""
        paragraph = self.state.position(path) or 0
        if paragraphs is not None:
            paragraph = min(paragraph, max(paragraphs - 1, 0))
        return paragraph

    def remember(self, path: Path, paragraph: int, paragraphs_total: int) -> None:
        """The reader is at `paragraph` of `path`: remember it (and that `path` is the article
        open). Reaching the last paragraph marks the article read; moving back does not
        unmark it. Written to disk at most every SAVE_INTERVAL seconds."""
        self.state.set_position(path, paragraph)
        if paragraphs_total > 0 and paragraph >= paragraphs_total - 1 and not self.state.is_read(path):
            self.state.mark_read(path)
        self.state.set_last_open(path, self.library)
        self.save_if_due()

    def last_open(self) -> Path | None:
        """The article open when reader last quit, if it still exists and is in this library
        (a path under the library as given)."""
        path = self.state.last_open
        if path is None:
            return None
        folder = self.library.resolve()
        if not path.is_relative_to(folder):
            return None
        # Spelt from the library as it was given (`reader articles`), as the list's rows are:
        # the state keeps resolved paths, and the list finds the article's row by its path.
        return self.library / path.relative_to(folder)

    def save_if_due(self) -> bool:
        """Write the state if it changed and SAVE_INTERVAL has passed; the app also calls this
        from a timer so the last move before a pause is written without waiting for close."""
        if self.state.changed and self._clock() - self._last_save >= self._save_interval:
            return self.save()
        return False

    def save(self) -> bool:
        """Write the state now (if it changed). An unwritable state folder gives one notice."""
        if not self.state.changed:
            return False
        self._last_save = self._clock()
        try:
            self.state.save()
        except OSError as error:
            if not self._save_failed:
                self._save_failed = True
                self._notice(f"Reading position not saved: {error.strerror or error}")
            return False
        return True

    def close(self) -> None:
        """Save the state and close the index (on quit). Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self.save()
        if self._index_or_none is not None:
            self._index_or_none.close()

