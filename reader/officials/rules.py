"""The officials rules by name: what each does, and a made-up sentence it decides.

Every decision the extractor makes beyond "a listed title word, then a listed name" is
a named rule. Each rule here has an example of our own whose reading changes when the
rule is off (`tests/test_officials_rules.py` checks both readings), and
`bench/bench_rule_ablation.py` prints for every rule how the gold scores move without
it: a rule that adds nothing on text it was not tuned on goes.

The passes ask `Findings.on(name)`; a `RuleSet` with rules turned off is how the tests
and the ablation bench run the extractor without them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: its name, what it does, a made-up text and how the rules read it."""

    name: str
    does: str
    example: tuple[str, ...]
    """Paragraphs of a made-up article (with `headline` before them when set)."""
    reading: str
    """`render_reading` of the example with every rule on; with this one off it differs."""
    headline: str | None = None


RULES: tuple[Rule, ...] = (
    Rule(
        "headline",
        "the headline is read with the body (a mention there has paragraph -1)",
        ("他强调，要抓好落实。",),
        "王立军:青山县委书记",
        headline="青山县委书记王立军调研秋粮收购",
    ),
    Rule(
        "post_chains",
        "posts joined by 、 or 兼 before one name all belong to it",
        ("县委副书记、县长王海林主持会议。",),
        "王海林:县委副书记/县长",
    ),
    Rule(
        "collective_designations",
        "a designation of leaders with its level attached (市领导, 县四套班子领导) is the names' post",
        ("县领导吴海林、钱国华出席开幕式。",),
        "吴海林:县领导 钱国华:县领导",
    ),
    Rule(
        "shared_lists",
        "names joined by 、 after a post's name share its posts",
        ("副县长赵立新、钱国华出席。",),
        "赵立新:副县长 钱国华:副县长",
    ),
    Rule(
        "list_ends",
        "a list's last name of three known characters may end at a one-character follower",
        ("副市长张艳、司学军在会上发言。",),
        "张艳:副市长 司学军:副市长",
    ),
    Rule(
        "short_list_ends",
        "a list's last name of two characters may end at a one-character follower where three could not",
        ("县领导于国强、秦岭峰、奇军在主席台就坐。",),
        "于国强:县领导 秦岭峰:县领导 奇军:县领导",
    ),
    Rule(
        "list_bridges",
        "in a list of names, an item with no known surname between two 、 and followed by a name is a"
        " name too; so is a list's first item before two names, and a dotted item between 、",
        ("县领导冯军、刘启永、宴世莹、黄英出席会议。",),
        "冯军:县领导 刘启永:县领导 宴世莹:县领导 黄英:县领导",
    ),
    Rule(
        "copula_lists",
        "names joined by 、 before 当选 or 是 share the post after it",
        ("王云山、卢智慧、白晓丽当选为县政协常务委员。",),
        "王云山:县政协常务委员 卢智慧:县政协常务委员 白晓丽:县政协常务委员",
    ),
    Rule(
        "clause_names",
        "a three-character name opening its clause before 当选 or 是 may have a surname that is also a word",
        ("会上，高治平当选为县政协秘书长。",),
        "高治平:县政协秘书长",
    ),
    Rule(
        "person_notes",
        "notes on sex or nationality after names ((回族), （女）) are read past in lists and appointments",
        ("选举马福海（回族）、刘晓、昂毛（女、蒙古族）为省人大常委会副主任。",),
        "马福海:省人大常委会副主任 刘晓:省人大常委会副主任 昂毛:省人大常委会副主任",
    ),
    Rule(
        "directory_lines",
        "a line opened by a post and a colon lists names set apart by spaces,"
        " a two-character one padded (马 平)",
        ("副县长:李维之 马 平 王宏伟", "县长:董文琴 1972年10月生。"),
        "李维之:副县长 马平:副县长 王宏伟:副县长 董文琴:县长",
    ),
    Rule(
        "current_posts",
        "现任 or 现为 after a name and a comma gives the name the posts after it",
        ("1971年11月生的许晋文，现任文水县委常委、组织部长。",),
        "许晋文:文水县委常委/组织部长",
    ),
    Rule(
        "foreign_short_names",
        "a transliterated name printed alone that ends one dotted name of the article is that person",
        ("美国前州长比尔·理查森访问朝鲜。", "前州长理查森表示，访问很成功。"),
        "比尔·理查森:美国前州长(原)[理查森]",
    ),
    Rule(
        "list_and",
        "after two names joined by 、, 和 or 及 may join the list's last name (县领导A、B和C)",
        ("县领导王海、李强和张明出席会议。",),
        "王海:县领导 李强:县领导 张明:县领导",
    ),
    Rule(
        "foreign_list_items",
        "after a transliterated name in a list, the next item may be a transliteration without a dot",
        ("朝鲜曾邀请美国前总统卡特、克林顿先后访朝。",),
        "卡特:美国前总统(原) 克林顿:美国前总统(原)",
    ),
    Rule(
        "colon_lists",
        "a notice's post, a colon, then the names (村委会主任：王泽辉)",
        ("青山村村委会主任：赵国平",),
        "赵国平:青山村村委会主任",
    ),
    Rule(
        "designation_lists",
        "a designation of a group, then 有/包括 and a list (出席的市领导有：A、B) gives each its designation",
        ("出席会议的县领导有：吴海林、钱国华、孙立平。",),
        "吴海林:县领导 钱国华:县领导 孙立平:县领导",
    ),
    Rule(
        "post_notes",
        "a bracketed note between a post and its name ((兼), （正县级）) is skipped",
        ("总医院党委书记（兼）赵利利出席。",),
        "赵利利:总医院党委书记",
    ),
    Rule(
        "verb_ends",
        "a name may end before a common two-character verb or adverb (verbs.yaml, from jieba's dictionary)",
        ("美国总统拜登定于下周访问。",),
        "拜登:美国总统",
    ),
    Rule(
        "carried_appointments",
        "an appointing verb governs the NAME为POST clauses after its own (选举A为主席，B为镇长)",
        ("大会选举钱国华为镇人大主席，孙立平同志为镇长。",),
        "钱国华:镇人大主席 孙立平:镇长",
    ),
    Rule(
        "confirmed_longer",
        "a rare third name character is kept where the article prints the three elsewhere as a name",
        ("学院领导胡长春、杨近铬、汪荣林出席会议。", "院长杨近铬就招生工作做了介绍。"),
        "胡长春:学院领导 杨近铬:学院领导/院长 汪荣林:学院领导",
    ),
    Rule(
        "joined_surnames",
        "two surnames and two given characters (林郑月娥), or surname, 氏 and a given name (阮氏金银)",
        ("行政长官林郑月娥会见越南国会主席阮氏金银。",),
        "林郑月娥:行政长官 阮氏金银:越南国会主席",
    ),
    Rule(
        "spaced_names",
        "a post, spaces, then a name closed by the line's end or punctuation (a signature line)",
        ("青山县人民检察院检察长 万诗雄", "各位代表：现在，我代表县人民检察院报告工作。"),
        "万诗雄:青山县人民检察院检察长",
    ),
    Rule(
        "list_items",
        "inside such a list a name needs only its shape (a rare or organisation-like character)",
        ("副市长陈建军、古小燕出席活动。",),
        "陈建军:副市长 古小燕:副市长",
    ),
    Rule(
        "bylines",
        "a byline cue (记者, 通讯员) names a person who is not an official",
        ("本报讯（记者 孙晓梅）市长周海波来到工地。",),
        "周海波:市长 孙晓梅=记者",
    ),
    Rule(
        "role_words",
        "a role word (村民, 专家) names a person who is not an official",
        ("村民刘长贵说，今年收成很好。",),
        "刘长贵=村民",
    ),
    Rule(
        "title_traps",
        "a title inside a verb phrase is no post (我谨代表)",
        ("我谨代表张家村全体村民致谢。",),
        "",
    ),
    Rule(
        "post_nouns",
        "a post word followed by 级, 国, 府 or 馆 makes a noun (部长级会谈, 成员国)",
        ("他参观了柏林总统府。",),
        "",
    ),
    Rule(
        "appointed_de",
        "after 时任…的 the name follows 的 (时任县长的马光明)",
        ("时任县长的马光明来到村里。",),
        "马光明:县长(原)",
    ),
    Rule(
        "korean_names",
        "after a Korean post a name has three characters, 在 included",
        ("韩国统一部长官朴吉在发表声明。",),
        "朴吉在:韩国统一部长官",
    ),
    Rule(
        "printed_twice",
        "a name no list ends is believed when the article prints it again where a name ends",
        ("县长黄近东当地时间3日抵达。", "黄近东表示，要抓好落实。"),
        "黄近东:县长",
    ),
    Rule(
        "places",
        "a country or region is never read as a name, whole or cut (同黎巴嫩总统)",
        ("他同黎巴嫩总统通电话。",),
        "",
    ),
    Rule(
        "former_markers",
        "原 or 前 before a post (or after a place: 青山市原市委书记) marks it former",
        ("原县长高建平出席。",),
        "高建平:原县长(原)",
    ),
    Rule(
        "held_then",
        "时任 always, and 曾任 where the post ends its clause, make the posts former",
        ("时任青山县委书记林国栋到村里调研。",),
        "林国栋:青山县委书记(原)",
    ),
    Rule(
        "dotted_names",
        "parts joined by · after a post make one name, whatever their characters (艾则孜·木沙)",
        ("县长阿迪里·吐拉克主持会议。",),
        "阿迪里·吐拉克:县长",
    ),
    Rule(
        "minority_names",
        "a Tibetan, Mongolian, Uyghur or Yi name is read whole from its listed parts (扎西次仁)",
        ("州委副书记扎西次仁出席。",),
        "扎西次仁:州委副书记",
    ),
    Rule(
        "japanese_names",
        "after a post, a listed Japanese family name and one to three characters",
        ("日本首相安倍晋三在东京发表讲话。",),
        "安倍晋三:日本首相",
    ),
    Rule(
        "whole_transliterations",
        "a Chinese reading that stops inside a run of transliteration characters gives way to the run",
        ("德国总统施泰因迈尔表示欢迎。",),
        "施泰因迈尔:德国总统",
    ),
    Rule(
        "foreign_names",
        "a run of transliteration characters after a post is a foreign name",
        ("智利总统博里奇看过这部电影。",),
        "博里奇:智利总统",
    ),
    Rule(
        "bounded_foreign",
        "after a post, three to eight characters closed by punctuation, all but one of them"
        " transliteration characters, are a foreign name",
        ("乌克兰总理亚采纽克29日宣布。",),
        "亚采纽克:乌克兰总理",
    ),
    Rule(
        "common_three",
        "right after a post, a surname and two very common given-name characters make a name",
        ("县长吴建明蹲守现场。",),
        "吴建明:县长",
    ),
    Rule(
        "after_name_titles",
        "a title that may follow a name (总书记) is given to the name before it",
        ("会上王毅部长表示欢迎。",),
        "王毅:部长",
    ),
    Rule(
        "titles_after_names",
        "any post written after a three-character name that opens a phrase, when the post closes it",
        ("会上，周卫民局长致辞。",),
        "周卫民:局长",
    ),
    Rule(
        "short_titles",
        "a post printed in a short and a full form is listed once, in its fullest form",
        ("青山县委书记王海林讲话。", "县委书记王海林强调，要抓好落实。"),
        "王海林:青山县委书记",
    ),
    Rule(
        "private_bodies",
        "a person whose every post is in a body that is not public (商会, 学会) is no official",
        ("青山商会会长李国强出席。",),
        "李国强=青山商会会长",
    ),
    Rule(
        "private_lists",
        "bare posts (副董事长, 院长) in a list a private body's post leads are that body's",
        ("我院董事长孙海洋、副董事长钱立群、院长周宏图接待了来宾。",),
        "孙海洋=院董事长 钱立群=副董事长 周宏图=院长",
    ),
    Rule(
        "private_firms",
        "a post in a firm marked private (科技股份有限公司, 实业集团), not state-owned, is no official's",
        ("湖南七七科技股份有限公司董事长杨淑亭出席。",),
        "杨淑亭=湖南七七科技股份有限公司董事长",
    ),
    Rule(
        "honorifics",
        "a name before 同志 is an official even without a post",
        ("会议号召向李红梅同志学习。",),
        "李红梅:",
    ),
    Rule(
        "copulas",
        "a post after 是 or 当选 belongs to the name before it",
        ("黄明山是吉潭镇镇长。",),
        "黄明山:吉潭镇镇长",
    ),
    Rule(
        "appointed_as",
        "VERB NAME 为 POST (选举朴凤柱为副委员长, 任命王某为县长): the post is the name's",
        ("会议选举钱国栋为县人大常委会副主任。",),
        "钱国栋:县人大常委会副主任",
    ),
    Rule(
        "removed_posts",
        "免去NAME的POST职务 and NAME辞去POST职务: the post of a removal or resignation is the name's",
        ("会议决定免去郑立群的县交通局局长职务。",),
        "郑立群:县交通局局长",
    ),
    Rule(
        "bracketed_posts",
        "posts in brackets right after a name belong to it",
        ("人大代表于海平(青山县检察院检察长)发言。",),
        "于海平:人大代表/青山县检察院检察长",
    ),
    Rule(
        "age_clauses",
        "a post after a name and an age (梅建荣，44岁，副镇长) belongs to the name",
        ("梅建荣，44岁，副镇长。",),
        "梅建荣:副镇长",
    ),
    Rule(
        "appositives",
        "a sentence opened by a name and a comma and closed by a post (袁某某，某村党支部书记。)"
        " gives the name that post",
        ("袁少华，陡岗镇袁湖村党支部书记。疫情发生后，他一直坚守。",),
        "袁少华:陡岗镇袁湖村党支部书记",
    ),
    Rule(
        "counted_lists",
        "names closed by 等 and a count before a post share it (杨雄、李斌等8位代表)",
        ("杨雄、李斌等8位代表发言。",),
        "杨雄:代表 李斌:代表",
    ),
    Rule(
        "foreign_before_title",
        "a transliterated name written before an after-name title (同特朗普总统)",
        ("他同特朗普总统通电话。",),
        "特朗普:总统",
    ),
    Rule(
        "cut_names",
        "a two-character name always printed with the same third character is completed (杨洁 -> 杨洁篪)",
        ("国务院总理李克强于当地时间4日抵达。", "官员到机场迎接李克强，礼兵列队。"),
        "李克强:国务院总理",
    ),
    Rule(
        "when_clauses",
        "担任…时，NAME: a post held at the time goes to the person named after the clause",
        ("担任青山县委书记时，廖俊平带领群众修路。",),
        "廖俊平:青山县委书记",
    ),
    Rule(
        "short_forms",
        "surname + title (习总书记, 柳市长) is a mention of the one official it can mean",
        ("市长柳鹏出席。", "柳市长指出，要抓好落实。"),
        "柳鹏:市长[柳市长]",
    ),
)

RULE_NAMES = frozenset(rule.name for rule in RULES)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """The rules in force: all of them but `off`."""

    off: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = self.off - RULE_NAMES
        if unknown:
            raise ValueError(f"unknown officials rules: {', '.join(sorted(unknown))}")

    def on(self, name: str) -> bool:
        return name not in self.off

    @classmethod
    def without(cls, *names: str) -> RuleSet:
        return cls(frozenset(names))


ALL_RULES = RuleSet()
