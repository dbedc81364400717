"""The place a post belongs to: 嘉峪关市委副书记 → 嘉峪关, 浙江省委书记 → 浙江, 市长 → none.

Why: grouping officials into persons (grouping.py) needs one fact from a post as printed,
where it is held. Two posts in different places at the same time belong to two people;
a post in a province and one in a city of that province may be one person's. Posts of
the centre (中共中央政治局委员, 国务院总理) and bare posts (市长) have no place and never
tell two people apart.

A place is read from the start of the post: names ending in an administrative suffix
(省, 市, 自治区, 州, 盟, 县, 区, 旗, 镇, 乡, 村), a province-level name (甘肃, 内蒙古), or a
country from the officials lexicon (俄罗斯总统). Data a linguist edits is in
`data/places.yaml`: the provinces and the cities in each, the words of the centre and
place-like words that name no place (开发区, 社区).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).resolve().parent / "data" / "places.yaml"
_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "区",
    "旗",
    "镇",
    "乡",
    "村",
)
_STRIP = ("特别行政区", "自治区", "自治州", "地区", "省", "市", "州", "盟")
"""Suffixes dropped from a place's key (吉林省 → 吉林; 沛县 and 西城区 keep theirs)."""
_PLACE_RUN = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:" + "|".join(_SUFFIXES) + ")")
_ETHNIC = re.compile(r"(?:壮族|回族|维吾尔|藏族|朝鲜族|土家族|苗族|彝族|蒙古族|[\u4e00-\u9fff]{1,2}族)+自治")
_FORMER = re.compile(r"^(?:原|前|时任|曾任|已故)")
_PROVINCE_NEXT = re.compile(r"$|[省市区县州委党人政代副常纪军团]|自治|特别|壮族|回族|维吾尔")
"""What may follow a province's bare name in a post: 浙江省委, 北京市, 广西壮族自治区, 上海人大."""
_NOT_IN_PLACE = re.compile(r"人民|政府|[委党局院部会厅处科所团组办]")
"""Characters of an organisation: a run holding one is no place (县人民政府县长)."""


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Provinces and their cities (keys as `place_key` writes them), the centre's words."""

    province_of: dict[str, frozenset[str]]
    """City key → the province keys it lies in (朝阳 is in 北京 and 辽宁)."""
    provinces: frozenset[str]
    central: tuple[str, ...]
    generic: frozenset[str]


@cache
def gazetteer() -> Gazetteer:
    """The bundled place data, read once per process."""
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}
    province_of: dict[str, set[str]] = {}
    for province, cities in (data.get("provinces") or {}).items():
        for city in str(cities).split():
            province_of.setdefault(_strip(city), set()).add(province)
    return Gazetteer(
        province_of={city: frozenset(parents) for city, parents in province_of.items()},
        provinces=frozenset(data.get("provinces") or ()),
        central=tuple(sorted(data.get("central") or (), key=len, reverse=True)),
        generic=frozenset(data.get("generic") or ()),
    )


@cache
def _countries() -> tuple[str, ...]:
    """Countries and regions the officials lexicon knows (its public `places`), longest first."""
    try:
        from reader.officials import load_lexicon

        words = load_lexicon().places.words
    except Exception:  # a broken user overlay must not stop grouping: no countries then
        return ()
    return tuple(sorted(words, key=len, reverse=True))


def _strip(name: str) -> str:
    name = _ETHNIC.sub("", name)
    for suffix in _STRIP:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1 << 16)
def post_places(post: str) -> tuple[str, ...]:
    """The places a post names at its start, widest first: 浙江省杭州市委书记 → (浙江, 杭州).

    Empty for a post of the centre or a bare post. A former marker (原, 时任) before the
    place is skipped: 原浙江省委书记 still names 浙江.
    """
    places = gazetteer()
    text = _FORMER.sub("", post.strip()).replace("地委", "地区委")
    for word in places.central:
        if text.startswith(word):
            return ()
    found: list[str] = []
    position = 0
    while position < len(text):
        province = next((p for p in places.provinces if text.startswith(p, position)), None)
        if province is not None and not _PROVINCE_NEXT.match(text, position + len(province)):
            province = None  # 上海合作组织 is no post of 上海
        country = None
        if province is None:
            country = next((c for c in _countries() if text.startswith(c, position)), None)
            country = None if country in places.provinces else country
        match = _PLACE_RUN.match(text, position)
        if match and (province is None or len(match.group()) > len(province)):
            run = match.group()
            key = _strip(run)
            if run in places.generic or key in places.generic or _NOT_IN_PLACE.search(run):
                break
            found.append(key)  # 河北省 → 河北, but 河北区 (in Tianjin) stays itself
            position = match.end()
            continue
        if province is not None:
            found.append(province)
            position += len(province)
            continue
        if country is not None and country not in places.central:
            found.append(country)
        break
    return tuple(dict.fromkeys(found))


def compatible(a: str, b: str) -> bool:
    """Whether one person can hold posts in places `a` and `b` at once: the same place,
    or a city and the province it lies in."""
    if a == b:
        return True
    return bool(_provinces(a) & {b, _base(b)} or _provinces(b) & {a, _base(a)})


def _provinces(key: str) -> frozenset[str]:
    province_of = gazetteer().province_of
    return province_of.get(key, frozenset()) | province_of.get(_base(key), frozenset())


def _base(key: str) -> str:
    """A district or county without its suffix (朝阳区 → 朝阳), for looking it up."""
    return key[:-1] if len(key) > 2 and key[-1] in "区县旗" else key
