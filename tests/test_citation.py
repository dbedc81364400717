"""Citations: one plain line that finds the paragraph again."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from reader.article import Article
from reader.citation import citation
from reader.loaders import load_article
from reader.textsafety import has_unsafe

from .conftest import BUNDLED_ARTICLE, REPO


def test_bundled_article_citation() -> None:
    article = load_article(BUNDLED_ARTICLE)
    line = citation(article, 5, relative_to=REPO)
    assert line == (
        "“嘉峪关:全市国防动员委员会全体(扩大)会议召开”, 中国甘肃网, 2015-06-19 13:57, ¶ 6 of 9, "
        "articles/2015-06-19-jiayuguan-defence-mobilisation.txt"
    )


def test_missing_metadata_is_left_out_and_url_is_kept(tmp_path: Path) -> None:
    article = Article(
        path=tmp_path / "a.md",
        title="市长调研",
        paragraphs=("一", "二"),
        url="https://example.org/news/3",
        published=datetime(2021, 3, 3),
    )
    assert citation(article, 1) == f"“市长调研”, 2021-03-03, ¶ 2 of 2, {(tmp_path / 'a.md').as_posix()}, " + (
        "https://example.org/news/3"
    )


def test_a_file_outside_the_library_keeps_its_full_path(tmp_path: Path) -> None:
    article = Article(path=tmp_path / "x.txt", title="t", paragraphs=("p",))
    assert citation(article, 0, relative_to=tmp_path / "elsewhere").endswith(f"{tmp_path.as_posix()}/x.txt")


def test_control_characters_from_the_file_never_reach_the_clipboard(tmp_path: Path) -> None:
    article = Article(
        path=tmp_path / "x.txt",
        title="标题\x1b]52;c;ZXZpbA==\x07\n第二行",
        paragraphs=("正文\x1b[31m红\u2028色",),
        source="某报\r",
    )
    line = citation(article, 0)
    assert "\x1b" not in line and "\x07" not in line and "\n" not in line and "\r" not in line
    # The one policy of reader.textsafety: escapes shown as their pictures, lines joined.
    assert line.startswith("“标题␛]52;c;ZXZpbA==␇ 第二行”, 某报, ¶ 1 of 1")


def test_bidi_and_c1_characters_in_a_file_name_never_reach_the_clipboard(tmp_path: Path) -> None:
    """issue 12: `Y` put U+202E and U+202C from a file name into the clipboard."""
    article = Article(path=tmp_path / "a\u202etxt.exe\u202c\u009b2J.txt", title="t", paragraphs=("p",))
    line = citation(article, 0, relative_to=tmp_path)
    assert not has_unsafe(line)
    assert line.endswith("a\ufffdtxt.exe\ufffd\ufffd2J.txt")


@pytest.mark.parametrize("paragraph", [-1, 9])
def test_out_of_range_paragraph(paragraph: int) -> None:
    with pytest.raises(IndexError):
        citation(load_article(BUNDLED_ARTICLE), paragraph)
