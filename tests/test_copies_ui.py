"""Reposts in what users see: one row per story with its copy count, `r` lists the copies."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.screens.copies import CopiesScreen
from reader.ui.widgets.library_table import LibraryTable, copies_badge

from .pilot import messages, settle
from .reprints import write_story_library

SIZE = (120, 30)


def make_app(folder: Path, open_file: Path | None = None) -> ReaderApp:
    themes, _ = discover_themes()
    return ReaderApp(library=folder, open_file=open_file, theme_specs=themes, theme_name="ink")


def row_text(table: LibraryTable, row: int) -> str:
    return "".join(segment.text for segment in table.render_line(row - int(table.scroll_offset.y)))


def test_the_badge() -> None:
    assert (copies_badge(1), copies_badge(3)) == ("", " ×3")


async def test_the_list_shows_one_row_per_story_with_its_copies(tmp_path: Path) -> None:
    folder = write_story_library(tmp_path / "library")
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(LibraryTable)
        assert [(e.path.name, e.copies) for e in table.entries] == [
            ("roads_b.txt", 2),
            ("fire_c.txt", 3),
            ("school.txt", 1),
        ]
        fire = row_text(table, 1)
        assert fire.startswith("· 【北岭在线】") and fire.endswith(" ×3 2026-03-19")  # the title is cut first
        assert "×" not in row_text(table, 2)
        assert "3 ·" in str(table.border_subtitle)  # three rows: stories, not files


async def test_r_in_the_list_lists_the_copies_and_enter_opens_one(tmp_path: Path) -> None:
    folder = write_story_library(tmp_path / "library")
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = app.query_one(LibraryTable)
        table.focus()
        table.cursor = 1  # the fire story
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CopiesScreen)
        assert [entry.path.name for entry in screen.copies] == ["fire_c.txt", "fire_b.txt", "fire_a.txt"]
        rows = screen.query_one("#copies-rows", OptionList)
        assert rows.option_count == 3 and rows.virtual_size.height == 3  # one line each
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert not isinstance(app.screen, CopiesScreen)
        assert app.article is not None and app.article.path.name == "fire_a.txt"
        assert app.article.source == "青禾日报"


async def test_r_in_the_article_lists_the_copies_of_the_one_open(tmp_path: Path) -> None:
    folder = write_story_library(tmp_path / "library")
    app = make_app(folder, open_file=folder / "roads_a.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CopiesScreen)
        assert [entry.path.name for entry in screen.copies] == ["roads_b.txt", "roads_a.txt"]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CopiesScreen)
        assert app.article is not None and app.article.path.name == "roads_a.txt"


async def test_r_on_a_story_printed_once_says_so(tmp_path: Path) -> None:
    folder = write_story_library(tmp_path / "library")
    app = make_app(folder, open_file=folder / "school.txt")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, CopiesScreen)
        assert "No other copy of this story in the library" in messages(app)


def test_the_copies_screen_snapshot(snap_compare, tmp_path: Path) -> None:
    """Reviewed: three copies newest first, each with its date and time, outlet, headline
    and file; `▸` the copy open (fire_b, opened by name), marks as the list's."""
    folder = write_story_library(tmp_path / "library")

    async def open_copies(pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await pilot.pause()

    app = make_app(folder, open_file=folder / "fire_b.txt")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_copies)
