"""Passes that finish what the post passes began: cut names completed, unnamed posts resolved.

`complete_cut_names` runs after pass 1 (a name read one character short right after a
post is completed from its other printings); `posts_left_unnamed` runs after pass 2
(a post pass 1 read no name after, held "when", goes to the person named next).
"""

from __future__ import annotations

from reader.officials.findings import Findings
from reader.officials.name_after_post import read_name_after_post
from reader.officials.names import NAME_DOT, is_cjk
from reader.officials.posts import chain_before

NUMERAL_CHARS = frozenset("〇一二三四五六七八九十百千万两0123456789")
WHEN_CLAUSE = ("时，", "时,")
"""担任…书记时，NAME: a post held at the time, then the person (both the same length)."""


def complete_cut_names(f: Findings) -> None:
    """杨洁 -> 杨洁篪: a two-character name always printed with the same third character.

    A rare given-name character (篪, 墉) is not in the lists, so right after a post the
    name may be read one character short. When every printing of the short name in the
    article goes on with the same character, and there are at least two, that
    character is part of the name.
    """
    if not f.on("cut_names"):
        return
    text = f.joined()
    for name in [n for n, p in f.people.items() if p.posts and len(n) == 2]:
        nexts: set[str] = set()
        count = 0
        followed = False
        start = text.find(name)
        while start >= 0 and len(nexts) < 2:
            nexts.add(text[start + 2 : start + 3])
            followed = followed or _follower_at(f, text, start + 2)
            count += 1
            start = text.find(name, start + 1)
        if count < 2 or len(nexts) != 1 or followed:
            continue  # 查俊主持…查俊主持: the third character begins a follower, no name
        (ch,) = nexts
        if not is_cjk(ch) or _begins_follower(f, ch) or name + ch in f.people:
            continue
        f.rename(name, name + ch)


def _follower_at(f: Findings, text: str, j: int) -> bool:
    """Whether a follower of two or more characters (主持, 代表) starts at `text[j]`."""
    follower = f.lex.followers.longest_at(text, j)
    return follower is not None and len(follower) > 1


def _begins_follower(f: Findings, ch: str) -> bool:
    """Whether `ch` begins what may follow a name (a follower, a post, an honorific)."""
    lex = f.lex
    return bool(
        lex.followers.longest_at(ch, 0)
        or lex.honorifics.longest_at(ch, 0)
        or lex.titles.longest_at(ch, 0)
        or lex.modifiers.longest_at(ch, 0)
        or ch in NUMERAL_CHARS
    )


def posts_left_unnamed(f: Findings) -> None:
    """Posts pass 1 read no name after, handed by a "when" clause to the next name.

    担任政和县委书记时，廖俊波…: a post held at the time, then the person who held it (a
    name known from elsewhere in the article, else one read there).
    """
    if not f.on("when_clauses"):
        return
    officials: dict[str, list[str]] = {}
    for n in sorted((n for n, p in f.people.items() if p.is_official), key=len, reverse=True):
        officials.setdefault(n[0], []).append(n)
    for pi, ts, te, floor in f.unnamed:
        text = f.paragraphs[pi]
        if (
            te in f.used_titles[pi]
            or not text.startswith(WHEN_CLAUSE, te)
            or not _held_when(f, text, ts, floor)
        ):
            continue
        at = te + len(WHEN_CLAUSE[0])
        name = next((n for n in officials.get(text[at : at + 1], ()) if text.startswith(n, at)), None)
        if name is None:
            end = read_name_after_post(text, at, f.lex, rules=f.rules)
            name = text[at:end] if end is not None else None
        if name is None or f.claimed_elsewhere(pi, at, at + len(name)):
            continue
        posts = chain_before(text, ts, te, floor, f.lex, f.rules)
        f.add_official(pi, at, at + len(name), posts)


def _held_when(f: Findings, text: str, title_start: int, floor: int) -> bool:
    """Whether an appointment word (担任, 任) opens the clause that ends with this post."""
    k = title_start
    while k > floor and is_cjk(text[k - 1]):
        k -= 1
    cues = f.lex.appointment_cues
    return any(cues.longest_at(text, j) is not None for j in range(k, title_start))


def join_short_foreign_names(f: Findings) -> None:
    """比尔·理查森 … 理查森: a transliterated name printed alone that is the last part of one
    dotted name of the article is that person (posts and mentions go to the full name).

    Only where exactly one dotted name ends so, and never for a Chinese name (a surname and
    given name of the lists): 理查森 joins 比尔·理查森, 王毅 stays 王毅.
    """
    if not f.on("foreign_short_names"):
        return
    lex = f.lex
    by_last: dict[str, list[str]] = {}
    for name in f.people:
        if NAME_DOT in name:
            by_last.setdefault(name.rsplit(NAME_DOT, 1)[1], []).append(name)
    for short in [n for n in f.people if NAME_DOT not in n and n in by_last]:
        fulls = by_last[short]
        if len(fulls) != 1 or len(short) < 2 or not all(c in lex.foreign_chars for c in short):
            continue
        person = f.people.pop(short)
        full = f.people[fulls[0]]
        full.posts.extend(person.posts)
        full.honoured = full.honoured or person.honoured
        f.short_names[short] = full.name
