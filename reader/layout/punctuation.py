"""Punctuation set as Chinese print sets it: full-width forms in Chinese text, and quotes a full em wide.

Many files, typed on Western keyboards, put half-width `,` `;` `:` `?` `!` `(` `)` in
Chinese text (`6月18日,会议`). Print, and GB/T 15834, set Chinese text with the
full-width forms, which take a character's width and keep the even grid of the text.
`typeset` shows them that way, one character for one, so every offset (mentions,
search hits, the cursor) still indexes the paragraph as the file has it; the file's
own characters are what is copied, exported and searched. A mark is in Chinese
context when the character just before it is Chinese (an ideograph, or Chinese
punctuation), or, for a pair of brackets, when what they enclose or what stands
before them is Chinese: `会议(扩大)召开` and `会议(2015)召开` become full-width,
`f(x)`, `3:2` and `13:57` do not.

In a terminal that draws the Chinese quotes `“ ” ‘ ’` one cell wide (most Western
ones), a quote in Chinese text looks cramped beside the two-cell characters and makes
the line one cell odd. Print gives each quote a full em: the glyph on the side of the
text it encloses, blank on the other. `quote_pads` says where that blank cell goes;
the line breaker lays the quote out as two cells and the blank is drawn as a space
(at the line's edge too, as a terminal that draws the quote wide would show it).
With `ambiguous_width: 2` the terminal draws the quote wide itself, and no pad is
added.

Core code: no Textual import.
"""

from __future__ import annotations

from reader.compiled import compile_pattern

__all__ = ["FULL_WIDTH", "PAD_AFTER", "PAD_BEFORE", "is_chinese", "is_ideograph", "quote_pads", "typeset"]

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
"""Half-width marks and the full-width forms they are shown in, in Chinese context."""
_HALF = compile_pattern(r"[,;:?!()]")
_QUOTES = compile_pattern("[\u2018\u2019\u201c\u201d]")
_IDEOGRAPH_CLASS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_DOT_IN_NAME = compile_pattern(f"(?<=[{_IDEOGRAPH_CLASS}])·(?=[{_IDEOGRAPH_CLASS}])")
PAD_BEFORE = 1
"""`quote_pads` value: a blank cell before the quote (an opening quote)."""
PAD_AFTER = 2
"""`quote_pads` value: a blank cell after the quote (a closing quote)."""


def is_chinese(ch: str) -> bool:
    """An ideograph, or Chinese punctuation and full-width forms (the marks of Chinese text)."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F
        or 0xFF01 <= code <= 0xFF60
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
        or ch in "“”‘’—…·"
    )


def is_ideograph(ch: str) -> bool:
    """A CJK ideograph (汉字): the basic block, extension A, compatibility ideographs, planes 2 and 3."""
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3134F
    )


def typeset(shown: str, ambiguous: int = 1) -> str:
    """`shown` with half-width marks in Chinese context in their full-width forms, one for one.

    In a terminal that draws ambiguous characters narrow (`ambiguous=1`), the middle dot
    of a transliterated name (`哈力克·买买提`, 间隔号) is shown as the full-width dot
    `・` too, as print and a terminal that draws it wide show it.

    The result has the length of `shown`, and differs from it only at those marks.
    """
    if ambiguous == 1 and "·" in shown:
        shown = _DOT_IN_NAME.sub("・", shown)
    if _HALF.search(shown) is None:
        return shown
    chars = list(shown)
    # Brackets by pairs: an inner pair closes first; an unmatched one is judged alone.
    opened: list[int] = []
    pairs: dict[int, int] = {}
    for i, ch in enumerate(chars):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            pairs[opened.pop()] = i
    closing = {close: open_ for open_, close in pairs.items()}
    for i, ch in enumerate(chars):
        if ch not in FULL_WIDTH:
            continue
        before = chars[i - 1] if i else ""
        if ch == "(" and i in pairs:
            close = pairs[i]
            inner = shown[i + 1 : close]
            if (before and is_chinese(before)) or any(is_ideograph(c) for c in inner):
                chars[i] = "（"
                chars[close] = "）"
            continue
        if ch == ")" and i in closing:
            continue  # decided with its opening bracket
        if before and is_chinese(before):
            chars[i] = FULL_WIDTH[ch]
    return "".join(chars)


def quote_pads(shown: str) -> dict[int, int]:
    """Offsets of the Chinese quotes in `shown` that get a blank cell, and on which side.

    A quote is Chinese when the text it opens or closes is: an opening quote followed by
    a Chinese character, a closing quote preceded by one. It gets its blank on the
    outer side (`PAD_BEFORE` for `“ ‘`, `PAD_AFTER` for `” ’`), so that it takes a full
    character's width as in print, when an ideograph, letter or digit stands there, or
    the paragraph starts or ends there.
    Beside punctuation (`：“`, `”，`) print compresses the pair, and so does this: the
    blank the punctuation has already is enough (the line breaker may still add one
    there to bring a line to the edge).
    """
    if _QUOTES.search(shown) is None:
        return {}
    pads: dict[int, int] = {}
    last = len(shown) - 1
    for match in _QUOTES.finditer(shown):
        i = match.start()
        if shown[i] in "“‘":
            if i < last and is_chinese(shown[i + 1]) and (i == 0 or _is_solid(shown[i - 1])):
                pads[i] = PAD_BEFORE
        elif i and is_chinese(shown[i - 1]) and (i == last or _is_solid(shown[i + 1])):
            pads[i] = PAD_AFTER
    return pads


def _is_solid(ch: str) -> bool:
    """An ideograph, letter or digit: a neighbour a full-width quote keeps its blank half against."""
    return is_ideograph(ch) or ch.isalnum()
