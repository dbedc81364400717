"""Where a justified line may take or give a blank cell: clreq's spaces, and quotes drawn narrow.

A line of two-cell characters reaches the edge by itself; a line with half-width
characters, or one that had a character pushed down, needs cells from somewhere. Print
takes them from the space between Chinese and Western text and from punctuation
(clreq §3.1, §3.2); this module lists those places in a line, ranked by how naturally
a blank reads there, and picks among them. Kept apart from the breaker so the ranking
(what linguists would change) is one short function.

Core code: no Textual import.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from reader.compiled import compile_pattern
from reader.layout.punctuation import PAD_BEFORE, is_chinese, is_ideograph

_UNITS_AFTER_NUMBERS = frozenset("年月日号时分秒点")
_SLOT_CANDIDATES = compile_pattern(r"[A-Za-z0-9]+|[ ,;:?!()“”‘’]")
"""What a slot stands beside: a Latin/digit run, a space, a half-width mark, a quote.
(One simple pattern and a look at the neighbours in Python: an alternation of the
slots' patterns is ten times slower in `re`.)"""
_RUN_TAIL = frozenset("%‰°℃")
QUOTE_RANK = 2
"""The rank (`slots`) of the blank half a narrow quote takes where a wide quote has its blank."""


def slots(
    shown: str, ambiguous: int, pads: Mapping[int, int], start: int = 0, end: int | None = None
) -> tuple[list[int], list[int]]:
    """The offsets in ``(start, end]`` a blank cell may go before, ascending, and the rank of each (0 best).

    Ranks, most natural first; never inside a run of letters or digits:

    0. clreq's space between Chinese and Western text, before a run (增长|3.5%);
    1. and after one (3.5%|左右);
    2. a space after a half-width , ; : ? ! ) or before a ( in Chinese text (as printed),
       and on the outer side of a narrow Chinese quote that has no blank half (`：|“`,
       or as printed): where a wide quote has its blank;
    3. a space the text already has, between two visible characters, one cell wider;
    4. between a number and its unit (2019|年), the last resort.
    """
    found: dict[int, int] = {}
    n = len(shown)
    end = n if end is None else end
    narrow_quotes = ambiguous == 1
    for match in _SLOT_CANDIDATES.finditer(shown, max(start - 1, 0), min(end + 1, n)):
        i, j = match.span()
        ch = shown[i]
        before = shown[i - 1] if i else ""
        after = shown[j] if j < n else ""
        if ch.isalnum():
            if before and is_ideograph(before):
                found.setdefault(i, 0)
            tail = after if after and is_ideograph(after) else ""
            if not tail and after in _RUN_TAIL and j + 1 < n and is_ideograph(shown[j + 1]):
                j, tail = j + 1, shown[j + 1]
            if tail:
                found.setdefault(j, 4 if tail in _UNITS_AFTER_NUMBERS and shown[j - 1].isdigit() else 1)
        elif ch == " ":
            if before and after and not before.isspace() and not after.isspace():
                found.setdefault(i, 3)
        elif ch in "“‘":
            if (
                narrow_quotes
                and before
                and not before.isspace()
                and after
                and is_chinese(after)
                and i not in pads
            ):
                found.setdefault(i, 2)
        elif ch in "”’":
            if (
                narrow_quotes
                and before
                and is_chinese(before)
                and after
                and not after.isspace()
                and i not in pads
            ):
                found.setdefault(j, 2)
        elif ch == "(":
            if before and is_ideograph(before):
                found.setdefault(i, 2)
        elif ch == ")":
            if after and is_ideograph(after):
                found.setdefault(j, 2)
        elif (
            before
            and is_ideograph(before)
            and after
            and (is_chinese(after) or (after.isascii() and after.isalnum()))
        ):
            found.setdefault(j, 2)  # , ; : ? ! as printed
    positions = sorted(offset for offset in found if start < offset <= end)
    return positions, [found[offset] for offset in positions]


def pad_fills(pads: Mapping[int, int], pad_at: list[int], start: int, end: int) -> tuple[int, ...]:
    """The blank cells of the padded quotes in ``[start, end)``, as fill offsets (ascending)."""
    if not pad_at:
        return ()
    inside = pad_at[bisect_left(pad_at, start) : bisect_left(pad_at, end)]
    return tuple(offset if pads[offset] == PAD_BEFORE else offset + 1 for offset in inside)


def shrink(
    fills: tuple[int, ...], pads: Mapping[int, int], start: int, end: int, count: int
) -> tuple[int, ...]:
    """`fills` without the blank halves of `count` padded quotes in ``[start, end)``: edge ones first."""
    quotes = sorted(offset for offset in pads if start <= offset < end)
    quotes.sort(key=lambda offset: (offset != start and offset != end - 1, offset))
    dropped = {offset if pads[offset] == PAD_BEFORE else offset + 1 for offset in quotes[:count]}
    return tuple(fill for fill in fills if fill not in dropped)


def pick(slot_at: list[int], slot_rank: list[int], first: int, stop: int, count: int) -> list[int]:
    """The `count` most natural slots among ``slot_at[first:stop]``: best rank, then leftmost."""
    chosen = sorted(range(first, stop), key=lambda i: (slot_rank[i], i))[:count]
    return [slot_at[i] for i in chosen]
