"""The word lists the officials extractor works from, loaded from YAML data files.

The lists live in `reader/officials/data/*.yaml` so that a linguist can extend them
without touching code; a user may add entries through `officials.yaml` in the config
directory (`reader.locations.config_dir()`), whose lists are *added* to the bundled ones.
Everything is read once per process (`load_lexicon` is cached): extraction must stay
fast, and the files never change while reader runs. Call `load_lexicon.cache_clear()`
after changing the overlay (tests do). The overlay is read by `reader.data_overlay`,
like every overlay: a broken one is reported in one line (`overlay_problem`) and left out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.data_overlay import load_with_overlay, read_yaml
from reader.officials.errors import LexiconError as LexiconError
from reader.officials.overlay import OVERLAY_NAME

DATA_DIR = Path(__file__).resolve().parent / "data"
Lists = dict[str, list[str]]

DATA_FILES = (
    "titles.yaml",
    "surnames.yaml",
    "given_names.yaml",
    "names.yaml",
    "roles.yaml",
    "places.yaml",
    "verbs.yaml",
    "divisions.yaml",
)

# Keys whose value is one string of characters rather than a list of words.
CHAR_KEYS = frozenset(
    {
        "single",
        "extra",
        "ambiguous",
        "given_chars",
        "common_given_chars",
        "name_only_chars",
        "foreign_chars",
        "open_followers",
        "place_chars",
        "post_noun_marks",
        "given_name_endings",
        "verb_endings",
    }
)
# Keys whose value is one string of words separated by spaces (long lists read fast that way).
WORD_STRING_KEYS = frozenset({"verbs", "divisions"})
LIST_KEYS = frozenset(
    {
        "titles",
        "after_name_titles",
        "modifiers",
        "former_markers",
        "chain_separators",
        "honorifics",
        "organisation_suffixes",
        "compound",
        "followers",
        "not_names",
        "prefix_breaks",
        "prefix_keep",
        "byline_cues",
        "role_words",
        "short_form_traps",
        "appointment_cues",
        "copulas",
        "country_suffixes",
        "japanese_surnames",
        "honorific_traps",
        "title_traps",
        "places",
        "former_cues",
        "past_cues",
        "collective_titles",
        "minority_syllables",
        "private_bodies",
        "appointing_verbs",
        "address_terms",
        "removal_verbs",
        "former_traps",
        "weak_followers",
        "public_bodies",
        "group_designations",
        "list_openers",
        "post_notes",
        "firm_endings",
        "private_firm_marks",
        "state_firm_marks",
        "title_bodies",
        "association_posts",
        "institution_posts",
    }
)


@dataclass(frozen=True, slots=True)
class WordSet:
    """A set of words with the length range needed to test "does a word start/end here"."""

    words: frozenset[str]
    max_len: int
    firsts: frozenset[str]
    """First characters of the words: most positions are rejected by one set lookup."""
    lasts: frozenset[str]
    by_first: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)
    """For each first character, the lengths of the words starting with it, longest first:
    a lookup slices the text only at lengths that can match (speed on megabyte inputs)."""
    by_last: dict[str, tuple[int, ...]] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, words: Iterable[str]) -> WordSet:
        ws = frozenset(w for w in words if w)
        by_first: dict[str, set[int]] = {}
        by_last: dict[str, set[int]] = {}
        for w in ws:
            by_first.setdefault(w[0], set()).add(len(w))
            by_last.setdefault(w[-1], set()).add(len(w))
        return cls(
            ws,
            max((len(w) for w in ws), default=0),
            frozenset(by_first),
            frozenset(by_last),
            {c: tuple(sorted(ns, reverse=True)) for c, ns in by_first.items()},
            {c: tuple(sorted(ns, reverse=True)) for c, ns in by_last.items()},
        )

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def longest_at(self, text: str, i: int) -> str | None:
        """The longest word that starts at `text[i]`, if any."""
        if i >= len(text):
            return None
        lengths = self.by_first.get(text[i])
        if lengths is None:
            return None
        for n in lengths:
            w = text[i : i + n]
            if len(w) == n and w in self.words:
                return w
        return None

    def longest_ending_at(self, text: str, j: int) -> str | None:
        """The longest word that ends just before `text[j]`, if any."""
        if j <= 0 or j > len(text):
            return None
        lengths = self.by_last.get(text[j - 1])
        if lengths is None:
            return None
        for n in lengths:
            if n <= j and (w := text[j - n : j]) in self.words:
                return w
        return None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every list the extractor consults, as fast lookup structures."""

    titles: WordSet
    after_name_titles: WordSet
    modifiers: WordSet
    former_markers: tuple[str, ...]
    chain_separators: frozenset[str]
    honorifics: WordSet
    organisation_suffixes: WordSet
    surnames: frozenset[str]
    ambiguous_surnames: frozenset[str]
    compound_surnames: frozenset[str]
    given_chars: frozenset[str]
    common_given_chars: frozenset[str]
    followers: WordSet
    not_names: WordSet
    prefix_breaks: WordSet
    prefix_keep: tuple[str, ...]
    foreign_chars: frozenset[str]
    byline_cues: WordSet
    role_words: WordSet
    short_form_traps: frozenset[str]
    appointment_cues: WordSet
    copulas: WordSet
    country_suffixes: frozenset[str]
    japanese_surnames: frozenset[str] = frozenset()
    open_followers: frozenset[str] = frozenset()
    place_chars: frozenset[str] = frozenset()
    honorific_traps: WordSet = field(default_factory=lambda: WordSet.of(()))
    title_traps: WordSet = field(default_factory=lambda: WordSet.of(()))
    places: WordSet = field(default_factory=lambda: WordSet.of(()))
    post_noun_marks: frozenset[str] = frozenset()
    former_cues: WordSet = field(default_factory=lambda: WordSet.of(()))
    past_cues: WordSet = field(default_factory=lambda: WordSet.of(()))
    collective_titles: frozenset[str] = frozenset()
    """Titles that are posts only with a level or body attached (市领导, 校领导): also in `titles`."""
    minority_syllables: WordSet = field(default_factory=lambda: WordSet.of(()))
    private_bodies: tuple[str, ...] = ()
    appointing_verbs: WordSet = field(default_factory=lambda: WordSet.of(()))
    address_terms: WordSet = field(default_factory=lambda: WordSet.of(()))
    """Forms of address after a surname (方总, 贾先生, 马女士): what they follow is no full name."""
    removal_verbs: WordSet = field(default_factory=lambda: WordSet.of(()))
    """免去, 辞去: VERB NAME 的 POST 职务 and NAME 辞去 POST 职务 give the name that post."""
    former_traps: WordSet = field(default_factory=lambda: WordSet.of(()))
    """Words holding a former marker that mark nothing (太原, 高原, 前进): 太原市委书记 is no former post."""
    weak_followers: frozenset[str] = frozenset()
    """Words a one-character follower opens that end no name (同学 after 院长向新: 向 is the preposition)."""
    name_only_chars: frozenset[str] = frozenset()
    """Characters ending given names and almost no word (斌, 婷): 于有斌 after a post is a name."""
    public_bodies: tuple[str, ...] = ()
    verb_endings: frozenset[str] = frozenset()
    group_designations: tuple[str, ...] = ()
    """Words naming a group (领导, 领导人, 班子成员): `list_openers` may stand before their names."""
    list_openers: WordSet = field(default_factory=lambda: WordSet.of(()))
    post_notes: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    firm_endings: tuple[str, ...] = ()
    """Words ending a firm's name (集团, 公司): where `private_firm_marks` and `state_firm_marks` apply."""
    private_firm_marks: tuple[str, ...] = ()
    """Words in a firm's name that mark it private (科技, 实业, 股份有限公司, 房地产)."""
    state_firm_marks: tuple[str, ...] = ()
    """Words in a firm's name that mark it state-owned (中国, 国网, 城投, 电力): these win."""
    """Two-character verbs, adverbs and prepositions a name may end before (爬山, 回顾, 定于)."""
    """Notes printed in brackets between a post and its name (院长（兼）赵某, 副书记（正县级）)."""
    """有, 包括, 分别是: between a group's designation and its list of names (市领导有：A、B)."""
    """Aspect marks and complements that end verbs (商量过, 看完): no name's given characters."""
    """Names that hold a private body's word yet are public (人民协商会议, 联合国…基金会)."""
    title_bodies: WordSet = field(default_factory=lambda: WordSet.of(()))
    """Bodies and meetings whose names begin with a post word (常委会, 主任会议): no post there."""
    association_posts: frozenset[str] = frozenset()
    """Posts any association has (秘书长, 理事): chained after a private body's post, they are its."""
    institution_posts: frozenset[str] = frozenset()
    """Bare posts a school, hospital or firm has (院长, 副董事长): in a private body's list, they are its."""
    given_name_endings: frozenset[str] = frozenset()
    """Organisation endings that end many given names too (军: 解放军, 王建军): no evidence against a name."""
    pass1_words: WordSet = field(default_factory=lambda: WordSet.of(()))
    """Byline cues, role words and titles together: one lookup rejects most positions."""
    pass1_starts: re.Pattern[str] = re.compile("(?!)")
    """Characters where a byline cue, a role word or a title may start (pass 1 jumps between them)."""
    pass2_starts: re.Pattern[str] = re.compile("(?!)")
    """Characters where an honorific, a modifier or a title may start (pass 2)."""


def _read(path: Path) -> Lists:
    """One lexicon file's lists, checked; LexiconError (one line naming the file) if unusable."""
    data: Any = read_yaml(path, LexiconError)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise LexiconError(f"{path.name}: must be a mapping of key: list, not {type(data).__name__}")
    lists: Lists = {}
    for key, value in data.items():
        if key in CHAR_KEYS:
            if not isinstance(value, str):
                raise LexiconError(f"{path.name}: {key!r} must be a string of characters")
            lists[key] = [c for c in value if not c.isspace()]
        elif key in WORD_STRING_KEYS:
            if not isinstance(value, str):
                raise LexiconError(f"{path.name}: {key!r} must be a string of words separated by spaces")
            lists[key] = value.split()
        elif key in LIST_KEYS:
            if value is None:
                continue
            if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
                raise LexiconError(f"{path.name}: {key!r} must be a list of words")
            lists[key] = [str(v).strip() for v in value]
        else:
            known = ", ".join(sorted(CHAR_KEYS | LIST_KEYS | WORD_STRING_KEYS))
            raise LexiconError(f"{path.name}: unknown key {key!r} (known keys: {known})")
    return lists


def _extend(base: Lists, extra: Lists) -> Lists:
    """Lists of several files together: the entries of `extra` are added, never replace."""
    merged = {key: list(words) for key, words in base.items()}
    for key, words in extra.items():
        merged.setdefault(key, []).extend(words)
    return merged


_overlay_problem: str | None = None


def _holding_breaks(places: list[str], breaks: WordSet) -> tuple[str, ...]:
    """The places that hold a prefix break (大同, 茂名): only those are kept whole, the rest
    need no keeping, and a short list keeps the break lookups fast."""
    return tuple(p for p in places if any(breaks.longest_at(p, k) for k in range(len(p))))


@functools.cache
def load_lexicon() -> Lexicon:
    """The bundled lexicon plus the user's overlay, loaded once per process.

    A broken overlay is left out (see `overlay_problem`); a broken bundled file is a bug
    in reader and raises LexiconError.
    """
    global _overlay_problem
    merged, _overlay_problem = load_with_overlay(
        [DATA_DIR / name for name in DATA_FILES],
        OVERLAY_NAME,
        read=_read,
        merge=_extend,
        error=LexiconError,
        fallback="using the bundled lexicon",
    )

    def get(key: str) -> list[str]:
        return merged.get(key, [])

    titles = get("titles") + get("collective_titles")
    breaks = WordSet.of(get("prefix_breaks"))
    singles = frozenset(get("single")) | frozenset(get("extra"))
    return Lexicon(
        titles=WordSet.of(titles),
        after_name_titles=WordSet.of(get("after_name_titles")),
        modifiers=WordSet.of(get("modifiers")),
        former_markers=tuple(get("former_markers")),
        chain_separators=frozenset(get("chain_separators")),
        honorifics=WordSet.of(get("honorifics")),
        organisation_suffixes=WordSet.of(get("organisation_suffixes")),
        surnames=singles,
        ambiguous_surnames=frozenset(get("ambiguous")),
        compound_surnames=frozenset(get("compound")),
        given_chars=frozenset(get("given_chars")),
        common_given_chars=frozenset(get("common_given_chars")),
        followers=WordSet.of(get("followers")),
        not_names=WordSet.of(get("not_names")),
        prefix_breaks=breaks,
        # 阿尔及利亚, 大同市: 及 and 同 break nothing inside a place's name
        prefix_keep=tuple(get("prefix_keep"))
        + tuple(get("places"))
        + _holding_breaks(get("divisions"), breaks),
        foreign_chars=frozenset(get("foreign_chars")),
        byline_cues=WordSet.of(get("byline_cues")),
        role_words=WordSet.of(get("role_words")),
        short_form_traps=frozenset(get("short_form_traps")),
        appointment_cues=WordSet.of(get("appointment_cues")),
        copulas=WordSet.of(get("copulas")),
        country_suffixes=frozenset(get("country_suffixes")),
        japanese_surnames=frozenset(get("japanese_surnames")),
        open_followers=frozenset(get("open_followers")),
        place_chars=frozenset(get("place_chars")),
        honorific_traps=WordSet.of(get("honorific_traps")),
        title_traps=WordSet.of(get("title_traps")),
        places=WordSet.of(get("places")),
        post_noun_marks=frozenset(get("post_noun_marks")),
        former_cues=WordSet.of(get("former_cues")),
        past_cues=WordSet.of(get("past_cues")),
        collective_titles=frozenset(get("collective_titles")),
        minority_syllables=WordSet.of(get("minority_syllables")),
        private_bodies=tuple(get("private_bodies")),
        appointing_verbs=WordSet.of(get("appointing_verbs")),
        address_terms=WordSet.of(get("address_terms")),
        removal_verbs=WordSet.of(get("removal_verbs")),
        given_name_endings=frozenset(get("given_name_endings")),
        title_bodies=WordSet.of(get("title_bodies")),
        association_posts=frozenset(get("association_posts")),
        institution_posts=frozenset(get("institution_posts")),
        former_traps=WordSet.of(get("former_traps")),
        weak_followers=frozenset(get("weak_followers")),
        name_only_chars=frozenset(get("name_only_chars")),
        public_bodies=tuple(get("public_bodies")),
        verb_endings=frozenset(get("verb_endings")),
        group_designations=tuple(get("group_designations")),
        list_openers=WordSet.of(get("list_openers")),
        post_notes=frozenset(get("post_notes")),
        verbs=frozenset(get("verbs")),
        firm_endings=tuple(get("firm_endings")),
        private_firm_marks=tuple(get("private_firm_marks")),
        state_firm_marks=tuple(get("state_firm_marks")),
        pass1_words=WordSet.of([*get("byline_cues"), *get("role_words"), *titles]),
        pass1_starts=_starts(get("byline_cues"), get("role_words"), titles),
        pass2_starts=_starts(get("honorifics"), get("modifiers"), titles),
    )


def overlay_problem() -> str | None:
    """One line on what is wrong with the user's officials.yaml (then left out), or None.

    Officials are found while reading and while indexing, so a broken overlay must not
    stop either; the app and the CLI report this line instead.
    """
    load_lexicon()
    return _overlay_problem


def _starts(*lists: list[str]) -> re.Pattern[str]:
    """A character class of the first characters of the words in `lists`."""
    return char_class({w[0] for words in lists for w in words if w})


def char_class(chars: Iterable[str]) -> re.Pattern[str]:
    """A pattern matching any one of `chars` (never matching when there are none)."""
    body = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(f"[{body}]") if body else re.compile("(?!)")
