"""Saved news web pages (.html, .htm, .shtml): the article's title, date, outlet and body.

Chinese news and government pages put the article in one element full of sentences
(`<div id="endText">`, `class="TRS_Editor"`, `id="zoom"`) among navigation, share bars,
related links and comments that are mostly links or short labels. So the body is the
element whose paragraphs carry the most sentence text (Chinese punctuation, little of it in
links), helped by the words sites use in class and id (content, article, zoom / comment,
footer, recommend); its lines then lose the credits and furniture page_text.py knows
(责任编辑, 原标题, 本文来源, 字体：大 中 小). The title is the headline element that the
page's `<title>` repeats, else the short line above the date line; the date is the one
printed under the headline, with the year from the page's metadata when it prints none.
Measured against hand-written gold on 37 real pages with other extractors: README, "Saved
web pages"; bench/bench_pages.py.

The page's bytes are read as `<meta charset>` says unless they are valid UTF-8 (many saved
pages are re-encoded to UTF-8 and keep a stale `charset=gb2312`); GB2312 and GBK are read
as their superset GB18030. The file itself is never changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.article import Article, ArticleError
from reader.loaders.encoding import decode_bytes
from reader.loaders.html_tree import BLOCK, Element, parse_html
from reader.loaders.lead import lead_metadata
from reader.loaders.page_text import PageFields, is_furniture, read_credit, read_meta

# --- bytes to text -----------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CODECS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "x-gbk": "gb18030",
    "big5": "big5hkscs",
}


@dataclass(frozen=True)
class PageText:
    """A page decoded: its text and the codec that read it."""

    text: str
    encoding: str


def decode_page(data: bytes, *, name: str = "the page") -> PageText:
    """The page's text: a BOM, else valid UTF-8, else its `<meta charset>`, else reader's guess."""
    if data.startswith(b"\xef\xbb\xbf"):
        return PageText(data[3:].decode("utf-8", "replace"), "utf-8")
    try:
        return PageText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:8192])
    if declared:
        codec = declared.group(1).decode("ascii").lower()
        codec = _CODECS.get(codec, codec)
        try:
            return PageText(data.decode(codec, "replace"), codec)
        except LookupError:
            pass  # a charset Python does not know: guess as for any file
    return PageText(decode_bytes(data, name=name), "guessed")


# --- text blocks -------------------------------------------------------------------------

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")
_SENTENCE_MARKS = re.compile(r"[，。！？；：、“”,]")
_NEGATIVE = re.compile(
    r"comment|footer|foot\b|copyright|related|relate|recommend|tuijian|sidebar|side\b|aside|nav|menu|share|"
    r"breadcrumb|crumb|hot|rank|popular|advert|\bad\b|ads\b|banner|login|search|tags?\b|keyword|author-info|"
    r"pinglun|reply|toolbar|more\b|list\b"
)
_POSITIVE = re.compile(
    r"article|content|text|body|detail|main|zoom|post|news|entry|neirong|zhengwen|conent|cont\b"
)
_LINK_HEAVY = 0.5


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _link_text_length(element: Element) -> int:
    return sum(len(_clean(a.text())) for a in element.iter() if a.tag == "a")


def block_lines(element: Element) -> list[str]:
    """The element's text, one line per block (p, div, li, br…), each line's spaces collapsed."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        block = node.tag in BLOCK
        if block:
            parts.append("\n")
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif not child.hidden:
                walk(child)
        if block:
            parts.append("\n")

    walk(element)
    return [line for line in (_clean(raw) for raw in "".join(parts).split("\n")) if line]


def _own_text(element: Element) -> str:
    """Text directly in this element and its inline children (not in nested blocks)."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in BLOCK and not child.hidden:
                walk(child)

    walk(element)
    return _clean("".join(parts))


# --- the body ----------------------------------------------------------------------------


def _paragraph_weight(element: Element) -> float:
    """How much article text an element holds directly: sentence text counts, links do not."""
    text = _own_text(element)
    if len(text) < 8:
        return 0.0
    links = sum(len(_clean(a.text())) for a in element.children if isinstance(a, Element) and a.tag == "a")
    if links > _LINK_HEAVY * len(text):
        return 0.0
    marks = len(_SENTENCE_MARKS.findall(text))
    return (len(text) - links) * (1.0 if marks else 0.25) + 10 * marks


def _class_bonus(element: Element) -> float:
    marks = element.marks
    bonus = 0.0
    if _NEGATIVE.search(marks):
        bonus -= 0.5
    if _POSITIVE.search(marks):
        bonus += 0.25
    return bonus


_NEAR_HEADLINE = 800
"""Characters of page text after the headline within which the article's element starts."""
_REGION_BOOST = 1.5


def _text_offsets(root: Element) -> dict[int, int]:
    """For each element, how many characters of page text come before it."""
    offsets: dict[int, int] = {}
    total = 0

    def walk(node: Element) -> None:
        nonlocal total
        offsets[id(node)] = total
        for child in node.children:
            if isinstance(child, str):
                total += len(child.strip())
            elif not child.hidden:
                walk(child)

    walk(root)
    return offsets


def _in_head(element: Element) -> bool:
    return element.tag in ("head", "title") or any(node.tag == "head" for node in element.ancestors())


def find_body(root: Element, headline: Element | None = None) -> Element | None:
    """The element that holds the article: the one its paragraphs give the most weight.

    Each block's weight goes to its parent in full and to the grandparent in half, as
    readability does; class and id words then raise or lower a candidate by a quarter or
    a half, a candidate mostly made of links counts for little, and one that starts soon
    after the headline counts half as much again, so a long sidebar further down (live
    comments, a market ticker) does not win over a short article.
    """
    offsets = _text_offsets(root) if headline is not None else {}
    start = offsets.get(id(headline), 0) + len(_clean(headline.text())) if headline is not None else 0
    scores: dict[int, float] = {}
    elements: dict[int, Element] = {}
    for element in root.iter():
        if element.tag in ("a", "#root", "html", "body", "head") or _in_head(element):
            continue
        weight = _paragraph_weight(element)
        if not weight:
            continue
        for share, holder in zip((1.0, 1.0, 0.5), (element, *list(element.ancestors())[:2]), strict=False):
            if holder.tag in ("#root", "html", "body"):
                break
            key = id(holder)
            elements[key] = holder
            scores[key] = scores.get(key, 0.0) + share * weight
    best: tuple[float, Element] | None = None
    for key, score in scores.items():
        element = elements[key]
        text_length = len(_clean(element.text())) or 1
        link_density = _link_text_length(element) / text_length
        value = score * (1 + _class_bonus(element)) * (1 - min(link_density, 0.9))
        if (
            offsets
            and start <= offsets[id(element)] + len(_clean(element.text()))
            and (offsets[id(element)] <= start + _NEAR_HEADLINE)
        ):
            value *= _REGION_BOOST  # it starts soon after the headline (and does not end before it)
        if best is None or value > best[0]:
            best = (value, element)
    return best[1] if best else None


_NOT_BODY = re.compile(
    r"^[（(]?原标题[：:]|^[（(]?原题为?[《：:]|^本文来源[：:]|^[（(]?来源[：:][^，。]{0,30}[)）]?$|"
    r"责任编辑|^[（(]?责编[：:]|^图片来源[：:]|您的浏览器(?:暂时)?(?:无法|不支持)|^视频[-：:]|^【纠错】$|"
    r"^\+1$|^图集$|^扫码阅读全文$|^(?:【\d+】)+$|^[（(]本文来自|^免责声明|^点击进入|^延伸阅读|^相关阅读|"
    r"^相关新闻|^推荐阅读|^延伸 · 推荐$|^分享到|^返回$|^举报$"
)
_LINK_LINES_AFTER = re.compile(r"^(?:延伸阅读|相关阅读|相关新闻|推荐阅读|延伸 · 推荐|点击进入专题)")


def _body_lines(body: Element, title: str | None) -> tuple[list[str], PageFields]:
    """The body element's lines that are article text, and what its credit lines say."""
    fields = PageFields()
    lines: list[str] = []
    link_lines = _link_lines(body)
    stop = False
    for line in block_lines(body):
        if stop:
            break
        if _LINK_LINES_AFTER.match(line):
            stop = True  # what follows are links to other articles
            continue
        if line in link_lines or (title and line == title):
            continue
        credit = _SOURCE_CREDIT.match(line)
        if credit:
            fields.source = fields.source or credit.group(1)
            continue
        meta = read_meta(line, header=not lines) or read_credit(line)
        if meta is not None:
            fields.merge(meta)
            continue
        if is_furniture(line) or _NOT_BODY.search(line):
            continue
        lines.append(line)
    return _without_headline(lines, title), fields


def _without_headline(lines: list[str], title: str | None) -> list[str]:
    """The lines without a headline printed again at the top, whole or broken over lines."""
    if not title:
        return lines
    target = re.sub(r"\s+", "", title)
    joined = ""
    for count, line in enumerate(lines[:4], start=1):
        joined += re.sub(r"\s+", "", line)
        if not target.startswith(joined):
            break
        if joined == target:
            return lines[count:]
    return lines


def _link_lines(body: Element) -> set[str]:
    """Lines of the body that are wholly a link (related stories, 'more' links)."""
    found: set[str] = set()
    for element in body.iter():
        if element.tag in BLOCK and element.tag != "br":
            text = _clean(element.text())
            if text and _link_text_length(element) >= 0.8 * len(text) and element.tag != "body":
                found.add(text)
    return found


# --- title and date -----------------------------------------------------------------------

_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|—|–| - )\s*")
_TITLE_MARKS = re.compile(r"title|headline|biaoti|tit\b|h_title|art_tit|news_tit")
_MAX_TITLE = 120


def _page_title(root: Element) -> str:
    for element in root.iter():
        if element.tag == "title":
            return _clean(element.text())
    return ""


def _meta(root: Element) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in root.iter():
        if element.tag == "meta":
            key = (
                element.attrs.get("property")
                or element.attrs.get("name")
                or element.attrs.get("itemprop")
                or ""
            )
            if key and "content" in element.attrs:
                found.setdefault(key.strip().lower(), element.attrs["content"].strip())
    return found


def _common_run(a: str, b: str) -> int:
    """The length of the longest run of characters `a` and `b` share (short strings only)."""
    best = 0
    for start in range(len(a)):
        for end in range(start + best + 1, len(a) + 1):
            if a[start:end] in b:
                best = end - start
            else:
                break
    return best


_LABELLED_DATE = re.compile(
    r"(?:发布时间|发布日期|发表时间|发表日期|更新时间|时间|日期)\s*[：:]\s*(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})"
    r"\s*[-月/.]\s*(?P<d>\d{1,2})\s*日?(?:[\sT\u3000]*(?P<H>\d{1,2})[:：](?P<M>\d{2}))?"
)
_SHORT_HEADING = 8
"""A heading this short that <title> repeats is a section name (新闻动态), not the headline."""


def _above_date_line(root: Element) -> Element | None:
    """The short line printed just above the first labelled date line (发布时间：…), if any."""
    previous: Element | None = None
    for element in root.iter():
        if _in_head(element) or element.tag not in BLOCK or element.tag == "br":
            continue
        own = _own_text(element)
        if not own:
            continue
        if _LABELLED_DATE.search(own):
            return previous
        if 6 <= len(own) <= _MAX_TITLE and not _link_text_length(element) and not _DATE_IN_TEXT.search(own):
            previous = element
        elif len(own) > _MAX_TITLE:
            previous = None
    return None


def find_title(root: Element) -> tuple[str | None, Element | None]:
    """The headline and its element: the heading that `<title>` repeats most of, else the line
    above the date line, else `<title>` cut before the site's name."""
    page_title = _page_title(root)
    above = _above_date_line(root)
    candidates: list[tuple[float, str, Element]] = []
    for element in root.iter():
        heading = element.tag in ("h1", "h2", "h3")
        if not heading and not (
            _TITLE_MARKS.search(element.marks) and element.tag in ("div", "p", "span", "td")
        ):
            continue
        text = _clean(element.text())
        if not 4 <= len(text) <= _MAX_TITLE or _link_text_length(element) > 0.5 * len(text):
            continue
        shared = _common_run(text, page_title) / len(text) if page_title else 0.0
        score = shared + (0.3 if element.tag == "h1" else 0.1 if heading else 0.0)
        candidates.append((score, text, element))
    if candidates:
        score, text, element = max(candidates, key=lambda item: item[0])
        if score >= 0.8 and (len(text) > _SHORT_HEADING or above is None):
            return text, element
    if above is not None:
        return _own_text(above), above
    cut = _TITLE_SPLIT.split(page_title)[0] if page_title else ""
    return (cut or None), None


_DATE_IN_TEXT = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[\sT\u3000]*(?P<H>\d{1,2})[:：](?P<M>\d{2}))?"
)
_SHORT_DATE = re.compile(r"(?<!\d)(?P<m>\d{1,2})-(?P<d>\d{1,2})\s*(?P<H>\d{1,2}):(?P<M>\d{2})")
_META_DATES = (
    "article:published_time", "og:release_date", "pubdate", "publishdate", "publish_date", "og:time",
    "apub:time", "firstpublishedtime", "datepublished", "publishtime", "dc.date", "date", "dateupdate",
)  # fmt: skip
_DATE_WINDOW = 400
"""Characters of page text after the headline in which the printed date is looked for."""


def _date(match: re.Match[str], year: int | None = None) -> datetime | None:
    parts = match.groupdict()
    try:
        return datetime(
            int(parts.get("y") or year or 0), int(parts["m"]), int(parts["d"]), int(parts.get("H") or 0),
            int(parts.get("M") or 0),
        )  # fmt: skip
    except (TypeError, ValueError):
        return None


def _meta_date(meta: dict[str, str]) -> datetime | None:
    for key in _META_DATES:
        value = meta.get(key)
        match = _DATE_IN_TEXT.search(value.replace("T", " ")) if value else None
        if match:
            found = _date(match)
            if found:
                return found
    return None


def _texts_around(root: Element, headline: Element | None, body: Element | None) -> tuple[str, str]:
    """The page text between the headline and the body, and the text right after the body."""
    before: list[str] = []
    after: list[str] = []
    state = "before-headline" if headline is not None else "between"
    inside_body = False
    for element in root.iter():
        if _in_head(element):
            continue
        if element is headline:
            state = "between"
            continue
        if element is body:
            inside_body = True
            state = "after"
            continue
        if inside_body and body is not None and body in element.ancestors():
            continue
        if headline is not None and headline in element.ancestors():
            continue
        text = "".join(child for child in element.children if isinstance(child, str)).strip()
        if not text:
            continue
        if state == "between" and body is not None:
            before.append(text)
        elif state == "after":
            after.append(text)
            if sum(map(len, after)) > _DATE_WINDOW:
                break
    return _clean(" ".join(before))[-_DATE_WINDOW:], _clean(" ".join(after))[:_DATE_WINDOW]


def find_date(before: str, after: str, meta: dict[str, str]) -> datetime | None:
    """The date printed by the headline (`before` the body) or just `after` it, labelled
    (发布时间：…) first; a month and day alone (09-30 22:46) take the year from the metadata."""
    from_meta = _meta_date(meta)
    for zone in (before, after):
        match = _LABELLED_DATE.search(zone)
        if match and _date(match):
            return _date(match)
    match = _DATE_IN_TEXT.search(before)
    if match and _date(match):
        return _date(match)
    short = _SHORT_DATE.search(before)
    if short and from_meta:
        return _date(short, from_meta.year) or from_meta
    if from_meta:
        return from_meta
    match = _DATE_IN_TEXT.search(after)
    return _date(match) if match else None


# --- the article ---------------------------------------------------------------------------


_SOURCE_BY_HEADLINE = re.compile(r"(?:来源|来源于|稿源|文章来源|信息来源)\s*[：:]\s*([^\s|：:]{2,20})")
_NO_OUTLET = re.compile(r"^(?:本站|本网|原创|打印|分享|字号|字体|编辑|作者|责任编辑|点击|浏览)")
"""Words after 来源： that name no outlet (本站原创), or furniture printed where the outlet is missing."""
_SOURCE_CREDIT = re.compile(r"^(?:本文)?来源[：:]\s*([^\s，。]{2,20})$")


def parse_page(data: bytes, path: Path) -> Article:
    """An Article from a saved page's bytes; ArticleError when the page holds no article text."""
    decoded = decode_page(data, name=str(path))
    root = parse_html(decoded.text)
    title, headline = find_title(root)
    body = find_body(root, headline)
    meta = _meta(root)
    lines, fields = _body_lines(body, title) if body is not None else ([], PageFields())
    if not lines:
        raise ArticleError(f"{path}: no article text found in the page")
    source, byline = lead_metadata(lines)
    before, after = _texts_around(root, headline, body)
    printed_source = next(
        (m for m in _SOURCE_BY_HEADLINE.finditer(before) if not _NO_OUTLET.match(m.group(1))), None
    )
    published = find_date(before, after, meta) or fields.published
    return Article(
        path=path,
        title=title or lines[0][:40],
        title_printed=title is not None,
        paragraphs=tuple(lines),
        source=(printed_source.group(1) if printed_source else None) or fields.source or source,
        published=published,
        byline=fields.byline or byline,
        editor=fields.editor,
        url=meta.get("og:url") or None,
        encoding=decoded.encoding,
    )
