"""The people side of the library screen: the person index's background phase and its screens.

Why a mixin: the library screen owns the library and its worker; the person index is
one more phase after that worker's (`start_people`), with a worker of its own, so
reading never waits for it. This part holds the `PeopleSession` and opens the People
screen (`P`, the palette) and a person view (the sidebar's "where else", `w`); an
article chosen in either opens in the reader at its paragraph (`read`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen
from textual.worker import get_current_worker

from reader.textsafety import inert_line

if TYPE_CHECKING:
    from reader.library.session import LibrarySession
    from reader.people.build import PeopleProgress
    from reader.people.query import PeopleList
    from reader.people.session import PeopleSession
    from reader.ui.readiness import Readiness
    from reader.ui.screens.people import PeopleScreen


class PeopleSide(Screen[None]):
    """The person index of the screen's library, and the screens that show it."""

    library: Path
    ready: Readiness
    session: LibrarySession | None
    people: PeopleSession | None = None
    _people_warned: str | None = None
    _people_runs = 0

    def read(self, path: Path, paragraph: int | None = None) -> None:
        raise NotImplementedError

    def _jump(self) -> None:
        raise NotImplementedError

    def show_timeline(self, name: str) -> None:
        raise NotImplementedError

    # -- the background phase -----------------------------------------------------------

    def start_people(self) -> None:
        """After the library's refresh: bring the person index up to date, in a worker."""
        if self.session is None:
            self.ready.people.set()
            return
        try:
            index_file = self.session.index_file
        except OSError:  # no library index this session (its notice is shown already)
            self.ready.people.set()
            return
        people = self.people or self._people_session(index_file)
        if people is None:
            self.ready.people.set()
            return
        self.ready.people.clear()
        self._people_runs += 1
        self._build_people(people)

    def _people_session(self, index_file: Path | None = None) -> PeopleSession | None:
        """The session the phase fills (made early when P comes before the library is indexed:
        the screen then says it is building, and fills when the phase is done)."""
        from reader.people.session import PeopleSession  # SQLite: after the first frame

        if index_file is None:
            if self.session is None:
                return None
            try:
                index_file = self.session.index_file
            except OSError:
                return None
        self.people = PeopleSession(self.library, index_file)
        return self.people

    @work(thread=True, exclusive=True, group="people")
    def _build_people(self, people: PeopleSession) -> None:
        worker = get_current_worker()

        def call(callback: object, *args: object) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._people_if_mounted, callback, *args)

        try:
            people.build(
                lambda progress: call(self._people_progress, progress),
                lambda: worker.is_cancelled,
                lambda listing: call(self._people_listing, listing),
            )
        except Exception as error:  # a fault of the person index must never end the reading
            people.error = f"The person index could not be built: {type(error).__name__}: {error}"
        # The screens' modules, loaded here rather than on the UI thread when P is first pressed.
        import reader.ui.screens.people
        import reader.ui.screens.person  # noqa: F401

        call(self._people_done)

    def _people_if_mounted(self, callback: object, *args: object) -> None:
        if self.is_attached and callable(callback):
            callback(*args)

    def _people_screens(self) -> list[PeopleScreen]:
        from reader.ui.screens.people import PeopleScreen

        return [screen for screen in self.app.screen_stack if isinstance(screen, PeopleScreen)]

    def _people_progress(self, progress: PeopleProgress) -> None:
        for screen in self._people_screens():
            screen.show_progress(progress)

    def _people_listing(self, listing: PeopleList) -> None:
        for screen in self._people_screens():
            screen.show_listing(listing)

    def regroup_people(self) -> None:
        """After a merge or split: the person index again, in the background (the choice's
        units only), then the People screen's list and the person views follow."""
        if self.people is None:
            return
        self.start_people()

    def _people_done(self) -> None:
        people = self.people
        if people is not None and people.error:
            self.notify(inert_line(people.error), severity="warning", timeout=8, markup=False)
        if people is not None and people.warning and people.warning != self._people_warned:
            self._people_warned = people.warning  # once, not after every regrouping
            self.notify(inert_line(people.warning), severity="warning", timeout=10, markup=False)
        self._people_progress_done()
        self._people_regrouped(self._people_runs)

    @work(group="people-views")
    async def _people_regrouped(self, run: int) -> None:
        """Each person view waiting for a choice, or whose person is gone, shows again the
        person it showed (their id may have changed); then the phase is over (`ready`)."""
        import sqlite3

        from reader.ui.screens.person import PersonScreen

        try:
            for screen in list(self.app.screen_stack):
                if not isinstance(screen, PersonScreen):
                    continue
                try:
                    gone = screen.people.index.summary(screen.person_id) is None
                except (sqlite3.Error, OSError):
                    gone = True
                if screen.pending is not None or gone:
                    await screen.regrouped()
        finally:
            if run == self._people_runs:  # not when a new phase started meanwhile
                self.ready.people.set()

    def _people_progress_done(self) -> None:
        for screen in self._people_screens():
            screen.show_progress(None)

    # -- the screens ------------------------------------------------------------------------

    def action_people(self) -> None:
        """`P` and the palette: every person of the library."""
        from reader.ui.screens.people import PeopleScreen

        people = self.people or self._people_session()
        if people is None:
            self.notify("No library index this session: no People screen", severity="warning", timeout=3)
            return
        self.app.push_screen(PeopleScreen(people), self._person_chosen)

    def show_person(self, name: str, article: Path | None) -> None:
        """The sidebar's "where else": the person view of the official `name` of `article`.

        The person the article's official was grouped into; else, if the name is one
        person's, that person; else the People screen filtered to the name; before the
        person index has the name, the articles printing it (the timeline), with a note.
        """
        import sqlite3

        from reader.ui.screens.people import PeopleScreen
        from reader.ui.screens.person import PersonScreen

        people = self.people
        person: str | None = None
        named: list[str] = []
        if people is not None and people.listing is not None:
            try:
                index = people.index
                person = index.person_at(article, name) if article is not None else None
                named = [summary.id for summary in index.named(name)] if person is None else []
            except (OSError, sqlite3.Error):  # the index is being rebuilt: the timeline below
                person, named = None, []
        if person is None and len(named) == 1:
            person = named[0]
        if person is not None and people is not None:
            self.app.push_screen(PersonScreen(people, person), self._person_chosen)
        elif named and people is not None:
            self.app.push_screen(PeopleScreen(people, name), self._person_chosen)
        else:
            if people is None or not people.done:
                self.notify("The person index is still being built: articles printing the name", timeout=4)
            self.show_timeline(name)

    def _person_chosen(self, result: tuple[Path, int] | None) -> None:
        if result is not None:
            self._jump()  # Back returns to where the People screen or person view was opened
            self.read(*result)
