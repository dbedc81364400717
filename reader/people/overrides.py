"""The user's merge and split choices, kept in the state folder so re-indexing keeps them.

Why mention keys and not person ids: ids are derived from the mentions (grouping.py),
so a choice that named ids could point at nothing after the library changes. A choice
names mentions instead, by article path and name as printed, which re-indexing never
changes: "the mentions of these persons are one person" (a merge: every mention the
persons had when the user chose), "甲.txt's and 丙.txt's 李明 are someone else than the
rest" (a split). A choice has an id of its own (a hash of what it says), so a script can
drop one (`reader people forget ID`), and a label the user can read (names and posts).

The file is JSON, one per library, written atomically (reader/files.py). One that cannot
be read (broken JSON, a wrong shape, not a regular file) is never an error: its choices
are ignored, `Choices.warning` says so in one line, and the next choice moves it aside
(`<name>.unreadable-<time>`) rather than writing over the user's work.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from reader import locations
from reader.files import read_regular, reason, set_aside, write_atomic
from reader.people.model import Overrides

VERSION = 2
LIMIT = 64 << 20
"""Bytes a choices file may have: far more than any user makes by hand."""
ChoiceKind = Literal["merge", "split"]


@dataclass(frozen=True, slots=True)
class Choice:
    """One merge or split, as the user made it."""

    kind: ChoiceKind
    keys: tuple[str, ...]
    """merge: the mentions that are one person; split: the mentions set apart (one person)."""
    rest: tuple[str, ...] = ()
    """split only: the mentions the apart ones are never the same person as."""
    label: str = ""
    made: str = ""
    """When, as an ISO date and time (UTC)."""
    replaced: tuple[Choice, ...] = ()
    """The earlier choices this one dropped or narrowed, as they were: what undoing it restores."""

    @property
    def id(self) -> str:
        """Eight hex digits from what the choice says (not when or how it is labelled)."""
        text = json.dumps([self.kind, sorted(self.keys), sorted(self.rest)], ensure_ascii=False)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]

    def names(self, keys: Iterable[str]) -> bool:
        """Whether the choice speaks of any of `keys` (mention keys)."""
        wanted = set(keys)
        return any(key in wanted for key in (*self.keys, *self.rest))


@dataclass(frozen=True, slots=True)
class Choices:
    """Every choice of one library, oldest first, and why none were read (if so)."""

    items: tuple[Choice, ...] = ()
    warning: str | None = None

    def overrides(self) -> Overrides:
        """What the grouping applies (model.Overrides)."""
        return Overrides(
            tuple(c.keys for c in self.items if c.kind == "merge"),
            tuple((frozenset(c.keys), frozenset(c.rest)) for c in self.items if c.kind == "split"),
        )


@dataclass(frozen=True, slots=True)
class Change:
    """What a call that changes the choices did."""

    added: Choice | None = None
    dropped: tuple[Choice, ...] = ()
    """Choices removed: asked for, or undone by the new one (a merge undoes a split of the two)."""
    set_aside: Path | None = None
    """Where an unreadable choices file was moved before the new one was written."""
    trimmed: tuple[Choice, ...] = field(default_factory=tuple)
    """Earlier merges a new split narrowed (the mentions set apart left them)."""
    restored: tuple[Choice, ...] = ()
    """Choices an undo gave back (the ones the undone choice had dropped or narrowed)."""


def choices_path(library: Path) -> Path:
    """Where one library's choices live: a file named by the library's resolved path."""
    key = hashlib.sha256(str(library.resolve()).encode("utf-8")).hexdigest()[:16]
    return locations.people_choices_dir() / f"{key}.json"


class _Bad(ValueError):
    """The file's content is not a choices file."""


def _keys(value: object, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(k, str) and "\t" in k for k in value):
        raise _Bad(f"{what} is not a list of mention keys")
    return tuple(dict.fromkeys(value))


def _choice(number: int, data: object) -> Choice:
    if not isinstance(data, dict):
        raise _Bad(f"choice {number} is not an object")
    kind = data.get("kind")
    keys = _keys(data.get("keys"), f"choice {number}'s keys")
    rest = _keys(data.get("rest", []), f"choice {number}'s rest")
    earlier = data.get("replaced", [])
    if not isinstance(earlier, list):
        raise _Bad(f"choice {number}'s replaced is not a list of choices")
    replaced = tuple(_choice(number, item) for item in earlier)
    label, made = str(data.get("label", "")), str(data.get("made", ""))
    if kind == "merge" and len(keys) >= 2 and not rest:
        return Choice("merge", keys, (), label, made, replaced)
    if kind == "split" and keys:
        return Choice("split", keys, rest, label, made, replaced)
    raise _Bad(f"choice {number} is neither a merge of two mentions or more nor a split")


def _record(c: Choice) -> dict[str, object]:
    """A choice as the file keeps it."""
    data: dict[str, object] = {"kind": c.kind, "keys": list(c.keys)}
    if c.kind == "split":
        data["rest"] = list(c.rest)
    data.update(label=c.label, made=c.made, id=c.id)
    if c.replaced:
        data["replaced"] = [_record(earlier) for earlier in c.replaced]
    return data


def _parse(data: object) -> tuple[Choice, ...]:
    if not isinstance(data, dict):
        raise _Bad("it is not a JSON object")
    if "choices" not in data and ("merges" in data or "splits" in data):  # the first version
        merges = data.get("merges", [])
        splits = data.get("splits", [])
        if not isinstance(merges, list) or not isinstance(splits, list):
            raise _Bad("merges or splits is not a list")
        old: list[object] = [{"kind": "merge", "keys": pair} for pair in merges]
        old += [
            {"kind": "split", "keys": s.get("apart"), "rest": s.get("rest", [])} if isinstance(s, dict) else s
            for s in splits
        ]
        return tuple(_choice(n, item) for n, item in enumerate(old, start=1))
    items = data.get("choices")
    if not isinstance(items, list):
        raise _Bad("its choices are not a list")
    return tuple(_choice(n, item) for n, item in enumerate(items, start=1))


def load_choices(library: Path) -> Choices:
    """The saved choices: none when there is no file; none and a warning when it is unreadable."""
    path = choices_path(library)
    try:
        raw = read_regular(path, LIMIT)
    except FileNotFoundError:
        return Choices()
    except OSError as error:
        return Choices(warning=_warning(path, reason(error)))
    try:
        return Choices(_parse(json.loads(raw.decode("utf-8"))))
    except UnicodeDecodeError:
        return Choices(warning=_warning(path, "it is not UTF-8"))
    except _Bad as error:
        return Choices(warning=_warning(path, str(error)))
    except (ValueError, RecursionError) as error:  # broken JSON (JSONDecodeError is a ValueError)
        return Choices(warning=_warning(path, f"it is not JSON ({str(error)[:80]})"))


def _warning(path: Path, why: str) -> str:
    return f"Your merge and split choices in {path} are ignored: {why}"


def load_overrides(library: Path) -> Overrides:
    """What the grouping applies for `library` (nothing when the file is unreadable)."""
    return load_choices(library).overrides()


def _save(library: Path, current: Choices, items: Sequence[Choice]) -> Path | None:
    path = choices_path(library)
    moved = None
    if current.warning is not None and path.exists():
        moved = set_aside(path, "unreadable")  # the user's work is never written over
    data = {
        "version": VERSION,
        "library": str(library.resolve()),
        "choices": [_record(c) for c in items],
    }
    write_atomic(path, (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return moved


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def add_merge(library: Path, keys: Iterable[str], label: str = "") -> Change:
    """Keep that the mentions `keys` (Mention.key, two or more) are one person.

    A split that kept some of them apart from others of them is undone (dropped)."""
    merged = tuple(dict.fromkeys(keys))
    if len(merged) < 2:
        raise ValueError("a merge needs two mentions or more")
    current = load_choices(library)
    wanted = set(merged)
    kept: list[Choice] = []
    dropped: list[Choice] = []
    for c in current.items:
        undone = c.kind == "split" and wanted & set(c.keys) and wanted & set(c.rest)
        (dropped if undone else kept).append(c)
    choice = Choice("merge", merged, (), label, _now(), tuple(dropped))
    kept = [c for c in kept if c.id != choice.id]
    moved = _save(library, current, [*kept, choice])
    return Change(choice, tuple(dropped), moved)


def add_split(library: Path, apart: Iterable[str], rest: Iterable[str], label: str = "") -> Change:
    """Keep that the mentions `apart` are one person, never the same as any of `rest`.

    Earlier merges that joined some of `apart` to some of `rest` lose the apart mentions
    (dropped when fewer than two are left)."""
    apart_keys = tuple(dict.fromkeys(apart))
    rest_keys = tuple(k for k in dict.fromkeys(rest) if k not in set(apart_keys))
    if not apart_keys:
        raise ValueError("a split needs a mention to set apart")
    current = load_choices(library)
    away = set(apart_keys)
    kept: list[Choice] = []
    dropped: list[Choice] = []
    trimmed: list[Choice] = []
    replaced: list[Choice] = []
    for c in current.items:
        if c.kind == "merge" and away & set(c.keys) and set(rest_keys) & set(c.keys):
            replaced.append(c)
            left = tuple(k for k in c.keys if k not in away)
            if len(left) >= 2:
                narrowed = Choice("merge", left, (), c.label, c.made, c.replaced)
                kept.append(narrowed)
                trimmed.append(narrowed)
            else:
                dropped.append(c)
        else:
            kept.append(c)
    choice = Choice("split", apart_keys, rest_keys, label, _now(), tuple(replaced))
    kept = [c for c in kept if c.id != choice.id]
    moved = _save(library, current, [*kept, choice])
    return Change(choice, tuple(dropped), moved, tuple(trimmed))


def forget(library: Path, ids: Iterable[str]) -> Change:
    """Drop the choices with these ids (a prefix of four digits or more names one too)."""
    current = load_choices(library)
    wanted = [i.lower() for i in ids]
    hit = [c for c in current.items if any(c.id.startswith(i) and len(i) >= 4 for i in wanted)]
    if not hit:
        return Change()
    moved = _save(library, current, [c for c in current.items if c not in hit])
    return Change(None, tuple(hit), moved)


def forget_naming(library: Path, keys: Iterable[str]) -> Change:
    """Drop every choice that speaks of any of `keys`: "forget my choices for this person"."""
    current = load_choices(library)
    wanted = set(keys)
    hit = [c for c in current.items if c.names(wanted)]
    if not hit:
        return Change()
    moved = _save(library, current, [c for c in current.items if c not in hit])
    return Change(None, tuple(hit), moved)


def undo_last(library: Path) -> Change:
    """Drop the newest choice and give back what it dropped or narrowed (a merge that undid a
    split: the split again), so the choices are as they were before it."""
    current = load_choices(library)
    if not current.items:
        return Change()
    last = current.items[-1]
    back = {c.id for c in last.replaced}
    # What it narrowed is in the list under a new id: the narrowed merges with the keys left.
    narrowed = {
        Choice(
            "merge", tuple(k for k in c.keys if k not in set(last.keys)), (), c.label, c.made, c.replaced
        ).id
        for c in last.replaced
        if last.kind == "split"
    }
    items = [c for c in current.items[:-1] if c.id not in narrowed and c.id not in back]
    moved = _save(library, current, [*items, *last.replaced])
    return Change(None, (last,), moved, restored=last.replaced)
