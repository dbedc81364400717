"""Pages printed in traditional characters, read as simplified, one character for one.

Why: reader's lexicons (surnames, titles, followers) and its event formulas are written in
simplified characters, and reposts on Hong Kong or Taiwan mirrors, old Big5 archives and
some provincial sites print the same news in traditional ones (縣長, 免去…職務). The table
(`data/traditional_chars.txt`, from OpenCC) maps single characters only, so every offset
into the converted text is an offset into the printed one: names and posts are reported as
printed by slicing the printed text at the positions found in the converted one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

TABLE = Path(__file__).resolve().parent / "data" / "traditional_chars.txt"
MIN_TRADITIONAL = 3
"""Characters that change before a text counts as traditional: a simplified page holds
one now and then (a name, a quoted title), and converting it would change nothing useful."""
SHARE = 0.02
"""...and at least this share of its characters."""


@functools.cache
def _table() -> dict[int, str]:
    pairs: dict[int, str] = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if len(line) == 2 and not line.startswith("#"):
            pairs[ord(line[0])] = line[1]
    return pairs


def looks_traditional(paragraphs: Sequence[str]) -> bool:
    """Whether the text is printed in traditional characters (enough of them, and often)."""
    chars = _traditional()
    changed = total = 0
    for paragraph in paragraphs:
        total += len(paragraph)
        hits = chars.intersection(paragraph)  # C speed; empty for almost every simplified paragraph
        if hits:
            changed += sum(paragraph.count(ch) for ch in hits)
        if total >= SAMPLE:
            break
    return changed >= MIN_TRADITIONAL and changed >= SHARE * total


SAMPLE = 20_000
"""Characters enough to tell the script: a megabyte of text is judged by its start."""


@functools.cache
def _traditional() -> frozenset[str]:
    return frozenset(chr(code) for code in _table())


def to_simplified(text: str) -> str:
    """`text` with each traditional character replaced by its simplified one (same length)."""
    return text.translate(_table())


def as_printed(found: str, converted: str, printed: str) -> str:
    """`found` (a slice of the converted paragraph, or its characters with some left out:
    委员会副主席 of 委员会23位副主席) as the printed paragraph prints it."""
    if len(converted) != len(printed):
        return found
    k = converted.find(found)
    if k >= 0:
        return printed[k : k + len(found)]
    back = {simple: shown for simple, shown in zip(converted, printed, strict=True) if simple in found}
    return "".join(back.get(ch, ch) for ch in found)


GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6} ?\)")
"""調(diào)整, 市長(zhǎng), 會(huì ): the pinyin some conversion mirrors print after a character.

No name or post holds one, so the text is read without them."""


def has_glosses(paragraphs: Sequence[str]) -> bool:
    """Whether any paragraph prints a pinyin gloss (a plain test first: most hold no "(")."""
    return any("(" in p and GLOSS.search(p) for p in paragraphs)


def without_glosses(text: str) -> tuple[str, list[int]]:
    """`text` less its glosses, and where each of its characters (and its end) stands in `text`."""
    kept: list[str] = []
    where: list[int] = []
    last = 0
    for match in GLOSS.finditer(text):
        kept.append(text[last : match.start()])
        where.extend(range(last, match.start()))
        last = match.end()
    kept.append(text[last:])
    where.extend(range(last, len(text) + 1))
    return "".join(kept), where
