"""The person index of a library folder: the one place that ties it to the library index.

Kept small and apart so the library index can change shape (issue 13) without this
package noticing: it needs only where the index file is (`index_path`) and how to open
it (`schema.connect`). It opens a connection of its own, so refreshing persons in a
worker never waits on the UI's queries (WAL lets both read while one writes).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.library.index import index_path
from reader.library.schema import connect
from reader.people.build import PeopleProgressCallback, PeopleSummary, refresh_people
from reader.people.overrides import load_choices
from reader.people.query import PeopleIndex
from reader.people.store import has_schema


def open_people(library: Path, path: Path | None = None, busy_timeout: float = 5.0) -> PeopleIndex:
    """A PeopleIndex over the library's index file (its own connection)."""
    return PeopleIndex(connect(path or index_path(library), busy_timeout), library)


def refresh(
    people: PeopleIndex,
    progress: PeopleProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PeopleSummary:
    """Bring the persons up to date with the library index and the user's choices (an
    unreadable choices file: none applied, and `summary.warning` says why in one line)."""
    choices = load_choices(people.library)
    summary = refresh_people(people.conn, choices.overrides(), progress, cancelled)
    summary.warning = choices.warning
    return summary


def is_built(people: PeopleIndex) -> bool:
    """Whether the person tables exist yet (a People screen shows "building…" until then)."""
    try:
        return has_schema(people.conn)
    except sqlite3.Error:
        return False
