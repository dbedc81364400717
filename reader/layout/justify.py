"""The justified breaker: lines set to the edge, a closing mark hung past it, blanks where print spaces.

This is the breaker for body text (see `reader.layout.linebreak` for the techniques
and their order). Kept apart from the unjustified breaker because weighing candidate
line ends (hanging, stretching at slots, shrinking quotes) is its whole job.

Core code: no Textual import.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate

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
from reader.layout.slots import pad_fills, pick, shrink, slots
from reader.layout.spans import LineSpan
from reader.layout.units import units


def break_justified(
    shown: str,
    flags: bytes,
    cells: bytes,
    edge: int,
    first_indent: int,
    simple: bool,
    pads: Mapping[int, int],
    ambiguous: int = 1,
) -> list[LineSpan]:
    """`break_paragraph(..., justify=True)`: lines set to `edge`, hanging and filling as needed.

    A line may stretch by one cell at each of its slots (`slots`) and shrink by one at
    each quote that has a blank half (`pads`: the quote is then drawn narrow, as print
    compresses it). Each line takes what fits once shrunk; then the candidate ends are
    weighed from the fullest back, each with its last character on the line or, when
    that is a closing mark, hung past the edge: the best bends fewest rules, then is
    least short of the edge after stretching, then changes fewest cells, then ends
    latest. The walk stops once no earlier end can be better, which in Chinese text is
    after one or two steps.
    """
    n = len(shown)
    if simple:
        starts: Sequence[int] = range(n)
        ends: Sequence[int] = range(1, n + 1)
        space: Sequence[int] = flags.translate(SPACE_OF_CODE)
        cum = [0, *accumulate(cells)]

        def cost(j: int) -> int:
            return break_cost(shown, flags, j)[0]

        def hangs(k: int) -> bool:
            return shown[k] in HANGING

    else:
        unit_starts, unit_ends, widths, unit_space, costs = units(shown, flags, cells)
        starts, ends, space = unit_starts, unit_ends, unit_space
        cum = [0, *accumulate(widths)]
        cost = costs.__getitem__  # type: ignore[assignment]

        def hangs(k: int) -> bool:
            return unit_ends[k] - unit_starts[k] == 1 and shown[unit_starts[k]] in HANGING

    m = len(starts)
    pad_at = sorted(pads)
    k = 0
    while k < m and space[k]:
        k += 1
    if k >= m:
        return [LineSpan(0, 0, first_indent)]
    last = _last_visible(space, m)
    lines: list[LineSpan] = []
    s = k
    avail = edge - first_indent
    indent = first_indent
    while True:
        base = cum[s]
        lo = starts[s]
        k = max(bisect_right(cum, base + avail, s) - 1, s + 1)  # units s..k-1 fit
        while k < m and space[k]:
            k += 1
        if k >= m:
            end = ends[last]
            lines.append(LineSpan(lo, end, indent, pad_fills(pads, pad_at, lo, end)))
            return lines
        first_pad = bisect_left(pad_at, lo)
        if not cost(k):
            # A good break where the line is full, the common case: nothing to weigh but
            # the blank cells the line lacks (an odd cell, a space at the edge), unless
            # its quotes could be drawn narrow to take more, or a quote's blank half
            # stands at an edge of the line. No earlier end can do better.
            p = k - 1
            while space[p]:
                p -= 1
            end = ends[p]
            short = avail - (cum[p + 1] - base)
            if not short:
                fills = pad_fills(pads, pad_at, lo, end)
                if not fills or (fills[0] != lo and fills[-1] != end):
                    lines.append(LineSpan(lo, end, indent, fills))
                    s, avail, indent = k, edge, 0
                    continue
            elif first_pad == bisect_left(pad_at, starts[k]):  # no quote with a blank half
                slot_at, slot_rank = slots(shown, ambiguous, pads, lo, starts[p])
                if short <= len(slot_at):
                    picked = pick(slot_at, slot_rank, 0, len(slot_at), short)
                    lines.append(LineSpan(lo, end, indent, tuple(sorted(picked))))
                else:
                    why = "space" if p < k - 1 else "odd"
                    lines.append(LineSpan(lo, end, indent, (), False, why))
                s, avail, indent = k, edge, 0
                continue
        reach = k  # the first unit that does not fit even with every quote of the line narrow
        while pad_at:
            give = bisect_left(pad_at, starts[reach]) - first_pad
            further = max(bisect_right(cum, base + avail + give, s) - 1, s + 1)
            while further < m and space[further]:
                further += 1
            if further <= reach or further >= m:
                reach = further if further > reach else reach
                break
            reach = further
        if reach >= m or (
            reach == last
            and hangs(last)
            and cum[last] - base - avail <= bisect_left(pad_at, starts[last]) - first_pad
        ):
            # the rest fits once its quotes are narrow (or but for a closing mark, hung):
            # the last line
            hung = reach < m
            end = ends[last]
            inked_end = starts[last] if hung else end
            need = cum[last if hung else last + 1] - base - avail
            fills = pad_fills(pads, pad_at, lo, end)
            if need > 0:
                fills = shrink(fills, pads, lo, inked_end, need)
            lines.append(LineSpan(lo, end, indent, fills, hung))
            return lines
        j = reach + 1  # the walk starts with the line ending at `reach`, hung if it is a closing mark
        while j < m and space[j]:
            j += 1
        if j >= m:
            j = reach
        # the line's slots, found only now: most lines never need them
        slot_at, slot_rank = slots(shown, ambiguous, pads, lo, starts[reach])
        first_slot = 0
        most_slots = len(slot_at)
        # the best end so far: (rules bent, cells short after stretching, cells changed), where
        best_key = (MAX_COST + 1, 0, 0)
        best_last = best_next = -1
        best_hung = False
        while j > s:
            if space[j]:
                j -= 1
                continue
            p = j - 1
            while space[p]:
                p -= 1
            c = cost(j)
            short = avail - (cum[p + 1] - base)
            if c <= best_key[0]:
                for hung in (False, True):
                    if hung:
                        if p == s or not hangs(p):
                            break
                        q = p - 1  # the last unit before the hung mark
                        d = avail - (cum[p] - base)
                    else:
                        q = p
                        d = short
                    if d >= 0:
                        room = bisect_right(slot_at, starts[q]) - first_slot
                        key = (c, d - room, 0) if d > room else (c, 0, d)
                    else:
                        give = bisect_left(pad_at, ends[q]) - first_pad
                        if -d > give:
                            continue  # too wide even with every quote drawn narrow
                        key = (c, 0, -d)
                    if key < best_key:
                        best_key, best_last, best_next, best_hung = key, p, j, hung
            if best_key[0] == 0 and short - most_slots > best_key[1]:
                break  # every earlier end is shorter still
            j = p
        bent, left, change = best_key
        hung = best_hung
        end = ends[best_last]
        last_inked = starts[best_last - 1] if hung else starts[best_last]
        inked_end = starts[best_last] if hung else end
        fills = pad_fills(pads, pad_at, lo, end)
        d = avail - (cum[best_last] if hung else cum[best_last + 1]) + base
        if d < 0:
            fills = shrink(fills, pads, lo, inked_end, -d)
        elif change or (fills and (fills[0] == lo or fills[-1] == end)):
            stop_slot = bisect_right(slot_at, last_inked)
            # A quote's blank half at the line's edge (before a line's first “, after its
            # last ”) is blank margin there; when the line has a slot, the blank goes
            # there instead and the quote stands at the edge, as print sets it.
            at_edge = [fill for fill in fills if fill == lo or (fill == end and not hung)]
            picked = pick(slot_at, slot_rank, first_slot, stop_slot, change + len(at_edge))
            if at_edge and len(picked) == change + len(at_edge):
                fills = tuple(fill for fill in fills if fill not in at_edge)
            else:
                picked = picked[:change]
            fills = tuple(sorted((*fills, *picked)))
        reason = None
        if left:
            reason = "bent" if bent else _why(shown, flags, starts, space, cost, k, m, hangs)
        lines.append(LineSpan(lo, end, indent, fills, hung, reason))
        s = best_next
        avail = edge
        indent = 0



def _last_visible(space: Sequence[int], m: int) -> int:
    """The index of the last unit that is not a space (there is one)."""
    k = m - 1
    while space[k]:
        k -= 1
    return k



def _why(
    shown: str,
    flags: bytes,
    starts: Sequence[int],
    space: Sequence[int],
    cost: Callable[[int], int],
    k: int,
    m: int,
    hangs: Callable[[int], bool],
) -> str:
    """Why a line that keeps the rules ends short: what stopped it at unit `k`, the first that did not fit."""
    p = k - 1
    while space[p]:
        p -= 1
    if not cost(k):
        return "space" if p < k - 1 else "odd"
    a, b = flags[starts[p]], flags[starts[k]]
    if b & F_START:
        return "closers" if hangs(k) else ("pair" if b & F_PAIR else "run" if b & F_RUN else "mark")
    if a & F_END:
        return "opener"
    if a & b & F_PAIR:
        return "pair"
    if a & b & F_RUN:
        return "run"
    return "gap"
