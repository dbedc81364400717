"""LibraryTable and SearchScreen in small harness apps (the real app wires them later)."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult

from reader.library import LibraryEntry, LibraryIndex, SearchHit
from reader.ui.screens.search import SearchScreen, hit_prompt
from reader.ui.widgets.library_table import LibraryTable, progress_mark, sort_entries


def entry(n: int, date: str = "", source: str = "", title: str | None = None) -> LibraryEntry:
    return LibraryEntry(
        Path(f"/lib/{n:06d}.txt"), title or f"文章{n}", date[:10], source, date_key=date, paragraphs=5
    )


ENTRIES = [
    entry(1, "2015-06-19T13:57", "嘉峪关日报", "乙 国防动员"),
    entry(2, "2020-01-01T00:00", "央视网", "甲 新年贺词"),
    entry(3, "", "", "丙 无日期"),
    entry(4, "2018-03-01T00:00", "央视网", "丁 港务区"),
]


class TableApp(App[None]):
    def __init__(self, entries: list[LibraryEntry], progress=None) -> None:
        super().__init__()
        self.entries = entries
        self.progress = progress
        self.opened: list[LibraryEntry] = []

    def compose(self) -> ComposeResult:
        yield LibraryTable(self.entries, progress=self.progress, id="table")

    def on_library_table_open(self, event: LibraryTable.Open) -> None:
        self.opened.append(event.entry)


def test_sorting_newest_first_by_title_and_by_outlet() -> None:
    rows = list(ENTRIES)
    sort_entries(rows, "date")
    assert [e.title for e in rows] == ["甲 新年贺词", "丁 港务区", "乙 国防动员", "丙 无日期"]
    sort_entries(rows, "outlet")
    assert [e.source for e in rows] == ["嘉峪关日报", "央视网", "央视网", ""]
    assert [e.title for e in rows][1:3] == ["甲 新年贺词", "丁 港务区"]
    sort_entries(rows, "title")  # by pinyin (issue 14): bing3, ding1, jia3, yi3
    assert [e.title for e in rows] == ["丙 无日期", "丁 港务区", "甲 新年贺词", "乙 国防动员"]


def test_progress_marks() -> None:
    assert [progress_mark(p) for p in (None, 0.1, 0.5, 0.9, 1.0)] == ["·", "◔", "◑", "◕", "✓"]


async def test_table_opens_the_row_under_the_cursor_and_cycles_sort() -> None:
    app = TableApp(ENTRIES)
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(LibraryTable)
        table.focus()
        assert table.current.title == "甲 新年贺词"
        await pilot.press("j", "enter")
        assert [e.title for e in app.opened] == ["丁 港务区"]
        await pilot.press("o")  # by title; the cursor stays on the same article
        assert table.order == "title" and table.current.title == "丁 港务区"
        assert table.index_of(Path("/lib/000004.txt")) == table.cursor
        await pilot.press("o", "o")
        assert table.order == "date"


async def test_table_draws_title_date_outlet_and_mark() -> None:
    app = TableApp(ENTRIES, progress=lambda e: 1.0 if e.title.startswith("甲") else None)
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(LibraryTable)
        first = "".join(segment.text for segment in table.render_line(0))
        assert first.startswith("✓ 甲 新年贺词") and "2020-01-01" in first and "央视网" in first
        second = "".join(segment.text for segment in table.render_line(1))
        assert second.startswith("· 丁 港务区")


async def test_table_scrolls_a_hundred_thousand_rows() -> None:
    rows = [entry(n, f"20{n % 100:02d}-01-01T00:00") for n in range(100_000)]
    app = TableApp(rows)
    async with app.run_test(size=(60, 20)) as pilot:
        table = app.query_one(LibraryTable)
        table.focus()
        await pilot.press("G")
        await pilot.pause()
        assert table.cursor == 99_999
        assert table.scroll_offset.y >= 99_999 - table.scrollable_content_region.height
        last = "".join(
            segment.text for segment in table.render_line(table.cursor - int(table.scroll_offset.y))
        )
        assert table.current.title in last
        await pilot.press("g", "pagedown")
        assert table.cursor > 5
        assert table.virtual_size.height == 100_000


async def test_table_add_entries_keeps_the_cursor_on_its_article_and_replaces_by_path() -> None:
    app = TableApp(ENTRIES[:2])
    async with app.run_test(size=(80, 10)):
        table = app.query_one(LibraryTable)
        table.highlighted = table.index_of(Path("/lib/000001.txt"))
        table.add_entries([ENTRIES[3], entry(1, "2015-06-19T13:57", "嘉峪关日报", "乙 改过的标题")])
        assert len(table.entries) == 3
        assert table.current.title == "乙 改过的标题"


async def test_table_click_opens() -> None:
    app = TableApp(ENTRIES)
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.click(LibraryTable, offset=(5, 1))
        assert [e.title for e in app.opened] == ["丁 港务区"]


def test_control_characters_in_titles_never_reach_the_terminal() -> None:
    hit = SearchHit(Path("/a.txt"), "坏\x1b[31m标题", "2020-01-01", 0, "前\x1b]0;x\x07后", ((0, 1),), 0, 1)
    assert "\x1b" not in hit_prompt(hit).plain and "\x07" not in hit_prompt(hit).plain


# -- search screen ----------------------------------------------------------------------------


class SearchApp(App[None]):
    def __init__(self, search, query: str = "") -> None:
        super().__init__()
        self._search = search
        self._query = query
        self.results: list[object] = []

    def on_mount(self) -> None:
        self.push_screen(SearchScreen(self._search, self._query), self.results.append)


def library_index(tmp_path: Path) -> LibraryIndex:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "xwlb_20150619_01.txt").write_text(
        "国防动员会议\n嘉峪关市委副书记、市长柳鹏主持会议。\n会议要求做好国防动员工作。\n", encoding="utf-8"
    )
    (folder / "xwlb_20180301_02.txt").write_text("调研\n省长柳鹏到嘉峪关调研。\n", encoding="utf-8")
    index = LibraryIndex(folder, path=tmp_path / "index.sqlite3")
    index.refresh_text()
    return index


async def test_search_screen_enter_opens_the_first_hit_at_its_paragraph(tmp_path: Path) -> None:
    index = library_index(tmp_path)
    app = SearchApp(index.search)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"国防动员工作", "enter")
        await pilot.pause()
    index.close()
    assert app.results == [(tmp_path / "library" / "xwlb_20150619_01.txt", 1)]


async def test_search_screen_shows_highlighted_snippets_and_opens_the_chosen_one(tmp_path: Path) -> None:
    index = library_index(tmp_path)
    app = SearchApp(index.search, query="柳鹏")
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert [hit.path.name for hit in screen.hits] == ["xwlb_20180301_02.txt", "xwlb_20150619_01.txt"]
        prompt = hit_prompt(screen.hits[1])
        [span] = [span for span in prompt.spans if span.style == "bold reverse"]
        assert prompt.plain[span.start : span.end] == "柳鹏"
        await pilot.press("down")
        results = screen.query_one("#search-results")
        assert app.focused is results
        await pilot.press("down")
        assert results.highlighted == 1
        await pilot.press("enter")
        await pilot.pause()
    index.close()
    assert app.results == [(tmp_path / "library" / "xwlb_20150619_01.txt", 0)]


async def test_search_screen_escape_gives_none_and_a_failing_search_is_shown() -> None:
    def broken(query: str) -> list[SearchHit]:
        raise RuntimeError("index damaged")

    app = SearchApp(broken)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("x", "enter")
        await pilot.pause()
        assert "Search failed" in str(app.screen.query_one("#search-status").render())
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]
