"""任免 formula classes of the ninth round (tuned on test9, the eighth round's last kept-apart
batch, after its figure was reported), one made-up notice each: a name holding 为 inside a
list carried by 为, a character lost to the page's encoding inside a long list, a bracketed
note after each name of a list, and a list after 选举产生了 told before its 当选."""

from __future__ import annotations

import pytest

from reader.officials import extract_officials
from reader.people.events import find_events


def read(*paragraphs: str, date: str = "2021-05-06") -> list[tuple[str, str, str]]:
    names = [official.name for official in extract_officials(list(paragraphs)).officials]
    return [(e.name, e.kind, e.post) for e in find_events(list(paragraphs), date, names)]


VICE = "青山市人大常委会副主任"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 郑为文: the list's shortest run ends at the name's own 为; the post is after the next one
        (
            f"大会选举王小明、李大海、郑为文、陈小红为{VICE}，刘强为秘书长。",
            [
                ("王小明", "elected", VICE),
                ("李大海", "elected", VICE),
                ("郑为文", "elected", VICE),
                ("陈小红", "elected", VICE),
                ("刘强", "elected", "秘书长"),
            ],
        ),
        # the same in a clause carried by 任命…为
        (
            "任命王小明为青山市副市长，郑为文为青山市公安局局长。",
            [("王小明", "appointed", "青山市副市长"), ("郑为文", "appointed", "青山市公安局局长")],
        ),
        # a name of the list with a character the page lost (刘?d): left out, the others read
        (
            "会议选举王小明、李大海、刘?d、陈小红、赵小兵等16人为青山市科协副主席。",
            [
                ("王小明", "elected", "青山市科协副主席"),
                ("李大海", "elected", "青山市科协副主席"),
                ("陈小红", "elected", "青山市科协副主席"),
                ("赵小兵", "elected", "青山市科协副主席"),
            ],
        ),
        # a bracketed note after each name (the posts they hold now, 女，满族)
        (
            "同意补选王小明（中共青山市委常委、纪委书记）、李大海（青山县委副书记、县长）两位同志"
            "为青山市第十三届人民代表大会代表。",
            [
                ("王小明", "elected", "青山市第十三届人民代表大会代表"),
                ("李大海", "elected", "青山市第十三届人民代表大会代表"),
            ],
        ),
        # 选举产生了 before the list, 当选 after it, notes of sex and nation in it
        (
            "大会差额选举产生了王小明、李小红(女,满族)、陈大海(回族)等3名同志当选为正式代表。",
            [
                ("王小明", "elected", "正式代表"),
                ("李小红", "elected", "正式代表"),
                ("陈大海", "elected", "正式代表"),
            ],
        ),
    ],
)
def test_lists_of_names(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_a_long_list_of_names_is_read_whole() -> None:
    """Sixteen names and their count under one 选举: a run of names longer than sixty characters."""
    given = "一二三四五六七八九十"
    names = [f"王{a}{b}" for a in given[:4] for b in given[:4]]
    text = f"会议选举{'、'.join(names)}等16人为青山市科协副主席。"
    assert read(text) == [(name, "elected", "青山市科协副主席") for name in names]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 、决定其为 after an appointment: the same person's next post
        (
            "会议任命王小明为青山市人民政府副市长、决定其为代市长。",
            [("王小明", "appointed", "青山市人民政府副市长"), ("王小明", "appointed", "代市长")],
        ),
        # ，并决定其为
        (
            "会议决定任命王小明为副省长，并决定其为代理省长。",
            [("王小明", "appointed", "副省长"), ("王小明", "appointed", "代理省长")],
        ),
    ],
)
def test_the_same_persons_next_post(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # 为 inside a word of the post, not a name: no list is read through it
        "选举王小明为青山市人大常委会主任，为青山市发展作出贡献。",
        # a bracket that is no note on a name does not make one
        "会议听取了（青山市人民政府工作报告）。",
    ],
)
def test_no_list_read_into(text: str) -> None:
    found = read(text)
    assert all(name == "王小明" for name, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 代行…职责 by a board's 授权 or 同意: an acting appointment, the post as printed
        (
            "董事会授权公司常务副总经理王小明在公司总经理空缺期间代行公司总经理职责。",
            [("王小明", "appointed", "代行公司总经理职责")],
        ),
        (
            "经审议，同意李大海先生代行总经理、董事会秘书职责。",
            [("李大海", "appointed", "代行总经理、董事会秘书职责")],
        ),
        # titled names in a list under one formula, the ranks 晋升…的军官是: lists
        (
            "这次晋升上将军衔的军官是：北部战区司令员王小明、陆军政治委员李大海。",
            [("王小明", "appointed", "上将军衔"), ("李大海", "appointed", "上将军衔")],
        ),
        (
            "大会聘请青山市副市长王小明、李大海同志为青山市红十字会名誉副会长。",
            [
                ("王小明", "appointed", "青山市红十字会名誉副会长"),
                ("李大海", "appointed", "青山市红十字会名誉副会长"),
            ],
        ),
    ],
)
def test_acting_duties_and_titled_lists(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "会议听取了关于接受个别代表辞去青山市人民代表大会代表职务的议案。",  # 个别代表: no one named
        "董事会授权在公司总经理空缺期间代行公司总经理职责。",  # 空缺期间: a time, no name
    ],
)
def test_words_that_are_no_names(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 博士 after a name in a list, and a married name of two surnames (叶刘某某)
        (
            "行政长官再度委任叶刘小红、王小明博士、李大海为青山委员会非官守成员。",
            [
                ("叶刘小红", "appointed", "青山委员会非官守成员"),
                ("王小明", "appointed", "青山委员会非官守成员"),
                ("李大海", "appointed", "青山委员会非官守成员"),
            ],
        ),
        # 主任 before the names: its 任 is no verb (…副主任王某、李某同志为…)
        (
            "大会聘请青山市人大常委会副主任王小明、李大海同志为青山市红十字会名誉副会长。",
            [
                ("王小明", "appointed", "青山市红十字会名誉副会长"),
                ("李大海", "appointed", "青山市红十字会名誉副会长"),
            ],
        ),
        # the post, a comma, then 由 a titled name 接任
        ("科技部长，由教育部次长王小明接任。", [("王小明", "appointed", "科技部长")]),
    ],
)
def test_honorifics_and_posts_told_first(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_a_clause_with_a_removal_is_no_post_told_first() -> None:
    """前董事长王某被免去集团党委书记，由李某接任: the clause before 由 is a removal, no post."""
    found = read("保利前董事长王小明突被免去集团党委书记，由李大海接任。")
    assert all(post != "保利前董事长王小明突被免去集团党委书记" for _, _, post in found)


def test_the_members_of_a_body_an_election_formed() -> None:
    """选举产生了由A、B、C、D共4人组成的Y委员会: each is elected a member, as many as the count
    (a long list vouches for 原某: 原 is a surname as well as "former"); a count that is not the
    number of names reads nothing."""
    body = "共青团青山市体育局第十三届委员会"
    members = ("王小明", "李大海", "原小红", "陈小兵")
    text = f"大会最终选举产生了由{'、'.join(members)}共4人组成的{body}。"
    assert read(text) == [(name, "elected", f"{body}委员") for name in members]
    assert read(f"大会最终选举产生了由王小明、李大海共5人组成的{body}。") == []


def test_a_new_team_told_by_its_posts() -> None:
    """新一届市委常委还包括市委副书记：A、B，市委常委：C、D等11人: each elected to the post
    labelled before their names (the count closes the list; the others are not named)."""
    text = "青山新一届市委常委还包括市委副书记：王小明、李大海，市委常委：陈小红、赵小兵等11人。"
    assert read(text) == [
        ("王小明", "elected", "市委副书记"),
        ("李大海", "elected", "市委副书记"),
        ("陈小红", "elected", "市委常委"),
        ("赵小兵", "elected", "市委常委"),
    ]


def test_results_post_by_post_under_a_list_announced() -> None:
    """大会…闭幕，宣布了…名单。 then numbered lines 一、Y：A and lines Y：B、C(女)、D(女，兼): each
    elected to the post before the colon, the notes after the names left out."""
    paragraphs = [
        "青山市残疾人联合会第八次代表大会20日闭幕，宣布了第八届主席团和执行理事会名单。",
        "一、青山市残疾人联合会第八届主席团主席：王小明",
        "副主席：李大海、陈小红（女）、赵小兵（女，兼）",
    ]
    names = [official.name for official in extract_officials(paragraphs).officials]
    found = [(e.name, e.kind, e.post) for e in find_events(paragraphs, "2023-09-20", names)]
    assert found == [
        ("王小明", "elected", "青山市残疾人联合会第八届主席团主席"),
        ("李大海", "elected", "副主席"),
        ("陈小红", "elected", "副主席"),
        ("赵小兵", "elected", "副主席"),
    ]


def test_spaces_around_punctuation() -> None:
    """A page that sets spaces around its punctuation (李某 , 被任命为… 。) reads as one that does not."""
    assert read("次日 , 4月9日 , 出生于1970年7月的王小明 , 被任命为青山省副省长 。") == [
        ("王小明", "appointed", "青山省副省长")
    ]
