"""Issue #14, the reading flow: the first key reaches the article, the list previews,
`n`/`N` step from the cursor, and `-`/`+` change the column you see.

Every test starts from an empty home (conftest gives each its own state folder), as a
new user does after `make run`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.widgets.library_table import LibraryTable
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView

from .conftest import REPO
from .pilot import messages, settle

BUNDLED = REPO / "articles"
FIXTURES = Path(__file__).parent / "fixtures" / "library"


def make_app(library: Path = BUNDLED, open_file: Path | None = None) -> ReaderApp:
    themes, _ = discover_themes()
    return ReaderApp(library=library, open_file=open_file, theme_specs=themes, theme_name="ink")


def position(app: ReaderApp) -> str:
    return str(app.query_one("#position").render())


def shown(app: ReaderApp) -> str:
    assert app.article is not None
    return app.article.path.name


# -- defect 2: the first key goes to the article --------------------------------------


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_after_make_run_on_an_empty_home_j_moves_the_cursor(size: tuple[int, int]) -> None:
    app = make_app()  # `make run`: `reader articles`, nothing remembered
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        assert app.article is not None
        assert reading.display and app.query_one("#reading-column").display  # visible at 80x24 too
        assert app.focused is reading
        await pilot.press("j")
        assert reading.cursor == 1 and position(app).startswith("¶ 2/9")
        await pilot.press("j", "space")
        assert reading.cursor > 2


async def test_the_list_is_one_escape_or_shift_tab_away() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table, reading = app.query_one(LibraryTable), app.query_one(ReadingView)
        await pilot.press("escape")
        assert app.focused is table
        await pilot.press("enter")
        assert app.focused is reading
        await pilot.press("shift+tab")
        assert app.focused is table


async def test_at_80_columns_escape_shows_the_list_and_enter_the_article_again() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table, reading = app.query_one(LibraryTable), app.query_one(ReadingView)
        await pilot.press("j", "j")
        await pilot.press("escape")
        assert table.display and app.focused is table
        assert not app.query_one("#reading-column").display
        await pilot.press("enter")
        assert app.query_one("#reading-column").display and not table.display
        assert app.focused is reading and reading.cursor == 2  # the same place, not reopened


def _library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    shutil.copytree(FIXTURES, folder)
    return folder


async def test_moving_in_the_list_previews_without_marking_and_enter_reads(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        session = app.reader.session
        assert session is not None
        table, reading = app.query_one(LibraryTable), app.query_one(ReadingView)
        first = shown(app)
        await pilot.press("j")  # read a little of the first article
        assert app.focused is reading and reading.cursor == 1
        await pilot.press("escape", "j")
        await settle(pilot)
        preview = table.entries[1].path
        assert app.focused is table and app.article is not None and app.article.path == preview
        assert session.progress_of(preview, len(app.article.paragraphs)) is None  # not opened
        assert session.last_open() == folder / first  # still the article read last
        await pilot.press("j")
        await settle(pilot)
        third = table.entries[2].path
        assert app.article.path == third
        assert session.progress_of(preview, 9) is None and session.progress_of(third, 9) is None
        await pilot.press("k")
        await settle(pilot)
        await pilot.press("enter")  # the keys go to the previewed article, not reopened
        assert app.focused is reading and app.article.path == preview
        assert session.progress_of(preview, len(app.article.paragraphs)) is None
        await pilot.press("j")  # and it is read: opened, its place and the last open remembered
        assert session.progress_of(preview, len(app.article.paragraphs)) is not None
        assert session.restore_position(preview) == 1 and session.last_open() == preview
        await pilot.press("escape", "k")  # back over the first: its place is kept, not reset
        await settle(pilot)
        assert shown(app) == first and reading.cursor == 1
        assert session.restore_position(folder / first) == 1


async def test_a_previewed_article_is_read_once_the_cursor_moves_in_it(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        session = app.reader.session
        assert session is not None
        await pilot.press("escape", "j")
        await settle(pilot)
        assert app.article is not None
        preview = app.article.path
        assert session.progress_of(preview, 9) is None
        await pilot.press("tab")  # into the article without Enter
        assert app.focused is app.query_one(ReadingView)
        assert session.progress_of(preview, len(app.article.paragraphs)) is None
        await pilot.press("j")
        assert session.progress_of(preview, len(app.article.paragraphs)) is not None
        assert session.restore_position(preview) == 1


async def test_the_sidebar_follows_the_preview(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("escape", "j")
        await settle(pilot)
        panel = app.query_one(OfficialsPanel)
        assert panel.article is app.article and panel.report is not None
        assert not any("error" in message.lower() for message in messages(app))


# -- defect 1: `n`/`N` step from the cursor -------------------------------------------


def _wrap_notices(app: ReaderApp) -> list[str]:
    return [message for message in messages(app) if "back to the" in message]


async def test_n_and_N_step_from_the_cursor_on_the_officials_trail() -> None:
    """The issue's steps: Tab, Enter on 郑亚军 (mentions in ¶ 1, 2, 3, 5), Shift+Tab, j j j."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        await pilot.press("tab", "enter")
        assert position(app) == "¶ 1/9 · 郑亚军 1/4"
        await pilot.press("shift+tab", "j", "j", "j")
        assert position(app).startswith("¶ 4/9")
        await pilot.press("n")
        assert position(app) == "¶ 5/9 · 郑亚军 4/4"  # the next mention after ¶ 4, not ¶ 2
        await pilot.press("G", "N")
        assert position(app) == "¶ 5/9 · 郑亚军 4/4"  # the last one before ¶ 9, not ¶ 1
        await pilot.press("N")
        assert position(app) == "¶ 3/9 · 郑亚军 3/4"
        await pilot.press("k", "k")  # ¶ 1: the stop 1/4 is in no paragraph after it
        await pilot.press("N")  # none before ¶ 1: round to the last, and it says so
        assert position(app) == "¶ 5/9 · 郑亚军 4/4"
        assert _wrap_notices(app) == ["Past the start: back to the last of 郑亚军"]
        await pilot.press("n")
        assert position(app) == "¶ 1/9 · 郑亚军 1/4" and reading.cursor == 0
        assert _wrap_notices(app)[-1] == "Past the end: back to the first of 郑亚军"


async def test_n_and_N_step_from_the_cursor_on_a_search() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.article is not None
        hits = [i for i, text in enumerate(app.article.paragraphs) for _ in range(text.count("国防"))]
        last = len(app.article.paragraphs) - 1
        assert hits[-1] == last and hits[0] == 0  # ¶ 9 has one, ¶ 1 several
        await pilot.press("slash", *"国防", "enter")
        assert position(app) == f"¶ 1/9 · 「国防」 1/{len(hits)}"
        await pilot.press("G", "n")  # nothing after ¶ 9: round to the first, and it says so
        assert position(app) == f"¶ 1/9 · 「国防」 1/{len(hits)}"
        assert _wrap_notices(app) == ["Past the end: back to the first of 「国防」"]
        await pilot.press("n")  # the current stop is in the cursor's paragraph: the next one
        assert position(app) == f"¶ 1/9 · 「国防」 2/{len(hits)}"
        await pilot.press("G", "N")  # the last hit before ¶ 9
        before = max(i for i in hits if i < last)
        at = hits.index(before) + hits.count(before)  # its last hit
        assert position(app) == f"¶ {before + 1}/9 · 「国防」 {at}/{len(hits)}"
        await pilot.press("j", "j", "j", "j", "k")  # wherever the cursor goes, n goes on from there
        cursor = app.query_one(ReadingView).cursor
        await pilot.press("n")
        after = min(i for i in hits if i > cursor)
        assert position(app) == f"¶ {after + 1}/9 · 「国防」 {hits.index(after) + 1}/{len(hits)}"


# -- defect 6: `-`/`+` change the column you see ---------------------------------------


def _measure_notices(app: ReaderApp) -> list[str]:
    return [message for message in messages(app) if message.startswith("Measure")]


async def test_the_first_minus_narrows_the_column_you_see_and_plus_stops_at_the_pane() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        assert reading.document is not None
        widest = reading.document.width
        assert widest < 80  # the pane is narrower than the default measure
        await pilot.press("minus")
        assert reading.document.width == widest - 4
        assert _measure_notices(app) == [f"Measure {widest - 4} cells"]
        await pilot.press("plus")
        assert reading.document.width == widest
        await pilot.press("plus")  # no wider than the pane: said, and the next `-` still counts
        assert reading.document.width == widest
        assert _measure_notices(app)[-1] == f"Measure {widest} cells: as wide as this pane allows"
        await pilot.press("minus")
        assert reading.document.width == widest - 4
        for _ in range(30):
            await pilot.press("minus")
        assert reading.document.width == 20
        assert _measure_notices(app)[-1] == "Measure 20 cells: the narrowest"
        await pilot.press("plus")
        assert reading.document.width == 24


async def test_a_wide_pane_keeps_the_measure_set_when_the_terminal_grows() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        await pilot.press("minus")
        assert reading.document is not None
        narrowed = reading.document.width
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        await pilot.pause()
        assert reading.document.width == narrowed  # the measure set is the one kept


# -- frictions: the help scrolls with the reading keys ----------------------------------


async def test_the_help_scrolls_with_j_k_g_G_and_space() -> None:
    from textual.containers import VerticalScroll

    from reader.ui.screens.help import HelpScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        box = app.screen.query_one("#help-box", VerticalScroll)
        assert box.max_scroll_y > 10  # the help is longer than 24 rows
        await pilot.press("j", "j")
        await pilot.pause()
        assert box.scroll_y == 2
        await pilot.press("k")
        await pilot.pause()
        assert box.scroll_y == 1
        await pilot.press("space")
        await pilot.pause()
        assert box.scroll_y > 5
        await pilot.press("b")  # a page back up: where it was
        await pilot.pause()
        assert box.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert box.scroll_y == box.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert box.scroll_y == 0
        assert "j k space to scroll" in str(box.border_subtitle)
        await pilot.press("q")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


# -- frictions: the footer shows what fits, most important first -----------------------


def _footer_keys(app: ReaderApp) -> list[str]:
    from reader.ui.widgets.key_footer import KeyFooter

    footer = app.query_one(KeyFooter)
    keys = [child for child in footer.children if hasattr(child, "key_display")]
    return [f"{key.key_display} {key.description}" for key in keys]  # type: ignore[attr-defined]


async def test_the_footer_keeps_help_first_and_shows_only_whole_keys() -> None:
    from reader.ui.widgets.key_footer import KeyFooter

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        shown = _footer_keys(app)
        assert shown[:4] == ["? Help", "j/k ¶ next/prev", "q Quit", "/ Search"]
        # every key is drawn whole: the model of a key's width is Textual's, and they fit
        for key in footer.children:
            assert key.outer_size.width == footer.cells(key), key
        assert sum(key.outer_size.width for key in footer.children) <= footer.size.width
        await pilot.press("escape")  # the list's keys
        await pilot.pause()
        assert _footer_keys(app)[:2] == ["? Help", "⏎ Open"]
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        await pilot.pause()
        shown = _footer_keys(app)
        assert "S Search all" in shown and "^p Commands" in shown  # room for all of them
        palette = [key for key in footer.children if key.has_class("-command-palette")]
        assert palette and palette[0].outer_size.width == footer.cells(palette[0])


# -- frictions: mark read / unread, and the next unread ---------------------------------


async def test_m_marks_read_and_unread_and_u_reads_the_next_unread(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        session = app.reader.session
        assert session is not None
        table = app.query_one(LibraryTable)
        paths = [entry.path for entry in table.entries]
        assert app.article is not None and app.article.path == paths[0]
        await pilot.press("m")
        assert session.is_read(paths[0]) and session.progress_of(paths[0], 9) == 1.0
        assert messages(app)[-1].startswith("Marked read: ")
        await pilot.press("m")
        assert not session.is_read(paths[0])
        assert messages(app)[-1].startswith("Marked unread: ")
        await pilot.press("escape", "j", "m")  # in the list: the article under the cursor
        assert session.is_read(paths[1]) and app.focused is table
        await pilot.press("u")  # the next unread after the cursor: the third
        await settle(pilot)
        assert app.article.path == paths[2] and app.focused is app.query_one(ReadingView)
        await pilot.press("u")  # round to the top, where the first is unread again
        await settle(pilot)
        assert app.article.path == paths[0]
        assert messages(app)[-1] == "Past the end of the list: back to the first unread"
        await pilot.press("m", "right_square_bracket", "right_square_bracket", "m")
        await settle(pilot)
        assert all(session.is_read(path) for path in paths)
        await pilot.press("u")
        assert messages(app)[-1] == "No unread article in the list"


async def test_marking_an_article_read_at_its_end_unread_makes_it_new_again(tmp_path: Path) -> None:
    folder = _library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        session = app.reader.session
        assert session is not None and app.article is not None
        path, total = app.article.path, len(app.article.paragraphs)
        await pilot.press("G")  # read to the end: ✓
        assert session.is_read(path) and session.progress_of(path, total) == 1.0
        await pilot.press("m")
        assert not session.is_read(path) and session.progress_of(path, total) < 1.0


# -- frictions: back and forward after a jump ------------------------------------------


async def test_back_and_forward_after_a_library_search_and_a_filter(tmp_path: Path) -> None:
    from reader.ui.screens.search import SearchScreen

    folder = _library(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table, reading = app.query_one(LibraryTable), app.query_one(ReadingView)
        first = shown(app)
        await pilot.press("j", "j")
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"污水直排", "enter")  # in the river clean-up's second paragraph
        await settle(pilot)
        assert shown(app) == "2021-03-02-river-cleanup.txt" and reading.cursor == 1
        await pilot.press("H")  # back where the search left
        await settle(pilot)
        assert shown(app) == first and reading.cursor == 2 and app.focused is reading
        await pilot.press("L")  # and forward again
        await settle(pilot)
        assert shown(app) == "2021-03-02-river-cleanup.txt" and reading.cursor == 1
        await pilot.press("tab", "f")  # filter the list to the sidebar's first official
        await pilot.pause()
        name = table.library_filter
        assert name is not None and len(table.entries) < 3
        await pilot.press("H")  # back: the whole list again, the same article
        await settle(pilot)
        assert table.library_filter is None and len(table.entries) == 3
        assert shown(app) == "2021-03-02-river-cleanup.txt"
        await pilot.press("L")
        await settle(pilot)
        assert table.library_filter == name
        await pilot.press("L")  # nothing ahead: said
        assert messages(app)[-1].startswith("Nothing ahead")
        await pilot.press("H", "H", "H")
        await settle(pilot)
        assert shown(app) == first and table.library_filter is None
        assert messages(app)[-1].startswith("Nothing to go back to")


@pytest.mark.parametrize("through", ["timeline", "person view"])
async def test_back_after_where_else_returns_to_the_article_it_left(tmp_path: Path, through: str) -> None:
    """`w` on 柳鹏 (his timeline before the person index has him, his person view after), Enter on
    the oldest article, then Back: the article and paragraph left."""
    from reader.ui.screens.person import PersonScreen
    from reader.ui.screens.timeline import OfficialTimelineScreen

    from .test_library_app import library

    folder = library(tmp_path)
    app = make_app(folder, open_file=folder / "xwlb_20180301_02.txt")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, people=True)
        if through == "timeline":
            app.reader.people = None  # as before the person index's phase has started
        await pilot.press("j")
        app.query_one(OfficialsPanel).focus()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, OfficialTimelineScreen if through == "timeline" else PersonScreen)
        await pilot.press("enter")  # the oldest article naming him (his first post, in the person view)
        await settle(pilot)
        assert shown(app) == "xwlb_20150619_01.txt"
        await pilot.press("H")
        await settle(pilot)
        assert shown(app) == "xwlb_20180301_02.txt" and app.query_one(ReadingView).cursor == 1


async def test_m_marks_the_open_article_even_when_the_list_does_not_show_it(tmp_path: Path) -> None:
    from .test_library_app import library

    folder = library(tmp_path)
    app = make_app(folder, open_file=folder / "xwlb_20200101_03.txt")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        session = app.reader.session
        assert session is not None
        app.reader._show_filtered("柳鹏", quiet=True)  # a list without the open article
        await pilot.pause()
        assert app.query_one(LibraryTable).index_of(folder / "xwlb_20200101_03.txt") is None
        app.query_one(ReadingView).focus()
        await pilot.press("m")
        assert session.is_read(folder / "xwlb_20200101_03.txt")
