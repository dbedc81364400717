"""The reader screen: article list, reading view and officials sidebar side by side.

It composes the panes and adds the reading side to `LibraryScreen` (the list, the
index, the filter, the timeline): a `ReadingSession` holds the open article, its
officials and the trails `n` steps through, and this screen presents it. An article
opens where it was left and paints first; the sidebar finds its officials in a worker
of its own. The article shown has the keys; moving the list's cursor previews the
article under it, which is remembered (opened, its place) once the cursor moves in it. The
keys that act on what is read — trails, the search bar, the sidebar, copying and
exporting — end here: the app's bindings name them `screen.*`, so under a modal
screen they do nothing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from reader.article import Article, ArticleError
from reader.config import Config
from reader.library.head import first_files, read_head
from reader.loaders import load_article
from reader.reading import ReadingSession, Stop
from reader.textsafety import inert_line
from reader.ui.readiness import Readiness
from reader.ui.screens.article_search import ArticleSearch
from reader.ui.screens.inbox_side import InboxSide
from reader.ui.screens.library import LibraryScreen
from reader.ui.widgets.library_table import LibraryTable, progress_mark
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView
from reader.ui.widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from textual.command import Provider

    from reader.library.first_rows import FirstRows


def _reader_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens, not at start-up."""
    from reader.ui.commands import ReaderCommands

    return ReaderCommands


class ReaderScreen(ArticleSearch, InboxSide, LibraryScreen):
    """One library: its list, the article open in it, and that article's officials."""

    COMMANDS = {_reader_commands}

    def __init__(
        self,
        *,
        library: Path,
        open_file: Path | None,
        config: Config,
        notices: Sequence[str],
        ready: Readiness,
        first_rows: FirstRows | None = None,
    ) -> None:
        super().__init__(library=library, open_file=open_file, config=config, notices=notices, ready=ready)
        self._first_rows = first_rows
        """The first files' rows read ahead by the CLI for a library never indexed (taken at mount)."""
        self.reading = ReadingSession()
        self._readings_checked = False
        self._pending_cursor: tuple[Article, int] | None = None
        """An article whose saved position is restored after its first frame (not remembered meanwhile)."""
        self._preview: tuple[Article, int] | None = None
        """The list cursor's preview and the paragraph it was shown at: nothing about it is
        remembered (not opened, no place, not the last open) until the cursor moves in it."""
        self._newest = False
        """The preview is the library's newest article, opened by reader for a new user: it
        follows the list's top while the library is indexed for the first time."""

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield LibraryTable(id="articles")
            with Vertical(id="reading-column"):
                yield ReadingView(id="reading")
                # The search bar (#search) is mounted here by the first `/`: see _search_bar.
            yield OfficialsPanel(id="officials", show_pinyin=self.config.pinyin)
        yield StatusBar(id="statusbar")

    def on_mount(self) -> None:
        reading = self.query_one(ReadingView)
        reading.typeset = self.config.punctuation == "typeset"
        self.query_one(LibraryTable).typeset = reading.typeset
        reading.set_max_measure(self.config.measure)
        session = self.open_session()
        start = self.open_file or session.last_open()  # a bare `reader` goes back to where it was
        # A screen of the list from the last index (a millisecond, whatever the library's
        # size): the first frame has the rows, and a new user's start is the newest article.
        table = self.query_one(LibraryTable)
        head = read_head(self.library, around=start)
        ahead, self._first_rows = self._first_rows, None
        if head is not None:
            if ahead is not None:
                ahead.cancel()
            table.show_head(head.rows, head.total)
            newest = head.newest_readable()
        else:  # never indexed: its first files, read ahead or now; the index's snapshots follow
            rows = ahead.rows() if ahead is not None else None
            table.set_library(rows if rows is not None else first_files(self.library))
            self.provisional_rows = bool(table.entries)
            newest = next((entry for entry in table.entries if entry.error is None), None)
        if start is not None:
            self.open_path(start)
            reading.focus()
        elif newest is not None:
            self.open_newest(newest.path)
        else:
            reading.show_message("Loading the library…")
            self._show_list(True)
            table.focus()
        # Background work starts once the first frame is on screen, so it never delays it.
        self.call_after_refresh(self.load_library)

    # -- what the library side asks -------------------------------------------------------

    @property
    def open_article(self) -> Article | None:
        return self.reading.article

    def show_message(self, message: str) -> None:
        self.query_one(ReadingView).show_message(message)

    @property
    def cursor_paragraph(self) -> int:
        return self.query_one(ReadingView).cursor

    # -- opening articles -----------------------------------------------------------------

    def open_path(self, path: Path, paragraph: int | None = None, *, preview: bool = False) -> None:
        """Open `path` at `paragraph`, or where it was left last time.

        A `preview` (the list's cursor passing over it) is shown the same way but leaves
        the reading state alone until the article is read (see `_remember_position`).
        """
        try:
            article = load_article(path)
        except ArticleError as error:
            self.notify(str(error), severity="error", markup=False)
            if not os.path.lexists(path):
                self.forget_missing(path)  # deleted meanwhile: not left in the list
            return
        if paragraph is None and self.session is not None:
            paragraph = self.session.restore_position(path, len(article.paragraphs))
        self.show_article(article, paragraph or 0, preview=preview)

    @property
    def showing_newest(self) -> bool:
        return self._newest and self._preview is not None

    def stop_following(self) -> None:
        self._newest = False

    def open_newest(self, path: Path) -> None:
        """The newest article as a preview (not remembered until read) that has the keys:
        `j` reads on, and a narrow terminal shows it rather than the list. A newer one found
        later (a first indexing) replaces it without moving the keys."""
        following = self.showing_newest
        self.open_path(path, preview=True)
        shown = self.reading.article
        self._newest = shown is not None and shown.path == path
        if not following:
            self._show_list(False)
            self.query_one(ReadingView).focus()

    def show_article(self, article: Article, paragraph: int = 0, *, preview: bool = False) -> None:
        """Show an article at once (at `paragraph`); its officials follow from the sidebar's worker."""
        self.ready.opening()
        self._preview = (article, paragraph) if preview else None
        self._newest = False  # open_newest sets it again for its own
        self.reading.open(article)
        self.app.sub_title = article.title
        self._hide_search()
        # A remembered place lands as a jump does, a quarter down: the first layout puts it
        # there, before the first frame, and `_after_first_frame` then finds it in place.
        self.query_one(ReadingView).show_article(article, paragraph, scroll="jump" if paragraph else "top")
        # Not remembered as moved until it is placed for good once the first frame is up
        # (a huge article's far paragraph arrives with its background layout).
        self._pending_cursor = (article, paragraph) if paragraph else None
        if self.session is not None and not preview:
            self.session.remember(article.path, paragraph, len(article.paragraphs))
            self.query_one(LibraryTable).refresh()
        self.query_one(OfficialsPanel).show_article(article)
        self._sync_list_highlight()
        for notice in article.notices:  # e.g. bytes that decoded under no encoding
            self.notify(notice, severity="warning", timeout=6, markup=False)
        self.call_after_refresh(self._after_first_frame, article, paragraph)

    def _after_first_frame(self, article: Article, paragraph: int) -> None:
        """The article is on screen: put the cursor where it was left, then find its officials."""
        if article is not self.reading.article:
            return
        if self._pending_cursor == (article, paragraph):
            self._pending_cursor = None
            self.query_one(ReadingView).set_cursor(paragraph, scroll="jump")
        self.query_one(OfficialsPanel).find_officials(article)

    def on_reading_view_typeset_changed(self, event: ReadingView.TypesetChanged) -> None:
        self.query_one(LibraryTable).set_typeset(event.typeset)

    def on_reading_view_laying_out(self, event: ReadingView.LayingOut) -> None:
        if event.article is self.reading.article:
            self.ready.layout.clear()

    def on_reading_view_laid_out(self, event: ReadingView.LaidOut) -> None:
        if event.article is self.reading.article:
            self.ready.layout.set()

    def read(self, path: Path, paragraph: int | None = None) -> None:
        shown = self.reading.article
        if shown is None or shown.path != path or paragraph is not None:
            self.open_path(path, paragraph)
        # else it is on screen already (the list's preview, or Enter on the open article):
        # it is read from where it is shown, not reopened.
        self._show_list(False)
        self.query_one(ReadingView).focus()

    # -- the list's preview ---------------------------------------------------------------

    def on_library_table_highlighted(self, _event: LibraryTable.Highlighted) -> None:
        """The user moved the list's cursor: show the article under it, as a preview.

        Only while the list has focus (the app moves the cursor too, to follow the open
        article) and only where the article can be seen (not while a narrow terminal
        gives the list the whole width). The entry under the cursor is read when the
        message arrives, so a burst of moves opens only where the cursor ends up.
        """
        table = self.query_one(LibraryTable)
        entry = table.current
        if self.focused is not table or entry is None or entry.error is not None:
            return
        if not self.query_one("#reading-column").display:
            return
        shown = self.reading.article
        if shown is not None and shown.path == entry.path:
            return
        self.open_path(entry.path, preview=True)

    def _step_article(self, step: int) -> None:
        entries = self.query_one(LibraryTable).entries
        if not entries:
            return
        article = self.reading.article
        current = self.query_one(LibraryTable).index_of(article.path) if article else None
        index = (current if current is not None else -step) + step
        while 0 <= index < len(entries) and entries[index].error is not None:
            index += step  # skip files that cannot be read
        if 0 <= index < len(entries):
            self.open_path(entries[index].path)
        else:
            self.notify("No more articles" if step > 0 else "This is the first article", timeout=2)

    def action_next_article(self) -> None:
        self._step_article(+1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    def action_open_article_by_path(self, path: Path) -> None:
        """The palette's "Open article": open it and read it."""
        self.open_path(Path(path))
        self.query_one(ReadingView).focus()

    # -- officials and trails -------------------------------------------------------------

    def on_officials_panel_found(self, event: OfficialsPanel.Found) -> None:
        if self.reading.officials_found(event.article, event.report):
            self._refresh_spans()

    def on_officials_panel_read(self, event: OfficialsPanel.Read) -> None:
        if not self._readings_checked:  # an overlay's problem is reported once, not per article
            self._readings_checked = True
            for problem in event.problems:
                self.notify(problem, severity="warning", timeout=8, markup=False)
        if event.article is self.reading.article:
            self.ready.officials.set()

    def on_officials_panel_chosen(self, event: OfficialsPanel.Chosen) -> None:
        self._choose_official(event.index)

    def action_jump_to_official(self, index: int) -> None:
        """What choosing the official in the sidebar does: select it and go to its first mention."""
        if self.query_one(OfficialsPanel).highlight_official(index):
            self._choose_official(index)

    def _choose_official(self, index: int) -> None:
        if self.reading.official(index) is not None:
            self._go(self.reading.choose_official(index))

    def _go(self, stop: Stop | None) -> None:
        """Show the trail's highlights and put the cursor on its stop (if it has one)."""
        self._refresh_spans()
        if stop is not None:
            self.query_one(ReadingView).set_cursor(stop.paragraph, scroll="jump")

    def _step(self, by: int) -> None:
        if self.reading.trail is None:
            self.notify("Nothing to step through: choose an official (Tab, Enter) or search (/)", timeout=3)
            return
        self._go(self.reading.step(by, self.query_one(ReadingView).cursor))
        self._say_if_wrapped()

    def _say_if_wrapped(self) -> None:
        """Going round the trail's end is said, as less and vim do: the jump is backwards."""
        text = self.reading.wrap_text()
        if text is not None:  # it quotes a name or a query from the file: inert, never markup
            self.notify(inert_line(text), timeout=3, markup=False)

    def action_next_stop(self) -> None:
        self._step(+1)

    def action_previous_stop(self) -> None:
        self._step(-1)

    def _highlighted_official(self) -> str | None:
        """The official under the sidebar's cursor (else the one chosen last)."""
        panel = self.query_one(OfficialsPanel)
        index = panel.highlighted_official
        official = self.reading.official(index if index is not None else self.reading.selected_official)
        return official.name if official is not None else None

    def action_official_timeline(self) -> None:
        """`w` in the sidebar: the person view of the highlighted official (people_side.py)."""
        name = self._highlighted_official()
        if name is not None:
            article = self.reading.article
            self.show_person(name, article.path if article else None)

    def action_filter_official(self) -> None:
        """`f` in the sidebar: list only the articles that name the highlighted official."""
        name = self._highlighted_official()
        if name is not None:
            self._show_filtered(name)

    def _refresh_spans(self) -> None:
        """Hand the reading view every highlight: mentions, the selection, search matches."""
        self.query_one(ReadingView).set_spans(self.reading.spans())
        self._update_position()

    def action_escape(self) -> None:
        """Esc closes the search bar, then clears the search; otherwise back to the list."""
        bar = self._search_bar()
        if bar is not None and bar.display:
            self._hide_search()
            return
        if self.reading.search_trail is not None:
            self._clear_search()
            return
        table = self.query_one(LibraryTable)
        if table.library_filter is not None and self.focused is table:
            self.action_clear_filter()  # Esc in a filtered list lists everything again
            return
        self._show_list(True)
        table.focus()

    # -- position and sidebar -------------------------------------------------------------

    def on_reading_view_cursor_moved(self, event: ReadingView.CursorMoved) -> None:
        self._update_position()
        self._remember_position()

    def _remember_position(self) -> None:
        """Remember the paragraph (written at most every SAVE_INTERVAL s); redraw the list's
        mark only when it changes (· → ◔ → ◑ → ◕ → ✓)."""
        article, session = self.reading.article, self.session
        if article is None or session is None or self._pending_cursor is not None:
            return
        cursor = self.query_one(ReadingView).cursor
        if self._preview is not None:
            shown, at = self._preview
            if shown is article and cursor == at:
                return  # previewed, not read: the cursor has not moved in it yet
            self._preview = None  # the reader moved in it: from now on it is being read
            self._newest = False
        total = len(article.paragraphs)
        before = progress_mark(session.progress_of(article.path, total))
        session.remember(article.path, cursor, total)
        if progress_mark(session.progress_of(article.path, total)) != before:
            self.query_one(LibraryTable).refresh()

    def _update_position(self) -> None:
        reading = self.query_one(ReadingView)
        position = self.reading.position_text(reading.cursor, reading.paragraph_count)
        self.query_one(StatusBar).show_position(position, self.reading.trail_text())

    def action_toggle_sidebar(self) -> None:
        """Hide the officials sidebar (the text gets its width) or show it again."""
        panel = self.query_one(OfficialsPanel)
        panel.display = not panel.display
        if not panel.display and self.focused is panel:
            self.query_one(ReadingView).focus()

    def action_toggle_pinyin(self) -> None:
        """Pinyin under the officials' names, on or off (the config's `pinyin` is the default)."""
        panel = self.query_one(OfficialsPanel)
        panel.set_show_pinyin(not panel.show_pinyin)

    def action_toggle_glosses(self) -> None:
        """English glosses under the posts, on demand."""
        panel = self.query_one(OfficialsPanel)
        panel.set_show_glosses(not panel.show_glosses)

    # -- copy and export ------------------------------------------------------------------

    def _cursor_paragraph(self) -> tuple[Article, int] | None:
        paragraph = self.reading.paragraph_at(self.query_one(ReadingView).cursor)
        if self.reading.article is None or paragraph is None:
            self.notify("No article open", severity="warning", timeout=2)
            return None
        return self.reading.article, paragraph

    def action_copy_paragraph(self) -> None:
        """Copy the paragraph under the cursor (OSC 52, as Textual does), made inert."""
        if (here := self._cursor_paragraph()) is not None:
            article, paragraph = here
            self.app.copy_to_clipboard(inert_line(article.paragraphs[paragraph]))
            self.notify(f"Copied ¶ {paragraph + 1} to the clipboard", timeout=2)

    def action_copy_citation(self) -> None:
        """Copy a one-line citation of the paragraph under the cursor."""
        if (here := self._cursor_paragraph()) is not None:
            from reader.citation import citation

            article, paragraph = here
            self.app.copy_to_clipboard(citation(article, paragraph, relative_to=self.library))
            self.notify(f"Copied a citation of ¶ {paragraph + 1} to the clipboard", timeout=2)

    def action_export_officials(self) -> None:
        """Copy the officials as CSV to the clipboard and save CSV and JSON in the state folder.

        Never beside the article: reader does not write into article folders.
        """
        article, report = self.reading.article, self.reading.report
        if article is None or report is None:
            self.notify("No officials to export (yet)", severity="warning", timeout=2)
            return
        from reader import locations
        from reader.officials.export import report_to_csv, save_report

        self.app.copy_to_clipboard(report_to_csv(article, report))
        try:
            stem = save_report(article, report, locations.exports_dir())
        except OSError as error:
            saved = f"; not saved ({error.strerror})"
        else:
            saved = f"; CSV and JSON saved as {stem}.csv / .json"
        count = len(report.officials)
        self.notify(inert_line(f"{count} officials copied to the clipboard as CSV{saved}"), markup=False)
