"""One article of the library as the list shows it: title, date, outlet, or its error.

Entries come from the index (`LibraryIndex.entries`), never from reading the folder:
a file that fails to load keeps its entry with its one-line error, so a bad file is
visible and skipped, never fatal.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.article import Article


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One file of the library as the article list shows it."""

    path: Path
    title: str
    date_text: str = ""
    source: str = ""
    error: str | None = None
    byline: str = ""
    paragraphs: int = 0
    date_key: str = ""
    """The date as ISO text (`2015-06-19T13:57`), so that sorting strings sorts by time."""
    copies: int = 1
    """How many files print this story (reposts.py): the list shows one row, this copy's."""


def date_key(article: Article) -> str:
    """A sortable form of the publication date; "" when the file gives none."""
    return article.published.isoformat(timespec="minutes") if article.published else ""
