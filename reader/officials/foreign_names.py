"""Reading foreign, minority and East Asian names: 普京, 弗拉基米尔·普京, 扎西次仁, 阿不都热依木·买买提,
安倍晋三, 文在寅.

They have no Chinese surname (or one used differently), so each reader has its own evidence: a
run of transliteration characters, the · between parts, listed name parts, a listed family name,
or a Korean post before the name.
"""

from __future__ import annotations

import re

from reader.officials.lexicon import Lexicon
from reader.officials.names import (
    NAME_DASH,
    NAME_DOT,
    closing_at,
    ends_name,
    is_cjk,
    strong_end,
    surname_at,
    title_at,
)

MAX_FOREIGN = 16


REGNAL = re.compile("[一二三四五六七八九十]+世")
"""A regnal number after a monarch's name (胡安·卡洛斯一世, 伊丽莎白二世)."""


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


def dot_ahead(text: str, i: int) -> bool:
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
    if any(
        len(lex.followers.longest_at(text, m) or "") > 1 and not _in_syllable(text, i, m, lex)
        for m in range(i + 2, j - 2)
    ):
        return None  # 习近平致电哈维尔·米莱: a verb inside the first part ends a name before it
    if (
        k - j <= 8
        and closing_at(text, k)
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


VIETNAMESE_MIDDLE = "氏"
"""The middle word of a Vietnamese woman's name (阮氏金银, 邓氏玉盛)."""


def read_joined_surnames(text: str, i: int, lex: Lexicon) -> int | None:
    """End of a four-character name of two surnames and two given characters, or of a
    Vietnamese woman's name (surname, 氏, one or two given characters), or None.

    林郑月娥, 范徐丽泰 (Hong Kong: a husband's surname before one's own) and 阮氏金银 are
    longer than a Chinese reading goes; they are believed only where the whole name ends
    where a name may end, and for two surnames only with known given-name characters.
    """
    if i + 3 > len(text) or text[i] not in lex.surnames or text[i] in lex.ambiguous_surnames:
        return None
    if text[i + 1] == VIETNAMESE_MIDDLE:
        for end in (i + 3, i + 4):
            given = text[i + 2 : end]
            if len(given) == end - i - 2 and all(is_cjk(c) for c in given) and ends_name(text, end, lex):
                return end
        return None
    second = text[i + 1]
    if second not in lex.surnames or second in lex.ambiguous_surnames or i + 4 > len(text):
        return None
    given = text[i + 2 : i + 4]
    if all(c in lex.given_chars for c in given) and ends_name(text, i + 4, lex, allow_title=False):
        return i + 4
    return None


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
    if len(ends) >= 2 and ends[-1] - i >= 4 and _cannot_go_on(text, ends[-1], lex):
        # 达娃平措第一件事: two whole listed parts, then a character no name continues with,
        # end the name even where no follower word says so.
        return ends[-1]
    return None


def _cannot_go_on(text: str, j: int, lex: Lexicon) -> bool:
    """Whether `text[j]` is a character no name part continues with (no common given-name,
    transliteration or minority-part character)."""
    if j >= len(text) or not is_cjk(text[j]):
        return True
    ch = text[j]
    return (
        ch not in lex.common_given_chars
        and ch not in lex.foreign_chars
        and lex.minority_syllables.longest_at(text, j) is None
    )


BOUNDED_FOREIGN = range(3, 9)
"""Lengths of a foreign name read only because punctuation closes it (呼日勒苏赫、)."""


def read_bounded_foreign(text: str, i: int, lex: Lexicon) -> int | None:
    """End of a transliteration that punctuation closes, one character off the lists at most.

    蒙古国总统呼日勒苏赫、, 乌克兰总理亚采纽克29号: no reading ends at a listed word, but the
    run stops at punctuation or a digit and is made of transliteration characters but one
    (日, 采), with no word a name never holds inside it.
    """
    j = i
    while j < len(text) and j - i <= BOUNDED_FOREIGN[-1] and (is_cjk(text[j]) or text[j] == NAME_DOT):
        j += 1
    if j - i not in BOUNDED_FOREIGN or (j < len(text) and (is_cjk(text[j]) or text[j] == NAME_DOT)):
        return None
    if text[j - 1] == NAME_DOT or text[i] not in lex.foreign_chars or text[j - 1] not in lex.foreign_chars:
        return None
    if sum(ch not in lex.foreign_chars and ch != NAME_DOT for ch in text[i:j]) > 1:
        return None
    for k in range(i, j):
        for words in (lex.followers, lex.not_names, lex.titles, lex.organisation_suffixes):
            w = words.longest_at(text, k)
            if w is not None and (len(w) > 1 or k > i):
                return None  # 总统府发言人、, 主席团成员。: words, not a name
    return j


def whole_transliteration(text: str, i: int, end: int, lex: Lexicon) -> int:
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


def read_japanese(text: str, i: int, lex: Lexicon) -> int | None:
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
