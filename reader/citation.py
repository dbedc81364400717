"""A citation for one paragraph of an article, as plain text for the clipboard.

    “嘉峪关市召开国防动员委员会全体会议”, 中国甘肃网, 2015-06-19 13:57, ¶ 6 of 9, articles/….txt

Researchers paste these into notes and papers, so the citation is one line, carries
everything needed to find the paragraph again (the paragraph number counts body
paragraphs from 1, as the footer's `¶ 6/9` does) and never carries control characters
from the file.
"""

from __future__ import annotations

from pathlib import Path

from reader.article import Article
from reader.textsafety import inert_line


def _clean(text: str) -> str:
    """One line through reader.textsafety (C0, DEL, C1, bidi controls), runs of space as one."""
    return " ".join(inert_line(text).split())


def _file(path: Path, relative_to: Path | None) -> str:
    if relative_to is not None:
        try:
            return path.resolve().relative_to(relative_to.resolve()).as_posix()
        except ValueError:
            pass  # outside the library: the full path is what finds it again
    return path.as_posix()


def citation(article: Article, paragraph: int, *, relative_to: Path | None = None) -> str:
    """One line citing body paragraph `paragraph` (0-based) of `article`.

    `relative_to` (the library folder) shortens the file to a path inside the library.
    Raises IndexError for a paragraph the article does not have.
    """
    if not 0 <= paragraph < len(article.paragraphs):
        raise IndexError(f"paragraph {paragraph} out of range 0..{len(article.paragraphs) - 1}")
    parts = [f"“{_clean(article.title)}”"]
    if article.source:
        parts.append(_clean(article.source))
    if article.date_text:
        parts.append(article.date_text)
    parts.append(f"¶ {paragraph + 1} of {len(article.paragraphs)}")
    parts.append(_clean(_file(article.path, relative_to)))
    if article.url:
        parts.append(_clean(article.url))
    return ", ".join(parts)

