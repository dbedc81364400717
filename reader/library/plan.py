"""What a refresh must do, decided from file facts alone: no SQLite, no reading.

The index knows each file's row id and stat facts (size, mtime, inode) from the last
refresh; a scan gives the facts on disk now. From the two, `plan_refresh` says which
files to read (new or changed), which rows to drop (removed) and which rows to point at
a new name without reading the file again (renamed: a removed file whose inode, size
and mtime reappear under a new name). It is a pure function, so the rules are tested
on plain dictionaries.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from reader.library.scan import FileStat

KnownFile = tuple[int, FileStat]
"""A file the index holds: its row id and the stat facts it was indexed with."""


@dataclass(frozen=True, slots=True)
class ToRead:
    """A file to read: new (`replaces` is None) or changed (the id of the row it replaces)."""

    path: str
    stat: FileStat
    replaces: int | None = None


@dataclass(frozen=True, slots=True)
class RefreshPlan:
    """The work of one refresh's text phase."""

    to_read: list[ToRead] = field(default_factory=list)
    """In path order: names often carry dates, so neighbours share the index's pages."""
    renamed: list[tuple[str, int]] = field(default_factory=list)
    """(new path, row id) of every file that only changed its name."""
    removed: list[int] = field(default_factory=list)
    """Row ids of files that are gone."""
    unchanged: int = 0


def plan_refresh(known: Mapping[str, KnownFile], on_disk: Mapping[str, FileStat]) -> RefreshPlan:
    """Compare the index (`known`, by relative path) with a scan (`on_disk`, by relative path)."""
    candidates: list[ToRead] = []
    unchanged = 0
    for path, stat in on_disk.items():
        old = known.get(path)
        if old is None:
            candidates.append(ToRead(path, stat))
        elif old[1] != stat:
            candidates.append(ToRead(path, stat, old[0]))
        else:
            unchanged += 1
    gone = {path: old for path, old in known.items() if path not in on_disk}

    # A removed file whose inode, size and mtime reappear under a new name was renamed.
    by_identity = {stat: (path, file_id) for path, (file_id, stat) in gone.items()}
    renamed: list[tuple[str, int]] = []
    to_read: list[ToRead] = []
    for item in candidates:
        match = by_identity.pop(item.stat, None) if item.replaces is None else None
        if match is not None:
            renamed.append((item.path, match[1]))
            del gone[match[0]]
        else:
            to_read.append(item)
    to_read.sort(key=lambda item: item.path)
    return RefreshPlan(to_read, renamed, [file_id for file_id, _stat in gone.values()], unchanged)
