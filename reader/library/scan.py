"""Listing a library folder with the file facts the index compares: size, mtime, inode.

One `os.scandir` walk, no file opened: this is what makes a refresh of an unchanged
10,000-file library take a fraction of a second. Article suffixes only; hidden folders
and files are skipped, and links to folders are not followed (no loops).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

from reader.article import ARTICLE_SUFFIXES


class FileStat(NamedTuple):
    """What decides whether a file changed since it was indexed.

    A named tuple, not a dataclass: a refresh makes two for every file of the library (the
    scan's and the index's) and compares them, and a tuple is made, compared and hashed
    in C (an unchanged 100,000-file library is refreshed at every `reader people`)."""

    size: int
    mtime_ns: int
    inode: int


def scan_library(folder: Path) -> dict[str, FileStat]:
    """Article files under `folder`, keyed by their path relative to it (POSIX form).

    Unreadable subfolders are skipped (their files simply are not listed); an
    unreadable `folder` itself raises OSError for the caller to report.
    """
    found: dict[str, FileStat] = {}
    pending: list[tuple[str, str]] = [(os.fspath(folder), "")]
    first = True
    while pending:
        directory, prefix = pending.pop()
        try:
            with os.scandir(directory) as listing:
                items = list(listing)
        except OSError:
            if first:
                raise
            continue
        first = False
        for item in items:
            if item.name.startswith("."):
                continue
            try:
                if item.is_dir(follow_symlinks=False):
                    pending.append((item.path, f"{prefix}{item.name}/"))
                    continue
                if not item.name.lower().endswith(ARTICLE_SUFFIXES):
                    continue
                stat = _stat(item)
                if stat is None:
                    continue
            except OSError:
                continue
            found[prefix + item.name] = FileStat(stat.st_size, stat.st_mtime_ns, stat.st_ino)
    return found


def path_key(relative: str) -> str | bytes:
    """How a file's path is stored: as text, or as its bytes when it is not UTF-8.

    A name from an old GBK archive arrives from os.scandir with surrogateescape and
    SQLite text cannot hold it; a BLOB keeps it exactly, and never equals any text.
    """
    try:
        relative.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(relative)
    return relative


def path_from_key(key: str | bytes) -> str:
    """The path `path_key` stored, as os.scandir gave it."""
    return os.fsdecode(key) if isinstance(key, bytes) else key


def _stat(item: os.DirEntry[str]) -> os.stat_result | None:
    """The file's stat; a link that leads nowhere (broken, or a loop) is listed too, by the
    link's own stat, so the list shows it with its error."""
    try:
        if item.is_file():
            return item.stat()
    except OSError:
        pass  # a loop: ELOOP
    return item.stat(follow_symlinks=False) if item.is_symlink() else None
