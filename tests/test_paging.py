"""The cursor after a page down/up, the measure's notes and a huge article's opening: core, no app."""

from __future__ import annotations

from pathlib import Path

from reader.article import Article
from reader.layout.opening import OPENING_CHARS, opening
from reader.measure import MAX_MEASURE, measure_note
from reader.reading.paging import page_target

STARTS = [0, 3, 10, 12, 30]  # first lines of five paragraphs


def test_page_down_goes_to_the_first_paragraph_starting_in_view() -> None:
    assert page_target(STARTS, top=11, max_top=40, direction=+1, cursor=0) == 3


def test_page_down_at_the_end_goes_to_the_last_paragraph() -> None:
    assert page_target(STARTS, top=40, max_top=40, direction=+1, cursor=1) == 4


def test_page_up_at_the_top_goes_to_the_first_paragraph() -> None:
    assert page_target(STARTS, top=0, max_top=40, direction=-1, cursor=3) == 0


def test_a_page_always_moves_the_cursor_one_paragraph_at_least() -> None:
    # A paragraph taller than the screen: the first start in view is the cursor's own.
    assert page_target(STARTS, top=13, max_top=40, direction=+1, cursor=4) == 4
    assert page_target(STARTS, top=13, max_top=40, direction=+1, cursor=3) == 4
    assert page_target(STARTS, top=5, max_top=40, direction=-1, cursor=1) == 0


def test_measure_notes_name_the_bound_that_stopped_a_press() -> None:
    assert measure_note(60, 64, +4) == "Measure 64 cells"
    assert measure_note(MAX_MEASURE, MAX_MEASURE, +4) == f"Measure {MAX_MEASURE} cells: the widest"
    assert measure_note(70, 70, +4) == "Measure 70 cells: as wide as this pane allows"
    assert measure_note(20, 20, -4) == "Measure 20 cells: the narrowest"


def test_the_opening_of_a_huge_article_holds_enough_for_several_screens() -> None:
    paragraphs = tuple("字" * 1000 for _ in range(100))
    article = Article(path=Path("long.txt"), title="t", paragraphs=paragraphs)
    first = opening(article)
    assert first.paragraphs == paragraphs[: len(first.paragraphs)]
    assert sum(map(len, first.paragraphs)) >= OPENING_CHARS > sum(map(len, first.paragraphs[:-1]))
    short = Article(path=Path("short.txt"), title="t", paragraphs=("一段。",))
    assert opening(short) is short
