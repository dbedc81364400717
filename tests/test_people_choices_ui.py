"""Merging and splitting persons in the person view (issue 15), in the real app by keys.

Each choice starts the person index's background phase again; the tests wait for it
(`settle(pilot, people=True)`: the phase's end and the person views shown again).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList, SelectionList

from reader.people.overrides import choices_path, load_choices
from reader.ui.app import ReaderApp
from reader.ui.screens.people import PeopleScreen
from reader.ui.screens.person import PersonScreen
from reader.ui.screens.person_choices import MergePicker, SplitPicker
from reader.ui.widgets.people_table import PeopleTable

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
    return folder


def people_rows(app: ReaderApp) -> list[tuple[str, int]]:
    listing = app.reader.people.listing if app.reader.people else None
    assert listing is not None
    return sorted((row.name, row.articles) for row in listing.rows)


async def open_person(pilot, query: str) -> PersonScreen:  # type: ignore[no-untyped-def]
    await settle(pilot, people=True)
    await pilot.press("P", *query, "enter")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, PersonScreen) and screen.summary is not None
    return screen


def article_names(screen: PersonScreen) -> list[str]:
    return [row.path.name for row in screen.articles]


async def test_m_merges_the_person_with_one_picked_same_name_first(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        person = await open_person(pilot, "甘肃")
        assert article_names(person) == ["a.md", "c.md"]
        await pilot.press("M")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MergePicker)
        assert [row.name for row in picker.rows] == ["李明", "柳鹏"]  # the other 李明 first, not itself
        assert picker.rows[0].latest_post == "广东省佛山市局长"
        await pilot.press(*"liu")  # filtering: only 柳鹏 left; back to everyone
        assert [row.name for row in picker.rows] == ["柳鹏"]
        await pilot.press("ctrl+u", "enter")
        await settle(pilot, people=True)
        assert app.screen is person and person.pending is None
        assert article_names(person) == ["a.md", "b.md", "c.md"]
        assert person.summary is not None and person.summary.articles == 3
        assert "your merge (U forgets)" in str(person.query_one("#person-head").render())
        assert people_rows(app) == [("李明", 3), ("柳鹏", 1)]
        assert any(m.startswith("Merged 李明 with 李明") for m in messages(app))
        assert [c.kind for c in load_choices(library).items] == ["merge"]
        await pilot.press("escape")  # the People screen under it lists the merged person
        assert isinstance(app.screen, PeopleScreen)
        assert [row.articles for row in app.screen.query_one(PeopleTable).rows] == [3]  # still "甘肃"
        assert "1 of 2 persons" in str(app.screen.query_one("#people-status").render())


async def test_a_splits_off_the_articles_chosen_by_post_and_u_forgets(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        person = await open_person(pilot, "甘肃")
        await pilot.press("A")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, SplitPicker)
        rows: SelectionList[str] = picker.query_one(SelectionList)
        values = [rows.get_option_at_index(i).value for i in range(rows.option_count)]
        assert values[:2] == ["post:0", "post:1"] and "place:甘肃" in values
        assert values[-2:] == ["article:a.md", "article:c.md"]
        await pilot.press("enter")  # nothing chosen: refused
        assert app.screen is picker
        # The post 渭源县县长 (printed by c.md alone) chooses its article.
        rows.highlighted = values.index("post:1")
        await pilot.press("space")
        assert picker.chosen() == {"c.md"}
        assert "1 of 2 articles chosen" in str(picker.query_one("#split-status").render())
        rows.highlighted = values.index("article:a.md")
        await pilot.press("space", "enter")  # every article: refused, nothing is left
        assert app.screen is picker
        await pilot.press("space", "enter")
        await settle(pilot, people=True)
        assert app.screen is person and article_names(person) == ["a.md"]  # the view keeps the rest
        assert people_rows(app) == [("李明", 1), ("李明", 1), ("李明", 1), ("柳鹏", 1)]
        assert [c.kind for c in load_choices(library).items] == ["split"]
        await pilot.press("U")
        await settle(pilot, people=True)
        assert article_names(person) == ["a.md", "c.md"]
        assert "your" not in str(person.query_one("#person-head").render())
        assert people_rows(app) == [("李明", 1), ("李明", 2), ("柳鹏", 1)]
        assert load_choices(library).items == ()
        await pilot.press("U")
        assert "No merge or split choice of yours is about this person" in messages(app)[-1]


async def test_undo_in_the_palette_and_choices_kept_across_a_new_session(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        person = await open_person(pilot, "甘肃")
        await pilot.press("M", "enter")
        await settle(pilot, people=True)
        assert person.summary is not None and person.summary.articles == 3
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"undo my last")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot, people=True)
        assert app.screen is person and article_names(person) == ["a.md", "c.md"]
        assert load_choices(library).items == ()
        await pilot.press("M", "enter")  # merged again, and kept for the next session
        await settle(pilot, people=True)
    again = ReaderApp(library=library)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot, people=True)
        assert people_rows(again) == [("李明", 3), ("柳鹏", 1)]


async def test_an_unreadable_choices_file_is_one_notice_and_the_rules_answer(library: Path) -> None:
    path = choices_path(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"choices": [{"kind": "merge"', encoding="utf-8")
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        person = await open_person(pilot, "甘肃")
        assert sum("are ignored" in m for m in messages(app)) == 1
        assert people_rows(app) == [("李明", 1), ("李明", 2), ("柳鹏", 1)]
        await pilot.press("M", "enter")  # a new choice: the broken file is kept aside, not lost
        await settle(pilot, people=True)
        assert article_names(person) == ["a.md", "b.md", "c.md"]
        assert any("kept as" in m for m in messages(app))
        kept = [p for p in path.parent.iterdir() if ".unreadable-" in p.name]
        assert len(kept) == 1 and kept[0].read_text(encoding="utf-8").startswith('{"choices"')


async def test_merging_from_the_people_screens_palette(library: Path) -> None:
    app = ReaderApp(library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot, people=True)
        await pilot.press("P", *"佛山")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        commands = [text for text, _run, _help in screen.palette_commands()]
        assert commands[0] == "Merge 李明 with another person…"
        screen.action_merge()
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, MergePicker) and picker.rows[0].latest_post == "渭源县县长"
        assert picker.query_one(OptionList).highlighted == 0
        await pilot.press("enter")
        await settle(pilot, people=True)
        assert app.screen is screen
        assert [row.articles for row in screen.query_one(PeopleTable).rows] == [3]


def test_merge_candidates_put_the_same_name_then_the_surname_first() -> None:
    from reader.people.model import PersonSummary
    from reader.people.query import LiveFilter, PeopleList
    from reader.ui.screens.person_choices import merge_candidates

    def person(pid: str, name: str, articles: int) -> PersonSummary:
        return PersonSummary(pid, name, "", "", articles, articles, None, None, name)

    rows = [
        person("1", "普京", 9),
        person("2", "弗拉基米尔·普京", 1),
        person("3", "李强", 50),
        person("4", "普京", 2),
        person("5", "普拉博沃", 3),
    ]
    everyone = PeopleList(rows)
    order = [row.id for row in merge_candidates(everyone, rows[0])]
    assert order == ["4", "2", "5", "3"]  # itself left out; the rest by articles within each rank
    live = LiveFilter(everyone)
    assert [row.id for row in merge_candidates(live, rows[0], "普")] == ["4", "2", "5"]
    assert [row.id for row in merge_candidates(live, rows[0], "普拉")] == ["5"]
