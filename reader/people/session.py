"""The app's handle on a library's person index: its background phase and the list in memory.

Why a class between the app and the index: the People screen must open at once on a
library of 100,000 articles, so it never queries as it opens. The person index is
brought up to date in a worker after the library index's refresh (`build`, with a
connection of its own, as the library's refresh has), and the list of every person
(`listing`) is loaded there, sorted, ready for the screen; the last build's list is
loaded first, so a library opened again has its People screen before the refresh ends.
The small questions of the person view (a career, who someone appears with) go to
`index`, the UI's own connection, since each answers in milliseconds.

No Textual here: the app calls `build` from a thread worker and everything else from
the UI thread. `listing` is replaced whole, never changed in place, so the UI thread can
read it while the worker builds the next one.
"""

from __future__ import annotations

import gc
import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from reader.people.build import PeopleProgress, PeopleProgressCallback, PeopleSummary
from reader.people.query import PeopleIndex, PeopleList

FREEZE_AT = 20_000
"""Persons from which the loaded list is moved out of the garbage collector's sight (`_load`)."""
SORTS_SHOWN = ("articles", "name", "last_seen")
"""The orders the People screen offers (Ctrl+O), the first the one it opens with."""


class PeopleSession:
    """One library's persons for the UI: built in the background, listed from memory."""

    def __init__(self, library: Path, index_file: Path) -> None:
        self.library = library
        self.index_file = index_file
        self.listing: PeopleList | None = None
        """Every person, loaded by `build` (None until the first list is loaded)."""
        self.progress: PeopleProgress | None = None
        """The phase's last step while it runs; None once it is done (or before it starts)."""
        self.done = False
        """The person index is up to date with the library index (this session's build ended)."""
        self.error: str | None = None
        self.warning: str | None = None
        """Why the user's merge and split choices are not applied (their file is unreadable)."""
        self._index: PeopleIndex | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> PeopleIndex:
        """The UI's connection to the person index (opened on first use)."""
        with self._lock:
            if self._index is None:
                from reader.people.library import open_people

                self._index = open_people(self.library, self.index_file)
            return self._index

    def build(
        self,
        progress: PeopleProgressCallback | None = None,
        cancelled: Callable[[], bool] | None = None,
        on_listing: Callable[[PeopleList], None] | None = None,
    ) -> PeopleSummary | None:
        """Bring the person index up to date and load the list (run it in a thread worker).

        `on_listing(list)` gets the last build's list first (if there was one), then the
        new one. A database error ends the phase with `error` set (one line for the user).
        """
        from reader.people.library import is_built, open_people, refresh

        report = progress or (lambda _step: None)
        stop = cancelled or (lambda: False)
        summary: PeopleSummary | None = None
        try:
            people = open_people(self.library, self.index_file)
            try:
                if self.listing is None and is_built(people):
                    self._load(people, on_listing)

                def step(progress: PeopleProgress) -> None:
                    self.progress = progress
                    report(progress)

                summary = refresh(people, step, stop)
                self.warning = summary.warning
                if not summary.cancelled:
                    if self.listing is None or summary.units or summary.read:
                        self._load(people, on_listing)  # else the list loaded above is the list
                    self.done = True
            finally:
                people.conn.close()
        except (sqlite3.Error, OSError) as error:
            self.error = f"The person index could not be built: {error}"
        finally:
            self.progress = None
        return summary

    def _load(self, people: PeopleIndex, on_listing: Callable[[PeopleList], None] | None) -> None:
        listing = people.people()
        for order in SORTS_SHOWN:  # the People screen's orders, computed here, never as it opens
            listing.sorted(order)
        self.listing = listing
        if len(listing.rows) >= FREEZE_AT:
            # The list lives as long as the library is open: a few objects a person, half
            # a million on 100,000 persons. The first full collection after it was loaded
            # walked all of them on the UI thread, in the People screen's first open (~200
            # of its ~330 ms of CPU on 100,000 persons); in the collector's permanent
            # generation they are never walked again. What dies later is still freed by
            # reference counting (a replaced list is: it holds no cycles); objects alive
            # now that later become cyclic garbage are not collected, which is why this is
            # done only where the list is big enough for the walk to be felt.
            gc.freeze()
        if on_listing is not None:
            on_listing(listing)

    def close(self) -> None:
        with self._lock:
            if self._index is not None:
                self._index.conn.close()
                self._index = None


def safe_stem(text: str, cells: int = 24) -> str:
    """A name fit for a file name: letters, digits (any script) and · only, at most `cells` long."""
    return re.sub(r"[^\w·-]+", "", text)[:cells] or "person"
