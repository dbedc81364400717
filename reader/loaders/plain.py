"""Plain-text article layouts: the bundled article, 新闻联播 (xwlb) and 人民日报 (rmrb) dumps,
and text copied from news web pages.

All of them are "a title line, a few optional header lines, then one paragraph per
line", so one parser reads them all:

- title: the first non-blank line, unless it is too long to be one (then the title is
  a shortened copy and the line stays a paragraph);
- in the rmrb layout, a first line that only leads into the next (a kicker, 引题: it
  ends with —— or a reporting verb such as 强调, opens with 就/离京/结束…, or is a bare
  place like 朝鲜) is the kicker, and the next line is the title;
- header lines right after the title, up to the first body line: a bare date line
  (`19.06.2015  13:57`, `2019-12-25`), `作者：…  时间：…` / `来源：…` lines (optionally
  after a date), `原标题:…`, and
  a `——` subtitle; in the rmrb layout every headline line before the 作者/时间 line
  belongs to the subtitle;
- body: every other non-blank line is a paragraph, with its indentation (spaces, U+3000,
  NBSP, tabs) and trailing whitespace stripped and nothing else changed, so paragraph
  text is always a substring of the file;
- `原标题:…` is never a paragraph, wherever it appears;
- the outlet and byline are also read from the lead (`中国甘肃网6月19日讯 …(记者 赵明霞)`);
- with no date in the text, a YYYYMMDD / YYYY-MM-DD date in the file name is used.

A file without the rmrb `作者：…  时间：YYYY-MM-DD` header may be text copied from a web
page, so page_text.py's lines are read too: furniture (`字体：大 中 小`, `打印本页`) goes
wherever it stands; metadata lines (`发布时间:…  来源:…`) in the header; credits
(`责任编辑：…`, `(通讯员:付强)`, `■记者 …`, `杨艳秋 徐子淳 报道`) among the first and last
paragraphs. A first line that is a sentence (it ends with 。, or opens with a dateline
such as `本报讯`) is a paragraph: pages often lose their headline, and the title is then
a shortened copy. With no other date, a full date opening the first paragraph
(`2016年8月25日，…`) is the date. The rmrb layout keeps the paper's conventions (its
byline lines stay paragraphs), so those files read exactly as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.article import Article
from reader.lazy import lazy_pattern
from reader.loaders.dates import date_from_file_name, parse_date_text
from reader.loaders.lead import find_source, lead_metadata
from reader.loaders.page_text import PageFields, is_furniture, read_credit, read_meta

MAX_TITLE_CHARS = 120
"""A first line longer than this is a paragraph, not a title."""
_SHORT_TITLE_CHARS = 40

_META_KEYS = {
    "作者": "byline",
    "来源": "source",
    "出处": "source",
    "时间": "published",
    "日期": "published",
    "发布时间": "published",
    "发布日期": "published",
}
_KEY = "|".join(sorted(_META_KEYS, key=len, reverse=True))
_META_LINE = lazy_pattern(rf"^(?:{_KEY})[：:]")
_META_KEY = lazy_pattern(rf"(?:{_KEY})[：:]")
_META_FIELD = lazy_pattern(rf"(?P<key>{_KEY})[：:][\s\u3000]*(?P<value>.*?)[\s\u3000]*(?=(?:{_KEY})[：:]|$)")
_ORIGINAL_TITLE = lazy_pattern(r"^原标题[：:][\s\u3000]*(?P<title>.+)$")
_SUBTITLE_DASHES = "—―-－"
_MAX_DECK_LINES = 4


@dataclass
class _Header:
    """Metadata collected from the header lines, before the body starts."""

    published: datetime | None = None
    byline: str | None = None
    source: str | None = None
    subtitle: str | None = None
    original_title: str | None = None

    def take_meta(self, line: str) -> bool:
        """Read a `作者：A  时间：B` line (or `2015-06-19 13:57 来源：X`); False if not one."""
        first_key = _META_KEY.search(line)
        if not first_key:
            return False
        prefix = line[: first_key.start()].strip()
        prefix_date = parse_date_text(prefix, whole=True) if prefix else None
        if prefix and prefix_date is None:
            return False
        self.published = self.published or prefix_date
        for match in _META_FIELD.finditer(line, first_key.start()):
            field, value = _META_KEYS[match.group("key")], match.group("value")
            if not value:
                continue
            if field == "published":
                self.published = self.published or parse_date_text(value)
            elif field == "byline":
                self.byline = self.byline or value
            else:
                self.source = self.source or value
        return True

    def take_original_title(self, line: str) -> bool:
        """Read `原标题:…`; False when `line` is not one."""
        match = _ORIGINAL_TITLE.match(line)
        if not match:
            return False
        self.original_title = self.original_title or match.group("title").strip()
        return True


def _short_title(line: str) -> str:
    """A title cut from a long first line, ending at punctuation when there is some."""
    head = line[:_SHORT_TITLE_CHARS]
    cut = max(head.rfind(mark) for mark in "，。；：！？,;:!? ")
    if cut >= _SHORT_TITLE_CHARS // 3:
        head = head[:cut]
    return head.rstrip() + "…"


def _deck_length(lines: list[str], start: int) -> int:
    """How many headline lines precede a 作者/时间 line that starts at or after `start`.

    Headline lines, like the title, are unindented and short; an indented line is body.
    """
    for offset in range(_MAX_DECK_LINES + 1):
        index = start + offset
        line = lines[index] if index < len(lines) else ""
        if not line.strip() or line[0].isspace() or len(line) > MAX_TITLE_CHARS:
            return 0
        if _META_LINE.match(line):
            return offset
    return 0


_KICKER_ENDS = ("——", "—", "：", ":", "强调", "表示", "指出", "认为", "宣布", "说")
_KICKER_OPENINGS = ("就", "离京", "结束", "应邀")
_KICKER_MAX_BARE = 4
"""A headline line this short with no punctuation is a label (朝鲜), not a headline."""


def _is_kicker(line: str) -> bool:
    """Whether a first headline line only leads into the next one (引题).

    Papers set the kicker above the headline in smaller type; in plain text only its
    wording is left: it ends with a dash, a colon or a reporting verb with nothing said
    yet (外交部发言人——, 我外交部发言人强调), opens with a framing word (就中朝建交70周年,
    离京对…进行国事访问), or is a bare label (朝鲜).
    """
    line = line.strip()
    return (
        line.endswith(_KICKER_ENDS)
        or line.startswith(_KICKER_OPENINGS)
        or (len(line) <= _KICKER_MAX_BARE and line.isalpha())
    )


def _subtitle(lines: list[str]) -> str | None:
    """The deck lines as one subtitle, without the leading dashes."""
    parts = [line.strip().lstrip(_SUBTITLE_DASHES).strip() for line in lines]
    return " ".join(part for part in parts if part) or None


_PAPER_HEADER = lazy_pattern(r"^(?:作者[：:].*?[\s\u3000]+)?时间[：:][\s\u3000]*\d{4}-\d{1,2}-\d{1,2}$")
_PAPER_LOOKAHEAD = 8
_SENTENCE_END = lazy_pattern(r"。[”’」』）)】]*$")
_RELATIVE_DATELINE = lazy_pattern(r"^(?:本报|本台|本网|本刊)[\u4e00-\u9fff]{0,8}(?:讯|电)")
_CAPTION_CREDIT = lazy_pattern(r"(?:图片来源[：:]\S{1,20}|图片由\S{1,20}提供|\S{1,12}供图)$")
_CLAUSE_MARK = lazy_pattern(r"[，。,]")
_DATELINE_HEAD = lazy_pattern(
    r"^据?[^\s，。,(（]{0,24}?(?:讯|电|消息)[\s\u3000]*(?:[(（][^()（）]{0,40}[)）])?[\s\u3000：:]*"
)
_MIN_TITLE_CHARS = 6
_LEAD_DATE = lazy_pattern(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
_LEAD_ZONE = 5
"""Credit and metadata lines are looked for among this many first paragraphs…"""
_TAIL_ZONE = 8
"""…and this many last ones."""


def _is_paper(lines: list[str], start: int) -> bool:
    """The 人民日报 layout: a `作者：…  时间：YYYY-MM-DD` line among the first lines."""
    seen = 0
    for line in lines[start:]:
        line = line.strip()
        if not line:
            continue
        if _PAPER_HEADER.match(line):
            return True
        seen += 1
        if seen >= _PAPER_LOOKAHEAD:
            return False
    return False


def _reads_as_paragraph(line: str) -> bool:
    """A first line that is body text, not a headline: a sentence, a dateline lead, a caption.

    Headlines end without a full stop (they may end with ！ or ？), so 。 is the sign; a
    dateline counts only before a clause (`新华社长篇通讯：…` is a headline).
    """
    dateline = bool(_RELATIVE_DATELINE.match(line) or find_source(line))
    return bool(
        _SENTENCE_END.search(line) or (dateline and _CLAUSE_MARK.search(line)) or _CAPTION_CREDIT.search(line)
    )


def _is_page_meta(line: str) -> bool:
    """A web page's metadata or furniture line in the header."""
    return is_furniture(line) or read_meta(line, header=True) is not None


def _page_title(lines: list[str], start: int) -> str:
    """A title for a page whose headline was lost: a shortened copy of its first sentence,
    without the dateline and byline that open it (`本网讯(王吉成)`)."""
    first = lines[start].strip()
    for line in lines[start:]:
        line = line.strip()
        if line and not _CAPTION_CREDIT.search(line):
            first = line
            break
    if _RELATIVE_DATELINE.match(first) or find_source(first):
        rest = _DATELINE_HEAD.sub("", first, count=1)
        first = rest if len(rest) >= _MIN_TITLE_CHARS else first
    return _short_title(first)


def _trim_page_lines(paragraphs: list[str], fields: PageFields) -> list[str]:
    """The paragraphs without the credit and metadata lines among the first and last ones.

    What those lines say is merged into `fields` in reading order (the first printed wins).
    """
    kept = list(paragraphs)
    found: list[tuple[int, PageFields]] = []
    for index in reversed(range(min(_LEAD_ZONE, len(kept)))):
        credit = read_credit(kept[index])
        if credit is not None and len(kept) > 1:
            found.append((index, credit))
            del kept[index]
    tail: list[PageFields] = []
    while len(tail) < _TAIL_ZONE and len(kept) > 1:
        credit = read_credit(kept[-1])
        if credit is None:
            break
        tail.append(credit)
        kept.pop()
    for credit in [credit for _, credit in sorted(found, key=lambda item: item[0])] + tail[::-1]:
        fields.merge(credit)
    return kept


def _lead_date(paragraphs: list[str]) -> datetime | None:
    """A full date that opens the first paragraph (`2016年8月25日，…`), the event's day."""
    match = _LEAD_DATE.match(paragraphs[0]) if paragraphs else None
    return parse_date_text(match.group()) if match else None


def parse_plain(text: str, path: Path) -> Article:
    """Build an Article from decoded plain text (newlines already normalised)."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    header = _Header()
    paragraphs: list[str] = []
    if start == len(lines):
        return Article(path=path, title=path.stem, paragraphs=(), title_printed=False)

    page = None if _is_paper(lines, start) else PageFields()
    opening_credits = PageFields()
    while page is not None and (credit := read_credit(lines[start])) is not None:
        # A page that opens with a credit (掌上绍兴客户端记者 何雯 摄): not the headline.
        following = next((i for i in range(start + 1, len(lines)) if lines[i].strip()), None)
        if following is None:
            break
        opening_credits.merge(credit)
        start = following
    first = lines[start].strip()
    if page is not None and _reads_as_paragraph(first):
        title, body_from = _page_title(lines, start), start
    elif len(first) <= MAX_TITLE_CHARS:
        title, body_from = first, start + 1
    else:
        title, body_from = _short_title(first), start

    deck = _deck_length(lines, body_from) if body_from > start else 0
    if page is not None and any(
        _is_page_meta(line) or _CLAUSE_MARK.search(line) for line in lines[body_from : body_from + deck]
    ):
        deck = 0  # 发表时间:… above 来源:…, or sentences above 作者:…, are no subtitle
    kicker = None
    if deck and _is_kicker(title) and lines[body_from].strip()[:1] not in _SUBTITLE_DASHES:
        kicker, title = title, lines[body_from].strip()
        body_from, deck = body_from + 1, deck - 1
    header.subtitle = _subtitle(lines[body_from : body_from + deck])
    in_header = body_from > start
    for index in range(body_from + deck, len(lines)):
        line = lines[index].strip()
        if not line:
            continue
        if header.take_original_title(line):
            continue
        if page is not None and is_furniture(line):
            continue
        if in_header:
            found = read_meta(line, header=True) if page is not None else None
            if page is not None and found is not None:
                page.merge(found)
                continue
            if header.take_meta(line):
                continue
            date = parse_date_text(line, whole=True)
            if date is not None:
                header.published = header.published or date
                continue
            if index == body_from and line[0] in _SUBTITLE_DASHES[:2] and header.subtitle is None:
                header.subtitle = _subtitle([line])
                continue
            in_header = False
        paragraphs.append(line)

    fields = page or PageFields()  # what the page's header lines said
    credits = PageFields()  # what its first and last lines say
    if page is not None:
        credits.merge(opening_credits)
        paragraphs = _trim_page_lines(paragraphs, credits)
    source, byline = lead_metadata(paragraphs)
    published = header.published or fields.published or credits.published or date_from_file_name(path.stem)
    if page is not None and published is None:
        published = _lead_date(paragraphs)
    return Article(
        path=path,
        title=title,
        title_printed=body_from > start,
        paragraphs=tuple(paragraphs),
        source=header.source or fields.source or credits.source or source,
        published=published,
        original_title=header.original_title,
        byline=header.byline or fields.byline or byline or credits.byline,
        editor=fields.editor or credits.editor,
        subtitle=header.subtitle,
        kicker=kicker,
    )
