"""任免 formula classes of the seventh round (tuned on the former kept-apart halves, test to
test5, after their figures were reported), one made-up notice each: given names with a
character that is also a word (秋里), sex marks in a list of names, and a list of moves
carried by one verb whose items are set apart by 、."""

from __future__ import annotations

import pytest

from reader.people.events import find_events


def read(*paragraphs: str, date: str = "2021-05-06") -> list[tuple[str, str, str]]:
    return [(e.name, e.kind, e.post) for e in find_events(list(paragraphs), date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 里 ends a given name as well as a place word (万里, 余秋里)
        (
            "免去王秋里、李大海的青山市副市长职务。",
            [("王秋里", "removed", "青山市副市长"), ("李大海", "removed", "青山市副市长")],
        ),
        # a sex mark after a name in a list, in either width of bracket
        (
            "任命王小明、陈小红(女)、李大海为青山市人民政府副市长。",
            [
                ("王小明", "appointed", "青山市人民政府副市长"),
                ("陈小红", "appointed", "青山市人民政府副市长"),
                ("李大海", "appointed", "青山市人民政府副市长"),
            ],
        ),
        (
            "任命陈小红（女）为青山市审计局局长。",
            [("陈小红", "appointed", "青山市审计局局长")],
        ),
    ],
)
def test_names_in_a_formula(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one verb, items set apart by 、: each item its own name and post
        (
            "决定任命王小明兼任青山市发展和改革委员会主任、李大海为青山市民政局局长、张红梅为青山市司法局局长。",
            [
                ("王小明", "appointed", "青山市发展和改革委员会主任"),
                ("李大海", "appointed", "青山市民政局局长"),
                ("张红梅", "appointed", "青山市司法局局长"),
            ],
        ),
        # a chain of posts set apart by 、 is still one post
        ("任命王小明为青山市副市长、代理市长。", [("王小明", "appointed", "青山市副市长、代理市长")]),
        # names listed before one 为 stay one item (周某、王某为副主席)
        (
            "选举王小明为委员会主席，李大海、张红梅为副主席。",
            [
                ("王小明", "elected", "委员会主席"),
                ("李大海", "elected", "副主席"),
                ("张红梅", "elected", "副主席"),
            ],
        ),
        # …、B两位同志为Y after a clause with its own 为: the list is not cut
        (
            "选举出王小明同志为镇长，李大海、张红梅两位同志为副镇长。",
            [("王小明", "elected", "镇长"), ("李大海", "elected", "副镇长"), ("张红梅", "elected", "副镇长")],
        ),
    ],
)
def test_a_list_of_moves_set_apart_by_the_list_comma(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_an_election_by_post_with_a_padded_name() -> None:
    paragraphs = [
        "4月16日，青山村召开村民委员会换届选举大会，选举产生了新一届村民委员会成员：",
        "村委会主任：王小明",
        "委员：李　红、张红梅",
        "委员：赵大海 孙小丽",
    ]
    assert read(*paragraphs) == [
        ("王小明", "elected", "村委会主任"),
        ("李红", "elected", "委员"),
        ("张红梅", "elected", "委员"),
        ("赵大海", "elected", "委员"),
        ("孙小丽", "elected", "委员"),
    ]


def test_a_move_told_of_every_titled_name_before_it() -> None:
    text = "青山县委书记王小明，白水县委书记李大海，红河区委书记张红梅，全部拟任副厅级领导职务。"
    assert read(text) == [
        ("王小明", "announced", "副厅级领导"),
        ("李大海", "announced", "副厅级领导"),
        ("张红梅", "announced", "副厅级领导"),
    ]
    assert read("会上，全部拟任副厅级领导职务。") == []  # 全部 is no name


def test_a_decision_announced() -> None:
    assert read("会议宣布了王小明、李大海为青山大学副校长。") == [
        ("王小明", "appointed", "青山大学副校长"),
        ("李大海", "appointed", "青山大学副校长"),
    ]
    assert read("报告宣布：以宪法为统帅的法律体系已经形成。") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 免除…一职
        (
            "会议通过了人事任免决议，免除王小明同志常务副县长一职，免除李大海同志副县长一职。",
            [("王小明", "removed", "常务副县长"), ("李大海", "removed", "副县长")],
        ),
        # a title after the name: the name is the person; a surname and a title is no name
        ("王小明院长不再兼任青山医院党委书记。", [("王小明", "removed", "青山医院党委书记")]),
        ("张书记不再兼任青山医院党委书记。", []),
        # an aside after an honorific
        ("董事会同意聘任王小明先生（简历附后）为公司总经理。", [("王小明", "appointed", "公司总经理")]),
        # a second post left after 以及, less the items of its chain that are no post
        (
            "王小红女士决定辞去公司总经理职务以及第六届董事会副董事长、董事、董事会下设专门委员会的相应职务。",
            [("王小红", "removed", "公司总经理"), ("王小红", "removed", "第六届董事会副董事长、董事")],
        ),
    ],
)
def test_removals_and_names_set_about_with_words(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_a_name_ending_in_a_word_of_time_or_manner_keeps_it() -> None:
    assert read("王晓初卸任中国电信董事长。") == [("王晓初", "removed", "中国电信董事长")]
    assert read("王永年调任青山县县长。") == [("王永年", "transferred", "青山县县长")]
    assert read("王小明本月初调任青山县县长。") == [("王小明", "transferred", "青山县县长")]
    assert read("陈洪生突被免去集团党委书记职务。") == [("陈洪生", "removed", "集团党委书记")]


def test_pinyin_glosses_of_a_conversion_mirror_are_not_read() -> None:
    glossed = "會議決定任命王小明為青山市人民政府副市長(zhǎng)，免去李大海的青山市人民政府副市長(zhǎng)職務。"
    assert read(glossed) == [
        ("王小明", "appointed", "青山市人民政府副市長"),
        ("李大海", "removed", "青山市人民政府副市長"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 选举X同志任Y is an election
        (
            "18日，青山乡召开人民代表大会，选举了王小明同志任青山乡政府乡长。",
            [("王小明", "elected", "青山乡政府乡长")],
        ),
        # …选举委员会主任委员 holds no 选举X任Y
        (
            "王小明提出辞去省人大常委会委员、人事代表选举委员会主任委员职务。",
            [
                ("王小明", "removed", "省人大常委会委员、人事代表选举委员会主任委员"),
            ],
        ),
        # the votes of each (and the total in brackets) between the names and 当选; names after a body's 的
        (
            "昨天，青山社区的王小明、李大海和张红梅分别以2694票、2756票和2677票(总有效票3118票)当选为该社区居委会专职委员。",
            [
                ("王小明", "elected", "该社区居委会专职委员"),
                ("李大海", "elected", "该社区居委会专职委员"),
                ("张红梅", "elected", "该社区居委会专职委员"),
            ],
        ),
        # a deputy's title after the name
        (
            "会议决定王小明副区长代理青山区人民政府区长职务。",
            [("王小明", "appointed", "代理青山区人民政府区长")],
        ),
        # titled names before a bare 卸任, a list or one
        (
            "青海书记王小明、宁夏书记李大海均因年龄原因卸任。",
            [("王小明", "removed", "青海书记"), ("李大海", "removed", "宁夏书记")],
        ),
        ("青山县县长王小明卸任。", [("王小明", "removed", "青山县县长")]),
        # 拟提拔X担任Y
        ("5月，青山市拟提拔王小明担任正县级领导职务，并予以公示。", [("王小明", "announced", "正县级领导")]),
        # the post left, told before the name; not after a word that is no name
        (
            "今年7月已不再担任青山省委书记、常委、委员的王小明，8月出席会议。",
            [("王小明", "removed", "青山省委书记、常委、委员")],
        ),
        ("他不再担任县长的原因，是年龄。", []),
        # a report's 新当选 Y X
        ("“我们会把社区建设得更好。”新当选的居委会主任王小明说。", [("王小明", "elected", "居委会主任")]),
        ("他们是本次换届中新当选的省委常委。", []),
        # a removal read before the appointment that follows it is its own person's
        (
            "决定免去王小明的县人民政府副县长职务，决定任命李大海为县人民政府副县长。",
            [("李大海", "appointed", "县人民政府副县长"), ("王小明", "removed", "县人民政府副县长")],
        ),
        # 您 opens no name
        ("全会选举您担任中国共产党的最高领导职务。", []),
    ],
)
def test_classes_of_the_fresh_tuning_batch(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role at a meeting is no post
        ("大会执行主席由王小明、李大海担任。", []),
        ("选举王小明为大会秘书长。", []),
        # 中 in the middle of a three-character name (金中梁), never at its end (高中)
        (
            "选举王小明为青山市市长，李大海、金中梁为副市长。",
            [
                ("王小明", "elected", "青山市市长"),
                ("李大海", "elected", "副市长"),
                ("金中梁", "elected", "副市长"),
            ],
        ),
        # results with no colon, titled names one after another
        (
            "会议选举产生青山镇人大主席王小明、副主席李大海，镇长张红梅、副镇长赵大海、孙小丽，并举行宪法宣誓仪式。",
            [
                ("王小明", "elected", "青山镇人大主席"),
                ("李大海", "elected", "副主席"),
                ("张红梅", "elected", "镇长"),
                ("赵大海", "elected", "副镇长"),
                ("孙小丽", "elected", "副镇长"),
            ],
        ),
        # 新当选的 and the titled names after the first
        (
            "新当选的县政协主席王小明，副主席李大海、张红梅，秘书长赵大海与全体委员见面。",
            [
                ("王小明", "elected", "县政协主席"),
                ("李大海", "elected", "副主席"),
                ("张红梅", "elected", "副主席"),
                ("赵大海", "elected", "秘书长"),
            ],
        ),
        # 接受X辞去Y的请求 (no 职务); 并决定其代理Y职务; 选出X为Y; X增选为Y; 不再任
        ("会议接受王小明同志辞去青山市人民政府市长的请求。", [("王小明", "removed", "青山市人民政府市长")]),
        (
            "会议决定任命王小明为青山市副市长，并决定其代理市长职务。",
            [("王小明", "appointed", "青山市副市长"), ("王小明", "appointed", "代理市长")],
        ),
        (
            "党员大会最终选出王小明同志为党委副书记，李大海为党委纪检委员。",
            [("王小明", "elected", "党委副书记"), ("李大海", "elected", "党委纪检委员")],
        ),
        ("市政协教文卫体委主任王小明增选为市政协副主席。", [("王小明", "elected", "市政协副主席")]),
        (
            "因年龄原因，王小明同志不再任青山大学党委书记、常委、委员。",
            [
                ("王小明", "removed", "青山大学党委书记、常委、委员"),
            ],
        ),
        # 等42名委员 after the names listed
        (
            "王小明、李大海等42名委员当选县政协常务委员。",
            [("王小明", "elected", "县政协常务委员"), ("李大海", "elected", "县政协常务委员")],
        ),
    ],
)
def test_classes_of_the_second_fresh_tuning_batch(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 均 inside a name is the name's (许均章); before the verb, a word
        (
            "决定任命王小明为市监察委员会副主任，许均章、胡志红为市监察委员会委员。",
            [
                ("王小明", "appointed", "市监察委员会副主任"),
                ("许均章", "appointed", "市监察委员会委员"),
                ("胡志红", "appointed", "市监察委员会委员"),
            ],
        ),
        (
            "王小明、李大海均以全票当选副县长。",
            [("王小明", "elected", "副县长"), ("李大海", "elected", "副县长")],
        ),
        # 免去A的Y after 任命B为Z，: A's removal, not B's
        (
            "任命王小明为省人大常委会预算工作委员会主任，免去李大海的省人大常委会预算工作委员会主任职务。",
            [
                ("王小明", "appointed", "省人大常委会预算工作委员会主任"),
                ("李大海", "removed", "省人大常委会预算工作委员会主任"),
            ],
        ),
        # titled names listed after the sentence of the verb
        (
            "国务院任命了特区第四届主要官员。他们是：行政法务司司长王小明，保安司司长李大海，及检察院检察长张红梅。",
            [
                ("王小明", "appointed", "行政法务司司长"),
                ("李大海", "appointed", "保安司司长"),
                ("张红梅", "appointed", "检察院检察长"),
            ],
        ),
        # resignations of two accepted at once
        (
            "委员表决接受了王小明辞去青山市市长、李大海辞去青山市副市长的请求。",
            [("王小明", "removed", "青山市市长"), ("李大海", "removed", "青山市副市长")],
        ),
        # words between names and a bare verb; a word of time is no name
        (
            "董事长王小明、总经理李大海双双卸任。",
            [("王小明", "removed", "董事长"), ("李大海", "removed", "总经理")],
        ),
        ("王小明担任省委副书记，后来兼任青山市委书记。", []),
        # the successor named after a removal takes the post
        (
            "省委决定免去王小明的青山市委书记职务，由李大海接任。",
            [("王小明", "removed", "青山市委书记"), ("李大海", "appointed", "青山市委书记")],
        ),
        # a list of titled persons dismissed, with their count
        (
            "经研究决定，对青山区区委书记王小明，白水区区委书记李大海2名同志给予了免职处理。",
            [("王小明", "removed", "青山区区委书记"), ("李大海", "removed", "白水区区委书记")],
        ),
    ],
)
def test_classes_of_the_third_fresh_tuning_batch(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected
