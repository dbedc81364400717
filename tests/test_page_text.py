"""Text copied from news web pages: metadata lines, credits and furniture (reader/loaders/page_text.py).

The fixtures under tests/fixtures/pages_text are made up in the layouts local news
portals print; ../shared/corpus/local holds 44 real ones (checked when it is there).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from reader.loaders import load_article
from reader.loaders.page_text import PageFields, is_furniture, read_credit, read_meta

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages_text"
LOCAL_GOLD = Path(__file__).resolve().parent / "gold" / "local-metadata.yaml"
_META_START = re.compile(r"^(?:发布时间|发表时间|发布日期|发表日期|来源[：:]|责任编辑|值班编辑|【?编辑[：:])")


def _raw(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --- the layouts, on made-up pages -------------------------------------------------------


def test_portal_page_with_every_kind_of_line() -> None:
    path = FIXTURES / "portal_full.txt"
    article = load_article(path)
    assert article.title == "青禾县召开春季森林防火工作会议"
    assert article.published == datetime(2026, 3, 18, 10, 31)
    assert article.source == "示例日报"
    assert article.byline == "王小明"
    assert article.editor == "孙晓红"  # the first printed of 【编辑:…】 and 责任编辑：…
    assert article.paragraphs == (
        "3月17日，青禾县召开春季森林防火工作会议（记者 赵一鸣）。县委副书记、县长李大山出席会议并讲话。",
        "李大山强调，要压紧压实各级责任，确保不发生重大森林火灾。",
        "会议还部署了清明节期间的防火巡查工作。",
    )


def test_page_without_headline_keeps_its_first_sentence() -> None:
    article = load_article(FIXTURES / "portal_no_headline.txt")
    first = "示例新闻网讯(全媒体记者刘小东)今天上午，副县长陈美玲带队检查东山镇疫情防控措施落实情况。"
    assert article.paragraphs[0] == first
    assert article.title.startswith("今天上午，副县长陈美玲") and article.title.endswith("…")
    assert article.source == "示例新闻网"
    assert article.byline == "全媒体记者刘小东"  # the lead's, printed before the closing (杨一帆)
    assert len(article.paragraphs) == 2  # 扫一扫… and (杨一帆) are not body


def test_credits_line_at_the_end() -> None:
    article = load_article(FIXTURES / "portal_credits.txt")
    assert article.published == datetime(2020, 6, 24)
    assert article.byline == "刘一颖"
    assert article.editor == "郑一轩"
    assert article.paragraphs[-1] == "赵东向毕业生表达了祝福。"  # 上一篇：… is a link, not text
    assert len(article.paragraphs) == 2


def test_byline_line_names_the_outlet() -> None:
    article = load_article(FIXTURES / "portal_byline_line.txt")
    assert article.title == "全省经济高质量发展呈现六大特点"
    assert article.source == "示例晨报"
    assert article.byline == "记者 沈小莉"
    assert article.editor == "苗一胜"
    assert article.published is None
    assert len(article.paragraphs) == 2


def test_full_date_opening_the_lead_is_the_date() -> None:
    article = load_article(FIXTURES / "portal_lead_date.txt")
    assert article.published == datetime(2016, 8, 25)
    assert article.byline == "杨小秋 徐小淳 报道"
    assert article.paragraphs[0].startswith("2016年8月25日，示例州委副书记陈一义")
    assert len(article.paragraphs) == 2


def test_unknown_keys_end_a_field_and_sentences_stay_text() -> None:
    article = load_article(FIXTURES / "portal_inline_keys.txt")
    assert article.published == datetime(2021, 2, 19)
    assert article.source == "示例区人民政府"  # not "… 发布开发区:示例高新区", not the second 来源
    assert article.byline == "记者 汪一东 曲二荣"
    assert article.paragraphs == (
        "2月18日，区绿化市容局开展居民区走访慰问活动。",
        "记者：今年有什么新打算？",  # an interview question, not a byline
        "时间：上午九点，地点：社区活动室。",  # a notice in the body, not a date line
    )


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda path: path.name)
def test_page_paragraphs_are_text_of_the_file(path: Path) -> None:
    article = load_article(path)
    raw = _raw(path)
    for paragraph in article.paragraphs:
        assert paragraph in raw
        assert not _META_START.match(paragraph)
        assert not is_furniture(paragraph)
    if article.editor:
        assert all(article.editor not in paragraph for paragraph in article.paragraphs)


def test_headline_ending_with_an_exclamation_stays_the_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("你好，2013！\n新年第一天，各地举行庆祝活动。\n", encoding="utf-8")
    article = load_article(path)
    assert article.title == "你好，2013！"
    assert article.paragraphs == ("新年第一天，各地举行庆祝活动。",)


def test_paper_layout_keeps_its_byline_lines(tmp_path: Path) -> None:
    """The 人民日报 layout (its 作者/时间 line) reads as before: a byline line stays a paragraph."""
    path = tmp_path / "rmrb.txt"
    path.write_text(
        "示例标题\n作者：张三  时间：2019-06-20\n\n　　本报记者 张三\n　　正文第一段。\n　　责任编辑：李四\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.paragraphs == ("本报记者 张三", "正文第一段。", "责任编辑：李四")
    assert article.editor is None


def test_markdown_front_matter_gives_the_editor(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: 标题\neditor: 刘冬\n---\n\n正文。\n", encoding="utf-8")
    assert load_article(path).editor == "刘冬"


def test_editor_is_inert(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("标题\n正文第一段。\n责任编辑：刘\x1b[31m冬\n", encoding="utf-8")
    article = load_article(path)
    assert article.editor is not None and "\x1b" not in article.editor


# --- one line at a time ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("发布时间:2026年03月18日 10:31 来源:甘肃日报", PageFields(datetime(2026, 3, 18, 10, 31), "甘肃日报")),  # noqa: E501
        ("来源: 作者: 发布时间:2022年12月09日 浏览次数:", PageFields(datetime(2022, 12, 9))),
        ("发表日期:2011-02-12 点击", PageFields(datetime(2011, 2, 12))),
        ("记者  汪晓东  曲昌荣        来源:人民网", PageFields(None, "人民网", "记者 汪晓东 曲昌荣")),
        ("责任编辑: 刘冬", PageFields(editor="刘冬")),
        ("【编辑:王五】", PageFields(editor="王五")),
        ("(通讯员:付强)", PageFields(byline="通讯员:付强")),
        ("作者:刘颖 审核:樊林 摄影:刘向东 编辑:郑文轩", PageFields(byline="刘颖", editor="郑文轩")),
        ("来源：示例日报 【字体：大 中 小】【打印】【关闭】", PageFields(source="示例日报")),
        ("记者：今年有什么新打算？", None),
        ("(视频编辑:苏志刚 文字编辑:温凤浩)", None),  # the 新闻联播 layout's, left as it was
        ("会场 图片来源:明光市新闻中心", None),
        ("时间：上午九点", None),  # 时间 opens sentences: only a header line is read as a date
    ],
)
def test_read_meta(line: str, expected: PageFields | None) -> None:
    assert read_meta(line) == expected


def test_weak_keys_count_in_the_header() -> None:
    assert read_meta("时间:2022年08月03日点击:次", header=True) == PageFields(datetime(2022, 8, 3))
    assert read_meta("时间:2022年08月03日点击:次") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("新甘肃·甘肃日报记者 沈丽莉", PageFields(source="新甘肃·甘肃日报", byline="记者 沈丽莉")),
        ("■记者 应丽斋 谭心仪 插画 张利昌", PageFields(byline="记者 应丽斋 谭心仪 插画 张利昌")),
        ("本报驻朝鲜记者 莽九晨", PageFields(byline="本报驻朝鲜记者 莽九晨")),
        ("新华社记者 李 涛摄", PageFields()),  # a photo credit: no byline, and 新华社 is not the outlet
        ("(梅本炎)", PageFields(byline="梅本炎")),
        ("杨艳秋 徐子淳 报道", PageFields(byline="杨艳秋 徐子淳 报道")),
        ("区政府办 供稿", PageFields(byline="区政府办 供稿")),
        ("图片由由桥村提供", PageFields()),
        ("(完)", PageFields()),
        ("记者手机记录沙尘暴来袭", None),  # a headline
        ("(以下按姓氏笔画排序)", None),
        ("据新华社报道", None),
        ("会议还部署了防火巡查工作。", None),
    ],
)
def test_read_credit(line: str, expected: PageFields | None) -> None:
    assert read_credit(line) == expected


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("字体：大 中 小", True),
        ("【字体：大 中 小】【打印本页】【关闭窗口】", True),
        ("打印本页", True),
        ("关闭窗口", True),
        ("扫一扫在手机打开当前页", True),
        ("分享到：", True),
        ("上一篇：学校召开教学工作会议", True),
        ("会议强调，要打印并关闭窗口。", False),
        ("大中小学校", False),
    ],
)
def test_is_furniture(line: str, furniture: bool) -> None:
    assert is_furniture(line) is furniture


# --- the real local pages ----------------------------------------------------------------


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def test_every_local_page_loads_with_its_date_and_outlet(shared: Path) -> None:
    folder = shared / "corpus" / "local"
    files = sorted(folder.glob("*.txt"))
    if not files:
        pytest.skip(f"no local pages in {folder}")
    expected = yaml.safe_load(LOCAL_GOLD.read_text(encoding="utf-8"))
    assert {path.name for path in files} == set(expected), "the gold and the folder list other files"
    wrong = []
    for path in files:
        article = load_article(path)
        want = expected[path.name]
        got = {"date": article.date_text or None, "outlet": article.source}
        got |= {key: getattr(article, key) for key in ("byline", "editor") if key in want}
        want = {key: _text(value) for key, value in want.items()}
        if got != want:
            wrong.append((path.name, got, want))
        raw = _raw(path)
        assert article.paragraphs, path
        for paragraph in article.paragraphs:
            assert paragraph in raw, (path.name, paragraph[:30])
            assert not _META_START.match(paragraph), (path.name, paragraph[:30])
    assert not wrong


def test_a_title_reader_made_is_not_read_as_a_headline(tmp_path: Path) -> None:
    """A headline-less page's title is a copy of its first sentence: the officials are read
    once, in the paragraph (no mention at paragraph -1, the headline's)."""
    article = load_article(FIXTURES / "portal_no_headline.txt")
    assert article.title_printed is False
    assert load_article(FIXTURES / "portal_full.txt").title_printed is True
    bare = tmp_path / "bare.md"
    bare.write_text("正文。\n", encoding="utf-8")
    assert load_article(bare).title_printed is False
    page = str(FIXTURES / "portal_no_headline.txt")
    result = subprocess.run(
        [sys.executable, "-m", "reader", "officials", page, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    officials = json.loads(result.stdout)["officials"]
    assert [official["name"] for official in officials] == ["陈美玲"]
    assert all(mention["paragraph"] >= 0 for official in officials for mention in official["mentions"])


def test_a_page_that_opens_with_a_credit_keeps_its_body(tmp_path: Path) -> None:
    """A photo credit above the text is neither the headline nor a reason to lose the body."""
    path = tmp_path / "credit_first.txt"
    path.write_text(
        "示例客户端记者 何小雯 摄\n今天下午，示例市工商联执委会议召开。\n经大会选举，徐小华当选主席。\n"
        "徐小华表示，将团结广大民营企业家。\n作者: 编辑:倪小妮\n",
        encoding="utf-8",
    )
    article = load_article(path)
    assert article.title.startswith("今天下午，示例市工商联执委会议召开")
    assert article.paragraphs == (
        "今天下午，示例市工商联执委会议召开。",
        "经大会选举，徐小华当选主席。",
        "徐小华表示，将团结广大民营企业家。",
    )
    assert article.editor == "倪小妮"


def _sentences(path: Path) -> list[str]:
    lines = [line.strip() for line in _raw(path).split("\n")]
    return [line for line in lines if len(line) > 30 and line.endswith("。")]


def test_no_local_page_loses_its_body_text() -> None:
    """Every line of body text (a sentence ending in 。) of every local page is a paragraph."""
    folders = [Path(__file__).resolve().parent / "gold" / "corpus" / "local-pages"]
    folders.append(Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "local")
    files = [path for folder in folders if folder.is_dir() for path in sorted(folder.glob("*.txt"))]
    if not files:
        pytest.skip("no local pages here")
    lost = []
    for path in files:
        article = load_article(path)
        lost += [(path.name, line[:20]) for line in _sentences(path) if line not in article.paragraphs]
    assert not lost
