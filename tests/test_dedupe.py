"""Reposts (reader/dedupe.py): a story reprinted with a new header and a few characters changed
is one group; the same formula with other facts, or a year later, is not."""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest

from reader.dedupe import BANDS, group, signature, similarity, sketch
from reader.loaders import load_article

STORY = (
    "3月17日，青禾县召开春季森林防火工作会议。县委副书记、县长李大山出席会议并讲话。",
    "李大山强调，要压紧压实各级责任，确保不发生重大森林火灾。各乡镇要加强巡查，落实值守制度，"
    "严格管控野外用火，及时消除各类隐患。",
    "会议还部署了清明节期间的防火巡查工作，要求各部门密切配合，形成工作合力。",
)
REPRINT = (
    "3月17日,青禾县召开春季森林防火工作会议。县委副书记、县长李大山出席会议并讲话。",  # half-width comma
    "李大山强调,要压紧压实各级责任,确保不发生重大森林火灾。各乡镇要加强巡察,落实值守制度,"  # 查→察
    "严格管控野外用火,及时消除各类隐患。",
    "会议还部署了清明节期间的防火巡查工作,要求各部门密切配合,形成工作合力。",
)
OTHER = (
    "3月18日，东山镇召开村两委换届工作会议。镇党委书记王小明主持会议。",
    "王小明要求，各村要严格换届程序，确保选举风清气正，圆满完成换届任务。",
)
FORMULA_A = ("本台明天将直播十三届全国人大三次会议开幕会。届时，中央电视台综合频道、新闻频道将现场直播。",)
FORMULA_B = ("本台明天将直播全国政协十三届四次会议闭幕会。届时，中央电视台综合频道、新闻频道将现场直播。",)


def test_a_reprint_is_one_group_with_its_story() -> None:
    signatures = [signature(STORY), signature(OTHER), signature(REPRINT)]
    assert similarity(signatures[0].sketch, signatures[2].sketch) >= 0.65
    assert set(signatures[0].keys) & set(signatures[2].keys), "a reprint is its story's candidate"
    assert group(signatures) == [[0, 2]]


def test_the_same_formula_with_other_facts_is_two_stories() -> None:
    assert group([signature(FORMULA_A), signature(FORMULA_B)]) == []


def test_copies_a_year_apart_are_not_paired() -> None:
    signatures = [signature(STORY), signature(STORY), signature(STORY)]
    days = [date(2021, 3, 9), date(2022, 3, 9), date(2021, 3, 10)]
    assert group(signatures, days) == [[0, 2]]
    assert group(signatures) == [[0, 1, 2]]


def test_sketches_are_the_same_in_every_run() -> None:
    """CRC-32, not hash(): a stored sketch and its keys stay valid (these values are pinned)."""
    assert sketch(("新华社北京电",)) == sketch(("新华社 北京电。",))
    assert sketch(("新华社北京电",))[0] == 999161104
    assert signature(("新华社北京电",)).sketch == sketch(("新华社北京电",))
    assert signature(("新华社北京电",)).keys == (3446168380, 1325235109)


def test_empty_and_tiny_bodies() -> None:
    assert sketch(()) == ()
    assert signature(()).keys == ()
    assert group([signature(()), signature(()), signature(("短",))]) == []


def test_short_bodies_alike_are_one_story_and_others_not() -> None:
    """A short body has empty bins; they count as bins, so two short bodies alike still share
    a key, and a short body never shares one with a long body holding its words."""
    short = ("图片新闻：春季植树。",)
    signatures = [
        signature(short),
        signature(STORY),
        signature(("图片新闻:春季植树",)),
        signature(("图片新闻",)),
    ]
    assert len(signatures[0].keys) < BANDS
    assert group(signatures) == [[0, 2]]
    assert not set(signatures[0].keys) & set(signature((short[0] + STORY[0],)).keys)


def test_bodies_sharing_a_stock_sentence_are_seldom_candidates() -> None:
    """Why band keys (dedupe's docstring): 200 bodies that share one stock sentence and are
    otherwise different make next to no candidate pairs, and no group."""
    rng = random.Random(18)
    common = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"
    stock = "本报讯，记者从有关部门获悉，相关工作正在有序推进。"
    bodies = [(stock, "".join(rng.choices(common, k=300))) for _ in range(200)]
    signatures = [signature(body) for body in bodies]
    holders: dict[int, int] = {}
    for found in signatures:
        for key in found.keys:
            holders[key] = holders.get(key, 0) + 1
    shared = sum(count * (count - 1) // 2 for count in holders.values())
    assert shared <= 2  # every pair shares the stock sentence: 19,900 pairs
    assert group(signatures) == []


def test_a_story_in_two_shared_corpora_is_one_group(shared: Path) -> None:
    """人民日报 and 新闻联播 printed the same 贺电 (found by the sketches, read by hand)."""
    paths = [
        shared / "corpus" / "rmrb" / "rmrb_08_128.txt",
        shared / "corpus" / "xwlb-bulk" / "xwlb_20151009_01.txt",
    ]
    if not all(path.exists() for path in paths):
        pytest.skip("the two corpus files are not there")
    articles = [load_article(path) for path in paths]
    signatures = [signature(article.paragraphs) for article in articles]
    days = [article.published.date() if article.published else None for article in articles]
    assert group(signatures, days) == [[0, 1]]


def test_a_story_printed_more_often_than_a_bucket_holds_is_one_group() -> None:
    """Its copies' keys are each in more than MAX_BUCKET signatures: still one story (their
    first MAX_BUCKET are its candidates)."""
    from reader.dedupe import MAX_BUCKET

    copies = MAX_BUCKET + 20
    story = [signature([p.replace("，", ",", i % 3) + "另" * (i % 5) for p in STORY]) for i in range(copies)]
    groups = group([*story, signature(OTHER)])
    assert groups == [list(range(copies))]
