"""Make untrusted article text safe to show in a terminal without moving any offset.

Article text comes from files we did not write. An ESC in a paragraph would let the
file drive the terminal (colours, cursor moves, title changes), a BEL beeps and a
NUL or C1 code confuses some emulators. Rich measures all of them as zero cells, so
they would also make lines look shorter than they are.

Every mapping here is one character to one character: mention offsets, search hits
and highlight spans all index into the original paragraph, and they must index the
displayed text exactly the same way.
"""

from __future__ import annotations

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
    return table


_TABLE = _build_table()


def display_text(s: str) -> str:
    """Return `s` with every C0/C1 control character replaced by a visible one.

    The result has the same length as `s` (one character per character), so any
    offset into `s` is valid, and means the same thing, in the result.
    """
    # str.translate runs in C; checking first avoids a copy for the common clean text.
    if s.isprintable():
        return s
    return s.translate(_TABLE)
