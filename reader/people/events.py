"""Appointments and removals (任免) read from an article's text.

Why rules: personnel news is written in a handful of fixed formulas, and a rule that
names its formula can be checked against the text by a reader. Each event is a person,
a post as printed, a kind, a date and the paragraph that states it:

| kind | formulas |
|---|---|
| appointed | 任命/聘任X为Y, 决定(:)X为Y, X(同志/已)任Y, X兼任/接任/晋升/升任/提任Y, X被/获任命为Y |
| appointed | X经…批准担任Y, X接替Z(担)任Y / X接替Z，成为新的Y, X代理Y(职务), Y一职(改)由X兼任 |
| appointed | X出任Y, X担任Y — only in a sentence with another move, a notice word or a news date |
| appointed | a list under 任命: / 决定任命: / 聘任:; under 经研究决定: A为X is appointed, A的X职务 removed |
| removed | 免去/撤销/罢免X(的/同志)Y职务, 免去其Y职务, X被免去Y职务, X不再担任/兼任Y, X卸任Y |
| removed | a list under 免去: / 决定接受:, X的Y职务被免去 |
| removed | 接受/同意/批准X辞去Y职务, X提出/申请/请求辞去Y职务, (审议了)X关于辞去Y职务的请求 |
| removed | X的Y职务相应终止/自然免除; X因…，请求辞去Y职务 (the name the clause before opens with) |
| removed | X辞去Y职务 reported (not …职务后…), 任命X为A，免去(place)B职务, 同意X退休，免去其Y职务 |
| elected | X当选(为)Y, (被)选举/补选/推选X为(担任)Y, 选出的Y是: X、Z, 选举产生了Y，(P)X当选 (retold) |
| elected | X得票N票，Z得票M票，当选为Y |
| nominated | 提名X为Y(候选人), 并提名为Y候选人, X被提名为Y候选人, a list under 提名: |
| transferred | X调任Y, X调职任Y, X转任Y, X调任PLACE，担任Y, X调至/调往PLACE任Y, X跨省赴PLACE担任Y |
| transferred | X跨省任职，任Y, 接替调任Y的X |
| announced | X拟(按程序)(担)任/提任/提拔为/提拔担任/晋升为/推荐为Y, 拟(推荐)提名为Y人选 — a 任前公示 |
| announced | 确定X为Y拟任人选, X是Y拟提名人选, X被确定为/拟作为Y(候选人推荐)人选 |
| announced | a 公示 table or keyed lines: 姓名 … 拟任职务 (event_tables) |
| (retold) | 由P任Y的3人：A、B、C; 曾任区长A、县长B2位任Y (a count equal to the names; 拟任/调任 too) |
| removed | 时任/前任/原 Y X…退休/卸任/退出领导岗位; 同意 Y A、Y B的辞职申请; …辞去Y以及…辞去Z的辞呈 |
| removed | 免去A同志的X，B同志的Y职务 (one 职务 for the list); 解聘X女士Y职务; X辞任Y |
| nominated | 建议任命X为Y (a board's proposal), 推荐X为Y候选人 |
| elected | …Y候选人…，X等N位代表当选; 选举结果如下： then Y：X (event_tables) |
| (none) | 明天，X将出任Y: a move still to come, unless 已 stands between |
| elected | 选举产生(N名)Y：A、B (a count as many as the names), 选举产生了…：主任A，副主任B、C |
| elected | 其中，A为Y after such a list |
| removed | 收到副总经理X递交的辞职报告, 副局长X予以免职 / 被免职, 罢免X的Y资格 |
| removed | 给予X…处分，免去其Y职务 |
| appointed | 关于X为Y的决定, 决定，X为Y; X，接替Z兼任Y |
| (none) | 王某或将/有望出任Y (a guess), …，将出任Y (a step to come), 不再提名…为…候选人 |
| (none) | a question (为何要辞去…？) |

A résumé line (曾任, 历任, 2013年任…) is history, not an event, and is not read; a transfer
is a move (2018年5月调任…, 由P转任Y), told of the person the paragraph opens with (吴靖平1984年…,
or the paragraph before's when this one opens with 他/她). A list of
names (A、B和C当选副县长) gives one event each; 分别 pairs names with posts in order.
The clauses after a formula that are only a name and a post carry its verb (任命A为X，B为Y;
分别免去A的X职务；B的Y职务), and 免去A…职务，任Z appoints A to Z; 免去其Y职务 is told of the
one person its sentence names, and read only when there is one.
A report's retelling (retold) is appointed, or announced in a report on a 任前公示; after
its post a name is what follows the post's last title character (县长周向军), before a formula
too (县委书记任刚拟任…); a clause of only 也/还 (…常绪扩，也拟任…) is the clause before's person.
The date is the one the sentence gives before the formula (2018年5月调任…), else the
first one the article's opening gives (23日, 昨天: completed from the article's date; after
a dateline, 1月13日电, the next one; a span, 11月19日至26日, its month), else the article's date;
after 日前/近日 (recently) the article's month.

The words of the formulas are data (data/event_words.yaml). A clause with no subject is
the clause before's person (李明拟任X，拟提名为Y); 他/其/该同志 is the person named last, 该职 the
post named last; a year in the clause of an appointment (2020年1月，X出任…) is a résumé.

This module reads paragraphs, sentences and clauses; the formulas are spelled in
event_formulas, the formulas told after their names read by event_backward, the names
and posts of a run found by event_names, dates by event_dates, tables by event_tables.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence

from reader.people.event_backward import Context, backward, run_of
from reader.people.event_dates import article_date, date_before, opening_date
from reader.people.event_follow import carried, follow_ups
from reader.people.event_formulas import (
    ANNOUNCING,
    BACKWARD,
    BIO,
    BY_WHOM,
    CJK,
    FORWARD,
    FUTURE,
    HEADERS,
    ITS,
    LIST_ITEM,
    NEWS,
    NO_LONGER_BEFORE,
    PLACE_POST,
    POST,
    PUNISHED,
    RETIRED,
    RETOLD,
    RETOLD_KIND,
    SPACES,
    SUBJECT,
    TOOK_UP_BEFORE,
    TRIGGERS,
    HeaderKind,
)
from reader.people.event_names import (
    LEAD_IN,
    after_title,
    bare,
    clean_post,
    count_of,
    is_name,
    is_resume,
    names_in,
    names_through_wei,
    opener_of,
    post_then_name,
    split_name_post,
    titled_items,
    titled_names,
)
from reader.people.event_tables import table_events
from reader.people.event_titled import (
    bare_elections,
    dismissals,
    formed_by,
    new_team,
    newly_elected,
    titled_moves,
)
from reader.people.model import Event, EventKind
from reader.script import as_printed, has_glosses, looks_traditional, to_simplified, without_glosses

SPACED_PUNCTUATION = re.compile(
    r"(?<=[\u4e00-\u9fff\d])[ \u3000]+(?=[，,。；;：:、！？!?])"
    r"|(?<=[，,。；;：:、！？!?])[ \u3000]+(?=[\u4e00-\u9fff\d])"
)
"""李某 , 被任命为黑龙江省副省长 , 他此前任… 。: a page that sets spaces around its punctuation."""
SPACED_NAME = re.compile(
    rf"(?<=[为任免去命聘：:、，,；;])([{CJK}])[ \u3000]{{1,2}}([{CJK}])(?=[为同的、，,；;（(])"
)
"""任命王　明为…: a two-character name padded to three in an official list is one name."""
SUCCEEDED = re.compile(
    rf"[，,](?:改|则)?由(?P<name>[{CJK}·]{{2,4}}?)(?:同志)?(?:接任|担任|兼任)(?=$|[，,。；;])"
)
"""…免去栗某的Y职务，由朱某接任: the one named takes the post left."""
SURNAMED = (ANNOUNCING, NO_LONGER_BEFORE, TOOK_UP_BEFORE)
"""Formulas whose names must have a known surname: their words also open plain prose."""
SEX_MARK = re.compile(
    rf"(?<=[{CJK}])[（(](?:[男女](?:[，,、][{CJK}]{{1,6}}){{0,2}}|[{CJK}]{{1,5}}族)[）)](?=[、，,为任的和及等；;。])"
)
"""陈慕华(女)、马某(回族)、昂某(女、蒙古族): a mark of sex or nation after a name in a list is
not part of the run of names."""
ASIDE = re.compile(r"(?:(?<=先生|女士|同志)[（(][^（）()]{1,12}|(?<=票)[（(][^（）()]{1,20})[）)]")
"""聘任陈某先生(简历附后)为…, 以2694票(总有效票3118票)当选: an aside after a name's honorific
or a count of votes."""


def find_events(paragraphs: Sequence[str], date: str = "", names: Iterable[str] = ()) -> list[Event]:
    """Every event the paragraphs state, in reading order, one per (person, kind, post).

    `date` is the article's (YYYY-MM-DD or ""); it completes 23日 or 昨天. `names` are the
    officials the extractor found in the article, preferred where a run of text ends in
    one of them. A notice printed in traditional characters (任命…為…, 免去…職務) is read
    as simplified and its names and posts are given as printed (reader.script).
    """
    if has_glosses(paragraphs):  # 市長(zhǎng): read as 市長
        paragraphs = [without_glosses(p)[0] for p in paragraphs]
    paragraphs = [SPACED_PUNCTUATION.sub("", p) for p in paragraphs]  # 李某 , 被任命为…
    if not looks_traditional(paragraphs):
        return _find_events(paragraphs, date, names)
    converted = [to_simplified(p) for p in paragraphs]
    events = _find_events(converted, date, [to_simplified(n) for n in names])

    def shown(found: str, index: int) -> str:
        order = [index, *range(len(paragraphs))]  # its own paragraph first
        for k in order:
            if 0 <= k < len(paragraphs) and found in converted[k]:
                return as_printed(found, converted[k], paragraphs[k])
        if 0 <= index < len(paragraphs):  # 委员会副主席 read out of 委员会23位副主席: its characters
            return as_printed(found, converted[index], paragraphs[index])
        return found

    return [
        dataclasses.replace(e, name=shown(e.name, e.paragraph), post=shown(e.post, e.paragraph))
        for e in events
    ]


def _find_events(paragraphs: Sequence[str], date: str, names: Iterable[str]) -> list[Event]:
    """find_events on text in simplified characters."""
    article = article_date(date)
    default = opening_date(paragraphs, article) or (article.isoformat() if article else None)
    openers = [opener_of(paragraph) for paragraph in paragraphs]
    for number in range(1, len(openers)):  # 她曾在…: the person the paragraph before opened with
        if openers[number] is None and paragraphs[number].lstrip().startswith(("他", "她")):
            openers[number] = openers[number - 1]
        alone = paragraphs[number - 1].strip()  # 王小明 / 男，汉族，…: a 公示 entry's name on its own line
        if openers[number] is None and BIO.match(paragraphs[number].lstrip()) and is_name(alone):
            openers[number] = alone
    # A report on a 任前公示 retells proposed moves: its 任 lists are 拟任.
    publicity = any("任前公示" in paragraph for paragraph in paragraphs[:3])
    known = sorted(set(names), key=len, reverse=True)
    found: dict[tuple[str, str, str], Event] = {}
    seen: list[str] = []
    tables = table_events(paragraphs, default)  # 干部任前公示 tables: 姓名 … 拟任职务
    previous = ""
    header: HeaderKind | None = None
    elected: set[str] = set()  # the names of the last list of those elected, and its paragraph
    elected_at: set[int] = set()
    for index, raw in enumerate(paragraphs):
        paragraph = SPACED_NAME.sub(r"\1\2", SPACES.sub("", _digit_years(raw.strip())))
        paragraph = ASIDE.sub("", SEX_MARK.sub("", paragraph))
        paragraph = PASSED_BILL.sub(r"\1。", paragraph)  # 表决通过了关于任命X为Y的议案: done
        if not paragraph:
            continue
        heading = (  # every heading ends in a colon or its verb: most paragraphs are none
            next((kind for pattern, kind in HEADERS if pattern.search(paragraph)), None)
            if paragraph.endswith((":", "：", "任命", "免去", "聘任", "提名"))
            else None
        )
        if heading is not None:
            header = heading
            continue
        listed = paragraph.endswith(("；", ";")) or previous.endswith(("；", ";", "：", ":"))
        opener = openers[index]
        # an item of a list (…；) with no date of its own: the item's before
        since = date_before(previous, "", len(previous), article, default) if listed else default
        events = list(
            _read_paragraph(paragraph, index, article, since, known, opener, publicity, seen, listed)
        )
        previous = paragraph
        if header is not None:
            item = LIST_ITEM.match(paragraph)
            if item and not events:
                post = clean_post(item.group("post") or "")
                kind: EventKind
                if header == "decided":
                    kind = "appointed" if item.group("verb").strip() in ("为", "") else "removed"
                else:
                    kind = header
                events = [
                    Event(name, kind, post, default, index) for name in names_in(item.group("names"), True)
                ]
            elif not item:
                header = None
        if listed and not events and (item_move := ITEM_MOVE.match(paragraph)):
            # 具体调整如下：/ 常州市长丁某(生于…)，任铜陵市委书记；
            events = _item_move(item_move, since, index)
        key = PROPOSED_KEY.match(paragraph) if not events and index and paragraph.startswith("拟") else None
        if key and (post := clean_post(key.group("post"))):
            entry = SUBJECT.match(paragraphs[index - 1].strip())  # 王某，男，…。 / 拟任：Y
            who = openers[index - 1] or (entry.group("name") or entry.group("bracketed") if entry else None)
            events = [Event(who, "announced", post, since, index)] if who else []
        lead = RESULTS_INLINE.search(paragraph) if "选" in paragraph else None
        if lead and not any(e.kind == "elected" for e in events):
            events.extend(_results_inline(lead.group("items"), index, events[0].date if events else since))
        bare = RESULTS_BARE.search(paragraph) if "选" in paragraph and not lead else None
        if bare and not any(e.kind == "elected" for e in events):  # 选举产生镇长王某、副镇长李某
            when = events[0].date if events else since
            results = titled_items(bare.group(1))
            events.extend(Event(name, "elected", held, when, index) for name, held in results)
        named = NAMED_AFTER.search(paragraph) if re.search("是|如下|为[:：]", paragraph) else None
        if named and not events:  # 任命了…主要官员。他们是：行政法务司司长陈某，…
            said: EventKind = "elected" if "选" in named.group("verb") else "appointed"
            told = titled_items(named.group("items"))
            events = [Event(name, said, held, since, index) for name, held in told]
        chosen = {e.name for e in events if e.kind == "elected"}  # …其中，A为书记: this paragraph's
        chosen |= elected if index - 1 in elected_at else set()  # or the one before's list
        if len(chosen) > 1 and "其中" in paragraph:
            events.extend(_among(paragraph, chosen, index, events[0].date if events else since))
        if len(now := {e.name for e in events if e.kind == "elected"}) > 1:
            elected, elected_at = now, {index}
        for event in [*events, *(event for event in tables if event.paragraph == index)]:
            if event.post and (event.name, event.kind, event.post) not in found:
                found[(event.name, event.kind, event.post)] = event
    return _drop_repeats(list(found.values()))


ITEM_MOVE = re.compile(
    rf"^(?P<titled>[{CJK}、·]{{2,60}}?)(?:[（(][^（）()]{{0,60}}[）)])?[，,]"
    rf"(?P<verb>任|出任|调任|转任)(?P<post>[{CJK}、·]{{2,60}}?)(?:[（(][^（）()]*[）)])?[；;。]?$"
)
"""An item of a list of moves: a titled name (and an aside of birth and origin), then its new post."""


def _item_move(match: re.Match[str], date: str | None, index: int) -> list[Event]:
    titled = match.group("titled")
    name = titled if is_name(titled) else post_then_name(titled)
    held, _, named_for = match.group("post").partition("、提名")  # 任铜梁区委副书记、提名区长
    post = clean_post(held)
    if not name or not post:
        return []
    kind: EventKind = "transferred" if match.group("verb") in ("调任", "转任") else "appointed"
    nominated = (
        [Event(name, "nominated", clean_post(named_for), date, index)] if clean_post(named_for) else []
    )
    return [Event(name, kind, post, date, index), *nominated]


SENTENCE_END = re.compile(r"(?<=[。！？!])|(?<=\?)(?=$|[\s\"”」』）)])")
"""Where a sentence ends: a mark of Chinese text, or an ASCII ? that ends a phrase. A ? inside a
name or a word (楊祖?當選) is a character lost to a page's encoding, not a question."""
PASSED_BILL = re.compile(r"(通过了?[^。；;]{4,120}?)的议案")
"""表决通过了关于任命X为Y的议案 / 通过了…提请的X担任Y的议案: a bill passed is the move made (a
bill only heard, 审议了…的议案, is left as it is)."""
PROPOSED_KEY = re.compile(rf"^拟(?:任|任职务|提名|推荐)[:：](?P<post>[{CJK}0-9、（）()·]{{2,60}}?)[。；;]?$")
"""拟任：青山县委常委 on the line after a 公示 entry's particulars: that person's proposed post."""
RESULTS_INLINE = re.compile(r"(?:选举产生|选出)了?[^：:。；;]{0,40}[:：](?P<items>[^。]+)")
NAMED_AFTER = re.compile(
    r"(?P<verb>任命|任免|选举产生|选举|当选|聘任)了?[^。]{0,60}?[。，,；;]?"
    r"(?:他们|她们|名单|(?:新一届)?(?:领导)?班子成员|新一届(?:领导)?班子)(?:分别)?(?:是|为|如下)[:：](?P<items>[^。]+)"
)
"""任命了第四届主要官员。他们是：行政法务司司长陈某，经济财政司司长梁某…: the titled names
after the verb's sentence, each with its post."""
RESULTS_BARE = re.compile(r"(?:选举产生|选出)了?(?:新一届)?([^：:。；;]+)")
"""选举产生七里坪镇人大主席潘某、副主席涂某，镇长黄某…: the results with no colon, read as
titled names (event_names.titled_items)."""


def _results_inline(items: str, index: int, date: str | None) -> list[Event]:
    """选举产生了主任、副主任：主任王小明，副主任李大海、张红梅: each item a post and its
    names (the post before the first name of the item); all or none."""
    events: list[Event] = []
    for item in re.split(r"[，,；;]", items):
        first, *others = item.strip().split("、")
        name = after_title(first)
        post = clean_post(first[: -len(name)]) if name else ""
        if not name or not post or not all(is_name(other) for other in others):
            return []
        events.extend(Event(person, "elected", post, date, index) for person in (name, *others))
    return events


AMONG = re.compile(rf"(?P<names>[{CJK}·、和]{{2,30}}?)为{POST}")


def _among(paragraph: str, chosen: set[str], index: int, date: str | None) -> Iterable[Event]:
    """选举产生…：A、B、C。其中，A为书记，B和C为副书记。: after a list of those elected, a
    sentence opening with 其中 gives posts to some of them, each clause names and a post."""
    if len(chosen) < 2:
        return
    for sentence in re.split(r"(?<=[。！!])", paragraph):
        if not sentence.startswith(("其中，", "其中,", "其中：", "其中:")):
            continue
        for clause in re.split(r"[，,；;。]", sentence[3:]):
            match = AMONG.fullmatch(clause.strip())
            names = names_in(match.group("names"), True) if match else []
            post = clean_post(match.group("post")) if match else ""
            if names and post and set(names) <= chosen:
                yield from (Event(name, "elected", post, date, index) for name in names)


CHINESE_YEAR = re.compile(r"[一二三四五六七八九〇○零]{4}(?=年)")
DIGITS = str.maketrans("〇○零一二三四五六七八九", "00012345678" + "9")


def _digit_years(text: str) -> str:
    """二○一二年 → 2012年 (as many characters: offsets stay), so a year in words dates a
    move and marks a résumé line as one in digits does."""
    if not any(mark in text for mark in ("〇", "○", "零", "一九")):
        return text  # most paragraphs: no year in words
    return CHINESE_YEAR.sub(lambda match: match.group().translate(DIGITS), text)


def _drop_repeats(events: list[Event]) -> list[Event]:
    """One event told twice is one, kept where it is first told: a post printed whole and
    in part (副市长、代理市长 / 副市长), or a later paragraph's post of the
    same titles with no other place (武汉市代理市长 / 武汉市人民政府代理市长; 全国政协主席 /
    政协第十二届全国委员会主席). A deputy's post (副主席) is never a repeat of the head's
    (主席), nor an acting one's (代理检察长) of a deputy's (副检察长)."""
    kept: list[Event] = []
    for event in events:
        if any(
            other is not event
            and other.name == event.name
            and other.kind == event.kind
            and event.post != other.post
            and _part_of(event.post, other.post)
            for other in events
        ):
            continue
        if any(
            other.name == event.name
            and other.kind == event.kind
            and other.paragraph != event.paragraph
            and _titles(event.post) <= _titles(other.post)
            and _same_place(event.post, other.post)
            for other in kept
        ):
            continue
        kept.append(event)
    return kept


def _part_of(short: str, long: str) -> bool:
    """副市长 is part of 泉州市人民政府副市长; 主席 is not part of 副主席."""
    at = long.find(short)
    return at >= 0 and long[at - 1 : at] != "副"


def _titles(post: str) -> frozenset[tuple[str, bool, bool]]:
    """The titles of a post's chain: each one's last two characters, whether a deputy's
    (副市长) and whether an acting one's (代理市长, 代市长)."""
    return frozenset(
        (part[-2:], "副" in part[-4:], "代" in part.replace("代表", ""))
        for part in re.split(r"[、，,]", post)
        if part
    )


def _same_place(a: str, b: str) -> bool:
    """No place in one, or the places of one among the other's."""
    from reader.people.places import post_places

    first, second = set(post_places(a)), set(post_places(b))
    return not first or not second or first <= second or second <= first


def _read_paragraph(
    paragraph: str,
    index: int,
    article: dt.date | None,
    default: str | None,
    known: list[str],
    opener: str | None,
    publicity: bool = False,
    seen: list[str] | None = None,
    listed: bool = False,
) -> Iterable[Event]:
    """The events of one paragraph; `seen` gathers the persons the article's formulas
    named so far (for 他, 其, 该同志 later); `listed`: an item of a list of moves (it or
    the paragraph before ends in ；, or that one in ：), where X出任Y is a move."""
    seen = [] if seen is None else seen
    if not TRIGGERS.search(paragraph):
        return  # most paragraphs hold no formula word
    offset = 0
    weak: list[Event] = []  # the sentence's events of weak formulas (event_formulas.WEAK)
    moved = False  # whether the sentence before told a move
    last_kind: EventKind | None = None  # the kind of the move it told last, and its date
    last_date: str | None = None
    for sentence in SENTENCE_END.split(paragraph):
        if sentence.rstrip().endswith(("？", "?")):
            offset += len(sentence)
            continue  # 王某为何要辞去…职务？: a question tells no move
        subject = SUBJECT.match(sentence)
        clauses = [piece for clause in re.split(r"[；;]", sentence) for piece in _spaced(clause)]
        told: list[Event] = []
        for number, clause in enumerate(clauses):
            if not TRIGGERS.search(clause):
                continue
            later = clauses[number + 1 :]
            context = Context(
                sentence, paragraph[: offset + max(sentence.find(clause), 0)], index, article,
                date_before(paragraph[:offset], "", offset, article, default), known, subject, opener,
                publicity, seen, weak,
            )  # fmt: skip
            new = list(_read_clause(clause, context, later))
            seen.extend(event.name for event in new)
            told.extend(new)
        offset += len(sentence)
        story = weak and not listed and not NEWS.search(sentence) and not moved
        if story and all(any(e is w for w in weak) for e in told):
            told = []  # 聂海胜担任指令长: a story, unless it or the sentence before holds a move or a date
        if not told and last_kind in ("elected", "appointed"):  # 大会选举A等21人为委员。A为县长，B为副县长。
            told = _went_on(sentence, last_kind, last_date, index)
        moved = bool(told)  # 官方宣布，A任X，B任Y。C担任Z。: the news goes on
        last_kind, last_date = (told[-1].kind, told[-1].date) if told else (None, None)
        weak.clear()
        told.extend(_left_bare(sentence, told, index))
        yield from told
        named = {event.name for event in told}
        retired = RETIRED.search(sentence) if "休" in sentence else None
        if not named and retired and is_name(name := LEAD_IN.sub("", retired.group("name")), True):
            named = {name}  # 同意王小明同志退休，免去其…职务
            told = [Event(name, "removed", "", date_before(sentence, "", 0, article, default), index)]
        if not named and "给予" in sentence and (punished := PUNISHED.search(sentence)):
            named = {punished.group("name")}  # 给予王某撤销党内职务处分，免去其…职务
            when = date_before(sentence, "", 0, article, default)
            told = [Event(punished.group("name"), "removed", "", when, index)]
        if len(named) == 1:  # 王小明同志任…，免去其…职务: the one person the sentence names
            for match in ITS.finditer(sentence):
                if post := clean_post(match.group("post")):
                    yield Event(next(iter(named)), "removed", post, told[0].date, index)


BARE_NO_LONGER = re.compile(
    rf"(?:^|(?<=[，,。；;]))(?P<run>[{CJK}·、]{{2,40}}?)(?:同志)?(?:则|也|已)?不再(?:担任|兼任)(?=$|[，,。；;])"
)
"""…，汪某不再担任。 / 原万州区委书记吴某不再兼任，改任…: a removal that names no post after its verb."""


def _left_bare(sentence: str, told: list[Event], index: int) -> Iterable[Event]:
    """The removals of 不再担任 with no post: a titled name leaves the title it is named with;
    a name alone, the post the sentence's move before it gave another (A出任Y，B不再担任)."""
    if "不再" not in sentence:
        return
    for match in BARE_NO_LONGER.finditer(sentence):
        run = match.group("run")
        before = [e for e in told if e.kind in ("appointed", "transferred") and e.name != run]
        if is_name(run) and before:
            yield Event(run, "removed", before[-1].post, before[-1].date, index)
        elif (name := post_then_name(run)) and (
            post := clean_post(re.sub("^(?:原|现任|时任)", "", run[: -len(name)]))
        ):
            date = told[0].date if told else None
            yield Event(name, "removed", post, date, index)


ITEM_AS = re.compile(rf"(?P<names>[{CJK}·、]{{2,40}}?)(?:同志)?为(?P<post>[{CJK}0-9、（）()·]{{2,60}})")
"""A name (or names) 为 a post, nothing else: an item that goes on with the verb before it."""


def _went_on(sentence: str, kind: EventKind, date: str | None, index: int) -> list[Event]:
    """A sentence of bare items (A为县长，B、C为副县长。) after one that elected or appointed:
    the same verb goes on. Every piece must be such an item, or none is read (only 为 links them:
    a list carried by its verb, event_formulas.CARRIED, takes 任 too, but a sentence of its own
    saying A任Y tells a move of its own)."""
    events: list[Event] = []
    for piece in re.split(r"[，,；;]", sentence.strip().rstrip("。！!")):
        match = ITEM_AS.fullmatch(piece.strip())
        names = names_in(match.group("names"), True) if match else []
        post = clean_post(match.group("post")) if match else ""
        if not names or not post:
            return []
        events.extend(Event(name, kind, post, date, index) for name in names)
    return events


def _spaced(clause: str) -> list[str]:
    """A headline of two moves set apart by a space (A辞去…职务 B任代理省长) is two clauses;
    a space inside a name or a post is not a break."""
    pieces = re.split(rf"(?<=[{CJK}])[ \u3000\u00a0]+(?=[{CJK}])", clause)
    if len(pieces) > 1 and all(len(piece) >= 5 and TRIGGERS.search(piece) for piece in pieces):
        return pieces
    return [clause]


def _read_clause(clause: str, at: Context, later: Sequence[str] = ()) -> Iterable[Event]:
    if not TRIGGERS.search(clause):
        return
    taken: list[tuple[int, int]] = []
    told: list[tuple[int, list[str]]] = []  # where each formula read ended, and its names

    def when(start: int) -> str | None:
        return date_before(at.sentence, clause, start, at.article, at.default)

    for pattern in RETOLD:
        for match in pattern.finditer(clause):
            names = titled_names(match.group("names"))
            post = clean_post(match.group("post"))
            counted = "count" in match.groupdict()
            if not post or not names or (counted and len(names) != count_of(match.group("count"))):
                continue
            kind = RETOLD_KIND[match.group("verb")]
            kind = "announced" if at.publicity and kind == "appointed" else kind
            taken.append(match.span())
            for name in names:
                yield Event(name, kind, post, when(match.start()), at.index)
    # 前任校长朱某退休; 副局长何某予以免职
    for start, name, post in [*titled_moves(clause, at.known), *dismissals(clause, at.known)]:
        at.persons.append(name)
        yield Event(name, "removed", post, when(start), at.index)
    for start, name, post in newly_elected(clause):  # 新当选的居委会主任吴某说
        at.persons.append(name)
        yield Event(name, "elected", post, when(start), at.index)
    for start, names, post in bare_elections(clause):  # …Y候选人…，王某等7位代表当选
        at.persons.extend(names)
        yield from (Event(name, "elected", post, when(start), at.index) for name in names)
    for start, names, post in new_team(clause):  # 新一届市委常委还包括市委副书记：A、B，…
        at.persons.extend(names)
        yield from (Event(name, "elected", post, when(start), at.index) for name in names)
    for start, names, post in formed_by(clause):  # 选举产生了由A、B共2人组成的Y委员会
        at.persons.extend(names)
        yield from (Event(name, "elected", post, when(start), at.index) for name in names)
    for kind, pattern, carry in FORWARD:
        for match in pattern.finditer(clause):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            if _not_yet(at, clause, match.start()):
                continue  # 明天，X将出任Y
            pairs: list[tuple[list[str], str]] = []  # 免去A同志的X，B同志的Y职务: each its own
            if "rest" in match.groupdict():
                rest = match.group("rest")
                before = told and told[-1][0] <= match.start()  # the formula read last is before this one
                between = clause[told[-1][0] : match.start()] if before else "-"
                if re.search("[，,]", rest):
                    pairs = _listed_removals(rest)
                    if not pairs:
                        continue
                    names, post = pairs[-1]
                elif not between.strip("，,、并同时") and re.match(PLACE_POST, rest):
                    names, post = told[-1][1], clean_post(rest)  # 任命X为A，免去卢江县委副书记职务
                elif (split := split_name_post(rest, at.known)) is not None:
                    names, post = names_in(split[0], True), clean_post(split[1])
                else:
                    continue
            else:
                formula = kind != "transferred" and pattern not in SURNAMED  # 宣布: known surnames
                names = names_in(match.group("names"), True, formula=formula)
                if not names and "、" in match.group("names"):
                    names = titled_names(match.group("names"))  # 中部战区司令员韩某、陆军政治委员刘某
                titled = None if names else post_then_name(match.group("names"))
                names = [titled] if titled else names  # 由北京市委副书记王安顺兼任
                post = clean_post(match.group("post"))
                if not names and (through := names_through_wei(match.group("names"), match.group("post"))):
                    names, post = through[0], clean_post(through[1])  # 选举周某、郑为文为副主任
                if kind == "removed" and "辞去" in post and names:  # 接受A辞去X、B辞去Y的请求
                    pairs = _resignations(names, post)
                    names, post = pairs[-1] if pairs else (names, post)
            if not names or (match.groupdict().get("count") and count_of(match.group("count")) != len(names)):
                continue  # 选举产生12名省委常委：… names as many as its count
            at.persons.extend(names)
            if pattern is BY_WHOM and is_resume(clause[: match.start()], ""):
                continue  # 此前，威海市委书记由孙述涛担任
            taken.append(match.span())
            told.append((match.end(), names))
            date = when(match.start())
            for listed_names, listed_post in pairs[:-1]:
                for name in listed_names:
                    yield Event(name, kind, listed_post, date, at.index)
            for name in names:
                yield Event(name, kind, post, date, at.index)
            after = SUCCEEDED.match(clause, match.end()) if kind == "removed" else None
            if after and is_name(after.group("name")):  # 免去A的Y职务，由B接任: B takes Y
                yield Event(after.group("name"), "appointed", post, date, at.index)
            yield from follow_ups(clause[match.end() :], names, date, at.index)
            if carry:
                yield from carried(kind, carry, clause[match.end() :], later, date, at.index)
    found: list[tuple[int, Event]] = []
    deferred: list[tuple[re.Match[str], EventKind, re.Pattern[str], bool]] = []
    for kind, pattern, strict in BACKWARD:
        for match in pattern.finditer(clause):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            if not bare(run_of(clause, match, taken)) and kind != "transferred":
                deferred.append((match, kind, pattern, strict))  # 李明拟任X，拟提名为Y: read
                continue  # once the clause before is
            found.extend(backward(clause, match, kind, pattern, strict, at, taken, told))
    for match, kind, pattern, strict in sorted(deferred, key=lambda item: item[0].start()):
        if not any(start < match.end() and match.start() < end for start, end in taken):
            found.extend(backward(clause, match, kind, pattern, strict, at, taken, told))
    for start, event in sorted(found, key=lambda item: item[0]):
        if not _not_yet(at, clause, start):
            yield event
    persons = {name for _end, names in told for name in names}
    for match in ITS.finditer(clause if len(persons) == 1 else ""):  # 任命A为X，免去其Y职务；任命B…
        if post := clean_post(match.group("post")):  # 其 is the one person of its clause
            yield Event(next(iter(persons)), "removed", post, when(match.start()), at.index)


def _resignations(names: list[str], post: str) -> list[tuple[list[str], str]]:
    """接受王某辞去X、李某辞去Y的请求: the post read after the first name holds the next
    resignations; each (names, post), all or none."""
    first, *others = re.split(rf"、(?=[{CJK}·]{{2,4}}?(?:同志)?辞去)", post)
    pairs = [(names, clean_post(first))]
    for other in others:
        name, _, held = other.partition("辞去")
        name = name.removesuffix("同志")
        if not is_name(name) or not (held := clean_post(held)):
            return []
        pairs.append(([name], held))
    return pairs if pairs[0][1] else []


def _listed_removals(rest: str) -> list[tuple[list[str], str]]:
    """免去刘某同志的X，邱某、陈某同志的Y职务: one 职务 for a list of items, each a name
    set apart from its post by 同志 or 的; all or none."""
    pairs = []
    for piece in re.split(r"[，,]", rest):
        split = split_name_post(piece) if re.search("同志|的|先生|女士", piece) else None
        names = names_in(split[0], True) if split else []
        post = clean_post(split[1]) if split else ""
        if not names or not post:
            return []
        pairs.append((names, post))
    return pairs


def _not_yet(at: Context, clause: str, start: int) -> bool:
    """明天，X将出任Y: a future time before the formula in its sentence, with no 已
    between (明天…接替已调任Y的Z is Z's move, told as done)."""
    if not FUTURE.search(at.sentence):
        return False  # most sentences: no future time at all
    text = re.split(r"[。！？!?]", at.before + clause[:start])[-1]
    futures = list(FUTURE.finditer(text))
    return bool(futures) and "已" not in text[futures[-1].end() :]
