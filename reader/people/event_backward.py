"""The formulas told after their names (X任Y, X拟任Y, X不再担任Y) of reader.people.events:
who the run of text before each names, and the post it gives.

Why apart: the run before such a formula is where a notice's grammar varies most (a name,
a list, a titled name, 时任…的X, a pronoun, nothing at all when the clause before names the
person), and resolving it is one job. A formula with nothing before it is read after the
others of its clause, so that 李明拟任X，拟提名为Y gives Y to 李明.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable

from reader.people.event_dates import date_before
from reader.people.event_formulas import (
    ADVERBS,
    BACK_PERSONS,
    BACK_POSTS,
    BIO,
    CJK,
    LIST_SPLIT,
    NOISE,
    NUMBERED,
    PLACE_POST,
    PROMOTED,
    PRONOUNS,
    SPECULATION,
    TAKING_OVER,
    VOTES,
    WEAK,
)
from reader.people.event_names import (
    bare,
    called_name,
    clean_post,
    cleaned_runs,
    is_history,
    is_name,
    is_resume,
    known_tail,
    last_named,
    last_post,
    names_in,
    post_then_name,
    previous_subject,
    trailing_name,
    without_count,
)
from reader.people.model import Event, EventKind


@dataclasses.dataclass(frozen=True, slots=True)
class Context:
    """What a clause is read against: its sentence, the paragraph before it, the dates,
    the officials found, the person the sentence or paragraph opens with."""

    sentence: str
    before: str
    index: int
    article: dt.date | None
    default: str | None
    known: list[str]
    subject: re.Match[str] | None
    opener: str | None
    publicity: bool
    persons: list[str]
    weak: list[Event]


def run_of(clause: str, match: re.Match[str], taken: list[tuple[int, int]]) -> str:
    """The text between the formula before (or the clause's last break) and this one."""
    since = max((end for _start, end in taken if end <= match.start()), default=0)
    # 王小明（挂职）任, 王小明（女，1975年5月生）拟任
    aside = r"[（(](?:挂职|兼职|兼|[男女](?:[，,、][^）)]{1,30})?)[）)]"
    text = re.sub(aside, "", clause[since : match.start()])
    run = re.split(r"[，,：:（(“”\s【】《》「」]", text)[-1].lstrip("、")
    return re.sub(rf"^(?:{NUMBERED}|[一二三四五六七八九十\d]+[）)])", "", run)  # 1.王某任…, （三）王某当选…


NOT_COMRADES = frozenset(
    {"有关", "全体", "广大", "各位", "其他", "相关", "部分", "两位", "上述", "以上", "这位", "那位", "领导"}
)
"""Words before 同志 that name no one (有关同志任…)."""


def backward(
    clause: str,
    match: re.Match[str],
    kind: EventKind,
    pattern: re.Pattern[str],
    strict: bool,
    at: Context,
    taken: list[tuple[int, int]],
    told: list[tuple[int, list[str]]],
) -> Iterable[tuple[int, Event]]:
    """The events of one formula told after its names (X任Y), with its position."""
    run = run_of(clause, match, taken)
    if SPECULATION.search(NOISE.sub("", run)):
        return  # 王小明或将出任Y, 有望接任Y: a guess, no event
    if NOISE.sub("", run) in ("将", "即将", "将要"):
        return  # X担任A，将出任B: B is a step still to come (an election), told of no one else
    if TAKING_OVER.match(run):
        return  # X，接替Z兼任Y: Z is the one X succeeds (read by the formula of 接替)
    if "asked" in match.groupdict():
        accepted = match.group("asked") or re.search("接受|同意|批准", clause)
        if not accepted and re.match(r"[^，,。；;]{0,2}后", clause[match.end() :]):
            return  # 辞去…职务后回到家乡: a story; accepted, asked for or reported: an event
        run = re.sub(r"^.*?(?:审议|听取|收到|接到)(?:了|通过了)?", "", run)  # 会议审议了X关于辞去
    names = _names_of(run, clause, match.start(), strict, at, told, kind)
    moved = kind == "transferred" and (bool(re.fullmatch(r"[\d年月]+", run)) or run[:1] in "由从")
    if not names and moved:  # 2018年5月调任…, 由…转任…: the paragraph's person
        names = [at.opener] if at.opener else last_named(at.before + clause, [*at.known, *at.persons])
    if not names or is_resume(clause[: match.start()], "" if moved else run):
        return
    before_run = clause[: match.start() - len(run)]
    at.persons.extend(names)
    if kind == "appointed" and (is_history(before_run) or is_history(before_run + run)):
        return  # 2020年12月,他任宿迁市委副书记: a résumé
    taken.append(match.span())
    told.append((match.end(), names))
    told.sort()
    posts = [_post_of(match, clause, at)]
    if len(names) > 1 and "分别" in clause[: match.start()]:  # A、B分别当选主任、副主任
        paired = re.split("[和、]", posts[0])
        posts = paired if len(paired) == len(names) else posts
    when = date_before(at.sentence, clause, match.start(), at.article, at.default)
    also = ALSO_LEFT.match(clause, match.end()) if kind == "removed" else None
    for number, name in enumerate(names):
        post = posts[number] if len(posts) == len(names) else posts[0]
        if post:
            event = Event(name, kind, post, when, at.index)
            if pattern in WEAK:
                at.weak.append(event)
            yield match.start(), event
        if also and (other := _chain_post(also.group("post"))):  # 辞去X职务以及Y的相应职务
            yield match.start(), Event(name, kind, other, when, at.index)
    more = comma_posts(clause, match.end(), kind, posts[0]) if len(names) == 1 and posts[0] else []
    for other in more:  # 不再担任A，B，C职务; 兼任A，B。
        event = Event(names[0], kind, other, when, at.index)
        if pattern in WEAK:
            at.weak.append(event)  # a story's 担任A，B is as weak as its 担任A
        yield match.start(), event


REMOVED_POSTS = re.compile(
    r"[，,]([^，,。；;！？!?：:]{4,60}?(?:[，,][^，,。；;！？!?：:]{4,60}?)*)的?(?:职务|一职)"
)
"""The posts set apart by commas after a removal's first one, closed by 职务."""
NOT_A_POST = re.compile(
    "(?<!主)任|当选|免去|辞去|同志|先生|女士|负责|分管|主持|协助|联系|调|履新|[为是和与已于]"
)
"""Words no post of such a list holds: a clause of its own (李某任副县长, 负责…, 分管…)."""


def comma_posts(clause: str, end: int, kind: EventKind, first: str) -> list[str]:
    """The further posts of one person's move, set apart by commas under its one verb:
    不再担任A，B，C职务 (each a post, 职务 closing the list) or 任A，B，王某任C (the posts
    after the first that open like it, with its place or body, up to the next clause:
    兼任中共漳州市委…委员，漳州…管委会主任)."""
    if kind == "removed":
        found = REMOVED_POSTS.match(clause, end)
        pieces = re.split("[，,]", found.group(1)) if found else []
        posts = [clean_post(piece) for piece in pieces]
        alike = all(
            post and post == piece.strip("的") and not NOT_A_POST.search(piece)
            for post, piece in zip(posts, pieces, strict=True)
        )
        return posts if pieces and alike else []
    if kind != "appointed" or clause[end : end + 1] not in ("，", ","):
        return []
    head = first.removeprefix("中共")[:2]
    posts = []
    for piece in re.split("[，,]", re.split("[。；;！？!?：:]", clause[end + 1 :])[0]):
        post = clean_post(piece)
        opens_alike = piece.removeprefix("中共")[:2] == head or re.match(PLACE_POST, piece)
        if not post or post != piece or NOT_A_POST.search(piece) or not opens_alike:
            break
        posts.append(post)
    return posts


def _voted(before: str) -> list[str]:
    """The names of the votes counted before an election (候选人A得票73票，B得票71票)."""
    names = []
    for match in VOTES.finditer(before):
        run = re.split(r"候选人|[，,：:]", match.group("run"))[-1]
        name = run if is_name(run) else trailing_name(run)
        if name is None:
            return []
        names.append(name)
    return names


ALSO_LEFT = re.compile(
    rf"(?:以及|及|并)(?:辞去|不再担任)?(?P<post>[{CJK}0-9、（）()·]{{2,60}}?)(?:的|等)?(?:相应|全部|一切)?(?:职务|一职)"
)
"""辞去公司总经理职务以及第六届董事会副董事长、董事职务: a second post the same person leaves."""


def _chain_post(text: str) -> str:
    """The post of a chain, less the items at its end that are no post (副董事长、董事、董事会
    下设专门委员会 → 副董事长、董事)."""
    items = text.split("、")
    while items and not clean_post("、".join(items)):
        items.pop()
    return clean_post("、".join(items)) if items else ""


COUNTED_PERSONS = re.compile(
    r"[\d两二三四五六七八九十百千]+(?:位|名|个)?(?:同志|人|代表|委员|干部)?(?:成功|顺利|均|都)?"
)
"""49位同志, 86人: a count of the persons a formula is told of, with no name."""
COLLECTIVE = ("全部", "全都", "均", "都", "一并")
"""The words that tell a move of every one of the comma-set names before them."""


def _listed_before(before: str) -> list[str]:
    """The names of the comma-set items a clause ends with, each a name or a titled name
    (乐业县委书记方某，浦北县委书记古某，): from the last back to the first that is not one."""
    names: list[str] = []
    for item in reversed(re.split(r"[，,]", before.rstrip("，,"))):
        name = item if is_name(item) else post_then_name(item)
        if name is None:
            break
        names.insert(0, name)
    return names


def _names_of(
    run: str,
    clause: str,
    start: int,
    strict: bool,
    at: Context,
    told: list[tuple[int, list[str]]],
    kind: EventKind = "appointed",
) -> list[str]:
    """The persons a formula told after its names (X任Y) is told of: the run before it
    (a name, a list, a titled name, 时任…的X), else a pronoun's or an adverb's person, the
    clause before's (…拟任X，拟提名为Y), the sentence's subject, the paragraph's."""
    if COUNTED_PERSONS.fullmatch(run):
        return []  # 49位同志当选副主席: people counted, none named
    if run in COLLECTIVE:  # 乐业县委书记方某，浦北县委书记古某，全部拟任…
        everyone = _listed_before(clause[:start].removesuffix(run))
        return everyone if len(everyone) > 1 else []
    for reading in cleaned_runs(run):
        names = names_in(reading, strict) if LIST_SPLIT.search(reading) or "和" in reading else []
        names = names or known_tail(reading, at.known) or names_in(reading, strict)
        if not names:
            titled = post_then_name(without_count(re.split("[、和]", NOISE.sub("", reading))[-1]))
            names = [titled] if titled else []
        if names:
            return names
    if called := called_name(NOISE.sub("", run)):
        return [called]  # 王某院长不再兼任…: a title after the name
    comrade = re.fullmatch(rf"([{CJK}]{{2,4}})同志", run)
    if comrade and comrade.group(1) not in NOT_COMRADES and is_name(comrade.group(1), formula=True):
        return [comrade.group(1)]  # 格桑旺堆同志任…: 同志 marks a name of no surname of the lexicon
    head = re.split("[由从]", run, maxsplit=1)[0]
    if head != run and is_name(head) and PROMOTED.match(clause, start):
        return [head]  # 王某由副县长升为县长 (not 王某从区长任县委书记, a résumé's bare 任)
    before = clause[:start]
    if re.fullmatch(rf"向[{CJK}]{{2,15}}", run):  # 王某因工作调动，向县人大常委会提出辞去…
        before, run = before.removesuffix(run), ""
    if re.fullmatch(rf"在[{CJK}0-9]{{1,40}}?(?:上|中|期间)", run):  # 2009年6月1日，在…会议上被任命为…
        before, run = before.removesuffix(run), ""  # where it was said: the person is the clause's
    if run in ADVERBS or (run and not bare(run)):  # 现任市委书记常绪扩，也拟任…: the clause
        before, run = before.removesuffix(run), ""  # before names him (杨某因…，特申请辞去…)
    if run in (*PRONOUNS, *BACK_PERSONS, "他们", "她们"):
        pool = [*at.known, *at.persons, *(name for _end, names in told for name in names)]
        named = [at.opener] if at.opener else last_named(at.before + before, pool)
        if not named and run in BACK_PERSONS and at.persons:  # 该同志: the article's last person
            named = [at.persons[-1]]
        return named
    if bare(run):
        return []
    if kind == "elected" and (voted := _voted(before)):
        return voted  # A得票73票，B得票71票，当选为…
    last = max((item for item in told if item[0] <= start), default=None)
    between = clause[last[0] : start] if last is not None else "-"
    if last is not None and len(re.findall(r"[，,]", between)) <= 1 and not bare(between.strip("，,")):
        return last[1]  # 李明拟任X，拟提名为Y: the clause before's person
    if at.subject is not None:
        return [at.subject.group("name") or at.subject.group("bracketed")]
    if at.opener and BIO.match(at.sentence):  # 王小明 / 男，汉族，…，拟任…: the name on the line before
        return [at.opener]
    opening = not re.sub(r"[，,\s]|\d+[年月日]", "", at.before[at.before.rfind("。") + 1 :] + before)
    if opening and at.opener and at.before:  # 王小明，男，…。(2009年6月1日，)拟任青山县县长。
        return [at.opener]
    return previous_subject(before, at.known)


def _post_of(match: re.Match[str], clause: str, at: Context) -> str:
    """The post a formula names, or the one 该职 / 这一职务 stands for."""
    text = clause[match.start("post") :]
    if text.startswith(BACK_POSTS) or (match.group("post") in BACK_POSTS):
        return last_post(at.before + clause[: match.start()])
    return clean_post(match.group("post"))
