"""Dates of 任免 events (reader.people.events): the date a sentence gives before its
formula, else the article opening's, completed from the article's date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from reader.people.event_formulas import RECENT, SPACES

DATE = re.compile(
    r"(?P<y>(?:19|20)\d\d)\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?)?"
    r"|(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*日"
    r"|(?P<rel>今天|今日|今\(\d+\)日|今（\d+）日|昨天|昨日)"
    r"|(?:今年|本年)(?P<m3>\d{1,2})月|(?P<this>本月)"
    r"|(?<![\d年])(?P<m4>\d{1,2})月(?:上旬|中旬|下旬|初|底|份)"
    r"|(?<![\d月年])(?P<d3>\d{1,2})日"
)


BIOGRAPHY = re.compile(r"(?:出生|生|参加工作|加入中国共产党|入党)")
"""1980年5月生, 1990年7月参加工作: a résumé's dates, never the event's."""
BORN = re.compile(r"(?:出生于|生于|生於|出生於)$")
"""生于1970年10月: a birth date printed after its word."""


def resolve(match: re.Match[str], article: dt.date | None) -> str | None:
    """The date a match of DATE gives: YYYY-MM-DD, YYYY-MM or YYYY, completed from the article's."""
    if match.group("y"):
        year, month, day = match.group("y"), match.group("m"), match.group("d")
        if month and day:
            return iso(int(year), int(month), int(day))
        return f"{year}-{int(month):02d}" if month else year
    if article is None:
        return None
    if match.group("m2"):
        month, day = int(match.group("m2")), int(match.group("d2"))
        year = article.year - 1 if month > article.month + 1 else article.year
        return iso(year, month, day)
    if match.group("m3"):
        return f"{article.year}-{int(match.group('m3')):02d}"
    if match.group("m4"):  # 10月下旬: the month, of the article's year (or the year before)
        month = int(match.group("m4"))
        return f"{article.year - 1 if month > article.month + 1 else article.year}-{month:02d}"
    if match.group("this"):
        return article.isoformat()[:7]
    if match.group("rel"):
        day = article - dt.timedelta(days=1) if match.group("rel").startswith("昨") else article
        return day.isoformat()
    return iso(article.year, article.month, int(match.group("d3")))


def iso(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def article_date(date: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def opening_date(paragraphs: Sequence[str], article: dt.date | None) -> str | None:
    """The first date of the article's opening: after a dateline (1月13日消息：昨天…) the
    next one, counted from the dateline; a span (11月19日至26日) gives its month."""
    for paragraph in paragraphs[:3]:
        text = SPACES.sub("", paragraph)
        matches = list(DATE.finditer(text))
        if not matches:
            continue
        match = matches[0]
        if len(matches) > 1 and re.match(r"(?:讯|电|消息)", text[match.end() :]):
            article = article_date(resolve(match, article) or "") or article
            match = matches[1]
        found = resolve(match, article)
        if found and re.match(r"(?:至|到|—|－|-|~)(?:\d{1,2}月)?\d{1,2}日", text[match.end() :]):
            found = found[:7]
        opening = article_date(found + "-01" if found and len(found) == 7 else found or "")
        if article is not None and (opening is None or abs((article - opening).days) > 60):
            return None  # 1949年10月 in a retrospective's opening is no report date
        return found
    return None


def date_before(
    sentence: str, clause: str, offset: int, article: dt.date | None, default: str | None
) -> str | None:
    """The date the sentence gives before the formula, else the opening's (`default`); after
    日前/近日 (recently), with no date after it, the date before it that told it (10月10日，
    官方发布消息，日前…), else the month of the article's date."""
    start = sentence.find(clause)
    before = sentence[: (start if start >= 0 else 0) + offset]
    matches = [
        m
        for m in DATE.finditer(before)
        if not (m.group("d3") or BIOGRAPHY.match(before, m.end()) or BORN.search(before, 0, m.start()))
    ]
    recent = [m.end() for m in re.finditer(RECENT, before)]
    if recent and (not matches or recent[-1] > matches[-1].end()):
        if matches:  # 10月10日，官方发布消息，日前…: the day it was told
            return resolve(matches[-1], article)
        return article.isoformat()[:7] if article else default
    return resolve(matches[-1], article) if matches else default
