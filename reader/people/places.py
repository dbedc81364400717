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
    "自治县",
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
_ETHNIC_TAIL = re.compile(
    r"(?:壮族|回族|维吾尔族?|藏族|蒙古族|朝鲜族|土家族|苗族|彝族|侗族|瑶族|白族|哈尼族|傣族|黎族|傈僳族|佤族|畲族"
    r"|拉祜族|水族|东乡族|纳西族|景颇族|柯尔克孜族|土族|羌族|撒拉族|仡佬族|锡伯族|布依族|满族|哈萨克族|裕固族|保安族"
    r"|怒族|独龙族|普米族|阿昌族|德昂族|基诺族|布朗族|毛南族|仫佬族|京族|塔吉克族|鄂温克族|鄂伦春族|达斡尔族|赫哲族)+$"
)
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
    cities_of: dict[str, tuple[str, ...]]
    aliases: dict[str, str]
    provinces: frozenset[str]
    central: tuple[str, ...]
    generic: frozenset[str]


@cache
def gazetteer() -> Gazetteer:
    """The bundled place data, read once per process."""
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8")) or {}
    province_of: dict[str, set[str]] = {}
    cities_of: dict[str, tuple[str, ...]] = {}
    for province, cities in (data.get("provinces") or {}).items():
        cities_of[province] = tuple(sorted(str(cities).split(), key=len, reverse=True))
        for city in cities_of[province]:
            province_of.setdefault(_strip(city), set()).add(province)
    return Gazetteer(
        province_of={city: frozenset(parents) for city, parents in province_of.items()},
        cities_of=cities_of,
        aliases={str(k): str(v) for k, v in (data.get("aliases") or {}).items()},
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
    for suffix in _STRIP:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            base = name[: -len(suffix)]
            if suffix.startswith("自治"):
                shorter = _ETHNIC_TAIL.sub("", base)
                base = shorter if len(shorter) >= 2 else base
            return base
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
        while text.startswith(("原", "前"), position):
            position += 1
        if text.startswith(("副", "常务", "代理", "原"), position):
            break  # the post itself begins: 天津市原市委代理书记, 东莞市副市长
        province = next((p for p in places.provinces if text.startswith(p, position)), None)
        if province is not None:
            after = position + len(province)
            city = next((c for c in places.cities_of.get(province, ()) if text.startswith(c, after)), None)
            if city is not None or (
                _PLACE_RUN.match(text, after) and not _PROVINCE_NEXT.match(text, after)
            ):  # 湖南长沙市委, 甘肃东乡族自治县: a province and a place in it, no 省 between
                found.append(province)
                position = after
                continue
            if not _PROVINCE_NEXT.match(text, after):
                province = None  # 上海合作组织 is no post of 上海
        country = None
        if province is None:
            country = next((c for c in _countries() if text.startswith(c, position)), None)
            country = None if country in places.provinces else country
        match = _PLACE_RUN.match(text, position)
        if match and (province is None or len(match.group()) > len(province)):
            run = match.group()
            tail = re.match(r"族自治[区州县]", text[match.end() :])
            if tail:  # 东乡族自治县: the 乡 of 东乡 is no suffix here
                run += tail.group()
            key = _strip(run)
            if (
                run in places.generic
                or key in places.generic
                or _NOT_IN_PLACE.search(run)
                or "和" in run[1:]
                or any(run.endswith(word) for word in places.generic)
            ):
                break
            found.append(key)  # 河北省 → 河北, but 河北区 (in Tianjin) stays itself
            position = match.start() + len(run)
            continue
        if province is not None:
            found.append(province)
            position += len(province)
            continue
        if country is not None and country not in places.central:
            found.append(country)
            position += len(country)
            continue
        break
    return tuple(dict.fromkeys(places.aliases.get(key, key) for key in found))


def is_country(key: str) -> bool:
    """A country or region the officials lexicon knows, other than China's own places."""
    return key in _country_set() and key not in gazetteer().provinces


@cache
def _country_set() -> frozenset[str]:
    aliases = gazetteer().aliases
    return frozenset(aliases.get(c, c) for c in _countries())


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
