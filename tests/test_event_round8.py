"""任免 formula classes of the eighth round (tuned on test6, the seventh round's kept-apart
batch, after its figure was reported), one made-up notice each, and the officials rules
they needed: a list of moves whose next item opens with a verb of its own, a titled name
with 同志 before 为, posts set apart by commas under one verb, a résumé's 在担任…以前, a
year between a name and a passive verb, 的前任X, a cause after a titled name, a listed
firm's 提请辞去, 其 inside a given name, 曾 as a surname, and 会议选举的Y X."""

from __future__ import annotations

import pytest

from reader.officials import extract_officials
from reader.people.events import find_events


def read(*paragraphs: str, date: str = "2021-05-06") -> list[tuple[str, str, str]]:
    names = [official.name for official in extract_officials(list(paragraphs)).officials]
    return [(e.name, e.kind, e.post) for e in find_events(list(paragraphs), date, names)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each item opens with 任命: its own formula, never a name 任命B (任 is a surname)
        (
            "国务院任免国家工作人员。任命王小明为青山市副市长;任命李大海为青山市审计局局长。",
            [("王小明", "appointed", "青山市副市长"), ("李大海", "appointed", "青山市审计局局长")],
        ),
        # a titled name and 同志 before 为
        (
            "任命县委副书记王道清同志为县人民政府副县长、代理县长。",
            [("王道清", "appointed", "县人民政府副县长、代理县长")],
        ),
        # a year between the name and a passive removal, and 的前任 before the name
        (
            "李小红的前任陈大海在2017年7月被免去青山学院党委副书记、院长职务。",
            [("陈大海", "removed", "青山学院党委副书记、院长")],
        ),
        # 其 in the middle of a given name, and a listed firm's 提请辞去
        (
            "张其亚先生提请辞去公司董事、总经理职务,同时不再担任公司法定代表人。",
            [("张其亚", "removed", "公司董事、总经理"), ("张其亚", "removed", "公司法定代表人")],
        ),
        # a titled name and its cause before the comma, the request after it
        (
            "公司原董事长王大明同志因工作安排,申请辞去公司董事长、董事职务。",
            [("王大明", "removed", "公司董事长、董事")],
        ),
    ],
)
def test_names_of_a_formula(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 不再担任A，B，C职务: each post its own removal
        (
            "卢小力同志不再担任青山市人民政府党组成员,中共青山市委开发区工作委员会副书记、委员,"
            "青山开发区管委会主任职务。",
            [
                ("卢小力", "removed", "青山市人民政府党组成员"),
                ("卢小力", "removed", "中共青山市委开发区工作委员会副书记、委员"),
                ("卢小力", "removed", "青山开发区管委会主任"),
            ],
        ),
        # 任A，B: a second post that opens like the first, then the next person's clause
        (
            "严小彪同志任青山妇产医院党委副书记、院长,青山妇幼保健院院长,王小东同志任青山妇产医院副院长。",
            [
                ("严小彪", "appointed", "青山妇产医院党委副书记、院长"),
                ("严小彪", "appointed", "青山妇幼保健院院长"),
                ("王小东", "appointed", "青山妇产医院副院长"),
            ],
        ),
        # the clause after the comma is another person's move, not a post of the first
        (
            "他们分别是,王小军任青山市委书记,陈大伟任白水市委书记。",
            [("王小军", "appointed", "青山市委书记"), ("陈大伟", "appointed", "白水市委书记")],
        ),
    ],
)
def test_posts_set_apart_by_commas(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


def test_a_story_of_posts_set_apart_by_commas_stays_a_story() -> None:
    text = (
        "解放战争时期，王大里同志担任中共青山区委委员、秘书长，青山军区政治部主任，"
        "参与领导青山区人民群众支援前线。"
    )
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 在担任…以前: what the person held before, no event
        ("公开资料显示,在担任青山镇党委副书记、镇长以前,王正任共青团青山市委员会书记。", []),
        # 曾 as a surname, inside a list too
        (
            "欧阳晓红、曾勇平当选青山市人大常委会委员。",
            [("欧阳晓红", "elected", "青山市人大常委会委员"), ("曾勇平", "elected", "青山市人大常委会委员")],
        ),
        ("王某曾任青山县县长。", []),
        # the post and the name after 会议选举的
        (
            "青山省第十三届人民代表大会第一次会议选举的青山省人民检察院检察长陈大勇已经批准任命。",
            [("陈大勇", "elected", "青山省人民检察院检察长")],
        ),
        # a surname added this round (席), in a list of eight
        (
            "李正一、李晓二、张瑞三、席小军、李武五、李青六、谢红、李思七当选十二届省政协副主席。",
            [
                (name, "elected", "十二届省政协副主席")
                for name in ("李正一", "李晓二", "张瑞三", "席小军", "李武五", "李青六", "谢红", "李思七")
            ],
        ),
    ],
)
def test_history_and_elections(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert read(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        # a name before the front of a body printed whole elsewhere in the paragraph (西南…)
        (
            "免去吴松西南林业大学党委书记、委员的职务,张昌山出任西南林业大学党委委员、书记。",
            "吴松",
            ["西南林业大学党委书记", "委员"],
        ),
        # 提任 is a verb of office: its 提 is no third character of the name
        ("武警某师师长曹勇提任青山总队司令员。", "曹勇", ["武警某师师长", "青山总队司令员"]),
    ],
)
def test_officials_read_the_name_apart_from_what_follows(text: str, name: str, titles: list[str]) -> None:
    found = {official.name: official.titles for official in extract_officials([text]).officials}
    assert found.get(name) == titles
    assert not any(other != name and other.startswith(name) for other in found)


def test_appointments_and_removals_are_no_name() -> None:
    text = "宣布开发区主要领导任免决定：沈志平兼任县委书记。"
    found = [official.name for official in extract_officials([text]).officials]
    assert found == ["沈志平"]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # two titled names joined by 和 before 已被免职: each dismissed from the titles before it
        (
            ["此前,青山县委常委、政法委书记罗小平和县公安局党委书记、局长申大荣已被免职。"],
            [
                ("罗小平", "removed", "青山县委常委、政法委书记"),
                ("申大荣", "removed", "县公安局党委书记、局长"),
            ],
        ),
        # 任命A为X，免去其Y职务；B为Z: A's removal between them does not end the list
        (
            ["决定任命龙小春为中共青山县委书记,免去其白水县委副书记职务;谢小东为中共青山县委副书记。"],
            [
                ("龙小春", "appointed", "中共青山县委书记"),
                ("谢小东", "appointed", "中共青山县委副书记"),
                ("龙小春", "removed", "白水县委副书记"),
            ],
        ),
        # a bill passed is the move made; a bill only heard is not
        (["会议表决通过了关于任命王小明为青山县副县长的议案。"], [("王小明", "appointed", "青山县副县长")]),
        (
            ["会议表决通过了县政府提请的王小明担任青山县副县长的议案。"],
            [("王小明", "appointed", "青山县副县长")],
        ),
        (["会议审议了关于提请任命王小明为青山县副县长的议案。"], []),
        # a list's count with no 等
        (
            ["会议决定王小明、李大海二人担任青山县副县长。"],
            [("王小明", "appointed", "青山县副县长"), ("李大海", "appointed", "青山县副县长")],
        ),
        # a generic noun before the name, and where it was said between name and verb
        (
            ["近日,“85后”干部张小利履新青山县委副书记、青山经开区管委会主任。"],
            [("张小利", "appointed", "青山县委副书记、青山经开区管委会主任")],
        ),
        (
            ["2009年6月1日,王小锋在青山市人大常委会第二十一次会议上被任命为青山市代理市长。"],
            [("王小锋", "appointed", "青山市代理市长")],
        ),
        # the paragraph's person (王小明，男，…) after a date and where it was said
        (
            [
                "王小锋,男,汉族,1980年7月出生,2008年赴青山任职。"
                "2009年6月1日,在青山市人大常委会第二十一次会议上被任命为青山市代理市长。"
            ],
            [("王小锋", "appointed", "青山市代理市长")],
        ),
    ],
)
def test_lists_bills_and_runs(paragraphs: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert read(*paragraphs) == expected


def test_a_board_is_no_name_before_its_committee() -> None:
    text = "张朝宏申请辞去公司董事长、董事职务,同时辞去董事会战略决策委员会主任委员职务。"
    assert [official.name for official in extract_officials([text]).officials] == []
    assert read(text) == [
        ("张朝宏", "removed", "公司董事长、董事"),
        ("张朝宏", "removed", "董事会战略决策委员会主任委员"),
    ]


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 不再担任 with no post: a name alone leaves what the move before it gave another;
        # a titled name leaves its title
        (
            ["同天,青山市住建委主任徐小云出任区委书记,汪小永不再担任。"],
            [("徐小云", "appointed", "区委书记"), ("汪小永", "removed", "区委书记")],
        ),
        (
            ["5月30日,于小辉被任命为青山区委书记,侯小舒不再担任。"],
            [("于小辉", "appointed", "青山区委书记"), ("侯小舒", "removed", "青山区委书记")],
        ),
        (
            ["同日,徐小荣调任白水区区委书记,原白水区委书记吴小隆不再兼任,改任青山市政府秘书长。"],
            [("徐小荣", "transferred", "白水区区委书记"), ("吴小隆", "removed", "白水区委书记")],
        ),
        # 不再担任 after a comrade, read after 决定: a removal, never 王某不再 appointed
        (
            ["会议宣布市委决定,孙小硕同志不再担任青山区委书记职务。"],
            [("孙小硕", "removed", "青山区委书记")],
        ),
        # 被任命Y with no 为, and 并被提名为Y with no 候选人
        (
            ["于小丰被任命青山区委副书记,并被提名为区长。"],
            [("于小丰", "appointed", "青山区委副书记"), ("于小丰", "nominated", "区长")],
        ),
        # an item of a list of moves: a titled name, an aside of birth, then its new post
        (
            [
                "具体调整如下:",
                "青山市市长丁小纯(生于1970年10月,白水人),任白水市委书记;",
                "白水市副市长王小军(生于1971年2月,青山人),任青山区委副书记、提名区长;",
            ],
            [
                ("丁小纯", "appointed", "白水市委书记"),
                ("王小军", "appointed", "青山区委副书记"),
                ("王小军", "nominated", "区长"),
            ],
        ),
        # 成功当选 and people counted, none named
        (
            [
                "涂小华同志成功当选青山市工商联主席,49位同志成功当选副主席,雷小睿同志成功当选秘书长,86位同志当选常委。"
            ],
            [
                ("涂小华", "elected", "青山市工商联主席"),
                ("雷小睿", "elected", "秘书长"),
            ],
        ),
        # 同意接受X辞去…, with the place of the post printed whole elsewhere
        (
            ["听取了吕小镇人大主席团的报告,决定同意接受石小烽同志辞去吕小镇人民政府镇长职务的请求。"],
            [("石小烽", "removed", "吕小镇人民政府镇长")],
        ),
        # a guess (料任) is no move; 其 ends a name in a list only
        (["习小明亲信料任青山省常务副省长。"], []),
        (
            ["张小轩、马正其不再担任青山市委常委。"],
            [("张小轩", "removed", "青山市委常委"), ("马正其", "removed", "青山市委常委")],
        ),
        (["习近平致电吴敦义,祝贺其当选中国国民党主席。"], []),  # no name 祝贺其
        # a ? inside a name is a character lost to the page's encoding, not a question
        (
            ["王小生当选为青山市中级人民法院院长,杨祖?当选为青山市人民检察院检察长。"],
            [("王小生", "elected", "青山市中级人民法院院长")],
        ),
    ],
)
def test_dev9_classes(paragraphs: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert read(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a long list of names vouches for its items without a known surname (阿古拉, 海英)
        (
            [
                "王云山、卢智慧、白晓丽、折小睿、李海燕、张文慧、张海东、阿古拉、陈晓慧、高小彦、海英、"
                "额尔登图当选为政协青山旗第十一届委员会常务委员。"
            ],
            [
                (name, "elected", "政协青山旗第十一届委员会常务委员")
                for name in (
                    *(
                        "王云山",
                        "卢智慧",
                        "白晓丽",
                        "折小睿",
                        "李海燕",
                        "张文慧",
                        "张海东",
                        "阿古拉",
                        "陈晓慧",
                    ),
                    *("高小彦", "海英", "额尔登图"),
                )
            ],
        ),
        # 任命A任X、B任Y, and the removals after it set apart by 、 after each 职务
        (
            [
                "决定任命李小平任市发展和改革委员会主任、张小平任市民政局局长,"
                "免去孙小献的市发展和改革委员会主任职务、于小强的市民政局局长职务。"
            ],
            [
                ("李小平", "appointed", "市发展和改革委员会主任"),
                ("张小平", "appointed", "市民政局局长"),
                ("孙小献", "removed", "市发展和改革委员会主任"),
                ("于小强", "removed", "市民政局局长"),
            ],
        ),
        # 第四任 is an ordinal, not a name and the verb 任
        (
            ["会议任命了第四任青山特别行政区基本法委员会组成人员。他们是：主任李小飞、副主任梁小诗。"],
            [
                ("李小飞", "appointed", "主任"),
                ("梁小诗", "appointed", "副主任"),
            ],
        ),
        # a name ending in 中 before a body's word, and no name before 全国
        (
            ["会议审议通过了关于免去郑立中政协第十二届全国委员会常务委员职务、撤销其委员资格的决定。"],
            [("郑立中", "removed", "政协第十二届全国委员会常务委员")],
        ),
        (["会议决定免去其全国政协副主席职务、撤销全国政协委员资格。"], []),
        # bare items after an election go on with its verb
        (
            ["大会选举崔小德、王小林等21人为青山县人民委员会委员。崔小德为县长,孙小伟、樊小德为副县长。"],
            [
                ("崔小德", "elected", "青山县人民委员会委员"),
                ("王小林", "elected", "青山县人民委员会委员"),
                ("崔小德", "elected", "县长"),
                ("孙小伟", "elected", "副县长"),
                ("樊小德", "elected", "副县长"),
            ],
        ),
        (["会议任命王小明为青山县县长。他为人正直,工作扎实。"], [("王小明", "appointed", "青山县县长")]),
    ],
)
def test_dev10_classes(paragraphs: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert read(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # an aside of sex and nation after a name in a carried list
        (
            ["全会选举秦小智为书记处第一书记,贺小科、罗小梅(女,藏族)、汪小雁(女)为书记处书记。"],
            [
                ("秦小智", "elected", "书记处第一书记"),
                ("贺小科", "elected", "书记处书记"),
                ("罗小梅", "elected", "书记处书记"),
                ("汪小雁", "elected", "书记处书记"),
            ],
        ),
        # a list of names and its cause before the comma, the removal after it
        (
            [
                "乔小春、齐小贵因年龄原因,不再担任省政协副主席职务,于小文、孙小新等同志因工作变动,不再担任省政协常委职务。"
            ],
            [
                ("乔小春", "removed", "省政协副主席"),
                ("齐小贵", "removed", "省政协副主席"),
                ("于小文", "removed", "省政协常委"),
                ("孙小新", "removed", "省政协常委"),
            ],
        ),
        # a titled name and a count; the rest named after 选出的Y还有
        (
            [
                "会议宣布,我校常务副校长潘小伟等3人当选为副主席。",
                "据了解,除潘小伟外,大会选出的副主席还有马小明、王小曦。",
            ],
            [
                ("潘小伟", "elected", "副主席"),
                ("马小明", "elected", "副主席"),
                ("王小曦", "elected", "副主席"),
            ],
        ),
        # the votes between the names and 当选; 能够当选 names no one
        (
            ["大会选举产生了职工监事人选,周小峰同志、顾小宁同志以应到会人数过半的票数当选为第一届职工监事。"],
            [("周小峰", "elected", "第一届职工监事"), ("顾小宁", "elected", "第一届职工监事")],
        ),
        (["他们表示,能够当选第一届职工监事是一件光荣的事。"], []),
        # what one keeps after leaving a post is no post left
        (
            ["周小昱因工作原因辞去公司董事会副董事长一职,辞任后仍继续担任公司董事会董事等职务。"],
            [("周小昱", "removed", "公司董事会副董事长")],
        ),
    ],
)
def test_dev11_classes(paragraphs: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert read(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # 选出的…N位副主席是：a list with an ASCII name dot and a character lost to the page
        (
            ["会议选出的政协青山省委员会5位副主席是:杜小林、令小划、帕巴拉.格列朗杰、马?、齐小春。"],
            [
                (name, "elected", "政协青山省委员会副主席")
                for name in ("杜小林", "令小划", "帕巴拉.格列朗杰", "齐小春")
            ],
        ),
        # the new team named after the appointment's notice (新一届班子成员为：)
        (
            ["部长宣读了学校关于新一届班子的任命通知。新一届班子成员为:院长李小芳,副院长高小亚、刘小原。"],
            [
                ("李小芳", "appointed", "院长"),
                ("高小亚", "appointed", "副院长"),
                ("刘小原", "appointed", "副院长"),
            ],
        ),
        # 经差额选举，names and their count 为 the committee
        (
            ["经差额选举,王小生、李小卉和陶小屹3位同志为共青团青山委员会第一届委员会委员。"],
            [
                (name, "elected", "共青团青山委员会第一届委员会委员")
                for name in ("王小生", "李小卉", "陶小屹")
            ],
        ),
        (
            ["经全体委员投票选举,陶小迪当选为政协青山县委员会主席。"],
            [("陶小迪", "elected", "政协青山县委员会主席")],
        ),
        # a count in Chinese numerals after the one named
        (
            ["执委会选举王小国为青山省总工会主席,孙小兰等十二人为副主席。"],
            [("王小国", "elected", "青山省总工会主席"), ("孙小兰", "elected", "副主席")],
        ),
    ],
)
def test_test7_classes(paragraphs: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert read(*paragraphs) == expected


def test_a_gloss_with_a_space_before_its_bracket_is_read_past() -> None:
    text = "會議選舉王小國為青山省總工會(huì )主席。"
    assert read(text) == [("王小國", "elected", "青山省總工會主席")]  # read, and given, without its glosses


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # a mark of nation, alone or after the sex, after a name in a list
        (
            ["选举马小海(回族)、刘小晓、桑小杰(藏族)、昂小毛(女、蒙古族)为青山省人大常委会副主任。"],
            [
                (name, "elected", "青山省人大常委会副主任")
                for name in ("马小海", "刘小晓", "桑小杰", "昂小毛")
            ],
        ),
        # 连任 is re-elected; 连任两届 counts terms
        (["会议选举产生了新一届常务委员会,林小漪连任主席。"], [("林小漪", "elected", "主席")]),
        (["王小明连任两届青山县县长。"], []),
        # the post taken, then the name it is told of; not after 接替, nor a name of no surname
        (
            ["8月下旬出任青山省纪委书记的陈小清,一直活跃在相关岗位上。"],
            [("陈小清", "appointed", "青山省纪委书记")],
        ),
        (["贺电说：您就任中共中央总书记的要职,体现了全党的信任。"], []),
    ],
)
def test_test8_classes(paragraphs: list[str], expected: list[tuple[str, str, str]]) -> None:
    assert read(*paragraphs) == expected
