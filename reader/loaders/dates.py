"""Lenient date parsing shared by the loaders.

Article files print dates in many ways (19.06.2015 13:57, 2019-12-25, 2015年6月19日,
a YAML date); a date that cannot be read is simply unknown, never an error. Times are
kept as printed (wall-clock, no time zone) so all articles compare with each other.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from reader.compiled import compile_pattern

_TIME = r"(?:[\s\u00a0\u3000T]*(?P<H>\d{1,2})[:：](?P<M>\d{2})(?:[:：](?P<S>\d{2}))?)?"
_PATTERNS: tuple[re.Pattern[str], ...] = (
    # 2015-06-19, 2015/6/19, 2015.06.19 (with an optional time)
    compile_pattern(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _TIME),
    # 2015年6月19日
    compile_pattern(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日" + _TIME),
    # 19.06.2015 13:57 (day first, as in the bundled article)
    compile_pattern(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})" + _TIME),
)
_FILE_NAME_DATE = compile_pattern(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-_.]?(?P<m>\d{2})[-_.]?(?P<d>\d{2})(?!\d)")


def _build(match: re.Match[str]) -> datetime | None:
    """A datetime from a match's named groups, or None for an impossible date."""
    parts = match.groupdict()
    try:
        return datetime(
            int(parts["y"]),
            int(parts["m"]),
            int(parts["d"]),
            int(parts.get("H") or 0),
            int(parts.get("M") or 0),
            int(parts.get("S") or 0),
        )
    except ValueError:
        return None


def parse_date_text(text: str, *, whole: bool = False) -> datetime | None:
    """The first date in `text` (or `text` itself must be one when `whole`)."""
    text = text.strip().strip("\u00a0\u3000")
    for pattern in _PATTERNS:
        match = pattern.fullmatch(text) if whole else pattern.search(text)
        if match:
            return _build(match)
    return None


def coerce_date(value: object) -> datetime | None:
    """A front-matter value (date, datetime or string) as a naive datetime, or None."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip()).replace(tzinfo=None)
    except ValueError:
        return parse_date_text(value)


def date_from_file_name(stem: str) -> datetime | None:
    """A YYYYMMDD or YYYY-MM-DD date in a file name (xwlb_20140519_05 → 2014-05-19)."""
    for match in _FILE_NAME_DATE.finditer(stem):
        found = _build(match)
        if found is not None:
            return found
    return None
