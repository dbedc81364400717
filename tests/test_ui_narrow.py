"""Small terminals: the list and the article take turns, and the sidebar gives way."""

from __future__ import annotations

from reader.ui.widgets.library_table import LibraryTable
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView

from .conftest import BUNDLED_ARTICLE, REPO
from .test_ui import make_app, settle


async def test_at_80_columns_the_list_and_the_article_take_turns() -> None:
    app = make_app(REPO / "articles")
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot)
        article_list, reading = app.query_one(LibraryTable), app.query_one(ReadingView)
        # The article opened on its own is shown, with the keys (issue #14) …
        assert not article_list.display and app.query_one("#reading-column").display
        assert app.focused is reading
        await pilot.press("escape")  # … and the list is one Escape away
        assert article_list.display and app.focused is article_list
        assert not app.query_one("#reading-column").display
        await pilot.press("enter")
        await settle(pilot)
        assert not article_list.display and app.query_one("#reading-column").display
        assert app.focused is reading
        # the list's 34 columns went to the text
        assert reading.document is not None and reading.document.width > 80 - 30 - 34
        await pilot.press("tab")
        assert app.focused is app.query_one(OfficialsPanel)
        await pilot.press("escape")
        assert article_list.display and app.focused is article_list


async def test_at_60_columns_the_sidebar_starts_hidden_and_s_shows_it() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=(60, 30)) as pilot:
        await settle(pilot)
        panel, reading = app.query_one(OfficialsPanel), app.query_one(ReadingView)
        assert not panel.display
        assert reading.document is not None and reading.document.width >= 50
        await pilot.press("j")
        assert reading.cursor == 1
        await pilot.press("s")
        await pilot.pause()
        assert panel.display


async def test_growing_the_terminal_brings_every_pane_back() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=(60, 30)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(140, 40)
        await pilot.pause()
        assert app.query_one(LibraryTable).display
        assert app.query_one(OfficialsPanel).display
        assert app.query_one("#reading-column").display
