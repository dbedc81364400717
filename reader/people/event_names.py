"""Names and posts in the runs of text around a 任免 formula (reader.people.events).

A run before a formula (县委书记任刚, 张志轩、张荣国) gives its names; a run after
免去 gives a name and a post; a post is cleaned of 职务, 人选 and brackets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from reader.people.event_formulas import (
    CJK,
    LIST_SPLIT,
    NOISE,
    NOT_GIVEN,
    NUMBERED,
    POST_TAIL,
    POST_WORDS,
    PRONOUNS,
    RESUME,
    TITLE_END,
    alt,
    words,
)

HONORIFICS = words()["honorifics"]
NAME_TITLES = frozenset(words()["name_titles"])
MEETING_ROLES = words()["meeting_roles"]
NOT_FIRST = (*PRONOUNS, "您", "你", "我", "第")
NOT_NAMES = frozenset(
    {"后来", "随后", "其后", "此后", "全部", "双双", "同时", "相继", "成功", "顺利"}
    | {"全国", "全省", "全市", "全县", "全区", "全镇", "全体", "全院", "全校", "能够", "能否"}
    | {"荣幸", "个别", "個別", "个别代表", "個別代表"}  # 表示荣幸当选…, 接受个别代表辞去…
)
"""What no name opens with: a pronoun (选举您担任…), an ordinal (第四任)."""
TIME_ENDS = ("期间", "之际", "以来", "以后")
"""Ends of words of time (空缺期间, 任职以来): what ends so is no name."""
MIDDLE_GIVEN = set("向中")
"""Characters of NOT_GIVEN that stand in the middle of a three-character name (陈向群, 金中梁)."""
VERBISH = set("获被将已再又也现出任调升兼接曾均都委聘")
"""Characters that end a run before a verb (王小明获任, 李大海将, 李家超委任): no fourth of a name."""


@cache
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single, compound) surnames from the officials lexicon's public loader."""
    try:
        from reader.officials import load_lexicon

        lexicon = load_lexicon()
        return frozenset(lexicon.surnames), frozenset(lexicon.compound_surnames)
    except Exception:  # a broken user overlay: read names without the surname check
        return frozenset(), frozenset()


def is_name(text: str, formula: bool = False) -> bool:
    """A person's name: a known surname and one to three more characters, or a dotted
    name. In a formula's name slot (任命X为) the surname is not checked (门克巴依)."""
    if not re.fullmatch(rf"[{CJK}·]+", text):
        return False
    if "·" in text:
        parts = text.split("·")
        return len(text) >= 4 and all(0 < len(part) <= 6 for part in parts)
    single, compound = surnames()
    given = text[2:] if len(text) == 3 and text[1] in MIDDLE_GIVEN else text[1:]  # 陈向群, not 李明向
    given = given[:-1] if len(text) == 3 and given[-1:] in WORDLIKE_LAST else given  # 郑立中, not 李中
    if len(text) == 3 and text[1] == "其":
        given = given.replace("其", "")  # 张其亚 (其 ends a name only in a list: names_in)
    if not 2 <= len(text) <= 4 or any(ch in NOT_GIVEN for ch in given) or text.startswith(NOT_FIRST):
        return False
    if text in NOT_NAMES or text.endswith(TIME_ENDS):
        return False  # 后来兼任…, 全部拟任…, 空缺期间代行…: a word of time or number before the verb
    if text[1:] in NAME_TITLES or text[2:] in NAME_TITLES:
        return False  # 张书记, 欧阳主任: a surname and a title, no name
    if len(text) == 4 and not formula and text[:2] not in compound and text[3] in VERBISH:
        return False  # 王小明获(任): a name and the start of its verb
    return formula or not single or text[0] in single or text[:2] in compound


NAME_TITLE = re.compile(rf"(?P<name>[{CJK}]{{2,3}}?)(?:常务)?副?{alt('name_titles')}")
"""王某院长, 郑某副区长: a name and the title it is called by, set after it."""


def called_name(text: str) -> str | None:
    """The name of 王某院长 or 郑某副区长 (a title after the name), else None."""
    called = NAME_TITLE.fullmatch(text)
    return called.group("name") if called and is_name(called.group("name")) else None


def trailing_name(text: str) -> str | None:
    """The name a run ends with: 宣传部长陈瑞峰 → 陈瑞峰, 县长郭薪 → 郭薪."""
    if is_name(text):
        return text
    _single, compound = surnames()
    if len(text) >= 4 and text[-4:-2] in compound:
        return text[-4:]
    if len(text) >= 3 and text[-3] not in TITLE_END and is_name(text[-3:]):
        return text[-3:]
    if len(text) >= 2 and is_name(text[-2:]):
        return text[-2:]
    return None


def without_count(run: str) -> str:
    """王某等18人 → 王某: the count closing a run of names (those it counts are not named)."""
    return re.sub(r"等[\d一二两三四五六七八九十百]*[名位个]?(?:代表|同志|人士|人|委员|干部|党员)?$", "", run)


BRACKETED = re.compile(r"[（(][^()（）]*[）)]")


def names_in(run: str, strict: bool, formula: bool = False) -> list[str]:
    """The names in a run before or after a formula; strict: every part must be a name."""
    run = NOISE.sub("", run)
    run = BRACKETED.sub("", run)  # 周某(中共江门市委常委、纪委书记)、吴某(女，满族): notes on the names
    run = without_count(run)
    if "、" in run:  # 甲、乙、丙三人担任…: a list's count with no 等
        run = re.sub(r"[两二三四五六七八九十\d]+[名位个]?(?:人|同志)$", "", run)
    parts: list[str] = []
    for part in LIST_SPLIT.split(run):
        if "和" in part and not is_name(part):
            parts.extend(piece for piece in part.split("和") if piece)
        elif part:
            parts.append(part)
    if len(parts) >= 4:  # 马?: a name with a character lost to the page's encoding is left out of a long list
        parts = [part for part in parts if "?" not in part and "？" not in part]
    names = []
    vouched = _list_vouches(parts, formula)
    for index, part in enumerate(parts):
        listed_qi = len(parts) > 1 and len(part) == 3 and part[2] == "其" and is_name(part[:2])  # 马正其
        dotted = re.fullmatch(rf"[{CJK}]+(?:\.[{CJK}]+)+", part) and is_name(part.replace(".", "·"))
        # 帕巴拉.格列朗杰: an ASCII name dot
        if is_name(part, formula) or listed_qi or part in vouched or dotted:
            names.append(part)
        elif called := called_name(part):
            names.append(called)  # 决定郑某副区长代理区长职务
        elif not strict and index == 0 and formula:
            found = trailing_name(part)
            if found is None:
                return []
            names.append(found)
        else:
            return []
    return names


def names_through_wei(run: str, post: str) -> tuple[list[str], str] | None:
    """周某、郑为文、冯某为副主任: a name holding 为 (郑为文, 李为民) ends the shortest run of
    names at its own 为, and the list fails there (郑 is no name). Read on to the post's
    first 为: the run through it is the list when every part is a name and one of them holds
    为; the post is what follows. None when that reading is no better."""
    at = post.find("为")
    if at <= 0 or not re.fullmatch(rf"[{CJK}、]+", post[:at]):
        return None
    names = names_in(f"{run}为{post[:at]}", True)
    rest = post[at + 1 :]
    if not names or len(rest) < 2 or not any("为" in name for name in names):
        return None
    return names, rest


def _list_vouches(parts: list[str], formula: bool) -> set[str]:
    """The items of a long list of names (four or more, two thirds of them names of a known
    surname) that are name-shaped without one: 阿古拉, 海英, 折睿, 王兴于 among 王云山、卢智慧…
    The rest of the list vouches for them; a list mostly of other words vouches for none."""
    if len(parts) < 4:
        return set()
    plain = [part for part in parts if is_name(part, formula)]
    if len(plain) * 3 < len(parts) * 2:
        return set()
    return {
        part
        for part in parts
        if part not in plain
        and re.fullmatch(rf"[{CJK}]{{2,4}}|[{CJK}]{{1,6}}(?:·[{CJK}]{{1,6}})+", part)
        and part not in NOT_NAMES
        and not clean_post(part)
        and not part.startswith(NOT_FIRST)
    }


def count_of(text: str) -> int:
    """3, 两, 十二, 二十: the number a count prints."""
    if text.isdigit():
        return int(text)
    digits = {ch: n for n, ch in enumerate("一二三四五六七八九", 1)} | {"两": 2}
    if "十" not in text:
        return digits.get(text, 0)
    tens, _, units = text.partition("十")
    return digits.get(tens, 1 if not tens else 0) * 10 + digits.get(units, 0)


def titled_names(run: str) -> list[str]:
    """A list of names each alone or after its post (西湖区区长刘颖、方毅): all or none.
    After a post the name is what follows its last title character (县长周向军)."""
    names = []
    for part in LIST_SPLIT.split(NOISE.sub("", run)):
        part = part.removesuffix("同志")  # …副主任王某、李某同志为…
        name = part if is_name(part) else after_title(part)
        if name is None:
            return []
        names.append(name)
    return names


def after_title(part: str) -> str | None:
    """县长周向军 → 周向军: two to four characters of a known surname after a post's end."""
    single, compound = surnames()
    for end in range(len(part) - 2, max(len(part) - 4, 1) - 1, -1):  # names of 2 to 4
        name = part[end:]
        titled = part[end - 1] in POST_TAIL or part[:end].endswith(POST_WORDS)  # 县长周某, 董事会秘书郑某
        if name in NOT_NAMES or name.endswith(TIME_ENDS):
            continue  # 总经理空缺期间: a time, not a name after a post
        if titled and (name[0] in single or name[:2] in compound):
            return name if re.fullmatch(rf"[{CJK}]+", name) else None
    return None


def titled_items(text: str) -> list[tuple[str, str]]:
    """(name, post) of a run of titled names set apart by 、 or ，, where a bare name goes
    with the post before it (镇人大主席潘某、副主席涂某，镇长黄某、副镇长付某、孙某):
    read up to the first item that is neither; none unless the first is a titled name."""
    pairs: list[tuple[str, str]] = []
    post = ""
    for item in re.split(r"[、，,]", text):
        item = re.sub(r"^(?:以及|及|和)", "", NOISE.sub("", item.strip()))
        name = after_title(item)
        titled = clean_post(item[: -len(name)]) if name else ""
        if name and titled:
            post = titled
        elif not (post and is_name(item)):
            break
        pairs.append((name if name and titled else item, post))
    return pairs


def post_then_name(text: str) -> str | None:
    """兰陵县委书记任刚 → 任刚: a name after a post of a place or a body, nothing else
    before it (议员支持 is no 议员 named 支持)."""
    text = text.removesuffix("同志")  # 任命县委副书记纪某同志为…
    name = after_title(text)
    if name is None:
        return None
    post = re.sub(r"^(?:现任|时任|原任|原)", "", text[: -len(name)])
    bodies = r"[省市县区州镇乡委局厅部院校司团行]|总裁|董事"  # …公司, 集团, 银行; 总裁, 董事长
    return name if re.search(bodies, post) and clean_post(post) == post else None


def clean_post(post: str) -> str:
    # 晋升为Y: no post opens with 为 (nor with 其: 其县长职务由李某接任 is 县长)
    post = re.sub(r"^(?:了|为|其|[（(][^）)]{1,8}[）)])", "", post.strip("的"))
    post = re.split(rf"、(?=[{CJK}]{{2,4}}等?为)", post)[0]  # X、邓小平等为副总理: the next name's
    for tail in ("的职务", "职务", "人选", "候选人", "之后", "以后", "后"):
        post = post.removesuffix(tail)
    post = re.sub(r"[（(][^）)]*[）)]?$", "", post).strip("、的")
    post = re.sub(r"等(?:一切|全部|所有)?$", "", post)  # …及提名委员会主任等一切(职务)
    post = re.sub(r"[\d一二两三四五六七八九十]+位(?=副?[主书委秘理院校])", "", post)  # …委员会23位副主席
    if re.fullmatch(r"(?:现|原|所|担)任", post):
        return ""  # 免去其现任职务 names no post
    if post.startswith(("后", "之后", "以后", "仍")):
        return ""  # 辞任后仍继续担任…: what one keeps after leaving, no post left
    if post.startswith(MEETING_ROLES) or post.endswith(MEETING_ROLES):
        return ""  # 大会执行主席由A、B担任: a role at a meeting, no post
    if post.startswith("代行") and post.endswith("职责"):  # 代行董事长职责: acting in a post, as printed
        return post if clean_post(post[2:-2]) else ""
    return post if post[-1:] in POST_TAIL or post.endswith(("领导", *POST_WORDS)) else ""


BODY_STARTS = frozenset(
    {"政协", "人大", "中共", "全国", "国务", "省委", "市委", "县委", "区委", "党委", "人民"}
)
"""Words a post opens with (政协…委员, 人大…代表): after two characters of a name, its third is theirs."""
WORDLIKE_LAST = set("中")
"""Characters of NOT_GIVEN that end given names (郑立中, 王建中): believed before a body's word."""


def split_name_post(rest: str, known: Sequence[str] = ()) -> tuple[str, str] | None:
    """免去卢炳椿泉州市人民政府副市长: where the name stops and the post starts; an
    official the article names (`known`, longest first) is taken whole where the rest opens
    with one and a post follows it (免去王小明县…: 王小明, whatever the lengths say)."""
    honorific = next((word for word in HONORIFICS if word in rest), None)
    if honorific:  # 免去刘刚同志知行学院院长, 解聘周某女士副总经理: the name ends at 同志
        name, _, post = rest.partition(honorific)
        return (name, post.lstrip("的")) if names_in(name, True) and len(post) >= 2 else None
    if "的" in rest:
        name, _, post = rest.partition("的")
        return (name, post) if names_in(name, True) else None
    *head, last = rest.split("、")
    if head and all(is_name(part) for part in head) and (split := split_name_post(last, known)):
        return "、".join([*head, split[0]]), split[1]  # 免去A、B、C市人民政府副市长职务
    for name in known:
        if rest.startswith(name) and is_name(name, True) and clean_post(rest[len(name) :]):
            return name, rest[len(name) :]
    if rest[:2] in BODY_STARTS:
        return None  # 撤销全国政协委员资格: a body opens the rest, no name
    if rest[3:5] in BODY_STARTS and rest[2] in WORDLIKE_LAST and is_name(rest[:2]):
        return rest[:3], rest[3:]  # 免去郑立中政协第十二届…: 郑立中 (中 ends names, and 中政协 is no body)
    lengths = (2, 3, 4) if rest[2:4] in BODY_STARTS else (3, 2, 4)  # 撤销石磊政协…委员资格: 石磊
    for length in lengths:
        name, post = rest[:length], rest[length:]
        # 李明市长, 李明市委书记: 李明 and the title after its place's character; but 张松岭省政府秘书长,
        # 王小明县财政局局长: a body (省政府, 县财政局) opens the post
        place_cut = length == 3 and post[:1] in "省市县区" and post[1:2] in "长委" and len(post) <= 5
        if len(post) >= 2 and is_name(name) and not place_cut and post[0] != "、":
            return name, post
    return None


def opener_of(paragraph: str) -> str | None:
    """The name a paragraph opens with (周斌出生于…, 吴靖平1984年…), for the 他/她 later in it."""
    match = re.match(rf"[{CJK}]{{2,4}}?(?=出生|生于|[，,]|同志|，男|，女|\d{{4}}年)", paragraph)
    return match.group() if match and is_name(match.group()) else None


def known_tail(run: str, known: list[str]) -> list[str]:
    cleaned = NOISE.sub("", run)
    return [name for name in known if cleaned.endswith(name) and not LEAD_IN.match(name)][:1]


def previous_subject(before: str, known: list[str]) -> list[str]:
    """现任…的吴智明,拟任…: the name that ends the clause before the formula."""
    clauses = [part for part in re.split(r"[，,]", before) if part]
    if not clauses:
        return []
    last = re.split(r"[:：]", NOISE.sub("", clauses[-1]))[-1]  # 公示如下：王小明，拟任…
    last = re.sub(rf"^{NUMBERED}", "", last)  # 1．王小明，拟任…
    if "的" in last:
        last = last.rsplit("的", 1)[1]
    opening = [name for name in known if clauses[-1].startswith(name)][:1]
    # 李明因工作调动，请求辞去…; 李明于5月16日递交辞呈，同时不再担任…; 公司原董事长王某同志因…
    cause = re.match(rf"([{CJK}、]{{2,120}}?)(?:等)?(?:{alt('honorifics')})?(?=因|由于|于\d)", clauses[-1])
    if not opening and cause and (is_name(cause.group(1)) or post_then_name(cause.group(1))):
        opening = [cause.group(1) if is_name(cause.group(1)) else post_then_name(cause.group(1)) or ""]
    elif not opening and cause and "、" in cause.group(1) and (listed := names_in(cause.group(1), True)):
        opening = listed  # 乔某、齐某因年龄原因，不再担任…; 于某、孙某等同志因工作变动，不再担任…
    titled = post_then_name(last)
    alone = is_name(last) and not (len(last) == 2 and last[-1] in TITLE_END)  # 经理 is no name
    found = known_tail(last, known) or ([last] if alone else [titled] if titled else opening)
    if not found and len(clauses) > 1 and re.match(r"(?:现任|现为|原任)[^的]*$", last):
        return previous_subject("，".join(clauses[:-1]), known)  # 王小明，现任A，拟任B
    return found


def is_resume(before: str, run: str) -> bool:
    """曾任/历任 and a year standing for the subject (2013年任…) are history, not events;
    the 曾 of a name (曾勇平当选) is a surname."""
    window = before[-12:]
    if run and window.endswith(run) and "曾" in run and names_in(bare(run), True):
        window = window[: -len(run)]  # the run is names: none of it is a résumé's 曾
    return bool(re.search(RESUME, window)) or bool(re.fullmatch(r"[\d年月]+", run))


LEAD_IN = re.compile(
    r"^(?:.*(?:决定|关于|审议了?|听取了?|收到|接到|同意|接受|批准|通过了?|以及|宣布了?|选举产生了?|选出了?|授权)|由)"
)
"""会议决定张勇同志代理…, 表决通过了关于李明代理…, 宣布王某任…, 差额选举产生了A、B等7名同志当选…:
the name is after the body's verb."""
TRAILING = re.compile(
    r"(?:(?:本月|上月|今年|去年|年|月)(?:初|底|上旬|中旬|下旬)|本月|上月|今年|去年|近日|日前|近期|\d{1,2}月(?:上旬|中旬|下旬|初|底|份)?"
    r"|\d{1,2}日|上旬|中旬|下旬|(?:在|于)(?=\d)|\d{4}年"
    r"|将|即将|已|已经|正式|均|便|就|再度|再次|又|挂职|特|于|扶正|转正|宣誓|并|同时|相应|也|亦|还|则|被|因|决定|主动|自愿|突然|突|双双|相继|先后"
    r"|成功|顺利|高票|全票|等额)+$"
)
"""朱善璐本月中旬调任, 李路明同志将接替, 项某在2017年7月被免去,
杨军特申请辞去, 副校长杨某扶正担任, 王某并不再担任,
同时相应辞去, 王某因调任:
words between a name and its verb."""


def bare(run: str) -> str:
    """A run without its time and modal words: "" when it names no one (3月底, 今年1月)."""
    return TRAILING.sub("", NOISE.sub("", run)).strip()


VOTED_BY = re.compile(r"以[^，,。]{0,24}?票数?$")
"""周某、顾某以应到会人数过半的票数当选: the votes between the names and the verb."""
SUCCESSION = re.compile("^(?:前任|前一任|继任者|接任者|继任)")
"""徐某的前任项某, 王某的继任者李某: a word of succession between 的 and the name."""


def cleaned_runs(run: str) -> list[str]:
    """The readings of a run before a formula, plainest first: as printed, without the
    time or modal words before the verb (本月中旬, 将), after the body's verb (会议决定张勇),
    the name after the last 的 (时任合肥包河区委的胡启生), and the name before a cause
    (王某由于工作变动原因)."""
    trimmed = TRAILING.sub("", VOTED_BY.sub("", NOISE.sub("", run)))
    runs = [trimmed] if trimmed and trimmed != NOISE.sub("", run) else []  # 刘捷再度: no 4-character name
    for candidate in (run, trimmed, LEAD_IN.sub("", trimmed)):
        if candidate and candidate not in runs:
            runs.append(candidate)
    tail = SUCCESSION.sub("", trimmed.rsplit("的", 1)[-1])  # 徐某的前任项某: the name after the word
    if "的" in trimmed and (is_name(tail) or names_in(tail, True)):
        runs.append(tail)  # 时任合肥包河区委的胡某; 白云庄社区的任某、沈某和张某
    if (cause := re.match(r"(.{2,6}?)(?:因|由于|向)", trimmed)) and is_name(cause.group(1)):
        runs.append(cause.group(1))  # 王某先生由于工作变动原因辞去…, 王某向县人大常委会提出辞去…
    place = re.fullmatch(r"(.{2,30}?)在[^，,]{1,40}?(?:上|中|期间)", LEAD_IN.sub("", trimmed))
    if place and is_name(place.group(1)):
        runs.append(place.group(1))  # 王某在县人大常委会第二十一次会议上被任命为…
    elif place and (titled := post_then_name(place.group(1))):
        runs.append(titled)  # 授权常务副总经理刘某在总经理空缺期间代行…: the titled name before 在
    if (plain := re.sub(r"^(?:干部|官员|青年干部|女干部)", "", trimmed)) != trimmed and is_name(plain):
        runs.append(plain)  # “准85后”干部张某履新…
    return runs


def last_named(before: str, pool: list[str]) -> list[str]:
    """他/她/其/该同志: the person of `pool` (the officials found, the persons of events
    told so far) the text before names last."""
    placed = [(before.rfind(name), name) for name in pool if name in before]
    return [max(placed)[1]] if placed else []


def last_post(before: str) -> str:
    """该职/这一职务: the post the text before names last (发布了威海市委书记人选 → 威海市委书记)."""
    for fragment in reversed([part for part in re.split(r"[，,。；;：:！？!?]", before) if part][-4:]):
        fragment = re.split(r"[了的为是由任]", fragment)[-1]
        for tail in ("人选", "一职", "职务"):
            fragment = fragment.removesuffix(tail)
        if 2 <= len(fragment) <= 25 and (post := clean_post(fragment)):
            return post
    return ""


def is_history(before_run: str) -> bool:
    """2020年12月，他任… / 2020年1月，张玉卓出任… / 2019.03—2021.05 任…: a year (and month)
    in the clause of an appointment is a résumé line; a day (12月27日，) or 今年1月 is news."""
    clause = re.split(r"[。；;]", before_run)[-1]
    return bool(re.search(r"(?:19|20)\d\d(?:年|[.．/]\d{1,2})", clause)) and not re.search(r"\d日", clause)
