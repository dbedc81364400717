"""Full-text search: 1 to 6 CJK characters, mixed Latin, snippets with offsets."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.library import LibraryIndex, SearchHit

ARTICLES = {
    "xwlb_20150619_01.txt": (
        "嘉峪关召开国防动员会议\n嘉峪关市委副书记、市长柳鹏主持会议。\n会上通报了GDP和Ct值<35的检测情况。\n"
    ),
    "xwlb_20180301_02.txt": (
        "国际港务区建设提速\n嘉峪关国际港务区今年新开通班列。\n统计显示gdp同比增长6.5%。\n"
    ),
    "xwlb_20200101_03.txt": "新年贺词\n今天是2020年第一天。\n100%_完成任务。\n",
}


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> LibraryIndex:
    root = tmp_path_factory.mktemp("search")
    library = root / "library"
    library.mkdir()
    for name, text in ARTICLES.items():
        (library / name).write_text(text, encoding="utf-8")
    index = LibraryIndex(library, path=root / "cache" / "index.sqlite3")
    index.refresh()
    yield index
    index.close()


def brute_force(query: str) -> set[tuple[str, int]]:
    """What a correct search must find: every (file, paragraph) whose text contains the query."""
    found = set()
    for name, text in ARTICLES.items():
        lines = text.splitlines()
        for idx, line in enumerate(lines):
            if query.lower() in line.lower():
                found.add((name, idx - 1))
    return found


def found(hits: list[SearchHit]) -> set[tuple[str, int]]:
    return {(hit.path.name, hit.paragraph) for hit in hits}


@pytest.mark.parametrize(
    "query",
    [
        "关",
        "港",
        "柳鹏",
        "会议",
        "嘉峪关",
        "国际港务",
        "国防动员会",
        "市委副书记、",
        "GDP",
        "gdp",
        "Ct值",
        "Ct值<35",
        "6.5%",
        "%",
        "_",
        "100%_",
        "2020",
        "不存在的词",
    ],
)
def test_search_finds_exactly_the_paragraphs_that_contain_the_query(index: LibraryIndex, query: str) -> None:
    assert found(index.search(query)) == brute_force(query)


def test_title_hits_are_paragraph_minus_one_and_open_at_the_first(index: LibraryIndex) -> None:
    [hit] = [h for h in index.search("国防动员") if h.paragraph == -1]
    assert hit.title == "嘉峪关召开国防动员会议" and hit.open_paragraph == 0


def test_hits_come_newest_article_first(index: LibraryIndex) -> None:
    dates = [hit.date_text for hit in index.search("嘉峪关")]
    assert dates == sorted(dates, reverse=True)


def test_snippet_marks_point_at_the_match(index: LibraryIndex) -> None:
    for query in ("柳鹏", "gdp", "国际港务区"):
        for hit in index.search(query):
            assert hit.marks
            for start, end in hit.marks:
                assert hit.snippet[start:end].lower() == query.lower()


def test_start_and_end_index_the_whole_paragraph(index: LibraryIndex) -> None:
    [hit] = index.search("柳鹏")
    paragraph = ARTICLES["xwlb_20150619_01.txt"].splitlines()[1 + hit.paragraph]
    assert paragraph[hit.start : hit.end] == "柳鹏"


def test_a_long_paragraph_gives_a_short_snippet_around_the_match(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    library.mkdir()
    (library / "long.txt").write_text("长文\n" + "前" * 500 + "目标词" + "后" * 500 + "\n", encoding="utf-8")
    with LibraryIndex(library, path=tmp_path / "i.sqlite3") as index:
        index.refresh_text()
        [hit] = index.search("目标词")
    assert hit.snippet.startswith("…") and hit.snippet.endswith("…")
    assert len(hit.snippet) < 80
    [(start, end)] = hit.marks
    assert hit.snippet[start:end] == "目标词" and hit.start == 500


def test_quotes_and_fts_syntax_are_plain_text(index: LibraryIndex) -> None:
    for query in ('"', 'a" OR "b', "NEAR(", "*", "柳鹏 OR 新年"):
        assert found(index.search(query)) == brute_force(query)


def test_blank_query_and_limit(index: LibraryIndex) -> None:
    assert index.search("   ") == []
    assert len(index.search("嘉", limit=1)) == 1
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", index.search("嘉", limit=1)[0].date_text)
