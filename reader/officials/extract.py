"""Find the officials an article names, with their posts and every mention.

Rule-based, in passes over the body paragraphs:

1. Posts before names: every title word followed by a name gives a person with the
   chain of posts printed before it (市委副书记、市长柳鹏); names joined by 、 after it
   share those posts (副省长张三、李四). Bylines (记者 赵明霞) and role words (村民王某)
   give people who are not officials.
2. Posts after names: a title word with no name after it may follow one (习近平总书记,
   X同志). A name already known from pass 1 is trusted; otherwise the name must be
   plausible and stand where a name can start.
3. Mentions: every later printing of a known full name (郑亚军指出), and short forms
   surname + title (习总书记, 柳市长) linked to the one person they can mean.

Nothing here imports textual: the UI and the CLI both use it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.officials.lexicon import Lexicon, load_lexicon
from reader.officials.model import Mention, Official, OfficialsReport, OtherPerson
from reader.officials.names import (
    is_cjk,
    plausible_chinese,
    read_chinese,
    read_name_after_post,
    surname_at,
    title_at,
)
from reader.officials.posts import Post, chain_before, is_break_before, prefix_start

LIST_JOINERS = "、"
AGE_CLAUSE = re.compile(r"[，,]\s*\d{1,3}\s*岁\s*[，,]\s*$")
"""梅鼎荣，44岁，副镇长: an age between a name and its post."""
GROUP_COUNT = re.compile(r"等(?:\d+|[一二两三四五六七八九十]+)?[位名人]?$")
"""杨雄、李斌等8位代表: a list of names closed by 等 and a count before a shared post."""
BYLINE_GAP = " \u3000\u00a0：:"


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

    def __init__(self, paragraphs: Sequence[str], lex: Lexicon) -> None:
        self.paragraphs = paragraphs
        self.lex = lex
        self.people: dict[str, _Person] = {}
        # Spans already claimed by a person name, per paragraph, so a post pass never
        # reads a name out of another one.
        self.name_spans: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
        # Title words pass 1 already gave to a name after them; pass 2 skips them.
        self.used_titles: list[set[int]] = [set() for _ in paragraphs]

    def person(self, name: str) -> _Person:
        p = self.people.get(name)
        if p is None:
            p = self.people[name] = _Person(name)
        return p

    # -- pass 1 ---------------------------------------------------------------------
    def posts_before_names(self, pi: int, text: str) -> None:
        lex = self.lex
        i = 0
        floor = 0
        n = len(text)
        while i < n:
            cue = lex.byline_cues.longest_at(text, i) or lex.role_words.longest_at(text, i)
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
            name_at = t_end
            if text.startswith("的", t_end) and self._appointed(text, i, floor):
                name_at = t_end + 1  # 时任国家副主席的习近平
            name_end = read_name_after_post(text, name_at, lex)
            if name_end is None:
                i = t_end
                continue
            posts = chain_before(text, i, t_end, floor, lex)
            self._add_official(pi, name_at, name_end, posts)
            i = floor = self._shared_list(pi, text, name_end, posts)

    def _appointed(self, text: str, title_start: int, floor: int) -> bool:
        """Whether the post is introduced by an appointment word (时任, 当) that allows 的 before the name."""
        start = prefix_start(text, title_start, floor, self.lex)
        return self.lex.appointment_cues.longest_ending_at(text, start) is not None

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
                break
            if title_at(text, nxt, self.lex) >= 0:
                break
            self._add_official(pi, end + 1, nxt, posts)
            end = nxt
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

    # -- pass 2 ---------------------------------------------------------------------
    def posts_after_names(self, pi: int, text: str) -> None:
        lex = self.lex
        known = sorted(self.people, key=len, reverse=True)
        i = 0
        n = len(text)
        while i < n:
            hon = lex.honorifics.longest_at(text, i)
            t_end = -1 if hon else title_at(text, i, lex)
            if hon is None and t_end < 0:
                i += 1
                continue
            end = i + len(hon) if hon else t_end
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

    def _post_after_copula(self, pi: int, text: str, ts: int, te: int, known: list[str]) -> bool:
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
        elif (m := AGE_CLAUSE.search(text, 0, start)) is not None:
            name = self._name_ending_at(text, m.start(), known)
            if name is not None:
                names = [(m.start() - len(name), m.start())]
        elif (cop := lex.copulas.longest_ending_at(text, start)) is not None:
            name = self._name_ending_at(text, start - len(cop), known)
            if name is not None:
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

    def _name_ending_at(self, text: str, j: int, known: list[str]) -> str | None:
        for name in known:
            if text.endswith(name, 0, j):
                return name
        lex = self.lex
        for length in (3, 2):
            s = j - length
            if s < 0:
                continue
            cand = text[s:j]
            if surname_at(cand, 0, lex) is None or not plausible_chinese(cand, lex, strict=True):
                continue
            # 赞成李克强总理: a 3-character name with an unambiguous surname stands on its own;
            # a 2-character one needs something before it that ends a word.
            if length == 3 or is_break_before(text, s, lex):
                return cand
        return None

    # -- pass 3 ---------------------------------------------------------------------
    def mentions(self) -> tuple[dict[str, list[Mention]], dict[str, list[str]]]:
        """Every printing of each known name, plus short forms of officials' names."""
        spans: list[tuple[int, int, int, str, str | None]] = []
        for pi, text in enumerate(self.paragraphs):
            for name in self.people:
                start = text.find(name)
                while start >= 0:
                    spans.append((pi, start, start + len(name), name, None))
                    start = text.find(name, start + len(name))
            spans.extend(self._short_forms(pi, text))
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

    def _short_forms(self, pi: int, text: str) -> list[tuple[int, int, int, str, str | None]]:
        lex = self.lex
        officials = [p for p in self.people.values() if p.posts or p.honoured]
        by_surname: dict[str, list[_Person]] = {}
        for p in officials:
            sur = surname_at(p.name, 0, lex)
            if sur is not None and len(p.name) > len(sur):
                by_surname.setdefault(sur, []).append(p)
        out: list[tuple[int, int, int, str, str | None]] = []
        if not by_surname:
            return out
        for sur, people in by_surname.items():
            start = text.find(sur)
            while start >= 0:
                t_end = title_at(text, start + len(sur), lex)
                if t_end > 0 and not self._trap(text, start, sur):
                    title = text[start + len(sur) : t_end]
                    who = self._link(people, title)
                    if who is not None:
                        out.append((pi, start, t_end, who.name, text[start:t_end]))
                start = text.find(sur, start + 1)
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


def extract_officials(paragraphs: Sequence[str]) -> OfficialsReport:
    """The officials (in order of first mention) and other named people in an article body."""
    lex = load_lexicon()
    finder = _Finder(paragraphs, lex)
    for pi, text in enumerate(paragraphs):
        finder.posts_before_names(pi, text)
    for pi, text in enumerate(paragraphs):
        finder.posts_after_names(pi, text)
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
