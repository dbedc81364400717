"""The clauses that go on from a 任免 formula (reader.people.events): a list carried by
the formula's verb (任命A为X，B为Y) and the same person's next move (并决定为代理市长,
免去…职务，任…, 提名为…人选).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.people.event_formulas import CARRIED, THEN_ACTING, THEN_APPOINTED, THEN_FOR, THEN_NOMINATED
from reader.people.event_names import clean_post, names_in, names_through_wei, split_name_post
from reader.people.model import Event, EventKind

NEXT_ITEM = re.compile(
    r"、(?=[\u4e00-\u9fff·]{2,6}?(?:同志)?(?:为|(?<![第一二三四五六七八九十两\d])任(?![命免职期用]))[\u4e00-\u9fff])"
)
"""A 、 that may open the next item of a list of moves (任命A为X、B为Y)."""
OWN_VERB = re.compile(r"(?:决定|同意|批准)?(?:任命|任免|免去|免除|撤销|提名|选举|补选|聘任|聘请|接受|推选)")
"""An item that opens with a verb of its own (任命A为X；任命B为Y) is its own formula, read
as one, not an item carried by the verb before: 任 is a surname, so 任命B would pass for a name."""


SAME_PERSON = re.compile(r"(?:并|同时)?(?:免去其|提请[^为]{2,30}?(?:免去|任命)其)")
"""The items after 任命A为X that go on with A (免去其…职务, 提请…免去其…职务), not with a new name."""


def _items(rest: str) -> str:
    """The items of 任命A为X、B为Y、C为Z set apart by ；: a 、 opens an item only after one
    that holds its 为 (周恩来、王洪文为副主席 is one item; 副市长、代理市长 one post)."""
    out, start = [], 0
    for match in NEXT_ITEM.finditer(rest):
        item = re.split(r"[，,；;]", rest[start : match.start()])[-1]
        if (
            match.start() == 0 or "为" in item or "任" in item
        ):  # the formula's own item ends where rest starts
            out.append(rest[start : match.start()])
            start = match.end()
    return "；".join([*out, rest[start:]])


def carried(
    kind: EventKind, carry: str, rest: str, later: Sequence[str], when: str | None, index: int
) -> Iterable[Event]:
    """The clauses after a formula that go on with its verb: 任命A为X，B为Y，C为Z;
    分别免去A的X职务；B的Y职务. Each must be a name and a post and nothing else (a name
    of a known surname; 的 or 同志 between name and post after 免去); the first that is
    not ends the run."""
    rest = _items(rest) if carry == "为" else rest  # 任命A为X、B为Y
    if carry == "的" and rest.startswith("、"):  # 免去A的X职务、B的Y职务: a 、 after 职务 opens an item
        rest = "，" + rest[1:]
    pieces = re.split(r"[，,；;]|(?<=职务)、" if carry == "的" else r"[，,；;]", "；".join([rest, *later]))
    if pieces[0].strip("。 ") not in ("", "职务", "的职务"):
        return
    pattern = CARRIED[carry]
    for piece in pieces[1:]:
        piece = piece.strip().rstrip("。！!")
        if carry == "为" and SAME_PERSON.match(piece):
            continue  # 任命A为X，免去其Y职务，提请…；B为Z: A's own next steps, then the list goes on
        if OWN_VERB.match(piece):
            return
        match = pattern.fullmatch(piece)
        if match is None:
            return
        if carry == "的":
            if "的" not in piece and "同志" not in piece:
                return
            split = split_name_post(match.group("rest"))
            if split is None:
                return
            names, post = names_in(split[0], True), clean_post(split[1])
        else:
            names, post = names_in(match.group("names"), True), clean_post(match.group("post"))
            if not names and (through := names_through_wei(match.group("names"), match.group("post"))):
                names, post = through[0], clean_post(through[1])  # …，郑为文、冯某为副主任
        if not names or not post:
            return
        for name in names:
            yield Event(name, kind, post, when, index)


def follow_ups(rest: str, names: list[str], when: str | None, index: int) -> Iterable[Event]:
    """并决定为代理市长 / 提名为…候选人 / 免去…职务，任… after a first formula: the same person."""
    if len(names) != 1:
        return
    then = THEN_APPOINTED.match(rest.removeprefix("的").removeprefix("职务"))
    if then and clean_post(then.group("post")):
        yield Event(names[0], "appointed", clean_post(then.group("post")), when, index)
    follow = THEN_FOR.match(rest.lstrip("，,、"))
    if follow:
        yield Event(names[0], "appointed", clean_post(follow.group("post")), when, index)
    acting = THEN_ACTING.match(rest)
    if acting:
        yield Event(names[0], "appointed", clean_post(acting.group("post")), when, index)
    nominated = THEN_NOMINATED.search(rest)
    if nominated:
        yield Event(names[0], "nominated", clean_post(nominated.group("post")), when, index)
