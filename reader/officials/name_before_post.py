"""Names read backwards from where a post begins or a list ends: 李克强总理, 同特朗普总统, 张三、李四等.

Pass 2 (posts after names) and the appointment readers ask here for the name that ends
at a position: a name the article already knows, else a plausible new Chinese name or a
run of transliteration characters that a word boundary opens.
"""

from __future__ import annotations

import re

from reader.officials.findings import Findings
from reader.officials.foreign_names import MAX_FOREIGN, cut_from_place
from reader.officials.names import (
    NAME_DOT,
    is_cjk,
    plausible_chinese,
    surname_at,
    title_at,
)
from reader.officials.posts import is_break_before

LIST_JOINERS = "、"
PERSON_NOTE = re.compile(
    "[（(](?:女|男|[\u4e00-\u9fff]{1,6}族)(?:[、，,](?:女|男|[\u4e00-\u9fff]{1,6}族))?[）)]"
)
"""A note on a person's sex or nationality after the name: (回族), （女）, (女、蒙古族)."""
NOTES_REACH = 160
"""How far back a list with such notes is read."""
BOOK_TITLE_OPEN = "《"


def listed_names(f: Findings, text: str, end: int) -> list[tuple[int, int]]:
    """The names of 张三、李四、王五 ending at `end`, or none if any item is not a name.

    Notes on a name's sex or nationality (雷某(女)、) are read past."""
    found = without_notes(f, text, end - NOTES_REACH, end)
    if found is not None:
        clean, where = found
        return spans_in(where, _listed_names(f, clean, len(clean)))
    return _listed_names(f, text, end)


def without_notes(f: Findings, text: str, lo: int, hi: int) -> tuple[str, list[int]] | None:
    """`text[lo:hi]` with the notes on names' sex or nationality taken out, and where each
    character left stands in `text`; None when there is no note (or the rule is off)."""
    lo = max(0, lo)
    if not f.on("person_notes") or PERSON_NOTE.search(text, lo, hi) is None:
        return None
    where = list(range(lo, hi))
    for m in reversed(list(PERSON_NOTE.finditer(text, lo, hi))):
        del where[m.start() - lo : m.end() - lo]
    return "".join(text[k] for k in where), where


def spans_in(where: list[int], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans read in the text `without_notes` gave, as spans of the text it came from."""
    return [(where[s], where[e - 1] + 1) for s, e in spans]


def _listed_names(f: Findings, text: str, end: int) -> list[tuple[int, int]]:
    start = end
    while start > 0 and (is_cjk(text[start - 1]) or text[start - 1] in LIST_JOINERS):
        start -= 1
    items: list[tuple[int, int]] = []
    pos = start
    known = 0
    for item in text[start:end].split(LIST_JOINERS):
        if plausible_chinese(item, f.lex, strict=False):
            known += 1
        elif not bounded_name(f, item):
            return []
        items.append((pos, pos + len(item)))
        pos += len(item) + 1
    return items if len(items) > 1 and known * 2 > len(items) else []


def bounded_name(f: Findings, item: str) -> bool:
    """王飏 between 、 and 、: a listed surname and one or two characters, one of them rare.

    The list's other names vouch for it (most must be plausible on their own)."""
    lex = f.lex
    surname = surname_at(item, 0, lex)
    unknown_surname = (
        (surname is None or surname in lex.ambiguous_surnames)
        and f.on("list_bridges")
        and not cut_from_place(item, 0, len(item), lex)
    )  # 吉狄马加, 折睿: the list vouches for a name its lists do not know
    return (
        (
            unknown_surname
            or (surname is not None and len(surname) == 1 and surname not in lex.ambiguous_surnames)
        )
        and 2 <= len(item) <= 4
        and all(is_cjk(c) for c in item)
        and not any(title_at(item, k, lex) is not None for k in range(len(item)))
        and not any(lex.not_names.longest_at(item, k) for k in range(len(item)))
    )


def name_ending_at(f: Findings, text: str, j: int, known: tuple[int, ...]) -> str | None:
    """A name ending at `j`: a known one (longest first), else a plausible new one.

    `known` holds the lengths of the names known when the paragraph began: looking up
    each possible ending is cheap however many people a long text names.
    """
    for length in known:
        if length <= j and (name := text[j - length : j]) in f.people:
            return name
    lex = f.lex
    for length in (3, 2):
        s = j - length
        if s < 0:
            continue
        cand = text[s:j]
        if surname_at(cand, 0, lex) is None or not plausible_chinese(cand, lex, strict=True):
            continue
        if f.on("places") and cut_from_place(text, s, j, lex):
            continue  # 感谢中国大使, 同黎巴嫩总统
        if (
            s > 0
            and text[s - 1] in lex.foreign_chars
            and all(c in lex.foreign_chars for c in cand)
            and not is_break_before(text, s, lex)
        ):
            continue  # 米|舒斯京: the tail of a transliteration, read whole below
        # 赞成李克强总理: a 3-character name with an unambiguous surname stands on its own;
        # a 2-character one needs something before it that ends a word.
        if length == 3 or is_break_before(text, s, lex):
            return cand
    return _transliteration_ending_at(f, text, j) if f.on("foreign_before_title") else None


def _transliteration_ending_at(f: Findings, text: str, j: int) -> str | None:
    """A foreign name ending at `j`: 同特朗普总统, 批准佩通坦·钦那瓦出任总理.

    The run of transliteration characters (and · between parts) back from `j`, when
    a word boundary precedes it, it is no place (同法国总统), and it has two to six
    characters or is joined by a dot.
    """
    lex = f.lex
    s = j
    foreign = lex.foreign_chars
    while s > 0 and j - s < MAX_FOREIGN and ((c := text[s - 1]) in foreign or c == NAME_DOT):
        s -= 1
    if s > 0 and text[s - 1] == BOOK_TITLE_OPEN:
        return None  # 《内罗毕部长宣言》: a document's title, no person
    name = text[s:j]
    if len(name) < 2 or name[0] == NAME_DOT or NAME_DOT + NAME_DOT in name:
        return None
    if NAME_DOT not in name and len(name) > 6:
        return None
    if any(len(part) < 2 for part in name.split(NAME_DOT)):
        return None  # 伊戈尔·伊: a part of one character is a cut
    if not is_break_before(text, s, lex) or cut_from_place(text, s, j, lex):
        return None
    if any(lex.not_names.longest_at(text, k) for k in range(s, j)):
        return None
    return name
