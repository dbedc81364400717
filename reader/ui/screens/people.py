"""The People screen: every person of the library, filtered as one types, sorted three ways.

Why it opens at once on any library: it never queries as it opens. The list of persons
was loaded and sorted by the person index's background phase (`PeopleSession.build`);
the screen shows it in a virtual table (`PeopleTable`), and each key of the filter is a
substring test over the precomputed search keys, among the last answer when the new
query narrows the last one (`LiveFilter`). While the phase runs, the screen says how far
it is and shows the list when it comes (`show_listing`, `show_progress`).

The filter box keeps the focus, so the screen's own keys are not letters: Ctrl+O sorts,
Ctrl+S exports. ↓ ↑ move in the list from the box; Enter opens the person view.
Dismissed with `(path, paragraph)`, the article the user chose in a person view, or None.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Provider
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from reader.people.build import PeopleProgress
from reader.people.model import PersonSummary
from reader.people.query import LiveFilter, PeopleList
from reader.people.session import SORTS_SHOWN, PeopleSession
from reader.textsafety import inert_line
from reader.ui.keymap import bindings_for
from reader.ui.widgets.people_table import PeopleTable, header

SORT_ORDER = SORTS_SHOWN
SORT_LABELS = {"articles": "most articles", "name": "by name (pinyin)", "last_seen": "last seen"}

ArticleChoice = tuple[Path, int] | None
"""An article to open at a paragraph, or nothing."""


def _screen_commands() -> type[Provider]:
    """The palette's provider for this screen, imported when the palette first opens."""
    from reader.ui.commands import ScreenCommands

    return ScreenCommands


class PeopleScreen(Screen[ArticleChoice]):
    """All persons of one library; Enter shows one person's view."""

    COMMANDS = {_screen_commands}
    BINDINGS = [
        *bindings_for("people"),
        Binding("down", "move('cursor_down')", show=False),
        Binding("up", "move('cursor_up')", show=False),
        Binding("pagedown", "move('page_down')", show=False),
        Binding("pageup", "move('page_up')", show=False),
    ]

    def __init__(self, people: PeopleSession, query: str = "") -> None:
        super().__init__()
        self.people = people
        self.live: LiveFilter | None = None
        self._query = query
        self.order = SORT_ORDER[0]
        self._header: tuple[int, str] | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="people-box") as box:
            box.border_title = "People"
            box.border_subtitle = Text("type to filter · ↓↑ Enter a person · ^O sort · ^S export · Esc back")
            yield Input(self._query, placeholder="name, pinyin (liu peng), post or place", id="people-filter")
            yield Static(id="people-header")
            yield PeopleTable(id="people-rows")
            yield Static(id="people-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.people.listing is not None:
            self.show_listing(self.people.listing)
        else:
            self._status()

    # -- what the background phase tells ------------------------------------------------------

    def show_listing(self, listing: PeopleList) -> None:
        """A (new) list of every person: shown with the filter and order in force."""
        self.live = LiveFilter(listing, self.order)
        self._show(self.live.set_query(self.query_one(Input).value))

    def show_progress(self, progress: PeopleProgress | None) -> None:
        self._status(progress)

    # -- filter and sort -------------------------------------------------------------------

    @on(Input.Changed, "#people-filter")
    def _filter(self, event: Input.Changed) -> None:
        if self.live is not None:
            self._show(self.live.set_query(event.value))

    @on(Input.Submitted, "#people-filter")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(PeopleTable).action_open()

    def action_cycle_sort(self) -> None:
        self.order = SORT_ORDER[(SORT_ORDER.index(self.order) + 1) % len(SORT_ORDER)]
        if self.live is not None:
            self._show(self.live.set_sort(self.order))
        else:
            self._status()

    def action_move(self, action: str) -> None:
        getattr(self.query_one(PeopleTable), f"action_{action}")()

    def _show(self, rows: list[PersonSummary]) -> None:
        self.query_one(PeopleTable).set_rows(rows)
        self._status()

    def _status(self, progress: PeopleProgress | None = None) -> None:
        table = self.query_one(PeopleTable)
        width = max(table.scrollable_content_region.width or table.size.width, 40)
        if (width, self.order) != self._header:  # not on every key: only when it changes
            self._header = (width, self.order)
            self.query_one("#people-header", Static).update(header(width, self.order))
        step = progress or self.people.progress
        parts: list[str] = []
        if self.live is None:
            parts.append(self.people.error or "Building the person index…")
        else:
            total = len(self.live.people.rows)
            shown = len(self.live.rows)
            parts.append(f"{total:,} persons" if shown == total else f"{shown:,} of {total:,} persons")
            parts.append(SORT_LABELS[self.order])
        if step is not None:
            parts.append(step.status())
        self.query_one("#people-status", Static).update(Text(" · ".join(parts)))

    def on_resize(self) -> None:
        self.call_after_refresh(self._status)

    # -- a person -----------------------------------------------------------------------

    def on_people_table_open(self, event: PeopleTable.Open) -> None:
        self.open_person(event.person.id)

    def open_person(self, person_id: str) -> None:
        from reader.ui.screens.person import PersonScreen

        self.app.push_screen(PersonScreen(self.people, person_id), self._chosen)

    def _chosen(self, result: ArticleChoice) -> None:
        if result is not None:
            self.dismiss(result)

    def action_escape(self) -> None:
        """Esc clears the filter, then goes back to the article."""
        box = self.query_one(Input)
        if box.value:
            box.value = ""
            return
        self.dismiss(None)

    # -- export -------------------------------------------------------------------------

    def action_export(self) -> None:
        """The persons shown (when filtered) and the whole index, as CSV and JSON."""
        if self.live is None:
            self.notify("The person index is not built yet", severity="warning", timeout=3)
            return
        shown = None if len(self.live.rows) == len(self.live.people.rows) else list(self.live.rows)
        self._export(shown)

    @work(thread=True, exclusive=True, group="people-export")
    def _export(self, shown: list[PersonSummary] | None) -> None:
        """In a worker, on a connection of its own: the whole index's posts take a query."""
        from reader import locations
        from reader.people.export import save_people
        from reader.people.library import open_people

        folder = locations.exports_dir()
        day = dt.date.today().isoformat()
        try:
            people = open_people(self.people.library, self.people.index_file)
            try:
                posts = people.all_posts()
            finally:
                people.conn.close()
            listing = self.live.people if self.live is not None else None
            everyone = listing.sorted("articles") if listing is not None else []
            saved = []
            if shown is not None:
                stem = save_people([(p, posts.get(p.id, [])) for p in shown], folder, f"people-shown-{day}")
                saved.append(stem.name)
            stem = save_people([(p, posts.get(p.id, [])) for p in everyone], folder, f"people-all-{day}")
            saved.append(stem.name)
        except (OSError, sqlite3.Error) as error:
            message = f"People not exported: {getattr(error, 'strerror', None) or error}"
            self.app.call_from_thread(self.notify, inert_line(message), severity="error", markup=False)
            return
        names = " and ".join(f"{name}.csv / .json" for name in saved)
        message = inert_line(f"Exported to {folder}: {names}")
        self.app.call_from_thread(self.notify, message, timeout=6, markup=False)

    # -- the user's corrections (the person view has the keys; here, the palette) ------------

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        """What the command palette offers here (reader.ui.commands.ScreenCommands)."""
        found: list[tuple[str, Callable[[], object], str]] = []
        person = self.query_one(PeopleTable).current
        if person is not None and self.people.listing is not None:
            help_text = "The grouping split one person in two: join them (the person view: M)"
            found.append((f"Merge {person.name} with another person…", self.action_merge, help_text))
        found.append(("Undo my last merge or split", self.action_undo_choice, "Drop the newest choice"))
        return found

    def action_merge(self) -> None:
        """Merge the highlighted person with one picked from a list (the same name first)."""
        from reader.ui.screens.person_choices import MergePicker

        person = self.query_one(PeopleTable).current
        if person is None or self.people.listing is None:
            return
        self.app.push_screen(
            MergePicker(self.people.listing, person), lambda other: self._merge(person, other)
        )

    def _merge(self, person: PersonSummary, other: str | None) -> None:
        from reader.people.choosing import merge_persons
        from reader.ui.screens.person_choices import keep_choice

        if other is None:
            return
        index = self.people.index
        keep_choice(
            self, lambda: merge_persons(index, [person.id, other]), f"Merged {person.name}: regrouping…"
        )

    def action_undo_choice(self) -> None:
        from reader.ui.screens.person_choices import undo_last_choice

        undo_last_choice(self, self.people.library)
