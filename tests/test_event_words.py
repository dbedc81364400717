"""任免 formulas read from data/event_words.yaml, one made-up notice for each class:
the word lists themselves, stories and résumés that are no events, back-references,
clauses that carry a person, 公示 tables."""

from __future__ import annotations

import re

import pytest
import yaml

from reader.people.event_formulas import WORDS_FILE, alt, words
from reader.people.events import find_events


def read(*paragraphs: str, date: str = "2021-05-06") -> list[tuple[str, str, str]]:
    return [(e.name, e.kind, e.post) for e in find_events(list(paragraphs), date)]


def test_the_word_lists_are_plain_yaml_and_every_verb_holds_a_trigger() -> None:
    data = yaml.safe_load(WORDS_FILE.read_text(encoding="utf-8"))
    assert set(data) == set(words())
    triggers = re.compile(alt("triggers"))
    verbs = [
        "appointing", "taking", "taking_office", "passive_appointing", "becoming", "acting",
        "removing", "resigning", "no_longer", "leaving", "electing", "elected",
        "nominating", "transferring", "by_whom",
    ]  # fmt: skip
    for role in verbs:
        for word in words()[role]:
            assert triggers.search(word), (role, word)
            assert not re.search(r"[\\()\[\]|*+?]", word), (role, word)  # plain words only
    assert alt("proposing").index("推荐提名为") < alt("proposing").index("|提名为")  # longest first


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 出任/担任 tell a story as often as a move: read with a date of the news or a notice word
        (["解放战争时期，王小明担任青山纵队政委。"], []),
        (["12月27日，王小明出任青山县委书记。"], [("王小明", "appointed", "青山县委书记")]),
        (
            ["省委决定：", "王小明出任青山县委书记；", "李大海担任青山县县长；"],
            [("王小明", "appointed", "青山县委书记"), ("李大海", "appointed", "青山县县长")],
        ),
        # a year in the clause is a résumé line, not an event
        (["2020年1月，王小明出任青山县委书记。"], []),
        (["王小明简历：", "2019.03—2021.05 任青山县委书记；"], []),
        (["2019年3月，他任青山县委书记，主持全面工作。"], []),
    ],
)
def test_stories_and_resumes_are_no_events(
    paragraphs: list[str], expected: list[tuple[str, str, str]]
) -> None:
    assert read(*paragraphs) == expected


def test_a_clause_without_a_subject_is_the_clause_befores_person() -> None:
    assert read("现任青山县委副书记李大海拟任江东市委常委，拟提名为江东市副市长人选。") == [
        ("李大海", "announced", "江东市委常委"),
        ("李大海", "announced", "江东市副市长"),
    ]
    assert read("赵红梅同志担任青山集团副总会计师，不再担任青山集团总会计师职务。") == [
        ("赵红梅", "appointed", "青山集团副总会计师"),
        ("赵红梅", "removed", "青山集团总会计师"),
    ]
    assert read("王小明任青山集团党委副书记、董事，提名为青山集团总经理人选。") == [
        ("王小明", "appointed", "青山集团党委副书记、董事"),
        ("王小明", "nominated", "青山集团总经理"),
    ]


def test_back_references_stand_for_the_person_and_the_post_named_last() -> None:
    assert read("省委组织部发布了江东市委书记人选：现任青山县县长王小明拟任该职。") == [
        ("王小明", "announced", "江东市委书记")
    ]
    assert read("李大海同志将接替王小明同志，成为新的青山大学校长。同时，王小明同志将不再担任这一职务。") == [
        ("李大海", "appointed", "青山大学校长"),
        ("王小明", "removed", "青山大学校长"),
    ]
    # 他: the person last named, here by a résumé line (此前…由X担任) that is no event itself
    assert read("此前，江东市委书记由李大海担任。今年1月，他升任省委常委，3月底卸任江东市委书记一职。") == [
        ("李大海", "appointed", "省委常委"),
        ("李大海", "removed", "江东市委书记"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议决定王小明同志代理青山县人民政府县长。", [("王小明", "appointed", "代理青山县人民政府县长")]),
        (
            "会议表决通过了关于王小明代理青山县人民政府县长职务的决定。",
            [("王小明", "appointed", "代理青山县人民政府县长")],
        ),
        ("青山县委书记一职改由副县长王小明兼任。", [("王小明", "appointed", "青山县委书记")]),
        ("此前，青山县委书记由王小明担任。", []),  # 此前: history
        (
            "2021年12月，王小明再度跨省任职，任江东省委常委。",
            [("王小明", "transferred", "江东省委常委")],
        ),
        (
            "李大海出任青山大学校长，接替调任江东省副省长的王小明。",
            [
                ("李大海", "appointed", "青山大学校长"),
                ("王小明", "transferred", "江东省副省长"),
            ],
        ),
        ("会议选举王小明担任青山县县长。", [("王小明", "elected", "青山县县长")]),
        (
            "副镇长候选人王小明得票73票，李大海得票71票，当选为青山镇副镇长。",
            [("王小明", "elected", "青山镇副镇长"), ("李大海", "elected", "青山镇副镇长")],
        ),
        (
            "会议听取了提名王小明为青山县副县长、决定代理县长的说明。",
            [("王小明", "nominated", "青山县副县长")],
        ),
        ("朱大海本月中旬调任江东市委书记。", [("朱大海", "transferred", "江东市委书记")]),
        ("时任青山区委书记的王小明调任江东市委常委。", [("王小明", "transferred", "江东市委常委")]),
    ],
)
def test_formulas_told_post_first_acting_and_transfers(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert sorted(read(text)) == sorted(expected)


def test_a_resignation_reported_is_an_event_and_a_headline_of_two_moves_is_two_clauses() -> None:
    assert read("3月25日，王小明辞去青山县县长职务。") == [("王小明", "removed", "青山县县长")]
    assert read("王小明辞去青山县县长职务后回到家乡。") == []
    assert read("王小明辞去青山县县长职务 李大海任代理县长") == [
        ("王小明", "removed", "青山县县长"),
        ("李大海", "appointed", "代理县长"),
    ]


def test_a_headline_and_its_body_tell_one_acting_post_once() -> None:
    assert read(
        "【王小明任青山市代理市长】",
        "会议任命王小明为青山市人民政府副市长，并决定王小明为青山市人民政府代理市长。",
    ) == [("王小明", "appointed", "青山市代理市长"), ("王小明", "appointed", "青山市人民政府副市长")]
    # an acting post is not a repeat of a deputy's
    assert read("会议决定李大海为市人民检察院代理检察长。", "会议任命李大海为青山市人民检察院副检察长。") == [
        ("李大海", "appointed", "市人民检察院代理检察长"),
        ("李大海", "appointed", "青山市人民检察院副检察长"),
    ]


def test_a_publicity_table_and_keyed_lines_give_proposed_moves() -> None:
    table = (
        "| 姓名 | 性别 | 现任职务 | 拟任职务 | |---|---|---|---| "
        "| 王小明 | 男 | 青山县副县长 | 青山县县长 | | 李大海 | 男 | 江东镇党委书记 | 青山县副县长 |"
    )
    assert read("青山县委组织部干部任前公示", table) == [
        ("王小明", "announced", "青山县县长"),
        ("李大海", "announced", "青山县副县长"),
    ]
    assert read("姓名 性别 现任职务 拟任职务", "赵红梅 女 青山县教育局副局长 青山县教育局局长") == [
        ("赵红梅", "announced", "青山县教育局局长")
    ]
    assert read("姓名：赵红梅", "现任职务：青山县教育局副局长", "拟任职务：青山县教育局局长") == [
        ("赵红梅", "announced", "青山县教育局局长")
    ]
    # a table without a proposed-post column states no move
    assert read("姓名 性别 现任职务", "赵红梅 女 青山县教育局副局长") == []


def test_a_removal_of_a_list_of_names_and_a_sentence_dated_by_its_paragraph() -> None:
    events = find_events(
        [
            "6月21日，青山市人大常委会召开会议，免去王小明、李大海、赵红梅青山市人民政府副市长职务。"
            "会议还决定任命周七为青山市人民政府副市长。"
        ],
        "2021-06-22",
    )
    assert [(e.name, e.kind, e.post, e.date) for e in events] == [
        ("王小明", "removed", "青山市人民政府副市长", "2021-06-21"),
        ("李大海", "removed", "青山市人民政府副市长", "2021-06-21"),
        ("赵红梅", "removed", "青山市人民政府副市长", "2021-06-21"),
        ("周七", "appointed", "青山市人民政府副市长", "2021-06-21"),
    ]


def test_a_removal_without_a_name_after_an_appointment_is_the_same_persons() -> None:
    assert read("任命王小明同志为江东市工业委员会副书记，免去青山县委副书记职务。") == [
        ("王小明", "appointed", "江东市工业委员会副书记"),
        ("王小明", "removed", "青山县委副书记"),
    ]
    # a name before the post is its own person
    assert read("任命王小明为青山县副县长，免去李大海青山县副县长职务。") == [
        ("王小明", "appointed", "青山县副县长"),
        ("李大海", "removed", "青山县副县长"),
    ]
    assert read("经研究决定，任命王小明同志为青山县委副书记，提名县长人选。") == [
        ("王小明", "appointed", "青山县委副书记"),
        ("王小明", "nominated", "县长"),
    ]


def test_a_new_post_taken_up_and_a_nomination_that_is_only_mentioned() -> None:
    assert read("原任青山县委书记的王小明近日已履新江东市委副书记。") == [
        ("王小明", "appointed", "江东市委副书记")
    ]
    assert read("会议决定，将王小明提名的上述青山县人民政府组成人员的人选提请代表酝酿。") == []


def test_dates_told_before_recently_this_year_and_a_list_items() -> None:
    def dates(*paragraphs: str) -> list[tuple[str, str | None]]:
        return [(e.name, e.date) for e in find_events(list(paragraphs), "2023-10-18")]

    assert dates("10月10日，官方发布消息，日前，中共中央批准，王小明任青山省委副书记。") == [
        ("王小明", "2023-10-10")
    ]
    assert dates("今年7月，时任青山市委书记李大海出任青山省委副书记。") == [("李大海", "2023-07")]
    assert dates("负责高校工作的赵红梅本月中旬调任江东市委书记。") == [("赵红梅", "2023-10")]
    assert dates("另外2位分别是：", "10月12日，王小明任青山省委书记；", "李大海出任江东省委书记；") == [
        ("王小明", "2023-10-12"),
        ("李大海", "2023-10-12"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a 公示 entry opens with its person, with or without 男/女
        (
            "王小明，1975年5月生，中共党员，现任青山县副县长，拟任青山县委常委。",
            [("王小明", "announced", "青山县委常委")],
        ),
        (
            "李大海（女），汉族，1978年3月生，现任江东镇党委书记，拟提名为青山县副县长人选。",
            [("李大海", "announced", "青山县副县长")],
        ),
        ("王小明获任青山县县长。", [("王小明", "appointed", "青山县县长")]),
        ("王小明（挂职）任青山县副县长。", [("王小明", "appointed", "青山县副县长")]),
        ("会议决定，王小明挂职担任青山县副县长。", [("王小明", "appointed", "青山县副县长")]),
        ("会议推选王小明为青山县政协主席。", [("王小明", "elected", "青山县政协主席")]),
        (
            "经县委研究，同意王小明同志退休，免去其青山县教育局局长职务。",
            [("王小明", "removed", "青山县教育局局长")],
        ),
        ("原青山县县长李大海调任江东市副市长。", [("李大海", "transferred", "江东市副市长")]),
    ],
)
def test_publicity_entries_secondments_and_retirements(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert read(text) == expected


def test_its_post_in_a_clause_of_one_person_and_names_paired_with_posts() -> None:
    assert read("任命王小明同志为青山县委常委，免去其青山县副县长职务；任命李大海同志为青山县副县长。") == [
        ("王小明", "appointed", "青山县委常委"),
        ("王小明", "removed", "青山县副县长"),
        ("李大海", "appointed", "青山县副县长"),
    ]
    assert read("王小明、李大海分别当选为青山县人大常委会主任、副主任。") == [
        ("王小明", "elected", "青山县人大常委会主任"),
        ("李大海", "elected", "副主任"),
    ]
    assert read("会议表决通过了关于任命王小明为青山县人民政府副县长的决定。") == [
        ("王小明", "appointed", "青山县人民政府副县长")
    ]


def test_a_sentence_with_no_subject_is_the_paragraphs_person_and_that_comrade_the_last() -> None:
    assert read("王小明，男，1975年5月生，现任青山县副县长。拟任青山县县长。") == [
        ("王小明", "announced", "青山县县长")
    ]
    assert read("王小明同志任青山县委书记。", "该同志拟任青山县县长。") == [
        ("王小明", "appointed", "青山县委书记"),
        ("王小明", "announced", "青山县县长"),
    ]
    assert read("该同志拟任青山县县长。") == []  # no one named before
