"""Opening files for reading: regular files only, so nothing reader reads can hang it.

Opening a FIFO for reading blocks until a writer appears, and reading a character
device (/dev/zero, a terminal) never ends. Every reader of a path (article files,
config.yaml, themes, overlays, state) goes through `read_regular`, which opens without
blocking, checks on the open file (no race with a rename) that it is a regular file,
and reads at most `limit` bytes. Failures are OSError with a short lower-case reason
(`reason(error)`), so existing `except OSError` handlers keep working.

Files reader writes itself (state, preferences, exports) are never half-written:
`write_atomic` sends the data to a temporary file in the same folder (so the rename
stays on one filesystem), flushes it to the disk, and replaces the target in one
`os.replace`: a reader of the file sees the old version or the new one, never a mix.
`set_aside` moves a damaged file (state, index) out of the way instead of deleting it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
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
    "set_aside",
    "write_atomic",
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


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, creating its folder if needed."""
    import tempfile  # here: every start-up reads files, few write one (tempfile costs ~5 ms)

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def set_aside(path: Path, reason: str, keep: int | None = None) -> Path:
    """Rename a damaged file out of the way (never delete it: the user may want it back).

    Returns the new name, `<name>.<reason>-<timestamp>`; companion files SQLite keeps
    beside a database (`-wal`, `-shm`, `-journal`) move with it. With `keep`, only the
    newest `keep` copies set aside for `reason` stay: a file that is damaged again and
    again (the index, which can always be rebuilt) must not fill the disk with copies.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{counter}")
    os.replace(path, target)
    for suffix in ("-wal", "-shm", "-journal"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            with contextlib.suppress(OSError):
                os.replace(companion, target.with_name(target.name + suffix))
    if keep is not None:
        _prune(path, reason, target, keep)
    return target


def _prune(path: Path, reason: str, newest: Path, keep: int) -> None:
    """Delete all but the newest `keep` set-aside copies of `path` (and their companions)."""
    copies = sorted(
        (
            p
            for p in path.parent.glob(f"{path.name}.{reason}-*")
            if not p.name.endswith(("-wal", "-shm", "-journal"))
        ),
        key=lambda p: (p == newest, p.stat().st_mtime_ns if p.exists() else 0, p.name),
    )
    for old in copies[: max(0, len(copies) - keep)]:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                old.with_name(old.name + suffix).unlink()
