"""The user's merge and split choices, kept in the state folder so re-indexing keeps them.

Why mention keys and not person ids: ids are derived from the mentions (grouping.py),
so a choice that named ids could point at nothing after the library changes. A choice
names mentions instead, by article path and name as printed, which re-indexing never
changes: "the person of 甲.txt's 李明 is the person of 乙.txt's 李明" (a merge), "甲.txt's
and 丙.txt's 李明 are someone else than the rest" (a split). The file is JSON, one per
library, written atomically (reader/files.py).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from reader import locations
from reader.files import write_atomic
from reader.people.model import Overrides


def choices_path(library: Path) -> Path:
    """Where one library's choices live: a file named by the library's resolved path."""
    key = hashlib.sha256(str(library.resolve()).encode("utf-8")).hexdigest()[:16]
    return locations.people_choices_dir() / f"{key}.json"


def load_overrides(library: Path) -> Overrides:
    """The saved choices; none when the file is missing or unreadable (never an error:
    the index still works, and the next choice writes a good file)."""
    try:
        data = json.loads(choices_path(library).read_text(encoding="utf-8"))
        merges = tuple((str(a), str(b)) for a, b in data.get("merges", ()))
        splits = tuple(
            (frozenset(map(str, s.get("apart", ()))), frozenset(map(str, s.get("rest", ()))))
            for s in data.get("splits", ())
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return Overrides()
    return Overrides(merges, splits)


def _save(library: Path, overrides: Overrides) -> None:
    data = {
        "library": str(library.resolve()),
        "merges": [list(pair) for pair in overrides.merges],
        "splits": [{"apart": sorted(apart), "rest": sorted(rest)} for apart, rest in overrides.splits],
    }
    write_atomic(
        choices_path(library), (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    )


def add_merge(library: Path, one: str, other: str) -> Overrides:
    """Keep that the mentions `one` and `other` (Mention.key) are one person."""
    current = load_overrides(library)
    # A merge undoes any split that kept these two apart.
    splits = tuple((a, r) for a, r in current.splits if not ({one, other} & a and {one, other} & r))
    updated = Overrides((*current.merges, (one, other)), splits)
    _save(library, updated)
    return updated


def add_split(library: Path, apart: Iterable[str], rest: Iterable[str]) -> Overrides:
    """Keep that the mentions `apart` are one person, never the same as any of `rest`."""
    current = load_overrides(library)
    apart_set, rest_set = frozenset(apart), frozenset(rest) - frozenset(apart)
    merges = tuple(
        (a, b)
        for a, b in current.merges
        if not ((a in apart_set and b in rest_set) or (b in apart_set and a in rest_set))
    )
    updated = Overrides(merges, (*current.splits, (apart_set, rest_set)))
    _save(library, updated)
    return updated
