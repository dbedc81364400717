"""Finding a phrase in an article's paragraphs.

The search runs over the source text of each paragraph, never over laid-out lines,
so a phrase that the layout split across two lines is still found. Latin letters
match regardless of case; the folding keeps every character's position, so a
match's offsets index the original paragraph and the view can highlight them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Match:
    """One occurrence of the query: a paragraph index and character offsets in it."""

    paragraph: int
    start: int
    end: int


def _fold(text: str) -> str:
    """Lower-case each character where that keeps it one character long."""
    return "".join(lowered if len(lowered := char.lower()) == 1 else char for char in text)


def find_matches(paragraphs: Sequence[str], query: str) -> list[Match]:
    """Every non-overlapping occurrence of `query`, in reading order."""
    needle = _fold(query.strip())
    if not needle:
        return []
    matches: list[Match] = []
    for index, paragraph in enumerate(paragraphs):
        haystack = _fold(paragraph)
        start = haystack.find(needle)
        while start != -1:
            matches.append(Match(index, start, start + len(needle)))
            start = haystack.find(needle, start + len(needle))
    return matches
