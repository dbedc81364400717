"""A library is a folder of article files; this module finds and summarises them one by one.

Listing reads every file once to get its title, date and outlet. Files that fail to
load stay in the list with their one-line error, so a bad file is visible and skipped,
never fatal.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.article import Article, ArticleError
from reader.loaders import ARTICLE_SUFFIXES, load_article
from reader.textsafety import inert_line


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

    @classmethod
    def from_article(cls, article: Article) -> LibraryEntry:
        return cls(
            article.path,
            article.title,
            article.date_text,
            article.source or "",
            byline=article.byline or "",
            paragraphs=len(article.paragraphs),
            date_key=date_key(article),
        )


def date_key(article: Article) -> str:
    """A sortable form of the publication date; "" when the file gives none."""
    return article.published.isoformat(timespec="minutes") if article.published else ""


def find_article_files(folder: Path) -> list[Path]:
    """Article files under `folder` (recursively, hidden folders skipped), in name order."""
    found = [
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in ARTICLE_SUFFIXES
        # A link that leads nowhere (broken, or a loop) is listed so it shows its error.
        and (path.is_file() or path.is_symlink())
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    ]
    return sorted(found, key=lambda path: path.relative_to(folder).as_posix())


def read_entry(path: Path) -> LibraryEntry:
    """Summarise one file; a file that cannot be loaded becomes an entry carrying its error."""
    try:
        return LibraryEntry.from_article(load_article(path))
    except ArticleError as error:
        # File names are untrusted text too: escapes and newlines must not reach the list.
        return LibraryEntry(path, inert_line(path.name), error=str(error))


def iter_entries(folder: Path) -> Iterator[LibraryEntry]:
    """Summaries of every article file in `folder`, in list order."""
    for path in find_article_files(folder):
        yield read_entry(path)
