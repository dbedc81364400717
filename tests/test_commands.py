"""The command palette: reader's commands reach the app's actions, and file text stays text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.command import CommandList, CommandPalette
from textual.screen import Screen

from reader.library import LibraryEntry
from reader.officials.model import Mention, Official, OfficialsReport
from reader.reading import ReadingSession
from reader.theme_files import discover_themes
from reader.ui.commands import ReaderCommands, plain_pinyin
from reader.ui.themes import to_textual_theme
from reader.ui.widgets.library_table import LibraryTable

SIZE = (100, 30)


class Target(Screen[None]):
    """The screen surface the provider relies on (the reader screen's), recording what it is asked."""

    COMMANDS = {ReaderCommands}

    def __init__(self, entries: list[LibraryEntry], report: OfficialsReport | None) -> None:
        super().__init__()
        self.entries = entries
        self.reading = ReadingSession()
        self.reading.report = report
        self.calls: list[tuple[str, Any]] = []

    def compose(self) -> ComposeResult:
        yield LibraryTable(id="articles")

    def on_mount(self) -> None:
        self.query_one(LibraryTable).add_entries(self.entries)

    def action_open_article_by_path(self, path: Path) -> None:
        self.calls.append(("open", path))

    def action_jump_to_official(self, index: int) -> None:
        self.calls.append(("jump", index))

    def action_search(self) -> None:
        self.calls.append(("search", None))

    def action_search_library(self) -> None:
        self.calls.append(("search_library", None))

    def action_clear_filter(self) -> None:
        self.calls.append(("clear_filter", None))

    def show_timeline(self, name: str) -> None:
        self.calls.append(("timeline", name))

    def show_person(self, name: str, article: Path | None) -> None:
        self.calls.append(("person", name))

    def action_people(self) -> None:
        self.calls.append(("people", None))

    def action_toggle_sidebar(self) -> None:
        self.calls.append(("sidebar", None))


class Harness(App[None]):
    """An app whose screen is the provider's target."""

    def __init__(self, entries: list[LibraryEntry], report: OfficialsReport | None) -> None:
        super().__init__()
        self.target = Target(entries, report)

    @property
    def calls(self) -> list[tuple[str, Any]]:
        return self.target.calls

    def get_default_screen(self) -> Screen[None]:
        return self.target

    def on_mount(self) -> None:
        themes, _ = discover_themes()
        for spec in themes.values():
            self.register_theme(to_textual_theme(spec))
        self.theme = "ink"


def make_app() -> Harness:
    entries = [
        LibraryEntry(Path("/lib/a.txt"), "嘉峪关:全市国防动员委员会全体会议召开", "2015-06-19", "中国甘肃网"),
        LibraryEntry(Path("/lib/b.txt"), "[bold red]不是标记[/] 市长调研教育工作"),
        LibraryEntry(Path("/lib/c.txt"), "坏文件", error="c.txt: cannot decode"),
    ]
    report = OfficialsReport(
        officials=[
            Official("郑亚军", ["市委书记"], [Mention(0, 0, 3)]),
            Official("柳鹏", ["嘉峪关市委副书记", "市长"], [Mention(5, 11, 13), Mention(7, 0, 2)]),
        ]
    )
    return Harness(entries, report)


async def run_command(pilot, query: str) -> list[str]:
    """Open the palette, type `query`, wait for hits; returns the prompts shown."""
    pilot.app.action_command_palette()
    await pilot.pause()
    return await palette_hits(pilot, query)


async def palette_hits(pilot, query: str) -> list[str]:
    """Type `query` into the open palette and wait for its hits; returns their prompts."""
    for char in query:
        await pilot.press("space" if char == " " else char)
    command_list = pilot.app.screen.query_one(CommandList)
    await pilot.app.workers.wait_for_complete()  # the palette gathers its hits in a worker
    await pilot.pause()
    return [
        str(command_list.get_option_at_index(i).prompt).split("\n")[0]
        for i in range(command_list.option_count)
    ]


def test_plain_pinyin_is_what_people_type() -> None:
    assert plain_pinyin("柳鹏") == "liu peng"
    assert plain_pinyin("李天恩") == "li tianen"


async def test_jump_to_an_official_typed_in_pinyin() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        prompts = await run_command(pilot, "liu peng")
        assert prompts[0].startswith("Jump to official: 柳鹏")
        await pilot.press("enter")
        await pilot.pause()
        assert app.calls == [("jump", 1)]
        assert not CommandPalette.is_open(app)


async def test_open_an_article_by_title_skipping_unreadable_files() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        prompts = await run_command(pilot, "国防动员")
        assert prompts[0] == "Open article: 嘉峪关:全市国防动员委员会全体会议召开"
        assert not any("坏文件" in prompt for prompt in prompts)
        await pilot.press("enter")
        await pilot.pause()
        assert app.calls == [("open", Path("/lib/a.txt"))]


async def test_a_title_that_looks_like_markup_is_shown_as_text() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        prompts = await run_command(pilot, "教育工作")
        assert prompts[0] == "Open article: [bold red]不是标记[/] 市长调研教育工作"


async def test_switch_theme_search_and_sidebar() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await run_command(pilot, "theme paper")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "paper"
        await run_command(pilot, "toggle sidebar")
        await pilot.press("enter")
        await pilot.pause()
        await run_command(pilot, "search this")
        await pilot.press("enter")
        await pilot.pause()
        assert app.calls == [("sidebar", None), ("search", None)]


async def test_with_nothing_typed_the_palette_lists_commands_and_officials() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        prompts = await run_command(pilot, "")
        assert "Search this article" in prompts and "Toggle sidebar" in prompts
        assert "Switch theme: contrast" in prompts
        assert any(prompt.startswith("Jump to official: 郑亚军") for prompt in prompts)
        assert not any(prompt.startswith("Open article") for prompt in prompts)
