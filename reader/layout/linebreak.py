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

from dataclasses import dataclass

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

_flag_cache: dict[str, int] = {}


def _flags(ch: str) -> int:
    """The rule flags of one character (memoised: text draws on few distinct characters)."""
    f = _flag_cache.get(ch)
    if f is None:
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
        _flag_cache[ch] = f
    return f


def _is_space(ch: str) -> bool:
    """A breaking space: a line may end at it, and it is not shown at a line's edge."""
    return ch.isspace() and ch not in _NO_BREAK


@dataclass(frozen=True, slots=True)
class LineSpan:
    """One laid-out line: ``text[start:end]`` after ``indent`` blank cells.

    ``end`` excludes the spaces a break consumed, and ``start`` skips them, so a line
    never begins or ends with a space; offsets still index the original paragraph.
    """

    start: int
    end: int
    indent: int


def _clusters(text: str) -> tuple[list[int], list[int]]:
    """Split `text` into the units a line may not break inside: their starts and widths.

    A unit is a visible character with the zero-width characters around it: those
    after it (ZWNJ, ZWSP, BOM, combining marks, VS16), the character a ZWJ joins to
    it, and — after a space or at the paragraph start, where there is nothing to
    attach to — those before it. So a zero-width character never sits alone at the
    start of a line. A breaking space is always a unit of its own.

    Widths are in cells and never less than what rich.cells.cell_len says for the
    unit, nor less than the sum of its characters: rich counts a ZWJ-joined character
    as zero cells (right for emoji families, wrong on terminals that do not join
    them), and taking the larger keeps every line within the width either way.
    """
    size = get_character_cell_size
    widths = list(map(size, text))
    if 0 not in widths:
        return list(range(len(text))), widths  # the common case: one unit per character
    n = len(text)
    starts: list[int] = []
    out: list[int] = []
    i = 0
    while i < n:
        start = i
        if _is_space(text[i]):
            i += 1
        else:
            while i < n and widths[i] == 0 and not _is_space(text[i]):
                i += 1  # zero-width prefix
            if i < n and not _is_space(text[i]):
                i += 1  # the visible character
            while i < n and not _is_space(text[i]):
                if text[i] == "\u200d":
                    i += 1
                    if i < n and not _is_space(text[i]):
                        i += 1  # the character a ZWJ joins
                elif widths[i] == 0:
                    i += 1
                else:
                    break
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
    n = len(shown)
    starts, widths = _clusters(shown)
    m = len(starts)
    ends = [*starts[1:], n]
    # A unit of zero-width characters only (one that follows a space, with nothing to
    # attach to) is laid out like the space it sits in: it shows nothing either way,
    # and it must neither start a line alone nor push one past the width.
    space = [_is_space(shown[s]) or not w for s, w in zip(starts, widths, strict=True)]

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
        else:
            # the visible characters of a unit ("\u200b中\u200b" → 中, "👨\u200d👩" → 👨…👩)
            visible = [j for j in range(s, e) if get_character_cell_size(shown[j])]
            first_char, last_char = shown[visible[0]], shown[visible[-1]]
        if first_char in _NO_BREAK and last_char in _NO_BREAK:
            nbsp.append(k)
            continue
        first, last = _flags(first_char), _flags(last_char)
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
