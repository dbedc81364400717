"""The first rows of a library never indexed, read on another core while Textual loads.

Why: a cold start (a folder reader has never indexed) shows its first files' rows and the
newest of them in its first frame (`head.first_files`). Reading and parsing those files
takes ~20 ms, and it used to wait until the screen was mounted, after Textual's import
(~100 ms of CPU). Nothing in it needs Textual, so the CLI forks a child just before that
import: the child reads the files on the machine's second core while the parent imports,
and hands the rows back through a pipe as JSON (json is loaded already; the rows are a few
kilobytes). The screen then takes them in well under a millisecond.

The child only reads the library (never writes anything but the pipe), touches neither
the terminal nor stdio, and leaves with `os._exit`, so no atexit handler or buffered
output of the parent runs twice. Whatever goes wrong — no `fork` (Windows), a child that
fails, rows that do not parse, a child still busy after `WAIT` seconds — `rows()` answers
None and the caller reads the files itself, as it did before: the prefetch can make the
start faster, never different.

Textual-free and fork-safe where it is used: the CLI forks before Textual (and any thread)
has started.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import select
import signal
import time
from pathlib import Path

from reader.library.entries import LibraryEntry
from reader.library.head import FIRST_FILES, first_files, index_path

__all__ = ["WAIT", "FirstRows", "decode_rows", "encode_rows"]

WAIT = 1.0
"""Seconds the screen waits for the child's rows before reading the files itself; the
child's own budget (`head.FIRST_FILES_SECONDS`) is a tenth of it."""

_FIELDS = tuple(field.name for field in dataclasses.fields(LibraryEntry) if field.name != "path")
"""What a row carries besides its path: every field of LibraryEntry, so a field added there travels too."""


def encode_rows(library: Path, entries: list[LibraryEntry]) -> bytes:
    """The rows as JSON: each entry's path relative to `library` and its fields (a file
    name that is not UTF-8 travels as its surrogate escapes, as `os.fsdecode` gives it)."""
    rows = [[str(row.path.relative_to(library)), *(getattr(row, f) for f in _FIELDS)] for row in entries]
    return json.dumps(rows, ensure_ascii=True).encode("ascii")


def decode_rows(library: Path, data: bytes) -> list[LibraryEntry] | None:
    """`encode_rows` undone; None for anything that is not rows of that shape."""
    try:
        rows = json.loads(data)
    except ValueError:
        return None
    if not isinstance(rows, list):
        return None
    entries: list[LibraryEntry] = []
    for row in rows:
        if not (isinstance(row, list) and len(row) == len(_FIELDS) + 1 and isinstance(row[0], str)):
            return None
        fields = dict(zip(_FIELDS, row[1:], strict=True))
        texts = ("title", "date_text", "source", "byline", "date_key")
        if not all(isinstance(fields[name], str) for name in texts):
            return None
        if not (fields["error"] is None or isinstance(fields["error"], str)):
            return None
        if not all(type(fields[name]) is int for name in ("paragraphs", "copies")):
            return None
        entries.append(LibraryEntry(library / row[0], **fields))
    return entries


class FirstRows:
    """A child process reading `first_files(library)`; `rows()` collects what it read."""

    def __init__(self, library: Path, pid: int, fd: int) -> None:
        self.library = library
        self._pid: int | None = pid
        self._fd = fd

    @classmethod
    def start(cls, library: Path, count: int = FIRST_FILES) -> FirstRows | None:
        """Fork the reader of the first rows of `library` if it has no index yet (a library
        with one shows the index's rows: `head.read_head`); None when there is nothing to
        read ahead or no way to (no fork, no pipe)."""
        if not hasattr(os, "fork") or index_path(library).exists():
            return None
        try:
            read_fd, write_fd = os.pipe()
        except OSError:
            return None
        try:
            pid = os.fork()
        except OSError:
            os.close(read_fd)
            os.close(write_fd)
            return None
        if pid == 0:  # the child: read, write, leave
            code = 1
            try:
                os.close(read_fd)
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                data = encode_rows(library, first_files(library, count))
                with open(write_fd, "wb", closefd=True) as out:
                    out.write(data)
                code = 0
            except BaseException:  # the parent reads the files itself
                pass
            finally:
                os._exit(code)
        os.close(write_fd)
        return cls(library, pid, read_fd)

    def rows(self, wait: float = WAIT) -> list[LibraryEntry] | None:
        """The child's rows, waiting at most `wait` seconds for them; None when it failed
        or is still busy (then it is stopped, and the caller reads the files itself)."""
        if self._pid is None:
            return None
        chunks: list[bytes] = []
        deadline = time.monotonic() + wait
        finished = False
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                    break
                chunk = os.read(self._fd, 1 << 16)
                if not chunk:
                    finished = True
                    break
                chunks.append(chunk)
        except OSError:
            finished = False
        status = self._end(stop=not finished)
        if not finished or status != 0:
            return None
        return decode_rows(self.library, b"".join(chunks))

    def cancel(self) -> None:
        """Stop the child, its rows unwanted (the library turned out to have an index)."""
        self._end(stop=True)

    def _end(self, *, stop: bool) -> int | None:
        """Reap the child (stopping it first if `stop`); its exit status, None if unknown."""
        pid, self._pid = self._pid, None
        with contextlib.suppress(OSError):
            os.close(self._fd)
        if pid is None:
            return None
        if stop:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        try:
            _, status = os.waitpid(pid, 0)
        except OSError:
            return None
        return os.waitstatus_to_exitcode(status)
