"""One article file as rows of the index: read it, insert its rows, delete them.

A file is read into an `Article` or a `LoadFailure` (its one-line error): a file that
cannot be read keeps a row, so the list shows it with its error and skips it. Its
officials are stored as one row per official, from whatever extractor the index was
given.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.article import Article, ArticleError
from reader.library.entries import date_key
from reader.library.scan import FileStat, path_key
from reader.library.schema import DAY_SHIFT, OVERFLOW_BASE
from reader.loaders import load_article
from reader.officials.model import Mention, OfficialsReport
from reader.textsafety import inert_line

TITLE_PARAGRAPH = -1
"""The paragraph index under which an article's title is stored and searched."""

Extract = Callable[[Sequence[str], str | None], OfficialsReport]
"""Finds the officials of an article's body paragraphs and headline (reader's rules by default)."""

OfficialRow = tuple[int, str, str, int, int]
"""(file id, name, posts as JSON, mentions, first paragraph): one row of `officials`."""


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """A file that could not be read as an article, with the one line that says why."""

    message: str


def read_file(library: Path, relative: str) -> Article | LoadFailure:
    """The article at `library / relative`, or why it cannot be read."""
    path = library / relative
    if _links_outside(path, library):
        # A link to /etc/passwd dropped in a library must not be read into the index;
        # opening the link by name (`reader LINK`) still reads it: the user asked.
        return LoadFailure(
            inert_line(f"{path}: links to a file outside the library (open it by name to read it)")
        )
    try:
        return load_article(path)
    except ArticleError as error:
        return LoadFailure(str(error))


def _links_outside(path: Path, library: Path) -> bool:
    """True when `path` (a link, or under a linked folder) leads to a file outside `library`."""
    try:
        target = path.resolve()
        return target.exists() and not target.is_relative_to(library.resolve())
    except (OSError, RuntimeError):  # a loop: the loader reports it
        return False


def delete_file(conn: sqlite3.Connection, file_id: int) -> None:
    """Remove a file's rows, its text from the full-text index included."""
    # External-content FTS5 needs the old text to remove its tokens.
    conn.execute(
        "INSERT INTO paragraphs_fts(paragraphs_fts, rowid, text) "
        "SELECT 'delete', id, text FROM paragraphs WHERE file_id = ?",
        (file_id,),
    )
    conn.execute("DELETE FROM paragraphs WHERE file_id = ?", (file_id,))
    conn.execute("DELETE FROM officials WHERE file_id = ?", (file_id,))
    conn.execute("DELETE FROM files WHERE id = ?", (file_id,))


def allocate_ids(conn: sqlite3.Connection, day: int, count: int) -> int:
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
    top: int = (highest if highest is not None else base) + count
    if top >= base + (1 << DAY_SHIFT):  # a day's block is full (4 million paragraphs): use the overflow
        top = max(conn.execute("SELECT max(id) FROM paragraphs").fetchone()[0], OVERFLOW_BASE) + count
    return top


def insert_file(conn: sqlite3.Connection, path: str, stat: FileStat, loaded: Article | LoadFailure) -> None:
    """Store one file: its metadata and every paragraph (searchable), or its error."""
    # Another process refreshing the same library may have indexed this path meanwhile.
    key = path_key(path)  # a name that is not UTF-8 is stored escaped (scan.path_key)
    for (stale,) in conn.execute("SELECT id FROM files WHERE path = ?", (key,)).fetchall():
        delete_file(conn, stale)
    if isinstance(loaded, LoadFailure):
        conn.execute(
            "INSERT INTO files(path, size, mtime_ns, inode, title, error, officials_done) "
            "VALUES (?, ?, ?, ?, ?, ?, 1)",
            (key, stat.size, stat.mtime_ns, stat.inode, inert_line(Path(path).name), loaded.message),
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
    top = allocate_ids(conn, article.published.toordinal() if article.published else 0, len(texts))
    conn.executemany(
        "INSERT INTO paragraphs(id, file_id, idx, text) VALUES (?, ?, ?, ?)",
        [(top - n, file_id, idx, text) for n, (idx, text) in enumerate(texts)],
    )
    conn.execute(
        "INSERT INTO paragraphs_fts(rowid, text) SELECT id, text FROM paragraphs WHERE file_id = ?",
        (file_id,),
    )


def official_rows(file_id: int, report: OfficialsReport) -> list[OfficialRow]:
    """The `officials` rows of one article's report."""
    return [
        (
            file_id,
            official.name,
            json.dumps(official.titles, ensure_ascii=False),
            len(official.mentions),
            _first_in_body(official.mentions),
        )
        for official in report.officials
    ]


def _first_in_body(mentions: Sequence[Mention]) -> int:
    """The first body paragraph naming an official (0 when only the headline does): the
    index's `first` opens an article there, and the headline is no paragraph of the body."""
    return next((m.paragraph for m in mentions if m.paragraph >= 0), 0)


def default_extract(paragraphs: Sequence[str], title: str | None) -> OfficialsReport:
    """reader's rules, imported on first use: only the officials phase needs them, and they are heavy.

    The headline is read with the body, as the sidebar and `reader officials` read it."""
    from reader.officials.extract import extract_officials

    return extract_officials(paragraphs, title=title)
