"""Lists of names that share one post: 副省长张三、李四, 县领导王某、李某、张某等, 委员：A、B.

A list is its own evidence: between 、 and the next 、, comma or follower a name needs no
more proof than its shape, and a designation (市领导, 领导人) with an opener (有, 还有, 包括)
may stand before it. Pass 1 (before.py) calls these readers once it has a post.
"""

from __future__ import annotations

from reader.officials.findings import Findings
from reader.officials.foreign_names import MAX_FOREIGN, cut_from_place, read_foreign, read_minority
from reader.officials.names import (
    NAME_DOT,
    is_cjk,
    plausible_chinese,
    read_chinese,
    surname_at,
    title_at,
)
from reader.officials.posts import Post

LIST_JOINERS = "、"
LIST_END = "、，。；：,;:等"
"""What may close a name in a list of people sharing a post."""
COLONS = "：:"
AND_JOINERS = "和及"
"""Before a list's last name: 县领导王某、李某和张某出席."""
SPACES = " \u3000\u00a0"


def shared_list(f: Findings, pi: int, text: str, end: int, posts: list[Post]) -> int:
    """Names joined by 、 after a post's name share its posts (副省长张三、李四等)."""
    lex = f.lex
    count = 1
    while end < len(text) and (
        text[end] in LIST_JOINERS
        or (text[end] in AND_JOINERS and count >= 2 and f.on("list_and") and _last_follows(f, text, end + 1))
    ):
        at = end + 1
        while at < len(text) and text[at] in SPACES:
            at += 1  # 区领导齐春利、 杨宏伟
        nxt = read_chinese(text, at, lex, strict=True, allow_title=False)
        if nxt is None or not plausible_chinese(text[at:nxt], lex, strict=True):
            nxt = list_item(f, text, at) if f.on("list_items") else None
        elif f.on("list_items") and not _closes_at(f, text, nxt):
            nxt = list_item(f, text, at) or nxt  # 董正浩、金能旿等: a rare last character the list bounds
        if nxt is None and count >= 2 and f.on("list_bridges"):
            nxt = _bridged_item(f, text, at)
        if nxt is None and f.on("foreign_list_items") and _foreign_before(f, text, end):
            nxt = _foreign_item(f, text, at)  # 美国前总统卡特、克林顿先后访朝
        if nxt is None or title_at(text, nxt, lex) is not None:
            break
        f.add_official(pi, at, nxt, posts)
        count += 1
        end = nxt
    return end


def _foreign_before(f: Findings, text: str, end: int) -> bool:
    """Whether the list's name ending at `end` is a transliteration (卡特、): the next may be one too."""
    lex = f.lex
    name = next(
        (text[end - n : end] for n in range(MAX_FOREIGN, 1, -1) if text[end - n : end] in f.people), None
    )
    return (
        name is not None
        and all(c in lex.foreign_chars or c == NAME_DOT for c in name)
        and not plausible_chinese(name, lex, strict=False)
    )


def _foreign_item(f: Findings, text: str, at: int) -> int | None:
    """End of a transliterated list item at `at` that is no place and no part of a longer run
    (西班|牙驻沪总领事: a country opening the next post, not a name)."""
    lex = f.lex
    end = read_foreign(text, at, lex)
    if end is None or cut_from_place(text, at, end, lex) or title_at(text, end, lex) is not None:
        return None
    follower = lex.followers.longest_at(text, end) or ""
    if end < len(text) and text[end] in lex.foreign_chars and len(follower) < 2:
        return None
    return end


def list_head(f: Findings, text: str, at: int) -> int | None:
    """End of a list's first item of two to four characters that no rule reads as a name,
    where two names joined by 、 follow it: 副主席仁青安杰、匡湧、王绚 (the list vouches)."""
    lex = f.lex
    end = _unknown_item(f, text, at, 4)
    if end is None or not list_follows(f, text, end + 1):
        return None
    second = list_item(f, text, end + 1)
    third = list_item(f, text, second + 1) if second is not None else None
    plain = [
        text[a:b] for a, b in ((end + 1, second), ((second or 0) + 1, third)) if b is not None
    ]  # 还就军事、政治、文化: two names of the strict shape, not words with a surname's first character
    return end if any(plausible_chinese(name, lex, strict=True) for name in plain) else None


def _bridged_item(f: Findings, text: str, at: int) -> int | None:
    """End of a list item of two or three characters with no known surname, between two
    、 and followed by a name: 冯军、刘启永、宴世莹、黄英 (a rare surname the list vouches for)."""
    end = _unknown_item(f, text, at, 3)
    return end if end is not None and list_item(f, text, end + 1) is not None else None


def _unknown_item(f: Findings, text: str, at: int, longest: int) -> int | None:
    """End of two to `longest` characters closed by 、 that are no word, post or place: a
    name the lists do not know, for the list around it to vouch for."""
    lex = f.lex
    end = at
    while end < len(text) and end - at <= longest and is_cjk(text[end]):
        end += 1
    if not 2 <= end - at <= longest or end >= len(text) or text[end] not in LIST_JOINERS:
        return None
    item = text[at:end]
    if (
        any(lex.not_names.longest_at(item, k) for k in range(len(item)))
        or any(title_at(text, k, lex) is not None for k in range(at, end))
        or cut_from_place(text, at, end, lex)
    ):
        return None
    return end


def _last_follows(f: Findings, text: str, at: int) -> bool:
    """Whether a list's last name, after 和 or 及, starts at `at` and closes there (A、B和C等)."""
    end = list_item(f, text, at)
    return end is not None and title_at(text, end, f.lex) is None


def opened_list(f: Findings, text: str, word: str, at: int) -> int | None:
    """Where the names start after a group's designation and a list opener, or None.

    出席的县领导有：A、B / 朝方领导人有A、B、C: the opener (有, 包括 …) joins the designation
    to its list; it is believed only after a word naming a group, and only where a colon
    follows it or a list of at least three names does.
    """
    lex = f.lex
    if not word.endswith(lex.group_designations):
        return None
    opener = lex.list_openers.longest_at(text, at)
    if opener is None:
        return None
    start = at + len(opener)
    if text[start : start + 1] in COLONS:
        start += 1
        return start if list_item(f, text, start) is not None else None
    return start if list_follows(f, text, start) else None


def list_follows(f: Findings, text: str, at: int) -> bool:
    """Whether a list of at least three names sharing a post starts at `at` (A、B、C…)."""
    end = at
    for _ in range(2):
        nxt = list_item(f, text, end)
        if nxt is None or nxt >= len(text) or text[nxt] not in LIST_JOINERS:
            return False
        end = nxt + 1
    return True


def list_item(f: Findings, text: str, start: int) -> int | None:
    """End of a name in a list of people sharing a post, read with the list's own evidence.

    Between 、 and the next 、, comma or two-character follower (出席, 表示) a name
    needs no more proof than its shape: 雷军 (军 also ends organisation names), 古小玉
    (古 is also a word), 白加扎西 (four characters). A surname that is a common word
    still needs common given-name characters; a place is never a name.
    """
    lex = f.lex
    foreign = list_transliteration(f, text, start)
    if foreign is not None:
        return foreign
    if f.on("minority_names"):
        minority = read_minority(text, start, lex)
        if minority is not None and (minority == len(text) or text[minority] in LIST_END):
            return minority
    surname = surname_at(text, start, lex)
    if surname is None:
        return None
    for n in (2, 3, 4):
        end = start + n
        if end > len(text) or not is_cjk(text[end - 1]):
            return None
        follower = lex.followers.longest_at(text, end) or ""
        bounded = end == len(text) or text[end] in LIST_END
        # 张艳、司学军在…: a list's last name of three known characters may end at a
        # one-character follower too.
        closes = len(follower) > 1 or (follower and n == 3 and f.on("list_ends"))
        if follower and n == 2 and f.on("short_list_ends"):
            closes = closes or not _closes_at(f, text, end + 1)  # 张世富、奇军在主席台
        if not (bounded or closes):
            continue
        name = text[start:end]
        given = name[len(surname) :]
        if not given or not all(c in lex.given_chars or (n < 4 and bounded) for c in given):
            return None  # 李洙墉、: a rare character stands where commas bound the name
        if (
            len(surname) == 1
            and surname in lex.ambiguous_surnames
            and not all(c in lex.common_given_chars for c in given)
            and not (n == 3 and bounded and f.on("list_items"))  # 计卫舸、: the commas bound it
        ):
            return None
        # 叶和平、: with 、 on both sides, a word inside a 3-character name (和平) is no
        # evidence against it; a list item that starts with such a word still is.
        inside = (
            1
            if n == 3 and bounded and after_joiner(text, start) and surname not in lex.ambiguous_surnames
            else len(name)
        )
        if any(lex.not_names.longest_at(name, k) for k in range(inside)) or (
            f.on("places") and cut_from_place(text, start, end, lex)
        ):
            return None
        if any(title_at(text, k, lex) is not None for k in range(start + 1, end)):
            return None
        return end
    return None


def _closes_at(f: Findings, text: str, end: int) -> bool:
    """Whether a list item could end at `end`: the text's end, a list's punctuation or a follower."""
    return end >= len(text) or text[end] in LIST_END or f.lex.followers.longest_at(text, end) is not None


def after_joiner(text: str, start: int) -> bool:
    """Whether a list's 、 (spaces allowed) stands right before `start`."""
    k = start
    while k > 0 and text[k - 1] in SPACES:
        k -= 1
    return k > 0 and text[k - 1] in LIST_JOINERS


def list_transliteration(f: Findings, text: str, start: int) -> int | None:
    """A transliterated name between a list's commas (帕巴拉·格列朗杰、): one with a dot,
    of parts of two or more characters, that is no place."""
    lex = f.lex
    end = start
    while (
        end < len(text)
        and end - start < MAX_FOREIGN
        and (text[end] in lex.foreign_chars or text[end] == NAME_DOT)
    ):
        end += 1
    name = text[start:end]
    if NAME_DOT not in name or not (end == len(text) or text[end] in LIST_END):
        dotted = _dotted_item(f, text, start) if f.on("list_bridges") else None
        if dotted is None:
            return None
        end, name = dotted, text[start:dotted]
    if any(len(part) < 2 for part in name.split(NAME_DOT)) or cut_from_place(text, start, end, lex):
        return None
    return end


def _dotted_item(f: Findings, text: str, start: int) -> int | None:
    """End of a dotted item bounded by a list's 、 whatever its characters (赛赤·确吉洛智嘉措、):
    between the list's commas the dot is the evidence, as in a Tibetan or Uyghur name."""
    end = start
    while end < len(text) and end - start < MAX_FOREIGN and (is_cjk(text[end]) or text[end] == NAME_DOT):
        end += 1
    if end >= len(text) or text[end] not in LIST_END or NAME_DOT not in text[start:end]:
        return None
    if any(len(part) < 2 for part in text[start:end].split(NAME_DOT)):
        return None
    if any(title_at(text, k, f.lex) is not None for k in range(start, end)):
        return None  # 西班牙驻沪总领事路易斯·卡尔沃、: a post and its name, not one name
    return end


def directory_names(f: Findings, text: str, at: int) -> list[tuple[int, int]]:
    """The names of a roll's line after a post and a colon: 副县长:李维之 马 平 王宏伟.

    A yearbook or a leaders' page sets names apart with spaces and pads a two-character
    name to three cells (马 平); a name is a plausible one, or a surname, one space and one
    character. The roll ends at the first item that is neither (a birth date, a sentence).
    """
    lex = f.lex
    found: list[tuple[int, int]] = []
    k = at
    while k < len(text):
        while k < len(text) and text[k] in SPACES:
            k += 1
        end = k
        while end < len(text) and is_cjk(text[end]):
            end += 1
        if end - k == 1 and text[end : end + 1] == " " and end + 2 <= len(text) and is_cjk(text[end + 1]):
            padded = text[k] + text[end + 1]
            closed = end + 2 == len(text) or not is_cjk(text[end + 2])
            if (
                closed
                and surname_at(padded, 0, lex) is not None
                and plausible_chinese(padded, lex, strict=False)
            ):
                found.append((k, end + 2))
                k = end + 2
                continue
        item = text[k:end]
        closed = end == len(text) or text[end] in SPACES
        if not (closed and 2 <= len(item) <= 4 and plausible_chinese(item, lex, strict=False)):
            break
        if title_at(text, k, lex) is not None or cut_from_place(text, k, end, lex):
            break
        found.append((k, end))
        k = end
    return found
