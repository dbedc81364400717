"""Issue 14 defect 5 and issue 16: what a library opens on, and what marks an article read.

A new user's library opens on its newest article, with the list's cursor on its row and
in view, from the first frame when the library was indexed before; an article reader
opens by itself is not marked opened (◔) or read (✓): it becomes read by being read —
its cursor moves — or by being opened by the user (Enter, `reader FILE`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import LibraryIndex
from reader.library.state import ReadingState
from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.widgets.library_table import LibraryTable, progress_mark
from reader.ui.widgets.reading_view import ReadingView

from .pilot import settle

SIZE = (120, 40)
NEWEST = "zz_newest.txt"


def many(tmp_path: Path, count: int = 60) -> Path:
    """A library whose newest article is the last file read (files are read in path order)."""
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(count):
        day = f"2020{n // 28 + 1:02d}{n % 28 + 1:02d}"
        (folder / f"xwlb_{day}_01.txt").write_text(
            f"第{n}天\n2020年第{n}天。\n天气晴朗。\n", encoding="utf-8"
        )
    (folder / NEWEST).write_text("最新的新闻\n2026-06-09\n今天是最新的一天。\n第二段。\n", encoding="utf-8")
    return folder


def make_app(folder: Path, open_file: Path | None = None, **kwargs: object) -> ReaderApp:
    themes, _ = discover_themes()
    return ReaderApp(library=folder, open_file=open_file, theme_specs=themes, theme_name="ink", **kwargs)  # type: ignore[arg-type]


def mark_of(app: ReaderApp, path: Path) -> str:
    """The mark the list draws for `path`."""
    session, table = app.reader.session, app.query_one(LibraryTable)
    assert session is not None
    row = table.index_of(path)
    assert row is not None
    return progress_mark(session.progress(table.entries[row]))


def assert_on_newest_row(app: ReaderApp, folder: Path) -> None:
    table = app.query_one(LibraryTable)
    assert app.article is not None and app.article.path == folder / NEWEST
    assert table.current is not None and table.current.path == folder / NEWEST
    height = table.scrollable_content_region.height
    assert table.scroll_y <= table.cursor < table.scroll_y + height


async def test_a_library_indexed_for_the_first_time_opens_on_its_newest_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list arrives in snapshots while a cold index is built; the article shown is the
    newest, not the newest of the first snapshot, and it is not marked opened or read."""
    monkeypatch.setattr("reader.library.index.BATCH", 5)
    monkeypatch.setattr("reader.library.session.ENTRIES_INTERVAL", 0.0)
    folder = many(tmp_path)
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert_on_newest_row(app, folder)
        assert app.query_one(LibraryTable).cursor == 0
        assert mark_of(app, folder / NEWEST) == "·"
    assert ReadingState.load().position(folder / NEWEST) is None  # nothing remembered on quit


async def test_a_warm_library_shows_the_newest_article_and_its_rows_in_the_first_frame(
    tmp_path: Path,
) -> None:
    folder = many(tmp_path)
    with LibraryIndex(folder) as index:
        index.refresh()
    seen: dict[str, object] = {}
    app: ReaderApp

    def first_frame() -> None:
        table = app.query_one(LibraryTable)
        seen["article"] = app.article.path if app.article else None
        seen["rows"] = len(table.entries)
        seen["row"] = table.current.path if table.current else None

    app = make_app(folder, after_first_frame=first_frame)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert seen == {"article": folder / NEWEST, "rows": 61, "row": folder / NEWEST}
        assert_on_newest_row(app, folder)
        assert mark_of(app, folder / NEWEST) == "·"


async def test_an_article_opened_automatically_becomes_read_by_being_read(tmp_path: Path) -> None:
    """`reader FOLDER` opens an article by itself: no ◔ until its cursor moves; j marks it."""
    folder = tmp_path / "one"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("标题\n第一段。\n第二段。\n第三段。\n", encoding="utf-8")
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.article is not None and app.article.path == article
        assert mark_of(app, article) == "·"
        app.query_one(ReadingView).focus()
        await pilot.press("j")
        await pilot.pause()
        assert mark_of(app, article) == "◕"  # ¶ 2 of 3
    state = ReadingState.load()
    assert state.position(article) == 1 and state.last_open == article.resolve()


async def test_an_article_the_user_names_is_remembered_at_once_a_previewed_one_once_read(
    tmp_path: Path,
) -> None:
    """`reader FILE` is the user's choice: opened (◔) at once. An article reached by the
    list's cursor is a preview, as the newest shown at start is: marked once it is read."""
    folder = many(tmp_path, count=3)
    oldest = folder / "xwlb_20200101_01.txt"
    app = make_app(folder)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.query_one(LibraryTable).focus()
        await pilot.press("G", "enter")
        await settle(pilot)
        assert app.article is not None and app.article.path == oldest
        assert mark_of(app, oldest) == "·"
        await pilot.press("j")
        await pilot.pause()
        assert mark_of(app, oldest) != "·"
        assert mark_of(app, folder / NEWEST) == "·"  # the one shown first was never read
    named = make_app(folder, open_file=folder / "xwlb_20200102_01.txt")
    async with named.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert mark_of(named, folder / "xwlb_20200102_01.txt") != "·"


async def test_a_returning_user_reopens_the_last_article_with_its_row_in_the_first_frame(
    tmp_path: Path,
) -> None:
    folder = many(tmp_path, count=200)
    with LibraryIndex(folder) as index:
        index.refresh()
    left = folder / "xwlb_20200101_01.txt"  # the oldest: the last row
    app = make_app(folder, open_file=left)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.query_one(ReadingView).focus()
        await pilot.press("j")
        await pilot.pause()
    seen: dict[str, object] = {}
    again: ReaderApp

    def first_frame() -> None:
        table = again.query_one(LibraryTable)
        seen["row"] = table.current.path if table.current else None

    again = make_app(folder, after_first_frame=first_frame)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert seen == {"row": left}
        table = again.query_one(LibraryTable)
        assert again.article is not None and again.article.path == left
        assert table.current is not None and table.current.path == left
        assert table.cursor == len(table.entries) - 1 == 200
        assert again.query_one(ReadingView).cursor == 1
        height = table.scrollable_content_region.height
        assert table.scroll_y <= table.cursor < table.scroll_y + height


def test_the_last_article_is_spelt_from_the_library_as_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reader articles` twice: the article reopened is `articles/…`, as the list's rows are,
    so the list finds its row (the state keeps resolved paths)."""
    from reader.library.session import LibrarySession

    folder = many(tmp_path, count=2)
    monkeypatch.chdir(folder.parent)
    relative = Path(folder.name)
    session = LibrarySession(relative)
    session.remember(relative / NEWEST, 1, 2)
    session.close()
    again = LibrarySession(relative)
    assert again.last_open() == relative / NEWEST
    again.close()


async def test_a_library_never_indexed_has_rows_and_an_article_in_the_first_frame(tmp_path: Path) -> None:
    """Its first files are read on mount (the index's first snapshot follows): `make run`
    with an empty home shows the bundled article at once, not "Loading the library…"."""
    folder = many(tmp_path, count=3)
    seen: dict[str, object] = {}
    app: ReaderApp

    def first_frame() -> None:
        seen["article"] = app.article.path if app.article else None
        seen["rows"] = len(app.query_one(LibraryTable).entries)

    app = make_app(folder, after_first_frame=first_frame)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert seen == {"article": folder / NEWEST, "rows": 4}
        assert_on_newest_row(app, folder)
        assert mark_of(app, folder / NEWEST) == "·"
