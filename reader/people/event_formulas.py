"""The formulas of 任免 events (reader.people.events): the regular expressions a notice's
sentences are matched against, and the character classes of names and posts they use.

Why apart: the formulas are the part a linguist reads and extends; the table atop
reader/people/events.py names each, this module spells their shapes (where the name
and the post stand) and data/event_words.yaml holds their words (the verbs of each
role, the words after a post, the pronouns), so a linguist adds 出任 or 调赴 without
touching code. A clause holding none of the `triggers` words is not read (most are not,
which halves the time events take over a library).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Literal

import yaml

from reader.people.model import EventKind

WORDS_FILE = Path(__file__).resolve().parent / "data" / "event_words.yaml"


@cache
def words() -> dict[str, tuple[str, ...]]:
    """The bundled word lists, read once per process (yaml.safe_load)."""
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8")) or {}
    return {str(key): tuple(str(word) for word in value or ()) for key, value in data.items()}


def alt(*roles: str) -> str:
    """The words of the roles as one regular-expression group, longest first."""
    found = {word for role in roles for word in words()[role]}
    return "(?:" + "|".join(re.escape(word) for word in sorted(found, key=len, reverse=True)) + ")"


CJK = "\u4e00-\u9fff"
NAME_RUN = rf"(?:[{CJK}·・、0-9]|[?？][A-Za-z]?|[（(][^()（）]{{1,40}}[）)]){{2,160}}?"
"""A run of names: a character lost to the page's encoding (劉?d) and a note in brackets after a
name (周某(中共江门市委常委、纪委书记)、吴某(女，满族)) do not end it (event_names.names_in drops both)."""
POST = rf"(?P<post>[{CJK}0-9A-Za-z、（）()·]{{2,60}}?)"
PLACE_POST = rf"(?:(?!的)[{CJK}]){{1,5}}?[省市县区州旗](?:委|人民|政府|人大|政协|纪委|监委|法院|检察院)"
"""A post that opens with its place's body (卢江县委副书记, 青山市人民政府副市长): after
任命X为A，免去 with no name it is X's; a name before it would be read with 同志 or 的."""
POST_END = (
    rf"(?=$|[，,。；;：:！？!?“”\s】」』》]|并|{alt('post_tails')}|、(?:决定|任命|免去|提名)"
    rf"|、[{CJK}]{{2,4}}(?:同志)?(?:(?<![主兼])任(?![免命职期])|(?<![认称改作])为|当选|调任|不再担任)[{CJK}])"
)
"""Where a post ends: a break, a word after posts, or 、 and the next move (…书记、李某任…,
任命A为X、B为Y)."""
SPACES = re.compile(r"[ \u3000\u00a0]+(?=[\d年月日])|(?<=[\d年月日])[ \u3000\u00a0]+")
NOISE = re.compile(
    r"(?:\d+|[两二三四五六七八九十]+)[名位](?:同志|代表)?|"
    rf"{alt('honorifics')}|"
    r"（[男女]）|\([男女]\)|以(?:\d+票(?:[、和]\d+票)*的?(?:高票)?(?:[（(][^）)]{0,20}[）)])?|全票|高票)|全票|高票|等额|差额|分别|均(?=$|以|[、，,])|再次|正式|顺利|首次|依法|一致|又|已经|已|日前|近日"
)
LIST_SPLIT = re.compile(r"[、，,及]")
POST_TAIL = set("长记员任席理委官督事表监帅使正职裁")
"""Last characters of a post (书记, 委员, 主任, 代表, 副职, 总裁): 调任吉林 names a place, no post;
and the words of posts ending otherwise (总会计师), in event_words.yaml."""
POST_WORDS = tuple(words()["post_words"])
TITLE_END = set("长委记员席理官督帅主任部")
"""Last characters of posts: before a name they are the post's, not the name's surname."""
NOT_GIVEN = set("的任等以与及在是被将对于从由向把并最后此上下中他她其们您你我拟")
PRONOUNS = words()["pronouns"]
ADVERBS = words()["adverbs"]
BACK_PERSONS = words()["back_persons"]
BACK_POSTS = words()["back_posts"]
RESUME = alt("resume_markers")
RECENT = alt("recent")
RESIGNING = alt("resigning")
TAKING_OFFICE = alt("taking_office")
MOVED_TO = rf"{alt('moving_to')}[{CJK}]{{2,8}}?[，,]?(?:{TAKING_OFFICE}|任)(?!职)"
"""调往吉林(，)担任: a transfer to a place, then the post taken there."""

AGENT = rf"(?:[{CJK}]{{1,10}}?(?:会|府|委|院|部|局|组|团|司|厅))?"
"""The body of a passive (被省政府任命为, 获董事会聘任为), which may stand after 被/获."""
WEAK_TAKING = re.compile(rf"(?<=[{CJK}])(?<![不再]){TAKING_OFFICE}{POST}{POST_END}")
WEAK_TAKING_AFTER_COMRADE = re.compile(rf"(?<=同志){TAKING_OFFICE}{POST}{POST_END}")
WEAK = (WEAK_TAKING, WEAK_TAKING_AFTER_COMRADE)
"""X担任Y / X出任Y: a move only in a sentence that also holds another, a notice word or a
date of the news (NEWS); a story's 聂海胜担任指令长 is none."""
NEWS = re.compile(
    rf"{alt('notice_markers', 'news_times')}|\d{{1,2}}日"
    r"|(?<![年\d至到—－-])\d{1,2}月(?:上旬|中旬|下旬|初|底)?"
)

COUNT_OF = r"(?P<count>\d{1,3}|[两二三四五六七八九十]{1,3})(?:位|名|人)"
"""The count before a list's post (选举产生12名省委常委：…)."""
BY_WHOM = re.compile(
    rf"(?:^|(?<=[，,：:的]))(?P<post>(?:(?![免被辞卸因退])[{CJK}、]){{2,40}}?)(?:一职|职务)?[，,]?(?:改|将|则|仍|现)?由"
    rf"(?P<names>[{CJK}·、]{{2,30}}?){alt('by_whom')}(?=$|[，,。；;])"
)
"""教育工委书记一职改由王安顺兼任, 卫福部长，由前卫生署副署长陈某接任; after 此前 or 曾 (此前，该职由X
担任) a résumé."""

ANNOUNCING = re.compile(rf"{alt('announcing')}了?(?P<names>{NAME_RUN})为{POST}{POST_END}")
"""宣布了李某、王某为副校长: a decision told as announced. Not after a colon (宣布：以宪法为统帅),
and its names must have known surnames (events reads them so)."""

NO_LONGER_BEFORE = re.compile(rf"{alt('no_longer')}{POST}的(?P<names>[{CJK}·]{{2,4}}?)(?=$|[，,。；;])")
"""今年7月已不再担任贵州省委书记的栗某，…: the post left, told before the name."""

TOOK_UP_BEFORE = re.compile(
    rf"(?<!接替)(?:出任|就任|接任|履新){POST}的(?P<names>[{CJK}·]{{2,6}}?)(?=$|[，,。；;])"
)
"""8月下旬出任福建省纪委书记的陈某: the one appointed, named after the post (a known surname:
就任…的要职 names no one)."""
FORWARD: tuple[tuple[EventKind, re.Pattern[str], str], ...] = (
    # (kind, the formula, what a clause after it that carries its verb looks like:
    # 为 — 任命A为X，B为Y; 的 — 免去A的X职务；B的Y职务; "" — nothing carries over)
    ("announced", re.compile(rf"确定(?P<names>{NAME_RUN})为{POST}拟任人选"), ""),
    (  # 拟提拔X为Y, not 拟推荐提名为Y (a verb after a verb)
        "announced",
        re.compile(
            rf"拟{alt('proposing_for')}(?!{alt('proposing_for')}|为)(?P<names>{NAME_RUN})(?:为|担任){POST}{POST_END}"
        ),
        "为",
    ),
    ("appointed", ANNOUNCING, "为"),
    ("removed", NO_LONGER_BEFORE, ""),
    ("nominated", re.compile(rf"{alt('proposing_appointment')}(?P<names>{NAME_RUN})为{POST}{POST_END}"), ""),
    (  # 任命X为Y, 任命X兼任Y
        "appointed",
        re.compile(
            rf"{alt('appointing')}了?[:：]?(?P<names>{NAME_RUN})(?:为|(?<!不再){alt('by_whom')}|(?<![第一二三四五六七八九十两\d主])任(?![命免职期用]))"
            rf"{POST}{POST_END}"
        ),
        "为",
    ),
    (
        "removed",
        re.compile(
            rf"(?<!被){alt('removing')}了?[:：]?(?P<rest>[{CJK}、（）()·，,]{{3,160}}?)的?(?:职务|资格|一职)"
        ),
        "的",
    ),
    (
        "removed",
        re.compile(
            rf"{alt('accepting')}了?(?P<names>{NAME_RUN})(?:因[^，,。；;]{{1,12}}?)?{alt('asking')}?的?"
            rf"{RESIGNING}{POST}(?:的?职务|(?=的(?:请求|辞呈|申请|报告)))"
        ),  # 接受X(因工作调动提出的)辞去Y职务的请求
        "",
    ),
    (
        "elected",
        re.compile(
            rf"{alt('electing')}了?出?(?:[，,](?=[^，,。；;]{{2,80}}?[\d一二两三四五六七八九十]+[位名]同志为))?(?P<names>{NAME_RUN})(?:为|担任|(?<=同志)任(?![命职免期])(?![^，,。；;]*为)){POST}{POST_END}"
        ),
        "为",
    ),
    (
        "elected",
        re.compile(rf"(?:选出|当选)的{POST}(?:是|为|还有|有)[:：]?(?P<names>[{CJK}·.、和?？]{{2,400}})"),
        "",
    ),
    (  # 这次晋升上将军衔的军官是：中部战区司令员韩某、陆军政治委员刘某 (titled names)
        "appointed",
        re.compile(
            rf"晋升{POST}的(?:军官|将领|干部|同志|人员)?(?:是|有|为)[:：]?(?P<names>[{CJK}·、和]{{2,400}})(?=$|[。；;])"
        ),
        "",
    ),
    (  # 选举产生12名省委常委：A、B、C (a count, when printed, must be the number of names)
        "elected",
        re.compile(
            rf"(?:选举产生|选出)了?(?:新一届)?(?:{COUNT_OF})?{POST}[:：](?P<names>[{CJK}·、和]{{2,400}})(?=$|[。；;])"
        ),
        "",
    ),
    (
        "nominated",
        re.compile(rf"(?<![拟荐])(?<!不再){alt('nominating')}(?P<names>{NAME_RUN})为{POST}{POST_END}"),
        "为",
    ),
    (
        "nominated",
        re.compile(rf"(?<!拟){alt('recommending')}(?P<names>{NAME_RUN})为{POST}(?=候选人|人选)"),
        "",
    ),
    (
        "appointed",
        re.compile(
            rf"(?<![任命]){alt('deciding')}[:：，,]?由?(?P<names>{NAME_RUN})(?:为|(?<!不再){alt('by_whom')}){POST}{POST_END}"
        ),  # 会议决定(：/，)王某为代理县长
        "为",
    ),
    # 通过了关于王某为代理县长的决定: a decision that X be Y
    ("appointed", re.compile(rf"关于(?P<names>{NAME_RUN})为{POST}的(?:决定|决议)"), ""),
    # 教育工委书记一职改由王安顺兼任: the post first, then the person
    ("appointed", BY_WHOM, ""),
    ("appointed", TOOK_UP_BEFORE, ""),
    # 接替调任广西副主席的陈章良: the one transferred, named after the post
    (
        "transferred",
        re.compile(rf"{alt('transferring')}{POST}的(?P<names>[{CJK}·]{{2,6}}?)(?=$|[，,。；;])"),
        "",
    ),
)
BACKWARD: tuple[tuple[EventKind, re.Pattern[str], bool], ...] = (
    # (kind, the formula after the names, whether the names must stand alone before it)
    ("elected", re.compile(rf"(?<!新){alt('elected')}{POST}{POST_END}"), False),
    # 林某连任主席: re-elected (not 连任两届, a count of terms)
    ("elected", re.compile(rf"连任(?![一二两三四五六七八九十\d]+[届次任期]){POST}{POST_END}"), False),
    ("removed", re.compile(rf"{alt('no_longer')}{POST}(?=$|[，,。；;\s]|职务|一职)"), False),
    (
        "removed",
        re.compile(
            rf"(?<=[{CJK}，,])(?P<asked>{alt('asking')})?{RESIGNING}{POST}"
            rf"(?:的?(?:职务|一职)|(?=以及|的{alt('resignation_papers')}))"
        ),
        True,
    ),
    (
        "removed",
        re.compile(rf"(?<=[{CJK}])的{POST}职务{alt('ending_adverbs')}?{alt('ending')}"),
        True,
    ),
    ("removed", re.compile(rf"{alt('leaving')}{POST}{POST_END}"), False),
    (
        "transferred",
        re.compile(
            rf"{alt('transferring', 'moving_to')}[{CJK}]{{2,6}}?[，,](?:{TAKING_OFFICE}|任){POST}{POST_END}"
        ),
        False,
    ),
    ("transferred", re.compile(rf"{MOVED_TO}{POST}{POST_END}"), False),
    ("transferred", re.compile(rf"{alt('moving')}[，,](?:{TAKING_OFFICE}|任){POST}{POST_END}"), False),
    ("transferred", re.compile(rf"{alt('transferring')}{POST}{POST_END}"), False),
    ("announced", re.compile(rf"拟(?:按程序)?{alt('proposing')}{POST}{POST_END}"), False),
    ("announced", re.compile(rf"是{POST}拟提名人选"), True),
    ("announced", re.compile(rf"(?:被确定为|拟作为){POST}(?:拟任|推荐|提名|候选人|预备)*人选"), False),
    (  # X接替Z(，)担任/兼任/成为Y: before X兼任Y, whose run would be Z
        "appointed",
        re.compile(
            rf"{alt('taking_over')}[{CJK}·]{{2,8}}?(?:同志)?[，,]?"
            rf"(?:{TAKING_OFFICE}|{alt('taking')}|任|{alt('becoming')}){POST}{POST_END}"
        ),
        False,
    ),
    ("appointed", re.compile(rf"{alt('taking')}{POST}{POST_END}"), False),
    # X被任命为Y; 被任命Y with no 为 where Y opens with its place (被任命怀柔区委副书记)
    (
        "appointed",
        re.compile(rf"(?:被|获){AGENT}{alt('passive_appointing')}(?:为|(?={PLACE_POST})){POST}{POST_END}"),
        False,
    ),
    ("appointed", re.compile(rf"(?<=[{CJK}]){alt('becoming')}{POST}{POST_END}"), True),
    ("elected", re.compile(rf"被{AGENT}{alt('passive_electing')}为{POST}{POST_END}"), False),
    ("elected", re.compile(rf"(?<![被]){alt('filling')}为{POST}{POST_END}"), True),
    ("nominated", re.compile(rf"被提名为{POST}(?:候选人|人选|{POST_END})"), False),
    # 不再提名(X)为Y候选人: a nomination withdrawn, no event
    (
        "nominated",
        re.compile(rf"(?<![拟荐被])(?<!不再){alt('nominating')}(?:为|(?!的)){POST}(?:候选人|人选)"),
        False,
    ),
    ("removed", re.compile(rf"被{alt('passive_removing')}了?{POST}的?职务"), False),
    (
        "appointed",
        re.compile(rf"已?经(?:中共)?[{CJK}]{{0,8}}?批准(?:其)?{TAKING_OFFICE}{POST}{POST_END}"),
        False,
    ),
    # 决定张勇同志代理县长, 关于李明代理县长职务的决定: the post is 代理…
    (
        "appointed",
        re.compile(rf"(?<=[{CJK}])(?P<post>{alt('acting')}[{CJK}、]{{2,40}}?)(?:职务)?{POST_END}"),
        True,
    ),
    ("appointed", re.compile(rf"(?<=同志)任{POST}{POST_END}"), False),
    ("appointed", WEAK_TAKING_AFTER_COMRADE, False),
    ("appointed", WEAK_TAKING, True),
    (
        "appointed",
        re.compile(
            rf"(?<=[{CJK}）)])(?<![担出现曾历主兼接调转留连继新前原再改升责信放首辞赴到])任(?![免命职用]){POST}{POST_END}"
        ),  # not 国务院任免…
        True,
    ),
)
HeaderKind = EventKind | Literal["decided"]
"""A list heading's kind: an event kind, or "decided" (each line says its own kind)."""
NUMBERED = r"(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．])"


def _heading(word: str) -> re.Pattern[str]:
    """任命： / 决定任命： / 一、任命 / 任命 alone on its line."""
    return re.compile(rf"(?:决定)?{word}[:：]$|^{NUMBERED}?(?:决定)?{word}$")


HEADERS: tuple[tuple[re.Pattern[str], HeaderKind], ...] = (
    # "decided": a list under 经研究决定： whose lines say their kind (A为X; A的X职务; A辞去X职务)
    (_heading("任命"), "appointed"),
    (_heading("免去"), "removed"),
    (re.compile(r"决定接受[:：]$"), "removed"),
    (_heading("聘任"), "appointed"),
    (_heading("提名"), "nominated"),
    (re.compile(r"决定(?:如下)?[:：]$"), "decided"),
)
LIST_ITEM = re.compile(rf"^(?P<names>{NAME_RUN})(?P<verb>为|辞去|的|[ \u3000]+){POST}{POST_END}")
"""A line under a heading: 王某为X / 王某的X职务 / 王某辞去X职务 / 王某　X (a name and its post set apart)."""
SUBJECT = re.compile(
    rf"^(?P<name>[{CJK}·]{{2,4}}?)(?:同志)?(?:[（(][男女][）)])?[，,]"
    rf"(?=男|女|汉族|[{CJK}]{{1,2}}族|(?:19|20)\d\d|出生|生于|中共党员)"
    rf"|^(?P<bracketed>[{CJK}·]{{2,4}}?)(?:同志)?[（(][男女][，,、][^）)]{{2,40}}[）)][，,]"
)
"""王小明，男，… / 李大海（女），汉族，… / 赵红梅，1975年5月生，… / 王某同志（男，1972年10月生），…:
a 公示 entry's person."""
BIO = re.compile(r"^[男女][，,、]")
"""男，汉族，1972年10月生，…: a 公示 entry whose name stands on the line before."""
RETIRED = re.compile(rf"(?P<name>[{CJK}·]{{2,8}}?)(?:同志)?{alt('retiring')}")
COUNT = r"(?P<count>\d{1,2}|[两二三四五六七八九十]{1,2})(?:位|名|人)(?:同志|干部)?"
VERB = r"(?P<verb>拟任|调任|转任|提任|(?<![曾历担兼现原])任)"
RETOLD: tuple[re.Pattern[str], ...] = (
    # 由县委书记任设区市副市长的3人：A、B、C
    re.compile(rf"{VERB}{POST}的{COUNT}[:：](?P<names>[{CJK}·、和]{{2,200}})"),
    # 曾任西湖区区长刘颖、桐庐县县长方毅2位任县委书记 (the 曾任 posts are theirs before)
    re.compile(
        rf"(?:^|(?<=[，,：:]))(?:曾任|原任|现任|原)?(?P<names>[{CJK}·、]{{2,200}}?){COUNT}"
        rf"(?:均|分别|都)?{VERB}{POST}{POST_END}"
    ),
    # 选举产生了滨湖区区长，代区长袁飞高票当选 (the post before, the names after theirs)
    re.compile(
        rf"选举产生了?(?:新一届)?{POST}[，,](?P<names>[{CJK}·、和]{{2,60}}?)"
        rf"(?:以\d+票的?)?(?:高票|全票|顺利|等额)?(?P<verb>当选)(?=$|[。，,；;！!])"
    ),
)
"""A report's retelling of a list of moves: a count of people and their names, each
name alone or after its post. The count must be the number of names read. And an election
told post first (选举产生了P，NAME当选)."""
RETOLD_KIND: dict[str, EventKind] = {
    "拟任": "announced", "调任": "transferred", "转任": "transferred", "提任": "appointed", "任": "appointed",
    "当选": "elected",
}  # fmt: skip
CARRIED = {
    "为": re.compile(
        rf"(?P<names>{NAME_RUN})(?:为|(?<![第一二三四五六七八九十两\d])任(?![命免职期用])){POST}(?:的?职务)?"
    ),
    "的": re.compile(rf"(?P<rest>[{CJK}、（）()·]{{3,80}}?)的?职务"),
}
"""A clause that goes on with the formula before it: 任命A为X，[B为Y]; 免去A的X职务；[B的Y职务]."""
THEN_APPOINTED = re.compile(rf"[，,](?:改|另)?任(?![命职用免])(?![^，,。；;]*为){POST}{POST_END}")
ITS = re.compile(rf"{alt('removing')}其{POST}的?职务")
PUNISHED = re.compile(
    rf"给予(?P<name>[{CJK}·]{{2,4}}?)(?:同志)?(?:党内|开除|留党|撤销|撤职|降级|降职|记过|记大过|警告|严重警告|政务|行政)"
)
"""给予王某撤销党内职务处分，免去其Y职务: the one punished is the one 其 stands for."""
THEN_FOR = re.compile(rf"(?:并(?:决定)?其?|决定其)为{POST}{POST_END}")
"""…，并决定为代理市长 / …、决定其为代市长: the same person's next post (appointed)."""
THEN_NOMINATED = re.compile(rf"(?<!不再)提名为{POST}(?:候选人|人选)")
THEN_ACTING = re.compile(rf"[，,](?:并(?:决定)?其)?(?P<post>代理[{CJK}]{{2,30}}?)职务")
TRIGGERS = re.compile(alt("triggers"))
VOTES = re.compile(rf"(?P<run>[{CJK}·]{{2,20}}?){alt('votes')}\d+票")
"""A word one of the formulas above holds: a clause without any is not matched against them."""
TITLED_PAPERS = re.compile(
    rf"{alt('accepting')}(?P<titled>[{CJK}、和]{{4,80}}?)的{alt('resignation_papers')}"
)
"""同意董事长姜某、非执行董事廖某的辞职申请: removed, each from the post before the name."""
RECEIVED_PAPERS = re.compile(
    rf"收到(?P<titled>[{CJK}、和]{{4,60}}?)(?:递交|提交|提出|送达)?的(?:书面)?{alt('resignation_papers')}"
)
"""董事会收到副总经理王某递交的书面辞职报告: removed from the title before the name (a
resignation takes effect when its report reaches the board)."""
LEAVING_TITLED = re.compile(rf"{alt('leaving_titled')}(?=$|[，,。；;])")
TITLED_BEFORE = re.compile(rf"(?:^|(?<=[，,的：:、])){alt('titled_before')}")
"""时任复旦大学校长杨某到龄到届，退出领导岗位 / 前任校长朱某退休: the post the title gives."""
FUTURE = re.compile(alt("future_times"))
SPECULATION = re.compile(alt("speculation") + "$")
TAKING_OVER = re.compile(alt("taking_over"))
"""王小明或将出任Y, 李某有望接任Y: a run ending in a guess tells no move."""
"""明天，X将出任Y: a move still to come is no event (unless 已 stands between: 已调任)."""
PROMOTED = re.compile(alt("taking", "transferring"))
"""升为, 升任, 调任…: after X由A / X从A the move from A; a bare 任 there is a résumé's."""
