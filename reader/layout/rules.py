"""The line-breaking rules as data: what may not start or end a line, and what bending a rule costs.

Kept apart from the breakers so that every breaker (unjustified, justified, header
text) reads one definition of the rules and one cost of bending them, and so that the
per-character work is done once, in C: each character is translated to a one-byte code
(its rule flags, whether it is a breaking space, and its width in cells), which the
breakers then scan as plain ints.

Rules: GB/T 15834 and the W3C "Requirements for Chinese Text Layout" (clreq).
Core code: no Textual import (rich.cells only measures).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from reader.layout.cells import char_cells

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
NO_BREAK = frozenset("\u00a0\u2007\u202f")

# The cost of a break, added up from the rules it would bend. A line ends at the
# cheapest break that fits, the last one among equals. Bending a punctuation rule
# costs more than cutting a Latin run (which is still read correctly), and splitting
# "……" costs both its rules, so "右|……" beats "右…|…" when one of them must happen.
COST_RUN = 1  # inside a Latin/digit run or next to a no-break space
COST_PUNCT = 2  # before closing or after opening punctuation (each)
COST_PAIR = 2  # between the two halves of —— or ……
MAX_COST = 2 * COST_PUNCT + COST_PAIR + COST_RUN

F_START = 1
F_END = 2
F_PAIR = 4
F_RUN = 8


def _flags(ch: str) -> int:
    """The rule flags of one character (memoised through `CODES`)."""
    f = 0
    if ch in START_FORBIDDEN:
        f |= F_START
    if ch in END_FORBIDDEN:
        f |= F_END
    if ch in NO_SPLIT_CHARS:
        f |= F_PAIR
    # A "run" character: ASCII printable, or a narrow letter/digit (é, α, Я), the
    # pieces of words, numbers, units and URLs that are read as one token.
    if (ch.isascii() and ch.isprintable() and ch != " ") or (ch.isalnum() and char_cells(ch) == 1):
        f |= F_RUN
    return f


def _is_space(ch: str) -> bool:
    """A breaking space: a line may end at it, and it is not shown at a line's edge."""
    return ch.isspace() and ch not in NO_BREAK


F_SPACE = 16  # only in CODES: a breaking space
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
CODES_BY_AMBIGUOUS = {
    ambiguous: _CodeTable(
        lambda ch, a=ambiguous: (  # type: ignore[misc]
            _flags(ch) | (F_SPACE if _is_space(ch) else 0) | char_cells(ch, a) << _CELLS_SHIFT
        )
    )
    for ambiguous in (1, 2)
}
"""Each character's rule flags and breaking-space bit, and its width in cells above them,
for terminals that draw ambiguous characters one cell wide (1) or two (2)."""
CODES = CODES_BY_AMBIGUOUS[1]
_CELLS_OF_CODE = bytes(code >> _CELLS_SHIFT for code in range(256))
"""`bytes.translate` table from a code to the width alone (a plain 256-byte lookup in C)."""
SPACE_OF_CODE = bytes(code & F_SPACE for code in range(256))
"""`bytes.translate` table from a code to its breaking-space bit alone."""


def encode(shown: str, ambiguous: int = 1, pads: Mapping[int, int] | None = None) -> tuple[bytes, bytes]:
    """Each character's code (`CODES`) and its width in cells, one byte a character.

    A padded quote (`pads`) is two cells wide: its glyph and its blank half.
    """
    codes = shown.translate(CODES_BY_AMBIGUOUS[ambiguous]).encode("latin-1")
    cells = codes.translate(_CELLS_OF_CODE)
    if pads:
        widened = bytearray(cells)
        for offset in pads:
            if widened[offset] == 1:
                widened[offset] = 2
        cells = bytes(widened)
    return codes, cells


def break_cost(shown: str, flags: bytes, j: int) -> tuple[int, int]:
    """What breaking before `shown[j]` costs, and the visible character before it (through spaces).

    One rule for every breaker: a closing mark starting the line or an opening one ending
    it, the two halves of —— or ……, a Latin or digit run split.
    """
    p = j - 1
    while flags[p] & F_SPACE:
        p -= 1
    a, b = flags[p], flags[j]
    c = 0
    if b & F_START:
        c += COST_PUNCT
    if a & F_END:
        c += COST_PUNCT
    if a & b & F_PAIR and shown[p] == shown[j]:
        c += COST_PAIR
    if p == j - 1 and a & b & F_RUN:
        c += COST_RUN
    return c, p
