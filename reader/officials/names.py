"""Reading a Chinese personal name at a position in the text, and the tests every reader shares.

Chinese has no spaces, so where a name ends is decided by what follows it: a name is
accepted only where it ends at punctuation, the end of the text, a post, an honorific or
a "follower" word (宣读, 主持, 在, 和 …). Of the readings that end there, the shortest
wins: 王锋宣读 gives 王锋 (not 王锋宣), 李亦军出席 gives 李亦军 (李亦 is followed by 军,
which cannot follow a name). Foreign and minority names are read in `foreign_names`, the
name after a post (which tries every reader) in `name_after_post`.
"""

from __future__ import annotations

from reader.officials.lexicon import Lexicon

NAME_DOT = "·"
"""Joins the parts of a transliterated foreign name (弗拉基米尔·普京)."""


NAME_DASH = "—"
"""Some papers join the parts with one dash instead (约翰—格伦); two (——) are punctuation."""


NUMERALS = frozenset("〇一二三四五六七八九十百千万两")


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
    return k + len(t) if t and not inside_body_word(text, k, t, lex) else None


def inside_body_word(text: str, k: int, title: str, lex: Lexicon) -> bool:
    """Whether the post word `title` at `k` only begins a body's or a meeting's name
    (常委会领导, 主任会议, 董事会): no post of a person."""
    body = lex.title_bodies.longest_at(text, k)
    return body is not None and len(body) > len(title)


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
        return not (len(follower) == 1 and follower in lex.open_followers and closing_at(text, j + 1))
    if lex.honorifics.longest_at(text, j) is not None:
        return True
    if verb_at(text, j, lex):
        return True
    if not allow_title or title_at(text, j, lex) is None:
        return False
    # 廉政委员会主席: 委员 there begins an organisation (委员会), not a post after a name.
    org = lex.organisation_suffixes.longest_at(text, j)
    return org is None or len(org) <= len(lex.titles.longest_at(text, j) or "")


def verb_at(text: str, j: int, lex: Lexicon) -> bool:
    """Whether a common two-character verb or adverb (verbs.yaml) opens at `j` after a name.

    王珅爬山越岭, 程轮回顾: no follower list names every verb. In 赵四辈出席 the "verb" 辈出
    overlaps a listed word (出席) that ends the longer reading, so it does not count.
    """
    return text[j : j + 2] in lex.verbs and len(lex.followers.longest_at(text, j + 1) or "") < 2


def strong_end(text: str, j: int, lex: Lexicon) -> bool:
    """Punctuation, the end, or a follower of two or more characters (出席, 表示) at `j`.

    Names whose surname is also a common word (和, 国, 满 …) must end like this:
    女王和明仁天皇, 成员国于3月, 总理满意地说 are not names.
    """
    if _hard_stop(text, j) or lex.honorifics.longest_at(text, j) is not None:
        return True  # 代侃让同志: an honorific closes a name as surely as punctuation
    follower = lex.followers.longest_at(text, j)
    if follower is not None and len(follower) > 1:
        return True
    # 县委书记朱晞颜和县长刘某: a conjunction and then a post close the name before them.
    return j + 1 < len(text) and text[j] in "和与及" and title_at(text, j + 1, lex) is not None


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
        if ends_like_organisation(name, lex):
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
        if ambiguous and n == 1 and text[i:end] in lex.verbs:
            continue  # 书记树立了, 主任曾经: a word-like surname and one character that make a verb
        if (
            ambiguous
            and not _common_given(given, lex)
            and not _closed_three(text, given, end, lex)
            and not _name_only_three(text, given, end, lex)
        ):
            # 高云江说, 于世平( : a surname that is also a common word needs a given name
            # of common name characters (商量过, 满意地说, 国于 are not names), unless
            # punctuation closes three characters (副委员长万鄂湘，).
            continue
        if ambiguous and not strong_end(text, end, lex) and _weak_follower(text, end, lex):
            continue  # 女王和明仁天皇, 院长向新同学: no word a name ends at after such a "name"
        if ends_name(text, end, lex, allow_title=allow_title):
            if strict and ends_like_organisation(text[i:end], lex):
                return None
            if first_fit is not None and _office_verb_third(text, end, lex):
                return first_fit  # 师长曹勇提任司令员: 提任 is the verb, 曹勇 the name
            return end
        if n == 1:
            first_fit = end
    if first_fit is not None and _weak_third(text, first_fit, lex):
        # 郭涛回到: 郭涛回 only "ends" at the one-character follower 到, and 回 is rare in
        # names, so the 2-character reading is the better guess.
        return first_fit
    return None


OFFICE_VERB_END = "任"
"""提任, 调任, 出任, 转任: verbs of office end in 任; the character before it is the verb's."""


def _office_verb_third(text: str, end: int, lex: Lexicon) -> bool:
    """Whether a three-character reading's last character and the 任 after it make a verb of
    office and that character is rare in names (提, 调, 出, 转: 曹勇提任 is 曹勇 提任; 升 and
    连 are common given characters, so 湛东升任 keeps 湛东升)."""
    return (
        text[end : end + 1] == OFFICE_VERB_END
        and text[end + 1 : end + 2] not in "务期命免职"  # 任务, 任期: the noun after a name
        and text[end - 1] not in lex.common_given_chars
    )


def _closed_three(text: str, given: str, end: int, lex: Lexicon) -> bool:
    """Two given-name characters, neither a function word, closed by punctuation or an
    honorific at `end` (万鄂湘，, 代侃让同志)."""
    return (
        len(given) == 2
        and (_hard_stop(text, end) or lex.honorifics.longest_at(text, end) is not None)
        and not ends_like_organisation(text[end - 3 : end], lex)  # 部长白山区，
        and not any(lex.followers.longest_at(c, 0) or lex.prefix_breaks.longest_at(c, 0) for c in given)
        and not any(c in lex.verb_endings for c in given)  # 主任商量过，
    )


def _name_only_three(text: str, given: str, end: int, lex: Lexicon) -> bool:
    """Two given-name characters, the second one that ends names and no common word (斌, 婷),
    closed by punctuation or a follower of two or more characters: 副县长于有斌致辞 (有 is a
    function character, but 有斌 a given name)."""
    return (
        len(given) == 2
        and given[1] in lex.name_only_chars
        and is_cjk(given[0])
        and strong_end(text, end, lex)
        and not ends_like_organisation(text[end - 3 : end], lex)
    )


def _weak_follower(text: str, j: int, lex: Lexicon) -> bool:
    """No follower at `j`, or a one-character one that opens a longer word (同 of 同学)."""
    follower = lex.followers.longest_at(text, j)
    if follower is None:
        return True
    return len(follower) == 1 and text[j : j + 2] in lex.weak_followers


def ends_like_organisation(name: str, lex: Lexicon) -> bool:
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


def closing_at(text: str, j: int) -> bool:
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
