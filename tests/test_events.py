"""任免 formulas of reader.people.events, one made-up sentence each (the table atop events.py)."""

from __future__ import annotations

import pytest

from reader.people.events import find_events


def read(*paragraphs: str, date: str = "2021-05-06") -> list[tuple[str, str, str]]:
    return [(e.name, e.kind, e.post) for e in find_events(list(paragraphs), date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "因工作变动，王小明提出辞去青山县人民政府副县长职务。",
            [("王小明", "removed", "青山县人民政府副县长")],
        ),
        (
            "李大海、赵红梅分别申请辞去青山县人大常委会委员职务。",
            [("李大海", "removed", "青山县人大常委会委员"), ("赵红梅", "removed", "青山县人大常委会委员")],
        ),
        ("张三丰辞去青山县县长职务后回到家乡。", []),  # neither asked for nor accepted: a story
        (
            "会议审议了李明关于辞去青山县县长职务的请求，决定接受其辞职。",
            [("李明", "removed", "青山县县长")],
        ),
        (
            "李明因工作调动，请求辞去青山县县长职务，会议决定接受其辞职。",
            [("李明", "removed", "青山县县长")],
        ),
        (
            "根据选举法，周七的青山县人大常委会委员职务相应终止。",
            [("周七", "removed", "青山县人大常委会委员")],
        ),
    ],
)
def test_resignations_asked_for_and_terms_that_end(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_the_clauses_after_a_formula_carry_its_verb() -> None:
    assert read("会议任命王小明为青山县副县长，李大海为青山县公安局局长，赵红梅为青山县教育局局长。") == [
        ("王小明", "appointed", "青山县副县长"),
        ("李大海", "appointed", "青山县公安局局长"),
        ("赵红梅", "appointed", "青山县教育局局长"),
    ]
    assert read(
        "会议分别免去王小明的青山县副县长职务；李大海的青山县公安局局长职务；会议还审议了工作报告。"
    ) == [
        ("王小明", "removed", "青山县副县长"),
        ("李大海", "removed", "青山县公安局局长"),
    ]
    # a clause that is not a name and a post ends the run
    assert read("会议任命王小明为青山县副县长，会议号召全县干部为发展作贡献。") == [
        ("王小明", "appointed", "青山县副县长")
    ]


def test_a_removal_names_its_person_up_to_comrade_and_a_new_post_may_follow() -> None:
    assert read("免去刘刚同志知行学院院长职务，任知行学院正处级调研员。") == [
        ("刘刚", "removed", "知行学院院长"),
        ("刘刚", "appointed", "知行学院正处级调研员"),
    ]


def test_a_report_retells_a_list_of_moves_by_count() -> None:
    assert read("由县委书记任江东市副市长的2人：王小明、李大海。") == [
        ("王小明", "appointed", "江东市副市长"),
        ("李大海", "appointed", "江东市副市长"),
    ]
    # the names after their old posts; 曾任 tells those posts, the main 任 is the move
    assert read("曾任青山区区长周向军、江东县县长赵红梅2位任县委书记。") == [
        ("周向军", "appointed", "县委书记"),
        ("赵红梅", "appointed", "县委书记"),
    ]
    # a count that is not the number of names read is no list of moves
    assert read("由县委书记任江东市副市长的3人：王小明、李大海。") == []


def test_a_report_on_a_publicity_retells_proposed_moves() -> None:
    assert read(
        "省委组织部发布干部任前公示，多名干部拟提拔任用。",
        "由县委书记任江东市副市长的两人：王小明、李大海。",
    ) == [("王小明", "announced", "江东市副市长"), ("李大海", "announced", "江东市副市长")]


def test_a_proposed_move_of_a_titled_name_and_of_the_clause_before() -> None:
    assert read(
        "其中，江东市委常委、青山县委书记任小刚拟任设区市副厅级领导职务，现任白水县委书记常明远，也拟任设区市副厅级领导职务。"
    ) == [
        ("任小刚", "announced", "设区市副厅级领导"),
        ("常明远", "announced", "设区市副厅级领导"),
    ]


def test_a_post_taken_with_approval() -> None:
    assert read("会上，副省长王小明已经中央批准担任省委常委。") == [("王小明", "appointed", "省委常委")]
    assert read("王小明曾担任省委常委。") == []


def test_carried_lists_keep_counts_deputies_and_the_next_names_apart() -> None:
    assert read("选举出王小明同志为镇长，杜渐、马锋两位同志为副镇长。") == [
        ("王小明", "elected", "镇长"),
        ("杜渐", "elected", "副镇长"),
        ("马锋", "elected", "副镇长"),
    ]
    assert read("会议选举王小明为主席，李大海、赵红梅为副主席。") == [
        ("王小明", "elected", "主席"),
        ("李大海", "elected", "副主席"),
        ("赵红梅", "elected", "副主席"),
    ]
    # the next item after 、 is its own (赵红梅等为副总理: 赵红梅 is one of those appointed)
    assert sorted(read("会议选举王小明为委员长，任命李大海为总理、赵红梅等为副总理。")) == [
        ("李大海", "appointed", "总理"),
        ("王小明", "elected", "委员长"),
        ("赵红梅", "appointed", "副总理"),
    ]


def test_a_clause_before_a_formula_names_a_person_only_after_a_post() -> None:
    assert read("佩通坦获得过半数议员支持，当选新任泰国总理。") == []  # no 议员 named 支持


def test_the_opening_date_skips_a_dateline_and_a_span_gives_its_month() -> None:
    events = find_events(
        ["本报1月13日讯：昨天，青山县人大常委会召开会议。", "会议决定任命王小明为青山县副县长。"],
        "2021-01-13",
    )
    assert [(e.name, e.date) for e in events] == [("王小明", "2021-01-12")]
    events = find_events(
        ["新华网11月28日电 11月19日至26日，省委组织部发布任前公示。", "李大海拟任江东市副市长。"],
        "2021-11-28",
    )
    assert [(e.name, e.date) for e in events] == [("李大海", "2021-11")]


def test_a_transfer_in_a_profile_is_the_profiles_person() -> None:
    events = read(
        "王小明出生于1969年5月，浙江人。",
        "她曾在江东市工作多年，2018年5月调任青山，担任省委常委、省委宣传部部长。",
        "李大海1984年7月参加工作。2017年3月，由江东市委常委、秘书长转任青山市委常委、组织部长。",
    )
    assert events == [
        ("王小明", "transferred", "省委常委、省委宣传部部长"),
        ("李大海", "transferred", "青山市委常委、组织部长"),
    ]
    assert read("李大海1984年7月参加工作，2013年任江东市委常委。") == []  # a résumé line


def test_an_election_told_post_first() -> None:
    assert read("昨天，区人大代表投票选举产生了青山区区长，代区长王小明高票当选。") == [
        ("王小明", "elected", "青山区区长")
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["李明被任命为青山县县长。"], [("李明", "appointed", "青山县县长")]),
        (["李明被选举为青山县县长。"], [("李明", "elected", "青山县县长")]),
        (["李明被提名为青山县县长候选人。"], [("李明", "nominated", "青山县县长")]),
        (["李明被免去青山县县长职务。"], [("李明", "removed", "青山县县长")]),
        (["聘任李明为青山学院副院长。"], [("李明", "appointed", "青山学院副院长")]),
        (["经研究，决定：李明同志为青山县委常委。"], [("李明", "appointed", "青山县委常委")]),
        (["撤销李明的青山县副县长职务。"], [("李明", "removed", "青山县副县长")]),
        (["李明升任青山县县长。"], [("李明", "appointed", "青山县县长")]),
        (["李明同志提任青山县副县长。"], [("李明", "appointed", "青山县副县长")]),
        (["日前，李明已任青山县委书记。"], [("李明", "appointed", "青山县委书记")]),
        (["李明获委任为青山县县长。"], [("李明", "appointed", "青山县县长")]),
        (["2019年，李明调至省委组织部任副部长。"], [("李明", "transferred", "副部长")]),
        (["李明跨省赴江西担任省委常委。"], [("李明", "transferred", "省委常委")]),
        (
            ["李明，男，现任青山县副县长，拟按程序推荐为青山县县长人选。"],
            [("李明", "announced", "青山县县长")],
        ),
        (["李明接替王刚同志担任青山县委书记。"], [("李明", "appointed", "青山县委书记")]),
        (["李明，男，现任青山县副县长，拟推荐为青山县县长人选。"], [("李明", "announced", "青山县县长")]),
        (["李明，男，现任青山县副县长，拟提拔担任青山县委常委。"], [("李明", "announced", "青山县委常委")]),
        (["会议同意李明辞去青山县副县长职务的请求。"], [("李明", "removed", "青山县副县长")]),
        (["李明的青山县人大代表职务自然免除。"], [("李明", "removed", "青山县人大代表")]),
        (["决定提名：", "李明为青山县县长候选人。"], [("李明", "nominated", "青山县县长")]),
        (["决定聘任：", "李明为青山学院副院长。"], [("李明", "appointed", "青山学院副院长")]),
        (["李明的青山县副县长职务被免去。"], [("李明", "removed", "青山县副县长")]),
        (["李明被确定为青山县县长拟任人选。"], [("李明", "announced", "青山县县长")]),
        (
            ["李明，男，现任青山县副县长，拟作为青山县县长候选人推荐人选。"],
            [("李明", "announced", "青山县县长")],
        ),
        (
            ["经研究决定：", "李明同志为青山县委常委；", "王刚同志的青山县副县长职务。"],
            [("李明", "appointed", "青山县委常委"), ("王刚", "removed", "青山县副县长")],
        ),
    ],
)
def test_passive_and_other_verbs_of_each_kind(
    paragraphs: list[str], expected: list[tuple[str, str, str]]
) -> None:
    assert read(*paragraphs) == expected


def test_its_post_removed_is_the_one_person_the_sentence_names() -> None:
    assert read("王小明同志任青山县委书记，免去其青山县县长职务。") == [
        ("王小明", "appointed", "青山县委书记"),
        ("王小明", "removed", "青山县县长"),
    ]
    # two persons: 其 is not read; 现任 names no post
    assert read("王小明同志任青山县委书记，李大海同志任县长，免去其副县长职务。") == [
        ("王小明", "appointed", "青山县委书记"),
        ("李大海", "appointed", "县长"),
    ]
    assert read("会议决定免去其现任职务。") == []


def test_an_event_told_as_recent_is_dated_by_the_articles_month() -> None:
    events = find_events(["教育部日前发布通知，任命王小明为青山大学副校长。"], "2010-03-18")
    assert [(e.name, e.date) for e in events] == [("王小明", "2010-03")]
    events = find_events(["教育部3月16日发布通知，任命王小明为青山大学副校长。"], "2010-03-18")
    assert [(e.name, e.date) for e in events] == [("王小明", "2010-03-16")]
