"""Article loaders: one call, `load_article(path)`, for every supported file layout.

This package is the core's entry point for files and must never import Textual. Every
failure reaches the caller as an ArticleError with a one-line message that names the
file, so the library list and the CLI can show it as is.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.article import Article, ArticleError
from reader.loaders.encoding import decode_bytes
from reader.loaders.markdown import looks_like_markdown, parse_markdown
from reader.loaders.plain import parse_plain

__all__ = ["ARTICLE_SUFFIXES", "MAX_ARTICLE_BYTES", "Article", "ArticleError", "decode_bytes", "load_article"]

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown")
"""File name suffixes (lower case) that the library treats as articles."""

MAX_ARTICLE_BYTES = 20 * 1024 * 1024
"""Larger files are refused: no news article is this big, and reading it would stall the UI."""


def _one_line(text: str) -> str:
    """Collapse newlines so a message always fits one line of the UI."""
    return " ".join(text.split("\n")).replace("\r", " ")


def _fail(path: Path, reason: str) -> ArticleError:
    """An ArticleError that names the file."""
    return ArticleError(_one_line(f"{path}: {reason}"))


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, after the checks that give each failure its own message."""
    try:
        if not path.exists():
            raise _fail(path, "no such file")
        if path.is_dir():
            raise _fail(path, "is a directory, not an article file")
        if not path.is_file():
            raise _fail(path, "is not a regular file")
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise _fail(path, f"is too large ({size / 1_048_576:.1f} MB; the limit is 20 MB)")
        with path.open("rb") as handle:
            data = handle.read(MAX_ARTICLE_BYTES + 1)
    except PermissionError as error:
        raise _fail(path, "permission denied") from error
    except OSError as error:
        raise _fail(path, f"cannot be read ({error.strerror or error})") from error
    if len(data) > MAX_ARTICLE_BYTES:
        raise _fail(path, "is too large (the limit is 20 MB)")
    return data


def load_article(path: Path) -> Article:
    """Read one article file, whatever its layout and encoding.

    Files with YAML front matter or a leading `# heading` go to the Markdown loader;
    everything else to the plain-text loader. Raises ArticleError, and only ArticleError.
    """
    path = Path(os.fspath(path))
    data = _read_bytes(path)
    if not data.strip():
        raise _fail(path, "is empty")
    try:
        text = decode_bytes(data, name=str(path))
        if not text.strip():
            raise _fail(path, "is empty")
        if looks_like_markdown(text):
            return parse_markdown(text, path)
        return parse_plain(text, path)
    except ArticleError as error:
        # The decoder and the parsers already name the file; only make sure of one line.
        raise ArticleError(_one_line(str(error))) from error
    except (UnicodeError, ValueError, OverflowError, RecursionError) as error:
        raise _fail(path, f"cannot be read as an article ({type(error).__name__})") from error
