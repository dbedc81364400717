"""Reading a personal name at a position in the text.

Chinese has no spaces, so where a name ends is decided by what follows it: a name is
accepted only where it ends at punctuation, the end of the text, a post, an honorific or
a "follower" word (宣读, 主持, 在, 和 …). Of the readings that end there, the shortest
wins: 王锋宣读 gives 王锋 (not 王锋宣), 李亦军出席 gives 李亦军 (李亦 is followed by 军,
which cannot follow a name).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.officials.lexicon import Lexicon
from reader.officials.rules import ALL_RULES, RuleSet

NAME_DOT = "·"
"""Joins the parts of a transliterated foreign name (弗拉基米尔·普京)."""
NAME_DASH = "—"
"""Some papers join the parts with one dash instead (约翰—格伦); two (——) are punctuation."""

MAX_FOREIGN = 16
NUMERALS = frozenset("〇一二三四五六七八九十百千万两")
REGNAL = re.compile("[一二三四五六七八九十]+世")
"""A regnal number after a monarch's name (胡安·卡洛斯一世, 伊丽莎白二世)."""


def is_cjk(ch: str) -> bool:
    """A Chinese character (the unified ideograph blocks, which cover names and posts)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def title_at(text: str, j: int, lex: Lexicon) -> int | None:
    """End of a post word (with leading modifiers such as 副) starting at `j`, or None."""
    if j >= len(text) or (text[j] not in lex.titles.firsts and text[j] not in lex.modifiers.firsts):
        return None  # most characters start neither: one set lookup each
    k = j
    while (m := lex.modifiers.longest_at(text, k)) is not None:
        k += len(m)
    t = lex.titles.longest_at(text, k)
    return k + len(t) if t else None


def ends_name(text: str, j: int, lex: Lexicon, *, allow_title: bool = True) -> bool:
    """Whether a name may end just before `text[j]`."""
    if j >= len(text):
        return True
    ch = text[j]
    if ch == NAME_DOT or (ch == NAME_DASH and j + 1 < len(text) and text[j + 1] in lex.foreign_chars):
        return False  # 弗拉基米尔·普京, 约翰—格伦: the name goes on
    if not is_cjk(ch):
        return True
    follower = lex.followers.longest_at(text, j)
    if follower is not None:
        # 康京和。: a conjunction or preposition right before a closing punctuation mark
        # joins nothing, so it is the name's last character, not a word after the name.
        return not (len(follower) == 1 and follower in lex.open_followers and _closing_at(text, j + 1))
    if lex.honorifics.longest_at(text, j) is not None:
        return True
    if not allow_title or title_at(text, j, lex) is None:
        return False
    # 廉政委员会主席: 委员 there begins an organisation (委员会), not a post after a name.
    org = lex.organisation_suffixes.longest_at(text, j)
    return org is None or len(org) <= len(lex.titles.longest_at(text, j) or "")


def strong_end(text: str, j: int, lex: Lexicon) -> bool:
    """Punctuation, the end, or a follower of two or more characters (出席, 表示) at `j`.

    Names whose surname is also a common word (和, 国, 满 …) must end like this:
    女王和明仁天皇, 成员国于3月, 总理满意地说 are not names.
    """
    if _hard_stop(text, j) or lex.honorifics.longest_at(text, j) is not None:
        return True  # 代侃让同志: an honorific closes a name as surely as punctuation
    follower = lex.followers.longest_at(text, j)
    return follower is not None and len(follower) > 1


def surname_at(text: str, i: int, lex: Lexicon) -> str | None:
    """The surname a name starting at `i` would have (compound surnames first)."""
    two = text[i : i + 2]
    if len(two) == 2 and two in lex.compound_surnames:
        return two
    if i < len(text) and text[i] in lex.surnames:
        return text[i]
    return None


def plausible_chinese(name: str, lex: Lexicon, *, strict: bool) -> bool:
    """Whether `name` has the shape of a Chinese name: surname + 1-2 known given-name characters.

    `strict` (used where no post or byline vouches for the name) also refuses surnames
    that are common words (和, 于, 国 …) and words ending like a place or organisation.
    """
    surname = surname_at(name, 0, lex)
    if surname is None:
        return False
    given = name[len(surname) :]
    if not 1 <= len(given) <= 2 or not all(c in lex.given_chars for c in given):
        return False
    if any(lex.not_names.longest_at(name, k) is not None for k in range(len(name))):
        return False
    if strict:
        if len(surname) == 1 and surname in lex.ambiguous_surnames:
            return False
        if any(lex.followers.longest_at(c, 0) or lex.prefix_breaks.longest_at(c, 0) for c in given):
            return False  # 纪委的同志: function characters do not make names
        if _ends_like_organisation(name, lex):
            return False
    return True


def read_chinese(
    text: str, i: int, lex: Lexicon, *, strict: bool = False, allow_title: bool = True
) -> int | None:
    """End of a Chinese name starting at `i`, or None.

    The shortest reading (surname + 1 given character, then + 2) that ends where a name
    may end is taken.
    """
    if lex.not_names.longest_at(text, i) is not None:
        return None
    surname = surname_at(text, i, lex)
    if surname is None:
        return None
    if strict and len(surname) == 1 and surname in lex.ambiguous_surnames:
        return None
    start_given = i + len(surname)
    if (term := lex.address_terms.longest_at(text, start_given)) is not None and ends_name(
        text, start_given + len(term), lex
    ):
        return None  # 方总出席, 贾先生说: a surname and a form of address, no full name
    first_fit: int | None = None
    ambiguous = len(surname) == 1 and surname in lex.ambiguous_surnames
    for n in (1, 2):
        end = start_given + n
        if end > len(text) or not is_cjk(text[end - 1]):
            break
        given = text[start_given:end]
        if title_at(text, end - 1, lex) is not None or lex.titles.longest_at(text, start_given) is not None:
            break  # a name never contains a post (成员国代表)
        if not all(c in lex.given_chars for c in given):
            # A rare given-name character (朴槿惠) is believed only where punctuation
            # closes the name right after it, and at least one character is a known one.
            if not strict and not ambiguous and strong_end(text, end, lex):
                return end
            continue
        if ambiguous and not _common_given(given, lex):
            # 高云江说, 于世平( : a surname that is also a common word needs a given name
            # of common name characters (商量过, 满意地说, 国于 are not names).
            continue
        if ambiguous and not strong_end(text, end, lex) and _weak_follower(text, end, lex):
            continue  # 女王和明仁天皇, 院长向新同学: no word a name ends at after such a "name"
        if ends_name(text, end, lex, allow_title=allow_title):
            if strict and _ends_like_organisation(text[i:end], lex):
                return None
            return end
        if n == 1:
            first_fit = end
    if first_fit is not None and _weak_third(text, first_fit, lex):
        # 郭涛回到: 郭涛回 only "ends" at the one-character follower 到, and 回 is rare in
        # names, so the 2-character reading is the better guess.
        return first_fit
    return None


def _weak_follower(text: str, j: int, lex: Lexicon) -> bool:
    """No follower at `j`, or a one-character one that opens a longer word (同 of 同学)."""
    follower = lex.followers.longest_at(text, j)
    if follower is None:
        return True
    return len(follower) == 1 and text[j : j + 2] in WEAK_PAIRS


WEAK_PAIRS = frozenset({"同学", "同事", "同行", "同胞", "同龄"})
"""Words a one-character follower (同) opens that are no word after a name (院长向新同学)."""


def _ends_like_organisation(name: str, lex: Lexicon) -> bool:
    """韩国, 酒钢集团公司: a word ending like an organisation or place is no name.

    Country endings (国) only count for two-character words: 邓建国 is a name.
    """
    if len(name) == 2 and name[-1] in lex.country_suffixes:
        return True
    suffix = lex.organisation_suffixes.longest_ending_at(name, len(name))
    return suffix is not None and suffix not in lex.given_name_endings


def _common_given(given: str, lex: Lexicon) -> bool:
    """Given-name characters that are common in names and are not function characters."""
    return all(
        c in lex.common_given_chars and c not in lex.followers and c not in lex.prefix_breaks for c in given
    )


CLOSING = frozenset("。，、；：？！）」』】》”’…,.;:?!)\n")


def _closing_at(text: str, j: int) -> bool:
    """The end of the text or a mark that closes a phrase (not “ or （, which open one) at `j`."""
    return j >= len(text) or text[j] in CLOSING


def _hard_stop(text: str, j: int) -> bool:
    """Punctuation (or the end of the text) right at `j`: the name cannot go on."""
    return j >= len(text) or (not is_cjk(text[j]) and text[j] != NAME_DOT)


def _weak_third(text: str, j: int, lex: Lexicon) -> bool:
    """After a 2-character reading ending at `j`: is `text[j]` an unlikely third name character
    whose 3-character reading ends only at a one-character follower?"""
    if j + 1 >= len(text) or text[j] in lex.common_given_chars:
        return False
    follower = lex.followers.longest_at(text, j + 1)
    return follower is not None and len(follower) == 1


def _joins_parts(text: str, j: int, i: int, lex: Lexicon) -> bool:
    """Whether `text[j]` joins two parts of a foreign name (·, or a single — between them)."""
    ch = text[j]
    if j == i or text[j - 1] in (NAME_DOT, NAME_DASH):
        return False
    if ch == NAME_DOT:
        return True
    return ch == NAME_DASH and j + 1 < len(text) and text[j + 1] in lex.foreign_chars


def read_foreign(text: str, i: int, lex: Lexicon) -> int | None:
    """End of a transliterated name (普京, 古特雷斯, 朱马里·赛亚颂) starting at `i`, or None.

    The shortest run of transliteration characters that ends where a name may end wins;
    when none does (克林顿派代表, 贾斯蒂卡最近), the whole run up to the first character
    that transliterations do not use: a foreign name cannot go on past it.
    """
    if text[i : i + 1] == text[i + 1 : i + 2] and text[i + 2 : i + 3] not in lex.foreign_chars:
        return None  # 代表久久难忘: a doubled word (久久, 常常); 尼尼斯托 goes on
    j = i
    while j < len(text) and j - i < MAX_FOREIGN:
        ch = text[j]
        if ch in (NAME_DOT, NAME_DASH):
            if not _joins_parts(text, j, i, lex):
                return None
            j += 1
            continue
        if ch not in lex.foreign_chars:
            break
        j += 1
        if j - i >= 2 and ends_name(text, j, lex):
            return j
    if j - i < 2 or j - i >= MAX_FOREIGN or text[j - 1] in (NAME_DOT, NAME_DASH):
        return None
    if j + 1 < len(text) and text[j + 1] in (NAME_DOT, NAME_DASH):
        return None  # 马克思·卢布里克: the part goes on with a character not listed
    if REGNAL.match(text, j) is not None:
        return j  # 胡安·卡洛斯一世
    short = j - i < 3 and NAME_DOT not in text[i:j] and NAME_DASH not in text[i:j]
    if _part_too_short(text, i, j) or _word_goes_on(text, j, lex, short):
        return None
    return j


def _part_too_short(text: str, i: int, j: int) -> bool:
    """伊戈尔·伊万诺夫 cut at 万: a last part of one character is a cut, not a name."""
    k = max(text.rfind(NAME_DOT, i, j), text.rfind(NAME_DASH, i, j))
    return k >= 0 and j - k - 1 < 2


def _word_goes_on(text: str, j: int, lex: Lexicon, short: bool) -> bool:
    """Whether the character that stopped a transliteration run shows it was no name.

    A place ending (约翰内斯堡), an organisation or a country after the run (沙特阿拉伯王国),
    or, after a run of two characters, a character common in names (米尔济约耶夫: the
    name more likely goes on; 特朗普必须, 朱马里·赛亚颂致唁电 are complete).
    """
    if j >= len(text) or not is_cjk(text[j]):
        return False
    ch = text[j]
    return (
        ch in lex.place_chars
        or ch in lex.country_suffixes
        or (short and ch in lex.common_given_chars)
        or lex.organisation_suffixes.longest_at(text, j) is not None
    )


def cut_from_place(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether `text[start:end]` is (part of) a country or region name rather than a person's.

    同黎巴嫩总统 (the reading is the place), 马来西|亚 and 塞|浦路斯 (cut out of one), 就任美国
    总统 (a surname character, then a place): no name. A place that begins the reading
    and ends inside it stays allowed, and so does one inside a longer transliteration:
    they reuse those syllables (阿曼达, 马里奥, 朱马里·赛亚颂, 海尔马里亚姆).
    """
    places = lex.places
    chinese_shape = end - start <= 3 and surname_at(text, start, lex) is not None
    for k in range(max(0, start - places.max_len + 1), end):
        if text[k] not in places.firsts:
            continue
        w = places.longest_at(text, k)
        if w is None or k + len(w) <= start:
            continue
        w_end = k + len(w)
        if k < start or w_end > end or (k == start and w_end == end) or (k > start and chinese_shape):
            return True
    return False


def read_name_after_post(
    text: str,
    i: int,
    lex: Lexicon,
    confirmed: Callable[[str], bool] | None = None,
    rules: RuleSet = ALL_RULES,
) -> int | None:
    """End of the name printed right after a post, or None when what follows is no name.

    `confirmed(name)` tells whether the article prints `name` elsewhere too, once where a
    name may end. A name whose surname is a common word (文在寅), or one followed by a word
    no list knows (李强乘包机, 拜登定于), is only believed with that evidence.
    """
    if i >= len(text) or not is_cjk(text[i]):
        return None
    if lex.not_names.longest_at(text, i) is not None:
        return None
    follower = lex.followers.longest_at(text, i)
    if follower is not None and len(follower) > 1:
        return None  # 主席应约同…, 书记出席…: a verb, not a name
    end = None
    if rules.on("dotted_names") and _dot_ahead(text, i):
        # A transliteration reads its own end (迈克尔·米切尔感叹); other dotted names need the dot.
        end = read_foreign(text, i, lex) if rules.on("foreign_names") else None
        end = end if end is not None and NAME_DOT in text[i:end] else read_dotted(text, i, lex)
        if end is not None and (m := REGNAL.match(text, end)) is not None:
            end = m.end()  # 国王胡安·卡洛斯一世
    if end is None and rules.on("minority_names"):
        end = read_minority(text, i, lex)
    if end is None and rules.on("japanese_names"):
        end = _read_japanese(text, i, lex)
    if end is None:
        end = read_chinese(text, i, lex)
        if end is not None and rules.on("whole_transliterations"):
            end = _whole_transliteration(text, i, end, lex)
    if end is None and rules.on("foreign_names"):
        end = read_foreign(text, i, lex)
        if end is not None and (m := REGNAL.match(text, end)) is not None:
            end = m.end()  # 国王胡安·卡洛斯一世
    if end is None and rules.on("whole_transliterations") and text[i] in lex.surnames:
        end = _whole_transliteration(text, i, i + 1, lex)  # 范德贝伦表示: a surname character opens it
        end = end if end - i >= 4 else None
    if end is None and rules.on("common_three"):
        end = _read_common_three(text, i, lex)

    function_surname = text[i] in lex.ambiguous_surnames
    if end is not None and any(
        (w := lex.not_names.longest_at(text, k)) is not None
        and (k + len(w) > end or (function_surname and len(w) > 1))
        for k in range(i + 1, end)
    ):
        # 大使和新任…: the "name" ends inside a word that is no name. 领导人和人民, 书记从全国:
        # after a surname that is also a function word, a word that is no name inside the
        # reading shows it is that function word (陈全国 is a name: 陈 is no function word).
        return None
    if end is None and confirmed is not None:
        end = _read_ambiguous_three(text, i, lex)
        if end is not None and not confirmed(text[i:end]):
            end = None
        if end is None:
            end = next((e for e in _candidates(text, i, lex) if confirmed(text[i:e])), None)
    if end is not None and rules.on("places") and cut_from_place(text, i, end, lex):
        return None
    if end is not None and (_addressed(text, i, end, lex) or _street(text, end)):
        return None
    return end


STREET_NUMBER = re.compile(r"[0-9０-９]+[号弄]")
STREET_ENDS = frozenset("路街巷村道弄里")


def _street(text: str, end: int) -> bool:
    """上海市长寿路1118号, 区长丰村1号: a post word inside a place name, then a street number."""
    return text[end - 1] in STREET_ENDS and STREET_NUMBER.match(text, end) is not None


def _addressed(text: str, i: int, end: int, lex: Lexicon) -> bool:
    """方总, 贾先生: a surname then a form of address ending the reading is no full name."""
    surname = surname_at(text, i, lex)
    if surname is None:
        return False
    term = lex.address_terms.longest_at(text, i + len(surname))
    return term is not None and i + len(surname) + len(term) == end


def _dot_ahead(text: str, i: int) -> bool:
    """Whether a · follows within the next eight characters, all of them Chinese before it."""
    k = i
    while k < len(text) and k - i < 9 and is_cjk(text[k]):
        k += 1
    return k - i >= 2 and k < len(text) and text[k] == NAME_DOT


def read_dotted(text: str, i: int, lex: Lexicon) -> int | None:
    """End of a name whose parts are joined by · (亚尔麦提·如则麦麦提, 艾则孜·木沙), or None.

    The dot is the evidence: Uyghur, Kazakh and other transliterated names print it
    between the parts, whatever characters they use. Every part has two to eight
    characters; the last one ends at the first place a name may end.
    """
    j = i
    parts = 0
    while True:
        k = j
        while k < len(text) and k - j < 8 and is_cjk(text[k]):
            k += 1
        if k < len(text) and text[k] == NAME_DOT and k - j >= 2:
            j = k + 1
            parts += 1
            continue
        break
    if parts == 0 or k - j < 2 or any(title_at(text, m, lex) is not None for m in range(i, j)):
        return None  # 会副委员长艾力更·依明巴海: a post inside the first part is no name
    if (
        k - j <= 8
        and _closing_at(text, k)
        and not any(
            (lex.followers.longest_at(text, m) is not None and not _in_syllable(text, j, m, lex))
            or title_at(text, m, lex) is not None
            for m in range(j + 2, k - 1)
        )
        and len(lex.followers.longest_at(text, k - 1) or "") < 2
    ):
        # 凯赛尔·阿不都克热木, : the whole last part, up to the punctuation after it, but
        # for a one-character verb ending the clause (…满金说。).
        last = lex.followers.longest_at(text, k - 1)
        return k - 1 if last is not None and len(last) == 1 and last not in lex.open_followers else k
    return next((end for end in range(j + 2, min(k, j + 5) + 1) if ends_name(text, end, lex)), None)


def _in_syllable(text: str, start: int, m: int, lex: Lexicon) -> bool:
    """Whether `text[m]` lies inside a listed name part starting between `start` and `m`
    (都 of 阿不都: no follower there)."""
    return any(
        (part := lex.minority_syllables.longest_at(text, s)) is not None and s + len(part) > m
        for s in range(start, m)
    )


def read_minority(text: str, i: int, lex: Lexicon) -> int | None:
    """End of a Tibetan, Mongolian, Uyghur or Yi name at `i` (扎西次仁, 巴音朝鲁, 阿不都热依木·买买提).

    Such names have no Chinese surname: they are read as a run of listed name parts
    (`minority_syllables`, the first of two or more characters), optionally joined by ·,
    that ends where a name may end. The longest such run wins, so 扎西草 is not cut to 扎西.
    """
    j = i
    ends: list[int] = []
    while j < len(text):
        part = lex.minority_syllables.longest_at(text, j)
        if part is None or (j == i and len(part) < 2):
            break
        j += len(part)
        ends.append(j)
        if j + 1 < len(text) and text[j] == NAME_DOT and lex.minority_syllables.longest_at(text, j + 1):
            j += 1
    for end in reversed(ends):
        if ends_name(text, end, lex):
            return end
    return None


def _whole_transliteration(text: str, i: int, end: int, lex: Lexicon) -> int:
    """施泰因迈尔表示, 侯赛因表示: a Chinese reading (施泰, 侯赛) that stops at a one-character
    follower (因) inside a run of transliteration characters gives way to the whole run,
    when the run ends where a name surely ends (punctuation, 表示)."""
    if end >= len(text) or text[end] not in lex.foreign_chars:
        return end
    j = i + 1  # 范德贝伦: the first character may be a surname no transliteration uses
    while j < len(text) and j - i < MAX_FOREIGN and text[j] in lex.foreign_chars:
        j += 1
    if j > end and strong_end(text, j, lex):
        return j
    return end


def _candidates(text: str, i: int, lex: Lexicon) -> list[int]:
    """Possible ends of a name at `i`, longest first, for confirmation elsewhere in the text.

    A plausible Chinese name (strictly: no surname that is a common word, no function
    character, no place ending); a run of transliteration characters (two or more, up to
    the first other character).
    """
    ends: list[int] = []
    surname = surname_at(text, i, lex)
    if surname is not None:
        s = i + len(surname)
        for n in (2, 1):
            given = text[s : s + n]
            if (
                len(given) == n
                and title_at(text, s, lex) is None
                and plausible_chinese(text[i : s + n], lex, strict=True)
            ):
                ends.append(s + n)  # strict: never 和省委, 沙市, 国的
    j = i
    while j < len(text) and j - i < MAX_FOREIGN and text[j] in lex.foreign_chars:
        j += 1
    ends.extend(e for e in range(j, i + 1, -1) if e not in ends)
    return sorted(ends, reverse=True)


KOREAN_JAE = "在"
"""재 (jae), common in Korean given names (文在寅, 柳吉在, 池在龙), and elsewhere a follower."""


def read_korean(text: str, i: int, lex: Lexicon) -> int | None:
    """A Korean name after a Korean post: a surname and two given-name characters.

    Korean names nearly always have three characters, often with 在 or a character
    rare in Chinese names, so where the post says Korea, 文在寅表示 gives 文在寅, 柳吉在发表
    gives 柳吉在 (not 柳吉 before 在) and 朴槿惠在青瓦台 gives 朴槿惠. Used only after such
    a post, where the rules read no name or a shorter one.
    """
    if i >= len(text) or text[i] not in lex.surnames or lex.not_names.longest_at(text, i):
        return None
    given = text[i + 1 : i + 3]
    if len(given) != 2 or not all(is_cjk(c) for c in given) or title_at(text, i + 1, lex) is not None:
        return None
    if not any(c in lex.given_chars for c in given):
        return None  # one known character at least: 朴槿惠 (槿 is rare), not any two
    if text[i] in lex.followers or any(c != KOREAN_JAE and c in lex.followers for c in given):
        return None  # 领导人向中国…, 前领导人曾致力于…: function words, not a name
    end = i + 3
    if any(
        (w := lex.not_names.longest_at(text, k)) is not None and k + len(w) > end for k in range(i + 1, end)
    ) or cut_from_place(text, i, end, lex):
        return None  # 领导人怀着共同…: the reading ends inside a word
    return end if ends_name(text, end, lex) else None


def _read_japanese(text: str, i: int, lex: Lexicon) -> int | None:
    """A Japanese name after a post: a listed family name plus one to three characters.

    首相安倍晋三在, 官房长官菅义伟表示: the shortest reading that ends where a name may end.
    """
    for n in (3, 2, 1):
        family = text[i : i + n]
        if len(family) == n and family in lex.japanese_surnames:
            break
    else:
        return None
    if lex.followers.longest_at(text, i + n) is not None and ends_name(text, i + n, lex):
        return i + n  # 首相安倍在对话会上: the family name alone, then a follower
    for given in (1, 2, 3):
        end = i + n + given
        if end > len(text) or not is_cjk(text[end - 1]) or title_at(text, i + n, lex) is not None:
            return None
        if lex.followers.longest_at(text, end - 1) is not None and given > 1:
            return None  # the name would swallow a word after it
        if ends_name(text, end, lex):
            return end
    return None


def _read_ambiguous_three(text: str, i: int, lex: Lexicon) -> int | None:
    """A surname that is also a word (文, 和, 于) with two given characters, after a post.

    韩国总统文在寅在首尔 / 文在寅。: believed only with two known given-name characters, no
    numeral, the last one no function word, and a name end right after them.
    """
    if i >= len(text) or text[i] not in lex.ambiguous_surnames or text[i] in lex.followers:
        return None  # 和, 于, 向 are read as the conjunction or preposition they mostly are
    given = text[i + 1 : i + 3]
    if len(given) != 2 or not all(c in lex.given_chars and c not in NUMERALS for c in given):
        return None
    if lex.followers.longest_at(text, i + 2) is not None or lex.prefix_breaks.longest_at(text, i + 2):
        return None
    if title_at(text, i + 1, lex) is not None or title_at(text, i + 2, lex) is not None:
        return None
    if _ends_like_organisation(text[i : i + 3], lex) or lex.organisation_suffixes.longest_at(text, i + 1):
        return None  # 和省委
    return i + 3 if ends_name(text, i + 3, lex) else None


def _read_common_three(text: str, i: int, lex: Lexicon) -> int | None:
    """A 3-character name of common characters, where nothing after it marks its end.

    Followers cannot list every verb (吴怀泰测出, 胡锦涛委托), so right after a post a name
    made of an unambiguous surname and two very common given-name characters is accepted
    on its own.
    """
    surname = surname_at(text, i, lex)
    if surname is None or len(surname) != 1 or surname in lex.ambiguous_surnames:
        return None
    given = text[i + 1 : i + 3]
    if len(given) != 2 or not all(c in lex.common_given_chars and c not in NUMERALS for c in given):
        return None
    if i + 3 < len(text) and text[i + 3] == NAME_DOT:
        return None  # 罗伯特·马尔登 is a foreign name this reading cannot cover
    return i + 3
