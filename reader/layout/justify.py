"""The justified breaker: lines set to the edge, a closing mark hung past it, blanks where print spaces.

This is the breaker for body text (see `reader.layout.linebreak` for the techniques
and their order). It sets a paragraph line by line (first fit), which is fast and, in
Chinese text, nearly always leaves no line short; when it does leave one short, the
paragraph is set again as a whole (`reader.layout.totalfit`), which may move earlier
breaks to spare it, and that layout is kept when it has fewer short lines.

Core code: no Textual import.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping

from reader.layout.lineends import (
    final_line,
    first_unfit,
    last_visible,
    line_ends,
    line_slots,
    prepare,
    reach_of,
    set_line,
)
from reader.layout.slots import pad_fills, pick
from reader.layout.spans import LineSpan
from reader.layout.totalfit import FULL, Score, step, total_fit


def break_justified(
    shown: str,
    flags: bytes,
    cells: bytes,
    edge: int,
    first_indent: int,
    simple: bool,
    pads: Mapping[int, int],
    ambiguous: int = 1,
    *,
    refit: bool = True,
) -> list[LineSpan]:
    """`break_paragraph(..., justify=True)`: lines set to `edge`, hanging and filling as needed.

    Each line takes what fits once its quotes are drawn narrow, then ends at the best
    of its candidate ends (`reader.layout.lineends.line_ends`): the one that bends fewest
    rules, then is least short of the edge after stretching, then changes fewest cells,
    then ends latest. Around a line left short, the paragraph is set again as a whole
    (`reader.layout.totalfit`) unless `refit` is False (the first fit alone, for tests).
    """
    par = prepare(shown, flags, cells, simple, pads, ambiguous)
    starts, ends, space, cum, cost, pads, pad_at = (
        par.starts,
        par.ends,
        par.space,
        par.cum,
        par.cost,
        pads,
        par.pad_at,
    )
    m = par.m
    k = 0
    while k < m and space[k]:
        k += 1
    if k >= m:
        return [LineSpan(0, 0, first_indent)]
    last = last_visible(space, m)
    lines: list[LineSpan] = []
    # where each line starts and what it scores (`reader.layout.totalfit.Score`), for
    # the paragraph set again as a whole when a line ends short
    line_starts: list[int] = []
    scores: list[Score] = []
    s = k
    avail = edge - first_indent
    indent = first_indent
    while True:
        line_starts.append(s)
        scores.append(FULL)
        base = cum[s]
        lo = starts[s]
        k = first_unfit(par, s, avail)
        if k >= m:
            end = ends[last]
            lines.append(LineSpan(lo, end, indent, pad_fills(pads, pad_at, lo, end)))
            break
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
            first_pad = bisect_left(pad_at, lo)
            if not short:
                fills = pad_fills(pads, pad_at, lo, end)
                if not fills or (fills[0] != lo and fills[-1] != end):
                    lines.append(LineSpan(lo, end, indent, fills))
                    s, avail, indent = k, edge, 0
                    continue
            elif first_pad == bisect_left(pad_at, starts[k]):  # no quote with a blank half
                slot_at, slot_rank = line_slots(par, s, p)
                if short <= len(slot_at):
                    picked = pick(slot_at, slot_rank, 0, len(slot_at), short)
                    lines.append(LineSpan(lo, end, indent, tuple(sorted(picked))))
                    scores[-1] = (0, 0, 0, short, 0)
                else:
                    why = "space" if p < k - 1 else "odd"
                    lines.append(LineSpan(lo, end, indent, (), False, why))
                    scores[-1] = (0, 1, short - len(slot_at), len(slot_at), 0)
                s, avail, indent = k, edge, 0
                continue
        reach = reach_of(par, s, avail, k)
        closing = final_line(par, s, avail, indent, reach, last)
        if closing is not None:
            lines.append(closing)
            break
        # the line's slots, found only now: most lines never need them
        slot_at, slot_rank = line_slots(par, s, reach)
        (chosen,) = line_ends(par, s, avail, reach, slot_at)
        lines.append(set_line(par, s, avail, indent, k, chosen, slot_at, slot_rank))
        scores[-1] = step(chosen, 0)
        s = chosen.next
        avail = edge
        indent = 0
    if refit and any(score[1] for score in scores):
        return total_fit(par, edge, first_indent, last, lines, line_starts, scores)
    return lines
