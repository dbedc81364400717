"""What the officials extractor reports: people, their posts and where they are mentioned.

Offsets index into the article's body paragraphs exactly as the Article model keeps them
(indentation stripped, text otherwise untouched), so the reading view can highlight them;
paragraph -1 is the headline (`HEADLINE`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

HEADLINE = -1
"""The paragraph number of a mention printed in the headline."""


@dataclass(frozen=True, slots=True, order=True)
class Mention:
    """One place a person is named: `paragraph[start:end]`.

    The span covers what is printed for the person: the full name (柳鹏), or a short form
    as a whole (习总书记, 柳市长 — surname and title together, since the surname alone
    would highlight a single, meaningless character). Titles before a full name are not
    part of the span.
    """

    paragraph: int
    start: int
    end: int


@dataclass(slots=True)
class Official:
    """A named person the article gives a public post."""

    name: str
    titles: list[str] = field(default_factory=list)
    """Posts as printed (with their directly attached organisation), in order of first appearance."""
    mentions: list[Mention] = field(default_factory=list)
    """Every mention, sorted: full names, bare later mentions and short forms."""
    former: bool = False
    """True when every post is marked former (原/前)."""
    aliases: list[str] = field(default_factory=list)
    """Short forms printed for this person (习总书记), in order of first appearance."""


@dataclass(slots=True)
class OtherPerson:
    """A named person who is not an official: a reporter in the byline, a villager, an expert."""

    name: str
    role: str = ""
    """The role as printed (记者, 村民), or "" when none is given."""
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class OfficialsReport:
    """Officials in order of first mention, then the other named people."""

    officials: list[Official] = field(default_factory=list)
    others: list[OtherPerson] = field(default_factory=list)
