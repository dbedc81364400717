"""任免 formula classes of the fifth round (tuned on dev4), one made-up notice each: moves
told of a titled name with a bare verb, resignations told with their papers, lists of
removals under one 职务, proposals, honorifics, words between a name and its verb, and
moves still to come."""

from __future__ import annotations

import pytest

from reader.people.event_titled import titled_name, titled_pairs
from reader.people.events import find_events


def read(*paragraphs: str, date: str = "2021-05-06") -> list[tuple[str, str, str]]:
    return [(e.name, e.kind, e.post) for e in find_events(list(paragraphs), date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare verb after a titled name: the post is the title's
        ("1月5日，青山大学召开大会，前任校长王小明退休。", [("王小明", "removed", "校长")]),
        (
            "会上宣布，时任青山大学校长李大海到龄到届，退出领导岗位。",
            [("李大海", "removed", "青山大学校长")],
        ),
        (
            "今年1月，原青山师范大学校长张红梅因年龄原因卸任，由赵建国接任。",
            [("张红梅", "removed", "青山师范大学校长")],
        ),
        # resignations accepted with their papers, two lists joined by 以及
        (
            "会议表决通过了关于王小明、李大海两位同志辞去县人大常委会委员以及张红梅等3位同志辞去县人大代表的辞呈。",
            [
                ("王小明", "removed", "县人大常委会委员"),
                ("李大海", "removed", "县人大常委会委员"),
                ("张红梅", "removed", "县人大代表"),
            ],
        ),
        (
            "5月18日公司发布公告，同意董事长王小明、非执行董事李大海和监事会主席张红梅的辞职申请。",
            [
                ("王小明", "removed", "董事长"),
                ("李大海", "removed", "非执行董事"),
                ("张红梅", "removed", "监事会主席"),
            ],
        ),
        # one 职务 for a list of removals, each name set apart by 同志 or 的
        (
            "会议宣读了任免决定：免去王小明同志的中共青山大学委员会副书记，李大海、张红梅同志的中共青山大学委员会常委、委员职务。",
            [
                ("王小明", "removed", "中共青山大学委员会副书记"),
                ("李大海", "removed", "中共青山大学委员会常委、委员"),
                ("张红梅", "removed", "中共青山大学委员会常委、委员"),
            ],
        ),
        # a board's proposal is a nomination; 推荐…为…候选人 too
        (
            "公告同时建议任命公司副总裁王小明为公司董事长。",
            [("王小明", "nominated", "公司董事长")],
        ),
        ("会议推荐李大海为青山县县长候选人。", [("李大海", "nominated", "青山县县长")]),
        # honorifics of companies' notices; 了 after the verb
        ("董事会同意解聘张红梅女士副总经理职务。", [("张红梅", "removed", "副总经理")]),
        (
            "5月19日召开董事会，会议选举了王小明先生担任青山集团有限责任公司董事长。",
            [("王小明", "elected", "青山集团有限责任公司董事长")],
        ),
        ("李大海已于10月下旬被免去了青山集团董事长的职务。", [("李大海", "removed", "青山集团董事长")]),
        # words between a name and its verb (特, 并, 同时, 宣誓, 扶正), and the clause before's person
        (
            "5月17日，王小明因工作调整，特申请辞去公司董事长职务，并不再担任公司法定代表人。",
            [("王小明", "removed", "公司董事长"), ("王小明", "removed", "公司法定代表人")],
        ),
        (
            "公告显示，李大海于5月16日递交辞呈，同时不再担任非执行董事及提名委员会主任等一切职务。",
            [("李大海", "removed", "非执行董事及提名委员会主任")],
        ),
        ("3月5日，王小明宣誓就任青山市市长。", [("王小明", "appointed", "青山市市长")]),
        ("经教育部宣布，副校长张红梅扶正担任校长。", [("张红梅", "appointed", "校长")]),
        # no post opens with 为; new verbs of the same roles
        ("3月5日，王小明晋升为青山市副市长。", [("王小明", "appointed", "青山市副市长")]),
        ("3月5日，李大海调任为江东市委书记。", [("李大海", "transferred", "江东市委书记")]),
        ("李大海获聘为青山大学副校长。", [("李大海", "appointed", "青山大学副校长")]),
        ("会议增补王小明为市政协常委。", [("王小明", "elected", "市政协常委")]),
        ("3月5日，王小明改任青山市人大常委会副主任。", [("王小明", "appointed", "青山市人大常委会副主任")]),
        # a move still to come is none; one told as done (已调任) in the same sentence is
        (
            "据消息，明天，王小明将出任青山大学校长，接替已调任江东市副市长的李大海。",
            [("李大海", "transferred", "江东市副市长")],
        ),
    ],
)
def test_the_fifth_rounds_formula_classes(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_a_titled_name_is_the_title_before_it_and_a_name_of_two_to_four() -> None:
    assert titled_pairs("董事长王小明、总裁李大海") == [("王小明", "董事长"), ("李大海", "总裁")]
    assert titled_pairs("董事长王小明、辞职报告") == []  # all or none
    assert titled_name("青山大学校长李大海到龄到届", []) == ("李大海", "青山大学校长")
    assert titled_name("青山大学校长李大海说", []) is None  # what follows the name is no cause or time
    assert read("会上，副校长王小明扶正担任校长的消息传开。") == []  # no five-character name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("王小明以全票当选青山县人民政府县长。", [("王小明", "elected", "青山县人民政府县长")]),
        (
            "会议接受王小明因工作调动提出的辞去县人民政府副县长职务的请求。",
            [("王小明", "removed", "县人民政府副县长")],
        ),
        (
            "王小明同志因工作变动，不再担任青山县委书记、常委、委员职务。",
            [("王小明", "removed", "青山县委书记、常委、委员")],
        ),
        # 任免 is no 任 of a post; the body that names the list is no person
        (
            "国务院任免国家工作人员：任命王小明为教育部副部长；免去李大海的教育部副部长职务。",
            [("王小明", "appointed", "教育部副部长"), ("李大海", "removed", "教育部副部长")],
        ),
        (
            "5月10日，青山集团召开干部大会，宣布王小明任集团党委书记、董事长，李大海不再担任集团党委书记、董事长职务。",
            [("王小明", "appointed", "集团党委书记、董事长"), ("李大海", "removed", "集团党委书记、董事长")],
        ),
        ("本次会议还任命了王小明为县统计局局长。", [("王小明", "appointed", "县统计局局长")]),
        ("3月1日，王小明辞任青山集团总经理。", [("王小明", "removed", "青山集团总经理")]),
        (
            "经县委常委会研究，拟提拔王小明同志为青山县财政局局长。",
            [("王小明", "announced", "青山县财政局局长")],
        ),
        ("王小明拟推荐提名为青山市市长人选。", [("王小明", "announced", "青山市市长")]),
    ],
)
def test_more_formula_classes_of_the_fifth_round(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_a_resume_date_is_never_the_events() -> None:
    events = find_events(
        ["王小明，男，汉族，1980年5月生，1999年7月参加工作，现任青山县财政局副局长，拟任青山县财政局局长。"],
        "2022-05-24",
    )
    assert [(e.name, e.kind, e.date) for e in events] == [("王小明", "announced", "2022-05-24")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议决定任命王小明兼任青山县公安局局长。", [("王小明", "appointed", "青山县公安局局长")]),
        ("省委决定由王小明担任青山市委书记。", [("王小明", "appointed", "青山市委书记")]),
        ("学校决定聘请王小明为青山学院院长。", [("王小明", "appointed", "青山学院院长")]),
        ("行政长官委任王小明为青山署署长。", [("王小明", "appointed", "青山署署长")]),
        ("县委决定提拔王小明为县委办公室副主任。", [("王小明", "appointed", "县委办公室副主任")]),
        ("3月5日，王小明接棒李大海，出任青山集团董事长。", [("王小明", "appointed", "青山集团董事长")]),
        ("3月5日，王小明赴任青山市委书记。", [("王小明", "appointed", "青山市委书记")]),
        # no events: not elected, a nomination in a résumé, a refusal, a rumour, a hope
        ("王小明在选举中未能当选青山县县长。", []),
        ("王小明曾被提名为青山县县长候选人。", []),
        ("有消息称，王小明或将出任青山省省长。", []),
        ("王小明有望接任青山市委书记。", []),
        ("网传王小明将调任青山市委书记，官方尚未证实。", []),
    ],
)
def test_appointing_verbs_and_stories_of_the_fifth_round(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert read(text) == expected


def test_a_padded_two_character_name_and_a_news_lead_in() -> None:
    assert read("任命王　明为青山县副县长，免去李　海的青山县副县长职务。") == [
        ("王明", "appointed", "青山县副县长"),
        ("李海", "removed", "青山县副县长"),
    ]
    assert read("據報道，王小明出任青山證券監督管理委員會主席。") == [
        ("王小明", "appointed", "青山證券監督管理委員會主席")
    ]
    assert read("据史书记载，王小明出任青山县令。") == []  # no post of ours (县令), no news


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 、 and the next move ends a post; 主任、副主任 does not
        (
            "3月5日，王小明任青山市委书记、李大海任青山市市长。",
            [("王小明", "appointed", "青山市委书记"), ("李大海", "appointed", "青山市市长")],
        ),
        ("3月5日，王小明任青山市委书记、市长。", [("王小明", "appointed", "青山市委书记、市长")]),
        (
            "会议任命王小明为县委常委、副县长、县公安局局长。",
            [("王小明", "appointed", "县委常委、副县长、县公安局局长")],
        ),
        (
            "当选的副县长为：王小明、李大海。",
            [("王小明", "elected", "副县长"), ("李大海", "elected", "副县长")],
        ),
        ("会议决定，由王小明任青山县人民政府代理县长。", [("王小明", "appointed", "青山县人民政府代理县长")]),
    ],
)
def test_where_a_post_ends_and_who_由_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月5日，王小明由青山县副县长升为青山县县长。", [("王小明", "appointed", "青山县县长")]),
        ("3月5日，王小明从青山县副县长升任青山县县长。", [("王小明", "appointed", "青山县县长")]),
        ("在担任县委书记之前，王小明从青山区区长任缙云县委书记。", []),  # a résumé's bare 任
        ("3月5日，王小明补选为青山县副县长。", [("王小明", "elected", "青山县副县长")]),
        ("王小明被评选为优秀共产党员。", []),  # an award, not an election
    ],
)
def test_a_move_from_a_post_and_a_by_election(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_a_numbered_list_heading_needs_no_colon() -> None:
    assert read("一、任命", "王小明为青山县财政局局长；", "二、免去", "张红梅的青山县教育局局长职务。") == [
        ("王小明", "appointed", "青山县财政局局长"),
        ("张红梅", "removed", "青山县教育局局长"),
    ]
    assert read("任命", "王小明为青山县财政局局长") == [("王小明", "appointed", "青山县财政局局长")]


def test_an_elections_results_told_post_by_post() -> None:
    lines = ("选举结果如下：", "县人大常委会主任：王小明", "县人大常委会副主任：李大海，张红梅。", "闭幕。")
    assert read(*lines) == [
        ("王小明", "elected", "县人大常委会主任"),
        ("李大海", "elected", "县人大常委会副主任"),
        ("张红梅", "elected", "县人大常委会副主任"),
    ]
    assert read("会议时间：5月6日", "主持人：王小明") == []  # keyed lines, no election


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月5日，王小明平调江东省，任江东省委书记。", [("王小明", "transferred", "江东省委书记")]),
        ("3月5日，王小明交流到江东省任省委常委。", [("王小明", "transferred", "省委常委")]),
        ("3月5日，王小明被调往江东省担任副省长。", [("王小明", "transferred", "副省长")]),
    ],
)
def test_transfers_told_with_a_place(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_a_part_of_a_month_dates_the_month() -> None:
    events = find_events(["李大海已于10月下旬被免去了青山集团董事长的职务。"], "2016-11-14")
    assert [(e.name, e.date) for e in events] == [("李大海", "2016-10")]


def test_a_bare_elected_takes_the_post_of_the_candidates_named_before() -> None:
    text = "大会介绍了学院工会第一届委员会委员候选人基本情况，进行了投票选举，王小明等7位代表当选。"
    assert read(text) == [("王小明", "elected", "学院工会第一届委员会委员")]
    assert read("经差额选举，候选人王小明、李大海中，王小明当选。") == []  # no post named


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月5日，王小明获董事会聘任为公司总经理。", [("王小明", "appointed", "公司总经理")]),
        ("王小明被省政府任命为省交通厅副厅长。", [("王小明", "appointed", "省交通厅副厅长")]),
        ("王小明被大会选举为县人大常委会主任。", [("王小明", "elected", "县人大常委会主任")]),
    ],
)
def test_a_passive_with_its_body(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected
