"""Make untrusted text inert before it reaches a terminal.

Article files, their front matter and even their file names are written by strangers.
A terminal obeys control characters: ESC starts CSI/OSC sequences that clear the
screen, set the clipboard (OSC 52) or plant hyperlinks (OSC 8); BEL rings; a C1 byte
such as U+009B is a one-character CSI on some terminals; bidi overrides (U+202E) make
terminals that implement bidi show text in an order it was not written in
("Trojan Source"). Rich markup is not a risk where text goes into `rich.text.Text`
(never parsed), but escapes survive `Text` — Rich strips only BEL, BS, VT, FF and CR.

The policy here is one character in, one character out, so that paragraph offsets
(official mentions, search hits) computed on the cleaned text stay valid and a
cleaned string can always be lined up with its original:

- C0 controls and DEL become their Unicode Control Pictures (ESC -> ␛, BEL -> ␇):
  visible, one cell wide, and what was there stays readable (`␛[2J`);
- a tab becomes a space (a tab moves a terminal's cursor by an amount no layout
  measures); a newline is kept only where the caller says lines are allowed;
- C1 controls (U+0080-U+009F) and the bidi embeddings, overrides, isolates and
  marks (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C) become U+FFFD:
  they have no picture, they never belong in Chinese news, and a visible mark says
  "something unprintable was here" where removing them would hide it;
- U+2028 and U+2029 (line and paragraph separators) become a space;
- lone surrogates (U+D800-U+DFFF) become U+FFFD: Python reads a file name that is
  not UTF-8 (an old GBK archive) with os.fsdecode's surrogateescape, and such a
  string cannot be written to a terminal at all; the replacement shows where.

Everything else — CJK, full-width forms, ZWJ/ZWNJ, private-use characters — is kept.
Applying `inert` twice gives the same result as once.

Every surface that shows or writes text from files uses this module: the loaders (once,
as a file is read), and again where text may come from elsewhere — the article list,
the library search screen, `reader search`'s table, the officials exports (CSV cells,
JSON through `json_safe`), the citations (`plain_line`) and the CLI's error lines.

This module is part of the core and never imports Textual.
"""

from __future__ import annotations

import re

from reader.compiled import compile_pattern

__all__ = ["BIDI_CONTROLS", "REPLACEMENT", "has_unsafe", "inert", "inert_line", "json_safe", "plain_line"]

REPLACEMENT = "\ufffd"

BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
"""Characters that reorder text on terminals that implement bidi."""


def _build_table(keep_newlines: bool) -> dict[int, str]:
    table: dict[int, str] = {code: chr(0x2400 + code) for code in range(0x20)}
    table[0x7F] = "\u2421"
    table[ord("\t")] = " "
    if keep_newlines:
        del table[ord("\n")]
    for code in range(0x80, 0xA0):
        table[code] = REPLACEMENT
    for char in BIDI_CONTROLS:
        table[ord(char)] = REPLACEMENT
    table[0x2028] = " "
    table[0x2029] = " "
    for code in range(0xD800, 0xE000):
        table[code] = REPLACEMENT
    return table


_TABLE_TEXT = _build_table(keep_newlines=True)
_TABLE_LINE = _build_table(keep_newlines=False)
_UNSAFE = compile_pattern(
    "["
    + "".join(re.escape(chr(code)) for code in sorted(_TABLE_LINE) if code != ord("\n") and code < 0xD800)
    + "\ud800-\udfff]"
)


def inert(text: str, *, keep_newlines: bool = True) -> str:
    """`text` with every control, escape and bidi character made visible and harmless.

    One character in, one out (see the module docstring), so offsets survive. With
    `keep_newlines` false a newline becomes ␊ too, for text that must stay on one line.
    """
    if _UNSAFE.search(text) is None and (keep_newlines or "\n" not in text):
        return text  # the common case, and a regex scan is ~20x cheaper than translate
    return text.translate(_TABLE_TEXT if keep_newlines else _TABLE_LINE)


def inert_line(text: str) -> str:
    """`text` made inert and kept on one line: for messages, file names and table cells.

    A newline or carriage return becomes a space here (not ␊), because a message that
    wraps a file name is easier to read with a space, and the line is for people.
    """
    return inert(text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "), keep_newlines=False)


def has_unsafe(text: str) -> bool:
    """True when `inert` would change something other than a newline."""
    return _UNSAFE.search(text) is not None


_JSON_ESCAPE = compile_pattern(
    "[\u007f-\u009f\u2028\u2029\ud800-\udfff" + "".join(sorted(BIDI_CONTROLS)) + "]"
)


def json_safe(dumped: str) -> str:
    """JSON text (from json.dumps) with DEL, C1, bidi, line separators and surrogates \\u-escaped.

    A lone surrogate (a file name that is not UTF-8) cannot be written as UTF-8 at
    all; escaped, the text is valid and json.loads gives back the exact name.

    json.dumps with ensure_ascii=False escapes C0 controls but writes C1 controls and
    U+202E raw, and those would act on a terminal. Those characters can occur only
    inside JSON strings, where `\\uXXXX` means the same character, so the data a
    program parses is unchanged: JSON is data, and the data stays exact.
    """
    return _JSON_ESCAPE.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)


_TO_SPACE = {code: " " for code in _TABLE_LINE}


def plain_line(text: str) -> str:
    """`text` as one plain line to paste (a citation): every character `inert` would change
    becomes a space, and each run of whitespace one space.

    Not one for one, unlike `inert`: this is for text people paste into notes, where a
    picture such as ␛ would be noise and no offset points into the result.
    """
    return " ".join(text.translate(_TO_SPACE).split())
