"""Make untrusted article text safe to show in a terminal without moving any offset.

Article text comes from files we did not write. An ESC in a paragraph would let the
file drive the terminal (colours, cursor moves, title changes), a BEL beeps and a
NUL or C1 code confuses some emulators. Rich measures all of them as zero cells, so
they would also make lines look shorter than they are.

A few more characters are measured one way by Rich (and so by Textual, which lays
out the screen) and drawn another way by terminals, which would shift the rest of a
row — the sidebar included — by a cell or two:

* U+200D ZERO WIDTH JOINER: Rich joins it with the next character and counts the pair
  as the width of the first (``中\u200d国`` is 2 cells to Rich), but no terminal joins
  Chinese characters, so they draw 4. It becomes U+200B ZERO WIDTH SPACE, which every
  party counts as zero. An emoji ZWJ sequence (a family: man, ZWJ, woman, ZWJ, girl)
  is then drawn as its separate emoji, the same way everywhere, instead of 2 cells to
  Rich and 2, 4 or 6 to the terminal.
* bidirectional controls (U+200E/F, U+202A–E, U+2066–9, U+061C): zero cells to
  everyone, but a terminal that implements bidi would reorder the line (the
  "Trojan Source" trick); they become U+200B too.
* U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR: zero cells to Rich, a line feed
  or a glyph to a terminal; they become a space, as their meaning inside one paragraph.
* a lone surrogate (U+D800–U+DFFF) cannot be encoded for the terminal at all; it
  becomes U+FFFD.

What stays as it is: U+200B, U+200C and U+FEFF (zero cells to Rich and to the wcwidth
of every common terminal), NBSP (one cell) and U+3000 (two cells), and private-use
characters (U+E000–U+F8FF and planes 15–16): Rich, glibc's wcwidth and the common
terminals all advance one cell for them. A font may draw such a glyph wider and
overlap its neighbour, but the cursor still moves one cell, so alignment holds; the
character is kept rather than replaced because it is the publisher's text (a rare
character their font had) and survives copy and paste.

Every mapping here is one character to one character: mention offsets, search hits
and highlight spans all index into the original paragraph, and they must index the
displayed text exactly the same way.
"""

from __future__ import annotations

import re

from reader.compiled import compile_pattern

__all__ = ["display_text"]


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        # U+2400 "Control Pictures" has a visible symbol for every C0 code (␀ … ␟).
        table[code] = chr(0x2400 + code)
    # A tab would jump to the next tab stop: its width depends on the column,
    # which no layout can know in advance; one space keeps the length and the meaning.
    table[0x09] = " "
    table[0x7F] = "\u2421"  # ␡
    for code in range(0x80, 0xA0):
        # C1 controls have no control pictures; the replacement character says
        # "something unprintable was here" without acting on the terminal.
        table[code] = "\ufffd"
    for code in (0x200D, 0x200E, 0x200F, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A)):
        table[code] = "\u200b"
    table[0x2028] = table[0x2029] = " "
    for code in range(0xD800, 0xE000):
        # A lone surrogate cannot be written to a UTF-8 terminal at all: printing it
        # would raise. Loaders decode with errors="replace", so this is a last guard.
        table[code] = "\ufffd"
    return table


_TABLE = _build_table()
_NEEDS_MAPPING = compile_pattern("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "]")
"""Any character `_TABLE` maps: one C-speed search decides whether a copy is needed."""


def display_text(s: str) -> str:
    """Return `s` with every C0/C1 control character replaced by a visible one, and the
    characters Rich and terminals measure differently replaced by ones they agree on.

    The result has the same length as `s` (one character per character), so any
    offset into `s` is valid, and means the same thing, in the result.
    """
    # Clean text (nearly all of it) is returned as is after one regex scan; translating
    # non-ASCII text looks every character up in a dict, several times slower.
    if _NEEDS_MAPPING.search(s) is None:
        return s
    return s.translate(_TABLE)
