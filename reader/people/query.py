"""What the CLI, the People screen and the person view ask of the person index.

Why a class over a connection: the UI holds one `PeopleIndex` per open library and asks
it small questions (a person's career, who they appear with) as the user moves; the list
itself is loaded once into a `PeopleList`, whose rows carry precomputed search keys, so
filtering as one types is a substring test over memory, never a query.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.people.model import Career, Event, Mention, PersonSummary, PostSpan

SortKey = tuple[int | str, str, str]
"""What a sort compares: a count or a text, then the toneless pinyin or name, then the id."""

SORTS: dict[str, Callable[[PersonSummary], SortKey]] = {
    "articles": lambda p: (-p.articles, fold(p.pinyin), p.id),
    "name": lambda p: (fold(p.pinyin), p.name, p.id),  # toneless: lǐ before liǔ
    "first_seen": lambda p: (p.first_seen or "9999", fold(p.pinyin), p.id),
    "last_seen": lambda p: (_descending(p.last_seen or "\x00"), fold(p.pinyin), p.id),
    "mentions": lambda p: (-p.mentions, fold(p.pinyin), p.id),
}


def _descending(text: str) -> str:
    """A key that sorts (same-length) strings latest first."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


def _bare(char: str) -> str | None:
    """A Latin letter with marks (ǎ, Ü, ḿ) as its bare letter; None for anything else."""
    parts = unicodedata.normalize("NFD", char)
    if len(parts) > 1 and parts[0].isascii() and all(unicodedata.combining(c) for c in parts[1:]):
        return parts[0]
    return None


_MARKS = {
    code: bare
    for code in [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    if (bare := _bare(chr(code))) is not None
}
"""Every marked Latin letter to its bare letter: pinyin folds by `str.translate`, in C."""


def fold(text: str) -> str:
    """Lower case without tone marks: what a query and a search key are compared as.

    Pinyin is folded by a table (fast enough to sort 100,000 names by); anything the table
    leaves beyond ASCII (CJK, a combining mark typed apart) by Unicode decomposition."""
    plain = text.translate(_MARKS)
    if not plain.isascii():
        plain = "".join(c for c in unicodedata.normalize("NFD", plain) if not unicodedata.combining(c))
    return plain.lower()


@dataclass(frozen=True, slots=True)
class Appearance:
    """One article naming a person: where Enter opens it."""

    path: Path
    title: str
    date: str
    name: str
    titles: tuple[str, ...]
    first_paragraph: int


@dataclass(frozen=True, slots=True)
class EventRow:
    """An event of the library-wide list, with the person it was given to."""

    person: str
    name: str
    kind: str
    post: str
    date: str | None
    path: str
    paragraph: int


def _sort_rows(rows: list[PersonSummary], by: str) -> list[PersonSummary]:
    """`rows` in the order `by` names, as `SORTS` defines it. Stable passes, least significant
    key first, so no per-row key tuples: 100,000 persons sort in tens of milliseconds."""
    if by not in SORTS:
        raise ValueError(f"unknown sort {by!r}; known: {', '.join(SORTS)}")
    ordered = sorted(rows, key=lambda p: p.id)
    if by == "name":
        ordered.sort(key=lambda p: p.name)
        ordered.sort(key=lambda p: fold(p.pinyin))
        return ordered
    ordered.sort(key=lambda p: fold(p.pinyin))
    if by == "articles":
        ordered.sort(key=lambda p: p.articles, reverse=True)
    elif by == "mentions":
        ordered.sort(key=lambda p: p.mentions, reverse=True)
    elif by == "first_seen":
        ordered.sort(key=lambda p: p.first_seen or "9999")
    else:  # last_seen: the latest first, never seen with a date last
        ordered.sort(key=lambda p: p.last_seen or "", reverse=True)
    return ordered


def narrows(before: str, after: str) -> bool:
    """Whether every row matching `after` matches `before` too: each word of the old query is
    part of a word of the new one (`li` → `li q` → `li qiang`), so the new answer can be
    looked for in the old one."""
    old, new = fold(before).split(), fold(after).split()
    return all(any(word in other for other in new) for word in old)


class PeopleList:
    """Every person of a library in memory: sort and filter without touching the database.

    Each order is computed once and kept (the People screen switches between them)."""

    def __init__(self, rows: list[PersonSummary]) -> None:
        self.rows = rows
        self._orders: dict[str, list[PersonSummary]] = {}

    def sorted(self, by: str = "articles") -> list[PersonSummary]:
        order = self._orders.get(by)
        if order is None:
            order = self._orders[by] = _sort_rows(self.rows, by)
        return list(order)

    def filter(self, query: str, rows: list[PersonSummary] | None = None) -> list[PersonSummary]:
        """Rows whose name, pinyin (with or without tones and spaces), post or place holds
        every word of the query: `liu peng`, `嘉峪关`, `市长 liu`."""
        words = fold(query).split()
        source = self.rows if rows is None else rows
        if not words:
            return list(source)
        found = [row for row in source if words[0] in row.search_key]
        for word in words[1:]:
            found = [row for row in found if word in row.search_key]
        return found


class LiveFilter:
    """The People screen's list as the user types and sorts: a query that narrows the last
    one (see `narrows`) is looked for only among the last answer, so each key costs less
    than the one before it."""

    KEPT = 16
    """Answers remembered, so a backspace finds the answer it had before (not a new search)."""

    def __init__(self, people: PeopleList, by: str = "articles") -> None:
        self.people = people
        self.by = by
        self.query = ""
        self.rows = people.sorted(by)
        self._answers: dict[str, list[PersonSummary]] = {"": self.rows}

    def set_query(self, query: str) -> list[PersonSummary]:
        key = " ".join(fold(query).split())
        known = self._answers.get(key)
        if known is not None:
            self.rows = known
        elif narrows(self.query, query):
            self.rows = self.people.filter(query, self.rows)
        else:
            self.rows = self.people.filter(query, self._answers[""])
        self.query = query
        self._answers.pop(key, None)
        self._answers[key] = self.rows
        while len(self._answers) > self.KEPT:
            oldest = next(k for k in self._answers if k)
            del self._answers[oldest]
        return self.rows

    def set_sort(self, by: str) -> list[PersonSummary]:
        self.by = by
        everyone = self.people.sorted(by)
        self._answers = {"": everyone}
        self.rows = self.people.filter(self.query, everyone)
        return self.rows


class PeopleIndex:
    """Questions about the persons of one library, over a connection to its index."""

    def __init__(self, conn: sqlite3.Connection, library: Path) -> None:
        self.conn = conn
        self.library = library

    def people(self) -> PeopleList:
        rows = self.conn.execute(
            "SELECT id, name, pinyin, latest_post, articles, mentions, first_seen, last_seen, search_key "
            "FROM people_persons"
        ).fetchall()
        return PeopleList([PersonSummary(*row) for row in rows])

    def person_at(self, path: Path, name: str) -> str | None:
        """The person the official `name` of the article at `path` was grouped into: what the
        sidebar's "where else" opens. None when the article is outside the library or the
        person index has not reached it yet."""
        from reader.library.scan import path_key

        try:
            relative = path.resolve().relative_to(self.library.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            return None
        row = self.conn.execute(
            "SELECT l.person_id FROM people_links l JOIN files f ON f.id = l.file_id "
            "WHERE f.path = ? AND l.name = ?",
            (path_key(relative), name),
        ).fetchone()
        return str(row[0]) if row else None

    def all_posts(self) -> dict[str, list[PostSpan]]:
        """Every person's posts at once (the whole index's export: one query, not one a person)."""
        return {
            pid: [PostSpan(t, f, la, n, bool(former)) for t, f, la, n, former in json.loads(posts)]
            for pid, posts in self.conn.execute("SELECT id, posts FROM people_persons")
        }

    def summary(self, person_id: str) -> PersonSummary | None:
        row = self.conn.execute(
            "SELECT id, name, pinyin, latest_post, articles, mentions, first_seen, last_seen, search_key "
            "FROM people_persons WHERE id = ?",
            (person_id,),
        ).fetchone()
        return PersonSummary(*row) if row else None

    def named(self, name: str) -> list[PersonSummary]:
        """The persons printed under `name` (any of their names), most articles first."""
        ids = [
            row[0]
            for row in self.conn.execute(
                "SELECT DISTINCT person_id FROM people_links WHERE name = ? "
                "UNION SELECT id FROM people_persons WHERE name = ?",
                (name, name),
            )
        ]
        found = [s for s in (self.summary(pid) for pid in ids) if s is not None]
        return sorted(found, key=SORTS["articles"])

    def posts(self, person_id: str) -> list[PostSpan]:
        """The person's posts in career order, each with its first and last printed date."""
        row = self.conn.execute("SELECT posts FROM people_persons WHERE id = ?", (person_id,)).fetchone()
        if row is None:
            return []
        return [PostSpan(t, f, la, n, bool(former)) for t, f, la, n, former in json.loads(row[0])]

    def mentions(self, person_id: str) -> list[Mention]:
        rows = self.conn.execute(
            "SELECT m.path, m.name, m.date, m.titles, m.former, m.mentions, m.first_paragraph, m.hints "
            "FROM people_links l JOIN people_mentions m ON m.file_id = l.file_id AND m.name = l.name "
            "WHERE l.person_id = ? ORDER BY m.date = '', m.date, m.path",
            (person_id,),
        ).fetchall()
        return [
            Mention(p, n, d, tuple(json.loads(t)), tuple(json.loads(f)), c, fp, tuple(json.loads(h)))
            for p, n, d, t, f, c, fp, h in rows
        ]

    def events(self, person_id: str | None = None, since: str | None = None) -> list[EventRow]:
        """Events of one person, or of the whole library (since a date, YYYY-MM-DD), by date."""
        sql = (
            "SELECT l.person_id, e.name, e.kind, e.post, e.date, e.path, e.paragraph FROM people_events e "
            "JOIN people_links l ON l.file_id = e.file_id AND l.name = e.name"
        )
        clauses, args = [], []
        if person_id is not None:
            clauses.append("l.person_id = ?")
            args.append(person_id)
        if since is not None:
            clauses.append("e.date >= ?")
            args.append(since)
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY e.date IS NULL, e.date, e.path, e.paragraph"
        return [EventRow(*row) for row in self.conn.execute(sql, args)]

    def career(self, person_id: str) -> Career:
        """Posts and events in order, undated articles apart (careers.py)."""
        from reader.people.careers import career

        events = [
            Event(e.name, e.kind, e.post, e.date, e.paragraph)  # type: ignore[arg-type]
            for e in self.events(person_id)
        ]
        return career(self.mentions(person_id), events)

    def appearances(self, person_id: str) -> list[Appearance]:
        """The articles naming the person, oldest first (undated last), each with the
        paragraph of the first mention: what the person view lists and opens."""
        rows = self.conn.execute(
            "SELECT f.path, f.title, f.date, m.name, m.titles, m.first_paragraph FROM people_links l "
            "JOIN people_mentions m ON m.file_id = l.file_id AND m.name = l.name "
            "JOIN files f ON f.id = l.file_id WHERE l.person_id = ? ORDER BY f.date = '', f.date, f.path",
            (person_id,),
        ).fetchall()
        return [
            Appearance(self.library / p, t, d, n, tuple(json.loads(ts)), fp) for p, t, d, n, ts, fp in rows
        ]

    def together(self, person_id: str, limit: int = 10) -> list[tuple[PersonSummary, int]]:
        """The persons most often named in the same articles, with the number of articles."""
        rows = self.conn.execute(
            "SELECT b.person_id, count(DISTINCT b.file_id) AS n FROM people_links a "
            "JOIN people_links b ON b.file_id = a.file_id AND b.person_id != a.person_id "
            "WHERE a.person_id = ? GROUP BY b.person_id ORDER BY n DESC, b.person_id LIMIT ?",
            (person_id, limit),
        ).fetchall()
        return [(s, n) for s, n in ((self.summary(pid), n) for pid, n in rows) if s is not None]

    def monthly(self, person_id: str) -> dict[str, int]:
        """Mentions per month (YYYY-MM), for the person view's sparkline; undated left out."""
        rows = self.conn.execute(
            "SELECT substr(m.date, 1, 7), sum(m.mentions) FROM people_links l "
            "JOIN people_mentions m ON m.file_id = l.file_id AND m.name = l.name "
            "WHERE l.person_id = ? AND m.date != '' GROUP BY 1 ORDER BY 1",
            (person_id,),
        ).fetchall()
        return dict(rows)

    def person_of_key(self, key: str) -> str | None:
        """The person a mention (Mention.key: path, tab, name) is grouped into now: how a
        screen finds again the person it showed once a choice has changed the ids."""
        from reader.people.model import bucket_of

        path, _tab, name = key.rpartition("\t")
        row = self.conn.execute(
            "SELECT l.person_id FROM people_mentions m "
            "JOIN people_links l ON l.file_id = m.file_id AND l.name = m.name "
            "WHERE m.bucket = ? AND m.name = ? AND m.path = ?",
            (bucket_of(name), name, path),
        ).fetchone()
        return str(row[0]) if row else None

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Those of `keys` (Mention.key) the index holds now: what of a choice still applies."""
        from reader.people.model import bucket_of

        found = set()
        for key in keys:
            path, _tab, name = key.rpartition("\t")
            row = self.conn.execute(
                "SELECT 1 FROM people_mentions WHERE bucket = ? AND name = ? AND path = ?",
                (bucket_of(name), name, path),
            ).fetchone()
            if row is not None:
                found.add(key)
        return found

    def mention_keys(self, person_id: str) -> list[str]:
        """The person's mentions as the keys merge and split choices are kept by."""
        return [m.key for m in self.mentions(person_id)]
