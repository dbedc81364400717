"""One justified line: where it may end, what each end costs, and how the chosen one is set.

The justified breakers (`reader.layout.justify`, line by line, and
`reader.layout.totalfit`, over a whole paragraph) share these pieces, so that both weigh
a line's ends by one rule and set a line the same way whichever of them chose its end.

A line from unit `s` may stretch by one cell at each of its slots (`slots`) and shrink
by one at each quote that has a blank half (`pads`: the quote is then drawn narrow, as
print compresses it). Its candidate ends are weighed from the fullest back, each with
its last character on the line or, when that is a closing mark, hung past the edge; an
end's key is (rules bent, cells short after stretching, cells changed), smaller better.

Core code: no Textual import.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from reader.layout.punctuation import is_chinese
from reader.layout.rules import (
    F_END,
    F_PAIR,
    F_RUN,
    F_START,
    HANGING,
    MAX_COST,
    SPACE_OF_CODE,
    break_cost,
)
from reader.layout.slots import QUOTE_RANK, pad_fills, pick, shrink, slots
from reader.layout.spans import LineSpan
from reader.layout.units import units

Key = tuple[int, int, int]
"""How good a line end is: (rules bent, cells short after stretching, cells changed)."""


@dataclass(frozen=True, slots=True)
class End:
    """A candidate end of a line: its key, its last unit, the unit the next line starts at."""

    key: Key
    last: int
    next: int
    hung: bool


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph ready for the justified breakers: its units, their widths and break costs."""

    shown: str
    flags: bytes
    starts: Sequence[int]
    ends: Sequence[int]
    space: Sequence[int]
    cum: list[int]
    """Prefix sums of the units' widths."""
    cost: Callable[[int], int]
    """What a break before unit k costs (`reader.layout.rules.break_cost`)."""
    hangs: Callable[[int], bool]
    """Whether unit k is a closing mark that may hang."""
    pads: Mapping[int, int]
    pad_at: list[int]
    ambiguous: int
    m: int


def prepare(
    shown: str, flags: bytes, cells: bytes, simple: bool, pads: Mapping[int, int], ambiguous: int
) -> Paragraph:
    """`shown` as units: one a character when `simple`, else clusters (`reader.layout.units`)."""
    if simple:
        n = len(shown)

        def cost(j: int) -> int:
            return break_cost(shown, flags, j)[0]

        def hangs(k: int) -> bool:
            return shown[k] in HANGING

        return Paragraph(
            shown,
            flags,
            range(n),
            range(1, n + 1),
            flags.translate(SPACE_OF_CODE),
            [0, *accumulate(cells)],
            cost,
            hangs,
            pads,
            sorted(pads),
            ambiguous,
            n,
        )
    unit_starts, unit_ends, widths, unit_space, costs = units(shown, flags, cells)

    def unit_hangs(k: int) -> bool:
        return unit_ends[k] - unit_starts[k] == 1 and shown[unit_starts[k]] in HANGING

    return Paragraph(
        shown,
        flags,
        unit_starts,
        unit_ends,
        unit_space,
        [0, *accumulate(widths)],
        costs.__getitem__,
        unit_hangs,
        pads,
        sorted(pads),
        ambiguous,
        len(unit_starts),
    )


def last_visible(space: Sequence[int], m: int) -> int:
    """The index of the last unit that is not a space (there is one)."""
    k = m - 1
    while space[k]:
        k -= 1
    return k


def first_unfit(par: Paragraph, s: int, avail: int) -> int:
    """The first unit (not a space) past a line of `avail` cells from unit `s`; `m` when all fit."""
    k = max(bisect_right(par.cum, par.cum[s] + avail, s) - 1, s + 1)  # units s..k-1 fit
    while k < par.m and par.space[k]:
        k += 1
    return k


def reach_of(par: Paragraph, s: int, avail: int, k: int) -> int:
    """The first unit that does not fit even with every quote of the line drawn narrow."""
    cum, space, m, pad_at = par.cum, par.space, par.m, par.pad_at
    first_pad = bisect_left(pad_at, par.starts[s])
    reach = k
    while pad_at:
        give = bisect_left(pad_at, par.starts[reach]) - first_pad
        further = max(bisect_right(cum, cum[s] + avail + give, s) - 1, s + 1)
        while further < m and space[further]:
            further += 1
        if further <= reach or further >= m:
            reach = further if further > reach else reach
            break
        reach = further
    return reach


def final_line(par: Paragraph, s: int, avail: int, indent: int, reach: int, last: int) -> LineSpan | None:
    """The paragraph's last line from unit `s`, when the rest fits (quotes narrow, or a closing mark hung)."""
    cum, pad_at = par.cum, par.pad_at
    lo = par.starts[s]
    first_pad = bisect_left(pad_at, lo)
    if reach < par.m and not (
        reach == last
        and par.hangs(last)
        and cum[last] - cum[s] - avail <= bisect_left(pad_at, par.starts[last]) - first_pad
    ):
        return None
    hung = reach < par.m
    end = par.ends[last]
    inked_end = par.starts[last] if hung else end
    need = cum[last if hung else last + 1] - cum[s] - avail
    fills = pad_fills(par.pads, pad_at, lo, end)
    if need > 0:
        fills = shrink(fills, par.pads, lo, inked_end, need)
    return LineSpan(lo, end, indent, fills, hung)


def line_ends(
    par: Paragraph, s: int, avail: int, reach: int, slot_at: list[int], *, wide: int = 0
) -> list[End]:
    """The candidate ends of the line from unit `s`, best first (the fullest among equals).

    With `wide` = 0, only the best (the walk stops once no earlier end can be better,
    which in Chinese text is after one or two steps); otherwise the `wide` best ends
    that bend no more rules than the best, walking back while an end is at most `wide`
    cells shorter than it: the choices a paragraph-wide breaker weighs.
    """
    cum, space, starts, ends, pad_at, m = par.cum, par.space, par.starts, par.ends, par.pad_at, par.m
    base = cum[s]
    first_pad = bisect_left(pad_at, starts[s])
    j = reach + 1  # the walk starts with the line ending at `reach`, hung if it is a closing mark
    while j < m and space[j]:
        j += 1
    if j >= m:
        j = reach
    most_slots = len(slot_at)
    found: list[End] = []
    best_key: Key = (MAX_COST + 1, 0, 0)
    while j > s:
        if space[j]:
            j -= 1
            continue
        p = j - 1
        while space[p]:
            p -= 1
        c = par.cost(j)
        short = avail - (cum[p + 1] - base)
        if c <= best_key[0]:
            for hung in (False, True):
                if hung:
                    if p == s or not par.hangs(p):
                        break
                    q = p - 1  # the last unit before the hung mark
                    d = avail - (cum[p] - base)
                else:
                    q = p
                    d = short
                if d >= 0:
                    room = bisect_right(slot_at, starts[q])
                    key = (c, d - room, 0) if d > room else (c, 0, d)
                else:
                    give = bisect_left(pad_at, ends[q]) - first_pad
                    if -d > give:
                        continue  # too wide even with every quote drawn narrow
                    key = (c, 0, -d)
                if wide:
                    found.append(End(key, p, j, hung))
                if key < best_key:
                    best_key = key
                    if not wide:
                        found = [End(key, p, j, hung)]
        if best_key[0] == 0 and short - most_slots > best_key[1] + wide:
            break  # every earlier end is shorter still (by more than `wide` cells)
        j = p
    if wide and found:
        found.sort(key=lambda end: end.key)
        found = [end for end in found if end.key[0] == found[0].key[0]][:wide]
    return found


def set_line(
    par: Paragraph,
    s: int,
    avail: int,
    indent: int,
    k: int,
    chosen: End,
    slot_at: list[int],
    slot_rank: list[int],
) -> LineSpan:
    """The line from unit `s` to `chosen`, with its blank cells placed and, if short, why.

    `k` is the first unit that did not fit (for the reason); `slot_at` and `slot_rank`
    are the line's slots (`reader.layout.slots.slots`).
    """
    starts, ends, pads, pad_at, cum = par.starts, par.ends, par.pads, par.pad_at, par.cum
    bent, left, change = chosen.key
    hung = chosen.hung
    lo = starts[s]
    end = ends[chosen.last]
    last_inked = starts[chosen.last - 1] if hung else starts[chosen.last]
    inked_end = starts[chosen.last] if hung else end
    fills = pad_fills(pads, pad_at, lo, end)
    d = avail - (cum[chosen.last] if hung else cum[chosen.last + 1]) + cum[s]
    if d < 0:
        fills = shrink(fills, pads, lo, inked_end, -d)
    elif change or (fills and (fills[0] == lo or fills[-1] == end)):
        stop_slot = bisect_right(slot_at, last_inked)
        # A quote's blank half at the line's edge (before a line's first “, after its
        # last ”) is blank margin there; when the line has a slot, the blank goes
        # there instead and the quote stands at the edge, as print sets it.
        at_edge = [fill for fill in fills if fill == lo or (fill == end and not hung)]
        picked = pick(slot_at, slot_rank, 0, stop_slot, change + len(at_edge))
        if at_edge and len(picked) == change + len(at_edge):
            fills = tuple(fill for fill in fills if fill not in at_edge)
        else:
            picked = picked[:change]
        fills = tuple(sorted((*fills, *picked)))
    reason = None
    if left:
        reason = "bent" if bent else why_short(par, k)
    return LineSpan(lo, end, indent, fills, hung, reason)


def line_slots(
    par: Paragraph, s: int, reach: int, found: tuple[list[int], list[int]] | None = None
) -> tuple[list[int], list[int]]:
    """The slots of the line from unit `s` up to unit `reach`: where a blank cell may go.

    Besides the paragraph's slots inside the line: the blank half of a narrow opening
    quote that starts the line. Beside punctuation a quote is compressed (`：“` has no
    blank between), but the punctuation it was compressed against is on the line
    before, so at the start of a line the quote takes its full character again, as
    print sets it, the blank before the glyph.

    `found`: the paragraph's slots (`reader.layout.slots.slots` over all of it), when a
    breaker needs those of many lines; a line's are the same, taken from them.
    """
    lo, hi = par.starts[s], par.starts[min(reach, par.m - 1)]
    if found is None:
        at, rank = slots(par.shown, par.ambiguous, par.pads, lo, hi)
    else:
        first, stop = bisect_right(found[0], lo), bisect_right(found[0], hi)
        at, rank = found[0][first:stop], found[1][first:stop]
    if par.ambiguous == 1 and lo and lo not in par.pads and _opens_line(par.shown, lo):
        return [lo, *at], [QUOTE_RANK, *rank]
    return at, rank


def _opens_line(shown: str, lo: int) -> bool:
    """A narrow opening quote of Chinese text at offset `lo`, after Chinese text.

    (After punctuation, or after an ideograph where quotes get no blank half of their
    own: as printed.)
    """
    return (
        shown[lo] in "“‘" and lo + 1 < len(shown) and is_chinese(shown[lo + 1]) and is_chinese(shown[lo - 1])
    )


def why_short(par: Paragraph, k: int) -> str:
    """Why a line that keeps the rules ends short: what stopped it at unit `k`, the first that did not fit."""
    flags, starts, space = par.flags, par.starts, par.space
    p = k - 1
    while space[p]:
        p -= 1
    if not par.cost(k):
        return "space" if p < k - 1 else "odd"
    a, b = flags[starts[p]], flags[starts[k]]
    if b & F_START:
        return "closers" if par.hangs(k) else ("pair" if b & F_PAIR else "run" if b & F_RUN else "mark")
    if a & F_END:
        return "opener"
    if a & b & F_PAIR:
        return "pair"
    if a & b & F_RUN:
        return "run"
    return "gap"
