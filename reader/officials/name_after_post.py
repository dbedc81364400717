"""The name printed right after a post (市长柳鹏, 总统普京, 州长扎西次仁): every reader, in order.

Chinese readings first, then dotted, minority, Japanese and transliterated ones; a reading is
refused when it ends inside a word that is no name, is (part of) a place, is a surname and a
form of address (方总), or a street (市长寿路1118号).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from reader.officials.foreign_names import (
    MAX_FOREIGN,
    REGNAL,
    cut_from_place,
    dot_ahead,
    read_bounded_foreign,
    read_dotted,
    read_foreign,
    read_japanese,
    read_joined_surnames,
    read_minority,
    whole_transliteration,
)
from reader.officials.lexicon import Lexicon
from reader.officials.names import (
    NAME_DOT,
    NUMERALS,
    ends_like_organisation,
    ends_name,
    is_cjk,
    plausible_chinese,
    read_chinese,
    surname_at,
    title_at,
)
from reader.officials.rules import ALL_RULES, RuleSet


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
    if rules.on("dotted_names") and dot_ahead(text, i):
        # A transliteration reads its own end (迈克尔·米切尔感叹); other dotted names need the dot.
        end = read_foreign(text, i, lex) if rules.on("foreign_names") else None
        end = end if end is not None and NAME_DOT in text[i:end] else read_dotted(text, i, lex)
        if end is not None and (m := REGNAL.match(text, end)) is not None:
            end = m.end()  # 国王胡安·卡洛斯一世
    if end is None and rules.on("minority_names"):
        end = read_minority(text, i, lex)
    if end is None and rules.on("japanese_names"):
        end = read_japanese(text, i, lex)
    if end is None:
        end = read_chinese(text, i, lex)
        if end is not None and rules.on("whole_transliterations"):
            end = whole_transliteration(text, i, end, lex)
        if end is not None and confirmed is not None and rules.on("confirmed_longer"):
            end = _confirmed_longer(text, i, end, lex, confirmed)
    if end is None and rules.on("joined_surnames"):
        end = read_joined_surnames(text, i, lex)
    if end is None and rules.on("foreign_names"):
        end = read_foreign(text, i, lex)
        if end is not None and (m := REGNAL.match(text, end)) is not None:
            end = m.end()  # 国王胡安·卡洛斯一世
    if end is None and rules.on("whole_transliterations") and text[i] in lex.surnames:
        end = whole_transliteration(text, i, i + 1, lex)  # 范德贝伦表示: a surname character opens it
        end = end if end - i >= 4 else None
    if end is None and rules.on("bounded_foreign"):
        end = read_bounded_foreign(text, i, lex)
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


def _confirmed_longer(text: str, i: int, end: int, lex: Lexicon, confirmed: Callable[[str], bool]) -> int:
    """院长杨近铬就…: a rare third character is taken into the name where the article prints
    the three characters elsewhere where a name ends (院领导胡长春、杨近铬、…).

    Only a third character that is no common name character, no word after a name
    (王涛说) and no post can be added this way.
    """
    if end - i != 2 or end >= len(text) or not is_cjk(text[end]) or text[end] in lex.common_given_chars:
        return end
    if lex.followers.longest_at(text, end) is not None or title_at(text, end, lex) is not None:
        return end
    return end + 1 if confirmed(text[i : end + 1]) else end


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
    if ends_like_organisation(text[i : i + 3], lex) or lex.organisation_suffixes.longest_at(text, i + 1):
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
