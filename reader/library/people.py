"""Officials across the library: who is named where, and with which posts.

Why a module of its own: the sidebar names one article's officials; these queries
answer the researcher's next question — where else does this person appear, and what
post did each article give them (柳鹏: 市长 in 2015, …).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.library.entries import LibraryEntry
from reader.library.scan import path_from_key

ENTRY_COLUMNS = (
    "files.path, files.title, files.date_text, files.outlet, files.error, files.byline, "
    "files.paragraphs, files.date, coalesce(stories.copies, 1)"
)
ENTRY_FROM = "files LEFT JOIN stories ON stories.file_id = files.id"
"""What ENTRY_COLUMNS are selected from: the files and their repost groups (reposts.py)."""
LISTED = "(stories.lead IS NULL OR stories.lead = 1)"
"""The rows the list shows: files without copies, and the one copy shown of each story."""


@dataclass(frozen=True, slots=True)
class Appearance:
    """One article that names an official: the posts it gives them and where they first appear."""

    path: Path
    title: str
    date_text: str
    titles: tuple[str, ...]
    mentions: int
    first_paragraph: int


EntryRow = tuple[str, str, str, str, str | None, str, int, str, int]
"""A row selected with ENTRY_COLUMNS."""


def entries_from_rows(library: Path, rows: Iterable[EntryRow]) -> list[LibraryEntry]:
    """LibraryEntries from rows selected with ENTRY_COLUMNS, read one at a time (a cursor, not
    a fetched list) and with one copy of each date, outlet and byline text: 100,000 entries
    are held for the whole session, and most of these texts repeat from row to row."""
    shared: dict[str, str] = {}
    share = shared.setdefault
    entries = []
    for path, title, date_text, outlet, error, byline, paragraphs, date, copies in rows:
        entries.append(
            LibraryEntry(
                library / path_from_key(path),
                title,
                share(date_text, date_text),
                share(outlet, outlet),
                error,
                byline=share(byline, byline),
                paragraphs=paragraphs,
                date_key=share(date, date),
                copies=copies,
            )
        )
    return entries


def entry_from_row(library: Path, row: EntryRow) -> LibraryEntry:
    """A LibraryEntry from a row selected with ENTRY_COLUMNS."""
    path, title, date_text, outlet, error, byline, paragraphs, date, copies = row
    return LibraryEntry(
        library / path_from_key(path),
        title,
        date_text,
        outlet,
        error,
        byline=byline,
        paragraphs=paragraphs,
        date_key=date,
        copies=copies,
    )


def timeline(conn: sqlite3.Connection, library: Path, name: str) -> list[Appearance]:
    """Every article naming `name`, oldest first (undated last): the timeline of their posts."""
    rows = conn.execute(
        "SELECT files.path, files.title, files.date_text, officials.titles, officials.mentions, "
        "officials.first_paragraph FROM officials JOIN files ON files.id = officials.file_id "
        "WHERE officials.name = ? ORDER BY files.date = '', files.date, files.path",
        (name,),
    ).fetchall()
    return [
        Appearance(
            library / path_from_key(path), title, date_text, tuple(json.loads(titles)), mentions, first
        )
        for path, title, date_text, titles, mentions, first in rows
    ]


def entries_mentioning(conn: sqlite3.Connection, library: Path, name: str) -> list[LibraryEntry]:
    """Library entries whose article names the official `name`, newest first: one per story
    (its newest copy that names them), as the whole list shows one."""
    rows = conn.execute(
        f"SELECT DISTINCT {ENTRY_COLUMNS}, coalesce(stories.story, -files.id) FROM officials "
        "JOIN files ON files.id = officials.file_id LEFT JOIN stories ON stories.file_id = files.id "
        "WHERE officials.name = ? ORDER BY files.date DESC, files.path",
        (name,),
    ).fetchall()
    seen: set[int] = set()
    entries = []
    for *row, story in rows:
        if story not in seen:
            seen.add(story)
            entries.append(entry_from_row(library, (*row,)))
    return entries


def copies_of(conn: sqlite3.Connection, library: Path, path_key: str | bytes) -> list[LibraryEntry]:
    """Every copy of the story the file `path_key` prints, newest first; [] when it has none."""
    rows = conn.execute(
        f"SELECT {ENTRY_COLUMNS} FROM stories AS mine JOIN stories ON stories.story = mine.story "
        "JOIN files ON files.id = stories.file_id "
        "WHERE mine.file_id = (SELECT id FROM files WHERE path = ?) ORDER BY files.date DESC, files.path",
        (path_key,),
    )
    return entries_from_rows(library, rows)
