"""Moves told of a titled name (reader.people.events): the post stands before the name
and no post follows the verb; and a bare 当选 after the candidates' post.

Why apart: the other formulas read a post after their verb (卸任Y, 辞去Y职务); a report
as often names the post with the person and ends on a bare verb (前任校长朱某退休; 时任
复旦大学校长杨某到龄到届，退出领导岗位; 同意董事长姜某、监事会主席李某的辞职申请). The
post is then the title before the name, and each name of a list has its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.people.event_formulas import (
    LEAVING_TITLED,
    LIST_SPLIT,
    NOISE,
    RECEIVED_PAPERS,
    TITLE_END,
    TITLED_BEFORE,
    TITLED_PAPERS,
)
from reader.people.event_names import after_title, clean_post, count_of, is_name, names_in, titled_items

BARE_ELECTED = re.compile(
    r"(?P<names>[\u4e00-\u9fff·、]{2,40}?)(?:等[^，,。；;]{0,10}?)?当选(?=$|[，,。；;！!])"
)
"""…介绍了Y候选人基本情况，进行了投票选举，王某等7位代表当选: elected to the Y of the
candidates the clause named before."""
AFTER_NAME = re.compile(r"^(?:$|因|由于|到龄|到届|于|已|在|年满|同志)")
"""What may follow a name before the bare verb: nothing, a cause or a time (吴某因年龄原因卸任)."""


LEAVING_CAUSE = re.compile(r"(?:均|都|同时|先后|双双|相继)?(?:(?:因|由于)[^、]*)?$")
"""均因年龄原因 before the bare verb of a list of titled names."""


def titled_pairs(run: str) -> list[tuple[str, str]]:
    """董事长姜某、非执行董事廖某和监事会主席李某 → each (name, post); all or none."""
    pairs = []
    for part in re.split(r"和", NOISE.sub("", run)):
        for piece in LIST_SPLIT.split(part):
            name = after_title(piece)
            post = clean_post(piece[: -len(name)]) if name else ""
            if not name or not post:
                return []
            pairs.append((name, post))
    return pairs


def titled_name(segment: str, known: list[str]) -> tuple[str, str] | None:
    """复旦大学校长杨某到龄到届 → (杨某, 复旦大学校长): the name after a post's last title
    character, followed by nothing, a cause or a time; an official found first."""
    for at in range(2, len(segment) - 1):
        if segment[at - 1] not in TITLE_END:
            continue
        post = clean_post(segment[:at])
        if not post:
            continue
        rest = segment[at:]
        for name in [*(k for k in known if rest.startswith(k)), rest[:3], rest[:2]]:
            if rest.startswith(name) and is_name(name) and AFTER_NAME.match(rest[len(name) :]):
                return name, post
    return None


def titled_moves(clause: str, known: list[str]) -> Iterator[tuple[int, str, str]]:
    """(position, name, post) of each removal told of titled names in a clause."""
    if "辞" in clause:  # 辞呈, 辞职…: else no regular expression run
        for match in [*TITLED_PAPERS.finditer(clause), *RECEIVED_PAPERS.finditer(clause)]:
            for name, post in titled_pairs(match.group("titled")):
                yield match.start(), name, post
    if not re.search("卸|休|退|离", clause):
        return
    for match in LEAVING_TITLED.finditer(clause):
        before = clause[: match.start()]
        for marker in reversed(list(TITLED_BEFORE.finditer(before))):  # the clause's (split at ；)
            segment = re.split(r"[，,]", before[marker.end() :])[0]
            if found := titled_name(segment, known):
                yield marker.start(), *found
                break
        else:  # 青海书记王某、宁夏书记陈某均因年龄原因卸任: a list of titled names, no marker
            segment = re.split(r"[，,：:。]", before)[-1]
            start = match.start() - len(segment)
            pairs = titled_pairs(LEAVING_CAUSE.sub("", segment)) if "、" in segment else []
            if not pairs and (alone := titled_name(segment, known)):
                pairs = [alone]  # 县长王某卸任
            yield from ((start, name, post) for name, post in pairs)


DISMISSED = re.compile(r"(?:予以|被|已被|作|给予)了?(?:免职|撤职)(?:处理|处分)?(?=$|[，,。；;])")
"""市公安局副局长何某予以免职 / 县长王某被免职: removed from the title before the name."""


COUNTED = re.compile(r"(?:\d+|[两二三四五六七八九十]+)?名?同志$")
"""…朱某3名同志: the count after a list of the persons a decision names."""


def dismissals(clause: str, known: list[str]) -> Iterator[tuple[int, str, str]]:
    """(position, name, post) of each titled name dismissed with no post after the verb."""
    if "职" not in clause:
        return
    for match in DISMISSED.finditer(clause):
        segment = re.split(r"[，,：:的对]", clause[: match.start()])[-1]
        joined = [titled_name(part, known) for part in segment.split("和")] if "和" in segment else []
        if len(joined) > 1 and all(joined):  # 县委常委、政法委书记罗某和县公安局局长申某已被免职
            yield from ((match.start(), *pair) for pair in joined if pair)
        elif found := titled_name(segment, known):
            yield match.start(), *found
        elif "对" in clause[: match.start()]:  # 对天山区区委书记李某，…朱某3名同志给予了免职处理
            listed = COUNTED.sub("", clause[clause.rfind("对", 0, match.start()) + 1 : match.start()])
            found_all = [titled_name(item, known) for item in re.split(r"[，,]", listed)]
            if len(found_all) > 1 and all(found_all):
                yield from ((match.start(), *pair) for pair in found_all if pair)


def bare_elections(clause: str) -> Iterator[tuple[int, list[str], str]]:
    """(position, names, post) of X(等N位…)当选 with no post after it, the post the
    candidates of the clause before it were named for (Y候选人)."""
    if "当选" not in clause or "候选人" not in clause:
        return  # most clauses: no regular expression run
    for match in BARE_ELECTED.finditer(clause):
        before = clause[: match.start()]
        candidates = list(re.finditer(r"([\u4e00-\u9fff、]{2,40}?)候选人", before))
        if not candidates:
            continue
        post = clean_post(re.split(r"[了的，,为是]", candidates[-1].group(1))[-1])
        run = re.split(r"[，,：:]", match.group("names"))[-1]
        names = [name for name in re.split("[、和]", NOISE.sub("", run)) if name]
        if post and names and all(is_name(name) for name in names):
            yield match.start(), names, post


FORMED_BY = re.compile(
    r"(?:选举产生|选出|产生)了?(?:新一届)?由(?P<names>[\u4e00-\u9fff·、和]{2,300}?)"
    r"(?:共|等)?(?P<count>[\d一二两三四五六七八九十]+)(?:位|名)?(?:同志|人)?组成的"
    r"(?P<body>[\u4e00-\u9fff]{2,40}?(?:委员会|常委会|理事会|监事会))(?=$|[，,。；;])"
)
"""选举产生了由王某、刘某…共9人组成的共青团某委员会: each named is elected a member (委员)."""


def formed_by(clause: str) -> Iterator[tuple[int, list[str], str]]:
    """(position, names, post) of the members of a body an election formed, as many as its count."""
    if "组成" not in clause:
        return
    for match in FORMED_BY.finditer(clause):
        names = names_in(match.group("names"), True)  # a long list vouches for 原某 (原 is a surname too)
        body = match.group("body")
        post = body + {"理事会": "理事", "监事会": "监事"}.get(body[-3:], "委员")
        if names and len(names) == count_of(match.group("count")):
            yield match.start(), names, clean_post(post) or post


NEW_TEAM = re.compile(r"新一届(?:[\u4e00-\u9fff]{0,12}?)(?:成员)?(?:还|另)?包括(?P<rest>.+)$")
"""山南新一届市委常委还包括市委副书记：A、B，市委常委：C、D等11人 (after the election it retells)."""
LABELLED = re.compile(
    r"(?P<post>[\u4e00-\u9fff]{2,16}?)[：:](?P<names>[\u4e00-\u9fff·、和\d]{2,300}?)(?=[，,；;。]|$)"
)


def new_team(clause: str) -> Iterator[tuple[int, list[str], str]]:
    """(position, names, post) of the posts and their names a new team is told to include:
    elected (新一届 is what an election made), each post as labelled before its names."""
    if "新一届" not in clause or "包括" not in clause:
        return
    team = NEW_TEAM.search(clause)
    if team is None:
        return
    for match in LABELLED.finditer(team.group("rest")):
        post = clean_post(match.group("post"))
        names = names_in(match.group("names"), True)
        if post and names:
            yield team.start(), names, post


NEWLY_ELECTED = re.compile(
    r"(?:新当选(?:的|为)?|(?<=会议|大会)选举(?:产生)?的)"
    r"(?P<titled>[\u4e00-\u9fff]{3,30}?)(?=说|表示|向|在|介绍|指出|发言|讲话|作|已|经|[，,。：:；;]|$)"
)
"""新当选的居委会主任吴某说, 新当选村委会主任李某向全体村民承诺, 省人民代表大会第一次会议选举的
省人民检察院检察长陈某已经…批准任命: the post before the name."""


SAID = re.compile(r"与|说|表示|向|在|介绍|指出|发言|讲话|作|[。；;：:]")
"""What a report says its newly elected did, after their names (…秘书长方某与全体委员见面)."""


def newly_elected(clause: str) -> Iterator[tuple[int, str, str]]:
    """(position, name, post) of 新当选(的)Y X: a report's retelling of an election; the
    titled names after the first go with it (新当选的县政协主席郑某，副主席王某、汪某)."""
    if "新当选" not in clause and "选举的" not in clause and "选举产生的" not in clause:
        return
    for match in NEWLY_ELECTED.finditer(clause):
        titled = match.group("titled")
        name = after_title(titled)
        post = clean_post(titled[: -len(name)]) if name else ""
        if not (name and post and is_name(name)) or (len(name) == 2 and clean_post(name)):
            continue  # not 新当选的省委常委 (常委 no name)
        run = SAID.split(clause[match.start("titled") :], maxsplit=1)[0]
        for person, held in titled_items(run) or [(name, post)]:
            yield match.start(), person, held
