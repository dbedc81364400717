"""Issue 5 in the real app: the list from the index, search across the library, an
official's timeline and the filter, positions and the last article remembered."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from reader.library import IndexProgress
from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.screens.search import SearchScreen
from reader.ui.screens.timeline import OfficialTimelineScreen
from reader.ui.widgets.library_table import LibraryTable
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView

from .pilot import settle

SIZE = (120, 40)
ARTICLES = {
    "xwlb_20150619_01.txt": (
        "柳鹏主持召开会议\n嘉峪关市委副书记、市长柳鹏主持会议。\n柳鹏指出，要抓好统计工作。\n第三段。\n"
    ),
    "xwlb_20180301_02.txt": "省长柳鹏到嘉峪关调研\n省长柳鹏到嘉峪关调研。\n调研组还走访了国际港务区。\n",
    "xwlb_20200101_03.txt": "新年贺词\n今天是2020年第一天。\n天气晴朗，万象更新。\n",
}


def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def make_app(folder: Path, open_file: Path | None = None) -> ReaderApp:
    themes, _ = discover_themes()
    return ReaderApp(library=folder, open_file=open_file, theme_specs=themes, theme_name="ink")


async def test_the_list_comes_from_the_index_newest_first(tmp_path: Path) -> None:
    folder = library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(LibraryTable)
        assert [e.path.name for e in table.entries] == sorted(ARTICLES, reverse=True)
        assert app.article is not None and app.article.title == "新年贺词"
        assert str(table.border_title) == "Articles"  # the refresh finished


async def test_an_opened_file_is_the_visible_row_of_its_folder(tmp_path: Path) -> None:
    """`reader FOLDER/FILE` on a long folder: the file's row is highlighted and in view."""
    folder = tmp_path / "many"
    folder.mkdir()
    for day in range(1, 121):
        (folder / f"xwlb_2020{(day - 1) // 28 + 1:02d}{(day - 1) % 28 + 1:02d}_01.txt").write_text(
            f"第{day}天的新闻\n今天是第{day}天。\n", encoding="utf-8"
        )
    oldest = folder / "xwlb_20200101_01.txt"  # newest first: the last row
    app = make_app(folder, open_file=oldest)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(LibraryTable)
        assert table.current is not None and table.current.path == oldest
        assert table.cursor == len(table.entries) - 1 > 100
        height = table.scrollable_content_region.height
        assert table.scroll_y <= table.cursor < table.scroll_y + height


async def test_position_and_last_article_are_restored_by_a_bare_start(tmp_path: Path) -> None:
    folder = library(tmp_path)
    app = make_app(folder, open_file=folder / "xwlb_20150619_01.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j")
        await pilot.pause()
        assert app.query_one(ReadingView).cursor == 2
    again = make_app(folder)  # no file given: the last one opens where it was left
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.article is not None and again.article.path.name == "xwlb_20150619_01.txt"
        assert again.query_one(ReadingView).cursor == 2
        table = again.query_one(LibraryTable)
        assert table.current is not None and table.current.path.name == "xwlb_20150619_01.txt"


async def test_search_all_opens_the_hit_at_its_paragraph(tmp_path: Path) -> None:
    folder = library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"国际港务区", "enter")
        await settle(pilot)
        assert app.article is not None and app.article.path.name == "xwlb_20180301_02.txt"
        assert app.query_one(ReadingView).cursor == 1


async def open_timeline(pilot) -> None:
    """Once the library and officials are in, the first official's timeline from the sidebar:
    what `w` shows until the person index has the name (`w` opens the person view after)."""
    await settle(pilot, people=True)
    pilot.app.reader.people = None  # as before the person index's phase has started
    pilot.app.query_one(OfficialsPanel).focus()
    await pilot.press("w")
    await pilot.pause()


async def test_timeline_rows_stay_one_line_whatever_the_title(tmp_path: Path) -> None:
    folder = library(tmp_path)
    long_title = "柳鹏出席全市国防动员委员会全体扩大会议并就做好下一阶段国防动员工作作出部署安排" * 2
    (folder / "xwlb_20190101_01.txt").write_text(f"{long_title}\n市长柳鹏出席会议。\n", encoding="utf-8")
    app = make_app(folder, open_file=folder / "xwlb_20180301_02.txt")
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        rows = app.screen.query_one("#timeline-rows", OptionList)
        assert rows.option_count == 3
        assert rows.virtual_size.height == rows.option_count  # no row wraps under the dates


async def test_timeline_filter_and_clear_from_the_sidebar(tmp_path: Path) -> None:
    folder = library(tmp_path)
    app = make_app(folder, open_file=folder / "xwlb_20180301_02.txt")
    async with app.run_test(size=SIZE) as pilot:
        await open_timeline(pilot)
        screen = app.screen
        assert isinstance(screen, OfficialTimelineScreen) and screen.official == "柳鹏"
        assert [row.path.name for row in screen.rows] == ["xwlb_20150619_01.txt", "xwlb_20180301_02.txt"]
        await pilot.press("enter")  # the oldest: opens at 柳鹏's first mention
        await settle(pilot)
        assert app.article.path.name == "xwlb_20150619_01.txt"
        app.query_one(OfficialsPanel).focus()
        await pilot.press("f")
        await pilot.pause()
        table = app.query_one(LibraryTable)
        assert table.library_filter == "柳鹏" and len(table.entries) == 2
        assert "柳鹏" in str(table.border_title) and app.focused is table
        await pilot.press("escape")  # Esc in a filtered list lists everything again
        assert table.library_filter is None and len(table.entries) == 3
        app.query_one(OfficialsPanel).focus()
        await pilot.press("f", "F")
        assert len(table.entries) == 3


async def test_one_progress_shows_while_the_index_catches_up(tmp_path: Path) -> None:
    """In the list's title only (issue 14: a bar in the footer took its keys at 80 columns),
    on across the phases: text fills 60 %, officials the rest (reader.library.progress)."""
    app = make_app(library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert str(app.query_one(LibraryTable).border_title) == "Articles"  # up to date
        app.reader._index_progress(IndexProgress("text", 4900, 9800))  # what the refresh worker reports
        await pilot.pause()
        assert "indexing 30%" in str(app.query_one(LibraryTable).border_title)
        app.reader._index_progress(IndexProgress("officials", 0, 9800))
        await pilot.pause()
        assert "indexing 30%" in str(app.query_one(LibraryTable).border_title)  # no drop to 0 %
        app.reader._index_progress(IndexProgress("officials", 9310, 9800))  # 30 % + 95 % of 70 %
        await pilot.pause()
        assert "indexing 96%" in str(app.query_one(LibraryTable).border_title)
        assert not app.query("#index-progress")  # no second progress in the footer
        app.reader._index_progress(IndexProgress("officials", 9800, 9800))
        await pilot.pause()
        assert str(app.query_one(LibraryTable).border_title) == "Articles"


async def test_list_titles_follow_the_reading_views_punctuation(tmp_path: Path) -> None:
    """A title printed with half-width marks (嘉峪关:会议召开) is shown in the list as the
    article shows it, full-width; `,` (as printed) turns both back."""
    folder = tmp_path / "marks"
    folder.mkdir()
    (folder / "xwlb_20150619_01.txt").write_text("嘉峪关:会议召开\n市长柳鹏主持会议。\n", encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(LibraryTable)

        def first_row() -> str:
            return "".join(segment.text for segment in table.render_line(0))

        assert "嘉峪关：会议召开" in first_row()
        await pilot.press("comma")
        await pilot.pause()
        assert not app.query_one(ReadingView).typeset
        assert "嘉峪关:会议召开" in first_row()
        await pilot.press("comma")
        await pilot.pause()
        assert "嘉峪关：会议召开" in first_row()


async def test_a_refresh_reporting_while_the_panes_are_gone_is_no_crash(tmp_path: Path) -> None:
    """Quitting during a refresh: the screen is still attached a moment after its list is
    removed, and the worker's last reports (progress, loaded) must find nothing to do."""
    from reader.library import IndexProgress
    from reader.ui.screens.library import LibraryScreen

    app = make_app(library(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await app.query_one(LibraryTable).remove()
        await pilot.pause()
        screen._if_mounted(screen._index_progress, IndexProgress("text", 1, 3))
        screen._if_mounted(screen._library_loaded)
        assert screen.is_attached


async def test_a_returning_users_first_frame_is_already_where_they_left_off(tmp_path: Path) -> None:
    """The remembered paragraph is placed by the first layout, before the first frame, as it
    will stay: nothing scrolls a moment after the screen is up (and an early frame, being that
    first frame, shows the place too)."""
    folder = tmp_path / "long"
    folder.mkdir()
    line = "会议要求，各乡镇要加强巡查，落实值守制度，确保不发生重大森林火灾。"
    body = "\n".join(f"第{n}段：{line}" for n in range(60))
    (folder / "xwlb_20150619_01.txt").write_text(f"防火会议召开\n{body}\n", encoding="utf-8")
    first = make_app(folder)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(*["j"] * 30)
        await pilot.pause()
        assert first.query_one(ReadingView).cursor == 30
    seen: list[tuple[int, int]] = []
    themes, _ = discover_themes()
    again = ReaderApp(library=folder, theme_specs=themes, theme_name="ink")

    def at_first_frame() -> None:
        view = again.query_one(ReadingView)
        seen.append((view.cursor, int(view.scroll_offset.y)))

    again._after_first_frame = at_first_frame
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = again.query_one(ReadingView)
        assert seen and seen[0][0] == 30
        assert seen[0][1] > 0
        assert (view.cursor, int(view.scroll_offset.y)) == seen[0]
