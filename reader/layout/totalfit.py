"""A paragraph set as a whole (total fit) where line by line left a line short of the edge.

Setting line by line, a line that must end short (an opening quote would end it, a
digit run would be split, an odd cell has nowhere to go) is short whatever the line
before it did. Often it need not be: had an earlier line ended one character sooner or
later — a quote drawn narrow to take one more character (推入), a closing mark hung
instead of set, a space between Chinese and Western text given to another line — the
break would fall elsewhere. Print's answer is Knuth and Plass's: weigh the paragraph
as a whole. Here that is a shortest path over line starts, each line's choices being
its best few candidate ends (`reader.layout.lineends.line_ends`), its score (rules
bent, short of the edge or not, cells short, cells changed) added up, the last line
free.

Only a paragraph that the first-fit breaker left with a short line comes here, and only
around each short line: from `BACK` lines before it to where a path rejoins the
first-fit breaks, at most `AHEAD` lines after it. The cost is paid rarely and on a few
lines. Lines start only after earlier ones, so starts are settled in order and each is
expanded once.

Core code: no Textual import.
"""

from __future__ import annotations

import heapq

from reader.layout.lineends import (
    End,
    Paragraph,
    final_line,
    first_unfit,
    line_ends,
    line_slots,
    reach_of,
    set_line,
)
from reader.layout.slots import slots
from reader.layout.spans import LineSpan

WIDE = 2
"""How many candidate ends a line offers, and how many cells shorter than its best an end may be.

(`WIDE`, `BACK` and `AHEAD` trade how often a short line is spared against time: the
figures in the README were measured with these.)"""
BACK = 6
"""How many lines before a short one may end elsewhere."""
AHEAD = 4
"""How many lines after a short one a path has to rejoin the first-fit breaks by."""

Score = tuple[int, int, int, int, int]
"""A line's (or a layout's) score, smaller better: (lines that bend a rule, lines short
of the edge, cells short, cells changed, ends taken other than a line's best)."""
FULL: Score = (0, 0, 0, 0, 0)
"""The score of a line that reaches the edge as it is (or of a paragraph's last line)."""


def step(end: End, rank: int) -> Score:
    """The score of a line ending at `end`, its `rank`-th best end."""
    bent, left, change = end.key
    return (bent > 0, left > 0, left, change, rank)


def _add(a: Score, b: Score) -> Score:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3], a[4] + b[4])


def total_fit(
    par: Paragraph,
    edge: int,
    first_indent: int,
    last: int,
    lines: list[LineSpan],
    line_starts: list[int],
    scores: list[Score],
) -> list[LineSpan]:
    """`lines` set again around each short line, where other breaks leave fewer lines short.

    `lines` were set line by line, starting at units `line_starts` and scoring `scores`;
    a stretch of lines is replaced only when the new one bends fewer rules or, bending
    as many, leaves fewer lines short.
    """
    lines, line_starts, scores = list(lines), list(line_starts), list(scores)
    found = slots(par.shown, par.ambiguous, par.pads, -1, len(par.shown))
    i = 0
    while True:
        short = next((j for j in range(i, len(lines) - 1) if scores[j][1]), -1)
        if short < 0:
            return lines
        i = _refit(par, edge, first_indent, last, lines, line_starts, scores, short, found)


def _refit(
    par: Paragraph,
    edge: int,
    first_indent: int,
    last: int,
    lines: list[LineSpan],
    line_starts: list[int],
    scores: list[Score],
    short: int,
    found: tuple[list[int], list[int]],
) -> int:
    """Set lines `short - BACK` on again, until a path rejoins the first fit; the index to go on from.

    Changes the three lists in place when the new lines score better.
    """
    begin = max(short - BACK, 0)
    first = line_starts[0]
    m = par.m
    # A path that reaches a later first-fit start goes on as the first-fit lines do: it
    # scores what they score up to the window's end. Starts past the window are dead.
    window_end = min(short + AHEAD, len(lines) - 1)
    rejoin: dict[int, tuple[int, Score]] = {}
    rest = FULL
    for j in range(window_end, short, -1):
        rest = _add(rest, scores[j])
        rejoin[line_starts[j]] = (j, rest)
    whole = FULL
    for score in scores[begin : window_end + 1]:
        whole = _add(whole, score)
    limit = line_starts[window_end]
    start = line_starts[begin]
    best: dict[int, tuple[Score, int, End | None]] = {start: (FULL, -1, None)}
    # each way to finish: its score, its last start, the first-fit line it goes on as
    # from there (-1: none) and its own last line (the paragraph's, when it has one)
    finals: list[tuple[Score, int, int, LineSpan | None]] = []
    pending = [start]
    done: set[int] = set()
    while pending:
        s = heapq.heappop(pending)
        if s in done:
            continue
        done.add(s)
        score = best[s][0]
        if s in rejoin:
            j, rest = rejoin[s]
            finals.append((_add(score, rest), s, j, None))
            continue
        if s > limit:
            continue
        avail, indent = (edge - first_indent, first_indent) if s == first else (edge, 0)
        k = first_unfit(par, s, avail)
        if k >= m:
            finals.append((score, s, -1, LineSpan(par.starts[s], par.ends[last], indent)))
            continue
        reach = reach_of(par, s, avail, k)
        closing = final_line(par, s, avail, indent, reach, last)
        if closing is not None:
            finals.append((score, s, -1, closing))
            continue
        slot_at, _ = line_slots(par, s, reach, found)
        for rank, end in enumerate(line_ends(par, s, avail, reach, slot_at, wide=WIDE)):
            total = _add(score, step(end, rank))
            if end.next not in best or total < best[end.next][0]:
                best[end.next] = (total, s, end)
                heapq.heappush(pending, end.next)
    if not finals:
        return short + 1
    score, s, j, closing = min(finals, key=lambda found: found[0])
    # a path that ends the paragraph replaces every line from `begin`
    replaced_end = j if j >= 0 else len(lines)
    if j < 0:
        whole = FULL
        for old in scores[begin:]:
            whole = _add(whole, old)
    if score[:2] >= whole[:2]:
        return short + 1
    new_lines: list[LineSpan] = [] if closing is None else [closing]
    new_starts: list[int] = [] if closing is None else [s]
    new_scores: list[Score] = [] if closing is None else [FULL]
    while s != start:
        _, before, chosen = best[s]
        assert chosen is not None
        avail, indent = (edge - first_indent, first_indent) if before == first else (edge, 0)
        k = first_unfit(par, before, avail)
        reach = reach_of(par, before, avail, k)
        slot_at, slot_rank = line_slots(par, before, reach, found)
        new_lines.append(set_line(par, before, avail, indent, k, chosen, slot_at, slot_rank))
        new_starts.append(before)
        new_scores.append(step(chosen, 0))
        s = before
    new_lines.reverse()
    new_starts.reverse()
    new_scores.reverse()
    lines[begin:replaced_end] = new_lines
    line_starts[begin:replaced_end] = new_starts
    scores[begin:replaced_end] = new_scores
    return begin + len(new_lines)
