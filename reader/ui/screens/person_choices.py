"""The person view's two corrections: merge with another person, split some articles off.

Why two small modal screens: a merge needs the other person, picked from a list that puts
first the persons the grouping is likeliest to have split wrongly (the same name, then
the same surname and given name printed with a dot: 普京, 弗拉基米尔·普京), and that
filters as one types, as the People screen does; a split needs the articles that go
apart, chosen one by one or a post or a place at a time (every article printing 广东省
佛山市局长, or naming 佛山). Each returns what was picked; the person view keeps the
choice (reader.people.choosing) and asks for the regrouping. Names, posts and titles come
from files: shown as inert `Text`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, OptionList, SelectionList, Static
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from reader.people.model import CareerStep, PersonSummary, bucket_of
from reader.people.places import post_places
from reader.people.query import LiveFilter, PeopleList
from reader.textsafety import inert_line

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App

    from reader.people.overrides import Change

SHOWN = 200
"""Persons the merge list shows at most: more is never read; typing narrows it."""


def person_line(person: PersonSummary) -> Text:
    """`李明  Lǐ Míng  广东省佛山市局长  · 1 article  2020-03-20 – 2020-03-20  [2a89501384fc]`."""
    line = Text(inert_line(person.name), style="bold")
    line.append(f"  {inert_line(person.pinyin)}", style="dim")
    if person.latest_post:
        line.append(f"  {inert_line(person.latest_post)}")
    seen = f"{(person.first_seen or '?')[:10]} – {(person.last_seen or '?')[:10]}"
    plural = "" if person.articles == 1 else "s"
    line.append(f"  · {person.articles:,} article{plural}  {seen}  [{person.id}]", style="dim")
    return line


def merge_candidates(
    everyone: PeopleList | LiveFilter, person: PersonSummary, query: str = ""
) -> list[PersonSummary]:
    """Everyone but `person` matching `query`: the same bucket first (same name, or a dotted
    name and its last part), then the same surname, then the rest, most articles first.
    Given a `LiveFilter`, a query that narrows the last one looks only among its answer."""
    if isinstance(everyone, LiveFilter):
        rows = everyone.set_query(query)
    else:
        rows = everyone.filter(query, everyone.sorted("articles"))
    bucket = bucket_of(person.name)
    surname = bucket[:1]
    same: list[PersonSummary] = []
    kin: list[PersonSummary] = []
    rest: list[PersonSummary] = []
    for row in rows:
        if row.id == person.id:
            continue
        if row.name.endswith(bucket) and bucket_of(row.name) == bucket:
            same.append(row)
        elif row.name[:1] == surname:
            kin.append(row)
        else:
            rest.append(row)
    return [*same, *kin, *rest]


class MergePicker(ModalScreen[str | None]):
    """Pick the person to merge with; dismissed with their id, or None (Esc)."""

    BINDINGS = [
        Binding("escape", "close", "Cancel"),
        Binding("down", "move(1)", show=False),
        Binding("up", "move(-1)", show=False),
    ]

    def __init__(self, everyone: PeopleList, person: PersonSummary) -> None:
        super().__init__()
        self.everyone = LiveFilter(everyone, "articles")
        self.person = person
        self.rows: list[PersonSummary] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="merge-box") as box:
            box.border_title = Text(f"Merge {inert_line(self.person.name)} with…")
            box.border_subtitle = Text("type to filter · ↓↑ · Enter merge · Esc cancel")
            yield Static(person_line(self.person), id="merge-this")
            yield Input(placeholder="name, pinyin, post or place", id="merge-filter")
            yield OptionList(id="merge-rows")
            yield Static(id="merge-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._show("")

    @on(Input.Changed, "#merge-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        found = merge_candidates(self.everyone, self.person, query)
        self.rows = found[:SHOWN]
        rows = self.query_one(OptionList)
        rows.clear_options()
        rows.add_options([Option(person_line(row)) for row in self.rows])
        if self.rows:
            rows.highlighted = 0
        more = f" · the first {SHOWN}: type to narrow" if len(found) > SHOWN else ""
        self.query_one("#merge-status", Static).update(Text(f"{len(found):,} persons{more}"))

    def action_move(self, step: int) -> None:
        rows = self.query_one(OptionList)
        (rows.action_cursor_down if step > 0 else rows.action_cursor_up)()

    @on(Input.Submitted, "#merge-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self.rows):
            self.dismiss(self.rows[highlighted].id)

    @on(OptionList.OptionSelected, "#merge-rows")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.rows[event.option_index].id)

    def action_close(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True, slots=True)
class SplitArticle:
    """One article of the person: what the split list shows and what it sets apart."""

    path: str
    """Relative to the library, as the person index names it."""
    date: str
    title: str
    posts: tuple[str, ...]


def split_groups(steps: Sequence[CareerStep]) -> list[tuple[str, str, frozenset[str]]]:
    """(value, label, articles) for each post of the career and each place its posts name:
    what chooses many articles at once."""
    groups: list[tuple[str, str, frozenset[str]]] = []
    places: dict[str, set[str]] = {}
    for number, step in enumerate(steps):
        if step.kind != "post" or not step.paths:
            continue
        groups.append((f"post:{number}", f"post  {step.title}", frozenset(step.paths)))
        for place in post_places(step.title):
            places.setdefault(place, set()).update(step.paths)
    for place, paths in sorted(places.items()):
        groups.append((f"place:{place}", f"place {place}", frozenset(paths)))
    return groups


class SplitPicker(ModalScreen[frozenset[str] | None]):
    """Choose the articles whose mentions are someone else; dismissed with their paths, or None."""

    BINDINGS = [
        Binding("escape", "close", "Cancel"),
        Binding("enter", "split", "Split", priority=True),
    ]

    def __init__(self, person: PersonSummary, articles: Sequence[SplitArticle], steps: Sequence[CareerStep]):
        super().__init__()
        self.person = person
        self.articles = list(articles)
        known = {a.path for a in self.articles}
        self.groups = [(v, label, paths & known) for v, label, paths in split_groups(steps) if paths & known]
        self.members = {value: paths for value, _label, paths in self.groups}

    def compose(self) -> ComposeResult:
        with Vertical(id="split-box") as box:
            box.border_title = Text(
                f"Split {inert_line(self.person.name)}: the articles that are someone else"
            )
            box.border_subtitle = Text(
                "Space choose (a post or place: all its articles) · Enter split · Esc cancel"
            )
            selections: list[Selection[str]] = []
            for value, label, paths in self.groups:
                count = len(paths)
                prompt = Text(inert_line(label), style="bold")
                prompt.append(f"  · {count} article{'' if count == 1 else 's'}", style="dim")
                selections.append(Selection(prompt, value))
            for article in self.articles:
                prompt = Text(inert_line(article.date[:10]) or "undated", style="dim")
                prompt.append("  " + inert_line(article.title))
                if article.posts:
                    prompt.append("  · " + "、".join(inert_line(p) for p in article.posts), style="dim")
                selections.append(Selection(prompt, f"article:{article.path}"))
            yield SelectionList[str](*selections, id="split-rows")
            yield Static(id="split-status")

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()
        self._status()

    def chosen(self) -> frozenset[str]:
        """The articles chosen now."""
        values = self.query_one(SelectionList).selected
        return frozenset(v.removeprefix("article:") for v in values if v.startswith("article:"))

    @on(SelectionList.SelectionToggled, "#split-rows")
    def _toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        value = event.selection.value
        paths = self.members.get(value)
        if paths is not None:
            rows: SelectionList[str] = self.query_one(SelectionList)
            on_now = value in rows.selected
            for path in paths:
                (rows.select if on_now else rows.deselect)(f"article:{path}")

    @on(SelectionList.SelectedChanged, "#split-rows")
    def _changed(self) -> None:
        self._status()

    def _status(self) -> None:
        count = len(self.chosen())
        total = len(self.articles)
        self.query_one("#split-status", Static).update(Text(f"{count} of {total} articles chosen"))

    def action_split(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self.notify("Choose the articles to set apart first (Space)", severity="warning", timeout=3)
        elif len(chosen) == len(self.articles):
            self.notify("Leave at least one article: they cannot all be someone else", severity="warning")
        else:
            self.dismiss(chosen)

    def action_close(self) -> None:
        self.dismiss(None)


def regroup(app: App[Any]) -> bool:
    """Ask the library screen to bring the person index up to date after a choice (in the
    background, as after a refresh); False when no screen holds a person index."""
    from reader.ui.screens.people_side import PeopleSide

    for screen in app.screen_stack:
        if isinstance(screen, PeopleSide):
            screen.regroup_people()
            return True
    return False


def keep_choice(screen: Screen[Any], make: Callable[[], Change], done: str) -> Change | None:
    """Make a choice (`make` writes it), tell the user what it did, and regroup; a choice
    that cannot be kept (a wrong id, a full disk) is one notice, nothing changed."""
    import sqlite3

    from reader.people.choosing import ChoiceError, describe

    try:
        change = make()
    except ChoiceError as error:
        screen.notify(inert_line(str(error)), severity="warning", markup=False)
        return None
    except (OSError, sqlite3.Error) as error:
        screen.notify(inert_line(f"The choice was not kept: {error}"), severity="error", markup=False)
        return None
    lines = [done, *describe(change)]
    screen.notify(inert_line(" · ".join(lines)), timeout=6, markup=False)
    regroup(screen.app)
    return change


def undo_last_choice(screen: Screen[Any], library: Path) -> Change | None:
    """The palette's undo, on the People screen and in a person view: drop the library's
    newest choice, whoever it was about (a notice when there is none)."""
    from reader.people.overrides import undo_last

    change = keep_choice(
        screen, lambda: undo_last(library), "Your last merge or split is undone: regrouping…"
    )
    if change is not None and not change.dropped:
        screen.notify("No merge or split to undo", timeout=3)
    return change
