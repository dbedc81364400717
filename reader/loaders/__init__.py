"""Article loaders: one call, `load_article(path)`, for every supported file layout.

This package is the core's entry point for files and must never import Textual. Every
failure reaches the caller as an ArticleError with a one-line message that names the
file, so the library list and the CLI can show it as is.
"""

from __future__ import annotations

import dataclasses
import errno
import os
from pathlib import Path

from reader.article import ARTICLE_SUFFIXES, PAGE_SUFFIXES, Article, ArticleError
from reader.files import NotRegularFile, TooLarge, read_regular, reason
from reader.loaders.encoding import decode_article_bytes, decode_bytes
from reader.loaders.markdown import looks_like_markdown, parse_markdown
from reader.loaders.plain import parse_plain
from reader.textsafety import has_unsafe, inert, inert_line

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_BYTES",
    "Article",
    "ArticleError",
    "dangling_link_reason",
    "decode_article_bytes",
    "decode_bytes",
    "load_article",
]


MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no news article is this big, and reading it would stall the UI."""


def _one_line(text: str) -> str:
    """One inert line: file names can hold newlines and escape sequences too."""
    return inert_line(text)


_CONTROLS_NOTICE = "control characters or escape sequences in the file are shown as symbols (␛, �)"


def _made_inert(article: Article) -> Article:
    """The article with every text field made inert for a terminal (see reader.textsafety).

    Done here, once, so every surface (list, reading view, CLI, index) gets safe text.
    The mapping is one character for one, so paragraph offsets stay true; the path is
    kept as it is, because it is needed to open the file again.
    """

    def line(value: str | None) -> str | None:
        return None if value is None else inert_line(value)

    strings = [article.title, *article.paragraphs]
    strings += [v for v in (article.source, article.byline, article.editor) if v]
    strings += [v for v in (article.url, article.subtitle, article.kicker, article.original_title) if v]
    strings += list(article.extra.values())
    notices = article.notices
    if any(has_unsafe(text) or "\n" in text for text in strings):
        notices = (*notices, _CONTROLS_NOTICE)
    return dataclasses.replace(
        article,
        title=inert_line(article.title),
        paragraphs=tuple(inert(p, keep_newlines=False) for p in article.paragraphs),
        source=line(article.source),
        original_title=line(article.original_title),
        byline=line(article.byline),
        editor=line(article.editor),
        url=line(article.url),
        subtitle=line(article.subtitle),
        kicker=line(article.kicker),
        extra={inert_line(str(k)): inert_line(v) for k, v in article.extra.items()},
        notices=tuple(inert_line(n) for n in notices),
    )


def _fail(path: Path, reason: str) -> ArticleError:
    """An ArticleError that names the file."""
    return ArticleError(_one_line(f"{path}: {reason}"))


def dangling_link_reason(path: Path) -> str:
    """Why a symbolic link leads nowhere: a loop, or a target that does not exist."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a symbolic link loop"
    try:
        target = os.readlink(path)
    except OSError:
        return "is a broken symbolic link"
    return f"is a broken symbolic link (to {target})"


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, after the checks that give each failure its own message."""
    try:
        if path.is_symlink() and not path.exists():
            raise _fail(path, dangling_link_reason(path))
        if not path.exists():
            raise _fail(path, "no such file")
        if path.is_dir():
            raise _fail(path, "is a directory, not an article file")
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise _fail(path, f"is too large ({size / 1_048_576:.1f} MB; the limit is 20 MB)")
        data = read_regular(path, MAX_ARTICLE_BYTES)
    except NotRegularFile as error:
        raise _fail(path, reason(error)) from error
    except TooLarge as error:
        raise _fail(path, "is too large (the limit is 20 MB)") from error
    except PermissionError as error:
        raise _fail(path, "permission denied") from error
    except FileNotFoundError as error:
        # Listed a moment ago, gone when opened: removed or renamed meanwhile.
        raise _fail(path, "no such file (it was removed or renamed)") from error
    except OSError as error:
        raise _fail(path, f"cannot be read ({error.strerror or error})") from error
    return data


def is_page(path: Path, data: bytes) -> bool:
    """A file to read as a web page: its suffix says so, or it opens with an HTML tag."""
    if path.suffix.lower() in PAGE_SUFFIXES:
        return True
    head = data[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def _load_page(path: Path, data: bytes) -> Article:
    """A saved web page read as an article (reader/loaders/webpage.py); the page is only read.

    The page extractor (its HTML parser, a few dozen patterns) is imported by the first
    page: the first frame of a text or Markdown article does not wait for it."""
    from reader.loaders.webpage import parse_page

    try:
        return _made_inert(parse_page(data, path))
    except ArticleError as error:
        raise ArticleError(_one_line(str(error))) from error
    except (UnicodeError, ValueError, OverflowError, RecursionError, AssertionError) as error:
        raise _fail(path, f"cannot be read as a web page ({type(error).__name__})") from error


def load_article(path: Path) -> Article:
    """Read one article file, whatever its layout and encoding.

    Saved web pages (.html and kin, or a file that opens with `<html`) go to the page
    extractor. Files with YAML front matter or a leading `# heading` go to the Markdown loader;
    everything else to the plain-text loader. The Article records the codec it was
    read with and any notices; its text is inert (no control character or escape
    sequence survives). Raises ArticleError, and only ArticleError.
    """
    path = Path(os.fspath(path))
    data = _read_bytes(path)
    if not data.strip():
        raise _fail(path, "is empty")
    if is_page(path, data):
        return _load_page(path, data)
    try:
        decoded = decode_article_bytes(data, name=str(path))
        text = decoded.text
        if not text.strip():
            raise _fail(path, "is empty")
        article = parse_markdown(text, path) if looks_like_markdown(text) else parse_plain(text, path)
        article = dataclasses.replace(article, encoding=decoded.encoding, notices=decoded.notices)
        return _made_inert(article)
    except ArticleError as error:
        # The decoder and the parsers already name the file; only make sure of one line.
        raise ArticleError(_one_line(str(error))) from error
    except (UnicodeError, ValueError, OverflowError, RecursionError) as error:
        raise _fail(path, f"cannot be read as an article ({type(error).__name__})") from error
