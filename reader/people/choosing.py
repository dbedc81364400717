"""Merging and splitting persons by id: what the person view and `reader people merge` share.

Why a module between the ids the user sees and the mention keys the choices keep: the
user picks persons (their ids, as `reader people` prints and the People screen lists
them) and articles; the choices file keeps the mentions those stand for today
(overrides.py), because ids change when the grouping does. Everything here checks the
ids and articles against the person index first, so a wrong one is one clear error
(`ChoiceError`), never a choice that names nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from reader.people.model import PersonSummary
from reader.people.overrides import Change, add_merge, add_split, forget_naming
from reader.people.query import PeopleIndex


class ChoiceError(ValueError):
    """A merge or split that cannot be made (its message is one line for the user)."""


def person_label(summary: PersonSummary) -> str:
    """`王毅 (外交部长)`: a name and the post that tells who it is."""
    return f"{summary.name} ({summary.latest_post})" if summary.latest_post else summary.name


def _summary(people: PeopleIndex, person_id: str) -> PersonSummary:
    summary = people.summary(person_id)
    if summary is None:
        raise ChoiceError(f"no person with id {person_id!r} in {people.library}")
    return summary


def merge_persons(people: PeopleIndex, ids: Sequence[str]) -> Change:
    """Keep that the persons `ids` (two or more) are one: every mention they have now."""
    unique = list(dict.fromkeys(ids))
    if len(unique) < 2:
        raise ChoiceError("a merge needs two different persons")
    summaries = [_summary(people, person_id) for person_id in unique]
    keys = [key for person_id in unique for key in people.mention_keys(person_id)]
    label = " + ".join(person_label(s) for s in summaries)
    return add_merge(people.library, keys, label)


def relative_article(library: Path, raw: str) -> str:
    """An article as the person index names it (relative to the library, POSIX), from a
    path relative to the library (as `reader events` prints it) or to the working folder."""
    path = Path(raw).expanduser()
    candidates = [path] if path.is_absolute() else [library / path, Path.cwd() / path]
    existing = [candidate for candidate in candidates if candidate.exists()]
    for candidate in existing or candidates:
        try:
            return candidate.resolve().relative_to(library.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            continue
    raise ChoiceError(f"{raw}: not an article of the library {library}")


def split_person(people: PeopleIndex, person_id: str, articles: Collection[str]) -> Change:
    """Keep that the person's mentions in `articles` (relative paths) are someone else."""
    summary = _summary(people, person_id)
    mentions = people.mentions(person_id)
    paths = {m.path for m in mentions}
    unknown = sorted(set(articles) - paths)
    if unknown:
        raise ChoiceError(f"{unknown[0]} does not name {summary.name} [{person_id}]")
    apart = [m.key for m in mentions if m.path in articles]
    rest = [m.key for m in mentions if m.path not in articles]
    if not apart:
        raise ChoiceError("choose at least one article to set apart")
    if not rest:
        raise ChoiceError(
            f"every article of {summary.name} [{person_id}] chosen: nothing is left to split from"
        )
    count = len({m.path for m in mentions if m.path in articles})
    label = f"{person_label(summary)}: {count} of {len(paths)} articles set apart"
    return add_split(people.library, apart, rest, label)


def forget_person(people: PeopleIndex, person_id: str) -> Change:
    """Drop every choice that speaks of the person's mentions."""
    _summary(people, person_id)
    return forget_naming(people.library, people.mention_keys(person_id))


def anchor(people: PeopleIndex, person_id: str, away: Collection[str] = ()) -> str | None:
    """A mention of the person (not in the articles `away`) to find them by after a regrouping."""
    for mention in people.mentions(person_id):
        if mention.path not in away:
            return mention.key
    return None


def describe(change: Change) -> list[str]:
    """One line for each thing the change did that the user should know."""
    lines = []
    for choice in change.dropped:
        lines.append(f"dropped choice {choice.id}: {choice.kind} {choice.label}".rstrip())
    for choice in change.trimmed:
        lines.append(f"narrowed choice {choice.id}: the articles set apart left the merge {choice.label}")
    for choice in change.restored:
        lines.append(f"restored choice {choice.id}: {choice.kind} {choice.label}".rstrip())
    if change.set_aside is not None:
        lines.append(f"the unreadable choices file was kept as {change.set_aside}")
    return lines
