"""Posts as printed: a title word plus the organisation text attached before it, and chains.

`嘉峪关市委副书记、市长柳鹏` is read from the title word nearest the name (市长) back to the
separator, then over the separator to the title word before it (书记) and back over its
directly attached prefix (嘉峪关市委副) to where the attached text stops: punctuation, the
start of the paragraph, or a "prefix break" word (的, 向, 在, 会见, 今天 …).
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.officials.lexicon import Lexicon
from reader.officials.names import is_cjk, title_at
from reader.officials.rules import ALL_RULES, RuleSet

MAX_PREFIX = 24
"""Longest organisation text attached before a title (中共中央对外联络部 is 9)."""


DATE_UNITS = frozenset("年月日号时")
SPACES = " \u3000\u00a0"
PLACE_UNITS = frozenset("省市县区州盟旗镇乡村")
"""Last characters of a place name, after which 原/前 marks the post as former."""
POSTED_TO = "驻"
"""驻日本大使: a post abroad, named by where it is held."""


@dataclass(frozen=True, slots=True)
class Post:
    """One post as printed: `paragraph_text[start:end]`."""

    start: int
    end: int
    text: str
    former: bool


def _kept(text: str, start: int, word: str, lex: Lexicon) -> bool:
    """Whether the break word at `text[start:]` is really inside a longer organisation word."""
    for keep, offset in _keeps_containing(lex.prefix_keep, word):
        s = start - offset
        if s >= 0 and text.startswith(keep, s):
            return True
    return False


_KEEPS: dict[tuple[int, str], tuple[tuple[str, int], ...]] = {}


def _keeps_containing(keeps: tuple[str, ...], word: str) -> tuple[tuple[str, int], ...]:
    """Every (keep word, offset of `word` in it): computed once per break word, not per lookup."""
    key = (id(keeps), word)
    found = _KEEPS.get(key)
    if found is None:
        pairs = []
        for keep in keeps:
            offset = keep.find(word)
            while offset >= 0:
                pairs.append((keep, offset))
                offset = keep.find(word, offset + 1)
        found = _KEEPS[key] = tuple(pairs)
    return found


def is_break_before(text: str, j: int, lex: Lexicon) -> bool:
    """Whether attached text must stop just before `text[j]` (looking backwards)."""
    if j <= 0 or not is_cjk(text[j - 1]):
        return True
    if text[j - 1] in lex.chain_separators:
        return True
    if text[j - 1] in DATE_UNITS and j >= 2 and text[j - 2].isdigit():
        return True  # 19日老挝人民革命党…: a date is not part of the organisation
    for n in lex.prefix_breaks.by_last.get(text[j - 1], ()):
        if n <= j and (w := text[j - n : j]) in lex.prefix_breaks and not _kept(text, j - n, w, lex):
            return True
    return False


def prefix_start(text: str, title_start: int, floor: int, lex: Lexicon) -> int:
    """Where the text attached before the title word at `title_start` begins."""
    j = title_start
    limit = max(floor, title_start - MAX_PREFIX)
    while j > limit:
        if (k := _bracket_inside(text, j, limit)) is not None:
            j = k  # 尼泊尔共产党（联合马列）总书记: a bracket inside a party's name
            continue
        if not is_break_before(text, j, lex):
            j -= 1
        elif _joins_bodies(text, j, title_start, limit, lex):
            j -= 1  # 政治与安全委员会主席: 与 inside one body's name
        else:
            break
    return j


BODY_JOINERS = "和与"
MERGED_BODY_ENDS = ("局", "厅", "部")
"""Ends of government departments merged from two fields (文化广电和旅游局, 农业农村和水利局)."""


def _bracket_inside(text: str, j: int, limit: int) -> int | None:
    """Start of a bracket of 2 to 8 Chinese characters closing just before `j`, with a body
    name attached before it, or None."""
    if j < 1 or text[j - 1] not in ")）":
        return None
    k = j - 2
    while k > limit and k > j - 11 and is_cjk(text[k]):
        k -= 1
    if k <= limit or text[k] not in "(（" or j - 1 - (k + 1) < 2 or not is_cjk(text[k - 1]):
        return None
    return k


def _joins_bodies(text: str, j: int, title_start: int, limit: int, lex: Lexicon) -> bool:
    """Whether the 和/与 before `j` joins two words of one body's name (学术和编审委员会).

    Only where what follows it up to the title ends like a named body (委员会, not 县委)
    and no title word ends before it (市长和副市长 joins two people's posts).
    """
    if j < 2 or j - 1 <= limit or text[j - 1] not in BODY_JOINERS or not is_cjk(text[j - 2]):
        return False
    if lex.titles.longest_ending_at(text, j - 1) is not None or lex.followers.longest_ending_at(text, j - 1):
        return False  # 市长和…, 讲话和…: a post or a verb before 和, not a body's word
    body = lex.organisation_suffixes.longest_ending_at(text, title_start) or ""
    # 农业农村和水利局: a bureau merged from two, its second field of two to four characters
    # right before 局/厅/部, never a place's own body (群众和县委书记, 干部和市局).
    merged = (
        body in MERGED_BODY_ENDS
        and text[j] not in PLACE_UNITS
        and 2 <= title_start - len(body) - j <= 4
        and any(text[k] in PLACE_UNITS for k in range(max(0, j - 7), j - 3))  # 县农业农村和, not 村民和
    )
    return (
        (len(body) >= 3 or merged)  # 委员会, 研究院; not 县委 (群众和县委书记 are two)
        and not any(
            title_at(text, k, lex) is not None and lex.organisation_suffixes.longest_at(text, k) is None
            for k in range(j, title_start)
        )  # 委员 of 委员会 is no title there
    )


def _former(printed: str, lex: Lexicon) -> bool:
    """原市长, 天津市原市委代理书记, 青山市委原副书记: the marker may follow a place or a body."""
    if any(printed.startswith(m) for m in lex.former_markers):
        return True
    for m in lex.former_markers:
        k = printed.find(m, 1)
        while k > 0:
            rest = k + len(m)
            attached = (
                printed[k - 1] in PLACE_UNITS
                or lex.organisation_suffixes.longest_ending_at(printed, k)
                or (k >= 2 and not _in_former_trap(printed, k, lex))  # 雅安原市委书记, 四川文联原主席
            )
            if attached and (
                title_at(printed, rest, lex) is not None
                or lex.organisation_suffixes.longest_at(printed, rest) is not None
                or _place_then_post(printed, rest, lex)
            ):
                return True
            k = printed.find(m, k + 1)
    return False


def _place_then_post(printed: str, rest: int, lex: Lexicon) -> bool:
    """美国前新墨西哥州州长, 中国前驻日本大使: after the marker, a place (ending 州, 省, 县 …)
    or 驻 and a place, then the post."""
    posted = printed.startswith(POSTED_TO, rest)
    return any(
        (posted or printed[j - 1] in PLACE_UNITS) and title_at(printed, j, lex) is not None
        for j in range(rest + 2, min(len(printed), rest + 10))
    )


def _in_former_trap(printed: str, k: int, lex: Lexicon) -> bool:
    """Whether the marker at `printed[k]` lies inside a word that marks nothing (太原, 高原)."""
    return any(
        (w := lex.former_traps.longest_at(printed, s)) is not None and s + len(w) > k
        for s in range(max(0, k - lex.former_traps.max_len + 1), k + 1)
    )


def _held_then(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a cue before the chain `text[start:end]` makes its posts former.

    时任 always does (时任南充市委书记刘宏建); 曾任 only where the posts end the clause or
    的 follows them, since in 他曾担任英国首相卡梅伦的顾问 the past is the subject's.
    """
    if lex.former_cues.longest_ending_at(text, start) is not None:
        return True
    if lex.past_cues.longest_ending_at(text, start) is None:
        return False
    return end >= len(text) or text[end] == "的" or not is_cjk(text[end])


def chain_before(
    text: str, title_start: int, title_end: int, floor: int, lex: Lexicon, rules: RuleSet = ALL_RULES
) -> list[Post]:
    """The chain of posts ending with the title word at `text[title_start:title_end]`.

    `floor` is the end of the previous name found in the paragraph: a prefix never
    reaches back over a person.
    """
    start = prefix_start(text, title_start, floor, lex)
    spans = [(start, title_end)]
    while rules.on("post_chains"):
        sep = start - 1
        while sep > floor and text[sep] in SPACES:
            sep -= 1  # 区委副书记、 区长: a space after the separator
        if not (sep > floor and text[sep] in lex.chain_separators):
            break
        word = lex.titles.longest_ending_at(text, sep)
        if word is None:
            break
        start = prefix_start(text, sep - len(word), floor, lex)
        spans.insert(0, (start, sep))
    marked = rules.on("former_markers")
    posts = [Post(s, e, text[s:e], marked and _former(text[s:e], lex)) for s, e in spans]
    if posts and rules.on("held_then") and _held_then(text, posts[0].start, title_end, lex):
        posts = [Post(p.start, p.end, p.text, True) for p in posts]
    if posts and posts[0].former:
        # 原市委副书记、市长X: the marker at the head of the chain covers every post in it.
        posts = [Post(p.start, p.end, p.text, True) for p in posts]
    return posts
