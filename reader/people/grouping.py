"""Grouping the officials of a library into persons.

The rules, in order (the README's "Who's who" says the same for users):

1. **Same bucket.** Only mentions whose names may be one person's are compared: the same
   name, or a dotted foreign name and its last part (弗拉基米尔·普京, 普京). Across
   articles nothing else joins: a short form alone (柳市长, 习总书记) is only ever linked
   inside its article, by the officials extractor, because a surname and a post name many
   people in a library (every city has a 市长 called 柳 somewhere).
2. **Same place, same person.** Mentions whose posts name the same place (嘉峪关市委副书记,
   嘉峪关市长) join, whatever their dates: one name holding posts in one place is one person.
3. **Different countries, two persons; different places at the same time, two persons.**
   Posts of two countries (巴勒斯坦总统, 叙利亚国防部长) are two people whatever the dates:
   no career runs from one country's government to another's. Two such groups stay apart when
   their posts name places that cannot be held together (not the same, not a city and its
   province) and the dates they are printed as current (not 原, 时任) overlap, each widened
   by `MARGIN_DAYS`: a 县长 李明 in 甘肃 and a 局长 李明 in 广东 in the same month.
   Groups printed in different places at different times are one career (李强: 浙江,
   江苏, 上海, then 国务院总理).
4. **Posts without a place** (市长, 国务委员兼外交部长, 中央外事工作委员会办公室主任) never
   tell two people apart: such a mention joins the person of its name it fits best (the
   same post printed, then the same last title, then the nearest date, then the person with
   the most articles).
5. **The user's choices come last and win**: a merge joins two persons, a split keeps a set
   of mentions apart from the rest (overrides.py), both stored as mention keys
   (article path + name), so they survive re-indexing.

A person's id is derived from content: a hash of the bucket and, for every person but the
bucket's largest, its earliest mention's key, so the same library gives the same ids.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reader.people.model import Mention, Overrides, Person
from reader.people.places import compatible, is_country, post_places

MARGIN_DAYS = 30
"""How far either side of its dates a post counts as held: transfers are printed late."""


@dataclass(slots=True)
class _Group:
    members: list[Mention] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    start: dt.date | None = None
    end: dt.date | None = None
    sides: set[tuple[int, bool]] = field(default_factory=set)

    def add_span(self, day: dt.date) -> None:
        self.start = day if self.start is None or day < self.start else self.start
        self.end = day if self.end is None or day > self.end else self.end


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else None
    except ValueError:
        return None


def _current_places(mention: Mention) -> set[str]:
    places: set[str] = set()
    for index, title in enumerate(mention.titles):
        if not (index < len(mention.former) and mention.former[index]):
            places.update(post_places(title))
    for hint in mention.hints:
        places.update(post_places(hint))
    return places


def _all_places(mention: Mention) -> set[str]:
    places = _current_places(mention)
    for title in mention.titles:
        places.update(post_places(title))
    return places


def _heads(mention: Mention) -> set[str]:
    """The last title of each post, place and organisation aside: 浙江省委书记 → 书记."""
    return {title.lstrip("原前")[-2:] for title in mention.titles}


def _sides(mention: Mention, overrides: Overrides) -> set[tuple[int, bool]]:
    sides = set()
    for number, (apart, rest) in enumerate(overrides.splits):
        if mention.key in apart:
            sides.add((number, True))
        elif mention.key in rest:
            sides.add((number, False))
    return sides


def _opposed(a: set[tuple[int, bool]], b: set[tuple[int, bool]]) -> bool:
    return any((number, not side) in b for number, side in a)


def _overlap(a: _Group, b: _Group) -> bool:
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    margin = dt.timedelta(days=MARGIN_DAYS)
    return a.start - margin <= b.end + margin and b.start - margin <= a.end + margin


def _conflict(a: _Group, b: _Group) -> bool:
    if _opposed(a.sides, b.sides):
        return True
    if not a.places or not b.places or any(compatible(x, y) for x in a.places for y in b.places):
        return False
    if any(is_country(x) for x in (*a.places, *b.places)):
        return True  # no career runs from one country's government to another's
    return _overlap(a, b)


def group(mentions: Sequence[Mention], bucket: str, overrides: Overrides | None = None) -> list[Person]:
    """The persons of one bucket (or of several buckets the user merged): pure and
    deterministic, whatever order the mentions come in."""
    overrides = overrides or Overrides()
    ordered = sorted(mentions, key=lambda m: (m.date or "9999", m.path, m.name))
    if not ordered:
        return []
    index_of = {m.key: n for n, m in enumerate(ordered)}
    parent = list(range(len(ordered)))
    sides = [_sides(m, overrides) for m in ordered]
    merged = {key for keys in overrides.merges for key in keys}

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra == rb or _opposed(sides[ra], sides[rb]):
            return
        parent[rb] = ra
        sides[ra] |= sides[rb]

    # The user's merges and the apart sets of splits first, then rule 2 (same place).
    for keys in overrides.merges:
        members = [index_of[key] for key in keys if key in index_of]
        for other in members[1:]:
            union(members[0], other)
    for apart, _rest in overrides.splits:
        members = [index_of[key] for key in apart if key in index_of]
        for other in members[1:]:
            union(members[0], other)
    by_place: dict[str, int] = {}
    placeless: list[int] = []
    for n, mention in enumerate(ordered):
        places = _all_places(mention)
        if not places:
            placeless.append(n)
        for place in places:
            if place in by_place:
                union(by_place[place], n)
            else:
                by_place[place] = n

    groups: dict[int, _Group] = {}
    loose: list[Mention] = []
    for n, mention in enumerate(ordered):
        root = find(n)
        if n in placeless and root == n and not _sides(mention, overrides) and mention.key not in merged:
            loose.append(mention)
            continue
        g = groups.setdefault(root, _Group())
        g.members.append(mention)
        g.sides |= sides[root]
        current = _current_places(mention)
        g.places |= current
        day = _day(mention.date)
        if current and day is not None:
            g.add_span(day)

    # Rule 3: greedy, biggest group first; a group joins the person it fits best.
    persons: list[_Person] = []
    for g in sorted(groups.values(), key=lambda g: (-_articles(g.members), g.members[0].date or "9999")):
        _place(g, persons)
    # Rule 4: mentions without a place join the person they fit best.
    for mention in loose:
        _place(_Group([mention], sides=_sides(mention, overrides)), persons)
    return _finish(bucket, [p.mentions() for p in persons])


class _Person:
    """A person being assembled, with what `_affinity` and `_conflict` ask kept up to date."""

    def __init__(self) -> None:
        self.groups: list[_Group] = []
        self.placed: list[_Group] = []
        self.titles: set[str] = set()
        self.heads: set[str] = set()
        self.days: list[int] = []
        self.paths: set[str] = set()

    def add(self, g: _Group) -> None:
        self.groups.append(g)
        if g.places or g.sides:
            self.placed.append(g)
        for m in g.members:
            self.titles.update(m.titles)
            self.heads.update(_heads(m))
            self.paths.add(m.path)
            day = _day(m.date)
            if day is not None:
                bisect.insort(self.days, day.toordinal())

    def fits(self, g: _Group) -> bool:
        return not any(_conflict(g, h) for h in self.placed)

    def mentions(self) -> list[Mention]:
        return [m for g in self.groups for m in g.members]


def _place(g: _Group, persons: list[_Person]) -> None:
    fits = [p for p in persons if p.fits(g)]
    if fits:
        best = max(fits, key=lambda p: _affinity(g.members, p)) if len(fits) > 1 else fits[0]
    else:
        best = _Person()
        persons.append(best)
    best.add(g)


def _articles(mentions: Iterable[Mention]) -> int:
    return len({m.path for m in mentions})


def _affinity(members: Sequence[Mention], person: _Person) -> tuple[int, int, int, int]:
    same_titles = sum(t in person.titles for m in members for t in m.titles)
    same_heads = sum(h in person.heads for m in members for h in _heads(m))
    nearest = -(10**6)
    for m in members:
        day = _day(m.date)
        if day is None or not person.days:
            continue
        at = bisect.bisect_left(person.days, day.toordinal())
        near = [abs(person.days[i] - day.toordinal()) for i in (at - 1, at) if 0 <= i < len(person.days)]
        nearest = max(nearest, -min(near))
    return same_titles, same_heads, nearest, len(person.paths)


def _finish(bucket: str, people: list[list[Mention]]) -> list[Person]:
    people = [sorted(p, key=lambda m: (m.date or "9999", m.path, m.name)) for p in people if p]
    people.sort(key=lambda p: (-_articles(p), p[0].date or "9999", p[0].key))
    result = []
    for rank, mentions in enumerate(people):
        seed = "" if rank == 0 else mentions[0].key
        digest = hashlib.sha1(f"{bucket}\0{seed}".encode()).hexdigest()[:12]
        result.append(Person(digest, bucket, mentions))
    return result
