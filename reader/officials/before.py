"""Pass 1, posts before names: 市委副书记、市长柳鹏, 副省长张三、李四, (记者 赵明霞).

Every title word followed by a name gives a person with the chain of posts printed
before it; names joined by 、 after it share those posts. Bylines and role words give
people who are not officials. Where no rule reads a name after a title word, the post
is kept in `Findings.unnamed` for the later passes.
"""

from __future__ import annotations

from reader.officials.findings import Findings, UnnamedPost
from reader.officials.foreign_names import read_korean
from reader.officials.lexicon import Lexicon
from reader.officials.name_after_post import read_name_after_post
from reader.officials.name_lists import (
    COLONS,
    LIST_JOINERS,
    SPACES,
    directory_names,
    list_follows,
    list_head,
    list_item,
    opened_list,
    shared_list,
)
from reader.officials.names import (
    inside_body_word,
    is_cjk,
    plausible_chinese,
    read_chinese,
)
from reader.officials.posts import chain_before, prefix_start

KOREAN_MARKS = ("韩", "朝")
"""In a post's attached text (韩国, 朝鲜, 韩方): the name after it is Korean."""
BYLINE_GAP = " \u3000\u00a0：:"
MAX_BACKEND_NAME = 16
BACKEND_BEFORE = 16
BACKEND_AFTER = 24
"""The window of text a name backend sees: characters before and after a name's start."""


def posts_before_names(f: Findings) -> None:
    """Pass 1 over every paragraph."""
    for pi, text in enumerate(f.paragraphs):
        _paragraph(f, pi, text)


def _paragraph(f: Findings, pi: int, text: str) -> None:
    lex = f.lex
    i = 0
    floor = 0
    n = len(text)
    starts = lex.pass1_starts
    while i < n:
        m = starts.search(text, i)
        if m is None:
            break
        i = m.start()
        if lex.pass1_words.longest_at(text, i) is None:
            i += 1
            continue
        # The longer cue wins: 记者代表李柯勇 is a role, not the byline 记者.
        cue = max(
            (c for c in (lex.byline_cues.longest_at(text, i), lex.role_words.longest_at(text, i)) if c),
            key=len,
            default=None,
        )
        if cue is not None:
            end = _people_after_role(f, pi, text, i, cue)
            if end is not None:
                i = floor = end
                continue
        word = lex.titles.longest_at(text, i)
        if word is None or (f.on("post_nouns") and inside_body_word(text, i, word, lex)):
            i += 1
            continue
        t_end = i + len(word)
        if word in lex.collective_titles and not (
            f.on("collective_designations") and prefix_start(text, i, floor, lex) < i
        ):
            i = t_end  # 领导 alone (在县委的领导下) is nobody's post; 县领导 is
            continue
        if f.on("title_traps") and (
            lex.title_traps.longest_ending_at(text, t_end) is not None
            or _verb_after_name(f, text, i, word, floor)
        ):
            i = t_end  # 我谨代表, 王永康代表西安市委: the verb, not the post
            continue
        if f.on("post_nouns") and text[t_end : t_end + 1] in lex.post_noun_marks:
            i = t_end  # 部长级会谈, 成员国: a noun, nobody's post
            continue
        name_at = t_end
        if f.on("post_notes") and (note_end := _post_note(text, t_end, lex)) is not None:
            name_at = note_end  # 总医院院长（兼）赵利利
        if text.startswith("的", t_end) and f.on("appointed_de") and _appointed(f, text, i, floor):
            name_at = t_end + 1  # 时任国家副主席的习近平
        name_end = read_name_after_post(text, name_at, lex, f.confirmer(pi), f.rules)
        if (
            (name_end is None or name_end - name_at < 3)
            and f.on("korean_names")
            and _korean_post(f, text, i, floor)
        ):
            name_end = read_korean(text, name_at, lex) or name_end
        if name_end is None and f.on("colon_lists") and text[name_at : name_at + 1] in COLONS:
            name_at += 1  # 村委会主任：王泽辉 / 委员：吴慧敏、王晓艳 (a notice's list)
            name_end = list_item(f, text, name_at)
        if name_end is None and f.on("directory_lines") and text[name_at - 1 : name_at] in COLONS:
            listed = directory_names(f, text, name_at)  # 副县长:李维之 马 平 王宏伟 (a yearbook's roll)
            if listed and prefix_start(text, i, floor, lex) == 0:
                posts = chain_before(text, i, t_end, floor, lex, f.rules)
                for s, e in listed:
                    f.add_official(pi, s, e, posts, name=text[s:e].replace(" ", ""))
                i = floor = listed[-1][1]
                continue
        if name_end is None and f.on("designation_lists") and (at := opened_list(f, text, word, name_at)):
            name_at = at  # 出席的市领导有：王某、李某 / 领导人包括金某、朴某
            name_end = list_item(f, text, name_at)
        if name_end is None and f.on("list_items") and list_follows(f, text, name_at):
            name_end = list_item(f, text, name_at)  # 学校党政领导计卫舸、李强…: the list vouches
        if name_end is None and f.on("list_bridges"):
            name_end = list_head(f, text, name_at)  # 副主席仁青安杰、匡湧、王绚: names follow
        if name_end is None and f.on("spaced_names") and (spaced := _spaced_name(f, text, name_at)):
            name_at, name_end = spaced  # 区人民检察院检察长 万诗雄 (a report's signature line)
        if name_end is None and f.names is not None:
            name_end = _backend_name(f, pi, name_at)
        if name_end is None:
            if name_at < n and is_cjk(text[name_at]):
                f.unnamed.append(UnnamedPost(pi, i, t_end, floor))
            i += 1  # 外交部长官康京和: a longer post (长官) may start inside this one
            continue
        posts = chain_before(text, i, t_end, floor, lex, f.rules)
        f.add_official(pi, name_at, name_end, posts)
        i = floor = shared_list(f, pi, text, name_end, posts) if f.on("shared_lists") else name_end


def _verb_after_name(f: Findings, text: str, i: int, word: str, floor: int) -> bool:
    """Whether a title word that is also a verb (代表) follows a person's name: 王永康代表西安市委."""
    lex = f.lex
    if lex.followers.longest_at(word, 0) != word:
        return False
    attached = text[prefix_start(text, i, floor, lex) : i]
    return bool(attached) and (
        attached in f.people or (plausible_chinese(attached, lex, strict=True) and len(attached) == 3)
    )


def _backend_name(f: Findings, pi: int, start: int) -> int | None:
    """End of the name the backend reads at `start`, or None.

    Only asked where the rules read no name after a post and a name could start there
    (a surname or a transliteration character), and only about a window of text around
    it: a tagger is far slower than the rules, and a name's end is decided nearby.
    """
    assert f.names is not None
    text = f.paragraphs[pi]
    lex = f.lex
    ch = text[start : start + 1]
    japanese = text[start : start + 2] in lex.japanese_surnames
    if not (ch in lex.surnames or ch in lex.foreign_chars or japanese):
        return None
    if any(words.longest_at(text, start) for words in (lex.not_names, lex.followers, lex.titles)):
        return None  # 总书记国防…, 书记和…: what follows is known to be no name
    lo = max(0, start - BACKEND_BEFORE)
    end = f.names.person_spans(text[lo : start + BACKEND_AFTER]).get(start - lo)
    if end is None or not 2 <= end + lo - start <= MAX_BACKEND_NAME:
        return None
    return end + lo


def _korean_post(f: Findings, text: str, title_start: int, floor: int) -> bool:
    """Whether the post's attached text names Korea (韩国统一部长官, 朝鲜外务相, 韩方团长)."""
    start = prefix_start(text, title_start, floor, f.lex)
    return any(mark in text[start:title_start] for mark in KOREAN_MARKS)


def _appointed(f: Findings, text: str, title_start: int, floor: int) -> bool:
    """Whether the post is introduced by an appointment word (时任, 当) that allows 的 before the name."""
    start = prefix_start(text, title_start, floor, f.lex)
    cues = f.lex.appointment_cues
    return cues.longest_ending_at(text, start) is not None or cues.longest_at(text, start) is not None


def _spaced_name(f: Findings, text: str, at: int) -> tuple[int, int] | None:
    """The name after a post and spaces, closed by the line's end, punctuation or a space.

    A report's or a letter's signature line sets the name apart (检察院检察长 万诗雄); the
    spaces and the closed end stand in for the followers that end a name in running text.
    """
    start = at
    while start < len(text) and text[start] in SPACES:
        start += 1
    if start == at or start - at > 3:
        return None
    end = list_item(f, text, start)
    if end is None or not (end >= len(text) or text[end] in SPACES or not is_cjk(text[end])):
        return None
    return start, end


def _post_note(text: str, at: int, lex: Lexicon) -> int | None:
    """End of a bracketed note on the post (（兼）, (正县级)) printed at `at`, or None."""
    if text[at : at + 1] not in "(（":
        return None
    close = next((k for k in range(at + 1, min(len(text), at + 8)) if text[k] in ")）"), None)
    if close is None or text[at + 1 : close] not in lex.post_notes:
        return None
    return close + 1


def _people_after_role(f: Findings, pi: int, text: str, i: int, cue: str) -> int | None:
    """Bylines and role words: (记者 赵明霞), 记者王莉、马菲, 村民王军虎."""
    lex = f.lex
    is_byline = cue in lex.byline_cues
    if not f.on("bylines" if is_byline else "role_words"):
        return None
    j = i + len(cue)
    if is_byline:
        while j < len(text) and text[j] in BYLINE_GAP:
            j += 1
    end = read_chinese(text, j, lex, allow_title=False)
    if end is None:
        return None
    found = [(j, end)]
    while is_byline and end < len(text) and text[end] in LIST_JOINERS + " \u3000":
        nxt = read_chinese(text, end + 1, lex, allow_title=False)
        if nxt is None:
            break
        found.append((end + 1, nxt))
        end = nxt
    for s, e in found:
        p = f.person(text[s:e])
        if (pi, s) < p.role_at:
            p.role, p.role_at = cue, (pi, s)
        f.name_spans[pi].append((s, e))
    return end
