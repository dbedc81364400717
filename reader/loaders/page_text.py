"""Text copied from a news web page: its metadata lines, credits and page furniture.

Local news portals print, around the article, lines that are not the article itself:

- metadata: `发布时间:2026年03月18日 10:31  来源:甘肃日报  作者:…  浏览次数:`, often with
  furniture inline (`【字体：大 中 小】【打印】【关闭】`);
- credits: `责任编辑：…`, `【编辑:…】`, `值班编辑:…`, `(通讯员:付强)`, a closing `(梅本炎)`,
  `杨艳秋 徐子淳 报道`, `区政府办 供稿`, byline lines (`■记者 应丽斋 谭心仪`,
  `新甘肃·甘肃日报记者 沈丽莉`), photo credits (`图片由由桥村提供`);
- furniture: `字体：大 中 小`, `打印本页`, `关闭窗口`, `扫一扫在手机打开当前页`, `分享到：`, `上一篇：…`.

This module only says what one line is (`read_meta`, `read_credit`, `is_furniture`);
plain.py decides where such lines may stand (the header, the first or last lines), so
a sentence of the article that happens to look like one is never taken away.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from reader.lazy import lazy_pattern
from reader.loaders.dates import parse_date_text

_CJK = r"\u4e00-\u9fff"
_SPACE = r"\s\u3000"


@dataclass
class PageFields:
    """What a page's metadata and credit lines say; the first value found for a field wins."""

    published: datetime | None = None
    source: str | None = None
    byline: str | None = None
    editor: str | None = None

    def merge(self, other: PageFields) -> None:
        """Take `other`'s values for the fields still unknown."""
        self.published = self.published or other.published
        self.source = self.source or other.source
        self.byline = self.byline or other.byline
        self.editor = self.editor or other.editor


# --- furniture -------------------------------------------------------------------------

_SIZE_CONTROL = (
    rf"(?:字体|字号|文字)?[：:]?[{_SPACE}]*"
    rf"[【\[]?大[】\]]?[{_SPACE}]*[【\[]?中[】\]]?[{_SPACE}]*[【\[]?小[】\]]?"
)
_FURNITURE_WORDS = (
    "打印本页", "打印此页", "打印文章", "打印本文", "打印", "我要打印", "关闭窗口", "关闭本页", "关闭",
    "收藏本页", "加入收藏", "收藏", "返回顶部", "返回首页", "返回列表", "返回", "我要纠错", "纠错",
    "分享到", "分享", "扫一扫在手机打开当前页", "扫一扫在手机上打开当前页", "扫一扫在手机打开网页",
    "扫一扫在手机打开", "手机扫一扫", "微信扫一扫", "扫一扫", "用手机看", "手机看", "推荐给朋友",
    "复制链接", "字体", "字号", "默认", "【", "】", "上一页", "下一页", "首页", "尾页",
)  # fmt: skip
_FURNITURE_WORD = "|".join(sorted((re.escape(w) for w in _FURNITURE_WORDS), key=len, reverse=True))
_FURNITURE_TOKEN = lazy_pattern(
    rf"[【\[(（]?[{_SPACE}]*(?:{_SIZE_CONTROL}|{_FURNITURE_WORD})[{_SPACE}]*[】\])）]?"
    rf"|(?:浏览|点击|阅读|访问)(?:次数|数|量)?[：:]?[{_SPACE}]*\d*[{_SPACE}]*次?"
    rf"|第[{_SPACE}]*\d+[{_SPACE}]*页|共[{_SPACE}]*\d+[{_SPACE}]*页"  # 第1页/共1页: a page's pager
)
_SEPARATORS = lazy_pattern(rf"[{_SPACE}|｜/／·•:：\-_<>«»]+")
_FURNITURE_LINE = lazy_pattern(rf"(?:{_FURNITURE_TOKEN.pattern}|{_SEPARATORS.pattern})+")
_NEIGHBOUR_LINK = lazy_pattern(r"^(?:上一篇|下一篇|上一条|下一条)[：:]")
_MAX_FURNITURE_CHARS = 60


def strip_furniture(line: str) -> str:
    """`line` without the furniture tokens printed inline (`【字体：大 中 小】`, `打印本页`)."""
    return _FURNITURE_TOKEN.sub(" ", line).strip()


def is_furniture(line: str) -> bool:
    """True for a line made only of page furniture, or a link to the next or previous article."""
    line = line.strip()
    if not line or len(line) > _MAX_FURNITURE_CHARS:
        return False
    return bool(_NEIGHBOUR_LINK.match(line) or _FURNITURE_LINE.fullmatch(line))


# --- metadata lines --------------------------------------------------------------------

_PUBLISHED, _SOURCE, _BYLINE, _EDITOR, _IGNORED, _ROLE = "published", "source", "byline", "editor", "", "role"
_KEYS: dict[str, str] = {
    "发布时间": _PUBLISHED, "发表时间": _PUBLISHED, "发布日期": _PUBLISHED, "发表日期": _PUBLISHED,
    "更新时间": _PUBLISHED, "时间": _PUBLISHED, "日期": _PUBLISHED,
    "来源": _SOURCE, "稿源": _SOURCE, "信息来源": _SOURCE, "文章来源": _SOURCE, "新闻来源": _SOURCE,
    "出处": _SOURCE,
    "作者": _BYLINE, "撰稿": _BYLINE, "文": _BYLINE,
    "记者": _ROLE, "通讯员": _ROLE, "实习生": _ROLE,
    "责任编辑": _EDITOR, "编辑": _EDITOR, "责编": _EDITOR, "值班编辑": _EDITOR, "网络编辑": _EDITOR,
    "审核": _IGNORED, "审校": _IGNORED, "校对": _IGNORED, "核稿": _IGNORED, "终审": _IGNORED,
    "初审": _IGNORED, "复审": _IGNORED, "摄影": _IGNORED, "摄像": _IGNORED, "图片": _IGNORED,
    "供稿": _IGNORED, "供稿单位": _IGNORED, "发布者": _IGNORED, "发布人": _IGNORED,
    "发布机构": _IGNORED, "浏览次数": _IGNORED, "点击数": _IGNORED, "点击": _IGNORED,
    "阅读": _IGNORED, "阅读次数": _IGNORED, "访问次数": _IGNORED,
}  # fmt: skip
_WEAK_KEYS = frozenset({"时间", "日期", "文", "图片"})
"""Keys that also open ordinary sentences (时间：上午九点): a line led by one is metadata
only in the header, where plain.py asks with `header=True`."""
_KEY_ALTERNATION = "|".join(sorted(_KEYS, key=len, reverse=True))
_KEY = lazy_pattern(rf"(?<![{_CJK}])(?P<key>{_KEY_ALTERNATION})[{_SPACE}]*[：:]")
_UNKNOWN_KEY = lazy_pattern(rf"[{_SPACE}](?P<key>[{_CJK}]{{2,6}})[：:]")
_BRACKETS = {"【": "】", "[": "]", "(": ")", "（": "）", "〔": "〕"}
_MAX_META_CHARS = 160
_MAX_VALUE_CHARS = 40
_CLAUSE = lazy_pattern(r"[，。？！,?!]")


def _unwrap(line: str) -> str:
    """`line` without one pair of brackets around all of it (`【编辑:张三】`, `(通讯员:付强)`)."""
    line = line.strip()
    if len(line) >= 2 and _BRACKETS.get(line[0]) == line[-1]:
        inner = line[1:-1]
        if line[0] not in inner and line[-1] not in inner:
            return inner.strip()
    return line


_EDGES = " \u3000|｜/·•:：-_"


def _clean_value(value: str) -> str:
    """A field's value without furniture, separators at its ends and runs of spaces."""
    return re.sub(rf"[{_SPACE}]+", " ", strip_furniture(value)).strip(_EDGES)


_DATE_VERB = lazy_pattern(rf"[{_SPACE}]*(?:更新|发布|发表)$")
"""What a date printed before the line's first key may end with (2005-01-06 08:13更新)."""
_NO_SOURCE = frozenset({"转载", "转载文章", "网络", "互联网", "综合", "网络转载"})
"""Values of 来源： that name no outlet (来源：转载文章, 来源：综合)."""


def read_meta(line: str, *, header: bool = False) -> PageFields | None:
    """The fields of a metadata line (`发布时间:… 来源:… 【字体：大 中 小】`), or None.

    The line must start with a known key, a date (`2015-06-19 13:57 来源：X`) or a byline
    (`记者 汪晓东 曲昌荣  来源:人民网`), and every part of it must be a field or furniture;
    an unknown key after a space (`发布开发区:…`) ends the field before it. Keys that
    also open sentences (时间, 日期) count only when `header` is true.
    """
    if len(line) > _MAX_META_CHARS + 2:
        return None
    text = _unwrap(line)
    if not text or len(text) > _MAX_META_CHARS:
        return None
    first = _KEY.search(text)
    if first is None:
        return None
    fields = PageFields()
    prefix = text[: first.start()].strip()
    if prefix:
        date = parse_date_text(_DATE_VERB.sub("", prefix), whole=True)  # 2005-01-06 08:13更新 来源：…
        byline = read_byline_line(prefix)
        if date is None and byline is None:
            return None
        fields.published = date
        if byline is not None:
            fields.merge(byline)
    elif first.group("key") in _WEAK_KEYS and not header:
        return None
    keys = list(_KEY.finditer(text, first.start()))
    for number, match in enumerate(keys):
        end = keys[number + 1].start() if number + 1 < len(keys) else len(text)
        raw = text[match.end() : end]
        unknown = _UNKNOWN_KEY.search(raw)
        if unknown is not None:
            raw = raw[: unknown.start()]
        value = _clean_value(raw)
        field = _KEYS[match.group("key")]
        if not value or field == _IGNORED:
            continue
        if field != _PUBLISHED and (len(value) > _MAX_VALUE_CHARS or _CLAUSE.search(value)):
            return None  # 记者：今年有什么新打算？ is an interview, not a byline
        if field == _PUBLISHED:
            fields.published = fields.published or parse_date_text(value)
        elif field == _SOURCE:
            if value not in _NO_SOURCE:
                fields.source = fields.source or value
        elif field == _EDITOR:
            fields.editor = fields.editor or value
        elif field == _BYLINE:
            fields.byline = fields.byline or value
        else:  # a role (记者, 通讯员) names the byline as printed: 通讯员:付强
            fields.byline = fields.byline or text[match.start() : match.end()].rstrip() + value
    return fields


# --- credit lines ----------------------------------------------------------------------

_BULLETS = "■●▲◆★□◇○►▶"
_ROLE = (
    r"(?:本报|本台|本网|本刊|首席|特约|见习|实习|全媒体|融媒体|驻[\u4e00-\u9fff]{1,6})*"
    r"(?:记者|通讯员|实习生|摄影记者|摄影|摄像|插画|制图)"
)
_OUTLET = rf"(?P<outlet>[{_CJK}·A-Za-z]{{1,16}}?(?:日报|晚报|报|网|台|社|客户端|融媒|新闻))?"
_NAME_RUN = rf"[{_CJK}·]{{1,24}}"
_NAMES = rf"{_NAME_RUN}(?:[{_SPACE}、,，]+{_NAME_RUN})*"
_BYLINE_LINE = lazy_pattern(
    rf"^[{_BULLETS}]?[{_SPACE}]*{_OUTLET}(?P<byline>{_ROLE}[{_SPACE}:：]*(?P<names>{_NAMES}))$"
)
_RELATIVE_OUTLETS = frozenset({"本报", "本台", "本网", "本刊"})
_MAX_BYLINE_CHARS = 48
_MAX_NAME_CHARS = 4
_INNER_ROLE = lazy_pattern(r"记者|通讯员|实习生|摄影|插画")
"""Names run together with their roles (任双玲文记者李文波通讯员张晓理图) are a byline too."""
_NAME = rf"[{_CJK}]{{2,4}}"
_BRACKETED_NAMES = lazy_pattern(
    rf"^[(（][{_SPACE}]*(?P<names>{_NAME}(?:[{_SPACE}、]+{_NAME}){{0,3}})[{_SPACE}]*[)）]$"
)
_SIGNED = lazy_pattern(
    rf"^[{_CJK}]{{2,12}}(?:[{_SPACE}、]+[{_CJK}]{{2,4}}){{0,4}}[{_SPACE}]+(?:报道|供稿|整理)$"
)
_PHOTO_CREDIT = lazy_pattern(
    rf"^(?:图片由[^，。]{{1,20}}提供|(?:图片来源|图片|供图|图)[：:][^，。]{{1,24}}|[{_CJK}]{{2,16}}[{_SPACE}]*供图)$"
)
_END_MARK = lazy_pattern(rf"^[(（【\[]?[{_SPACE}]*完[{_SPACE}]*[)）】\]]?$")


def read_byline_line(line: str) -> PageFields | None:
    """A line that is only a byline (`■记者 应丽斋 谭心仪 插画 张利昌`), or None.

    An outlet printed before the role (`新甘肃·甘肃日报记者 沈丽莉`) is the source, unless
    it is relative (本报) or the line credits a photo (…摄), whose agency is not the outlet.
    """
    text = line.strip()
    if not text or len(text) > _MAX_BYLINE_CHARS:
        return None
    match = _BYLINE_LINE.match(text)
    if match is None or len(match.group("names")) < 2:
        return None
    runs = re.split(rf"[{_SPACE}、,，]+", match.group("names"))
    if any(len(run) > _MAX_NAME_CHARS and not _INNER_ROLE.search(run) for run in runs):
        return None  # 记者手机记录沙尘暴来袭 is a headline, not a byline
    outlet = match.group("outlet")
    photo = text.endswith("摄")
    source = outlet if outlet and outlet not in _RELATIVE_OUTLETS and not photo else None
    byline = match.group("byline") if source else text.lstrip(_BULLETS).strip()
    return PageFields(source=source, byline=None if photo else re.sub(rf"[{_SPACE}]+", " ", byline))


def read_credit(line: str) -> PageFields | None:
    """A credit line that closes or opens an article (who wrote, edited, photographed it), or None.

    Bracketed names (`(梅本炎)`), a signed line (`杨艳秋 徐子淳 报道`, `区政府办 供稿`), a
    byline line, a photo credit, a metadata line of credits (`责任编辑：刘冬`,
    `(通讯员:付强)`, `作者:刘颖 编辑:郑文轩`), and the end mark `(完)`.
    """
    text = line.strip()
    keyless = "：" not in text and ":" not in text
    if len(text) > _MAX_META_CHARS or (len(text) > _MAX_BYLINE_CHARS and keyless):
        return None  # most paragraphs: too long for a credit, and no key of a metadata line
    if _END_MARK.match(text) or _PHOTO_CREDIT.match(_unwrap(text)):
        return PageFields()
    names = _BRACKETED_NAMES.match(text)
    if names:
        return PageFields(byline=names.group("names"))
    if _SIGNED.match(text):
        return PageFields(byline=re.sub(rf"[{_SPACE}]+", " ", text))
    return read_byline_line(_unwrap(text)) or read_meta(text)
