"""Writing a file so that a crash or a second process never leaves half of it on disk.

The data goes to a temporary file in the same folder (so the rename stays on one
filesystem), is flushed to the disk, and then replaces the target in one `os.replace`:
a reader of the file sees the old version or the new one, never a mix.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically, creating its folder if needed."""
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
