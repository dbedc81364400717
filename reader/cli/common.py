"""What every command shares: the one-line usage error, path checks, config, and the library
index opened with its recovery path (argparse, which the TUI's common starts need not
import, is `reader.cli.parsing`).

Every failure a user can cause ends with one line on stderr and exit status 2, never a
traceback (see `reader.cli.main`).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from reader.article import Article
    from reader.config import Config
    from reader.library import IndexProgress, LibraryIndex


EXIT_USAGE = 2


T = TypeVar("T")


class UsageError(Exception):
    """A user mistake; its message is the one line reader prints."""


MAX_LIMIT = 1_000_000
"""`search --limit`: more hits than a table can be read in; SQLite's LIMIT is 64-bit."""


def fail(message: str) -> int:
    """Print one inert line on stderr: messages quote file names, which can hold escapes and newlines."""
    from reader.textsafety import inert_line

    print(f"reader: {inert_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def check_path(raw: str) -> Path:
    path = Path(raw).expanduser()
    if not path.exists():
        if path.is_symlink():
            from reader.loaders import dangling_link_reason

            raise UsageError(f"{raw}: {dangling_link_reason(path)}")
        raise UsageError(f"{raw}: no such file or directory")
    if path.is_dir():
        if not _readable_dir(path):
            raise UsageError(f"{raw}: cannot read this folder (permission denied)")
        return path
    from reader.files import NotRegularFile, check_regular, reason

    try:
        check_regular(path)  # never blocks: a FIFO or a device is refused, not opened
    except NotRegularFile as error:
        raise UsageError(f"{raw}: {reason(error)}") from None
    except OSError as error:
        raise UsageError(f"{raw}: cannot read ({reason(error)})") from None
    return path


def _readable_dir(path: Path) -> bool:
    try:
        next(path.iterdir(), None)
    except OSError:
        return False
    return True


def load(raw: str) -> Article:
    """The article at `raw` (the loaders are imported here, to keep `reader --help` instant)."""
    from reader.article import ArticleError
    from reader.loaders import load_article

    path = check_path(raw)
    if path.is_dir():
        raise UsageError(f"{raw}: is a folder; give an article file")
    try:
        return load_article(path)
    except ArticleError as error:
        raise UsageError(str(error)) from None


LIBRARY_HELP = "the library folder (default: config.yaml's `library:`, else the bundled articles)"


def load_settings(explicit: str | None) -> Config:
    """config.yaml (or the file named), its warnings printed as one line each on stderr."""
    from reader.config import ConfigError, load_config

    try:
        config, warnings = load_config(explicit)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    for warning in warnings:
        fail(warning)
    return config


def library_folder(raw: str | None, config: str | None = None) -> Path:
    """The folder given, else config.yaml's `library:`, else the bundled articles (as the TUI)."""
    from reader import locations

    if raw is None:
        return load_settings(config).library or locations.bundled_articles_dir()
    path = check_path(raw)
    if not path.is_dir():
        raise UsageError(f"{raw}: is a file; give a library folder")
    return path


def open_index(folder: Path) -> LibraryIndex:
    """The library's index (imported here, like every command's modules)."""
    import sqlite3

    from reader.library import LibraryIndex

    try:
        index = LibraryIndex(folder)
    except (OSError, sqlite3.Error) as error:
        raise UsageError(f"cannot open the library index: {error}") from None
    if index.notice:
        print(f"reader: {index.notice}", file=sys.stderr)
    return index


def recovering(index: LibraryIndex, run: Callable[[], T]) -> T:
    """`run()`, and once more after LibraryIndex.rebuild_after when it finds the file
    damaged mid-way ("malformed"): the TUI's recovery path, so neither fails run after run."""
    import sqlite3

    from reader.library.schema import classify_error

    try:
        return run()
    except sqlite3.DatabaseError as error:
        if classify_error(error) != "damaged":
            raise
        print(f"reader: {index.rebuild_after(error)}", file=sys.stderr)
    return run()


def print_progress(progress: IndexProgress, minimum: int = 0) -> None:
    """A progress line on stderr every 1,000 files, for jobs of at least `minimum` files."""
    if progress.total < minimum:  # the scan counts no files: quiet too
        return
    line = progress.line()
    if line is not None and (progress.done % 1000 == 0 or progress.done == progress.total):
        print(line, file=sys.stderr, flush=True)
