"""Finding a phrase in paragraphs: offsets, case, phrases the layout would split."""

from __future__ import annotations

from reader.find import Match, find_matches
from reader.layout import break_paragraph


def test_every_occurrence_with_offsets_into_the_source() -> None:
    paragraphs = ["国防动员和国防教育", "没有", "加强国防"]
    matches = find_matches(paragraphs, "国防")
    assert matches == [Match(0, 0, 2), Match(0, 5, 7), Match(2, 2, 4)]
    for match in matches:
        assert paragraphs[match.paragraph][match.start : match.end] == "国防"


def test_latin_matches_regardless_of_case_and_keeps_positions() -> None:
    paragraphs = ["İstanbul 和 GDP 增长，gdp 数据"]
    matches = find_matches(paragraphs, "gdp")
    assert [paragraphs[0][m.start : m.end] for m in matches] == ["GDP", "gdp"]


def test_blank_query_finds_nothing_and_matches_do_not_overlap() -> None:
    assert find_matches(["哈哈哈哈"], "  ") == []
    assert find_matches(["哈哈哈哈"], "哈哈") == [Match(0, 0, 2), Match(0, 2, 4)]


def test_a_phrase_split_across_laid_out_lines_is_found() -> None:
    paragraph = "市委书记郑亚军强调，要紧紧围绕实现中国梦强军梦，持续发扬党管武装的优良传统。"
    lines = break_paragraph(paragraph, 12)
    # pick a phrase that straddles the first line break
    cut = lines[0].end
    phrase = paragraph[cut - 2 : cut + 2]
    assert not any(phrase in paragraph[line.start : line.end] for line in lines)
    assert find_matches([paragraph], phrase) == [Match(0, cut - 2, cut + 2)]
