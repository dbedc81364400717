"""Pilot tests: every key of the reading screen, as a user presses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events

from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView

from .conftest import BUNDLED_ARTICLE, REPO

SIZE = (120, 40)
LIBRARY = Path(__file__).parent / "fixtures" / "library"


def make_app(
    library: Path = REPO / "articles", open_file: Path | None = None, theme: str = "ink"
) -> ReaderApp:
    themes, _ = discover_themes()
    return ReaderApp(library=library, open_file=open_file, theme_specs=themes, theme_name=theme)


async def settle(pilot) -> None:
    """Wait for the library and officials workers, then for the screen to catch up."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def position(app: ReaderApp) -> str:
    return str(app.query_one("#position").render())


async def test_bundled_library_opens_with_article_and_nine_officials() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(app.query_one(ArticleList).entries) == 1
        reading = app.query_one(ReadingView)
        assert reading.article is not None and reading.paragraph_count == 9
        panel = app.query_one(OfficialsPanel)
        assert panel.report is not None
        assert [o.name for o in panel.report.officials][:3] == ["郑亚军", "习近平", "柳鹏"]
        assert len(panel.report.officials) == 9
        assert app.focused is app.query_one(ArticleList)
        assert position(app) == "¶ 1/9"


async def test_enter_in_the_list_opens_the_article_in_the_reading_view() -> None:
    app = make_app(LIBRARY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app.article is not None and app.article.title == "白水河治理工程全面启动"
        assert app.focused is app.query_one(ReadingView)


async def test_paragraph_keys_move_the_cursor() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        assert app.focused is reading
        await pilot.press("j")
        assert reading.cursor == 1 and position(app) == "¶ 2/9"
        await pilot.press("down", "down")
        assert reading.cursor == 3
        await pilot.press("k")
        assert reading.cursor == 2
        await pilot.press("up")
        assert reading.cursor == 1
        await pilot.press("G")
        assert reading.cursor == 8 and position(app) == "¶ 9/9"
        await pilot.press("j")
        assert reading.cursor == 8  # stays on the last paragraph
        await pilot.press("g")
        assert reading.cursor == 0
        await pilot.press("k")
        assert reading.cursor == 0


async def test_cursor_stays_visible_while_moving() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        document = reading.document
        assert document is not None
        for expected in range(1, 9):
            await pilot.press("j")
            await pilot.pause()
            first = document.paragraph_first_line[expected]
            top = reading.scroll_offset.y
            assert top <= first < top + reading.scrollable_content_region.height, expected
        assert reading.scroll_offset.y > 0


async def test_space_and_b_page_through_the_article() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        await pilot.press("space")
        await pilot.pause()
        after_one = reading.cursor
        assert after_one > 0 and reading.scroll_offset.y > 0
        await pilot.press("space", "space", "space", "space", "space")
        await pilot.pause()
        assert reading.cursor == 8
        await pilot.press("b", "b", "b", "b", "b", "b")
        await pilot.pause()
        assert reading.cursor == 0 and reading.scroll_offset.y == 0


async def test_tab_moves_focus_between_list_article_and_sidebar() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        order = [app.query_one(ArticleList), app.query_one(ReadingView), app.query_one(OfficialsPanel)]
        assert app.focused is order[0]
        await pilot.press("tab")
        assert app.focused is order[1]
        await pilot.press("tab")
        assert app.focused is order[2]
        await pilot.press("shift+tab")
        assert app.focused is order[1]
        await pilot.press("escape")
        assert app.focused is order[0]


async def test_choosing_an_official_jumps_to_and_steps_through_its_mentions() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        panel = app.query_one(OfficialsPanel)
        await pilot.press("tab")
        assert app.focused is panel
        await pilot.press("enter")  # 郑亚军: paragraphs 0, 1, 2, 4
        assert app.selected_official == 0
        zheng = panel.report.officials[0]
        paragraphs = [m.paragraph for m in zheng.mentions]
        assert reading.cursor == paragraphs[0]
        for expected in paragraphs[1:]:
            await pilot.press("n")
            assert reading.cursor == expected
        await pilot.press("n")
        assert reading.cursor == paragraphs[0]  # wraps round
        await pilot.press("N")
        assert reading.cursor == paragraphs[-1]
        assert "郑亚军" in position(app)
        selected = [s for spans in reading._spans.values() for s in spans if s.selected]
        assert len(selected) == len(zheng.mentions)


async def test_choosing_a_later_official_moves_the_cursor_there() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.query_one(OfficialsPanel)
        await pilot.press("tab")
        names = [o.name for o in panel.report.officials]
        target = names.index("李亦军")
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        assert app.query_one(ReadingView).cursor == panel.report.officials[target].mentions[0].paragraph


async def test_clicking_an_official_selects_it() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert await pilot.click(OfficialsPanel, offset=(3, 1))
        await pilot.pause()
        assert app.selected_official == 0


async def test_n_without_a_selected_official_explains_itself() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.query_one(ReadingView).cursor == 0
        assert any("Select an official" in str(n.message) for n in app._notifications)


async def test_brackets_step_between_articles() -> None:
    app = make_app(LIBRARY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [entry.title for entry in app.query_one(ArticleList).entries]
        assert app.article.title == titles[0]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.article.title == titles[1]
        assert app.query_one(ArticleList).highlighted == 1
        await pilot.press("right_square_bracket", "right_square_bracket")
        await settle(pilot)
        assert app.article.title == titles[2]  # no wrap past the end
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert app.article.title == titles[1]
        assert app.query_one(ReadingView).cursor == 0


async def test_help_lists_every_key_and_closes() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


def test_help_table_covers_every_binding() -> None:
    from reader.ui.keys import KEYS

    listed = " ".join(keys for _, rows in KEYS for keys, _ in rows).split()
    names = {
        "question_mark": "?",
        "left_square_bracket": "[",
        "right_square_bracket": "]",
        "escape": "Esc",
        "space": "space",
        "down": "↓",
        "up": "↑",
        "home": "Home",
        "end": "End",
    }
    for widget in (ReaderApp, ReadingView):
        for binding in widget.BINDINGS:
            for key in binding.key.split(","):  # type: ignore[union-attr]
                assert names.get(key, key) in listed, key


async def test_q_quits() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_clicking_a_paragraph_moves_the_cursor_and_the_wheel_scrolls() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        document = reading.document
        second = document.paragraph_first_line[1]
        # +1 for the top border of the pane
        assert await pilot.click(ReadingView, offset=(10, second + 1))
        assert reading.cursor == 1
        # Pilot has no wheel helper; this routes a wheel event through the screen as a terminal would.
        for _ in range(3):
            await pilot._post_mouse_events([events.MouseScrollDown], ReadingView, offset=(10, 10))
        await pilot.pause()
        assert reading.scroll_offset.y > 0


async def test_a_bad_file_in_the_library_is_listed_not_fatal(tmp_path: Path) -> None:
    for path in LIBRARY.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "0-broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        entries = app.query_one(ArticleList).entries
        assert entries[0].error is not None and "0-broken.txt" in entries[0].error
        assert app.article is not None and app.article.title == entries[1].title
        await pilot.press("enter")  # the broken one is highlighted? no: the open one is
        await settle(pilot)
        await pilot.press("escape", "home", "enter")
        await settle(pilot)
        assert app.article.title == entries[1].title  # still reading; an error was shown
        assert any("0-broken.txt" in str(n.message) for n in app._notifications)


async def test_an_empty_folder_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.article is None
        assert "No articles" in app.query_one(ReadingView).empty_message


@pytest.mark.parametrize("theme", ["ink", "paper"])
async def test_each_bundled_theme_applies(theme: str) -> None:
    app = make_app(theme=theme)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == theme


async def test_a_huge_article_lays_out_in_the_background(tmp_path: Path) -> None:
    paragraph = "市长张三在会上指出，要扎实推进各项工作，确保任务落到实处。" * 10
    path = tmp_path / "huge.txt"
    path.write_text("很长的文章\n" + "\n".join([paragraph] * 1000) + "\n", encoding="utf-8")
    app = make_app(tmp_path, open_file=path)
    async with app.run_test(size=SIZE) as pilot:
        reading = app.query_one(ReadingView)
        await settle(pilot)
        assert reading.document is not None
        assert reading.paragraph_count == 1000
        await pilot.press("G")
        await pilot.pause()
        assert reading.cursor == 999 and position(app) == "¶ 1000/1000"
        first = reading.document.paragraph_first_line[999]
        assert (
            reading.scroll_offset.y
            <= first
            < reading.scroll_offset.y + reading.scrollable_content_region.height
        )
