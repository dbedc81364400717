"""Appointments and removals (任免) read from an article's text.

Why rules: personnel news is written in a handful of fixed formulas, and a rule that
names its formula can be checked against the text by a reader. Each event is a person,
a post as printed, a kind, a date and the paragraph that states it:

| kind | formulas |
|---|---|
| appointed | 任命/聘任X为Y, 决定(:)X为Y, X(同志/已)任Y, X兼任/接任/晋升/升任/提任Y, X被任命为Y |
| appointed | X经…批准担任Y, X接替Z(担)任Y |
| appointed | a list under 任命: / 决定任命: / 聘任:; under 经研究决定: A为X is appointed, A的X职务 removed |
| removed | 免去/撤销/罢免X(的/同志)Y职务, 免去其Y职务, X被免去Y职务, X不再担任/兼任Y, X卸任Y |
| removed | a list under 免去: / 决定接受:, X的Y职务被免去 |
| removed | 接受/同意/批准X辞去Y职务, X提出/申请/请求辞去Y职务, (审议了)X关于辞去Y职务的请求 |
| removed | X的Y职务相应终止/自然免除; X因…，请求辞去Y职务 (the name the clause before opens with) |
| elected | X当选(为)Y, (被)选举/补选X为Y, 选出的Y是: X、Z, 选举产生了Y，(P)X当选 (retold) |
| nominated | 提名X为Y(候选人), 并提名为Y候选人, X被提名为Y候选人, a list under 提名: |
| transferred | X调任Y, X调职任Y, X转任Y, X调任PLACE，担任Y |
| announced | X拟(担)任/提任/提拔为/提拔担任/晋升为/推荐为Y, 拟(推荐)提名为Y人选 — a 干部任前公示 |
| announced | 确定X为Y拟任人选, X是Y拟提名人选, X被确定为/拟作为Y(候选人推荐)人选 |
| (retold) | 由P任Y的3人：A、B、C; 曾任区长A、县长B2位任Y (a count equal to the names; 拟任/调任 too) |

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
a dateline, 1月13日电, the next one; a span, 11月19日至26日, its month), else the article's date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from functools import cache

from reader.people.model import Event, EventKind
from reader.script import as_printed, looks_traditional, to_simplified

_CJK = "\u4e00-\u9fff"
_NAME_RUN = rf"[{_CJK}·・、0-9]{{2,60}}?"
_POST = rf"(?P<post>[{_CJK}0-9A-Za-z、（）()·]{{2,60}}?)"
_POST_END = r"(?=$|[，,。；;：:！？!?“”]|并|职务|的职务|人选|候选人|的说明)"
_SPACES = re.compile(r"[ \u3000\u00a0]+(?=[\d年月日])|(?<=[\d年月日])[ \u3000\u00a0]+")
_NOISE = re.compile(
    r"(?:\d+|[两二三四五六七八九十]+)[名位](?:同志|代表)?|同志|（[男女]）|\([男女]\)|以\d+票的?(?:高票)?|全票|高票|等额|差额|分别|均|再次|正式|顺利|首次|依法|一致|又|已经|已|日前|近日"
)
_LIST_SPLIT = re.compile(r"[、，,及]")
_POST_TAIL = set("长记员任席理委官督事表监帅使正职")
"""Last characters of a post (书记, 委员, 主任, 代表, 副职): 调任吉林 names a place, no post."""
_TITLE_END = set("长委记员席理官督帅主任部")
"""Last characters of posts: before a name they are the post's, not the name's surname."""
_NOT_GIVEN = set("的任等以与及在是被将对于从由向把并最后此上下中里他她其们您你我")
_PRONOUNS = ("他", "她", "其")
_ADVERBS = ("也", "亦", "还", "又", "则", "同时", "并")

_FORWARD: tuple[tuple[EventKind, re.Pattern[str], str], ...] = (
    # (kind, the formula, what a clause after it that carries its verb looks like:
    # 为 — 任命A为X，B为Y; 的 — 免去A的X职务；B的Y职务; "" — nothing carries over)
    ("announced", re.compile(rf"确定(?P<names>{_NAME_RUN})为{_POST}拟任人选"), ""),
    ("appointed", re.compile(rf"(?:任命|聘任)[:：]?(?P<names>{_NAME_RUN})为{_POST}{_POST_END}"), "为"),
    (
        "removed",
        re.compile(rf"(?<!被)(?:免去|撤销|罢免)[:：]?(?P<rest>[{_CJK}、（）()·]{{3,80}}?)的?职务"),
        "的",
    ),
    ("removed", re.compile(rf"(?:接受|同意|批准)(?P<names>{_NAME_RUN})辞去{_POST}的?职务"), ""),
    ("elected", re.compile(rf"(?:选举|补选)出?(?P<names>{_NAME_RUN})为{_POST}{_POST_END}"), "为"),
    ("elected", re.compile(rf"选出的{_POST}是[:：](?P<names>[{_CJK}·、和]{{2,400}})"), ""),
    ("nominated", re.compile(rf"(?<![拟荐])提名(?P<names>{_NAME_RUN})为{_POST}{_POST_END}"), "为"),
    ("appointed", re.compile(rf"(?<![任命])决定[:：]?(?P<names>{_NAME_RUN})为{_POST}{_POST_END}"), "为"),
)
_BACKWARD: tuple[tuple[EventKind, re.Pattern[str], bool], ...] = (
    # (kind, the formula after the names, whether the names must stand alone before it)
    ("elected", re.compile(rf"(?<!新)当选(?:为)?{_POST}{_POST_END}"), False),
    ("removed", re.compile(rf"不再(?:担任|兼任){_POST}(?=$|[，,。；;]|职务)"), False),
    ("removed", re.compile(rf"(?<=[{_CJK}，,])(?P<asked>(?:提出|申请|请求|关于))?辞去{_POST}的?职务"), True),
    (
        "removed",
        re.compile(
            rf"(?<=[{_CJK}])的{_POST}职务(?:相应|自行|依法|同时|自然)?(?:终止|免除|解除|被免去|被撤销)"
        ),
        True,
    ),
    ("removed", re.compile(rf"卸任{_POST}{_POST_END}"), False),
    (
        "transferred",
        re.compile(rf"(?:调任|调往|调至|调入)[{_CJK}]{{2,6}}?[，,](?:担任|任){_POST}{_POST_END}"),
        False,
    ),
    ("transferred", re.compile(rf"(?:调任|调职任|转任){_POST}{_POST_END}"), False),
    (
        "announced",
        re.compile(rf"拟(?:任|担任|提任|提拔为|提拔担任|晋升为?|推荐为|(?:推荐)?提名为){_POST}{_POST_END}"),
        False,
    ),
    ("announced", re.compile(rf"是{_POST}拟提名人选"), True),
    ("announced", re.compile(rf"(?:被确定为|拟作为){_POST}(?:拟任|推荐|提名|候选人)*人选"), False),
    ("appointed", re.compile(rf"(?:兼任|接任|晋升|升任|提任){_POST}{_POST_END}"), False),
    ("appointed", re.compile(rf"被(?:任命|聘任|提拔)为{_POST}{_POST_END}"), False),
    ("appointed", re.compile(rf"接替[{_CJK}·]{{2,8}}?(?:同志)?(?:担任|任){_POST}{_POST_END}"), False),
    ("elected", re.compile(rf"被(?:选举|补选|选)为{_POST}{_POST_END}"), False),
    ("nominated", re.compile(rf"被提名为{_POST}候选人"), False),
    ("removed", re.compile(rf"被(?:免去|撤销|罢免){_POST}的?职务"), False),
    ("appointed", re.compile(rf"已?经(?:中共)?[{_CJK}]{{0,8}}?批准(?:其)?担任{_POST}{_POST_END}"), False),
    ("appointed", re.compile(rf"(?<=同志)任{_POST}{_POST_END}"), False),
    (
        "appointed",
        re.compile(
            rf"(?<=[{_CJK}])(?<![担出现曾历主兼接调转留连继新前原再改升责信放首])任{_POST}{_POST_END}"
        ),
        True,
    ),
)
_HEADERS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "decided": a list under 经研究决定： whose lines say their kind (A为X; A的X职务; A辞去X职务)
    (re.compile(r"(?:决定)?任命[:：]$"), "appointed"),
    (re.compile(r"(?:决定)?免去[:：]$"), "removed"),
    (re.compile(r"决定接受[:：]$"), "removed"),
    (re.compile(r"(?:决定)?聘任[:：]$"), "appointed"),
    (re.compile(r"(?:决定)?提名[:：]$"), "nominated"),
    (re.compile(r"决定(?:如下)?[:：]$"), "decided"),
)
_LIST_ITEM = re.compile(rf"^(?P<names>{_NAME_RUN})(?P<verb>为|辞去|的){_POST}{_POST_END}")
_SUBJECT = re.compile(rf"^(?P<name>[{_CJK}]{{2,4}})[，,](?:男|女)[，,]")
_COUNT = r"(?P<count>\d{1,2}|[两二三四五六七八九十]{1,2})(?:位|名|人)(?:同志|干部)?"
_VERB = r"(?P<verb>拟任|调任|转任|提任|(?<![曾历担兼现原])任)"
_RETOLD: tuple[re.Pattern[str], ...] = (
    # 由县委书记任设区市副市长的3人：A、B、C
    re.compile(rf"{_VERB}{_POST}的{_COUNT}[:：](?P<names>[{_CJK}·、和]{{2,200}})"),
    # 曾任西湖区区长刘颖、桐庐县县长方毅2位任县委书记 (the 曾任 posts are theirs before)
    re.compile(
        rf"(?:^|(?<=[，,：:]))(?:曾任|原任|现任|原)?(?P<names>[{_CJK}·、]{{2,200}}?){_COUNT}"
        rf"(?:均|分别|都)?{_VERB}{_POST}{_POST_END}"
    ),
    # 选举产生了滨湖区区长，代区长袁飞高票当选 (the post before, the names after theirs)
    re.compile(
        rf"选举产生了?(?:新一届)?{_POST}[，,](?P<names>[{_CJK}·、和]{{2,60}}?)"
        rf"(?:以\d+票的?)?(?:高票|全票|顺利|等额)?(?P<verb>当选)(?=$|[。，,；;！!])"
    ),
)
"""A report's retelling of a list of moves: a count of people and their names, each
name alone or after its post. The count must be the number of names read. And an election
told post first (选举产生了P，NAME当选)."""
_RETOLD_KIND: dict[str, EventKind] = {
    "拟任": "announced", "调任": "transferred", "转任": "transferred", "提任": "appointed", "任": "appointed",
    "当选": "elected",
}  # fmt: skip
_CARRIED = {
    "为": re.compile(rf"(?P<names>{_NAME_RUN})为{_POST}(?:的?职务)?"),
    "的": re.compile(rf"(?P<rest>[{_CJK}、（）()·]{{3,80}}?)的?职务"),
}
"""A clause that goes on with the formula before it: 任命A为X，[B为Y]; 免去A的X职务；[B的Y职务]."""
_THEN_APPOINTED = re.compile(rf"[，,](?:改|另)?任(?![命职用免])(?![^，,。；;]*为){_POST}{_POST_END}")
_ITS = re.compile(rf"(?:免去|撤销|罢免)其{_POST}的?职务")
_THEN_FOR = re.compile(rf"并(?:决定)?为{_POST}{_POST_END}")
_THEN_NOMINATED = re.compile(rf"提名为{_POST}候选人")
_THEN_ACTING = re.compile(rf"[，,](?P<post>代理[{_CJK}]{{2,30}}?)职务")


@cache
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single, compound) surnames from the officials lexicon's public loader."""
    try:
        from reader.officials import load_lexicon

        lexicon = load_lexicon()
        return frozenset(lexicon.surnames), frozenset(lexicon.compound_surnames)
    except Exception:  # a broken user overlay: read names without the surname check
        return frozenset(), frozenset()


def _is_name(text: str, formula: bool = False) -> bool:
    """A person's name: a known surname and one to three more characters, or a dotted
    name. In a formula's name slot (任命X为) the surname is not checked (门克巴依)."""
    if not re.fullmatch(rf"[{_CJK}·]+", text):
        return False
    if "·" in text:
        parts = text.split("·")
        return len(text) >= 4 and all(0 < len(part) <= 6 for part in parts)
    single, compound = _surnames()
    if not 2 <= len(text) <= 4 or any(ch in _NOT_GIVEN for ch in text[1:]) or text.startswith(_PRONOUNS):
        return False
    return formula or not single or text[0] in single or text[:2] in compound


def _trailing_name(text: str) -> str | None:
    """The name a run ends with: 宣传部长陈瑞峰 → 陈瑞峰, 县长郭薪 → 郭薪."""
    if _is_name(text):
        return text
    _single, compound = _surnames()
    if len(text) >= 4 and text[-4:-2] in compound:
        return text[-4:]
    if len(text) >= 3 and text[-3] not in _TITLE_END and _is_name(text[-3:]):
        return text[-3:]
    if len(text) >= 2 and _is_name(text[-2:]):
        return text[-2:]
    return None


def _names(run: str, strict: bool, formula: bool = False) -> list[str]:
    """The names in a run before or after a formula; strict: every part must be a name."""
    run = _NOISE.sub("", run)
    run = re.sub(r"等\d*[名位个]?(?:代表|同志|人)?$", "", run)
    parts = []
    for part in _LIST_SPLIT.split(run):
        if "和" in part and not _is_name(part):
            parts.extend(piece for piece in part.split("和") if piece)
        elif part:
            parts.append(part)
    names = []
    for index, part in enumerate(parts):
        if _is_name(part, formula):
            names.append(part)
        elif not strict and index == 0 and formula:
            found = _trailing_name(part)
            if found is None:
                return []
            names.append(found)
        else:
            return []
    return names


def _count(text: str) -> int:
    """3, 两, 十二, 二十: the number a count prints."""
    if text.isdigit():
        return int(text)
    digits = {ch: n for n, ch in enumerate("一二三四五六七八九", 1)} | {"两": 2}
    if "十" not in text:
        return digits.get(text, 0)
    tens, _, units = text.partition("十")
    return digits.get(tens, 1 if not tens else 0) * 10 + digits.get(units, 0)


def _titled_names(run: str) -> list[str]:
    """A list of names each alone or after its post (西湖区区长刘颖、方毅): all or none.
    After a post the name is what follows its last title character (县长周向军)."""
    names = []
    for part in _LIST_SPLIT.split(_NOISE.sub("", run)):
        name = part if _is_name(part) else _after_title(part)
        if name is None:
            return []
        names.append(name)
    return names


def _after_title(part: str) -> str | None:
    """县长周向军 → 周向军: two to four characters of a known surname after a post's end."""
    single, compound = _surnames()
    for end in range(len(part) - 2, max(len(part) - 5, 1) - 1, -1):
        name = part[end:]
        if part[end - 1] in _POST_TAIL and (name[0] in single or name[:2] in compound):
            return name if re.fullmatch(rf"[{_CJK}]+", name) else None
    return None


def _post_then_name(text: str) -> str | None:
    """兰陵县委书记任刚 → 任刚: a name after a post of a place or a body, nothing else
    before it (议员支持 is no 议员 named 支持)."""
    name = _after_title(text)
    if name is None:
        return None
    post = re.sub(r"^(?:现任|时任|原任|原)", "", text[: -len(name)])
    return name if re.search(r"[省市县区州镇乡委局厅部院校]", post) and _clean_post(post) == post else None


def _clean_post(post: str) -> str:
    post = re.sub(r"^(?:了|[（(][^）)]{1,8}[）)])", "", post.strip("的"))
    post = re.split(rf"、(?=[{_CJK}]{{2,4}}等?为)", post)[0]  # X、邓小平等为副总理: the next name's
    for tail in ("的职务", "职务", "人选", "候选人", "之后", "以后", "后"):
        post = post.removesuffix(tail)
    post = re.sub(r"[（(][^）)]*[）)]?$", "", post).strip("、的")
    if re.fullmatch(r"(?:现|原|所|担)任", post):
        return ""  # 免去其现任职务 names no post
    return post if post[-1:] in _POST_TAIL or post.endswith("领导") else ""


def _split_name_post(rest: str) -> tuple[str, str] | None:
    """免去卢炳椿泉州市人民政府副市长: where the name stops and the post starts."""
    if "同志" in rest:  # 免去刘刚同志知行学院院长: the name ends at 同志
        name, _, post = rest.partition("同志")
        return (name, post.lstrip("的")) if _names(name, True) and len(post) >= 2 else None
    if "的" in rest:
        name, _, post = rest.partition("的")
        return (name, post) if _names(name, True) else None
    for length in (3, 2, 4):
        name, post = rest[:length], rest[length:]
        if len(post) >= 2 and _is_name(name) and not (length == 3 and post[:1] in "省市县区"):
            return name, post
    return None


# -- dates ------------------------------------------------------------------------------

_DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?)?"
    r"|(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日"
    r"|(?P<rel>今天|今日|今\(\d+\)日|今（\d+）日|昨天|昨日)"
    r"|(?<![\d月年])(?P<d3>\d{1,2})日"
)


def _resolve(match: re.Match[str], article: dt.date | None) -> str | None:
    if match.group("y"):
        year, month, day = match.group("y"), match.group("m"), match.group("d")
        if month and day:
            return _iso(int(year), int(month), int(day))
        return f"{year}-{int(month):02d}" if month else year
    if article is None:
        return None
    if match.group("m2"):
        month, day = int(match.group("m2")), int(match.group("d2"))
        year = article.year - 1 if month > article.month + 1 else article.year
        return _iso(year, month, day)
    if match.group("rel"):
        day = article - dt.timedelta(days=1) if match.group("rel").startswith("昨") else article
        return day.isoformat()
    return _iso(article.year, article.month, int(match.group("d3")))


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _article_date(date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


# -- reading ----------------------------------------------------------------------------


def find_events(paragraphs: Sequence[str], date: str = "", names: Iterable[str] = ()) -> list[Event]:
    """Every event the paragraphs state, in reading order, one per (person, kind, post).

    `date` is the article's (YYYY-MM-DD or ""); it completes 23日 or 昨天. `names` are the
    officials the extractor found in the article, preferred where a run of text ends in
    one of them. A notice printed in traditional characters (任命…為…, 免去…職務) is read
    as simplified and its names and posts are given as printed (reader.script).
    """
    if not looks_traditional(paragraphs):
        return _find_events(paragraphs, date, names)
    converted = [to_simplified(p) for p in paragraphs]
    events = _find_events(converted, date, [to_simplified(n) for n in names])

    def shown(found: str, index: int) -> str:
        order = [index, *range(len(paragraphs))]  # its own paragraph first
        for k in order:
            if 0 <= k < len(paragraphs) and found in converted[k]:
                return as_printed(found, converted[k], paragraphs[k])
        return found

    return [
        dataclasses.replace(e, name=shown(e.name, e.paragraph), post=shown(e.post, e.paragraph))
        for e in events
    ]


def _find_events(paragraphs: Sequence[str], date: str, names: Iterable[str]) -> list[Event]:
    """find_events on text in simplified characters."""
    article = _article_date(date)
    default = _opening_date(paragraphs, article) or (article.isoformat() if article else None)
    openers = [_opener(paragraph) for paragraph in paragraphs]
    for number in range(1, len(openers)):  # 她曾在…: the person the paragraph before opened with
        if openers[number] is None and paragraphs[number].lstrip().startswith(("他", "她")):
            openers[number] = openers[number - 1]
    # A report on a 任前公示 retells proposed moves: its 任 lists are 拟任.
    publicity = any("任前公示" in paragraph for paragraph in paragraphs[:3])
    known = sorted(set(names), key=len, reverse=True)
    found: dict[tuple[str, str, str], Event] = {}
    header: str | None = None
    for index, raw in enumerate(paragraphs):
        paragraph = _SPACES.sub("", raw.strip())
        if not paragraph:
            continue
        heading = next((kind for pattern, kind in _HEADERS if pattern.search(paragraph)), None)
        if heading is not None:
            header = heading
            continue
        events = list(_read_paragraph(paragraph, index, article, default, known, openers[index], publicity))
        if header is not None:
            item = _LIST_ITEM.match(paragraph)
            if item and not events:
                post = _clean_post(item.group("post") or "")
                kind = header
                if header == "decided":
                    kind = "appointed" if item.group("verb") == "为" else "removed"
                events = [
                    Event(name, kind, post, default, index) for name in _names(item.group("names"), True)
                ]
            elif not item:
                header = None
        for event in events:
            if event.post and (event.name, event.kind, event.post) not in found:
                found[(event.name, event.kind, event.post)] = event
    return _drop_repeats(list(found.values()))


def _opening_date(paragraphs: Sequence[str], article: dt.date | None) -> str | None:
    """The first date of the article's opening: after a dateline (1月13日消息：昨天…) the
    next one, counted from the dateline; a span (11月19日至26日) gives its month."""
    for paragraph in paragraphs[:3]:
        text = _SPACES.sub("", paragraph)
        matches = list(_DATE.finditer(text))
        if not matches:
            continue
        match = matches[0]
        if len(matches) > 1 and re.match(r"(?:讯|电|消息)", text[match.end() :]):
            article = _article_date(_resolve(match, article) or "") or article
            match = matches[1]
        found = _resolve(match, article)
        if found and re.match(r"(?:至|到|—|－|-|~)(?:\d{1,2}月)?\d{1,2}日", text[match.end() :]):
            found = found[:7]
        opening = _article_date(found + "-01" if found and len(found) == 7 else found or "")
        if article is not None and (opening is None or abs((article - opening).days) > 60):
            return None  # 1949年10月 in a retrospective's opening is no report date
        return found
    return None


def _opener(paragraph: str) -> str | None:
    """The name a paragraph opens with (周斌出生于…, 吴靖平1984年…), for the 他/她 later in it."""
    match = re.match(rf"[{_CJK}]{{2,4}}?(?=出生|生于|[，,]|同志|，男|，女|\d{{4}}年)", paragraph)
    return match.group() if match and _is_name(match.group()) else None


def _drop_repeats(events: list[Event]) -> list[Event]:
    """One event told twice is one: a post printed whole and in part (副市长、代理市长 /
    副市长), or with the same last title and no other place (全国政协主席 /
    政协第十二届全国委员会主席). A deputy's post (副主席) is never a repeat of the head's (主席)."""
    from reader.people.places import post_places

    kept: list[Event] = []
    # Only a later paragraph retelling the lead counts as a repeat: within one
    # paragraph 副市长 and 代理市长 are two appointments.
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
            and _last_title(other.post) == _last_title(event.post)
            and (not post_places(other.post) or not post_places(event.post))
            for other in kept
        ):
            continue
        kept.append(event)
    return kept


def _part_of(short: str, long: str) -> bool:
    """副市长 is part of 泉州市人民政府副市长; 主席 is not part of 副主席."""
    at = long.find(short)
    return at >= 0 and long[at - 1 : at] != "副"


def _last_title(post: str) -> str:
    """主席 of 全国政协主席, 副主席 of 副主席: a deputy's title is not the head's."""
    last = re.split(r"[、，,]", post)[-1]
    return last[-3:] if last[-3:-2] == "副" else last[-2:]


def _read_paragraph(
    paragraph: str,
    index: int,
    article: dt.date | None,
    default: str | None,
    known: list[str],
    opener: str | None,
    publicity: bool = False,
) -> Iterable[Event]:
    for sentence in re.split(r"(?<=[。！？!?])", paragraph):
        subject = _SUBJECT.match(sentence)
        clauses = re.split(r"[；;]", sentence)
        told: list[Event] = []
        for number, clause in enumerate(clauses):
            later = clauses[number + 1 :]
            told.extend(
                _read_clause(
                    clause, sentence, index, article, default, known, subject, opener, later, publicity
                )
            )
        yield from told
        persons = {event.name for event in told}
        if len(persons) == 1:  # 王小明同志任…，免去其…职务: the one person the sentence names
            for match in _ITS.finditer(sentence):
                if post := _clean_post(match.group("post")):
                    yield Event(next(iter(persons)), "removed", post, told[0].date, index)


def _date_before(
    sentence: str, clause: str, offset: int, article: dt.date | None, default: str | None
) -> str | None:
    start = sentence.find(clause)
    before = sentence[: (start if start >= 0 else 0) + offset]
    matches = [m for m in _DATE.finditer(before) if not m.group("d3")]
    return _resolve(matches[-1], article) if matches else default


def _read_clause(
    clause, sentence, index, article, default, known, subject, opener, later=(), publicity=False
) -> Iterable[Event]:
    taken: list[tuple[int, int]] = []
    for pattern in _RETOLD:
        for match in pattern.finditer(clause):
            names = _titled_names(match.group("names"))
            post = _clean_post(match.group("post"))
            counted = "count" in match.groupdict()
            if not post or not names or (counted and len(names) != _count(match.group("count"))):
                continue
            kind = _RETOLD_KIND[match.group("verb")]
            kind = "announced" if publicity and kind == "appointed" else kind
            taken.append(match.span())
            when = _date_before(sentence, clause, match.start(), article, default)
            for name in names:
                yield Event(name, kind, post, when, index)
    for kind, pattern, carry in _FORWARD:
        for match in pattern.finditer(clause):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            when = _date_before(sentence, clause, match.start(), article, default)
            if "rest" in match.groupdict():
                split = _split_name_post(match.group("rest"))
                if split is None:
                    continue
                names, post = _names(split[0], True), _clean_post(split[1])
            else:
                names = _names(match.group("names"), True, formula=True)
                post = _clean_post(match.group("post"))
            if not names:
                continue
            taken.append(match.span())
            for name in names:
                yield Event(name, kind, post, when, index)
            yield from _follow_ups(clause[match.end() :], names, when, index)
            if carry:
                yield from _carried(kind, carry, clause[match.end() :], later, when, index)
    for kind, pattern, strict in _BACKWARD:
        for match in pattern.finditer(clause):
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            since = max((end for _start, end in taken if end <= match.start()), default=0)
            run = re.split(r"[，,：:（(“”\s]", clause[since : match.start()])[-1].lstrip("、")
            if "asked" in match.groupdict():
                if not match.group("asked") and not re.search("接受|同意|批准", clause):
                    continue  # 辞去 is an event when accepted (接受…辞去) or asked for (提出辞去)
                run = re.sub(r"^.*?(?:审议|听取|收到|接到)(?:了|通过了)?", "", run)  # 会议审议了X关于辞去
            names = _names(run, strict) if _LIST_SPLIT.search(run) or "和" in run else []
            names = names or _known_tail(run, known) or _names(run, strict)
            if not names and not strict:
                names = (
                    [name] if (name := _post_then_name(re.split("[、和]", _NOISE.sub("", run))[-1])) else []
                )
            before = clause[: match.start()]
            if run in _ADVERBS:  # 现任市委书记常绪扩，也拟任…: the clause before names him
                before, run = before.removesuffix(run), ""
            if not names and run in (*_PRONOUNS, "他们", "她们") and opener:
                names = [opener]
            if not names and not run.strip() and subject is not None:
                names = [subject.group("name")]
            if not names and not run.strip():
                names = _previous_subject(before, known)
            moved = kind == "transferred" and (bool(re.fullmatch(r"[\d年月]+", run)) or run[:1] in "由从")
            if not names and moved and opener:  # 2018年5月调任…, 由…转任…: the paragraph's person
                names = [opener]
            if not names or _is_resume(clause[: match.start()], "" if moved else run):
                continue
            before_run = clause[: match.start() - len(run)]
            if strict and pattern.pattern.endswith(_POST_END) and re.search(r"[年月日][，,]?$", before_run):
                continue  # 2020年12月,他任宿迁市委副书记: a résumé
            when = _date_before(sentence, clause, match.start(), article, default)
            taken.append(match.span())
            posts = [_clean_post(match.group("post"))]
            if len(names) > 1 and "分别" in clause[: match.start()] and "和" in posts[0]:
                head, _, tail = posts[0].partition("和")
                posts = [head, tail]
            for number, name in enumerate(names):
                post = posts[number] if len(posts) == len(names) else posts[0]
                if post:
                    yield Event(name, kind, post, when, index)


def _carried(
    kind: EventKind, carry: str, rest: str, later: Sequence[str], when: str | None, index: int
) -> Iterable[Event]:
    """The clauses after a formula that go on with its verb: 任命A为X，B为Y，C为Z;
    分别免去A的X职务；B的Y职务. Each must be a name and a post and nothing else (a name
    of a known surname; 的 or 同志 between name and post after 免去); the first that is
    not ends the run."""
    pieces = re.split(r"[，,；;]", "；".join([rest, *later]))
    if pieces[0].strip("。 ") not in ("", "职务", "的职务"):
        return
    pattern = _CARRIED[carry]
    for piece in pieces[1:]:
        piece = piece.strip().rstrip("。！!")
        match = pattern.fullmatch(piece)
        if match is None:
            return
        if carry == "的":
            if "的" not in piece and "同志" not in piece:
                return
            split = _split_name_post(match.group("rest"))
            if split is None:
                return
            names, post = _names(split[0], True), _clean_post(split[1])
        else:
            names, post = _names(match.group("names"), True), _clean_post(match.group("post"))
        if not names or not post:
            return
        for name in names:
            yield Event(name, kind, post, when, index)


def _follow_ups(rest: str, names: list[str], when: str | None, index: int) -> Iterable[Event]:
    """并决定为代理市长 / 提名为…候选人 / 免去…职务，任… after a first formula: the same person."""
    if len(names) != 1:
        return
    then = _THEN_APPOINTED.match(rest.removeprefix("的").removeprefix("职务"))
    if then and _clean_post(then.group("post")):
        yield Event(names[0], "appointed", _clean_post(then.group("post")), when, index)
    follow = _THEN_FOR.match(rest.lstrip("，,"))
    if follow:
        yield Event(names[0], "appointed", _clean_post(follow.group("post")), when, index)
    acting = _THEN_ACTING.match(rest)
    if acting:
        yield Event(names[0], "appointed", _clean_post(acting.group("post")), when, index)
    nominated = _THEN_NOMINATED.search(rest)
    if nominated:
        yield Event(names[0], "nominated", _clean_post(nominated.group("post")), when, index)


def _known_tail(run: str, known: list[str]) -> list[str]:
    cleaned = _NOISE.sub("", run)
    return [name for name in known if cleaned.endswith(name)][:1]


def _previous_subject(before: str, known: list[str]) -> list[str]:
    """现任…的吴智明,拟任…: the name that ends the clause before the formula."""
    clauses = [part for part in re.split(r"[，,]", before) if part]
    if not clauses:
        return []
    last = _NOISE.sub("", clauses[-1])
    if "的" in last:
        last = last.rsplit("的", 1)[1]
    opening = [name for name in known if clauses[-1].startswith(name)][:1]
    cause = re.match(rf"[{_CJK}]{{2,4}}?(?=因|由于)", clauses[-1])  # 李明因工作调动，请求辞去…
    if not opening and cause and _is_name(cause.group()):
        opening = [cause.group()]
    titled = _post_then_name(last)
    return _known_tail(last, known) or ([last] if _is_name(last) else [titled] if titled else opening)


def _is_resume(before: str, run: str) -> bool:
    """曾任/历任 and a year standing for the subject (2013年任…) are history, not events."""
    return bool(re.search(r"曾|历任|先后|此前", before[-12:])) or bool(re.fullmatch(r"[\d年月]+", run))
