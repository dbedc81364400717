"""A saved page's headline and the date printed by it.

The headline is the heading element that the page's `<title>` repeats most of (sites
append their own name to `<title>`: 标题_新闻_某某网), else the short line printed
just above a labelled date line (发布时间：…), else `<title>` cut before the site's
name. The date is the one printed between the headline and the body, labelled first,
else just after the body; a month and day alone (09-30 22:46) take their year from
the page's metadata (`article:published_time`, `pubdate`…), which is also the last
resort. Measured with the rest of the extractor: README, "Saved web pages".
"""

from __future__ import annotations

import re
from datetime import datetime

from reader.loaders.html_tree import BLOCK, Element
from reader.loaders.page_blocks import clean, in_head, link_text_length, own_text

CJK = "\u4e00-\u9fff"

_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|—|–| - |»|›)\s*")
_SITE_FIRST = re.compile(r"^\S{2,12}?(?:网|博客|频道|在线|论坛|新闻)\s*[»›]\s*")
"""A site's name before » (多维博客 » 标题): blogs and forums put it first."""
_TITLE_MARKS = re.compile(r"title|headline|biaoti|tit\d?\b|h_title|art_tit|news_tit")
_MAX_TITLE = 120


def _page_title(root: Element) -> str:
    for element in root.iter():
        if element.tag == "title":
            return clean(element.text())
    return ""


def page_meta(root: Element, source: str = "") -> dict[str, str]:
    """The page's `<meta>` values by lower-cased property, name or itemprop (the first of each),
    and a Founder e-paper's date (`FOUNDER_DATE`) from the page's `source` text."""
    found: dict[str, str] = {}
    fields = _FOUNDER_FIELDS.search(source) if "enpproperty" in source else None
    date = _FOUNDER_DATE.search(fields.group(1)) if fields else None
    if date:
        found[FOUNDER_DATE] = date.group(1).strip()
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
_FIELD_LINE = re.compile(r"^[\u4e00-\u9fff]{1,6}\s*[：:]")
"""A labelled field (发表人：550, 作者：…): never the headline above a date line."""
_SHORT_HEADING = 8
"""A heading this short that <title> repeats is a section name (新闻动态), not the headline."""


def _above_date_line(root: Element) -> Element | None:
    """The short line printed just above the first labelled date line (发布时间：…), if any."""
    previous: Element | None = None
    for element in root.iter():
        if in_head(element) or element.tag not in BLOCK or element.tag == "br":
            continue
        own = own_text(element)
        if not own:
            continue
        if _LABELLED_DATE.search(own):
            return previous
        if (
            6 <= len(own) <= _MAX_TITLE
            and not link_text_length(element)
            and not _DATE_IN_TEXT.search(own)
            and not _FIELD_LINE.match(own)
        ):
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
        minor = element.tag in ("h4", "h5", "h6")
        if (
            not heading
            and not minor
            and not (_TITLE_MARKS.search(element.marks) and element.tag in ("div", "p", "span", "td"))
        ):
            continue
        text = clean(element.text())
        if not 4 <= len(text) <= _MAX_TITLE:
            continue
        shared = _common_run(text, page_title) / len(text) if page_title else 0.0
        if link_text_length(element) > 0.5 * len(text) and not (heading and shared >= 0.8):
            continue  # links, unless a heading <title> repeats that links to its own page (<h1><a>…)
        score = shared + (0.3 if element.tag == "h1" else 0.1 if heading else 0.05 if minor else 0.0)
        candidates.append((score, text, element))
    # Of the headings <title> repeats, the one that repeats most of it: a site's logo in an
    # <h1> (松花江网) is repeated whole too, but it is only the end of <title>.
    repeated = [item for item in candidates if item[0] >= 0.8]
    if repeated:
        score, text, element = max(repeated, key=lambda item: (_common_run(item[1], page_title), item[0]))
        if len(text) > _SHORT_HEADING or above is None:
            return _without_badge(text, page_title), element
    if above is not None and _agrees_with(own_text(above), page_title):
        return own_text(above), above
    if (found := _heading_over_title(candidates, page_title)) is not None:
        return found
    return (_title_before_site(page_title) or None), None


def _heading_over_title(
    candidates: list[tuple[float, str, Element]], page_title: str
) -> tuple[str, Element] | None:
    """A heading printed above the article that `<title>` does not repeat: one that holds the
    whole `<title>` and more (`<title>` only the site's name, 浙江省淡水水产研究所, over 浙江省淡水
    水产研究所召开…大会), else the page's only `<h1>` when it reads as a headline (a sentence of
    at least `_SENTENCE_HEADING` characters: a page that words its `<title>` for search engines)."""
    headline = _title_before_site(page_title)
    if _NAME_ONLY.fullmatch(headline):
        holding = [
            item for item in candidates if item[1].startswith(headline) and len(item[1]) > len(headline)
        ]
        if holding:
            _, text, element = max(holding, key=lambda item: item[0])
            return text, element
    first = [item for item in candidates if item[2].tag == "h1"]
    if len(first) == 1:
        text, element = first[0][1], first[0][2]
        worded_otherwise = not headline or headline not in text  # not the <title>'s headline and a subtitle
        if worded_otherwise and len(text) >= _SENTENCE_HEADING and _SENTENCE_MARKS.search(text):
            return text, element
    return None


_NAME_ONLY = re.compile(rf"[{CJK}]{{2,14}}[网所院局委会厅办站部馆校社台报司]")
"""A `<title>` that is only a body's or a site's name (浙江省淡水水产研究所, 某某网): no headline."""
_SENTENCE_HEADING = 12
"""Characters of an `<h1>` at least, with a mark of a sentence in it, to read as a headline."""


def _without_badge(text: str, page_title: str) -> str:
    """A heading without a badge printed after it (蔬菜水果 原创, …标题 独家): the `<title>` repeats
    the headline whole and not the short word set apart after it."""
    headline = _title_before_site(page_title)
    rest = text[len(headline) :] if headline and text.startswith(headline) else ""
    if rest[:1].isspace() and 0 < len(rest.strip()) <= _BADGE:
        return headline
    return text


_BADGE = 4
"""Characters of a badge after a headline at most (原创, 独家, 置顶)."""


def _agrees_with(line: str, page_title: str) -> bool:
    """Whether the line above a date line may be the headline: `<title>` repeats most of it,
    or holds no headline of its own (none, or a section's name: 新闻动态--某某网). A comment's
    date below the article (发表时间：…) has a line above it that a `<title>` holding the
    headline knows nothing of (没有相关信息)."""
    if not page_title or len(_title_before_site(page_title)) <= _SHORT_HEADING:
        return True
    return _common_run(line, page_title) >= 0.5 * len(line)


_SENTENCE_MARKS = re.compile(r"[，。！？；“”‘’、]")


def _title_before_site(page_title: str) -> str:
    """`<title>` cut before the site's name (标题_新闻_某某网, 标题 | 某某网). A part after a
    separator that reads as a sentence (书记市长这一周 | 奋马扬鞭争春色，“虎”力全开) is the
    headline's, not a site's or a section's: names of those have no punctuation."""
    if not page_title:
        return ""
    page_title = _SITE_FIRST.sub("", page_title, count=1)
    end = len(page_title)
    for match in _TITLE_SPLIT.finditer(page_title):
        if match.start() == 0:
            continue
        rest = page_title[match.end() :]
        following = _TITLE_SPLIT.search(rest)
        part = rest[: following.start()] if following else rest
        if not _SENTENCE_MARKS.search(part):
            end = match.start()
            break
    cut = page_title[:end].strip()
    tail = _HYPHEN_TAIL.search(cut)
    if tail and (_KEYWORDS.fullmatch(tail.group(1)) or _SITE.fullmatch(tail.group(1))):
        cut = cut[: tail.start()].rstrip()  # 标题-中国,嫦娥五号,月球 / 标题-中国科普网
    return cut


_HYPHEN_TAIL = re.compile(rf"(?<=[^\dA-Za-z\s])-(?=[{CJK}])([^-]+)$")
"""A bare hyphen before a last part (a hyphen between digits, 130-109, is the headline's)."""
_KEYWORDS = re.compile(rf"[{CJK}A-Za-z0-9]{{1,12}}(?:[,，][{CJK}A-Za-z0-9]{{1,12}})+")
"""Keywords after the headline, commas between them (-中国,嫦娥五号,月球,航天)."""
_SITE = re.compile(rf"[{CJK}]{{2,12}}(?:网|报|在线|频道|官网)")
"""A site's name after the headline (-中国科普网)."""


_DATE_IN_TEXT = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})\s*日?"
    r"(?:[\sT\u3000]*(?P<H>\d{1,2})[:：](?P<M>\d{2}))?"
)
FOUNDER_DATE = "enpproperty:date"
"""The key `page_meta` gives the date of a Founder (方正) e-paper's page: its CMS writes the
article's fields into a comment (<!--enpproperty <date>2022-02-13 …</date> … -->), and
many papers' e-editions print the date only as an image of the page or in a script."""
_FOUNDER_FIELDS = re.compile(r"<!--\s*enpproperty(.*?)-->", re.S)
_FOUNDER_DATE = re.compile(r"<date>\s*([^<]{8,40})</date>")
_SHORT_DATE = re.compile(r"(?<!\d)(?P<m>\d{1,2})-(?P<d>\d{1,2})\s*(?P<H>\d{1,2}):(?P<M>\d{2})")
_META_DATES = (
    "article:published_time", "og:release_date", "pubdate", "publishdate", "publish_date", "og:time",
    "apub:time", "firstpublishedtime", "datepublished", "publishtime", "dc.date", "date", "dateupdate",
    FOUNDER_DATE,
)  # fmt: skip
_DATE_WINDOW = 400
"""Characters of page text after the headline in which the printed date is looked for."""


def _after_inside(body: Element, headline: Element) -> str:
    """The text of `body` after `headline` (the byline and date under it, the article's start)."""
    seen = False
    parts: list[str] = []
    for element in body.iter():
        if element is headline:
            seen = True
            continue
        if not seen or in_head(element) or any(a is headline for a in element.ancestors()):
            continue
        text = "".join(child for child in element.children if isinstance(child, str)).strip()
        if text:
            parts.append(text)
            if sum(map(len, parts)) > _DATE_WINDOW:
                break
    return clean(" ".join(parts))[:_DATE_WINDOW]


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


def texts_around(root: Element, headline: Element | None, body: Element | None) -> tuple[str, str]:
    """The page text between the headline and the body, and the text right after the body.
    When the body holds the headline (a <main> of both), what follows the headline in it."""
    held = headline is not None and body is not None and any(a is body for a in headline.ancestors())
    before: list[str] = []
    after: list[str] = []
    state = "before-headline" if headline is not None else "between"
    inside_body = False
    for element in root.iter():
        if in_head(element):
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
    if held and headline is not None and body is not None:
        return _after_inside(body, headline), clean(" ".join(after))[:_DATE_WINDOW]
    between = clean(" ".join(before))
    if len(between) > _DATE_WINDOW:  # the lines right under the headline, and those right above the body
        between = f"{between[: _DATE_WINDOW // 2]} {between[-_DATE_WINDOW // 2 :]}"
    return between, clean(" ".join(after))[:_DATE_WINDOW]


def find_date(before: str, after: str, meta: dict[str, str]) -> datetime | None:
    """The date printed by the headline (`before` the body) or just `after` it, labelled
    (发布时间：…) first; a month and day alone (09-30 22:46) take the year from the metadata."""
    from_meta = _meta_date(meta)
    for zone in (before, after):
        match = _LABELLED_DATE.search(zone)
        if match and _date(match):
            return _date(match)
    printed = [found for match in _DATE_IN_TEXT.finditer(before) if (found := _date(match))]
    confirmed = [found for found in printed if from_meta and found.date() == from_meta.date()]
    if confirmed or printed:
        return (confirmed or printed)[0]  # the printed date the metadata confirms, else the first
    short = _SHORT_DATE.search(before)
    if short and from_meta:
        return _date(short, from_meta.year) or from_meta
    if from_meta:
        return from_meta
    match = _DATE_IN_TEXT.search(after)
    return _date(match) if match else None
