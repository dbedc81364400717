"""The Chinese line breaker: one paragraph into lines that fit a terminal width.

Rules (GB/T 15834 and the W3C "Requirements for Chinese Text Layout", clreq):

* a line may break between any two CJK characters;
* closing punctuation never starts a line, opening brackets and quotes never end one;
* ``——`` and ``……`` are never split;
* a run of Latin letters/digits (``3.5%``, ``Ct``, a URL) is never split: it moves to
  the next line whole, and is cut only when it alone is wider than a line.

A fault is fixed the standard way (推出): the break moves back, pulling the previous
character(s) down to the next line. When no good break exists inside a line (a
glued chunk longer than the line) the least bad break is taken instead: each break
has a cost, the sum of the rules it bends (cutting a Latin run is cheapest; splitting
``……`` costs both its rules), and the line ends at the cheapest one that fits, the
last one among equals.

Body text is also *justified* (``justify=True``), as print sets Chinese: every line
of a paragraph but the last ends at the same column, the *edge* (the width, made
even so that a line of two-cell characters can reach it). Pulling a character down
leaves a line two cells short, and half-width characters leave it one cell odd, so
the breaker uses what print uses and a cell grid allows (clreq §3.1 and §3.2):

* hanging punctuation (行尾点号悬挂): a closing mark that would have to start a line
  hangs after the line's last character instead, in a margin of up to two cells past
  the edge; never more than one a line;
* the space clreq asks between Chinese and Western text (a cell between 汉字 and a
  Latin or digit run: ``增长 3.5%``), put only where a line needs a cell to reach the
  edge, at the most natural place (before a run rather than after it, never inside
  one), and, in a line that has no such place, the blank half of a narrow quote beside
  punctuation, a space after a half-width mark, or a widened space (`_slots`);
* punctuation compression (标点挤压): a quote given its blank half
  (`reader.layout.punctuation.quote_pads`) may be drawn narrow to let a line take
  one more character;
* choosing, among the ends a line may have, the one that bends no rule and needs
  fewest of these.

A line that still ends short says why (`LineSpan.short`: one of `SHORT_REASONS`).

The result is a list of offsets into the paragraph, not strings: the reading view
maps highlight spans (search hits, officials' mentions) through them, and
`reader render` prints exactly the same slices (with the spaces in `LineSpan.fills`).

This module is core code: it must never import Textual (rich.cells only measures).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import cell_len

from reader.layout.cells import char_cells
from reader.layout.display import display_text
from reader.layout.punctuation import PAD_BEFORE, is_chinese, is_ideograph

__all__ = [
    "END_FORBIDDEN",
    "HANGING",
    "NO_SPLIT_CHARS",
    "SHORT_REASONS",
    "START_FORBIDDEN",
    "LineSpan",
    "break_paragraph",
    "edge_of",
]

# Closing punctuation (and postfix marks) that must not start a line: the set the
# fault counter uses, plus full-width forms and the rarer closing brackets.
START_FORBIDDEN: frozenset[str] = frozenset(
    "，。、；：？！）」』】》〉”’…・·%‰,.;:?!)]}"
    "〕］｝〗〙｠〞〟｣､｡．，：；？！％）＞"
    "ゝゞヽヾ々〻"
    "°′″℃℉"
    "\u3001\u3002"
)
# Opening brackets/quotes (and prefix currency signs) that must not end a line.
END_FORBIDDEN: frozenset[str] = frozenset("（「『【《〈“‘([{〔［｛〖〘｟〝｢＜￥＄£€")
# The closing marks that may hang in the margin past the edge (clreq's 点号 and closing
# quotes and brackets): not `…`, `·`, `%` or iteration marks, which close nothing.
HANGING: frozenset[str] = frozenset("，。、；：？！）」』】》〉”’〕］｝〗〙｠〞｣､｡．,.;:?!)]}")
# "——" and "……" (and their look-alikes) are one mark each: never split between two of them.
NO_SPLIT_CHARS: frozenset[str] = frozenset("—…⋯―")
# No-break spaces glue their neighbours, as their name says.
_NO_BREAK = frozenset("\u00a0\u2007\u202f")

# The cost of a break, added up from the rules it would bend. A line ends at the
# cheapest break that fits, the last one among equals. Bending a punctuation rule
# costs more than cutting a Latin run (which is still read correctly), and splitting
# "……" costs both its rules, so "右|……" beats "右…|…" when one of them must happen.
_COST_RUN = 1  # inside a Latin/digit run or next to a no-break space
_COST_PUNCT = 2  # before closing or after opening punctuation (each)
_COST_PAIR = 2  # between the two halves of —— or ……
_MAX_COST = 2 * _COST_PUNCT + _COST_PAIR + _COST_RUN

_F_START = 1
_F_END = 2
_F_PAIR = 4
_F_RUN = 8


def _flags(ch: str) -> int:
    """The rule flags of one character (memoised through `_CODES`)."""
    f = 0
    if ch in START_FORBIDDEN:
        f |= _F_START
    if ch in END_FORBIDDEN:
        f |= _F_END
    if ch in NO_SPLIT_CHARS:
        f |= _F_PAIR
    # A "run" character: ASCII printable, or a narrow letter/digit (é, α, Я), the
    # pieces of words, numbers, units and URLs that are read as one token.
    if (ch.isascii() and ch.isprintable() and ch != " ") or (ch.isalnum() and char_cells(ch) == 1):
        f |= _F_RUN
    return f


def _is_space(ch: str) -> bool:
    """A breaking space: a line may end at it, and it is not shown at a line's edge."""
    return ch.isspace() and ch not in _NO_BREAK


_F_SPACE = 16  # only in _CODES: a breaking space
_MEMO_LIMIT = 1 << 16


class _CodeTable(dict[int, int]):
    """A `str.translate` table that computes and memoises one small code per character.

    Translating a paragraph through it turns a per-character Python loop into one C
    call (the first sight of a character costs one Python call, then it is a dict hit),
    and the result encodes to bytes whose items are plain ints: prefix sums and flag
    tests on them run without a function call per character.
    """

    def __init__(self, code: Callable[[str], int]) -> None:
        super().__init__()
        self._code = code

    def __missing__(self, ordinal: int) -> int:
        value = self._code(chr(ordinal))
        if len(self) < _MEMO_LIMIT:  # a file of every code point must not grow it without end
            self[ordinal] = value
        return value


_CELLS_SHIFT = 5
_CODES_BY_AMBIGUOUS = {
    ambiguous: _CodeTable(
        lambda ch, a=ambiguous: (  # type: ignore[misc]
            _flags(ch) | (_F_SPACE if _is_space(ch) else 0) | char_cells(ch, a) << _CELLS_SHIFT
        )
    )
    for ambiguous in (1, 2)
}
"""Each character's rule flags and breaking-space bit, and its width in cells above them,
for terminals that draw ambiguous characters one cell wide (1) or two (2)."""
_CODES = _CODES_BY_AMBIGUOUS[1]
_CELLS_OF_CODE = bytes(code >> _CELLS_SHIFT for code in range(256))
"""`bytes.translate` table from a code to the width alone (a plain 256-byte lookup in C)."""


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


def _clusters(text: str, cells: bytes, flags: bytes) -> tuple[list[int], list[int]]:
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

    `cells` and `flags` are `text`'s widths and codes (`_CODES`), one byte a character.
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
        if flags[i] & _F_SPACE:
            i += 1
        else:
            while i < n and not widths[i] and not flags[i] & _F_SPACE:
                i += 1  # zero-width prefix
            if i < n and not flags[i] & _F_SPACE:
                i += 1  # the visible character
            while i < n and not widths[i] and not flags[i] & _F_SPACE:
                i += 1  # zero-width suffix
        starts.append(start)
        if i - start == 1:
            out.append(widths[start])
        else:
            out.append(max(sum(widths[start:i]), cell_len(text[start:i])))
    return starts, out


def break_paragraph(
    text: str,
    width: int,
    indent: int = 2,
    *,
    justify: bool = False,
    ambiguous: int = 1,
    pads: Mapping[int, int] | None = None,
) -> list[LineSpan]:
    """Lay out one paragraph into lines of at most `width` terminal cells.

    The first line starts after `indent` blank cells (clamped so that it still holds
    a double-width character), continuation lines after none. Every non-space
    character of `text` lies in exactly one line. Control characters are measured as
    `display_text` shows them, which is how the caller must print them.

    With `justify`, lines are set to the edge (`edge_of(width)`) as the module's
    docstring says: a closing mark may hang past it (by at most its own two cells),
    and `LineSpan.fills` says where blank cells go. `ambiguous` is how many cells the
    terminal gives ambiguous characters (`“ ” — …`: see `reader.layout.cells`);
    `pads` maps offsets of quotes to the side their blank half goes on
    (`reader.layout.punctuation.quote_pads`), and such a quote is laid out two cells
    wide.

    Raises ValueError when `width` < 2 (a CJK character would not fit), `indent` < 0,
    or `ambiguous` is not 1 or 2.
    """
    if width < 2:
        raise ValueError(f"width must be at least 2 cells, got {width}")
    if indent < 0:
        raise ValueError(f"indent must not be negative, got {indent}")
    if ambiguous not in _CODES_BY_AMBIGUOUS:
        raise ValueError(f"ambiguous width must be 1 or 2, got {ambiguous}")
    shown = display_text(text)
    codes, cells = _encode(shown, ambiguous, pads)
    simple = 0 not in cells and not any(ch in shown for ch in _NO_BREAK)
    if justify:
        edge = edge_of(width)
        return _break_justified(shown, codes, cells, edge, min(indent, edge - 2), simple, pads or {})
    first_indent = min(indent, width - 2)
    if simple:
        # The common case — one unit per character, no no-break space — has a fast path
        # that gives exactly the same lines (tests compare the two on random text).
        return _break_simple(shown, codes, cells, width, first_indent)
    return _break_general(shown, codes, cells, width, first_indent)


def _encode(shown: str, ambiguous: int = 1, pads: Mapping[int, int] | None = None) -> tuple[bytes, bytes]:
    """Each character's code (`_CODES`) and its width in cells, one byte a character.

    A padded quote (`pads`) is two cells wide: its glyph and its blank half.
    """
    codes = shown.translate(_CODES_BY_AMBIGUOUS[ambiguous]).encode("latin-1")
    cells = codes.translate(_CELLS_OF_CODE)
    if pads:
        widened = bytearray(cells)
        for offset in pads:
            if widened[offset] == 1:
                widened[offset] = 2
        cells = bytes(widened)
    return codes, cells


def _break_cost(shown: str, flags: bytes, j: int) -> tuple[int, int]:
    """What breaking before `shown[j]` costs, and the visible character before it (through spaces).

    One rule for every breaker: a closing mark starting the line or an opening one ending
    it, the two halves of —— or ……, a Latin or digit run split.
    """
    p = j - 1
    while flags[p] & _F_SPACE:
        p -= 1
    a, b = flags[p], flags[j]
    c = 0
    if b & _F_START:
        c += _COST_PUNCT
    if a & _F_END:
        c += _COST_PUNCT
    if a & b & _F_PAIR and shown[p] == shown[j]:
        c += _COST_PAIR
    if p == j - 1 and a & b & _F_RUN:
        c += _COST_RUN
    return c, p


def _break_simple(shown: str, flags: bytes, cells: bytes, width: int, first_indent: int) -> list[LineSpan]:
    """`break_paragraph` for text whose every character is its own unit of width >= 1.

    Same rules and the same choice as `_break_general`, organised for speed on long
    text: where a line overflows is found by bisecting the prefix sums of the widths,
    and the break is chosen by walking back from there, costing only the positions it
    looks at; the first break of cost 0 ends the walk, so a line costs a few steps, not
    one per character.

    `flags` holds each character's code from `_CODES` (rule flags and the space bit),
    `cells` its width in cells, one byte a character (see `_encode`).
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
        while k < n and flags[k] & _F_SPACE:
            k += 1  # spaces may run past the margin: they are not shown at a break
        if k >= n:
            lines.append(LineSpan(s, end, line_indent))
            return lines
        best_k = best_end = -1
        best_cost = _MAX_COST + 1
        j = k
        while j > s:
            if flags[j] & _F_SPACE:
                j -= 1
                continue
            c, p = _break_cost(shown, flags, j)
            if c < best_cost:
                best_cost, best_k, best_end = c, j, p + 1
                if not c:
                    break
            j = p
        lines.append(LineSpan(s, best_end, line_indent))
        s = best_k
        avail = width
        line_indent = 0


def _units(
    shown: str, flags: bytes, cells: bytes
) -> tuple[list[int], list[int], list[int], list[bool], list[int]]:
    """The units of any text and what breaking before each costs.

    Returns each unit's start and end offsets, its width, whether it lays out as a
    space, and the cost of a break before it (see `_clusters`, and the rules in the
    module's docstring). `flags` and `cells` are as in `_break_simple`.
    """
    n = len(shown)
    starts, widths = _clusters(shown, cells, flags)
    m = len(starts)
    ends = [*starts[1:], n]
    # A unit of zero-width characters only (one that follows a space, with nothing to
    # attach to) is laid out like the space it sits in: it shows nothing either way,
    # and it must neither start a line alone nor push one past the width.
    space = [bool(flags[s] & _F_SPACE) or not w for s, w in zip(starts, widths, strict=True)]

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
        if first_char in _NO_BREAK and last_char in _NO_BREAK:
            nbsp.append(k)
            continue
        if prev_flags >= 0:
            c = 0
            if first & _F_START:
                c += _COST_PUNCT
            if prev_flags & _F_END:
                c += _COST_PUNCT
            if first & prev_flags & _F_PAIR and first_char == prev_char:
                c += _COST_PAIR
            if not gap and (first & prev_flags & _F_RUN or nbsp):
                c += _COST_RUN
            cost[k] = c
            for j in nbsp:
                cost[j] = c + _COST_RUN if gap else c  # a break at a no-break space bends it
        prev_flags, prev_char = last, last_char
        gap = False
        nbsp = []
    for j in nbsp:
        cost[j] = _MAX_COST  # trailing no-break spaces stay with the text before them
    return starts, ends, widths, space, cost


def _break_general(shown: str, flags: bytes, cells: bytes, width: int, first_indent: int) -> list[LineSpan]:
    """`break_paragraph` for any text: zero-width characters, no-break spaces, clusters.

    `flags` and `cells` are as in `_break_simple`.
    """
    starts, ends, widths, space, cost = _units(shown, flags, cells)
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
        best_k = [-1] * (_MAX_COST + 1)  # last break of each cost seen in this line
        best_end = [0] * (_MAX_COST + 1)
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
        for c in range(_MAX_COST + 1):
            if best_k[c] >= 0:
                lines.append(LineSpan(starts[s], best_end[c], line_indent))
                k = best_k[c]
                break
        avail = width
        line_indent = 0
    return lines


# --- justified lines ------------------------------------------------------------------

_UNITS_AFTER_NUMBERS = frozenset("年月日号时分秒点")
_SLOT_CANDIDATES = re.compile(r"[A-Za-z0-9]+|[ ,;:?!()“”‘’]")
"""What a slot stands beside: a Latin/digit run, a space, a half-width mark, a quote.
(One simple pattern and a look at the neighbours in Python: an alternation of the
slots' patterns is ten times slower in `re`.)"""
_RUN_TAIL = frozenset("%‰°℃")


_SPACE_OF_CODE = bytes(code & _F_SPACE for code in range(256))


def _slots(
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


def _pad_fills(pads: Mapping[int, int], pad_at: list[int], start: int, end: int) -> tuple[int, ...]:
    """The blank cells of the padded quotes in ``[start, end)``, as fill offsets (ascending)."""
    if not pad_at:
        return ()
    inside = pad_at[bisect_left(pad_at, start) : bisect_left(pad_at, end)]
    return tuple(offset if pads[offset] == PAD_BEFORE else offset + 1 for offset in inside)


def _break_justified(
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

    A line may stretch by one cell at each of its slots (`_slots`) and shrink by one at
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
        space: Sequence[int] = flags.translate(_SPACE_OF_CODE)
        cum = [0, *accumulate(cells)]

        def cost(j: int) -> int:
            return _break_cost(shown, flags, j)[0]

        def hangs(k: int) -> bool:
            return shown[k] in HANGING

    else:
        unit_starts, unit_ends, widths, unit_space, costs = _units(shown, flags, cells)
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
            lines.append(LineSpan(lo, end, indent, _pad_fills(pads, pad_at, lo, end)))
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
                fills = _pad_fills(pads, pad_at, lo, end)
                if not fills or (fills[0] != lo and fills[-1] != end):
                    lines.append(LineSpan(lo, end, indent, fills))
                    s, avail, indent = k, edge, 0
                    continue
            elif first_pad == bisect_left(pad_at, starts[k]):  # no quote with a blank half
                slot_at, slot_rank = _slots(shown, ambiguous, pads, lo, starts[p])
                if short <= len(slot_at):
                    picked = _pick(slot_at, slot_rank, 0, len(slot_at), short)
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
            fills = _pad_fills(pads, pad_at, lo, end)
            if need > 0:
                fills = _shrink(fills, pads, lo, inked_end, need)
            lines.append(LineSpan(lo, end, indent, fills, hung))
            return lines
        j = reach + 1  # the walk starts with the line ending at `reach`, hung if it is a closing mark
        while j < m and space[j]:
            j += 1
        if j >= m:
            j = reach
        # the line's slots, found only now: most lines never need them
        slot_at, slot_rank = _slots(shown, ambiguous, pads, lo, starts[reach])
        first_slot = 0
        most_slots = len(slot_at)
        # the best end so far: (rules bent, cells short after stretching, cells changed), where
        best_key = (_MAX_COST + 1, 0, 0)
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
        fills = _pad_fills(pads, pad_at, lo, end)
        d = avail - (cum[best_last] if hung else cum[best_last + 1]) + base
        if d < 0:
            fills = _shrink(fills, pads, lo, inked_end, -d)
        elif change or (fills and (fills[0] == lo or fills[-1] == end)):
            stop_slot = bisect_right(slot_at, last_inked)
            # A quote's blank half at the line's edge (before a line's first “, after its
            # last ”) is blank margin there; when the line has a slot, the blank goes
            # there instead and the quote stands at the edge, as print sets it.
            at_edge = [fill for fill in fills if fill == lo or (fill == end and not hung)]
            picked = _pick(slot_at, slot_rank, first_slot, stop_slot, change + len(at_edge))
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


def _shrink(
    fills: tuple[int, ...], pads: Mapping[int, int], start: int, end: int, count: int
) -> tuple[int, ...]:
    """`fills` without the blank halves of `count` padded quotes in ``[start, end)``: edge ones first."""
    quotes = sorted(offset for offset in pads if start <= offset < end)
    quotes.sort(key=lambda offset: (offset != start and offset != end - 1, offset))
    dropped = {offset if pads[offset] == PAD_BEFORE else offset + 1 for offset in quotes[:count]}
    return tuple(fill for fill in fills if fill not in dropped)


def _last_visible(space: Sequence[int], m: int) -> int:
    """The index of the last unit that is not a space (there is one)."""
    k = m - 1
    while space[k]:
        k -= 1
    return k


def _pick(slot_at: list[int], slot_rank: list[int], first: int, stop: int, count: int) -> list[int]:
    """The `count` most natural slots among ``slot_at[first:stop]``: best rank, then leftmost."""
    chosen = sorted(range(first, stop), key=lambda i: (slot_rank[i], i))[:count]
    return [slot_at[i] for i in chosen]


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
    if b & _F_START:
        return "closers" if hangs(k) else ("pair" if b & _F_PAIR else "run" if b & _F_RUN else "mark")
    if a & _F_END:
        return "opener"
    if a & b & _F_PAIR:
        return "pair"
    if a & b & _F_RUN:
        return "run"
    return "gap"
