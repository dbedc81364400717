"""Pass 2, posts after names: 习近平总书记, X同志, 黄明山是吉潭镇镇长, 于世平(…检察长).

A title word pass 1 gave no name after it may follow one. A name already known is
trusted; otherwise the name must be plausible and stand where a name can start. Posts
that close a clause about a name before them (a copula, brackets, an age, a counted
list) are attached to that name.
"""

from __future__ import annotations

import re

from reader.officials.findings import Findings
from reader.officials.foreign_names import MAX_FOREIGN, cut_from_place
from reader.officials.name_after_post import read_name_after_post
from reader.officials.names import (
    NAME_DOT,
    is_cjk,
    plausible_chinese,
    surname_at,
    title_at,
)
from reader.officials.posts import Post, chain_before, is_break_before

LIST_JOINERS = "、"
AND_JOINERS = "和及"
"""Words that join two posts of one person after a copula (当选A和B), two people's elsewhere."""
BOOK_TITLE_OPEN = "《"
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
        return (start == 0 or not is_cjk(text[start - 1])) and plausible_chinese(name, f.lex, strict=True)
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
            names, posts = _removed(f, text, posts, known)
        elif f.on("counted_lists") and (m := GROUP_COUNT.search(text, 0, start)) is not None:
            names = _listed_names(f, text, m.start())
    elif f.on("removed_posts") and lex.removal_verbs.longest_ending_at(text, start) in CLOSED_REMOVALS:
        names, posts = _removed(f, text, posts, known)  # 王某同志不再担任县长。
    elif f.on("bracketed_posts") and _in_brackets(text, start, te):
        # 全国人大代表于世平(天津检察院检察长): the posts in brackets right after a name.
        name = name_ending_at(f, text, start - 1, known)
        if name is not None:
            names = [(start - 1 - len(name), start - 1)]
    elif f.on("age_clauses") and (m := AGE_CLAUSE.search(text, 0, start)) is not None:
        name = name_ending_at(f, text, m.start(), known)
        if name is not None:
            names = [(m.start() - len(name), m.start())]
    elif (
        f.on("appointed_as")
        and text[start - 1 : start] == "为"
        and (found := _appointed(f, text, start - 1, known_too=posts[0].text != word))
    ):
        names = found  # 选举朴凤柱为副委员长, 任命杜渐、马锋为副镇长
    elif f.on("copulas") and (cop := lex.copulas.longest_ending_at(text, start)) is not None:
        at = start - len(cop)
        if f.on("honorifics") and (hon := lex.honorifics.longest_ending_at(text, at)) is not None:
            at -= len(hon)  # 王建平同志任县财政局局长 (a notice's wording)
        name = name_ending_at(f, text, at, known)
        s0 = at - len(name or "")
        if name is not None and (name in f.people or is_break_before(text, s0, lex)):
            # 彭珮云再次当选…会长: a new name must start where a word can start.
            names = [(s0, at)]
    elif f.on("counted_lists") and (m := GROUP_COUNT.search(text, 0, start)) is not None:
        names = _listed_names(f, text, m.start())
    for s, e in names:
        if f.claimed_elsewhere(pi, s, e):
            continue
        f.add_posts(pi, s, e, posts)
    return bool(names)


REMOVAL_REASON = re.compile("因[\u4e00-\u9fff]{1,8}?(?:原因|需要|调动|变动|退休)$")
"""因年龄原因, 因工作需要, 因工作调动: why a removal or resignation is made, before its verb."""

DUTY = "职务"
"""免去…县长职务: the word a removal or resignation puts after the post."""


CLOSED_REMOVALS = ("不再担任", "不再兼任")
"""Removal verbs whose posts may end the clause without 职务 (王某不再担任县长。)."""


def _removed(
    f: Findings, text: str, posts: list[Post], known: tuple[int, ...]
) -> tuple[list[tuple[int, int]], list[Post]]:
    """The name whose posts a removal or resignation before them names, and those posts.

    免去郑立群(同志)的县交通局局长职务 (the verb, the name, 的, the posts; or the posts
    right after the name and 的 before 职务: 免去郑立群县交通局局长的职务, where the name
    is read off the front of the post's attached text) and 郑立群同志辞去县交通局局长职务
    (the name, the verb right before the posts).
    """
    lex = f.lex
    start = posts[0].start

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
    for n in (3, 2):
        end = first.start + n
        name = text[first.start : end]
        rest = text[end : first.end]
        if len(rest) > 2 and (name in f.people or plausible_chinese(name, f.lex, strict=True)):
            return [(first.start, end)], [Post(end, first.end, rest, first.former), *posts[1:]]
    return [], posts


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


LIST_TAIL = re.compile("等?[0-9０-９一二两三四五六七八九十百]+(?:位|名|个)?(?:人|同志)$")
"""The count closing a list of names before 为 (等18人, 两位同志, 二人)."""


def _appointed(f: Findings, text: str, wei: int, *, known_too: bool) -> list[tuple[int, int]]:
    """The names between an appointing verb and the 为 at `wei` (选举A、B为…), or none.

    With `known_too` (the post has its organisation attached), a name already read with a
    post before it counts too (推举…领导人金正恩为朝鲜国务委员会委员长)."""
    if wei < 0 or text[wei] != "为":
        return []
    close = wei  # 任命王某同志为…: the name ends before the honorific
    if (tail := LIST_TAIL.search(text, max(0, wei - 8), wei)) is not None:
        close = tail.start()  # 任命李某、何某等18人为…, 杜某、马某两位同志为…: the count ends the list
    elif f.on("honorifics") and (hon := f.lex.honorifics.longest_ending_at(text, wei)) is not None:
        close -= len(hon)
    start = close
    while start > 0 and (is_cjk(text[start - 1]) or text[start - 1] in LIST_JOINERS) and close - start < 40:
        start -= 1
        verb = f.lex.appointing_verbs.longest_ending_at(text, start)
        if verb is None and start > 0 and text[start - 1] in "：:":
            verb = f.lex.appointing_verbs.longest_ending_at(text, start - 1)  # 任命：刘洪涛为…
        if verb is not None:
            items = text[start:close].split(LIST_JOINERS)
            if all(plausible_chinese(item, f.lex, strict=False) for item in items):
                spans, pos = [], start
                for item in items:
                    spans.append((pos, pos + len(item)))
                    pos += len(item) + 1
                return spans
            break
    if known_too:
        for length in sorted(f.name_lengths, reverse=True):
            s = close - length
            if s > 0 and text[s:close] in f.people and _after_appointing_verb(f, text, s):
                return [(s, close)]
    return []


def _after_appointing_verb(f: Findings, text: str, start: int) -> bool:
    """Whether an appointing verb opens the clause that reaches `start` (no punctuation between)."""
    k = start
    while k > 0 and is_cjk(text[k - 1]) and start - k < 40:
        k -= 1
        if f.lex.appointing_verbs.longest_ending_at(text, k) is not None:
            return True
    return False


def _in_brackets(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` stands alone inside brackets."""
    return start > 0 and text[start - 1] in OPEN_BRACKETS and end < len(text) and text[end] in CLOSE_BRACKETS


def _listed_names(f: Findings, text: str, end: int) -> list[tuple[int, int]]:
    """The names of 张三、李四、王五 ending at `end`, or none if any item is not a name."""
    start = end
    while start > 0 and (is_cjk(text[start - 1]) or text[start - 1] in LIST_JOINERS):
        start -= 1
    items: list[tuple[int, int]] = []
    pos = start
    known = 0
    for item in text[start:end].split(LIST_JOINERS):
        if plausible_chinese(item, f.lex, strict=False):
            known += 1
        elif not _bounded_name(f, item):
            return []
        items.append((pos, pos + len(item)))
        pos += len(item) + 1
    return items if len(items) > 1 and known * 2 > len(items) else []


def _bounded_name(f: Findings, item: str) -> bool:
    """王飏 between 、 and 、: a listed surname and one or two characters, one of them rare.

    The list's other names vouch for it (most must be plausible on their own)."""
    lex = f.lex
    surname = surname_at(item, 0, lex)
    return (
        surname is not None
        and len(surname) == 1
        and surname not in lex.ambiguous_surnames
        and 2 <= len(item) <= 3
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
