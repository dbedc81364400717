"""Units a line may not break inside, and what breaking before each costs, for text that is not simple.

Text with zero-width characters (ZWSP, combining marks, VS16) or no-break spaces
cannot be broken character by character: a combining mark must stay with its base,
and a no-break space glues its neighbours. This module groups such text into units
and costs a break before each unit once, so the breakers walk units instead.

Core code: no Textual import (rich.cells only measures).
"""

from __future__ import annotations

from rich.cells import cell_len

from reader.layout.rules import (
    COST_PAIR,
    COST_PUNCT,
    COST_RUN,
    F_END,
    F_PAIR,
    F_RUN,
    F_SPACE,
    F_START,
    MAX_COST,
    NO_BREAK,
)


def clusters(text: str, cells: bytes, flags: bytes) -> tuple[list[int], list[int]]:
    """Split `text` into the units a line may not break inside: their starts and widths.

    A unit is a visible character with the zero-width characters around it: those
    after it (ZWNJ, ZWSP, BOM, combining marks, VS16) and — after a space or at the
    paragraph start, where there is nothing to attach to — those before it. So a
    zero-width character never sits alone at the start of a line. A breaking space is
    always a unit of its own. (`text` is display text: it holds no ZWJ, which
    `display_text` turns into a ZWSP because Rich and terminals measure it differently.)

    Widths are in cells and never less than what rich.cells.cell_len says for the
    unit, nor less than the sum of its characters: rich counts VS16 after some narrow
    characters as widening them (☺ + VS16 is 2 cells), and taking the larger keeps
    every line within the width whichever way a terminal draws it.

    `cells` and `flags` are `text`'s widths and codes (`CODES`), one byte a character.
    """
    widths = list(cells)
    if 0 not in cells:
        return list(range(len(text))), widths  # one unit per character
    n = len(text)
    starts: list[int] = []
    out: list[int] = []
    i = 0
    while i < n:
        start = i
        if flags[i] & F_SPACE:
            i += 1
        else:
            while i < n and not widths[i] and not flags[i] & F_SPACE:
                i += 1  # zero-width prefix
            if i < n and not flags[i] & F_SPACE:
                i += 1  # the visible character
            while i < n and not widths[i] and not flags[i] & F_SPACE:
                i += 1  # zero-width suffix
        starts.append(start)
        if i - start == 1:
            out.append(widths[start])
        else:
            out.append(max(sum(widths[start:i]), cell_len(text[start:i])))
    return starts, out


def units(
    shown: str, flags: bytes, cells: bytes
) -> tuple[list[int], list[int], list[int], list[bool], list[int]]:
    """The units of any text and what breaking before each costs.

    Returns each unit's start and end offsets, its width, whether it lays out as a
    space, and the cost of a break before it (see `clusters`, and the rules in the
    module's docstring). `flags` and `cells` are as in `break_simple`.
    """
    n = len(shown)
    starts, widths = clusters(shown, cells, flags)
    m = len(starts)
    ends = [*starts[1:], n]
    # A unit of zero-width characters only (one that follows a space, with nothing to
    # attach to) is laid out like the space it sits in: it shows nothing either way,
    # and it must neither start a line alone nor push one past the width.
    space = [bool(flags[s] & F_SPACE) or not w for s, w in zip(starts, widths, strict=True)]

    # cost[k]: how bad a break before unit k is (k a non-space unit, k > first unit).
    # The rules look through spaces and no-break spaces at the neighbouring visible
    # characters, as a reader (and the fault counter, which strips both) does.
    cost = [0] * m
    prev_flags = -1  # flags of the last visible character before unit k (-1: none yet)
    prev_char = ""  # and that character
    gap = False  # a breaking space since then
    nbsp: list[int] = []  # no-break space units since then
    for k in range(m):
        if space[k]:
            gap = True
            continue
        s, e = starts[k], ends[k]
        if e - s == 1:
            first_char = last_char = shown[s]
            first = last = flags[s]
        else:
            # the visible character of a unit ("\u200b中\u200b" → 中)
            visible = [j for j in range(s, e) if cells[j]]
            first_char, last_char = shown[visible[0]], shown[visible[-1]]
            first, last = flags[visible[0]], flags[visible[-1]]
        if first_char in NO_BREAK and last_char in NO_BREAK:
            nbsp.append(k)
            continue
        if prev_flags >= 0:
            c = 0
            if first & F_START:
                c += COST_PUNCT
            if prev_flags & F_END:
                c += COST_PUNCT
            if first & prev_flags & F_PAIR and first_char == prev_char:
                c += COST_PAIR
            if not gap and (first & prev_flags & F_RUN or nbsp):
                c += COST_RUN
            cost[k] = c
            for j in nbsp:
                cost[j] = c + COST_RUN if gap else c  # a break at a no-break space bends it
        prev_flags, prev_char = last, last_char
        gap = False
        nbsp = []
    for j in nbsp:
        cost[j] = MAX_COST  # trailing no-break spaces stay with the text before them
    return starts, ends, widths, space, cost
