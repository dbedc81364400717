"""`reader people` and `reader events` output: JSON with the shapes of issue 15, CSV, a table.

JSON is data: strings stay exact (the CLI \\u-escapes only the characters json.dumps
would write raw that a terminal might act on). CSV has one row per post (people) or per
event, with a header, for pandas or R. The table is for reading in a terminal: every
string from an article goes through `inert_line`, so no file can move the cursor.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from reader.files import write_atomic
from reader.people.model import PersonSummary, PostSpan
from reader.people.query import EventRow
from reader.textsafety import inert_line, json_safe

PEOPLE_CSV = [
    "id", "name", "pinyin", "articles", "mentions", "first_seen", "last_seen",
    "title", "first", "last", "post_articles", "former",
]  # fmt: skip
EVENTS_CSV = ["person", "name", "kind", "post", "date", "path", "paragraph_1based"]
"""CSV is for people: the paragraph counts from 1 as on screen (`title`: the headline), and
the column says so; JSON keeps `paragraph` from 0, as documented."""


def paragraph_for_people(paragraph: int) -> str:
    """`3` for the third body paragraph (from 1), `title` for the headline (-1)."""
    return "title" if paragraph < 0 else str(paragraph + 1)


def person_dict(summary: PersonSummary, posts: list[PostSpan]) -> dict[str, object]:
    """One person as `reader people --format json` prints them."""
    return {
        "id": summary.id,
        "name": summary.name,
        "posts": [
            {"title": p.title, "first": p.first, "last": p.last, "articles": p.articles} for p in posts
        ],
        "articles": summary.articles,
        "mentions": summary.mentions,
        "first_seen": summary.first_seen,
        "last_seen": summary.last_seen,
    }


def event_dict(event: EventRow) -> dict[str, object]:
    return {
        "person": event.person,
        "name": event.name,
        "kind": event.kind,
        "post": event.post,
        "date": event.date,
        "path": event.path,
        "paragraph": event.paragraph,
    }


def people_json(people: list[tuple[PersonSummary, list[PostSpan]]]) -> str:
    data = {"people": [person_dict(s, p) for s, p in people]}
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def events_json(events: list[EventRow]) -> str:
    return (
        json_safe(json.dumps({"events": [event_dict(e) for e in events]}, ensure_ascii=False, indent=2))
        + "\n"
    )


def people_csv(people: list[tuple[PersonSummary, list[PostSpan]]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(PEOPLE_CSV)
    for s, posts in people:
        person = [s.id, s.name, s.pinyin, s.articles, s.mentions, s.first_seen or "", s.last_seen or ""]
        if not posts:
            writer.writerow([*person, "", "", "", "", ""])
        for p in posts:
            writer.writerow([*person, p.title, p.first or "", p.last or "", p.articles, int(p.former)])
    return out.getvalue()


def events_csv(events: list[EventRow]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENTS_CSV)
    for e in events:
        writer.writerow(
            [e.person, e.name, e.kind, e.post, e.date or "", e.path, paragraph_for_people(e.paragraph)]
        )
    return out.getvalue()


def _where(paragraph: int) -> str:
    return "title" if paragraph < 0 else f"¶{paragraph + 1}"


def people_table(people: list[tuple[PersonSummary, list[PostSpan]]]) -> str:
    lines = []
    for s, posts in people:
        seen = f"{s.first_seen or '?'} – {s.last_seen or '?'}"
        lines.append(
            inert_line(
                f"{s.name}  {s.pinyin}  ({s.articles} articles, {s.mentions} mentions, {seen})  [{s.id}]"
            )
        )
        for p in posts:
            when = f"{p.first or 'undated'}" + (f" – {p.last}" if p.last and p.last != p.first else "")
            mark = " (former)" if p.former else ""
            lines.append(inert_line(f"    {when:<23}  {p.title}{mark}  · {p.articles}"))
    return "\n".join(lines) + ("\n" if lines else "No persons found.\n")


def events_table(events: list[EventRow]) -> str:
    lines = [
        inert_line(
            f"{e.date or 'undated':<10}  {e.kind:<11}  {e.name}  {e.post}  ({e.path} {_where(e.paragraph)})"
        )
        for e in events
    ]
    return "\n".join(lines) + ("\n" if lines else "No events found.\n")


def unique_stem(folder: Path, base: str) -> Path:
    """`folder/base`, or `base-2`, `base-3`… : the first whose .csv and .json are both free,
    so an export never replaces an earlier one of the same name."""
    number = 1
    while True:
        stem = folder / (base if number == 1 else f"{base}-{number}")
        if not any(stem.with_name(stem.name + suffix).exists() for suffix in (".csv", ".json")):
            return stem
        number += 1


def save_people(people: list[tuple[PersonSummary, list[PostSpan]]], folder: Path, base: str) -> Path:
    """Write `people` as CSV and JSON (the shapes of `reader people`) under a new name in
    `folder` (the state folder's exports/, never beside an article). Returns the stem both
    share; raises OSError when the folder cannot be written."""
    stem = unique_stem(folder, base)
    write_atomic(stem.with_name(stem.name + ".csv"), people_csv(people).encode("utf-8"))
    write_atomic(stem.with_name(stem.name + ".json"), people_json(people).encode("utf-8"))
    return stem
