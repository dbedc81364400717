"""Tests for reader.loaders: every file layout, every encoding, every failure.

Fixtures under tests/fixtures/loaders are small made-up articles; encoded variants are
generated here with str.encode so no binary file is committed.
"""

from __future__ import annotations

import codecs
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

import reader.loaders as loaders
from reader.article import Article, ArticleError
from reader.loaders import ARTICLE_SUFFIXES, load_article
from reader.loaders.dates import coerce_date, date_from_file_name, parse_date_text
from reader.loaders.encoding import decode_bytes
from reader.loaders.lead import find_byline, find_source

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "loaders"
BUNDLED = REPO / "articles" / "2015-06-19-jiayuguan-defence-mobilisation.txt"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"

CHINESE = "嘉峪关：全市国防动员会议召开\n\n  会议要求，各部门要切实加强组织领导，确保各项工作落到实处。\n"
XWLB = "一年一度的春运开始\n\u3000\u3000今年春运从一月十日开始，一共四十天，铁路一线职工坚守岗位。\n"
TRADITIONAL = "臺灣新聞：颱風來襲\n\n  氣象單位表示，這個颱風將為東部帶來豪雨，請民眾注意安全。\n"


def _raw(path: Path) -> str:
    """The decoded file text, for substring checks."""
    return decode_bytes(path.read_bytes())


def _assert_one_line_naming(error: pytest.ExceptionInfo[ArticleError], path: Path) -> None:
    """Errors are one line and name the file."""
    message = str(error.value)
    assert "\n" not in message and "\r" not in message
    assert path.name in message


# --- the bundled article -------------------------------------------------------------


def test_bundled_article_metadata_and_paragraphs() -> None:
    article = load_article(BUNDLED)
    raw = _raw(BUNDLED)
    assert article.title == "嘉峪关:全市国防动员委员会全体(扩大)会议召开"
    assert article.published == datetime(2015, 6, 19, 13, 57)
    assert article.original_title == "全市国防动员委员会全体(扩大)会议召开"
    assert article.source == "中国甘肃网"
    assert article.byline == "记者 赵明霞"
    assert len(article.paragraphs) == 9
    assert article.paragraphs[0].startswith("中国甘肃网6月19日讯 据嘉峪关日报报道(记者 赵明霞)")
    for paragraph in article.paragraphs:
        assert paragraph in raw
        assert paragraph == paragraph.strip()
        assert not paragraph.startswith("原标题")


def test_bundled_style_fixture() -> None:
    path = FIXTURES / "bundled_style.txt"
    article = load_article(path)
    assert article.title == "青禾县:春季植树活动启动"
    assert article.published == datetime(2021, 3, 5, 9, 30)
    assert article.original_title == "青禾县春季植树活动正式启动"
    assert article.source == "示例日报网"
    assert article.byline == "记者 李小明"
    assert len(article.paragraphs) == 3
    assert article.paragraphs[0].startswith("示例日报网3月5日讯")
    assert all(paragraph in _raw(path) for paragraph in article.paragraphs)


# --- xwlb layout -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "indent", "count", "published"),
    [
        ("xwlb_20200102_03.txt", "\u3000\u3000", 3, datetime(2020, 1, 2)),
        ("xwlb_2021-03-04_nbsp.txt", "\xa0" * 4, 2, datetime(2021, 3, 4)),
        ("xwlb_20220506_07.txt", "", 3, datetime(2022, 5, 6)),
    ],
)
def test_xwlb_layouts(name: str, indent: str, count: int, published: datetime) -> None:
    path = FIXTURES / name
    raw = _raw(path)
    article = load_article(path)
    assert article.title == raw.split("\n", 1)[0]
    assert len(article.paragraphs) == count
    assert article.published == published
    for paragraph in article.paragraphs:
        assert indent + paragraph in raw
        assert paragraph[0] not in " \u3000\xa0"


def test_xwlb_odd_characters_are_kept() -> None:
    article = load_article(FIXTURES / "xwlb_20220506_07.txt")
    assert "\u200c" in article.paragraphs[0]
    assert article.paragraphs[1] == "检测结果显示Ct值<35的样本均已复核。"
    assert article.source is None


def test_xwlb_source_from_lead() -> None:
    article = load_article(FIXTURES / "xwlb_20200102_03.txt")
    assert article.source == "示例网"
    assert article.byline is None


# --- rmrb layout -----------------------------------------------------------------------


def test_rmrb_with_subtitle_and_author() -> None:
    article = load_article(FIXTURES / "rmrb_subtitle.txt")
    assert article.title == "共建美好家园（示例专栏）"
    assert article.subtitle == "访青禾县县长王大海"
    assert article.byline == "张三;李四"
    assert article.published == datetime(2020, 1, 2)
    assert article.source is None
    assert article.paragraphs[0] == "本报记者 张三 李四"
    assert "图为青禾县东山新栽的树苗。本报记者 张三摄" in article.paragraphs  # unindented caption
    assert "记者：今年有什么新打算？" in article.paragraphs
    assert len(article.paragraphs) == 5


def test_rmrb_with_time_only() -> None:
    article = load_article(FIXTURES / "rmrb_time_only.txt")
    assert article.title == "示例作品目录"
    assert article.subtitle is None
    assert article.byline is None
    assert article.published == datetime(2019, 11, 2)
    assert article.paragraphs == ("一等奖（2件）", "题目：山区的春天 作者：集体")


def test_rmrb_kicker_above_the_headline() -> None:
    """就两县结对十周年 only leads into the headline below it: it is the kicker (引题)."""
    article = load_article(FIXTURES / "rmrb_deck.txt")
    assert article.kicker == "就两县结对十周年"
    assert article.title == "青禾县与白沙县互致贺信"
    assert article.subtitle is None
    assert article.source == "新华社"
    assert article.published == datetime(2018, 4, 22)
    assert len(article.paragraphs) == 1


@pytest.mark.parametrize(
    ("head", "kicker", "title", "subtitle"),
    [
        # Kickers: a label, a dash or a reporting verb leading into the headline, a framing word.
        (["示例国", "举行建军纪念大会"], "示例国", "举行建军纪念大会", None),
        (["外交部发言人——", "希望双方珍惜积极进展"], "外交部发言人——", "希望双方珍惜积极进展", None),
        (
            ["示例部发言人强调", "维护地区和平是共同责任", "——双方应保持克制"],
            "示例部发言人强调",
            "维护地区和平是共同责任",
            "双方应保持克制",
        ),
        (["离京对示例国进行国事访问", "主席抵达示例城"], "离京对示例国进行国事访问", "主席抵达示例城", None),
        # No kicker: a headline followed by its deck, with or without dashes.
        (["青禾县长会见白沙县长", "两县签署合作协议"], None, "青禾县长会见白沙县长", "两县签署合作协议"),
        (["青禾县举行植树活动", "——千人参加"], None, "青禾县举行植树活动", "千人参加"),
        # A short title with no deck under it stays the title.
        (["示例国"], None, "示例国", None),
    ],
)
def test_rmrb_headline_lines(
    tmp_path: Path, head: list[str], kicker: str | None, title: str, subtitle: str | None
) -> None:
    path = tmp_path / "article.txt"
    lines = [*head, "作者：张三  时间：2020-01-02", "", "\u3000\u3000正文第一段。"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    article = load_article(path)
    assert (article.kicker, article.title, article.subtitle) == (kicker, title, subtitle)
    assert article.paragraphs == ("正文第一段。",)


# --- Markdown --------------------------------------------------------------------------


def test_markdown_with_all_keys() -> None:
    article = load_article(FIXTURES / "markdown_full.md")
    assert article.title == "示例标题：山村新路通车"
    assert article.published == datetime(2021, 7, 1, 8, 15)
    assert article.source == "示例日报"
    assert article.byline == "记者 王小红"
    assert article.url == "https://example.org/news/1"
    assert article.extra == {"section": "地方"}
    assert article.paragraphs == (
        "七月一日，山村新路正式通车，村民出行更加方便。",
        "村民说",
        "The new road opens to traffic today.",
        "- 全长十二公里",
        "- 历时两年建成",
    )


def test_markdown_kicker_and_subtitle_from_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    front = "---\ntitle: 主标题\nkicker: 外交部发言人——\nsubtitle: 副题\n---\n\n正文。\n"
    path.write_text(front, encoding="utf-8")
    article = load_article(path)
    assert (article.kicker, article.title, article.subtitle) == ("外交部发言人——", "主标题", "副题")


def test_markdown_heading_becomes_title_and_bad_date_is_none() -> None:
    article = load_article(FIXTURES / "markdown_heading.md")
    assert article.title == "标题来自正文"
    assert article.published is None
    assert article.paragraphs == ("第一段。",)


def test_markdown_without_front_matter() -> None:
    article = load_article(FIXTURES / "markdown_no_front_matter.markdown")
    assert article.title == "只有标题行的文章"
    assert article.paragraphs == ("正文第一段，接着写。",)


def test_markdown_missing_keys_falls_back_to_stem() -> None:
    article = load_article(FIXTURES / "markdown_bare.md")
    assert article.title == "markdown_bare"
    assert article.source == "示例网"
    assert article.published is None
    assert article.byline is None and article.url is None


@pytest.mark.parametrize(
    ("name", "words"),
    [("markdown_bad_yaml.md", "not valid YAML"), ("markdown_not_mapping.md", "not a mapping")],
)
def test_markdown_broken_front_matter(name: str, words: str) -> None:
    path = FIXTURES / name
    with pytest.raises(ArticleError, match=words) as error:
        load_article(path)
    _assert_one_line_naming(error, path)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-06-19", datetime(2015, 6, 19)),
        ("2015-06-19T13:57:00+08:00", datetime(2015, 6, 19, 13, 57)),
        ('"2015年6月19日"', datetime(2015, 6, 19)),
        ("2015-13-45", None),
        ("soon", None),
        ("12", None),
    ],
)
def test_markdown_dates_are_lenient(tmp_path: Path, value: str, expected: datetime | None) -> None:
    path = tmp_path / "dated.md"
    path.write_text(f"---\ntitle: T\ndate: {value}\n---\n正文。\n", encoding="utf-8")
    assert load_article(path).published == expected


def test_markdown_unclosed_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "unclosed.md"
    path.write_text("---\ntitle: T\n正文。\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="not closed") as error:
        load_article(path)
    _assert_one_line_naming(error, path)


# --- odd plain files -------------------------------------------------------------------


def test_long_first_line_is_a_paragraph_with_a_short_title() -> None:
    path = FIXTURES / "long_first_line.txt"
    article = load_article(path)
    first_line = _raw(path).split("\n", 1)[0]
    assert article.paragraphs == (first_line, "第二段内容。")
    assert article.title.endswith("…")
    assert 5 < len(article.title) <= 41
    assert first_line.startswith(article.title[:-1])


def test_date_and_source_header_line(tmp_path: Path) -> None:
    path = tmp_path / "web.txt"
    path.write_text("示例标题\n2015-06-19 13:57  来源：示例网\n\n  正文第一段。\n", encoding="utf-8")
    article = load_article(path)
    assert article.published == datetime(2015, 6, 19, 13, 57)
    assert article.source == "示例网"
    assert article.paragraphs == ("正文第一段。",)


def test_title_without_body_has_no_paragraphs() -> None:
    article = load_article(FIXTURES / "title_only.txt")
    assert article.title == "只有标题没有正文"
    assert article.paragraphs == ()


# --- encodings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "bom"),
    [
        pytest.param(CHINESE, "gb18030", b"", id="gb18030"),
        pytest.param(CHINESE, "gbk", b"", id="gbk"),
        pytest.param(TRADITIONAL, "big5", b"", id="big5"),
        pytest.param(CHINESE, "utf-16-le", codecs.BOM_UTF16_LE, id="utf16le-bom"),
        pytest.param(CHINESE, "utf-16-be", codecs.BOM_UTF16_BE, id="utf16be-bom"),
        pytest.param(CHINESE, "utf-32-le", codecs.BOM_UTF32_LE, id="utf32le-bom"),
        pytest.param(CHINESE, "utf-32-be", codecs.BOM_UTF32_BE, id="utf32be-bom"),
        pytest.param(CHINESE, "utf-8", codecs.BOM_UTF8, id="utf8-bom"),
        pytest.param(CHINESE, "utf-16-le", b"", id="utf16le-nobom"),
        pytest.param(CHINESE, "utf-16-be", b"", id="utf16be-nobom"),
        # U+3000 and 一 put NULs on the "wrong" side: the byte order must still be found.
        pytest.param(XWLB, "utf-16-le", b"", id="utf16le-nobom-u3000"),
        pytest.param(XWLB, "utf-16-be", b"", id="utf16be-nobom-u3000"),
        pytest.param(XWLB, "gb18030", b"", id="gb18030-u3000"),
        pytest.param(TRADITIONAL, "utf-8", b"", id="utf8"),
    ],
)
def test_encodings(tmp_path: Path, text: str, codec: str, bom: bytes) -> None:
    path = tmp_path / "encoded.txt"
    path.write_bytes(bom + text.encode(codec))
    assert decode_bytes(path.read_bytes()) == text
    article = load_article(path)
    assert article.title == text.split("\n", 1)[0]
    assert len(article.paragraphs) == 1
    assert article.paragraphs[0] in text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_newlines_are_normalised(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(CHINESE.replace("\n", newline).encode("utf-8"))
    article = load_article(path)
    assert article.title == "嘉峪关：全市国防动员会议召开"
    assert article.paragraphs == ("会议要求，各部门要切实加强组织领导，确保各项工作落到实处。",)


def test_gb18030_and_big5_bytes_are_told_apart() -> None:
    simplified = "国务院召开常务会议，研究部署经济发展工作，会议指出要进一步加强管理。"
    traditional = "國務院召開常務會議，研究部署經濟發展工作，會議指出要進一步加強管理。"
    assert decode_bytes(simplified.encode("gb18030")) == simplified
    assert decode_bytes(traditional.encode("big5")) == traditional


# --- failures --------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(ArticleError, match="no such file") as error:
        load_article(path)
    _assert_one_line_naming(error, path)


def test_directory(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    with pytest.raises(ArticleError, match="directory") as error:
        load_article(path)
    _assert_one_line_naming(error, path)


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\r\n", "\u3000\n".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match="empty") as error:
        load_article(path)
    _assert_one_line_naming(error, path)


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00",
        bytes(range(256)) * 4,
        b"\x01\x02\x03\x04\x05\x06\x07\x08" * 50,
    ],
    ids=["png", "all-bytes", "controls"],
)
def test_binary_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError, match="not text") as error:
        load_article(path)
    _assert_one_line_naming(error, path)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads files whatever their mode"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(CHINESE, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("this user can read a mode-000 file")
        with pytest.raises(ArticleError, match="permission denied") as error:
            load_article(path)
        _assert_one_line_naming(error, path)
    finally:
        path.chmod(0o600)


def test_permission_denied_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same failure for root, who can read everything, by making open() refuse."""
    path = tmp_path / "secret.txt"
    path.write_text(CHINESE, encoding="utf-8")

    real_open = os.open  # every read goes through reader.files, which opens with os.open

    def refuse(name: str, *args: int) -> int:
        if os.path.basename(name) == "secret.txt":
            raise PermissionError(13, "Permission denied", name)
        return real_open(name, *args)

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(ArticleError, match="permission denied") as error:
        load_article(path)
    _assert_one_line_naming(error, path)


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loaders, "MAX_ARTICLE_BYTES", 100)
    path = tmp_path / "huge.txt"
    path.write_text(CHINESE * 10, encoding="utf-8")
    with pytest.raises(ArticleError, match="too large") as error:
        load_article(path)
    _assert_one_line_naming(error, path)


@pytest.mark.parametrize(
    "content",
    [
        "---\n",
        "---\n---\n",
        "---\n: : :\n---\n正文\n",
        "---\ntitle: !!python/object:os.system ls\n---\n正文\n",
        "#\n",
        "# \n\n",
        "——\n",
        "作者：  时间：\n",
        "19.06.2015\n",
        "\ufeff标题\n正文\n",
        "\x00",
    ],
)
def test_only_article_errors_escape(tmp_path: Path, content: str) -> None:
    path = tmp_path / "odd.md"
    path.write_text(content, encoding="utf-8")
    try:
        article = load_article(path)
    except ArticleError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(article, Article)
        assert article.title


def test_article_suffixes() -> None:
    assert set(ARTICLE_SUFFIXES) == {".txt", ".md", ".markdown", ".html", ".htm", ".shtml", ".xhtml"}


def test_loaders_do_not_import_textual() -> None:
    code = "import sys, reader.loaders; sys.exit('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, check=False)
    assert result.returncode == 0


# --- helpers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "source", "byline"),
    [
        ("中国甘肃网6月19日讯 据嘉峪关日报报道(记者 赵明霞)6月18日,会议召开。", "中国甘肃网", "记者 赵明霞"),
        ("新华社北京6月19日电（记者 王五）今天，会议召开。", "新华社", "记者 王五"),
        ("新华社北京电 会议召开。", "新华社", None),
        ("本报讯（记者张三 通讯员李四）近日，会议召开。", None, "记者张三 通讯员李四"),
        ("本报北京3月2日电  （记者赵六）会议召开。", None, "记者赵六"),
        ("央视网消息(新闻联播)：会议召开。", "央视网", None),
        ("中国网络电视台消息(新闻联播)：会议召开。", "中国网络电视台", None),
        ("国家电网公司电力供应平稳。", None, None),
        ("记者了解到，会议召开。", None, None),
        ("本报记者 孟甲 黄乙", None, "本报记者 孟甲 黄乙"),
    ],
)
def test_lead_metadata(paragraph: str, source: str | None, byline: str | None) -> None:
    assert find_source(paragraph) == source
    assert find_byline(paragraph) == byline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("19.06.2015\xa0 13:57", datetime(2015, 6, 19, 13, 57)),
        ("2019-12-25", datetime(2019, 12, 25)),
        ("2015年6月19日 08:05", datetime(2015, 6, 19, 8, 5)),
        ("2015/6/9", datetime(2015, 6, 9)),
        ("31.02.2015", None),
        ("会议召开", None),
    ],
)
def test_parse_date_text(text: str, expected: datetime | None) -> None:
    assert parse_date_text(text, whole=True) == expected


def test_dates_from_file_names_and_front_matter() -> None:
    assert date_from_file_name("xwlb_20140519_05") == datetime(2014, 5, 19)
    assert date_from_file_name("2015-06-19-jiayuguan") == datetime(2015, 6, 19)
    assert date_from_file_name("rmrb_01_001") is None
    assert date_from_file_name("scan_20141399") is None
    assert coerce_date(2015) is None
    assert coerce_date("not a date") is None


# --- the shared corpus -----------------------------------------------------------------


def test_whole_shared_corpus_loads() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"no shared corpus at {CORPUS}")
    files = sorted(path for path in CORPUS.rglob("*") if path.suffix.lower() in ARTICLE_SUFFIXES)
    if not files:
        pytest.skip(f"no article files under {CORPUS}")
    for path in files:
        article = load_article(path)
        raw = _raw(path)
        assert article.title, path
        assert article.paragraphs, path
        for paragraph in article.paragraphs:
            assert paragraph in raw, (path, paragraph[:40])
