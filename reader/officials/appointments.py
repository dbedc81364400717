"""Names given posts by an appointment or a removal: 任命A、B等18人为…, 免去A的…职务, A同志不再担任….

Pass 2 reads the posts; these readers find whose they are when a verb of appointment or
removal governs them rather than a name printed right before them.
"""

from __future__ import annotations

import re

from reader.officials.findings import Findings
from reader.officials.name_before_post import (
    LIST_JOINERS,
    NOTES_REACH,
    bounded_name,
    name_ending_at,
    spans_in,
    without_notes,
)
from reader.officials.names import ends_like_organisation, is_cjk, plausible_chinese, surname_at
from reader.officials.posts import Post

REMOVAL_REASON = re.compile("因[\u4e00-\u9fff]{1,8}?(?:原因|需要|调动|变动|退休)$")
"""因年龄原因, 因工作需要, 因工作调动: why a removal or resignation is made, before its verb."""

DUTY = "职务"
PRONOUN = "其"
"""The pronoun a removal uses for the person just named (免去其…职务)."""
"""免去…县长职务: the word a removal or resignation puts after the post."""


CLOSED_REMOVALS = ("不再担任", "不再兼任")
"""Removal verbs whose posts may end the clause without 职务 (王某不再担任县长。)."""


def removed_names(
    f: Findings, pi: int, text: str, posts: list[Post], known: tuple[int, ...]
) -> tuple[list[tuple[int, int]], list[Post]]:
    """The name whose posts a removal or resignation before them names, and those posts.

    免去郑立群(同志)的县交通局局长职务 (the verb, the name, 的, the posts; or the posts
    right after the name and 的 before 职务: 免去郑立群县交通局局长的职务, where the name
    is read off the front of the post's attached text) and 郑立群同志辞去县交通局局长职务
    (the name, the verb right before the posts).
    """
    lex = f.lex
    if posts[0].text.startswith(PRONOUN):  # 免去其县长职务: 其 read into the post's prefix
        first = posts[0]
        posts = [Post(first.start + 1, first.end, first.text[1:], first.former), *posts[1:]]
    start = posts[0].start
    if text[start - 1 : start] == PRONOUN and lex.removal_verbs.longest_ending_at(text, start - 1):
        # 任命王某为副县长，免去其县长职务: 其 stands for the person the paragraph last named.
        before = [span for span in f.name_spans[pi] if span[1] <= start - 1]
        return ([max(before, key=lambda span: span[1])], posts) if before else ([], posts)

    def name_before(j: int) -> tuple[int, int] | None:
        if f.on("honorifics") and (hon := lex.honorifics.longest_ending_at(text, j)) is not None:
            j -= len(hon)
        name = name_ending_at(f, text, j, known)
        return (j - len(name), j) if name is not None else None

    if (verb := lex.removal_verbs.longest_ending_at(text, start)) is not None:
        at = start - len(verb)
        if (reason := REMOVAL_REASON.search(text, max(0, at - 12), at)) is not None:
            at = reason.start()  # 徐某同志因年龄原因不再担任…: the reason between name and verb
        found = name_before(at)
        if found is not None:
            return [found], posts
        return _name_glued_to_post(f, text, posts)
    found = name_before(start - 1) if text[start - 1 : start] == "的" else name_before(start)
    if found is not None and lex.removal_verbs.longest_ending_at(text, found[0]) is not None:
        return [found], posts
    return [], posts


def _name_glued_to_post(
    f: Findings, text: str, posts: list[Post]
) -> tuple[list[tuple[int, int]], list[Post]]:
    """免去张华县水利局局长的职务: a name at the front of the first post's attached text."""
    first = posts[0]
    for n in _name_lengths(text, first.start):
        end = first.start + n
        name = text[first.start : end]
        rest = text[end : first.end]
        word = f.lex.not_names.longest_at(text, first.start)
        if word is not None and len(word) > n:
            continue  # 辞去董事会战略委员会主任职务: 董事会 is a word, 董事 no name
        place = name + rest[:1]
        if rest[:1] in GLUED_PLACE_UNITS and any(k != first.start for k in _occurrences(text, place)):
            continue  # 吕亭镇人大主席团…辞去吕亭镇人民政府镇长职务: 吕亭 is the place of 吕亭镇
        if len(rest) > 2 and (name in f.people or plausible_chinese(name, f.lex, strict=True)):
            return [(first.start, end)], [Post(end, first.end, rest, first.former), *posts[1:]]
    return [], posts


GLUED_PLACE_UNITS = frozenset("省市县区镇乡村縣區鎮鄉")
"""The units a place's name ends with: a "name" right before one, printed with it elsewhere in
the paragraph too, is the place's own name (张华县水利局局长 alone is 张华's)."""


def _name_lengths(text: str, start: int) -> tuple[int, int]:
    """Three characters first, unless the text vouches for the two-character reading: the
    post's front after two characters is printed elsewhere in the paragraph and the front
    after three is not (免去吴松西南林业大学党委书记…，张昌山出任西南林业大学…: 吴松)."""
    two, three = text[start + 2 : start + 6], text[start + 3 : start + 7]
    third = text[start + 2 : start + 3]
    two_elsewhere = len(two) == 4 and any(k != start + 2 for k in _occurrences(text, two))
    three_alone = any(  # the longer reading's front printed without the third character before it
        k != start + 3 and text[k - 1 : k] != third for k in _occurrences(text, three)
    )
    return (2, 3) if two_elsewhere and not three_alone else (3, 2)


def _occurrences(text: str, word: str) -> list[int]:
    found, k = [], text.find(word)
    while k != -1:
        found.append(k)
        k = text.find(word, k + 1)
    return found


LIST_REACH = 80
"""How far back from 为 the names of an appointment are read (nine names of three characters)."""


LIST_TAIL = re.compile("等?[0-9０-９一二两三四五六七八九十百]+(?:位|名|个)?(?:人|同志)$")
"""The count closing a list of names before 为 (等18人, 两位同志, 二人)."""


def appointed_names(f: Findings, text: str, wei: int, *, known_too: bool) -> list[tuple[int, int]]:
    """The names between an appointing verb and the 为 at `wei` (选举A、B为…), or none.

    With `known_too` (the post has its organisation attached), a name already read with a
    post before it counts too (推举…领导人金正恩为朝鲜国务委员会委员长). Notes on the
    names' sex or nationality (选举马某(回族)、刘某为…) are read past."""
    if wei < 0 or text[wei] != "为":
        return []
    found = without_notes(f, text, wei - NOTES_REACH, wei + 1)
    if found is not None:
        clean, where = found  # the 为 is the last character kept
        return spans_in(where, _appointed_names(f, clean, len(clean) - 1, known_too=known_too))
    return _appointed_names(f, text, wei, known_too=known_too)


def _appointed_names(f: Findings, text: str, wei: int, *, known_too: bool) -> list[tuple[int, int]]:
    close = wei  # 任命王某同志为…: the name ends before the honorific
    if (tail := LIST_TAIL.search(text, max(0, wei - 8), wei)) is not None:
        close = tail.start()  # 任命李某、何某等18人为…, 杜某、马某两位同志为…: the count ends the list
    elif f.on("honorifics") and (hon := f.lex.honorifics.longest_ending_at(text, wei)) is not None:
        close -= len(hon)
    start = close
    while (
        start > 0
        and (is_cjk(text[start - 1]) or text[start - 1] in LIST_JOINERS)
        and close - start < LIST_REACH
    ):
        start -= 1
        verb = f.lex.appointing_verbs.longest_ending_at(text, start)
        if verb is None and start > 0 and text[start - 1] in "：:":
            verb = f.lex.appointing_verbs.longest_ending_at(text, start - 1)  # 任命：刘洪涛为…
        if verb is not None:
            items = text[start:close].split(LIST_JOINERS)
            known = sum(plausible_chinese(item, f.lex, strict=False) for item in items)
            if known == len(items) or (
                f.on("list_bridges")
                and known * 2 > len(items)
                and all(
                    plausible_chinese(item, f.lex, strict=False) or bounded_name(f, item) for item in items
                )
            ):
                return _item_spans(start, items)  # 选举马某、刘某、昂毛为…: the list vouches for 昂毛
            break
    else:
        carried = f.on("carried_appointments") and start > 0 and text[start - 1] in CLAUSE_JOINERS
        if carried and _verb_carried(f, text, start - 1):
            # 选举穆某为镇人大主席，李某同志为镇长，杜某、马某两位同志为副镇长: the verb
            # of the sentence's first clause governs the clauses after it.
            items = text[start:close].split(LIST_JOINERS)
            if all(_name_shaped(f, item) for item in items):
                return _item_spans(start, items)
    if known_too:
        for length in sorted(f.name_lengths, reverse=True):
            s = close - length
            if s > 0 and text[s:close] in f.people and _after_appointing_verb(f, text, s):
                return [(s, close)]
    return []


CLAUSE_JOINERS = "，,；;"
SENTENCE_ENDS = "。！？!?"


def _name_shaped(f: Findings, item: str) -> bool:
    """A name as a clause series of appointments vouches for it: its shape is enough (杜渐:
    a rare given character), but it is no place, organisation or word that is no name."""
    if plausible_chinese(item, f.lex, strict=False):
        return True
    surname = surname_at(item, 0, f.lex)
    return (
        surname is not None
        and 1 <= len(item) - len(surname) <= 2
        and all(is_cjk(c) for c in item)
        and not ends_like_organisation(item, f.lex)
        and not any(f.lex.not_names.longest_at(item, k) for k in range(len(item)))
    )


def _item_spans(start: int, items: list[str]) -> list[tuple[int, int]]:
    """The spans of the names `items` joined by 、 from `start`."""
    spans, pos = [], start
    for item in items:
        spans.append((pos, pos + len(item)))
        pos += len(item) + 1
    return spans


def _verb_carried(f: Findings, text: str, comma: int) -> bool:
    """Whether the clause before `comma` is an appointment (…为 + post) that a verb opened.

    The verb is looked for back to the sentence's start; the clause right before the comma
    must itself hold 为, so only a series of "NAME为POST" clauses carries it.
    """
    k = comma
    while k > 0 and text[k - 1] not in SENTENCE_ENDS and comma - k < 200:
        k -= 1
    sentence = text[k:comma]
    last_clause = max(sentence.rfind(c) for c in CLAUSE_JOINERS) + 1
    if "为" not in sentence[last_clause:]:
        return False
    return any(
        f.lex.appointing_verbs.longest_ending_at(text, j) is not None and "为" in text[j:comma]
        for j in range(k + 1, comma)
    )


def _after_appointing_verb(f: Findings, text: str, start: int) -> bool:
    """Whether an appointing verb opens the clause that reaches `start` (no punctuation between)."""
    k = start
    while k > 0 and is_cjk(text[k - 1]) and start - k < 40:
        k -= 1
        if f.lex.appointing_verbs.longest_ending_at(text, k) is not None:
            return True
    return False
