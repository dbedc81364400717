"""What a line breaker returns: lines as offsets into the paragraph, and why a line ends short.

Offsets, not strings: the reading view maps highlight spans (search hits, officials'
mentions) through them, and `reader render` prints exactly the same slices, so both
show one layout. A short justified line names its reason, so that tests (and people)
can tell a line the rules forced short from a breaker's mistake.

Core code: no Textual import.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

SHORT_REASONS: Mapping[str, str] = {
    "closers": "two closing marks meet the edge: one may hang, the other cannot start a line",
    "opener": "an opening mark would end the line: it moved down with what it opens",
    "mark": "a mark that may not start a line nor hang (・, 々, °) meets the edge",
    "pair": "—— or …… would be split at the edge: it moved down whole",
    "run": "a Latin or digit run would be split at the edge: it moved down whole",
    "odd": "half-width characters leave an odd cell and the line has no place for a space",
    "space": "the line ends at a space and the word after it does not fit beside it",
    "gap": "moving text down left more cells than the line has places for spaces",
    "bent": "no break in the line keeps every rule: the least bad one was taken",
}
"""Why a non-final justified line ends short of the edge (`LineSpan.short`)."""


@dataclass(frozen=True, slots=True)
class LineSpan:
    """One laid-out line: ``text[start:end]`` after ``indent`` blank cells.

    ``end`` excludes the spaces a break consumed, and ``start`` skips them, so a line
    never begins or ends with a space; offsets still index the original paragraph.
    """

    start: int
    end: int
    indent: int
    fills: tuple[int, ...] = ()
    """Offsets (start <= offset <= end, ascending) before which one blank cell is drawn:
    the space between Chinese and Western text, or a quote's blank half (justified lines)."""
    hung: bool = False
    """The line's last character is a closing mark hung in the margin past the edge."""
    short: str | None = None
    """Why this line (not the paragraph's last) ends short of the edge: a key of
    `SHORT_REASONS`; None when it reaches the edge, or was not justified."""


def edge_of(width: int) -> int:
    """The column justified lines end at: `width` made even, so two-cell characters reach it."""
    return width - width % 2
