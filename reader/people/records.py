"""One article's contribution to the person index, from what the officials extractor found.

Two sources give the same record: the rows the library index keeps per article (name,
posts as JSON, mention count, first paragraph) and an `OfficialsReport` straight from
`reader.officials.extract_officials`. The index rows carry no `former` flag, so a post
is former when its text says so (原建设部副部长, 韩国前总统) or when the paragraph that
prints it puts 时任/曾任 before it; the report's flag is used when there is one.

`mentions_of` turns a record into the mentions the grouping works on: one per official,
plus one for each person an event names whom the extractor did not report (the subjects
of a 任免 notice often stand without a post before their name).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence

from reader.people.events import find_events
from reader.people.model import ArticleRecord, Event, Mention, OfficialRecord

_FORMER_IN_POST = re.compile(r"^(?:原|前|已故)|[省市县区州国委府院部局]原|[省市县区州国]前|已故前")
_FORMER_CUES = ("时任", "曾任", "原任", "前任")
HELD_KINDS = frozenset({"appointed", "elected", "transferred"})
"""Events after which the person holds the post (a removal leaves it in the past)."""


def former_in_text(title: str, paragraph: str) -> bool:
    """Whether a post is printed as former: 原/前 in it, or 时任/曾任 just before it."""
    if _FORMER_IN_POST.search(title):
        return True
    start = paragraph.find(title)
    while start >= 0:
        if paragraph[max(0, start - 2) : start] in _FORMER_CUES:
            return True
        start = paragraph.find(title, start + 1)
    return False


def record_from_rows(
    path: str, date: str, rows: Iterable[tuple[str, str, int, int]], paragraphs: Sequence[str]
) -> ArticleRecord:
    """The record of an article from the index's officials rows (name, titles JSON, mentions,
    first paragraph) and its body paragraphs."""
    officials = []
    for name, titles_json, mentions, first in rows:
        titles = tuple(json.loads(titles_json))
        where = paragraphs[first] if 0 <= first < len(paragraphs) else ""
        former = tuple(former_in_text(title, where) for title in titles)
        officials.append(OfficialRecord(name, titles, former, mentions, first))
    names = [official.name for official in officials]
    return ArticleRecord(path, date[:10], tuple(officials), tuple(find_events(paragraphs, date, names)))


def mentions_of(record: ArticleRecord) -> list[Mention]:
    """The mentions an article gives the grouping: its officials, and the people only its
    events name. An event's post is a post of the person when they hold it afterwards
    (appointed, elected, transferred), a former one when removed; a post announced or
    nominated for is only a hint of where they are."""
    by_name: dict[str, list[Event]] = {}
    for event in record.events:
        by_name.setdefault(event.name, []).append(event)
    mentions = []
    for official in record.officials:
        hints = tuple(event.post for event in by_name.pop(official.name, ()))
        mentions.append(
            Mention(
                record.path,
                official.name,
                record.date,
                official.titles,
                official.former,
                official.mentions,
                official.first_paragraph,
                hints,
            )
        )
    for name, events in by_name.items():
        titles: list[str] = []
        former: list[bool] = []
        announced: list[str] = []
        for event in events:
            if event.kind in HELD_KINDS or event.kind == "removed":
                if event.post not in titles:
                    titles.append(event.post)
                    former.append(event.kind == "removed")
            else:
                announced.append(event.post)
        first = min(event.paragraph for event in events)
        held = (tuple(titles), tuple(former))
        mentions.append(Mention(record.path, name, record.date, *held, len(events), first, tuple(announced)))
    return mentions
