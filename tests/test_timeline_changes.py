"""issue 14: a timeline's change is a new post, not a new spelling of one (reader.library.timeline)."""

from __future__ import annotations

import pytest

from reader.library.timeline import changes, same_post
from reader.ui.screens.timeline import post_runs, timeline_summary

from .test_timeline_screen import appearance


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("中共中央总书记", "总书记"),
        ("中国国家主席", "国家主席"),
        ("中华人民共和国主席", "国家主席"),
        ("中华人民共和国中央军事委员会主席", "中央军委主席"),
        ("嘉峪关市长", "市长"),
        ("中国外长", "外交部长"),
    ],
)
def test_spellings_of_one_post(a: str, b: str) -> None:
    assert same_post(a, b) and same_post(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("副市长", "市长"),
        ("总书记", "书记"),
        ("代市长", "市长"),
        ("甘肃省委书记", "四川省委书记"),
        ("国家主席", "中央军委主席"),
        ("常务副市长", "副市长"),
    ],
)
def test_posts_of_their_own(a: str, b: str) -> None:
    assert not same_post(a, b) and not same_post(b, a)


def test_new_spellings_and_posts_held_together_are_no_change() -> None:
    printed = [
        ("总书记",),
        ("中共中央总书记", "国家主席", "中央军委主席"),
        ("国家主席",),
        ("中国国家主席",),
        (),
        ("党和国家领导人",),
        ("中华人民共和国中央军事委员会主席",),
        ("委员会主任",),  # a fragment of the one below
        ("中共中央总书记", "国家主席", "中央军委主席", "中央全面深化改革委员会主任"),
        ("总书记",),
    ]
    rows = [appearance(n, f"{2013 + n}-03-01", posts) for n, posts in enumerate(printed)]
    assert changes(printed) == [True] + [False] * (len(printed) - 1)
    assert [run.articles for run in post_runs(rows)] == [len(rows)]
    assert timeline_summary("习近平", rows) == "习近平: 总书记 in 2013–2022"


def test_a_promotion_and_a_move_are_changes() -> None:
    printed = [
        ("国务院副总理",),
        ("中共中央政治局常委", "国务院副总理"),
        ("中共中央政治局常委", "国务院总理"),  # 常委 was held with both: the rank decides
        ("总理",),
        ("甘肃省委书记",),
        ("四川省委书记",),
    ]
    assert changes(printed) == [True, False, True, False, True, True]
    rows = [appearance(n, f"{2012 + n}-01-01", posts) for n, posts in enumerate(printed)]
    assert timeline_summary("某", rows) == (
        "某: 国务院副总理 in 2012–2013 → 中共中央政治局常委、国务院总理 in 2014–2015"
        " → 甘肃省委书记 in 2016 → 四川省委书记 in 2017"
    )
