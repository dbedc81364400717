"""OfficialTimelineScreen in a small harness app (the real app wires it later)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.widgets import OptionList, Static

from reader.library import Appearance, LibraryIndex
from reader.ui.screens.timeline import (
    FilterByOfficial,
    OfficialTimelineScreen,
    appearance_prompt,
    post_runs,
    timeline_summary,
)


def appearance(n: int, date: str, titles: tuple[str, ...], mentions: int = 1, first: int = 0) -> Appearance:
    return Appearance(Path(f"/lib/{n}.txt"), f"文章{n}", date, titles, mentions, first)


ROWS = [
    appearance(1, "2015-06-19", ("嘉峪关市委副书记", "市长"), 2, 0),
    appearance(2, "2016-01-05 08:30", ("嘉峪关市委副书记", "市长"), 1, 3),
    appearance(3, "2018-03-01", ("省长",), 4, 1),
    appearance(4, "", ("省长",), 1, 0),
]


class TimelineApp(App[None]):
    def __init__(self, name: str, rows: list[Appearance]) -> None:
        super().__init__()
        self._name, self._rows = name, rows
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(OfficialTimelineScreen(self._name, self._rows), self.results.append)


def rendered_rows(app: App) -> list[str]:
    options = app.screen.query_one("#timeline-rows", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def test_runs_of_posts_and_the_one_line_summary() -> None:
    runs = post_runs(ROWS)
    assert [(run.posts, run.first_year, run.last_year, run.articles) for run in runs] == [
        (("嘉峪关市委副书记", "市长"), "2015", "2016", 2),
        (("省长",), "2018", "2018", 2),  # the undated article does not stretch the years
    ]
    assert timeline_summary("柳鹏", ROWS) == "柳鹏: 嘉峪关市委副书记、市长 in 2015–2016 → 省长 in 2018"
    assert timeline_summary("柳鹏", []).startswith("柳鹏: no article")
    assert timeline_summary("某", [appearance(1, "", ())]) == "某: — (undated)"


def test_a_post_given_again_after_another_is_a_new_change() -> None:
    rows = [appearance(1, "2015-01-01", ("市长",)), appearance(2, "2016-01-01", ("书记",))]
    rows.append(appearance(3, "2017-01-01", ("市长",)))
    assert timeline_summary("甲", rows) == "甲: 市长 in 2015 → 书记 in 2016 → 市长 in 2017"


def test_a_long_career_is_summarised_with_a_count_of_the_rest() -> None:
    rows = [appearance(n, f"{2000 + n}-01-01", (f"职务{n}",)) for n in range(12)]
    summary = timeline_summary("乙", rows)
    assert summary.count("→") == 8 and summary.endswith("… 4 more changes")


def test_rows_show_date_posts_mentions_title_and_mark_a_change_of_post() -> None:
    first = appearance_prompt(ROWS[0], changed=True)
    same = appearance_prompt(ROWS[1], changed=False)
    assert first.plain.startswith("2015-06-19 ● 嘉峪关市委副书记、市长")
    assert "×2" in first.plain and first.plain.endswith("文章1")
    assert " │ " in same.plain and "●" not in same.plain
    assert appearance_prompt(appearance(9, "", ()), True).plain.startswith("undated    ● —")


def test_untrusted_text_is_inert() -> None:
    row = Appearance(Path("/a.txt"), "坏\x1b[2J标题", "2020-01-01", ("市\x1b]52;c;eA==\x07长",), 1, 0)
    prompt = appearance_prompt(row, True)
    assert "\x1b" not in prompt.plain and "\x07" not in prompt.plain
    assert not prompt.spans or all(isinstance(span.style, str) for span in prompt.spans)


async def test_the_screen_lists_oldest_first_and_enter_opens_at_the_first_mention() -> None:
    app = TimelineApp("柳鹏", ROWS)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, OfficialTimelineScreen)
        summary = str(screen.query_one("#timeline-summary", Static).render())
        assert "柳鹏: 嘉峪关市委副书记、市长 in 2015–2016 → 省长 in 2018" in summary
        rows = rendered_rows(app)
        assert [row[:10].strip() for row in rows] == ["2015-06-19", "2016-01-05", "2018-03-01", "undated"]
        assert ["●" in row for row in rows] == [True, False, True, False]
        assert app.focused is screen.query_one("#timeline-rows")
        await pilot.press("down", "down", "enter")
        await pilot.pause()
    assert app.results == [(Path("/lib/3.txt"), 1)]


async def test_f_filters_the_library_and_escape_closes() -> None:
    app = TimelineApp("柳鹏", ROWS)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert not isinstance(app.screen, OfficialTimelineScreen)
        app.push_screen(OfficialTimelineScreen("柳鹏", ROWS), app.results.append)
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [FilterByOfficial("柳鹏"), None]


async def test_an_empty_timeline_opens_nothing() -> None:
    app = TimelineApp("无名", [])
    async with app.run_test(size=(100, 20)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, OfficialTimelineScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_rows_from_a_real_index(tmp_path: Path) -> None:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "xwlb_20150619_01.txt").write_text(
        "会议\n嘉峪关市委副书记、市长柳鹏主持会议。\n柳鹏指出，要抓好工作。\n", encoding="utf-8"
    )
    (folder / "xwlb_20180301_02.txt").write_text(
        "调研\n新闻导语。\n省长柳鹏到嘉峪关调研。\n", encoding="utf-8"
    )
    with LibraryIndex(folder, path=tmp_path / "index.sqlite3") as index:
        index.refresh()
        rows = index.timeline("柳鹏")
    app = TimelineApp("柳鹏", rows)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        summary = str(app.screen.query_one("#timeline-summary", Static).render())
        assert "柳鹏: 嘉峪关市委副书记、市长 in 2015 → 省长 in 2018" in summary
        await pilot.press("down", "enter")
        await pilot.pause()
    assert app.results == [(folder / "xwlb_20180301_02.txt", 1)]
