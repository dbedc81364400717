"""What the extraction passes learn about one article, in one typed structure.

Every pass (`reader.officials.passes`) reads and adds to a `Findings`: the people found
so far with their posts, the spans of text already claimed by a name (so a later pass
never reads a name out of another one), the title words already given to a name, and
the posts left without one. The passes run in the fixed order `extract.PASSES` gives;
nothing else carries state between them.

The text is the headline (when given) followed by the body paragraphs. Internally they
are numbered from 0; `paragraph_number` turns an internal index into the report's, where
the body counts from 0 and the headline is -1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reader.officials.backends import NameSpans
from reader.officials.lexicon import Lexicon
from reader.officials.names import ends_name
from reader.officials.posts import Post
from reader.officials.rules import RuleSet

CONFIRM_WINDOW = 20_000
"""Characters either side of a paragraph searched for a second printing of a name."""


class PostAt(NamedTuple):
    """A post as printed in paragraph `paragraph` (internal index)."""

    paragraph: int
    start: int
    post: Post


class UnnamedPost(NamedTuple):
    """A title word pass 1 read no name after: `text[title_start:title_end]`, prefix floor `floor`."""

    paragraph: int
    title_start: int
    title_end: int
    floor: int


@dataclass(slots=True)
class Person:
    """What the passes learn about one name before the report is built."""

    name: str
    posts: list[PostAt] = field(default_factory=list)
    honoured: bool = False
    """Named with an honorific (X同志): an official even without a post."""
    role: str | None = None
    role_at: tuple[int, int] = (1 << 30, 0)
    """(paragraph, start) of the role word: the first printed role wins."""

    @property
    def is_official(self) -> bool:
        return bool(self.posts) or self.honoured


@dataclass(slots=True)
class Findings:
    """The state one extraction run shares between its passes."""

    paragraphs: Sequence[str]
    """The headline (when `has_headline`) and the body paragraphs."""
    lex: Lexicon
    rules: RuleSet
    names: NameSpans | None = None
    """An optional name backend asked where the rules read no name after a post."""
    has_headline: bool = False
    people: dict[str, Person] = field(default_factory=dict)
    name_spans: list[list[tuple[int, int]]] = field(default_factory=list)
    """Spans claimed by a person name, per paragraph."""
    used_titles: list[set[int]] = field(default_factory=list)
    """Ends of title words pass 1 gave to a name after them, per paragraph (pass 2 skips them)."""
    unnamed: list[UnnamedPost] = field(default_factory=list)
    name_lengths: set[int] = field(default_factory=set)
    """Lengths of the names in `people`, kept as they are added (a long text names hundreds)."""
    short_names: dict[str, str] = field(default_factory=dict)
    """A foreign name's last part printed alone, and the full name it stands for (理查森 -> 比尔·理查森)."""
    _counts: dict[tuple[str, int], bool] = field(default_factory=dict)
    _joined: str | None = None
    _offsets: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.name_spans = [[] for _ in self.paragraphs]
        self.used_titles = [set() for _ in self.paragraphs]

    def on(self, rule: str) -> bool:
        """Whether the named rule is in force for this run (the ablation bench turns rules off)."""
        return self.rules.on(rule)

    def paragraph_number(self, index: int) -> int:
        """The report's paragraph number for internal index `index` (the headline is -1)."""
        return index - 1 if self.has_headline else index

    # -- people ------------------------------------------------------------------------

    def person(self, name: str) -> Person:
        found = self.people.get(name)
        if found is None:
            found = self.people[name] = Person(name)
            self.name_lengths.add(len(name))
        return found

    def add_official(
        self, pi: int, start: int, end: int, posts: Sequence[Post], *, name: str | None = None
    ) -> None:
        """The name at `paragraphs[pi][start:end]` holds `posts`, printed before it.

        `name` is the name as a person's key where the print pads it (刘 军 is 刘军)."""
        person = self.person(name or self.paragraphs[pi][start:end])
        person.posts.extend(PostAt(pi, p.start, p) for p in posts)
        self.used_titles[pi].update(p.end for p in posts)
        self.name_spans[pi].append((start, end))

    def add_posts(self, pi: int, start: int, end: int, posts: Sequence[Post]) -> None:
        """The name at `[start:end]` holds `posts`, printed elsewhere in the paragraph (after it)."""
        self.person(self.paragraphs[pi][start:end]).posts.extend(PostAt(pi, p.start, p) for p in posts)
        self.name_spans[pi].append((start, end))

    def claimed_elsewhere(self, pi: int, start: int, end: int) -> bool:
        """Whether another name already covers part of `[start:end]` in paragraph `pi`."""
        return any(a < end and start < b and (a, b) != (start, end) for a, b in self.name_spans[pi])

    def rename(self, old: str, new: str) -> None:
        """`old` was a cut reading of `new` (杨洁 -> 杨洁篪): every span of it grows by one."""
        person = self.people.pop(old)
        person.name = new
        self.people[new] = person
        self.name_lengths.add(len(new))
        for pi, spans in enumerate(self.name_spans):
            text = self.paragraphs[pi]
            spans[:] = [
                (s, e + 1) if text[s:e] == old and text[s : e + 1] == new else (s, e) for s, e in spans
            ]

    # -- the text as a whole -----------------------------------------------------------

    def joined(self) -> str:
        """The paragraphs joined by line breaks (built once), with each one's offset in it."""
        if self._joined is None:
            self._joined = "\n".join(self.paragraphs)
            offset = 0
            for p in self.paragraphs:
                self._offsets.append(offset)
                offset += len(p) + 1
        return self._joined

    def confirmer(self, pi: int) -> Callable[[str], bool] | None:
        """`confirmed(name)` for names read in paragraph `pi` (None when the rule is off).

        The evidence for a name no rule reads on its own (李强乘包机: 乘 is no listed
        follower) is the same name elsewhere nearby (李强表示): printed at least twice
        within CONFIRM_WINDOW characters either side, once where a name may end. The text
        is joined once; a window keeps the search short in a megabyte-long text.
        """
        if not self.on("printed_twice"):
            return None
        self.joined()
        lo = max(0, self._offsets[pi] - CONFIRM_WINDOW)
        hi = self._offsets[pi] + len(self.paragraphs[pi]) + CONFIRM_WINDOW
        block = lo // CONFIRM_WINDOW

        def confirmed(name: str) -> bool:
            key = (name, block)
            seen = self._counts.get(key)
            if seen is None:
                seen = self._counts[key] = self._printed_cleanly(name, lo, hi)
            return seen

        return confirmed

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
