"""Keeping the person index up to date, incrementally, after the library index's refresh.

The algorithm, over per-article records (records.py) and grouping units (grouping.py):

1. Articles whose file or officials changed since the last run are in `people_dirty`
   (triggers, store.py). Every article is dirty when the tables are new, and again when
   the person index's own code or data changed (a fingerprint, as freshness.py does).
2. For each dirty article: its old mentions' buckets are noted, its record is computed
   again from its officials rows and paragraphs, its mentions and events replace the old
   ones; its new buckets are noted. An article that is gone just leaves its buckets.
3. Each noted bucket's *unit* (the bucket, or the buckets the user merged with it) is
   grouped again from the mentions stored for it, and its persons replace the old ones.
   No other unit is touched: changing one article costs its record and the grouping of
   the few names it prints.
4. When the user's choices changed since the last run, every unit they name is grouped again.

Runs in the background (the app's worker, `reader people` on demand), in batches with a
transaction each, reporting `IndexProgress("people", done, total)` like the library index.
Nothing here imports Textual or the officials extractor.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from reader.people import store
from reader.people.model import Mention, Overrides, PersonSummary, PostSpan, bucket_of

if TYPE_CHECKING:
    from reader.people.model import ArticleRecord

BATCH = 200
PACKAGE = Path(__file__).resolve().parent


@dataclass(slots=True)
class PeopleSummary:
    """What a person-index refresh did, for `reader people` and the benchmark."""

    articles: int = 0
    """Articles looked at (a changed file is two: its old row gone, its new one)."""
    read: int = 0
    """Articles whose record was computed again."""
    units: int = 0
    persons: int = 0
    seconds: float = 0.0
    cancelled: bool = False
    pending: int = 0
    """Articles whose officials the library index has not found yet (they come later)."""
    phases: dict[str, float] = field(default_factory=dict)
    warning: str | None = None
    """Why the user's choices were not applied (their file is unreadable), in one line."""


PeoplePhase = Literal["people", "persons"]
"""The person index's two steps: reading each changed article's officials, then grouping."""


@dataclass(frozen=True, slots=True)
class PeopleProgress:
    """How far a person-index refresh is: `done` of `total` articles (`people`) or units (`persons`)."""

    phase: PeoplePhase
    done: int
    total: int

    def status(self) -> str:
        """Words for the People screen's status line."""
        what = "reading officials" if self.phase == "people" else "grouping persons"
        return f"{what} {self.done:,}/{self.total:,}"


PeopleProgressCallback = Callable[[PeopleProgress], None]


def code_fingerprint() -> str:
    """What the person index's stored records depend on: this package's code and data."""
    h = hashlib.sha256()
    modules = ("build", "careers", "events", "grouping", "model", "places", "records", "store")
    script = [PACKAGE.parent / "script.py", PACKAGE.parent / "data" / "traditional_chars.txt"]
    for path in sorted([*(PACKAGE / f"{m}.py" for m in modules), *PACKAGE.glob("data/*.yaml"), *script]):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def choices_fingerprint(overrides: Overrides) -> str:
    merges = sorted(sorted(keys) for keys in overrides.merges)
    data = json.dumps([merges, sorted((sorted(a), sorted(r)) for a, r in overrides.splits)])
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def _bucket_of_key(key: str) -> str:
    return bucket_of(key.split("\t")[-1])


def overrides_by_unit(overrides: Overrides, unit: Callable[[str], str]) -> dict[str, Overrides]:
    """Each unit's share of the choices: grouping a unit then never walks the others' (a
    full rebuild groups every name of the library, the choices name a few)."""
    merges: dict[str, list[tuple[str, ...]]] = {}
    splits: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
    for keys in overrides.merges:
        for name in {unit(_bucket_of_key(k)) for k in keys}:
            merges.setdefault(name, []).append(keys)
    for apart, rest in overrides.splits:
        for name in {unit(_bucket_of_key(k)) for k in (*apart, *rest)}:
            splits.setdefault(name, []).append((apart, rest))
    return {
        name: Overrides(tuple(merges.get(name, ())), tuple(splits.get(name, ())))
        for name in {*merges, *splits}
    }


def units_of(overrides: Overrides) -> dict[str, str]:
    """Bucket → unit for the buckets the user merged across (李明 and 李名): the smallest
    bucket of each merged set names it. Buckets not listed are their own unit."""
    parent: dict[str, str] = {}

    def find(b: str) -> str:
        parent.setdefault(b, b)
        while parent[b] != b:
            b = parent[b]
        return b

    for keys in overrides.merges:
        buckets = [find(_bucket_of_key(k)) for k in keys]
        for other in buckets[1:]:
            ra, rb = find(buckets[0]), find(other)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {b: find(b) for b in list(parent) if find(b) != b}


def search_key(names: Iterable[str], pinyin: str, spans: Iterable[PostSpan]) -> str:
    """Name, pinyin without tones (spaced and run together), posts and their places, lower case."""
    import unicodedata

    from reader.people.places import post_places

    plain = "".join(c for c in unicodedata.normalize("NFD", pinyin) if not unicodedata.combining(c)).lower()
    parts = [*names, plain, plain.replace(" ", "")]
    for span in spans:
        parts.append(span.title)
        parts.extend(post_places(span.title))
    return "\n".join(dict.fromkeys(parts)).lower()


PersonRows = list[tuple[PersonSummary, list[PostSpan], list[tuple[int, str]]]]
"""One unit's persons as `store.replace_unit` keeps them: summary, posts, (file id, name) links."""


def persons_rows(
    unit: str,
    mentions: list[tuple[int, Mention]],
    overrides: Overrides,
    stories: dict[int, int] | None = None,
) -> PersonRows:
    """The rows `store.replace_unit` keeps for one unit: pure, from the unit's mentions and
    the repost groups of their articles (`stories`: file id -> story; a story counts once)."""
    from reader.people.careers import summary_fields  # only when a unit is grouped again (pinyin)
    from reader.people.grouping import group

    file_of = {m.key: file_id for file_id, m in mentions}
    file_by_path = {m.path: file_id for file_id, m in mentions}
    known = stories or {}

    def story(path: str) -> object:
        file_id = file_by_path.get(path)
        return known.get(file_id, file_id) if file_id is not None else path

    rows: PersonRows = []
    for person in group([m for _f, m in mentions], unit, overrides):
        fields_ = summary_fields(person.mentions, story)
        spans = fields_["posts"]
        summary = PersonSummary(
            person.id,
            fields_["name"],
            fields_["pinyin"],
            fields_["latest_post"],
            fields_["articles"],
            fields_["mentions"],
            fields_["first_seen"],
            fields_["last_seen"],
            search_key(fields_["names"], fields_["pinyin"], spans),
        )
        rows.append((summary, spans, [(file_of[m.key], m.name) for m in person.mentions]))
    return rows


def refresh_people(
    conn: sqlite3.Connection,
    overrides: Overrides,
    progress: PeopleProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PeopleSummary:
    """Bring the person tables up to date (see the module's docstring). `conn` is a
    connection of its own (the caller's LibraryIndex connection, under its lock)."""
    started = time.perf_counter()
    report = progress or (lambda _step: None)
    stop = cancelled or (lambda: False)
    summary = PeopleSummary()
    conn.execute("BEGIN IMMEDIATE")
    try:
        store.ensure_schema(conn)
        code = code_fingerprint()
        if store.get_meta(conn, store.CODE_KEY) != code:
            conn.execute("INSERT OR IGNORE INTO people_dirty SELECT id FROM files")
            store.set_meta(conn, store.CODE_KEY, code)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")

    units = units_of(overrides)

    def unit(bucket: str) -> str:
        return units.get(bucket, bucket)

    shares = overrides_by_unit(overrides, unit)
    nothing = Overrides()

    dirty_units: set[str] = set()
    named = sorted(_units_named(overrides, unit))
    choices = json.dumps({"hash": choices_fingerprint(overrides), "units": named}, ensure_ascii=False)
    stored = store.get_meta(conn, store.CHOICES_KEY)
    if stored != choices:
        # The units the old choices named and the new ones: a merge undone regroups both sides.
        before = json.loads(stored)["units"] if stored else []
        dirty_units |= set(named) | {bucket_of(b) for b in before} | set(before)

    pending = [row[0] for row in conn.execute("SELECT file_id FROM people_dirty ORDER BY file_id")]
    total = len(pending)
    report(PeopleProgress("people", 0, total))
    for start in range(0, total, BATCH):
        if stop():
            summary.cancelled = True
            break
        ids = pending[start : start + BATCH]
        conn.execute("BEGIN IMMEDIATE")
        try:
            for file_id in ids:
                dirty_units |= {unit(b) for b in store.buckets_of_file(conn, file_id)}
                row = conn.execute(
                    "SELECT path, date, officials_done, error FROM files WHERE id = ?", (file_id,)
                ).fetchone()
                if row is None or row[3] is not None:
                    store.forget_article(conn, file_id)
                elif not row[2]:
                    summary.pending += 1
                    store.forget_article(conn, file_id)
                else:
                    from reader.people.records import (
                        mentions_of,
                    )  # the event rules: only for changed articles

                    record = _record(conn, file_id, row[0], row[1])
                    summary.read += 1
                    mentions = mentions_of(record)
                    store.replace_article(conn, file_id, row[0], mentions, record.events, bucket_of)
                    dirty_units |= {unit(bucket_of(m.name)) for m in mentions}
                conn.execute("DELETE FROM people_dirty WHERE file_id = ?", (file_id,))
            summary.articles += len(ids)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        report(PeopleProgress("people", min(start + BATCH, total), total))
    summary.phases["records"] = time.perf_counter() - started

    grouped = time.perf_counter()
    members: dict[str, list[str]] = {}
    for bucket, target in units.items():
        members.setdefault(target, [target]).append(bucket)
    ordered = sorted({unit(name) for name in dirty_units})
    report(PeopleProgress("persons", 0, len(ordered)))
    for start in range(0, len(ordered), BATCH):
        if stop():
            summary.cancelled = True
            break
        conn.execute("BEGIN IMMEDIATE")
        try:
            for name in ordered[start : start + BATCH]:
                buckets = members.get(name, [name])
                found = store.mentions_of_buckets(conn, buckets)
                for other in buckets:
                    if other != name:
                        store.forget_unit(conn, other)
                stories = store.stories_of(conn, {article for article, _m in found})
                rows = persons_rows(name, found, shares.get(name, nothing), stories) if found else []
                store.replace_unit(conn, name, rows)
                summary.persons += len(rows)
            summary.units += len(ordered[start : start + BATCH])
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        report(PeopleProgress("persons", min(start + BATCH, len(ordered)), len(ordered)))
    if not summary.cancelled and stored != choices:  # unchanged: no write, no WAL to sync on close
        conn.execute("BEGIN IMMEDIATE")
        store.set_meta(conn, store.CHOICES_KEY, choices)
        conn.execute("COMMIT")
    summary.phases["grouping"] = time.perf_counter() - grouped
    summary.seconds = time.perf_counter() - started
    return summary


def _units_named(overrides: Overrides, unit: Callable[[str], str]) -> set[str]:
    keys: Iterable[str] = [k for merged in overrides.merges for k in merged] + [
        k for apart, rest in overrides.splits for k in (*apart, *rest)
    ]
    buckets = {_bucket_of_key(key) for key in keys}
    return buckets | {unit(bucket) for bucket in buckets}


def _record(conn: sqlite3.Connection, file_id: int, path: str, date: str) -> ArticleRecord:
    from reader.people.records import record_from_rows

    rows = conn.execute(
        "SELECT name, titles, mentions, first_paragraph FROM officials WHERE file_id = ? ORDER BY rowid",
        (file_id,),
    ).fetchall()
    paragraphs = [
        row[0]
        for row in conn.execute(
            "SELECT text FROM paragraphs WHERE file_id = ? AND idx >= 0 ORDER BY idx", (file_id,)
        )
    ]
    return record_from_rows(path, date[:10], rows, paragraphs)
