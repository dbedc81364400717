"""Pass 2, posts after names: 习近平总书记, X同志, 黄明山是吉潭镇镇长, 于世平(…检察长).

A title word pass 1 gave no name after it may follow one. A name already known is
trusted; otherwise the name must be plausible and stand where a name can start. Posts
that close a clause about a name before them (a copula, brackets, an age, a counted
list) are attached to that name.
"""

from __future__ import annotations

import re

from reader.officials.appointments import CLOSED_REMOVALS, DUTY, appointed_names, removed_names
from reader.officials.findings import Findings
from reader.officials.name_after_post import read_name_after_post
from reader.officials.name_before_post import LIST_JOINERS, listed_names, name_ending_at
from reader.officials.names import is_cjk, plausible_chinese, title_at
from reader.officials.posts import Post, chain_before, is_break_before

REPRESENTATIVE = "代表"
"""以毛泽东为代表的…: "as represented by", never a post held."""
AND_JOINERS = "和及"
"""Words that join two posts of one person after a copula (当选A和B), two people's elsewhere."""
OPEN_BRACKETS = "(（"
CLOSE_BRACKETS = ")）"
PROFILE_FIELD = (
    r"(?:男|女|[\u4e00-\u9fff]{1,3}族|\d{1,3}\s*岁|\d{4}\s*[年.]?\s*\d{0,2}\s*月?\s*(?:出)?生"
    r"|[\u4e00-\u9fff]{2,8}人|中共(?:预备)?党员|无党派人士|[\u4e00-\u9fff]{0,10}(?:学历|学位)"
    r"|(?:大学|研究生|本科|大专|中专|硕士|博士)[\u4e00-\u9fff]{0,6})"
)
AGE_CLAUSE = re.compile(
    r"(?:[(（][男女][)）])?(?:[，,]\s*" + PROFILE_FIELD + r"\s*)+[，,]\s*(?:现任|现为|系)?$"
)
"""梅鼎荣，44岁，副镇长 / 张永霞(女),196812月生,…区委书记 / 赵磊，男，汉族，1980年5月生，现任…:
a profile (age, birth, sex, nation, origin, party, schooling) between a name and its post."""
GROUP_COUNT = re.compile(r"等(?:\d+|[一二两三四五六七八九十]+)?[位名人]?$")
"""杨雄、李斌等8位代表: a list of names closed by 等 and a count before a shared post."""


def _ending_at(pattern: re.Pattern[str], text: str, end: int) -> re.Match[str] | None:
    """`pattern` (anchored with `$`) matched so that it ends at `end`, searched from the
    sentence's start: neither pattern above can hold a 。, so the match the whole text
    would give starts after the last one. Searching from 0 made a paragraph of 100,000
    characters take seconds (each post searched back to the paragraph's start)."""
    return pattern.search(text, text.rfind("。", 0, end) + 1, end)


def posts_after_names(f: Findings) -> None:
    """Pass 2 over every paragraph."""
    for pi, text in enumerate(f.paragraphs):
        _paragraph(f, pi, text)


def _paragraph(f: Findings, pi: int, text: str) -> None:
    lex = f.lex
    known = tuple(sorted(f.name_lengths, reverse=True))
    i = 0
    n = len(text)
    starts = lex.pass2_starts
    while i < n:
        m = starts.search(text, i)
        if m is None:
            break
        i = m.start()
        hon = lex.honorifics.longest_at(text, i) if f.on("honorifics") else None
        if hon is not None and lex.honorific_traps.longest_at(text, i) is not None:
            hon = None  # 同志般, 同志们: not said of the name before
        t_end = None if hon else title_at(text, i, lex)
        if hon is None and t_end is None:
            i += 1
            continue
        end = i + len(hon) if hon else t_end
        assert end is not None
        if hon is None and f.on("post_nouns") and text[end : end + 1] in lex.post_noun_marks:
            i = end  # 韩朝部长级会谈, 柏林总统府: a noun, nobody's post
            continue
        printed = text[i:end]
        listed = False
        if end in f.used_titles[pi]:
            i = end
            continue
        if hon is None and _post_after_copula(f, pi, text, i, end, known):
            i = end
            continue
        if hon is None:
            head = lex.titles.longest_ending_at(text, end) or ""
            listed = f.on("after_name_titles") and (
                head in lex.after_name_titles or printed in lex.after_name_titles
            )
            if not (
                listed
                or (
                    f.on("titles_after_names")
                    and _post_closes(f, text, end)
                    and head not in lex.collective_titles
                )
            ):
                i = end
                continue
            if read_name_after_post(text, end, lex, rules=f.rules) is not None:
                i = end
                continue
        name = name_ending_at(f, text, i, known)
        if name is not None and hon is None and not listed and not _name_opens(f, text, i - len(name), name):
            name = None  # 周卫民局长致辞 is a person; 会议中心主任 is no 会议中 with a post
        if name is not None and not f.claimed_elsewhere(pi, i - len(name), i):
            person = f.person(name)
            if hon is None:
                former = f.on("former_markers") and any(printed.startswith(m) for m in lex.former_markers)
                f.add_posts(pi, i - len(name), i, [Post(i, end, printed, former)])
            else:
                person.honoured = True
                f.name_spans[pi].append((i - len(name), i))
        i = end


def _post_closes(f: Findings, text: str, end: int) -> bool:
    """Whether a post ends its phrase at `end`: punctuation, 、/及/和, or a follower of two characters."""
    if end >= len(text) or not is_cjk(text[end]) or text[end] in LIST_JOINERS:
        return True
    follower = f.lex.followers.longest_at(text, end)
    word = f.lex.titles.longest_ending_at(text, end) or ""
    if (
        follower is not None
        and follower in f.lex.open_followers
        and text[end] not in "及和与"
        and f.lex.followers.longest_at(word, 0) != word  # 刘某代表在校生: 代表 the verb
    ):
        # 周国旗院长从…介绍, 王某局长在会上: a preposition opens the clause after the post;
        # trusted only where the next word is no noun it would join (院长同学).
        return text[end : end + 2] not in f.lex.weak_followers
    return follower is not None and (len(follower) > 1 or text[end] in "及和与等说")


def _name_opens(f: Findings, text: str, start: int, name: str) -> bool:
    """Whether a name read before an unlisted after-name post stands where a phrase opens.

    A known name always does; a new one of two characters only right after punctuation or
    at the paragraph's start (elsewhere two characters are too often the tail of a word);
    one of three characters also after a list's 、 or a word that ends a post's prefix
    (由, 在, 及).
    """
    if name in f.people:
        return True
    if len(name) == 2:
        # 会上，高朋副区长介绍: two characters are a name only where a sentence or clause
        # opens (never the tail of a word) and have a name's strict shape.
        opens = start == 0 or not is_cjk(text[start - 1])
        return opens and plausible_chinese(name, f.lex, strict=True)
    if len(name) < 3:
        return False
    return (
        start == 0
        or not is_cjk(text[start - 1])
        or text[start - 1] in "、及和与"
        or is_break_before(text, start, f.lex)
        or f.lex.organisation_suffixes.longest_ending_at(text, start) is not None
    )  # 华容区院熊三坤副院长: the body's name, then the person, then the post


def _post_after_copula(f: Findings, pi: int, text: str, ts: int, te: int, known: tuple[int, ...]) -> bool:
    """Posts that close a clause about a name before them.

    黄明山是吉潭镇镇长。 / 廖俊波生前是…市委常委、副市长、…书记。 / 梅鼎荣，44岁，…副镇长。
    and names listed before the post: 杨雄、李斌…等8位代表.
    """
    lex = f.lex
    closed = te >= len(text) or not (is_cjk(text[te]) or text[te] in lex.chain_separators)
    if not closed and read_name_after_post(text, te, lex, rules=f.rules) is not None:
        return False
    word = lex.titles.longest_ending_at(text, te)
    if word is None:
        return False
    posts = chain_before(text, te - len(word), te, 0, lex, f.rules)
    if f.on("role_words") and lex.role_words.longest_ending_at(text, te) is not None:
        return False  # 王某、李某等老干部代表: people of a group, not holders of a post
    if word in lex.collective_titles and (not f.on("collective_designations") or posts[-1].text == word):
        return False  # 领导 with nothing attached designates nobody
    if closed and f.on("copulas"):
        posts = _joined_by_and(f, text, posts)
    start = posts[0].start
    names: list[tuple[int, int]] = []
    if not closed:
        if f.on("removed_posts") and (text.startswith(DUTY, te) or text.startswith("的" + DUTY, te)):
            names, posts = removed_names(f, pi, text, posts, known)
        elif f.on("counted_lists") and (m := _ending_at(GROUP_COUNT, text, start)) is not None:
            names = listed_names(f, text, m.start())
        elif (
            f.on("appointed_as")
            and text[te : te + 1] == "的"
            and text[start - 1 : start] == "为"
            and not word.endswith(REPRESENTATIVE)
        ):
            # 以胡锦涛同志为总书记的党中央, 选举王某为县长的决定: the post then 的 and a noun
            # (以王某为代表的…: "represented by", no post)
            names = appointed_names(f, text, start - 1, known_too=posts[0].text != word)
    elif f.on("removed_posts") and lex.removal_verbs.longest_ending_at(text, start) in CLOSED_REMOVALS:
        names, posts = removed_names(f, pi, text, posts, known)  # 王某同志不再担任县长。
    elif f.on("bracketed_posts") and _in_brackets(text, start, te):
        # 全国人大代表于世平(天津检察院检察长): the posts in brackets right after a name.
        name = name_ending_at(f, text, start - 1, known)
        if name is not None:
            names = [(start - 1 - len(name), start - 1)]
    elif f.on("age_clauses") and (m := _ending_at(AGE_CLAUSE, text, start)) is not None:
        name = name_ending_at(f, text, m.start(), known)
        if name is not None:
            names = [(m.start() - len(name), m.start())]
    elif f.on("appositives") and (apposed := _appositive(f, text, start, known)) is not None:
        names = [apposed]
    elif (
        f.on("appointed_as")
        and text[start - 1 : start] == "为"
        and (found := appointed_names(f, text, start - 1, known_too=posts[0].text != word))
    ):
        names = found  # 选举朴凤柱为副委员长, 任命杜渐、马锋为副镇长
    elif f.on("copulas") and (cop := lex.copulas.longest_ending_at(text, start)) is not None:
        at = start - len(cop)
        if f.on("honorifics") and (hon := lex.honorifics.longest_ending_at(text, at)) is not None:
            at -= len(hon)  # 王建平同志任县财政局局长 (a notice's wording)
        if cop in CURRENT_COPULAS and text[at - 1 : at] in "，," and f.on("current_posts"):
            at -= 1  # 1971年生的许晋文，现任文水县委常委: the name before the comma
        name = name_ending_at(f, text, at, known)
        if name is None and f.on("clause_names"):
            name = _clause_opening_name(f, text, at)
        if name is None and f.on("clause_names") and text[at - 1 : at] in COPULA_ADVERBS:
            name = _clause_opening_name(f, text, at - 1, size=2)  # 陈林已担任…
            at -= 1 if name is not None else 0
        s0 = at - len(name or "")
        if name is not None and (name in f.people or is_break_before(text, s0, lex)):
            # 彭珮云再次当选…会长: a new name must start where a word can start.
            names = [(s0, at)]
            if f.on("copula_lists") and text[s0 - 1 : s0] == LIST_JOINERS:
                names = listed_names(f, text, at) or names  # 王某、李某当选为常务委员
        elif name is None and f.on("copula_lists") and LIST_JOINERS in text[max(0, at - 4) : at - 2]:
            names = listed_names(
                f, text, at
            )  # …、白晓丽当选为, …、高岭当选: the list vouches for its last name
    elif f.on("counted_lists") and (m := _ending_at(GROUP_COUNT, text, start)) is not None:
        names = listed_names(f, text, m.start())
    for s, e in names:
        if f.claimed_elsewhere(pi, s, e):
            continue
        f.add_posts(pi, s, e, posts)
    return bool(names)


CURRENT_COPULAS = ("现任", "现为")
"""Copulas that may follow a name and a comma: 许晋文，现任文水县委常委."""
CLAUSE_OPENERS = "，,；;。：:！？!?"


COPULA_ADVERBS = "已也还将又均都再"
"""Adverbs between a clause's opening name and its copula (陈林已担任…)."""


def _clause_opening_name(f: Findings, text: str, at: int, size: int = 3) -> str | None:
    """A name of three characters (or `size`) opening its clause right before a copula,
    whose surname is also a word (高治平当选为秘书长): the clause's start and the copula
    bound it."""
    s = at - size
    if s < 0 or (s > 0 and text[s - 1] not in CLAUSE_OPENERS):
        return None
    cand = text[s:at]
    if cand[-1] in f.lex.followers:
        return None  # 陈林已担任…: a two-character name and an adverb (已, 也, 将…) before the copula
    return cand if plausible_chinese(cand, f.lex, strict=False) and not title_at(text, s, f.lex) else None


def _joined_by_and(f: Findings, text: str, posts: list[Post]) -> list[Post]:
    """The chain with the posts joined to it by 和/及 when a copula or 为 stands before them.

    崔龙海当选国务委员会第一副委员长和最高人民会议常任委员会委员长: after 当选, 是 or 为 the
    posts joined by 和 are one person's; elsewhere 和 joins two people's posts (市长和副市长王某).
    """
    lex = f.lex
    joined = posts
    while (k := joined[0].start - 1) > 0 and text[k] in AND_JOINERS:
        word = lex.titles.longest_ending_at(text, k)
        if word is None:
            break
        joined = chain_before(text, k - len(word), k, 0, lex, f.rules) + joined
        s = joined[0].start
        if text[s - 1 : s] == "为" or lex.copulas.longest_ending_at(text, s) is not None:
            return joined
    return posts


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` stands alone inside brackets."""
    return start > 0 and text[start - 1] in OPEN_BRACKETS and end < len(text) and text[end] in CLOSE_BRACKETS


SENTENCE_ENDS = "。！？；!?;"


def _appositive(f: Findings, text: str, start: int, known: tuple[int, ...]) -> tuple[int, int] | None:
    """袁某某，孝感市某村党支部书记。: a sentence opened by a name and a comma, closed by the post.

    Only where the name opens the sentence (the paragraph's start or after 。！？；) or a list's
    first item (对象分别是王某，天镇县委书记；), so the post cannot be another person's in a
    clause of its own.
    """
    if start < 3 or text[start - 1] not in "，,":
        return None
    name = name_ending_at(f, text, start - 1, known)
    if name is None:
        return None
    s0 = start - 1 - len(name)
    if s0 == 0 or text[s0 - 1] in SENTENCE_ENDS or _list_item_opens(f, text, s0):
        return s0, start - 1
    return None


ITEM_OPENERS = ("分别是", "分别为", "依次是", "依次为")
"""Words that open a list of people, each item a name, a comma and posts (对象分别是王某，…书记；)."""


def _list_item_opens(f: Findings, text: str, at: int) -> bool:
    """A list's first item starts at `at`: after a colon or a word such as 分别是."""
    if text[at - 1 : at] in ("：", ":"):
        return True
    opener = f.lex.list_openers.longest_ending_at(text, at)
    return opener in ITEM_OPENERS
