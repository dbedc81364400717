"""The unjustified breaker: lines that end where the rules allow, for header text and ragged output.

Kept apart from the justified breaker because it is simpler and faster (no blank
cells, no hanging): titles, meta lines and notices go through it. `break_simple` is
the fast path for plain text; `break_general` handles units of several characters
and no-break spaces; tests compare the two on random text.

Core code: no Textual import.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from reader.layout.rules import F_SPACE, MAX_COST, break_cost
from reader.layout.spans import LineSpan
from reader.layout.units import units


def break_simple(shown: str, flags: bytes, cells: bytes, width: int, first_indent: int) -> list[LineSpan]:
    """`break_paragraph` for text whose every character is its own unit of width >= 1.

    Same rules and the same choice as `break_general`, organised for speed on long
    text: where a line overflows is found by bisecting the prefix sums of the widths,
    and the break is chosen by walking back from there, costing only the positions it
    looks at; the first break of cost 0 ends the walk, so a line costs a few steps, not
    one per character.

    `flags` holds each character's code from `CODES` (rule flags and the space bit),
    `cells` its width in cells, one byte a character (see `encode`).
    """
    n = len(shown)
    sums = [0, *accumulate(cells)]
    end = len(shown.rstrip())  # no-break spaces are excluded here, so rstrip is exact
    s = len(shown) - len(shown.lstrip())
    if s >= n:
        return [LineSpan(0, 0, first_indent)]
    lines: list[LineSpan] = []
    avail = width - first_indent
    line_indent = first_indent
    while True:
        # the first character that does not fit (the line's first always goes in)
        k = max(bisect_right(sums, sums[s] + avail, s) - 1, s + 1)
        while k < n and flags[k] & F_SPACE:
            k += 1  # spaces may run past the margin: they are not shown at a break
        if k >= n:
            lines.append(LineSpan(s, end, line_indent))
            return lines
        best_k = best_end = -1
        best_cost = MAX_COST + 1
        j = k
        while j > s:
            if flags[j] & F_SPACE:
                j -= 1
                continue
            c, p = break_cost(shown, flags, j)
            if c < best_cost:
                best_cost, best_k, best_end = c, j, p + 1
                if not c:
                    break
            j = p
        lines.append(LineSpan(s, best_end, line_indent))
        s = best_k
        avail = width
        line_indent = 0


def break_general(shown: str, flags: bytes, cells: bytes, width: int, first_indent: int) -> list[LineSpan]:
    """`break_paragraph` for any text: zero-width characters, no-break spaces, clusters.

    `flags` and `cells` are as in `break_simple`.
    """
    starts, ends, widths, space, cost = units(shown, flags, cells)
    m = len(starts)
    lines: list[LineSpan] = []
    k = 0
    while k < m and space[k]:
        k += 1
    if k >= m:
        return [LineSpan(0, 0, first_indent)]
    avail = width - first_indent
    line_indent = first_indent
    while k < m:
        s = k
        acc = 0  # cells of units s..k-1, spaces included
        content_end = starts[s]  # offset just past the last non-space unit taken
        best_k = [-1] * (MAX_COST + 1)  # last break of each cost seen in this line
        best_end = [0] * (MAX_COST + 1)
        while k < m:
            w = widths[k]
            if space[k]:
                acc += w
                k += 1
                continue
            if k > s:
                c = cost[k]
                best_k[c] = k
                best_end[c] = content_end
            if acc + w > avail and k > s:
                break
            acc += w
            content_end = ends[k]
            k += 1
        if k >= m:
            lines.append(LineSpan(starts[s], content_end, line_indent))
            break
        for c in range(MAX_COST + 1):
            if best_k[c] >= 0:
                lines.append(LineSpan(starts[s], best_end[c], line_indent))
                k = best_k[c]
                break
        avail = width
        line_indent = 0
    return lines
