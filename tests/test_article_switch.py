"""Moving to another article never carries the old cursor into it.

The reading view's cursor is a paragraph of the shown article. Opening a shorter
article while the cursor sits past its end used to crash the app (the view scrolled
to the old cursor before clamping it); a huge article still being laid out used to
clamp the cursor to the part laid out so far, so `G` and a remembered place were lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article import Article
from reader.layout import Typesetting, layout_document
from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.screens.search import SearchScreen
from reader.ui.widgets.library_table import LibraryTable
from reader.ui.widgets.reading_view import ReadingView

from .pilot import settle

SIZE = (120, 40)
LONG = "".join(f"第{n}段。市委书记王海指出，要把工作做实做细。\n" for n in range(1, 9))
FILES = {
    "xwlb_20200101_01.txt": "较长的第一篇\n" + LONG,
    "xwlb_20190101_01.txt": "另一篇\n市长张三说，今天天气很好。\n",
    "xwlb_20180101_01.txt": "较长的第三篇\n" + LONG,
}


def make_app(folder: Path, open_file: Path | None = None) -> ReaderApp:
    themes, _ = discover_themes()
    return ReaderApp(library=folder, open_file=open_file, theme_specs=themes, theme_name="ink")


def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def position(app: ReaderApp) -> str:
    return str(app.query_one("#position").render())


def shown(app: ReaderApp) -> str:
    assert app.article is not None
    return app.article.path.name


async def test_brackets_into_a_shorter_article_put_the_cursor_on_its_paragraphs(tmp_path: Path) -> None:
    folder = library(tmp_path)
    app = make_app(folder, open_file=folder / "xwlb_20200101_01.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        await pilot.press("j", "j", "j")
        assert reading.cursor == 3
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert shown(app) == "xwlb_20190101_01.txt"
        assert reading.cursor == 0 and reading.paragraph_count == 1
        await pilot.press("right_square_bracket")
        await settle(pilot)
        reading.focus()
        await pilot.press("G")
        assert reading.cursor == 7
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert shown(app) == "xwlb_20190101_01.txt"
        assert reading.cursor == 0
        await pilot.press("j", "k")  # the view still answers
        assert reading.cursor == 0


async def test_enter_in_the_list_on_a_shorter_article(tmp_path: Path) -> None:
    folder = library(tmp_path)
    app = make_app(folder, open_file=folder / "xwlb_20200101_01.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        await pilot.press("G")
        table = app.query_one(LibraryTable)
        table.focus()
        await pilot.press("home", "down", "enter")
        await settle(pilot)
        assert shown(app) == "xwlb_20190101_01.txt"
        assert reading.cursor == 0


async def test_a_library_search_hit_in_a_shorter_article(tmp_path: Path) -> None:
    folder = library(tmp_path)
    app = make_app(folder, open_file=folder / "xwlb_20200101_01.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G")
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"天气很好", "enter")
        await settle(pilot)
        assert shown(app) == "xwlb_20190101_01.txt"
        assert app.query_one(ReadingView).cursor == 0


def huge_article(folder: Path, paragraphs: int) -> Path:
    """An article long enough to be laid out in the background (well past 200,000 characters)."""
    text = "市长张三在会上指出，要扎实推进各项工作，确保任务落到实处。" * 10
    path = folder / "huge.txt"
    path.write_text("很长的文章\n" + "\n".join([text] * paragraphs) + "\n", encoding="utf-8")
    return path


async def test_G_in_a_huge_article_goes_to_its_last_paragraph_before_it_is_laid_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held: list[tuple[Article, int, Typesetting]] = []
    # The whole article's layout is held back, as it is in the first seconds of a huge one.
    monkeypatch.setattr(
        ReadingView,
        "_layout_in_background",
        lambda self, article, measure, setting: held.append((article, measure, setting)),
    )
    path = huge_article(tmp_path, 3000)
    app = make_app(tmp_path, open_file=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, layout=False)  # the layout is held
        reading = app.query_one(ReadingView)
        assert held and reading.laid_out_count < 3000
        await pilot.press("G")
        assert reading.cursor == 2999 and position(app) == "¶ 3000/3000"
        article, measure, setting = held[-1]
        reading._apply_layout(article, layout_document(article, measure, setting=setting), setting)
        await pilot.pause()
        assert reading.laid_out_count == 3000 and reading.cursor == 2999
        first = reading.document.paragraph_first_line[2999]
        top = reading.scroll_offset.y
        assert top <= first < top + reading.scrollable_content_region.height


async def test_a_remembered_place_in_a_huge_article_is_restored_exactly(tmp_path: Path) -> None:
    path = huge_article(tmp_path, 3000)
    app = make_app(tmp_path, open_file=path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("G", "k")
        assert app.query_one(ReadingView).cursor == 2998
    again = make_app(tmp_path, open_file=path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = again.query_one(ReadingView)
        assert reading.cursor == 2998 and reading.laid_out_count == 3000
    third = make_app(tmp_path, open_file=path)
    async with third.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert third.query_one(ReadingView).cursor == 2998  # quitting saved what was restored
