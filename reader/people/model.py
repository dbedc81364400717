"""What the person index is made of: per-article records, mentions, persons, careers, events.

Why a model of its own: the index is built incrementally (build.py) from one record per
article, so everything the grouping and the careers need must be in that record, and
nothing else. A record is computed from the officials of one article (as the library
index stores them or as `reader.officials.extract_officials` reports them) and the events
read from its text; it never depends on another article. Frozen dataclasses, so records
compare by content and can be cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EventKind = Literal["appointed", "removed", "elected", "nominated", "transferred", "announced"]
EVENT_KINDS: tuple[EventKind, ...] = (
    "appointed",
    "removed",
    "elected",
    "nominated",
    "transferred",
    "announced",
)
NAME_DOTS = "·•‧・"


@dataclass(frozen=True, slots=True)
class OfficialRecord:
    """One official of one article: what the grouping and the career need of them."""

    name: str
    titles: tuple[str, ...]
    former: tuple[bool, ...]
    """Per title: held before the article's date (原, 前, 时任, or the report's `former`)."""
    mentions: int
    first_paragraph: int
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """An appointment or removal the text states: 任命王小明为青山县副县长."""

    name: str
    kind: EventKind
    post: str
    date: str | None
    """YYYY-MM-DD, YYYY-MM or YYYY as far as the text (or the article's date) tells; None if unknown."""
    paragraph: int


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """Everything one article contributes to the person index."""

    path: str
    """Relative to the library (POSIX), the article's stable identity across re-indexing."""
    date: str
    """The article's date as YYYY-MM-DD, or "" when it has none."""
    officials: tuple[OfficialRecord, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One article naming one person: the unit the grouping puts into persons."""

    path: str
    name: str
    date: str
    titles: tuple[str, ...] = ()
    former: tuple[bool, ...] = ()
    mentions: int = 1
    first_paragraph: int = 0
    hints: tuple[str, ...] = ()
    """Posts that tell where the person is without being held (拟任 in a 公示): places only."""

    @property
    def key(self) -> str:
        """Stable across re-indexing: the article's path and the name as printed."""
        return f"{self.path}\t{self.name}"


@dataclass(slots=True)
class Person:
    """A person of the library: the mentions the grouping put together, oldest first."""

    id: str
    bucket: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class PostSpan:
    """One post of a career as printed, with the first and last date an article prints it."""

    title: str
    first: str | None
    last: str | None
    articles: int
    former: bool
    """Every printing of it is former (原, 时任): the post lies before `first`."""
    paths: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CareerStep:
    """A step of a career: a post (kind "post") or an event (its kind), in order."""

    kind: str
    title: str
    first: str | None
    last: str | None
    former: bool = False
    paths: tuple[str, ...] = ()
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Career:
    """A person's posts and events in order, and the articles that carry no date."""

    steps: tuple[CareerStep, ...]
    undated: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """One row of the People list: what it shows, sorts and filters by."""

    id: str
    name: str
    pinyin: str
    latest_post: str
    articles: int
    mentions: int
    first_seen: str | None
    last_seen: str | None
    search_key: str
    """Name, toneless pinyin with and without spaces, posts and places, lower case: filter by substring."""


def bucket_of(name: str) -> str:
    """The names that may be one person's: a dotted foreign name joins its last part
    (弗拉基米尔·普京 and 普京); every other name is its own bucket."""
    for dot in NAME_DOTS[1:]:
        name = name.replace(dot, NAME_DOTS[0])
    return name.rsplit(NAME_DOTS[0], 1)[-1] if NAME_DOTS[0] in name else name


@dataclass(frozen=True, slots=True)
class Overrides:
    """The user's corrections, as mention keys (see Mention.key)."""

    merges: tuple[tuple[str, ...], ...] = ()
    """Sets of mentions (two or more) that are one person."""
    splits: tuple[tuple[frozenset[str], frozenset[str]], ...] = ()
    """(apart, rest): the mentions in `apart` are one person, never with those in `rest`."""
