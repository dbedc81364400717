"""Snapshots pin what users see: the main screen on the bundled article (ink and paper),
the sidebar with pinyin and English glosses, and the help screen.

Regenerate after a deliberate change with `pytest tests/test_snapshots.py --snapshot-update`
and look at the SVGs in tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp

from .conftest import BUNDLED_ARTICLE, REPO
from .pilot import settle

SIZE = (120, 40)


def bundled_app(theme: str = "ink") -> ReaderApp:
    themes, _ = discover_themes()
    return ReaderApp(
        library=REPO / "articles", open_file=BUNDLED_ARTICLE, theme_specs=themes, theme_name=theme
    )


def test_main_screen_with_the_bundled_article(snap_compare) -> None:
    assert snap_compare(bundled_app(), terminal_size=SIZE, run_before=settle)


def test_main_screen_in_the_paper_theme(snap_compare) -> None:
    assert snap_compare(bundled_app("paper"), terminal_size=SIZE, run_before=settle)


def test_sidebar_with_pinyin_and_glosses(snap_compare) -> None:
    async def show_glosses(pilot) -> None:
        await settle(pilot)
        await pilot.press("e", "tab")  # glosses on; the sidebar focused, 郑亚军 highlighted
        await pilot.pause()

    assert snap_compare(bundled_app(), terminal_size=SIZE, run_before=show_glosses)


def test_main_screen_with_an_official_selected(snap_compare) -> None:
    async def select_second_official(pilot) -> None:
        await settle(pilot)
        await pilot.press("tab", "down", "down", "enter")  # 柳鹏
        await pilot.pause()

    assert snap_compare(bundled_app(), terminal_size=SIZE, run_before=select_second_official)


def test_help_screen(snap_compare) -> None:
    async def open_help(pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(bundled_app(), terminal_size=SIZE, run_before=open_help)
