"""Print-quality Chinese, one technique at a time, on made-up sentences.

Justified lines (`break_paragraph(..., justify=True)`), hanging punctuation, typeset
punctuation forms, the space between Chinese and Western text, quotes a full
character wide, the paragraph set as a whole around a short line (total fit), and
ambiguous-width characters drawn one or two cells wide — in the layout and in Rich,
which Textual measures with.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.segment import Segment

from reader.article import Article
from reader.layout import (
    SHORT_REASONS,
    LineSpan,
    Typesetting,
    break_paragraph,
    char_cells,
    justify,
    layout_document,
    render_plain,
    rules,
    use_rich_ambiguous_width,
)
from reader.layout.cells import is_ambiguous, rich_ambiguous_width
from reader.layout.document import _line_text
from reader.layout.punctuation import PAD_AFTER, PAD_BEFORE, quote_pads, typeset

PRINTED = Typesetting(typeset=False)
TYPESET = Typesetting()


def justified(text: str, width: int, indent: int = 0, setting: Typesetting = PRINTED) -> list[str]:
    """The lines as drawn (blank cells in), the paragraph laid out and justified at `width`."""
    shown = setting.shown(text)
    pads = setting.pads(shown)
    spans = break_paragraph(shown, width, indent, justify=True, ambiguous=setting.ambiguous, pads=pads)
    return [_line_text(shown, span) for span in spans]


def spans_of(text: str, width: int, setting: Typesetting = PRINTED) -> list[LineSpan]:
    shown = setting.shown(text)
    return break_paragraph(
        shown, width, 0, justify=True, ambiguous=setting.ambiguous, pads=setting.pads(shown)
    )


# --- hanging punctuation --------------------------------------------------------------


def test_a_comma_that_would_start_a_line_hangs_after_the_last_character() -> None:
    spans = spans_of("一二三四，五六七", 8)
    assert justified("一二三四，五六七", 8) == ["一二三四，", "五六七"]
    assert spans[0].hung and not spans[1].hung
    # without justifying, the old way: a character is pulled down and the line ends short
    assert [s.end for s in break_paragraph("一二三四，五六七", 8, 0)] == [3, 7, 8]


@pytest.mark.parametrize("mark", list("，。、；：？！”’）》」"))
def test_every_closing_mark_may_hang(mark: str) -> None:
    assert justified(f"一二三四{mark}五六", 8) == [f"一二三四{mark}", "五六"]


def test_never_two_hung_marks_a_line_and_the_line_says_why_it_is_short() -> None:
    spans = spans_of("一二三四。”五六", 8)
    assert justified("一二三四。”五六", 8) == ["一二三", "四。” 五", "六"]  # ” has its blank
    assert not any(span.hung for span in spans)
    assert spans[0].short == "closers" and spans[0].short in SHORT_REASONS


def test_an_opening_mark_never_hangs() -> None:
    spans = spans_of("一二三四（五六）", 8)
    assert justified("一二三四（五六）", 8) == ["一二三四", "（五六）"]
    assert not spans[0].hung and spans[0].short is None


def test_the_last_line_may_hang_its_mark() -> None:
    spans = spans_of("一二三四。", 8)
    assert justified("一二三四。", 8) == ["一二三四。"] and spans[0].hung


def test_hung_lines_in_the_document_and_in_render() -> None:
    article = Article(path=Path("a.txt"), title="题", paragraphs=("一二三四五，六七八九十。",))
    doc = layout_document(article, 12, body_only=True)
    assert [line.text for line in doc.lines] == ["  一二三四五，", "六七八九十。"]
    assert [line.hung for line in doc.lines] == [True, False]
    assert render_plain(article, 12, body_only=True) == "  一二三四五，\n六七八九十。\n"


# --- typeset punctuation ----------------------------------------------------------------


def test_half_width_marks_between_chinese_are_shown_full_width_one_for_one() -> None:
    text = "会议指出,要坚持;发言:好?是!完(扩大)召开"
    shown = typeset(text)
    assert shown == "会议指出，要坚持；发言：好？是！完（扩大）召开"
    assert len(shown) == len(text)
    assert all(a == b or a in ",;:?!()" for a, b in zip(text, shown, strict=True))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("会议(2015)召开", "会议（2015）召开"),  # brackets after Chinese
        ("GDP(国内生产总值)", "GDP（国内生产总值）"),  # brackets around Chinese
        ("f(x)与g(y)", "f(x)与g(y)"),  # brackets of a formula stay
        ("比分3:2,时间13:57", "比分3:2,时间13:57"),  # marks after digits stay
        ("他说:Hello, world", "他说：Hello, world"),  # a mark after Chinese, before Latin
        ("(1)第一", "(1)第一"),  # numbering at the start
        ("6月18日,。", "6月18日，。"),
    ],
)
def test_typeset_only_in_chinese_context(text: str, shown: str) -> None:
    assert typeset(text) == shown


def test_the_dot_of_a_transliterated_name_is_full_width_in_a_narrow_terminal() -> None:
    assert typeset("哈力克·买买提") == "哈力克・买买提"
    assert typeset("哈力克·买买提", ambiguous=2) == "哈力克·买买提"  # drawn wide already
    assert typeset("a·b") == "a·b"


def test_typeset_is_shown_but_the_paragraph_keeps_the_files_characters() -> None:
    article = Article(path=Path("a.txt"), title="题", paragraphs=("中国,你好",))
    doc = layout_document(article, 40, body_only=True)
    assert doc.lines[0].text == "  中国，你好"
    assert article.paragraphs[0] == "中国,你好"  # what copy, export and search use
    as_printed = layout_document(article, 40, body_only=True, setting=PRINTED)
    assert as_printed.lines[0].text == "  中国,你好"


# --- filling the odd cell ----------------------------------------------------------------


def test_a_digit_run_gets_its_space_where_the_line_needs_a_cell() -> None:
    # 今年增长35%的经 is 8+3+4 = 15 cells at width 16: one cell short, odd
    lines = justified("今年增长35%的经济，还有别的话要说", 16)
    assert lines[0] == "今年增长 35%的经"
    assert all(cell_len(line) == 16 for line in lines[:-1])


def test_the_space_goes_before_a_run_rather_than_after_and_never_inside() -> None:
    lines = justified("他们使用GDP衡量经济增长情况如何吧", 16)
    assert lines[0] == "他们使用 GDP衡量"
    two = justified("用ABCD衡量经（济）", 14)  # （ may not end the line: two cells short
    assert two[0] == "用 ABCD 衡量经"  # one each side of the run
    for line in (*lines, *two):
        assert "A B" not in line and "G D" not in line


def test_a_number_keeps_its_unit() -> None:
    # the only places are before 201 and after it (before 年): the one before wins
    assert justified("在201年里我们都很好的吧", 14)[0] == "在 201年里我们"


def test_an_odd_line_without_a_place_for_a_space_says_so() -> None:
    spans = spans_of("一二三四五<六七八九十", 12)
    assert spans[0].short == "odd"


def test_as_printed_half_width_comma_gets_a_western_space() -> None:
    lines = justified("一二三四,五六七八九十", 12)
    assert lines[0] == "一二三四, 五"


# --- quotes a full character wide --------------------------------------------------------


def test_quotes_get_their_blank_half_on_the_outer_side_beside_ideographs() -> None:
    shown = "他说“中国梦”很好"
    assert quote_pads(shown) == {2: PAD_BEFORE, 6: PAD_AFTER}
    assert quote_pads("说：“好”。") == {}  # beside punctuation the pair is compressed


def test_ambiguous_width_two_lays_out_the_chinese_dream_as_ten_cells() -> None:
    wide = Typesetting(ambiguous=2)
    assert wide.cells(wide.shown("“中国梦”")) == 10
    assert sum(char_cells(ch, 2) for ch in "“中国梦”") == 10
    article = Article(path=Path("a.txt"), title="题", paragraphs=("“中国梦”",))
    assert layout_document(article, 10, body_only=True, setting=wide).lines[0].text == "  “中国梦”"
    # a narrow terminal, typeset: the quotes take their blank halves and the same ten cells
    narrow = layout_document(article, 12, body_only=True).lines[0]
    assert narrow.text == "   “中国梦” " and narrow.fills == (0, 5)


def test_a_quote_may_be_drawn_narrow_to_take_one_more_character() -> None:
    # （ may not end a line: with their blank halves the quotes leave it two cells short;
    # drawn narrow, they let the line take （六
    lines = justified("一二“三四”五（六七）", 16, setting=Typesetting())
    assert lines == ["一二“三四”五（六", "七）"]
    # a line full at a good break keeps its quotes wide
    assert justified("一“二三”四五六七", 14, setting=Typesetting()) == ["一 “二三” 四五", "六七"]


def test_a_quote_compressed_against_punctuation_takes_its_blank_half_again_at_a_line_start() -> None:
    # ：“ has no blank between them; the line after the break starts with the quote,
    # narrow, and one cell short: the quote takes its full character again there
    text = "一二三四五六：“七八九十一二三”"
    assert justified(text, 14, setting=TYPESET) == ["一二三四五六：", " “七八九十一二", "三” "]
    assert spans_of(text, 14, TYPESET)[1].fills == (7,)


def test_a_line_ending_in_a_closing_quote_counts_its_blank_half() -> None:
    spans = spans_of("一二三四“五”六七八九", 14, Typesetting())
    assert spans[0].short is None


# --- ambiguous width -------------------------------------------------------------------


def test_ambiguous_characters() -> None:
    for ch in "“”‘’—…·─":
        assert is_ambiguous(ch), ch
        assert char_cells(ch, 1) == 1 and char_cells(ch, 2) == 2
    for ch in "中，a\u0301":
        assert not is_ambiguous(ch)
        assert char_cells(ch, 2) == char_cells(ch, 1)


def test_rich_counts_ambiguous_characters_as_told_and_back() -> None:
    assert rich_ambiguous_width() == 1
    try:
        use_rich_ambiguous_width(2)
        assert cell_len("“中国梦”") == 10
        assert cell_len("·") == 2 and cell_len("─" * 3) == 6  # Rich's one-cell fast path too
        assert cell_len("abc") == 3 and cell_len("中") == 2
        left, right = Segment("“中”").split_cells(2)
        assert left.text == "“" and right.text == "中”"
    finally:
        use_rich_ambiguous_width(1)
    assert cell_len("“中国梦”") == 8 and cell_len("·") == 1
    with pytest.raises(ValueError, match="1 or 2"):
        use_rich_ambiguous_width(3)


def test_layout_with_ambiguous_width_two_keeps_lines_in_the_width() -> None:
    text = "他说——“我们……”·─好的，" * 6
    wide = Typesetting(ambiguous=2)
    for width in (10, 17, 30):
        for line in layout_document(
            Article(path=Path("a"), title="t", paragraphs=(text,)), width, setting=wide
        ).lines:
            cells = wide.cells(line.text)
            assert cells <= width + (2 if line.hung else 0), (width, line)


# --- the paragraph set as a whole (total fit) ---------------------------------------------


def first_fit(text: str, width: int, setting: Typesetting = PRINTED) -> list[LineSpan]:
    """The lines as the line-by-line breaker alone sets them (no total fit)."""
    shown = setting.shown(text)
    pads = setting.pads(shown)
    codes, cells = rules.encode(shown, setting.ambiguous, pads)
    return justify.break_justified(shown, codes, cells, width, 0, True, pads, setting.ambiguous, refit=False)


def test_a_quote_drawn_narrow_in_an_earlier_line_spares_a_later_one() -> None:
    # line by line, “ would end the second line: it moves down and the line ends short
    assert [span.short for span in first_fit("他“说”我们都“好”", 8, TYPESET)] == [None, "opener", None]
    # set as a whole, the first line draws its quotes narrow to take one more character
    # (推入), and no line ends short
    assert justified("他“说”我们都“好”", 8, setting=TYPESET) == ["他“说”我", "们都 “好” "]
    assert [span.short for span in spans_of("他“说”我们都“好”", 8, TYPESET)] == [None, None]


def test_an_earlier_line_ends_a_character_sooner_and_takes_the_western_spaces() -> None:
    # line by line, （ would end the second line
    assert [span.short for span in first_fit("一2019二三四五六七（八", 10)] == [None, "opener", None]
    # as a whole, the first line gives 三 to the second and fills with clreq's spaces
    assert justified("一2019二三四五六七（八", 10) == ["一 2019 二", "三四五六七", "（八"]


def test_a_line_that_must_end_short_still_says_why_after_the_total_fit() -> None:
    # nothing before the quote can move: the paragraph is set as line by line sets it
    assert spans_of("一二三四“五六”", 8) == first_fit("一二三四“五六”", 8)
    assert spans_of("一二三“五六”七", 8)[0].short == "opener"


def test_the_total_fit_loses_nothing() -> None:
    text = "他“说”我们都“好”，一2019二三四五六七（八）。"
    for width in range(8, 20):
        spans = spans_of(text, width, TYPESET)
        assert "".join(text[span.start : span.end] for span in spans) == text
