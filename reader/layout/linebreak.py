"""The Chinese line breaker: one paragraph into lines that fit a terminal width.

Rules (GB/T 15834 and the W3C "Requirements for Chinese Text Layout", clreq):

* a line may break between any two CJK characters;
* closing punctuation never starts a line, opening brackets and quotes never end one;
* ``——`` and ``……`` are never split;
* a run of Latin letters/digits (``3.5%``, ``Ct``, a URL) is never split: it moves to
  the next line whole, and is cut only when it alone is wider than a line.

A fault is fixed the standard way (推出): the break moves back, pulling the previous
character(s) down to the next line. Hanging punctuation past the margin is not an
option in a terminal — a line must never be wider than the width — so when no good
break exists inside a line (a glued chunk longer than the line) the least bad break
is taken instead: each break has a cost, the sum of the rules it bends (cutting a
Latin run is cheapest; splitting ``……`` costs both its rules), and the line ends at
the cheapest one that fits, the last one among equals.

The result is a list of offsets into the paragraph, not strings: the reading view
maps highlight spans (search hits, officials' mentions) through them, and
`reader render` prints exactly the same slices.

This module is core code: it must never import Textual (rich.cells only measures).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate

from rich.cells import cell_len, get_character_cell_size

from reader.layout.display import display_text

__all__ = [
    "END_FORBIDDEN",
    "NO_SPLIT_CHARS",
    "START_FORBIDDEN",
    "LineSpan",
    "break_paragraph",
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
    if (ch.isascii() and ch.isprintable() and ch != " ") or (
        ch.isalnum() and get_character_cell_size(ch) == 1
    ):
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
_CODES = _CodeTable(
    lambda ch: _flags(ch) | (_F_SPACE if _is_space(ch) else 0) | get_character_cell_size(ch) << _CELLS_SHIFT
)
"""Each character's rule flags and breaking-space bit, and its width in cells above them."""
_CELLS_OF_CODE = bytes(code >> _CELLS_SHIFT for code in range(256))
"""`bytes.translate` table from a code to the width alone (a plain 256-byte lookup in C)."""


@dataclass(frozen=True, slots=True)
class LineSpan:
    """One laid-out line: ``text[start:end]`` after ``indent`` blank cells.

    ``end`` excludes the spaces a break consumed, and ``start`` skips them, so a line
    never begins or ends with a space; offsets still index the original paragraph.
    """

    start: int
    end: int
    indent: int


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


def break_paragraph(text: str, width: int, indent: int = 2) -> list[LineSpan]:
    """Lay out one paragraph into lines of at most `width` terminal cells.

    The first line starts after `indent` blank cells (clamped so that it still holds
    a double-width character), continuation lines after none. Every non-space
    character of `text` lies in exactly one line. Control characters are measured as
    `display_text` shows them, which is how the caller must print them.

    Raises ValueError when `width` < 2 (a CJK character would not fit) or `indent` < 0.
    """
    if width < 2:
        raise ValueError(f"width must be at least 2 cells, got {width}")
    if indent < 0:
        raise ValueError(f"indent must not be negative, got {indent}")
    first_indent = min(indent, width - 2)
    shown = display_text(text)
    codes, cells = _encode(shown)
    if 0 not in cells and not any(ch in shown for ch in _NO_BREAK):
        # The common case — one unit per character, no no-break space — has a fast path
        # that gives exactly the same lines (tests compare the two on random text).
        return _break_simple(shown, codes, cells, width, first_indent)
    return _break_general(shown, codes, cells, width, first_indent)


def _encode(shown: str) -> tuple[bytes, bytes]:
    """Each character's code (`_CODES`) and its width in cells, one byte a character."""
    codes = shown.translate(_CODES).encode("latin-1")
    return codes, codes.translate(_CELLS_OF_CODE)


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
            # the visible character before j, looking through spaces
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
            if c < best_cost:
                best_cost, best_k, best_end = c, j, p + 1
                if not c:
                    break
            j = p
        lines.append(LineSpan(s, best_end, line_indent))
        s = best_k
        avail = width
        line_indent = 0


def _break_general(shown: str, flags: bytes, cells: bytes, width: int, first_indent: int) -> list[LineSpan]:
    """`break_paragraph` for any text: zero-width characters, no-break spaces, clusters.

    `flags` and `cells` are as in `_break_simple`.
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
