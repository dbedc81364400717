"""Pilot tests: every key of the reading screen, as a user presses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events

from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.library_table import LibraryTable
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView

from .conftest import BUNDLED_ARTICLE, REPO
from .pilot import settle

SIZE = (120, 40)
LIBRARY = Path(__file__).parent / "fixtures" / "library"


def make_app(
    library: Path = REPO / "articles", open_file: Path | None = None, theme: str = "ink"
) -> ReaderApp:
    themes, _ = discover_themes()
    return ReaderApp(library=library, open_file=open_file, theme_specs=themes, theme_name=theme)


def position(app: ReaderApp) -> str:
    return str(app.query_one("#position").render())


async def test_bundled_library_opens_with_article_and_nine_officials() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(app.query_one(LibraryTable).entries) == 1
        reading = app.query_one(ReadingView)
        assert reading.article is not None and reading.paragraph_count == 9
        panel = app.query_one(OfficialsPanel)
        assert panel.report is not None
        assert [o.name for o in panel.report.officials][:3] == ["郑亚军", "习近平", "柳鹏"]
        assert len(panel.report.officials) == 9
        assert app.focused is reading  # the article is shown: keys go to it (issue #14)
        assert position(app) == "¶ 1/9"


async def test_enter_in_the_list_opens_the_article_in_the_reading_view() -> None:
    app = make_app(LIBRARY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "down", "enter")  # the list is one Escape away
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
        order = [app.query_one(LibraryTable), app.query_one(ReadingView), app.query_one(OfficialsPanel)]
        assert app.focused is order[1]  # the article opened on its own has the keys
        await pilot.press("shift+tab")
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
        assert app.reading.selected_official == 0
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
        kinds = [span.kind for span in reading.spans]
        assert kinds.count("mention-selected") == len(zheng.mentions)
        assert kinds.count("mention-current") == 1


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
        assert app.reading.selected_official == 0


async def test_n_without_a_selected_official_explains_itself() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert app.query_one(ReadingView).cursor == 0
        assert any("Nothing to step through" in str(n.message) for n in app.notified)


async def test_brackets_step_between_articles() -> None:
    app = make_app(LIBRARY)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [entry.title for entry in app.query_one(LibraryTable).entries]
        assert app.article.title == titles[0]
        await pilot.press("right_square_bracket")
        await settle(pilot)
        assert app.article.title == titles[1]
        assert app.query_one(LibraryTable).highlighted == 1
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
    from reader.ui.keymap import key_label
    from reader.ui.keys import help_sections

    # Every binding of every pane, with the keys it really has, is on the help screen of
    # that pane: the help is built from the same table, so this fails if one drifts.
    panes = {ReaderApp: "app", ReadingView: "reader", LibraryTable: "list", OfficialsPanel: "officials"}
    for widget, scope in panes.items():
        shown = dict(row for _, rows in help_sections(scope) for row in rows)
        own = [binding for binding in widget.BINDINGS if binding.id and binding.id.startswith(f"{scope}.")]
        assert own, widget
        for binding in own:
            assert key_label(binding.key) in shown, (binding.id, binding.key)
            assert shown[key_label(binding.key)], binding.id
    help_keys = dict(row for _, rows in help_sections("reader") for row in rows)
    for readable in ("j  ↓", "k  ↑", "space", "b", "g  home", "G  end", "-", "+  =", "?  F1", "/", "[", "]"):
        assert readable in help_keys, readable
    assert HelpScreen.BINDINGS[0].id == "help.close"
    # Textual's own keys (Tab, Enter, the mouse) are listed too.
    assert "Tab  Shift+Tab" in help_keys and "click" in help_keys


def test_help_shows_remapped_keys_where_the_user_put_them() -> None:
    from reader.ui.keys import help_sections

    sections = help_sections("reader", {"reader.next_paragraph": "ctrl+n"})
    shown = dict(row for _, rows in sections for row in rows)
    assert shown.get("ctrl+n") == "next paragraph"
    assert "j  ↓" not in shown


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
        # Pilot has no wheel helper: the wheel events go to the app as the terminal's driver
        # sends them (screen coordinates, no widget), and the screen routes them.
        x, y = reading.region.x + 10, reading.region.y + 10
        for _ in range(3):
            wheel = events.MouseScrollDown(None, x, y, 0, 1, 0, False, False, False, screen_x=x, screen_y=y)
            app.post_message(wheel)
        await pilot.pause()
        assert reading.scroll_offset.y > 0


async def test_a_bad_file_in_the_library_is_listed_not_fatal(tmp_path: Path) -> None:
    for path in LIBRARY.iterdir():
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "0-broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        entries = app.query_one(LibraryTable).entries
        # Newest first: the broken file has no date, so it is listed last.
        assert entries[-1].error is not None and "0-broken.txt" in entries[-1].error
        assert app.article is not None and app.article.title == entries[0].title
        await pilot.press("enter")  # the broken one is highlighted? no: the open one is
        await settle(pilot)
        await pilot.press("escape", "end", "enter")
        await settle(pilot)
        assert app.article.title == entries[0].title  # still reading; an error was shown
        assert any("0-broken.txt" in str(n.message) for n in app.notified)


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


async def test_the_start_theme_is_in_force_from_the_first_read_of_the_stylesheet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual.app import App
    from textual.color import Color

    from reader.preferences import load_preferences

    refreshes: list[bool] = []
    refresh_css = App.refresh_css
    monkeypatch.setattr(
        App, "refresh_css", lambda app, *a, **k: (refreshes.append(True), refresh_css(app, *a, **k))
    )
    app = make_app(theme="paper")  # a light theme: the default is dark
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        paper = app.current_theme
        assert app.theme == "paper" and app.has_class("-light-mode", "-theme-paper")
        assert not app.has_class("-dark-mode")
        assert app.screen.styles.background == Color.parse(paper.background or "")
        mention = app.query_one(ReadingView).get_component_styles("reading-view--mention")
        assert mention.color == Color.parse(paper.variables["reader-mention"])  # a reader variable
        assert refreshes == []  # the stylesheet was read once, with paper's colours
        app.theme = "ink"  # a theme the user picks is applied and remembered
        await settle(pilot)
        assert refreshes and app.has_class("-dark-mode", "-theme-ink")
        assert not app.has_class("-theme-paper")
    assert load_preferences()[0].theme == "ink"


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


async def test_search_jumps_counts_steps_and_clears() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        await pilot.press("slash")
        assert app.focused is app.query_one("#search")
        await pilot.press(*"国防教育", "enter")
        await pilot.pause()
        paragraphs = [
            i for i, text in enumerate(app.article.paragraphs) for _ in range(text.count("国防教育"))
        ]
        assert len(paragraphs) >= 3
        assert app.focused is reading
        assert reading.cursor == paragraphs[0]
        assert f"「国防教育」 1/{len(paragraphs)}" in position(app)
        await pilot.press("n")
        assert reading.cursor == paragraphs[1]
        assert f"「国防教育」 2/{len(paragraphs)}" in position(app)
        await pilot.press("N", "N")
        assert reading.cursor == paragraphs[-1]  # wraps round backwards
        matches = [s for s in reading.spans if s.kind.startswith("match")]
        assert len([s for s in matches if s.kind == "match"]) == len(paragraphs)
        assert len([s for s in matches if s.kind == "match-current"]) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert app.reading.search_trail is None and "「" not in position(app)
        assert not any(s.kind.startswith("match") for s in reading.spans)
        assert not app.query_one("#search").display
        await pilot.press("escape")
        assert app.focused is app.query_one(LibraryTable)


async def test_search_finds_a_phrase_the_layout_split_across_lines() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=(70, 30)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        paragraph = app.article.paragraphs[2]
        # a phrase of four Chinese characters that straddles the end of a laid-out line
        ends = [line.end for line in reading.document.lines if line.kind == "body" and line.paragraph == 2]
        phrase = next(
            paragraph[end - 2 : end + 2]
            for end in ends
            if len(paragraph[end - 2 : end + 2]) == 4
            and all("\u4e00" <= char <= "\u9fff" for char in paragraph[end - 2 : end + 2])
            and sum(text.count(paragraph[end - 2 : end + 2]) for text in app.article.paragraphs) == 1
        )
        await pilot.press("slash", *phrase, "enter")
        await pilot.pause()
        assert app.reading.search_trail is not None
        assert app.reading.search_trail.targets[app.reading.search_trail.index][0] == 2
        assert app.query_one(ReadingView).cursor == 2


async def test_search_with_no_match_says_so_and_n_keeps_stepping_the_official() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "enter")  # 郑亚军
        await pilot.press("slash", *"不存在的词", "enter")
        await pilot.pause()
        assert any("No match" in str(n.message) for n in app.notified)
        await pilot.press("escape")  # closes the bar
        assert app.focused is app.query_one(ReadingView)
        await pilot.press("n")
        assert app.reading.trail is app.reading.official_trail and "郑亚军 2/4" in position(app)


async def test_the_last_trail_set_off_is_the_one_n_steps() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"国防", "enter")
        await pilot.pause()
        assert "「国防」" in position(app)
        await pilot.press("tab", "enter")  # choose 郑亚军 in the sidebar
        await pilot.pause()
        assert app.reading.trail is app.reading.official_trail and "郑亚军 1/4" in position(app)
        await pilot.press("n")
        assert "郑亚军 2/4" in position(app)


async def test_others_group_starts_collapsed_and_opens() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.query_one(OfficialsPanel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any("Also named (1)" in prompt for prompt in prompts)
        assert not any("赵明霞" in prompt for prompt in prompts)
        await pilot.press("tab", "end", "enter")
        await pilot.pause()
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any("赵明霞" in prompt and "记者" in prompt for prompt in prompts)
        assert app.reading.selected_official is None  # toggling the group selects nobody


async def test_resize_re_lays_out_and_keeps_the_cursor_in_view() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        await pilot.press("j", "j", "j", "j", "j", "j")
        wide = reading.document
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        narrow = reading.document
        assert narrow.width < wide.width and len(narrow.lines) > len(wide.lines)
        assert reading.cursor == 6
        first = narrow.paragraph_first_line[6]
        top = reading.scroll_offset.y
        assert top <= first < top + reading.scrollable_content_region.height


async def test_minus_and_plus_change_the_text_column() -> None:
    app = make_app(open_file=BUNDLED_ARTICLE)
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        assert reading.document.width == 80  # the default measure, centred in a wide pane
        await pilot.press("minus", "minus")
        assert reading.document.width == 72
        await pilot.press("plus")
        assert reading.document.width == 76
