"""The library side of the reader screen: the list of a library's articles, kept up to date.

`LibraryScreen` owns the `LibrarySession` (the index, the reading state) and everything
that answers from it: the list shown from the last index at once and refreshed in a
worker (progress in the list's title), the notices the session
gathers, the filter of the list to an official, an official's timeline and the search
across the library. What is read lives in `ReaderScreen`, which adds the panes' reading
side; it composes the panes this screen expects (a LibraryTable) and
says how to open an article (`open_path`, `read`) and which one is open (`open_article`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.css.query import NoMatches
from textual.worker import get_current_worker

from reader.config import Config
from reader.library import IndexProgress, LibraryEntry
from reader.library.progress import RefreshProgress
from reader.library.session import SAVE_INTERVAL, LibrarySession
from reader.reading import History, Place
from reader.textsafety import inert_line
from reader.ui.readiness import Readiness
from reader.ui.screens.people_side import PeopleSide
from reader.ui.widgets.library_table import LibraryTable

if TYPE_CHECKING:
    from reader.article import Article
    from reader.ui.screens.timeline import TimelineResult

NARROW_WIDTH = 100
"""Below this many columns the article list and the article take turns."""
COMPACT_WIDTH = 72
"""Below this many columns the officials sidebar starts hidden."""


class LibraryScreen(PeopleSide):
    """A library's articles beside whatever the subclass shows of the one open."""

    def __init__(
        self,
        *,
        library: Path,
        open_file: Path | None,
        config: Config,
        notices: Sequence[str],
        ready: Readiness,
    ) -> None:
        super().__init__()
        self.library = library
        self.open_file = open_file
        self.config = config
        self.ready = ready
        self.session: LibrarySession | None = None
        """The library's index and reading state (opened on mount, closed on unmount)."""
        self._notices = list(notices)
        self.provisional_rows = False
        """The list shows rows read from the folder before its first index (see head.first_files):
        an empty index does not replace them; its first snapshot does."""
        self._refresh_progress = RefreshProgress()
        self.history = History()
        """The places jumps left (Back) and Backs left (Forward)."""

    # -- what the reading side provides ---------------------------------------------------

    @property
    def open_article(self) -> Article | None:
        """The article on screen, if any."""
        raise NotImplementedError

    def open_path(self, path: Path, paragraph: int | None = None) -> None:
        """Show the article at `path` (at `paragraph`, else where it was left)."""
        raise NotImplementedError

    @property
    def showing_newest(self) -> bool:
        """The article on screen is the newest one, opened by reader and not read yet: while
        the library is indexed for the first time it follows the top of the list."""
        return False

    def stop_following(self) -> None:
        """The user moved: the article on screen stays, whatever the next snapshot lists first."""

    def open_newest(self, path: Path) -> None:
        """Show the newest article as a preview (not remembered until read) with the keys; it
        follows the top of the list while it is untouched (`showing_newest`)."""
        raise NotImplementedError

    def read(self, path: Path, paragraph: int | None = None) -> None:
        """Open `path` and give the article the screen: what Enter on a row or a hit does."""
        raise NotImplementedError

    def show_message(self, message: str) -> None:
        """Say `message` where the article would be (an empty library)."""
        raise NotImplementedError

    @property
    def cursor_paragraph(self) -> int:
        """The paragraph the reader is at in the open article (for Back to return to)."""
        return 0

    # -- lifetime ---------------------------------------------------------------------------

    def open_session(self) -> LibrarySession:
        """Open the library session and show what went wrong so far (call it on mount).

        Only the reading state is read here (where to reopen); the index, and SQLite
        behind it, open on first use, in the library worker after the first frame.
        """
        session = self.session = LibrarySession(self.library, open_index=False)
        self._notices.extend(session.take_notices())  # a damaged state file (the index's come later)
        self.query_one(LibraryTable).set_progress(session.progress)
        self.set_interval(SAVE_INTERVAL, session.save_if_due)
        for notice in self._notices:  # they quote file names: inert, and never markup
            self.notify(inert_line(notice), severity="warning", timeout=8, markup=False)
        self._fit(self.app.size.width)
        return session

    def on_unmount(self) -> None:
        if self.people is not None:
            self.people.close()
        if self.session is not None:
            self.session.close()  # the last position is written here at the latest

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        """Show the last index at once, then bring it up to date (text, then officials) off
        the UI thread, with progress in the list's title. Quitting cancels it between batches."""
        session = self.session
        if session is None:
            return
        worker = get_current_worker()

        def call(callback: Callable[..., object], *args: object) -> None:
            if not worker.is_cancelled:  # after quit there is no screen to call
                self.app.call_from_thread(self._if_mounted, callback, *args)

        entries = session.entries()
        if entries or not self.provisional_rows:
            call(self._set_entries, entries)
        try:
            session.refresh(
                lambda step: call(self._index_progress, step),
                lambda: worker.is_cancelled,
                lambda entries: call(self._set_entries, entries),
            )
        except OSError as error:
            call(self._error, f"Cannot list {self.library}: {error.strerror}")
        call(self._library_loaded)

    def forget_missing(self, path: Path) -> None:
        """`path` was listed but its file is gone (deleted or moved while reader ran): its
        row goes at once, and a refresh brings the index up to date (it drops the file,
        and shows whatever else was added or removed meanwhile)."""
        self.query_one(LibraryTable).remove_entry(path)
        if self.session is not None:
            self.ready.library.clear()
            self.load_library()

    def _if_mounted(self, callback: Callable[..., object], *args: object) -> None:
        """Run a worker's report on the UI thread, unless the app is closing: the screen may
        still be attached while its panes are already removed (quit during a refresh)."""
        if not self.is_attached:
            return
        try:
            callback(*args)
        except NoMatches:
            if self.query(LibraryTable):
                raise  # the panes are there: a real fault, not the closing app

    def _set_entries(self, entries: list[LibraryEntry]) -> None:
        """A new snapshot of the whole library (from the index, or a refresh that changed it)."""
        self._show_notices()
        table = self.query_one(LibraryTable)
        article = self.open_article
        if article is not None and table.current is not None and table.current.path != article.path:
            self.stop_following()  # the user moved the list's cursor off the newest article
        table.set_library(entries)
        if table.library_filter is not None:
            return  # the filtered list stays; it is recomputed when the refresh ends
        if self.open_file is None and (self.open_article is None or self.showing_newest):
            # A new user's start: the newest article, not read until the user reads it. A
            # library indexed for the first time arrives in snapshots; until the user moves
            # (the list's cursor or the article's), the article shown is the newest so far.
            readable = next((entry for entry in table.entries if entry.error is None), None)
            article = self.open_article
            if readable is not None and (article is None or readable.path != article.path):
                self.open_newest(readable.path)  # shown, not remembered; the keys go to it
        self._sync_list_highlight()

    def _index_progress(self, step: IndexProgress) -> None:
        """One progress, in the list's title only (`indexing 42%`): it goes on across the
        phases without going back, and leaves the footer's keys their room at 80 columns."""
        self.query_one(LibraryTable).show_status(self._refresh_progress.status(step))

    def _library_loaded(self) -> None:
        table = self.query_one(LibraryTable)
        table.show_status("")
        self._show_notices()
        if table.library_filter is not None:  # officials may have been found meanwhile
            self._show_filtered(table.library_filter, quiet=True)
        if not table.entries and self.open_article is None:
            self.show_message(f"No articles in {inert_line(str(self.library))}")
        self.ready.library.set()
        self.start_people()  # the person index: a phase of its own, after the library's

    def _show_notices(self) -> None:
        if self.session is not None:
            for notice in self.session.take_notices():
                self.notify(notice, severity="warning", timeout=8, markup=False)

    def _error(self, message: str) -> None:
        self.notify(inert_line(message), severity="error", markup=False)

    def _sync_list_highlight(self) -> None:
        if self.open_article is None:
            return
        table = self.query_one(LibraryTable)
        index = table.index_of(self.open_article.path)
        if index is not None and table.highlighted != index:
            table.highlighted = index

    def on_library_table_open(self, event: LibraryTable.Open) -> None:
        if event.entry.error is not None:
            self.notify(event.entry.error, severity="error", markup=False)
            return
        self.read(event.entry.path)

    # -- the library: search, timelines, filter -------------------------------------------

    def action_search_library(self) -> None:
        """Search every article; the chosen hit opens at its paragraph."""
        from reader.ui.screens.search import SearchScreen

        if self.session is not None:
            self.app.push_screen(SearchScreen(self.session.search), self._open_found)

    def _open_found(self, result: tuple[Path, int] | None) -> None:
        self._show_notices()  # a search that found the index damaged said so on its screen
        if result is not None:
            self._jump()
            self.read(*result)

    def show_timeline(self, name: str) -> None:
        from reader.ui.screens.timeline import OfficialTimelineScreen

        if self.session is None:
            return
        rows = self.session.timeline(name)
        pending = self.session.pending_officials()
        if pending:
            self.notify(f"Officials of {pending:,} articles are still being read: more may come", timeout=4)
        self.app.push_screen(OfficialTimelineScreen(name, rows), self._timeline_chosen)

    def _timeline_chosen(self, result: TimelineResult) -> None:
        from reader.ui.screens.timeline import FilterByOfficial

        if isinstance(result, FilterByOfficial):
            self._show_filtered(result.name)
        elif result is not None:
            self._jump()
            self.read(*result)

    def _show_filtered(self, name: str, quiet: bool = False) -> None:
        if self.session is None:
            return
        entries = self.session.entries_mentioning(name)
        if not entries and not quiet:
            pending = self.session.pending_officials()
            still = f" yet: officials of {pending:,} articles are still being read" if pending else ""
            self.notify(inert_line(f"No article in the index names {name}{still}"), timeout=4, markup=False)
            return
        table = self.query_one(LibraryTable)
        if not quiet and table.library_filter != name:
            self._jump()
        table.show_filtered(name, entries)
        self._sync_list_highlight()
        if not quiet:
            self._show_list(True)
            table.focus()

    def action_clear_filter(self) -> None:
        """List every article again."""
        table = self.query_one(LibraryTable)
        if table.library_filter is not None:
            self._jump()
            table.show_all()
            self._sync_list_highlight()

    # -- the copies of a story (reposts) ----------------------------------------------------

    def action_show_copies(self) -> None:
        """`r`: every copy of the story under the list's cursor (or of the article open), to
        open one; the list shows the story once, as its newest copy."""
        from reader.ui.screens.copies import CopiesScreen

        table, article = self.query_one(LibraryTable), self.open_article
        if self.focused is table or article is None:
            path = table.current.path if table.current is not None else None
        else:
            path = article.path
        if path is None or self.session is None:
            self.notify("No article to list the copies of", severity="warning", timeout=2)
            return
        copies = self.session.copies(path)
        if not copies:
            self.notify("No other copy of this story in the library", timeout=3)
            return
        shown = article.path if article is not None else None
        self.app.push_screen(CopiesScreen(copies, self.session.progress, shown), self._open_copy)

    def _open_copy(self, path: Path | None) -> None:
        if path is not None:
            self._jump()
            self.read(path)

    # -- back and forward -------------------------------------------------------------------

    def _here(self) -> Place:
        article = self.open_article
        path = article.path if article is not None else None
        return Place(path, self.cursor_paragraph, self.query_one(LibraryTable).library_filter)

    def _jump(self) -> None:
        """About to jump (a search hit, a timeline, a filter): Back will return here."""
        self.history.jumped(self._here())

    def action_back(self) -> None:
        """Back to where the last jump left, as in a browser."""
        place = self.history.back(self._here())
        if place is None:
            self.notify("Nothing to go back to (Back returns from a search, timeline or filter)", timeout=3)
            return
        self._go_to(place)

    def action_forward(self) -> None:
        """Forward to where Back left."""
        place = self.history.forward(self._here())
        if place is None:
            self.notify("Nothing ahead: Forward returns to where Back left", timeout=3)
            return
        self._go_to(place)

    def _go_to(self, place: Place) -> None:
        """Show `place`: the list as it was filtered, the article at its paragraph."""
        table = self.query_one(LibraryTable)
        if place.list_filter != table.library_filter:
            if place.list_filter is None or self.session is None:
                table.show_all()
            else:
                table.show_filtered(place.list_filter, self.session.entries_mentioning(place.list_filter))
        if place.path is not None:
            self.read(place.path, place.paragraph)
        self._sync_list_highlight()

    # -- read and unread ------------------------------------------------------------------

    def _marked_entry(self) -> LibraryEntry | None:
        """What `m` and `u` act on in the list: its cursor's article while the list has
        focus, else the open article's row (None when the list does not show it)."""
        table = self.query_one(LibraryTable)
        if self.focused is table or self.open_article is None:
            return table.current
        index = table.index_of(self.open_article.path)
        return table.entries[index] if index is not None else None

    def action_toggle_read(self) -> None:
        """`m`: mark the article read (✓) or unread again, as newsboat's users expect."""
        session, article = self.session, self.open_article
        entry = self._marked_entry()
        if entry is not None and entry.error is None:
            path, title, paragraphs = entry.path, entry.title, entry.paragraphs
        elif article is not None and self.focused is not self.query_one(LibraryTable):
            path, title, paragraphs = article.path, article.title, len(article.paragraphs)
        else:
            path = None
        if path is None or session is None:
            self.notify("No article to mark", severity="warning", timeout=2)
            return
        read = not session.is_read(path)
        session.set_read(path, read, paragraphs)
        self.query_one(LibraryTable).refresh()
        title = inert_line(title)
        self.notify(f"Marked read: {title}" if read else f"Marked unread: {title}", timeout=2, markup=False)

    def action_next_unread(self) -> None:
        """`u`: read the next article that is not read yet, after this one in the list's
        order, round to the top (which is said), skipping files that cannot be read."""
        table, session = self.query_one(LibraryTable), self.session
        entries = table.entries
        if session is None or not entries:
            return
        here = self._marked_entry()
        start = table.index_of(here.path) if here is not None else None
        first = 0 if start is None else start + 1
        for offset in range(len(entries)):
            index = (first + offset) % len(entries)
            entry = entries[index]
            if index == start or entry.error is not None or session.is_read(entry.path):
                continue
            if start is not None and index < first:
                self.notify("Past the end of the list: back to the first unread", timeout=3)
            self.read(entry.path)
            return
        self.notify("No unread article in the list", timeout=3)

    # -- panes ------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """Fewer panes on a small terminal, so the text keeps a readable column.

        Below NARROW_WIDTH the list and the article take turns (Esc shows the list,
        Enter the article); below COMPACT_WIDTH the sidebar starts hidden too (`s`).
        """
        self.set_class(width < NARROW_WIDTH, "-narrow")
        self.set_class(width < COMPACT_WIDTH, "-compact")

    def _show_list(self, listing: bool) -> None:
        self.set_class(listing, "-listing")
