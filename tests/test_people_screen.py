"""The People screen and the person view (issue 15), in the real app on made-up articles.

Each test waits for the person index's own background phase (`settle(pilot, people=True)`),
then drives the screens by keys as a user would.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from reader import locations
from reader.people.model import PersonSummary
from reader.people.query import LiveFilter, PeopleList, narrows
from reader.ui.app import ReaderApp
from reader.ui.screens.people import PeopleScreen
from reader.ui.screens.person import PersonScreen, monthly_series
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.people_table import PeopleTable, row_text
from reader.ui.widgets.reading_view import ReadingView

from .pilot import messages, settle

SIZE = (120, 40)


def write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "a.md", "---\ntitle: 一\ndate: 2020-03-05\n---\n\n甘肃省渭源县县长李明主持会议。\n")
    write(folder, "b.md", "---\ntitle: 二\ndate: 2020-03-20\n---\n\n广东省佛山市局长李明出席。\n")
    write(folder, "c.md", "---\ntitle: 三\ndate: 2020-04-02\n---\n\n渭源县县长李明调研。市长柳鹏陪同。\n")
    write(
        folder,
        "d.md",
        "---\ntitle: 四\ndate: 2021-01-08\n---\n\n"
        "渭源县人大常委会召开第三次会议。\n\n会议听取了有关报告。\n\n"
        "7日，渭源县人大常委会召开会议，决定任命柳鹏为渭源县人民政府副县长。\n",
    )
    return folder


def names(app: ReaderApp) -> list[str]:
    return [row.name for row in app.screen.query_one(PeopleTable).rows]


async def open_people(pilot) -> PeopleScreen:  # type: ignore[no-untyped-def]
    await settle(pilot, people=True)
    await pilot.press("P")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PeopleScreen)
    return screen


async def test_the_people_screen_lists_filters_as_one_types_and_sorts(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_people(pilot)
        assert sorted(names(app)) == ["李明", "李明", "柳鹏"]
        rows = screen.query_one(PeopleTable).rows
        assert [row.articles for row in rows] == sorted((row.articles for row in rows), reverse=True)
        await pilot.press(*"liu")
        assert names(app) == ["柳鹏"]
        await pilot.press("backspace", "backspace", "backspace", *"佛山")
        assert names(app) == ["李明"]
        assert app.screen.query_one(PeopleTable).rows[0].latest_post.startswith("广东")
        await pilot.press("ctrl+u", *"xian zhang")  # a post's words, in pinyin-less form: none
        assert names(app) == []
        await pilot.press("ctrl+u", *"县长")  # 渭源县县长 李明 and 渭源县人民政府副县长 柳鹏
        assert sorted(names(app)) == ["李明", "柳鹏"]
        await pilot.press(*" 甘肃")
        assert names(app) == ["李明"]
        await pilot.press("ctrl+u")
        assert len(names(app)) == 3
        await pilot.press("ctrl+o")  # by name: pinyin lǐ before liǔ
        assert screen.order == "name" and names(app) == ["李明", "李明", "柳鹏"]
        await pilot.press("ctrl+o")  # last seen first: 柳鹏 (2021) first
        assert screen.order == "last_seen" and names(app)[0] == "柳鹏"
        status = str(screen.query_one("#people-status").render())
        assert "3 persons" in status and "last seen" in status
        await pilot.press("escape")  # the filter is empty: back to the article
        assert not isinstance(app.screen, PeopleScreen)


async def test_enter_opens_the_person_view_and_an_article_at_the_mention(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await pilot.press(*"liupeng", "enter")
        await pilot.pause()
        person = app.screen
        assert isinstance(person, PersonScreen) and person.summary is not None
        assert person.summary.name == "柳鹏"
        career = [str(option.prompt) for option in person.query_one("#person-career", OptionList).options]
        assert any("市长" in line for line in career)
        assert any("◆ appointed" in line and "渭源县人民政府副县长" in line for line in career)
        together = [str(o.prompt) for o in person.query_one("#person-together", OptionList).options]
        assert len(together) == 1 and "李明" in together[0] and "×1" in together[0]
        assert person.months[0] == "2020-04" and person.months[-1] == "2021-01" and len(person.counts) == 10
        articles = person.query_one("#person-articles", OptionList)
        assert [row.path.name for row in person.articles] == ["c.md", "d.md"]
        assert app.focused is articles
        await pilot.press("down", "enter")  # d.md names 柳鹏 first in its third paragraph
        await settle(pilot)
        assert not isinstance(app.screen, (PeopleScreen, PersonScreen))
        assert app.article is not None and app.article.path.name == "d.md"
        assert app.reader.query_one(ReadingView).cursor == 2


async def test_choosing_someone_they_appear_with_opens_that_persons_view(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await pilot.press(*"liupeng", "enter")
        await pilot.pause()
        first = app.screen
        assert isinstance(first, PersonScreen) and first.summary is not None and first.summary.name == "柳鹏"
        first.query_one("#person-together", OptionList).focus()
        await pilot.press("enter")
        await pilot.pause()
        other = app.screen
        assert isinstance(other, PersonScreen) and other is not first
        assert other.summary is not None and other.summary.name == "李明"
        assert other.summary.id == first.together[0][0].id


async def test_where_else_in_the_sidebar_opens_the_officials_person(library: Path) -> None:
    app = ReaderApp(library=library, open_file=library / "c.md")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, people=True)
        panel = app.reader.query_one(OfficialsPanel)
        panel.focus()
        assert app.reading.report is not None
        index = next(i for i, o in enumerate(app.reading.report.officials) if o.name == "李明")
        panel.highlight_official(index)
        await pilot.press("w")
        await pilot.pause()
        person = app.screen
        assert isinstance(person, PersonScreen) and person.summary is not None
        # Not the 李明 of 佛山 (b.md): the one of 渭源县 that c.md names.
        assert [row.path.name for row in person.articles] == ["a.md", "c.md"]
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_exports_never_overwrite_each_other(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await pilot.press(*"li ming")
        for _ in range(2):
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
        folder = locations.exports_dir()
        stems = sorted(path.name for path in folder.iterdir())
        shown = [name for name in stems if name.startswith("people-shown-")]
        everyone = [name for name in stems if name.startswith("people-all-")]
        assert len(shown) == 4 and len(everyone) == 4  # two of each, CSV and JSON
        data = json.loads((folder / sorted(n for n in shown if n.endswith(".json"))[0]).read_text())
        assert {p["name"] for p in data["people"]} == {"李明"} and len(data["people"]) == 2
        whole = json.loads((folder / sorted(n for n in everyone if n.endswith(".json"))[0]).read_text())
        assert len(whole["people"]) == 3 and all(p["posts"] for p in whole["people"])
        assert sum("Exported to" in message for message in messages(app)) == 2
        await pilot.press("ctrl+u", *"liu", "enter")
        await pilot.pause()
        await pilot.press("x", "x")
        persons = sorted(path.name for path in folder.glob("person-*.csv"))
        assert len(persons) == 2 and persons[0].startswith("person-柳鹏-")


async def test_the_screen_waits_for_the_person_index(library: Path) -> None:
    """Opened before the phase has a list, the screen says so, then shows the list when it comes."""
    from reader.people.session import PeopleSession

    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, people=True)
        built = app.reader.people
        assert built is not None and built.listing is not None and built.done
        fresh = PeopleSession(library, built.index_file)  # as at start-up: no list yet
        screen = PeopleScreen(fresh)
        await app.push_screen(screen)
        await pilot.pause()
        assert "Building the person index" in str(screen.query_one("#people-status").render())
        assert names(app) == []
        screen.show_listing(built.listing)
        await pilot.pause()
        assert sorted(names(app)) == ["李明", "李明", "柳鹏"]
        assert screen.query_one(Input).has_focus


# -- the parts, without an app ------------------------------------------------------------------


def person(pid: str, name: str, pinyin: str, key: str, last: str | None = None) -> PersonSummary:
    return PersonSummary(pid, name, pinyin, "市长", 1, 1, "2020-01-01", last, key)


def test_a_query_that_narrows_the_last_is_looked_for_in_its_answer() -> None:
    assert narrows("li", "li q") and narrows("li q", "li qiang") and narrows("", "x")
    assert not narrows("li qiang", "li") and not narrows("liu", "li")
    rows = [person("1", "李强", "Lǐ Qiáng", "李强\nli qiang\nliqiang")]
    rows.append(person("2", "柳鹏", "Liǔ Péng", "柳鹏\nliu peng"))
    live = LiveFilter(PeopleList(rows))
    assert [p.name for p in live.set_query("l")] == ["李强", "柳鹏"]
    assert [p.name for p in live.set_query("li")] == ["李强", "柳鹏"]
    assert [p.name for p in live.set_query("li q")] == ["李强"]
    assert [p.name for p in live.set_query("liu")] == ["柳鹏"]  # not a narrowing: the whole list again
    assert [p.name for p in live.set_sort("name")] == ["柳鹏"]


def test_last_seen_sorts_the_latest_first_and_the_undated_last() -> None:
    rows = [person("1", "甲", "a", "", last=None), person("2", "乙", "b", "", last="2021-01-01")]
    rows.append(person("3", "丙", "c", "", last="2022-01-01"))
    assert [p.id for p in PeopleList(rows).sorted("last_seen")] == ["3", "2", "1"]


def test_rows_are_inert_and_fit_the_width() -> None:
    from rich.cells import cell_len

    row = person("1", "坏\x1b[2J人", "huài rén", "", last="2020-02-02")
    for width in (40, 70, 120):
        text = row_text(row, width)
        assert "\x1b" not in text and cell_len(text) == width


def test_the_monthly_series_fills_empty_months() -> None:
    assert monthly_series({"2020-11": 2, "2021-02": 1}) == (
        ["2020-11", "2020-12", "2021-01", "2021-02"],
        [2, 0, 0, 1],
    )
    assert monthly_series({}) == ([], [])


def test_the_stable_sorts_give_the_orders_the_sort_keys_define() -> None:
    import random

    from reader.people.query import SORTS, _sort_rows

    pick = random.Random(15)
    dates = [None, "2020-01-01", "2021-05-05", "2021-05-06"]
    rows = [
        PersonSummary(
            str(pick.randrange(500)),
            pick.choice("甲乙丙"),
            pick.choice(["Lǐ", "Liǔ", "li", "A"]),
            "",
            pick.randrange(4),
            pick.randrange(4),
            pick.choice(dates),
            pick.choice(dates),
            "",
        )
        for _ in range(2000)
    ]
    for by in SORTS:
        assert _sort_rows(rows, by) == sorted(rows, key=SORTS[by]), by


def test_a_backspace_finds_the_answer_it_had_and_pinyin_folds_as_unicode_does() -> None:
    import unicodedata

    from reader.people.query import fold

    rows = [person("1", "李强", "Lǐ Qiáng", "李强\nli qiang")]
    rows.append(person("2", "柳鹏", "Liǔ Péng", "柳鹏\nliu peng"))
    live = LiveFilter(PeopleList(rows))
    before = live.set_query("li")
    assert [p.name for p in live.set_query("li q")] == ["李强"]
    assert live.set_query("li") is before  # remembered, not searched again
    for text in ("Lǐ Qiáng", "Zhèng'ēn", "ǙǗ ńňǹḿ", "柳鹏 Liǔ", "x\u0301y"):
        slow = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()
        assert fold(text) == slow


async def test_help_on_the_people_screen_lists_its_keys(library: Path) -> None:
    from reader.ui.keymap import key_label
    from reader.ui.keys import help_sections
    from reader.ui.screens.help import HelpScreen

    for screen, scope in ((PeopleScreen, "people"), (PersonScreen, "person")):
        shown = dict(row for _, rows in help_sections(scope) for row in rows)
        own = [b for b in screen.BINDINGS if getattr(b, "id", None)]
        assert own and all(key_label(b.key) in shown for b in own), scope
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await open_people(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.scope == "people"


def test_a_person_view_over_an_unreadable_index_says_so(tmp_path: Path) -> None:
    from reader.people.session import PeopleSession

    garbage = tmp_path / "index.sqlite"
    garbage.write_bytes(b"not a database" * 100)
    view = PersonScreen(PeopleSession(tmp_path, garbage), "someone")
    assert view.summary is None and view.articles == []
    assert view.problem is not None and view.problem.startswith("The person index cannot be read now")
    assert view._head().plain == view.problem
