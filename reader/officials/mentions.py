"""Pass 3, mentions: every printing of a known name (郑亚军指出) and short forms (习总书记, 柳市长).

A short form is a surname and a title; it is linked to the one official it can mean
(the only one of that surname, else the only one holding that title).
"""

from __future__ import annotations

import re

from reader.officials.findings import Findings, Person
from reader.officials.foreign_names import cut_from_place
from reader.officials.lexicon import char_class
from reader.officials.model import Mention
from reader.officials.names import is_cjk, surname_at, title_at

Span = tuple[int, int, int, str, str | None]
"""(paragraph, start, end, name, short form as printed or None)."""


def find_mentions(f: Findings) -> tuple[dict[str, list[Mention]], dict[str, list[str]]]:
    """Every printing of each known name, plus short forms of officials' names.

    Returns the mentions of each name (internal paragraph indexes) and the short forms
    printed for each official.
    """
    spans: list[Span] = []
    # Keyed by the first two characters (one for one-character names): a common surname
    # (王, 李) starts many names, but few share their first two characters, so a
    # paragraph is scanned once whatever the number of people (a megabyte names hundreds).
    by_first: dict[str, list[str]] = {}
    for name in sorted([*f.people, *f.short_names], key=len, reverse=True):
        by_first.setdefault(name[:2], []).append(name)
    firsts = char_class({name[0] for name in [*f.people, *f.short_names]})
    by_surname = _officials_by_surname(f) if f.on("short_forms") else {}
    surnames = char_class({s[0] for s in by_surname})
    for pi, text in enumerate(f.paragraphs):
        for m in firsts.finditer(text):
            start = m.start()
            names = by_first.get(text[start : start + 2]) or by_first.get(m.group())
            if names is None:
                continue
            for name in names:
                if text.startswith(name, start):
                    full = f.short_names.get(name)  # 理查森 printed for 比尔·理查森
                    spans.append((pi, start, start + len(name), full or name, name if full else None))
                    break
        if by_surname:
            spans.extend(_short_forms(f, pi, text, by_surname, surnames))
        for s, e in f.name_spans[pi]:
            padded = text[s:e]
            if " " in padded and (joined := padded.replace(" ", "")) in f.people:
                spans.append((pi, s, e, joined, None))  # 马 平 in a roll is a mention of 马平
    # Longer spans win where two overlap (a 2-character name inside a 3-character one).
    spans.sort(key=lambda s: (s[1] - s[2], s[0], s[1]))
    taken: list[list[tuple[int, int]]] = [[] for _ in f.paragraphs]
    found: dict[str, list[Mention]] = {}
    aliases: dict[str, list[str]] = {}
    for pi, s, e, name, alias in spans:
        if any(a < e and s < b for a, b in taken[pi]):
            continue
        taken[pi].append((s, e))
        found.setdefault(name, []).append(Mention(pi, s, e))
        if alias is not None and alias not in aliases.setdefault(name, []):
            aliases[name].append(alias)
    for ms in found.values():
        ms.sort()
    return found, aliases


def _officials_by_surname(f: Findings) -> dict[str, list[Person]]:
    """Officials grouped by surname, for linking short forms (习总书记) to them."""
    by_surname: dict[str, list[Person]] = {}
    for p in f.people.values():
        if not p.is_official:
            continue
        sur = surname_at(p.name, 0, f.lex)
        if sur is not None and len(p.name) > len(sur):
            by_surname.setdefault(sur, []).append(p)
    return by_surname


def _short_forms(
    f: Findings, pi: int, text: str, by_surname: dict[str, list[Person]], surnames: re.Pattern[str]
) -> list[Span]:
    lex = f.lex
    out: list[Span] = []
    for m in surnames.finditer(text):
        start = m.start()
        for sur in (text[start : start + 2], m.group()):
            people = by_surname.get(sur)
            if people is None:
                continue
            t_end = title_at(text, start + len(sur), lex)
            if (
                t_end is not None
                and not _trap(f, text, start, sur)
                and not cut_from_place(text, start, start + len(sur), lex)
            ):  # 古巴国务委员会 is no short form of 巴赫
                title = text[start + len(sur) : t_end]
                who = _link(people, title)
                if who is not None:
                    out.append((pi, start, t_end, who.name, text[start:t_end]))
    return out


def _trap(f: Findings, text: str, start: int, sur: str) -> bool:
    """学习总书记 is not 习总书记: the surname must not end a word before it."""
    if start == 0 or not is_cjk(text[start - 1]):
        return False
    return text[start - 1 : start + len(sur)] in f.lex.short_form_traps


def _link(people: list[Person], title: str) -> Person | None:
    """The one official a short form can mean: same surname, and the title if several."""
    if len(people) == 1:
        return people[0]
    matching = [p for p in people if any(at.post.text.endswith(title) for at in p.posts)]
    return matching[0] if len(matching) == 1 else None
