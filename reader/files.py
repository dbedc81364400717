"""Opening files for reading: regular files only, so nothing reader reads can hang it.

Opening a FIFO for reading blocks until a writer appears, and reading a character
device (/dev/zero, a terminal) never ends. Every reader of a path (article files,
config.yaml, themes, overlays, state) goes through `read_regular`, which opens without
blocking, checks on the open file (no race with a rename) that it is a regular file,
and reads at most `limit` bytes. Failures are OSError with a short lower-case reason
(`reason(error)`), so existing `except OSError` handlers keep working.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

__all__ = [
    "NotRegularFile",
    "TooLarge",
    "check_regular",
    "is_regular",
    "kind_of",
    "read_regular",
    "read_regular_text",
    "reason",
]


class NotRegularFile(OSError):
    """The path is a FIFO, a device, a socket or a folder: reader does not open it."""


class TooLarge(OSError):
    """The file is larger than the caller's limit."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words a user knows."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def _open_regular(path: str | os.PathLike[str]) -> int:
    """A descriptor open for reading on a regular file, or OSError.

    O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; it
    has no effect on a regular file. The check uses fstat on the opened descriptor.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(os.fspath(path), flags)
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotRegularFile(errno.EINVAL, f"is {kind_of(mode)}, not a regular file")
    return fd


def check_regular(path: str | os.PathLike[str]) -> None:
    """Open and close `path`: OSError unless it is a regular file reader may read."""
    os.close(_open_regular(path))


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file, or OSError (NotRegularFile, TooLarge, or the system's)."""
    fd = _open_regular(path)
    try:
        if limit is not None and os.fstat(fd).st_size > limit:
            raise TooLarge(errno.EFBIG, f"is too large (over {limit:,} bytes)")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if limit is not None and total > limit:
                raise TooLarge(errno.EFBIG, f"is too large (over {limit:,} bytes)")
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_regular_text(path: str | os.PathLike[str], limit: int | None = None) -> str:
    """A regular file decoded as UTF-8 (UnicodeDecodeError for other bytes)."""
    return read_regular(path, limit).decode("utf-8")


def reason(error: OSError) -> str:
    """A short lower-case reason for a failed read ("is a named pipe (FIFO), not a regular file")."""
    if error.strerror:
        text = error.strerror
        return text if isinstance(error, NotRegularFile | TooLarge) else text[0].lower() + text[1:]
    return error.__class__.__name__


def is_regular(path: Path) -> bool:
    """True for a regular file (following links); never opens it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False
