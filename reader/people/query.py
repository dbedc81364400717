"""What the CLI and the (coming) People screen and person view ask of the person index.

Why a class over a connection: the UI holds one `PeopleIndex` per open library and asks
it small questions (a person's career, who they appear with) as the user moves; the list
itself is loaded once into a `PeopleList`, whose rows carry precomputed search keys, so
filtering as one types is a substring test over memory, never a query.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.people.model import Career, Event, Mention, PersonSummary, PostSpan

SORTS: dict[str, Callable[[PersonSummary], object]] = {
    "articles": lambda p: (-p.articles, p.pinyin, p.id),
    "name": lambda p: (p.pinyin.lower(), p.name, p.id),
    "first_seen": lambda p: (p.first_seen or "9999", p.pinyin, p.id),
    "last_seen": lambda p: ("".join(chr(0x10FFFF - ord(c)) for c in p.last_seen or ""), p.pinyin, p.id),
    "mentions": lambda p: (-p.mentions, p.pinyin, p.id),
}


def fold(text: str) -> str:
    """Lower case without tone marks: what a query and a search key are compared as."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


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


class PeopleList:
    """Every person of a library in memory: sort and filter without touching the database."""

    def __init__(self, rows: list[PersonSummary]) -> None:
        self.rows = rows

    def sorted(self, by: str = "articles") -> list[PersonSummary]:
        return sorted(self.rows, key=SORTS[by])

    def filter(self, query: str, rows: list[PersonSummary] | None = None) -> list[PersonSummary]:
        """Rows whose name, pinyin (with or without tones and spaces), post or place holds
        every word of the query: `liu peng`, `嘉峪关`, `市长 liu`."""
        words = fold(query).split()
        source = self.rows if rows is None else rows
        if not words:
            return list(source)
        return [row for row in source if all(word in row.search_key for word in words)]


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

    def mention_keys(self, person_id: str) -> list[str]:
        """The person's mentions as the keys merge and split choices are kept by."""
        return [m.key for m in self.mentions(person_id)]
