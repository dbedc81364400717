"""Readings that are no named rule of their own: the former mark after a place, words that
keep or end a post's organisation, and a list's rare last character."""

from __future__ import annotations

import pytest

from reader.officials import extract_officials


def _read(text: str) -> dict[str, tuple[list[str], bool]]:
    report = extract_officials((text,), names=None)
    return {o.name: (list(o.titles), o.former) for o in report.officials}


@pytest.mark.parametrize(
    ("text", "name", "title", "former"),
    [
        ("美国前新墨西哥州州长理查森表示欢迎。", "理查森", "美国前新墨西哥州州长", True),
        ("中国前驻日本大使王某出席。", "王某", "中国前驻日本大使", True),
        ("中国驻日本大使王某出席。", "王某", "中国驻日本大使", False),
        ("太原市市长张三出席。", "张三", "太原市市长", False),  # 原 inside 太原 marks nothing
    ],
)
def test_former_after_a_country_and_before_a_place_or_a_posting(
    text: str, name: str, title: str, former: bool
) -> None:
    assert _read(text)[name] == ([title], former)


def test_a_word_holding_a_break_keeps_the_organisation_whole() -> None:
    """协同 holds 同, which ends an organisation elsewhere (陪同)."""
    titles, _ = _read("京津冀协同发展领导小组组长韩正出席。")["韩正"]
    assert titles == ["京津冀协同发展领导小组组长"]


def test_a_time_word_ends_the_organisation() -> None:
    titles, _ = _read("1月上旬美国新墨西哥州前州长比尔·理查森访问朝鲜。")["比尔·理查森"]
    assert titles == ["美国新墨西哥州前州长"]


def test_a_lists_last_name_with_a_rare_character_is_read_whole() -> None:
    """金能旿等: 旿 is in no list of given-name characters, but 、 and 等 bound the name."""
    people = _read("朝鲜党和国家领导人崔龙海、董正浩、金能旿等参加活动。")
    assert "金能旿" in people and "金能" not in people


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("州政府副州长字德海出席开工仪式。", "字德海", "州政府副州长"),  # 字, a Bai surname of Yunnan
        ("学院党委书记树学峰致辞。", "树学峰", "学院党委书记"),
    ],
)
def test_surnames_that_are_also_words_read_after_a_post(text: str, name: str, title: str) -> None:
    assert _read(text)[name] == ([title], False)


def test_a_word_like_surname_and_one_character_making_a_verb_is_no_name() -> None:
    """树立, 曾经: the surname 树 or 曾 and one character read as a verb after a post."""
    assert _read("县委书记树立了榜样。") == {}
    assert _read("主任曾经在这里工作。") == {}


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("经查，县教育局办公室主任陈平其子结婚大操大办。", "陈平", "县教育局办公室主任"),  # 其子: a relative
        ("会议决定王建国副区长代理区长职务。", "王建国", "副区长"),  # 决定 names the person next
        ("重汽集团董事王琳琳参加调研。", "王琳琳", "重汽集团董事"),
    ],
)
def test_where_a_name_ends_and_begins_in_notices_and_boards(text: str, name: str, title: str) -> None:
    assert _read(text)[name] == ([title], False)


@pytest.mark.parametrize(
    "text",
    [
        "推荐对象分别是王建江，天镇县委书记；刘伟，太谷区委书记。",
        "名单如下：王建江，天镇县委书记；刘伟，太谷区委书记。",
    ],
)
def test_a_lists_first_item_is_an_appositive_too(text: str) -> None:
    """The first of `name，post；` items follows 分别是 or a colon, not a sentence's end."""
    people = _read(text)
    assert people["王建江"] == (["天镇县委书记"], False)
    assert people["刘伟"] == (["太谷区委书记"], False)


def test_retired_leaders_greeted_as_a_group_hold_no_post() -> None:
    """老领导 names retired leaders (the gold lists them among other people); 市领导 is a post."""
    people = _read("老领导叶公明、陈铁山也应邀出席大会。市领导王强出席。")
    assert people == {"王强": (["市领导"], False)}


def test_a_schools_board_chair_is_no_official() -> None:
    """A board is what a private school has: its chair is among the other people."""
    report = extract_officials(("学校董事长卢彩凤女士讲话。市人民医院院长王强出席。",), names=None)
    assert [o.name for o in report.officials] == ["王强"]
    assert [(p.name, p.role) for p in report.others] == [("卢彩凤", "学校董事长")]


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        ("检察长夏辉依法列席审判委员会。", "夏辉", ["检察长"]),  # 依法 opens what he does
        ("最后镇长米厚章讲意见。", "米厚章", ["镇长"]),  # 讲, a verb of speaking
        ("副县长、县长助理王强出席。", "王强", ["副县长", "县长助理"]),  # an assistant's post
    ],
)
def test_followers_and_assistants_posts(text: str, name: str, titles: list[str]) -> None:
    assert _read(text)[name] == (titles, False)


def test_an_aspect_mark_after_a_cue_is_no_part_of_the_post() -> None:
    """当过老支书李某: 过 ends the verb 当过, it does not open the post."""
    assert _read("在当过老支书李国仁家中，他促膝长谈。")["李国仁"][0] == ["老支书"]


def test_a_home_is_no_person() -> None:
    """社区困难党员家中: 家 is a surname, but 家中 is a home."""
    report = extract_officials(("镇人大主席陶峰来到社区困难党员家中看望。",), names=None)
    assert [o.name for o in report.officials] == ["陶峰"]
    assert report.others == []


def test_a_post_word_beginning_a_bodys_name_is_no_post() -> None:
    """等常委会领导: 常委 begins 常委会, so the names' post is the designation alone."""
    people = _read("县人大常委会召开主任会议，谢友先、李玲玲等常委会领导出席会议。")
    assert people == {"谢友先": (["常委会领导"], False), "李玲玲": (["常委会领导"], False)}


@pytest.mark.parametrize(
    "text",
    ["毕业生代表温雄真挚地感谢师长。", "一是由李玮同志代表孟村镇人民政府作政府工作报告。"],
)
def test_representatives_of_a_group_and_the_verb_are_no_posts(text: str) -> None:
    """毕业生代表 speaks for graduates; 同志代表 is the verb after a name and 同志."""
    report = extract_officials((text,), names=None)
    assert all(not o.titles for o in report.officials), report.officials


def test_an_associations_post_chained_after_its_body_is_private() -> None:
    """学会常务副会长兼秘书长: 秘书长 is the 学会's too; a 县长 after a 学会's post stays public."""
    report = extract_officials(("省书法学会常务副会长兼秘书长白明政出席。",), names=None)
    assert report.officials == [] and [p.name for p in report.others] == ["白明政"]
    assert _read("县书法学会名誉会长、县长王强出席。")["王强"][0] == ["县书法学会名誉会长", "县长"]


def test_party_building_is_no_name_but_a_name_may_start_like_it() -> None:
    """乡镇党委书记党建工作: 党建工 is no person, though printed twice; 党建国 after a post is."""
    text = "在对乡镇党委书记党建工作履职测评工作中。代表对各乡镇第一责任人党建工作履职情况作满意度测评。"
    assert _read(text) == {}
    assert _read("乡党委书记党建国出席。")["党建国"][0] == ["乡党委书记"]


def test_a_private_list_keeps_its_public_posts_and_a_short_printing_stays_private() -> None:
    """A private college's list (private_lists) leaves a Party post and a state post public; 董事长
    printed bare later is the same private post, so its holder stays among the other people."""
    report = extract_officials(
        (
            "我院董事长孙海洋、学院党委书记钱立群、副县长周宏图出席。",
            "县领导与董事长孙海洋座谈。",
        ),
        names=None,
    )
    assert {o.name: o.titles for o in report.officials} == {"钱立群": ["学院党委书记"], "周宏图": ["副县长"]}
    assert [(o.name, o.role) for o in report.others] == [("孙海洋", "院董事长")]


@pytest.mark.parametrize("movement", ["阿富汗塔利班", "哈马斯"])
def test_a_movement_with_a_transliterated_name_is_nobody(movement: str) -> None:
    """塔利班发言人表示 names no one (it was read as a foreign name before its post); the
    spokesman named after the post still is."""
    assert _read(f"{movement}发言人17日表示，将继续行动。") == {}
    assert _read(f"{movement}发言人穆贾希德表示。")["穆贾希德"][0] == [f"{movement}发言人"]


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        ("街道党工委书记玄冬梅出席。", "玄冬梅", ["街道党工委书记"]),  # 玄, a surname
        ("韩国青瓦台首席秘书尹永灿表示，", "尹永灿", ["韩国青瓦台首席秘书"]),
        ("研究院院长方勤正带领队员发掘。", "方勤", ["研究院院长"]),  # 正 "now" before a verb
        ("村党支部书记李君正带着乡亲们装箱。", "李君", ["村党支部书记"]),
        ("县长张建正主持会议。", "张建正", ["县长"]),  # 正 ending a name
        ("朝鲜职业总同盟中央委员会委员长玄尚柱出席。", "玄尚柱", ["朝鲜职业总同盟中央委员会委员长"]),
    ],
)
def test_this_rounds_national_readings(text: str, name: str, titles: list[str]) -> None:
    assert _read(text)[name][0] == titles


def test_a_conglomerates_chairman_is_no_official() -> None:
    """集团会长: a Korean or Japanese group's chairman (state firms have a 董事长)."""
    report = extract_officials(("韩国现代集团会长玄贞恩率团吊唁。",), names=None)
    assert report.officials == [] and [o.name for o in report.others] == ["玄贞恩"]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("首先有请崇礼县副县长于有斌致辞。", {"于有斌": ["崇礼县副县长"]}),  # 斌 ends names only
        ("主任向丽娟介绍说，", {"向丽娟": ["主任"]}),
        ("县委书记于会上强调，", {}),  # 于 the preposition: 上 ends no name
        ("书记向全体干部强调，", {}),
    ],
)
def test_a_word_like_surname_before_a_character_that_only_ends_names(
    text: str, found: dict[str, list[str]]
) -> None:
    assert {name: titles for name, (titles, _) in _read(text).items()} == found
