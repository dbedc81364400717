"""任免 formula classes of the sixth round (tuned on dev5), one made-up notice each:
guesses that are no moves, leaving a post, the words and causes between a name and its
verb, names whose last character is a place's, questions, elections told as a list."""

from __future__ import annotations

import pytest

from reader.people.events import find_events


def read(*paragraphs: str, date: str = "2021-05-06") -> list[tuple[str, str, str]]:
    return [(e.name, e.kind, e.post) for e in find_events(list(paragraphs), date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a guess is no move, even beside a notice word
        ("据悉，青山市委书记王小明或将出任省委常委。", []),
        ("官方宣布，王小明有望接任青山市委书记。", []),
        # 离任 leaves the post
        ("李大海离任主任一职，去向未公布。", [("李大海", "removed", "主任")]),
        # words and causes between the names and the verb
        (
            "2013年5月，王小明和李大海因分别调任青山市副市长和青山县县长，提交了辞呈。",
            [("王小明", "transferred", "青山市副市长"), ("李大海", "transferred", "青山县县长")],
        ),
        (
            "王小明先生由于工作变动原因辞去公司董事长、董事职务，同时相应辞去公司战略委员会主任委员等职务。",
            [("王小明", "removed", "公司董事长、董事"), ("王小明", "removed", "公司战略委员会主任委员")],
        ),
    ],
)
def test_guesses_leaving_and_words_before_the_verb(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a question tells no move, even when the officials list holds a wrong name
        (
            [
                "会议表决通过了关于接受王小明、李大海辞去县人大常委会委员职务的请求的决定。",
                "解读:王小明、李大海为何要辞去常委会委员职务?辞职要遵循怎样的程序?",
            ],
            [("王小明", "removed", "县人大常委会委员"), ("李大海", "removed", "县人大常委会委员")],
        ),
        # a three-character name before a body's post (省政府, 市人民政府); a two-character one before 市长
        (
            ["会议决定任命王小明为省政府副省长；免去张松岭省政府秘书长职务。"],
            [("王小明", "appointed", "省政府副省长"), ("张松岭", "removed", "省政府秘书长")],
        ),
        (["会议决定免去李明市长职务。"], [("李明", "removed", "市长")]),
        # a nomination withdrawn is no event
        (["省委组织部决定不再提名王小明为青山市市长候选人。"], []),
        (
            ["此前拟提名王小明同志为青山市市长候选人，王小明同志拟另有任用，不再提名为青山市市长候选人。"],
            [("王小明", "announced", "青山市市长")],
        ),
    ],
)
def test_questions_bodies_after_names_and_withdrawn_nominations(
    paragraphs: list[str], expected: list[tuple[str, str, str]]
) -> None:
    assert read(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # X，接替Z兼任Y: X's move, Z the one succeeded
        (
            ["官方昨天宣布，原浙江省委书记王小明，接替李大海兼任青山市委书记。"],
            [("王小明", "appointed", "青山市委书记")],
        ),
        # a year in words dates a move and marks a résumé line
        (["二〇二〇年一月，王小明出任青山县委书记。"], []),
        # the news goes on in the sentence after a move; a step still to come (将出任) is none
        (
            ["官方宣布，王小明任青山市委书记。李大海担任青山市委副书记，将出任市长。"],
            [("王小明", "appointed", "青山市委书记"), ("李大海", "appointed", "青山市委副书记")],
        ),
        (["解放战争时期，王小明担任青山纵队政委。后来李大海担任青山县委书记。"], []),
    ],
)
def test_successions_years_in_words_and_news_that_goes_on(
    paragraphs: list[str], expected: list[tuple[str, str, str]]
) -> None:
    assert read(*paragraphs) == expected


def test_a_year_in_words_dates_a_transfer() -> None:
    [event] = find_events(["王小明是浙江人。", "二○一二年，王小明调任青山省省长。"], "2022-12-09")
    assert (event.name, event.kind, event.post, event.date) == ("王小明", "transferred", "青山省省长", "2012")


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # an election told as a list under its post, a count (when printed) as many as the names
        (
            ["会议选举产生3名县委常委：王小明、陈向群、张红梅。"],
            [
                ("王小明", "elected", "县委常委"),
                ("陈向群", "elected", "县委常委"),
                ("张红梅", "elected", "县委常委"),
            ],
        ),
        (["会议选举产生4名县委常委：王小明、李大海、张红梅。"], []),
        # 其中 after the list gives posts to some of those elected (here or in the next paragraph)
        (
            [
                "全会选举产生了新一届县委常委：王小明、李大海、张红梅。",
                "其中，王小明为县委书记，李大海和张红梅为县委副书记。",
            ],
            [
                ("王小明", "elected", "县委常委"),
                ("李大海", "elected", "县委常委"),
                ("张红梅", "elected", "县委常委"),
                ("王小明", "elected", "县委书记"),
                ("李大海", "elected", "县委副书记"),
                ("张红梅", "elected", "县委副书记"),
            ],
        ),
        (["其中，王小明为县委书记。"], []),
        (
            ["全会选举产生了新一届县委常委：王小明、李大海、张红梅。其中，赵建国为县委书记。"],
            [
                ("王小明", "elected", "县委常委"),
                ("李大海", "elected", "县委常委"),
                ("张红梅", "elected", "县委常委"),
            ],
        ),
    ],
)
def test_elections_told_as_a_list_and_among_them(
    paragraphs: list[str], expected: list[tuple[str, str, str]]
) -> None:
    assert read(*paragraphs) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a 公示's items: the name opens the item, its present post (现任…) between it and 拟任
        (
            "青山市委组织部发布干部任前公示：王小明，现任青山县县长，拟任青山县委书记；"
            "李大海，现任青山县副县长，拟提名为青山县县长候选人。",
            [("王小明", "announced", "青山县委书记"), ("李大海", "announced", "青山县县长")],
        ),
        (
            "现将拟任人选公示如下：王小明，拟任青山县财政局局长；李大海，拟任青山县审计局局长。",
            [("王小明", "announced", "青山县财政局局长"), ("李大海", "announced", "青山县审计局局长")],
        ),
        # posts that end in none of the title characters (董事会秘书, 顾问, 总司令)
        (
            "王小明女士因个人原因辞去公司董事会秘书职务，辞职后不再担任公司任何职务。",
            [("王小明", "removed", "公司董事会秘书")],
        ),
        ("国务院决定，任命王小明为青山委员会顾问。", [("王小明", "appointed", "青山委员会顾问")]),
        # a decision that X be Y; 试用期 marks a notice; X接任Z，出任Y
        (
            "会议通过了关于王小明为县人民政府副县长、代理县长的决定。",
            [("王小明", "appointed", "县人民政府副县长、代理县长")],
        ),
        ("会议通过了关于王小明为青山市荣誉市民的决定。", []),
        ("王小明同志担任青山学院院长（试用期一年）。", [("王小明", "appointed", "青山学院院长")]),
        ("王小明接任李大海，出任青山市委书记。", [("王小明", "appointed", "青山市委书记")]),
    ],
)
def test_publicity_items_posts_of_other_endings_and_decisions(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a list under its heading, each name and post set apart by a space; numbered 公示 items
        (
            ["任命：", "王小明　青山县发展和改革局局长", "李大海　青山县财政局局长"],
            [("王小明", "appointed", "青山县发展和改革局局长"), ("李大海", "appointed", "青山县财政局局长")],
        ),
        (
            ["1．王小明，拟任青山县委常委；", "2．李大海，拟任青山县副县长。"],
            [("王小明", "announced", "青山县委常委"), ("李大海", "announced", "青山县副县长")],
        ),
        # a resignation asked of a body (向…提出)
        (
            ["王小明同志因工作调动，向县人大常委会提出辞去县人民政府副县长职务的请求。"],
            [("王小明", "removed", "县人民政府副县长")],
        ),
        (
            ["王小明向县人大常委会提出辞去县人民政府副县长职务的请求。"],
            [("王小明", "removed", "县人民政府副县长")],
        ),
        # a deputy's 资格 taken away; the name before a body's post (石磊政协…)
        (["会议罢免王小明的县人大代表资格。"], [("王小明", "removed", "县人大代表")]),
        (
            ["会议通过了关于撤销王磊政协青山县委员会委员资格的决定。"],
            [("王磊", "removed", "政协青山县委员会委员")],
        ),
        # 给予X…处分，免去其Y职务: 其 is the one punished
        (
            ["青山县委决定，给予王小明撤销党内职务处分，免去其青山镇党委书记职务。"],
            [("王小明", "removed", "青山镇党委书记")],
        ),
    ],
)
def test_lists_set_apart_resignations_asked_and_punishments(
    paragraphs: list[str], expected: list[tuple[str, str, str]]
) -> None:
    assert read(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a 公示 entry: its name alone on the line before, in brackets after it, its 拟任 on the line after
        (
            ["王小明", "男，汉族，1972年10月出生，大学学历，现任青山县副县长，拟任青山县委常委。"],
            [("王小明", "announced", "青山县委常委")],
        ),
        (
            ["王小明同志（男，1972年10月生），现任青山县副县长，拟提名为青山县县长候选人。"],
            [("王小明", "announced", "青山县县长")],
        ),
        (
            ["干部任前公示", "王小明，男，1972年10月生，现任青山县副县长。", "拟任：青山县委常委。"],
            [("王小明", "announced", "青山县委常委")],
        ),
        (["会议纪要", "拟任：青山县委常委。"], []),
        # 被推选为: elected
        (["王小明同志被推选为青山县工商联主席。"], [("王小明", "elected", "青山县工商联主席")]),
    ],
)
def test_publicity_entries_and_passive_elections(
    paragraphs: list[str], expected: list[tuple[str, str, str]]
) -> None:
    assert read(*paragraphs) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an election's results told inline after its lead, each item a post and its names
        (
            "大会选举产生了县人大常委会主任、副主任：主任王小明，副主任李大海、张红梅。",
            [("王小明", "elected", "主任"), ("李大海", "elected", "副主任"), ("张红梅", "elected", "副主任")],
        ),
        ("大会选举产生了新一届委员会：经济发展，社会稳定。", []),
    ],
)
def test_election_results_told_inline(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 决定，X为Y; 其Y职务由Z接任 is Y
        ("会议决定，王小明为青山县人民政府代理县长。", [("王小明", "appointed", "青山县人民政府代理县长")]),
        ("会议决定，本次会议为期两天。", []),
        (
            "青山县原县长王小明近日调任江东县委书记，其县长职务由李大海接任。",
            [("李大海", "appointed", "县长"), ("王小明", "transferred", "江东县委书记")],
        ),
    ],
)
def test_decisions_after_a_comma_and_posts_after_its(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a board receives a titled person's resignation report: removed from the title
        ("公司董事会近日收到副总经理王小明递交的辞职报告。", [("王小明", "removed", "副总经理")]),
        ("公司收到王小明的辞职报告。", []),
        # told again with the fuller post: one event
        (
            "公司董事会于近日收到董事长王小明先生的书面辞职报告，王小明先生因工作调整申请辞去公司董事长、董事职务。",
            [("王小明", "removed", "公司董事长、董事")],
        ),
    ],
)
def test_resignation_reports_received(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a titled name dismissed (予以免职, 被免职): removed from the title
        ("对负有直接领导责任的市公安局副局长王小明予以免职。", [("王小明", "removed", "市公安局副局长")]),
        ("青山县委书记王小明因严重违纪被免职，接受调查。", [("王小明", "removed", "青山县委书记")]),
        ("王小明被免职。", []),
    ],
)
def test_titled_names_dismissed(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 同志 marks a name whose first character is no surname of the lexicon
        ("格桑旺堆同志任县委书记。", [("格桑旺堆", "appointed", "县委书记")]),
        ("扎西多吉同志当选为县长。", [("扎西多吉", "elected", "县长")]),
        ("该同志任县委书记。", []),
    ],
)
def test_names_marked_by_comrade(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # particulars in brackets after the name; a 预备人选
        ("王小明（女，1975年5月生）拟任县委常委。", [("王小明", "announced", "县委常委")]),
        ("王小明被确定为青山市市长候选人预备人选。", [("王小明", "announced", "青山市市长")]),
    ],
)
def test_particulars_in_brackets_and_reserve_candidates(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a three-character name before a county body's post; a two-character one before 市长/市委书记
        ("会议决定免去王小明县财政局局长职务。", [("王小明", "removed", "县财政局局长")]),
        ("免去李明市委书记职务。", [("李明", "removed", "市委书记")]),
    ],
)
def test_names_before_a_place_character(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_an_official_the_article_names_is_taken_whole_before_a_post() -> None:
    found = find_events(["会议决定免去王小县财政局局长职务。"], "2021-05-06", ["王小"])
    assert [(e.name, e.kind, e.post) for e in found] == [("王小", "removed", "县财政局局长")]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # numbered items before a formula told after its names
        (
            ["1.王小明同志任青山县委书记；", "2.李大海同志任青山县县长。"],
            [("王小明", "appointed", "青山县委书记"), ("李大海", "appointed", "青山县县长")],
        ),
        (
            ["一、王小明任县委常委。", "二、李大海不再担任县委常委。"],
            [("王小明", "appointed", "县委常委"), ("李大海", "removed", "县委常委")],
        ),
        (["（三）王小明当选为县长。"], [("王小明", "elected", "县长")]),
    ],
)
def test_numbered_items(paragraphs: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert read(*paragraphs) == expected
