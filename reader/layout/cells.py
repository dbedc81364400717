"""How many terminal cells a character takes, for terminals that draw ambiguous characters narrow or wide.

Unicode leaves the width of "East Asian Ambiguous" characters to the terminal: the
Chinese quotes `“ ” ‘ ’`, the dash `—`, the ellipsis `…`, the middle dot `·`, box
drawing `─`, Greek and Cyrillic letters, circled numbers and the private-use area.
Western terminals draw them one cell wide, and so do Rich and Textual; terminals set
up for Chinese (a CJK locale, iTerm2's "ambiguous characters are double-width",
GNOME Terminal's "Ambiguous-width characters: Wide", Windows consoles on code page
936) draw them two cells wide. When the terminal and the program disagree, every line
holding one of them ends a cell past where the program thinks, and the right edge of
the text (and the sidebar beside it) is pushed out of line.

So the width of an ambiguous character is a setting (`ambiguous_width: 1 | 2`), and
everything that measures must use the same one: the line breaker (through
`char_cells`) and Rich and Textual, which lay out the screen (through
`use_rich_ambiguous_width`, which makes `rich.cells` — and so Textual — count them as
two cells). `reader.ui.terminal` asks the terminal which it does, when it can.

Core code: no Textual import. Rich is only read and, on request, told the width.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import cache

import rich.cells
import rich.segment
from rich._unicode_data import load as _load_cell_table

__all__ = [
    "AMBIGUOUS_WIDTHS",
    "char_cells",
    "is_ambiguous",
    "rich_ambiguous_width",
    "use_rich_ambiguous_width",
]

AMBIGUOUS_WIDTHS = (1, 2)
"""The widths a terminal may give an ambiguous character."""

_ORIGINAL_LOAD = rich.cells.load_cell_table  # type: ignore[attr-defined]
_ORIGINAL_SINGLE = rich.cells._is_single_cell_widths
_ORIGINAL_SEGMENT_SINGLE = rich.segment._is_single_cell_widths  # type: ignore[attr-defined]
_TABLE = _load_cell_table("auto").widths
_STARTS = [start for start, _end, _width in _TABLE]
_rich_width = 1
"""The width `rich.cells` currently gives ambiguous characters (see `use_rich_ambiguous_width`)."""

# Where Unicode's ambiguous characters live: below U+3300, in the private-use area and
# specials (U+E000–U+FFFF), among the enclosed alphanumerics of plane 1, and the two
# private-use planes 15 and 16 (whole). `_ambiguous_ranges` scans the first three with
# unicodedata; a test checks that no ambiguous character lies outside them.
_SCANNED = ((0x00A0, 0x3300), (0xE000, 0x10000), (0x1F100, 0x1F200))
_PRIVATE_PLANES = ((0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))


def _table_cells(codepoint: int) -> int:
    """The width Rich's own table gives a code point, whatever width Rich has been told since."""
    if (codepoint and codepoint < 32) or 0x7F <= codepoint < 0xA0:
        return 0
    i = bisect_right(_STARTS, codepoint) - 1
    if i >= 0 and codepoint <= _TABLE[i][1]:
        return _TABLE[i][2]
    return 1


def is_ambiguous(ch: str) -> bool:
    """True for a character whose width the terminal decides: East Asian Ambiguous, one cell to Rich.

    Combining marks and other characters Rich counts as zero (or two) cells are not
    included: a terminal does not widen them.
    """
    return unicodedata.east_asian_width(ch) == "A" and _table_cells(ord(ch)) == 1


def char_cells(ch: str, ambiguous: int = 1) -> int:
    """The cells one character takes in a terminal that draws ambiguous characters `ambiguous` wide.

    With `ambiguous=1` this is exactly Rich's width (`rich.cells.get_character_cell_size`
    as shipped), whatever Rich has been told by `use_rich_ambiguous_width`.
    """
    cells = _table_cells(ord(ch))
    if ambiguous == 2 and cells == 1 and unicodedata.east_asian_width(ch) == "A":
        return 2
    return cells


@cache
def _ambiguous_ranges() -> tuple[tuple[int, int], ...]:
    """Every ambiguous code point Rich counts as one cell, as (first, last) ranges."""
    ranges: list[list[int]] = []
    eaw = unicodedata.east_asian_width
    for low, high in _SCANNED:
        for code in range(low, high):
            if eaw(chr(code)) == "A" and _table_cells(code) == 1:
                if ranges and ranges[-1][1] == code - 1:
                    ranges[-1][1] = code
                else:
                    ranges.append([code, code])
    out = [(low, high) for low, high in ranges]
    out.extend(_PRIVATE_PLANES)
    return tuple(out)


@cache
def _wide_table(unicode_version: str) -> rich.cells.CellTable:
    """Rich's cell table for `unicode_version` with every ambiguous character two cells wide."""
    table = _ORIGINAL_LOAD(unicode_version)
    # Rich's table lists only the code points that are not one cell wide, and every
    # ambiguous character we widen is one cell wide to it, so the ranges never overlap.
    wide = [(low, high, 2) for low, high in _ambiguous_ranges() if _table_cells(low) == 1]
    widths: Sequence[tuple[int, int, int]] = sorted([*table.widths, *wide])
    return rich.cells.CellTable(table.unicode_version, widths, table.narrow_to_wide)


@cache
def _wide_single_cells() -> Callable[[str], bool]:
    """Rich's "is every character of this text one cell?" test, without the ambiguous characters."""
    single = rich.cells._SINGLE_CELLS
    return frozenset(ch for ch in single if not is_ambiguous(ch)).issuperset


def rich_ambiguous_width() -> int:
    """The width Rich (and so Textual) gives ambiguous characters now: 1 unless told otherwise."""
    return _rich_width


def use_rich_ambiguous_width(width: int) -> None:
    """Make Rich, and with it Textual, count ambiguous characters as `width` (1 or 2) cells.

    Rich measures every character through `rich.cells`: a table of the code points that
    are not one cell wide (loaded by `load_cell_table`), and a fast path for text made
    only of characters it knows to be one cell (`_is_single_cell_widths`, which  # type: ignore[attr-defined]
    `rich.segment` imports too) — `·` and `─` are among them. Both are replaced, and
    the measuring caches emptied, so that no width measured before is reused. Call it
    before the app draws anything, and with 1 to undo it. Raises ValueError for a width
    other than 1 or 2.
    """
    global _rich_width
    if width not in AMBIGUOUS_WIDTHS:
        raise ValueError(f"ambiguous width must be 1 or 2, not {width!r}")
    if width == _rich_width:
        return
    if width == 2:
        rich.cells.load_cell_table = _wide_table  # type: ignore[attr-defined]
        rich.cells._is_single_cell_widths = rich.segment._is_single_cell_widths = _wide_single_cells()  # type: ignore[attr-defined]
    else:
        rich.cells.load_cell_table = _ORIGINAL_LOAD  # type: ignore[attr-defined]
        rich.cells._is_single_cell_widths = _ORIGINAL_SINGLE
        rich.segment._is_single_cell_widths = _ORIGINAL_SEGMENT_SINGLE  # type: ignore[attr-defined]
    _rich_width = width
    rich.cells.get_character_cell_size.cache_clear()
    rich.cells.cached_cell_len.cache_clear()
    rich.segment.Segment._split_cells.cache_clear()
