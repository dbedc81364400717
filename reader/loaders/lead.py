"""Outlet and byline from a news lead such as `中国甘肃网6月19日讯 …(记者 赵明霞)`.

Chinese wire copy opens with a dateline: an outlet, optionally a place and a date, then
讯 / 电 / 消息, often followed by the reporters in brackets. The paragraph itself is left
untouched (its text stays a body paragraph); only metadata is read from it.
"""

from __future__ import annotations

import re

from reader.lazy import lazy_pattern

_OUTLET_END = r"(?:社|网|报|台|新闻|客户端)"
_DATE = r"(?:\d{1,2}月\d{1,2}日)?"
_MARK = r"(?:讯|电|消息)(?=$|[\s\u3000(（:：,，【\[])"
# The outlet directly before date and mark (中国甘肃网6月19日讯, 中国网络电视台消息), or an
# outlet, a short place name, date and mark (新华社北京10月6日电).
_DATELINES: tuple[re.Pattern[str], ...] = (
    lazy_pattern(rf"^据?(?P<outlet>[\u4e00-\u9fff]{{0,12}}{_OUTLET_END}){_DATE}{_MARK}"),
    lazy_pattern(rf"^据?(?P<outlet>[\u4e00-\u9fff]{{0,10}}?{_OUTLET_END})[\u4e00-\u9fff]{{1,6}}{_DATE}{_MARK}"),
)
# "This paper/station" names no outlet by itself.
_RELATIVE_OUTLETS = frozenset({"本报", "本台", "本网", "本刊"})
_BRACKETED_BYLINE = lazy_pattern(
    r"[(（]\s*((?:本报|本台|本网|特约|首席|全媒体|融媒体|见习|实习)?(?:记者|通讯员)[^()（）\n]{1,40}?)\s*[)）]"
)
# Names alone in brackets right after the dateline (本网讯(王吉成)…) are the byline too.
_DATELINE_NAMES = lazy_pattern(
    rf"^据?(?:本报|本台|本网|本刊|[\u4e00-\u9fff]{{0,12}}{_OUTLET_END})[\u4e00-\u9fff]{{0,6}}{_DATE}(?:讯|电)"
    r"[\s\u3000]*[(（]\s*"
    r"([\u4e00-\u9fff]{2,4}(?:[\s\u3000、]+[\u4e00-\u9fff]{2,4}){0,3})\s*[)）]"
)
_NO_CLAUSE = r"[^，。,：:！？!?；;]"
_BYLINE_PARAGRAPH = lazy_pattern(
    rf"^(?:本报|本台|新华社|特约)?(?:记者|通讯员)[\s\u3000]*{_NO_CLAUSE}{{1,29}}$"
)

_LEAD_PARAGRAPHS = 3


def find_source(paragraph: str) -> str | None:
    """The outlet named by a dateline at the start of `paragraph`, if any."""
    for pattern in _DATELINES:
        match = pattern.match(paragraph)
        if match:
            outlet = match.group("outlet")
            return None if outlet in _RELATIVE_OUTLETS else outlet
    return None


def find_byline(paragraph: str) -> str | None:
    """A bracketed `(记者 X)` near the start (`(全媒体记者X)`, `(通讯员 Y)` too), names in brackets
    after the dateline (`本网讯(王吉成)`), or a short paragraph that is only a byline."""
    match = _BRACKETED_BYLINE.search(paragraph[:120]) or _DATELINE_NAMES.match(paragraph)
    if match:
        return match.group(1).strip()
    if _BYLINE_PARAGRAPH.match(paragraph):
        return paragraph
    return None


def lead_metadata(paragraphs: list[str]) -> tuple[str | None, str | None]:
    """(source, byline) from the first few paragraphs; each None when not found."""
    source: str | None = None
    byline: str | None = None
    for paragraph in paragraphs[:_LEAD_PARAGRAPHS]:
        source = source or find_source(paragraph)
        byline = byline or find_byline(paragraph)
    return source, byline
