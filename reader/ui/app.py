"""The reader app: article list, reading view and officials sidebar side by side.

The app wires the widgets to the core: it shows the library from its index at once
and refreshes the index in the background (LibrarySession), opens articles where they
were left, runs the officials extractor off the UI thread (the text paints first, the
sidebar fills when ready) and routes the officials keys: an official's timeline across
the library and the filter of the list to the articles naming them.

It also applies the user's config (measure, pinyin, keymap: every binding has an id
from `reader.ui.keymap`), cycles and remembers themes (`reader.preferences`), offers
reader's commands in the palette (ctrl+p), copies paragraphs and citations to the
clipboard (OSC 52) and exports the officials to the clipboard and the state folder —
never into the article folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, work
from textual.app import App, ComposeResult
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.css.query import NoMatches
from textual.theme import Theme
from textual.widgets import Footer, Input, Static
from textual.widgets.option_list import OptionDoesNotExist
from textual.worker import get_current_worker

from reader import locations
from reader.article import Article, ArticleError
from reader.config import Config
from reader.layout import use_rich_ambiguous_width
from reader.library import LibraryEntry
from reader.loaders import load_article
from reader.preferences import Preferences, save_preferences
from reader.textsafety import inert_line, json_safe
from reader.theme_files import ThemeSpec
from reader.ui.keymap import bindings_for, build_keymap
from reader.ui.library_session import SAVE_INTERVAL, LibrarySession
from reader.ui.themes import to_textual_theme
from reader.ui.widgets.library_table import LibraryTable, progress_mark
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView, Span

if TYPE_CHECKING:
    from reader.officials.model import OfficialsReport
    from reader.ui.screens.timeline import TimelineResult


def _reader_commands() -> type[Provider]:
    """The palette's provider, imported when the palette first opens, not at start-up."""
    from reader.ui.commands import ReaderCommands

    return ReaderCommands


PHASE_LABELS = {"scan": "checking the folder", "text": "indexing", "officials": "finding officials"}
NARROW_WIDTH = 100
"""Below this many columns the article list and the article take turns."""
COMPACT_WIDTH = 72
"""Below this many columns the officials sidebar starts hidden."""
EXPORT_FOLDER = "exports"
"""Under the state folder: officials exported from the TUI (never the article folder)."""


@dataclass
class Trail:
    """What `n`/`N` step through: an official's mentions or a search's matches.

    Whichever the user set off most recently is the one that steps, and the status
    bar names it (`郑亚军 2/4` or `「国防」 3/17`), so the two never get confused.
    """

    label: str
    targets: list[tuple[int, int, int]] = field(default_factory=list)
    """(paragraph, start, end) of each stop, in reading order."""
    index: int = 0

    @property
    def current(self) -> tuple[int, int, int] | None:
        return self.targets[self.index] if self.targets else None

    def step(self, by: int) -> None:
        if self.targets:
            self.index = (self.index + by) % len(self.targets)

    def status(self) -> str:
        return f"{self.label} {self.index + 1}/{len(self.targets)}"


class ReaderApp(App[None]):
    """A terminal reader for Chinese news that shows who is who."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS = App.COMMANDS | {_reader_commands}

    BINDINGS = bindings_for("app")
    """Every app-wide key, with its id (`app.*`), so config.yaml's keymap can move it."""

    def __init__(
        self,
        *,
        library: Path,
        open_file: Path | None = None,
        theme_specs: dict[str, ThemeSpec] | None = None,
        theme_name: str | None = None,
        config: Config | None = None,
        notices: Sequence[str] = (),
        after_first_frame: Callable[[], None] | None = None,
        ambiguous_width: int | None = None,
    ) -> None:
        """`notices`: one-line warnings gathered before the app started (config, themes),
        shown as notifications once it is on screen, since the terminal's stderr is hidden.
        `after_first_frame` is called once the first frame is drawn (the CLI turns the
        garbage collector back on there). `ambiguous_width`: the cells the terminal gives
        `“ ” — …` (the CLI asks it), else the config's, else 1."""
        super().__init__()
        # Rich, and so Textual and the reading view's layout, measure with the terminal's
        # width for ambiguous characters from the first frame on (undone on unmount).
        use_rich_ambiguous_width(ambiguous_width or (config.ambiguous_width if config else None) or 1)
        self._after_first_frame = after_first_frame
        self.library = library
        self.open_file = open_file
        self._theme_specs = theme_specs or {}
        self._theme_name = theme_name
        self.config = config or Config()
        self.keymap, keymap_warnings = build_keymap(self.config.keymap)
        """The checked keymap in force (binding id -> keys); the help screen shows it."""
        self._notices = [*notices, *keymap_warnings]
        # Themes are set before the stylesheet is first read: choosing one after mount
        # would parse the whole stylesheet a second time on the way to the first paint.
        for spec in self._theme_specs.values():
            self.register_theme(to_textual_theme(spec))
        if theme_name in self.available_themes:
            self.theme = theme_name
        self._start_theme: str | None = self.theme
        self._readings_checked = False
        self.article: Article | None = None
        self.report: OfficialsReport | None = None
        self.selected_official: int | None = None
        self.official_trail: Trail | None = None
        self.search_trail: Trail | None = None
        self.trail: Trail | None = None
        """The trail `n`/`N` step through: the one set off last."""
        self.last_query = ""
        self.session: LibrarySession | None = None
        """The library's index and reading state (opened on mount, closed on unmount)."""
        self.library_filter: str | None = None
        """The official the article list is filtered to; None lists every article."""
        self._all_entries: list[LibraryEntry] = []
        self._index_status = ""
        self._pending_cursor: tuple[Article, int] | None = None
        """An article whose saved position is restored once it is laid out (not remembered meanwhile)."""

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Fallbacks so Textual's own themes work too; reader's themes set these.
        return {
            "reader-cursor": "#8080802a",
            "reader-cursor-bar": "#ffa62b",
            "reader-mention": "#4ebf71",
            "reader-mention-selected": "#ffa62b55",
            "reader-meta": "#9e9e9e",
            "reader-search-match": "#6a5acd80",
        }

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield LibraryTable(id="articles")
            with Vertical(id="reading-column"):
                yield ReadingView(id="reading")
                # The search bar (#search) is mounted here by the first `/`: see _search_bar.
            yield OfficialsPanel(id="officials", show_pinyin=self.config.pinyin)
        with Horizontal(id="statusbar"):
            yield Footer()
            yield Static("", id="position")

    def on_mount(self) -> None:
        # Subscribed after the first theme is set, and that one is skipped in the handler
        # (its signal arrives later): only a theme the user picks is remembered.
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.keymap:
            self.set_keymap(self.keymap)
        reading = self.query_one(ReadingView)
        reading.typeset = self.config.punctuation == "typeset"
        reading.set_max_measure(self.config.measure)
        # Only the reading state is read here (where to reopen); the index, and SQLite
        # behind it, open on first use, in the library worker after the first frame.
        self.session = LibrarySession(self.library, open_index=False)
        self._notices.extend(self.session.take_notices())  # a damaged state file (the index's come later)
        self.query_one(LibraryTable).set_progress(self.session.progress)
        self.set_interval(SAVE_INTERVAL, self.session.save_if_due)
        for notice in self._notices:  # they quote file names: inert, and never markup
            self.notify(inert_line(notice), severity="warning", timeout=8, markup=False)
        self._fit(self.size.width)
        if self.open_file is not None:
            self._open_path(self.open_file)
            reading.focus()
        elif (last := self.session.last_open()) is not None:
            self._open_path(last)  # a bare `reader` goes back to where it was left
            reading.focus()
        else:
            reading.show_message("Loading the library…")
            self._show_list(True)
            self.query_one(LibraryTable).focus()
        # Background work starts once the first frame is on screen, so it never delays it.
        if self._after_first_frame is not None:
            self.call_after_refresh(self._after_first_frame)
        self.call_after_refresh(self.load_library)

    # -- library ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        """Show the last index at once, then bring it up to date (text, then officials) off
        the UI thread, with progress in the list's title. Quitting cancels it between batches."""
        session = self.session
        if session is None:
            return
        worker = get_current_worker()

        def call(callback: Callable[..., object], *args: object, **kwargs: object) -> None:
            if not worker.is_cancelled:  # after quit there is no UI to call
                self.call_from_thread(callback, *args, **kwargs)

        call(self._set_entries, session.entries())
        try:
            session.refresh(
                lambda done, total, phase: call(self._index_progress, done, total, phase),
                lambda: worker.is_cancelled,
                lambda entries: call(self._set_entries, entries),
            )
        except OSError as error:
            message = f"Cannot list {inert_line(str(self.library))}: {error.strerror}"
            call(self.notify, message, severity="error", markup=False)
        call(self._library_loaded)

    def _set_entries(self, entries: list[LibraryEntry]) -> None:
        """A new snapshot of the whole library (from the index, or a refresh that changed it)."""
        self._all_entries = entries
        self._show_notices()
        if self.library_filter is not None:
            return  # the filtered list stays; it is recomputed when the refresh ends
        table = self.query_one(LibraryTable)
        table.set_entries(entries)
        if self.article is None and self.open_file is None:
            readable = next((entry for entry in table.entries if entry.error is None), None)
            if readable is not None:
                self._open_path(readable.path)
        self._sync_list_highlight()

    def _index_progress(self, done: int, total: int, phase: str) -> None:
        label = PHASE_LABELS.get(phase, phase)
        if phase == "scan":
            self._index_status = label
        else:
            self._index_status = f"{label} {done:,}/{total:,}" if done < total else ""
        self._update_list_title()
        if phase != "scan" and done < total:
            self._show_progress_bar(done, total)
        else:
            self._hide_progress_bar()

    def _show_progress_bar(self, done: int, total: int) -> None:
        """A bar in the status line while the index catches up (mounted on first use only:
        an up-to-date library never pays for it)."""
        from textual.widgets import ProgressBar

        bars = self.query("#index-progress")
        if bars:
            bar = bars.first(ProgressBar)
        else:
            bar = ProgressBar(show_eta=False, show_percentage=True, id="index-progress")
            self.query_one("#statusbar").mount(bar, before="#position")
        bar.update(total=total, progress=done)

    def _hide_progress_bar(self) -> None:
        for bar in self.query("#index-progress"):
            bar.remove()

    def _update_list_title(self) -> None:
        """The list's title: the filter and the index's progress, `Articles · 柳鹏 · indexing 200/9,800`."""
        title = Text("Articles")
        if self.library_filter is not None:
            title.append(f" · {inert_line(self.library_filter)}", style="bold")
        if self._index_status:
            title.append(f" · {self._index_status}", style="italic")
        self.query_one(LibraryTable).border_title = title

    def _library_loaded(self) -> None:
        self._index_status = ""
        self._update_list_title()
        self._hide_progress_bar()
        self._show_notices()
        if self.library_filter is not None:  # officials may have been found meanwhile
            self._show_filtered(self.library_filter, quiet=True)
        if not self.query_one(LibraryTable).entries and self.article is None:
            self.query_one(ReadingView).show_message(f"No articles in {inert_line(str(self.library))}")

    def _show_notices(self) -> None:
        if self.session is not None:
            for notice in self.session.take_notices():
                self.notify(notice, severity="warning", timeout=8, markup=False)

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()  # the last position is written here at the latest
        use_rich_ambiguous_width(1)

    def _sync_list_highlight(self) -> None:
        if self.article is None:
            return
        article_list = self.query_one(LibraryTable)
        index = article_list.index_of(self.article.path)
        if index is not None and article_list.highlighted != index:
            article_list.highlighted = index

    # -- opening articles ---------------------------------------------------------------

    def _open_path(self, path: Path, paragraph: int | None = None) -> None:
        """Open `path` at `paragraph`, or where it was left last time."""
        try:
            article = load_article(path)
        except ArticleError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        if paragraph is None and self.session is not None:
            paragraph = self.session.restore_position(path, len(article.paragraphs))
        self.show_article(article, paragraph or 0)

    def show_article(self, article: Article, paragraph: int = 0) -> None:
        """Show an article at once (at `paragraph`); its officials follow from a background worker."""
        self.article = article
        self.report = None
        self.selected_official = None
        self.official_trail = self.search_trail = self.trail = None
        self.sub_title = article.title
        self._hide_search()
        self.query_one(ReadingView).show_article(article, paragraph)
        if paragraph:
            # Before the first layout the view cannot place the cursor past paragraph 0.
            self._pending_cursor = (article, paragraph)
            self.call_after_refresh(self._restore_cursor, article, paragraph)
        else:
            self._pending_cursor = None
        if self.session is not None:
            self.session.remember(article.path, paragraph, len(article.paragraphs))
            self.query_one(LibraryTable).refresh()
        self.query_one(OfficialsPanel).show_waiting()
        self._sync_list_highlight()
        for notice in article.notices:  # e.g. bytes that decoded under no encoding
            self.notify(notice, severity="warning", timeout=6, markup=False)
        self.call_after_refresh(self.find_officials, article)

    @work(thread=True, exclusive=True, group="officials")
    def find_officials(self, article: Article) -> None:
        # Imported here, in the worker: the extractor never stands between launch and first paint.
        from reader.officials.extract import extract_officials
        from reader.officials.lexicon import LexiconError

        worker = get_current_worker()
        try:
            title = article.title if article.title_printed else None
            report = extract_officials(article.paragraphs, title=title)
        except LexiconError as error:  # a broken officials.yaml overlay: say so, keep reading
            self.call_from_thread(self._officials_failed, article, str(error))
            return
        if worker.is_cancelled:
            return
        self.call_from_thread(self._officials_found, article, report)
        # Pinyin and glosses follow: pypinyin takes ~0.1 s to import, the names need not wait.
        readings = self._readings(report)
        if not worker.is_cancelled:
            self.call_from_thread(self._readings_found, article, *readings)

    def _readings(self, report: OfficialsReport) -> tuple[dict[str, str], dict[str, str | None], list[str]]:
        """Each official's name in pinyin, each post's English gloss, and overlay problems (worker thread)."""
        from reader import glossary, pinyin

        names = {official.name: pinyin.name_pinyin(official.name) for official in report.officials}
        posts = {title: glossary.gloss(title) for official in report.officials for title in official.titles}
        problems = [problem for problem in (pinyin.overlay_problem(), glossary.overlay_problem()) if problem]
        return names, posts, problems

    def _officials_found(self, article: Article, report: OfficialsReport) -> None:
        if article is not self.article:
            return  # the user moved on while we were working
        self.report = report
        self.query_one(OfficialsPanel).show_report(report)
        self._refresh_spans()

    def _officials_failed(self, article: Article, message: str) -> None:
        if article is self.article:
            from reader.officials.model import OfficialsReport

            self.query_one(OfficialsPanel).show_report(OfficialsReport())
            self.notify(message, severity="error", timeout=10, markup=False)

    def _readings_found(
        self, article: Article, names: dict[str, str], posts: dict[str, str | None], problems: list[str]
    ) -> None:
        if not self._readings_checked:  # an overlay's problem is reported once, not per article
            self._readings_checked = True
            for problem in problems:
                self.notify(problem, severity="warning", timeout=8, markup=False)
        if article is self.article:
            self.query_one(OfficialsPanel).set_readings(names, posts)

    def _refresh_spans(self) -> None:
        """Hand the reading view every highlight: mentions, the selection, search matches."""
        spans: list[Span] = []
        if self.report is not None:
            for index, official in enumerate(self.report.officials):
                kind = "mention-selected" if index == self.selected_official else "mention"
                spans.extend(Span(m.paragraph, m.start, m.end, kind) for m in official.mentions)
        if self.search_trail is not None:
            spans.extend(Span(*target, "match") for target in self.search_trail.targets)
        for trail, kind in ((self.official_trail, "mention-current"), (self.search_trail, "match-current")):
            if trail is not None and trail is self.trail and trail.current is not None:
                spans.append(Span(*trail.current, kind))
        self.query_one(ReadingView).set_spans(spans)
        self._update_position()

    def _restore_cursor(self, article: Article, paragraph: int) -> None:
        if self._pending_cursor != (article, paragraph) or article is not self.article:
            return
        self._pending_cursor = None
        self.query_one(ReadingView).set_cursor(paragraph, scroll="jump")

    def on_library_table_open(self, event: LibraryTable.Open) -> None:
        if event.entry.error is not None:
            self.notify(event.entry.error, severity="error", markup=False)
            return
        self._open_path(event.entry.path)
        self._show_list(False)
        self.query_one(ReadingView).focus()

    def _step_article(self, step: int) -> None:
        article_list = self.query_one(LibraryTable)
        entries = article_list.entries
        if not entries:
            return
        current = article_list.index_of(self.article.path) if self.article else None
        index = (current if current is not None else -step) + step
        while 0 <= index < len(entries) and entries[index].error is not None:
            index += step  # skip files that cannot be read
        if 0 <= index < len(entries):
            self._open_path(entries[index].path)
        else:
            self.notify("No more articles" if step > 0 else "This is the first article", timeout=2)

    def action_next_article(self) -> None:
        self._step_article(+1)

    def action_previous_article(self) -> None:
        self._step_article(-1)

    # -- officials ----------------------------------------------------------------------

    def on_officials_panel_chosen(self, event: OfficialsPanel.Chosen) -> None:
        self._choose_official(event.index)

    def _choose_official(self, index: int) -> None:
        if self.report is None or not 0 <= index < len(self.report.officials):
            return
        official = self.report.officials[index]
        self.selected_official = index
        self.official_trail = Trail(official.name, [(m.paragraph, m.start, m.end) for m in official.mentions])
        self._follow(self.official_trail)

    def _follow(self, trail: Trail) -> None:
        """Make `trail` the one `n`/`N` step through and go to its current stop."""
        self.trail = trail
        self._refresh_spans()
        if trail.current is not None:
            self.query_one(ReadingView).set_cursor(trail.current[0], scroll="jump")

    def _step(self, by: int) -> None:
        trail = self.trail
        if trail is None:
            self.notify("Nothing to step through: choose an official (Tab, Enter) or search (/)", timeout=3)
            return
        trail.step(by)
        self._follow(trail)

    def action_next_stop(self) -> None:
        self._step(+1)

    def action_previous_stop(self) -> None:
        self._step(-1)

    # -- search -------------------------------------------------------------------------

    def _search_bar(self) -> Input | None:
        """The search bar under the article, or None before the first `/` mounts it.

        Most sessions never search an article, and a hidden Input still costs the first
        frame its stylesheet (Textual parses a widget type's CSS when the first one
        mounts) and its styling: it is created on demand instead, and then kept.
        """
        try:
            return self.query_one("#search", Input)
        except NoMatches:
            return None

    async def action_search(self) -> None:
        """Open the search bar under the article (mounting it the first time)."""
        if self.article is None:
            return
        bar = self._search_bar()
        if bar is None:
            bar = Input(placeholder="Search this article (Enter: find, Esc: clear)", id="search")
            await self.query_one("#reading-column", Vertical).mount(bar)
        bar.display = True
        if not bar.value and self.last_query:
            bar.value = self.last_query  # `/` then Enter repeats the last search
            bar.cursor_position = len(bar.value)
        bar.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "search" or self.article is None:
            return
        query = event.value.strip()
        if not query:
            self._clear_search()
            return
        from reader.find import find_matches

        matches = find_matches(self.article.paragraphs, query)
        if not matches:
            self.notify(f"No match for 「{query}」", severity="warning", timeout=3, markup=False)
            return
        cursor = self.query_one(ReadingView).cursor
        # Start at the first match at or after the cursor, as `less` and vim do.
        first = next((i for i, match in enumerate(matches) if match.paragraph >= cursor), 0)
        self.search_trail = Trail(f"「{query}」", [(m.paragraph, m.start, m.end) for m in matches], first)
        self.last_query = query
        self._hide_search()  # the footer carries the query and the count from here
        self.query_one(ReadingView).focus()
        self._follow(self.search_trail)

    def _clear_search(self) -> None:
        self.search_trail = None
        if self.trail is not None and self.trail is not self.official_trail:
            self.trail = self.official_trail
        self._hide_search()
        self._refresh_spans()

    def _hide_search(self) -> None:
        bar = self._search_bar()
        if bar is None:
            return
        bar.value = ""
        if bar.has_focus:
            self.query_one(ReadingView).focus()
        bar.display = False

    def action_escape(self) -> None:
        """Esc closes the search bar, then clears the search; otherwise back to the list."""
        bar = self._search_bar()
        if bar is not None and bar.display:
            self._hide_search()
            return
        if self.search_trail is not None:
            self._clear_search()
            return
        if self.library_filter is not None and isinstance(self.focused, LibraryTable):
            self.action_clear_filter()  # Esc in a filtered list lists everything again
            return
        self._show_list(True)
        self.query_one(LibraryTable).focus()

    # -- the library: search, timelines, filter ------------------------------------------

    def action_search_library(self) -> None:
        """Search every article; the chosen hit opens at its paragraph."""
        from reader.ui.screens.search import SearchScreen

        if self.session is None or isinstance(self.screen, SearchScreen):
            return
        self.push_screen(SearchScreen(self.session.search), self._open_found)

    def _open_found(self, result: tuple[Path, int] | None) -> None:
        self._show_notices()  # a search that found the index damaged said so on its screen
        if result is not None:
            path, paragraph = result
            self._open_path(path, paragraph)
            self._show_list(False)
            self.query_one(ReadingView).focus()

    def _highlighted_official(self) -> str | None:
        """The official under the sidebar's cursor (else the one chosen last)."""
        if self.report is None:
            return None
        panel = self.query_one(OfficialsPanel)
        option_id = panel.get_option_at_index(panel.highlighted).id if panel.highlighted is not None else None
        if option_id and option_id.startswith("official-"):
            return self.report.officials[int(option_id.removeprefix("official-"))].name
        if self.selected_official is not None:
            return self.report.officials[self.selected_official].name
        return None

    def action_official_timeline(self) -> None:
        """`w` in the sidebar: every article naming the highlighted official, oldest first."""
        name = self._highlighted_official()
        if name is not None:
            self.show_timeline(name)

    def show_timeline(self, name: str) -> None:
        from reader.ui.screens.timeline import OfficialTimelineScreen

        if self.session is None or isinstance(self.screen, OfficialTimelineScreen):
            return
        rows = self.session.timeline(name)
        pending = self.session.pending_officials()
        if pending:
            self.notify(f"Officials of {pending:,} articles are still being read: more may come", timeout=4)
        self.push_screen(OfficialTimelineScreen(name, rows), self._timeline_chosen)

    def _timeline_chosen(self, result: TimelineResult) -> None:
        from reader.ui.screens.timeline import FilterByOfficial

        if isinstance(result, FilterByOfficial):
            self._show_filtered(result.name)
        elif result is not None:
            path, paragraph = result
            self._open_path(path, paragraph)
            self._show_list(False)
            self.query_one(ReadingView).focus()

    def action_filter_official(self) -> None:
        """`f` in the sidebar: list only the articles that name the highlighted official."""
        name = self._highlighted_official()
        if name is not None:
            self._show_filtered(name)

    def _show_filtered(self, name: str, quiet: bool = False) -> None:
        if self.session is None:
            return
        entries = self.session.entries_mentioning(name)
        if not entries and not quiet:
            pending = self.session.pending_officials()
            still = f" yet: officials of {pending:,} articles are still being read" if pending else ""
            self.notify(inert_line(f"No article in the index names {name}{still}"), timeout=4, markup=False)
            return
        self.library_filter = name
        table = self.query_one(LibraryTable)
        table.set_entries(entries)
        self._update_list_title()
        self._sync_list_highlight()
        if not quiet:
            self._show_list(True)
            table.focus()

    def action_clear_filter(self) -> None:
        """List every article again."""
        if self.library_filter is None:
            return
        self.library_filter = None
        self.query_one(LibraryTable).set_entries(self._all_entries)
        self._update_list_title()
        self._sync_list_highlight()

    # -- chrome -------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        """Fewer panes on a small terminal, so the text keeps a readable column.

        Below NARROW_WIDTH the list and the article take turns (Esc shows the list,
        Enter the article); below COMPACT_WIDTH the sidebar starts hidden too (`s`).
        """
        self.screen.set_class(width < NARROW_WIDTH, "-narrow")
        self.screen.set_class(width < COMPACT_WIDTH, "-compact")

    def _show_list(self, listing: bool) -> None:
        self.screen.set_class(listing, "-listing")

    def on_reading_view_cursor_moved(self, event: ReadingView.CursorMoved) -> None:
        self._update_position()
        self._remember_position()

    def _remember_position(self) -> None:
        """Remember the paragraph (written at most every SAVE_INTERVAL s); redraw the list's
        mark only when it changes (· → ◔ → ◑ → ◕ → ✓)."""
        article, session = self.article, self.session
        if article is None or session is None or self._pending_cursor is not None:
            return
        total = len(article.paragraphs)
        before = progress_mark(session.progress_of(article.path, total))
        session.remember(article.path, self.query_one(ReadingView).cursor, total)
        if progress_mark(session.progress_of(article.path, total)) != before:
            self.query_one(LibraryTable).refresh()

    def _update_position(self) -> None:
        reading = self.query_one(ReadingView)
        total = reading.paragraph_count
        text = Text(f"¶ {reading.cursor + 1}/{total}" if total else "¶ –")
        if self.trail is not None:
            text.append(f" · {self.trail.status()}", style="bold")
        # Fixed width in the stylesheet, so no layout pass is needed on every keypress.
        self.query_one("#position", Static).update(text, layout=False)

    def action_help(self) -> None:
        """The keys of the focused pane, then the global ones, as remapped by the config."""
        from reader.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        scopes = {ReadingView: "reader", LibraryTable: "list", OfficialsPanel: "officials"}
        scope = next((name for kind, name in scopes.items() if isinstance(self.focused, kind)), None)
        self.push_screen(HelpScreen(scope, self.keymap))

    # -- palette commands ---------------------------------------------------------------

    def action_open_article_by_path(self, path: Path) -> None:
        """Open an article the palette found in the list, and read it."""
        self._open_path(Path(path))
        self.query_one(ReadingView).focus()

    def action_jump_to_official(self, index: int) -> None:
        """What choosing the official in the sidebar does: select it and go to its first mention."""
        panel = self.query_one(OfficialsPanel)
        try:
            panel.highlighted = panel.get_option_index(f"official-{index}")
        except OptionDoesNotExist:
            return
        self._choose_official(index)

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

    # -- themes -------------------------------------------------------------------------

    def _theme_cycle(self) -> list[str]:
        """reader's own themes (bundled and the user's), else every theme Textual has."""
        names = sorted(name for name in self._theme_specs if name in self.available_themes)
        return names or sorted(self.available_themes)

    def action_next_theme(self) -> None:
        cycle = self._theme_cycle()
        following = cycle[(cycle.index(self.theme) + 1) % len(cycle)] if self.theme in cycle else cycle[0]
        self.theme = following

    def _theme_changed(self, theme: Theme) -> None:
        if theme.name == self._start_theme:
            self._start_theme = None  # the start-up theme's own signal: nothing to remember
            return
        self._start_theme = None
        try:
            save_preferences(Preferences(theme=theme.name))
        except OSError as error:
            message = f"Theme {theme.name} not remembered: {error.strerror}"
            self.notify(inert_line(message), severity="warning", markup=False)
            return
        note = f"Theme: {theme.name}"
        if self.config.theme and self.config.theme != theme.name:
            source = self.config.path.name if self.config.path else "config.yaml"
            note += f" ({source}'s theme: {self.config.theme} applies at start)"
        self.notify(inert_line(note), timeout=3, markup=False)

    # -- copy and export ----------------------------------------------------------------

    def _cursor_paragraph(self) -> int | None:
        if self.article is None or not self.article.paragraphs:
            self.notify("No article open", severity="warning", timeout=2)
            return None
        return min(self.query_one(ReadingView).cursor, len(self.article.paragraphs) - 1)

    def action_copy_paragraph(self) -> None:
        """Copy the paragraph under the cursor (OSC 52, as Textual does), made inert."""
        paragraph = self._cursor_paragraph()
        if paragraph is None or self.article is None:
            return
        self.copy_to_clipboard(inert_line(self.article.paragraphs[paragraph]))
        self.notify(f"Copied ¶ {paragraph + 1} to the clipboard", timeout=2)

    def action_copy_citation(self) -> None:
        """Copy a one-line citation of the paragraph under the cursor."""
        paragraph = self._cursor_paragraph()
        if paragraph is None or self.article is None:
            return
        from reader.citation import citation

        self.copy_to_clipboard(citation(self.article, paragraph, relative_to=self.library))
        self.notify(f"Copied a citation of ¶ {paragraph + 1} to the clipboard", timeout=2)

    def action_export_officials(self) -> None:
        """Copy the officials as CSV to the clipboard and save CSV and JSON in the state folder.

        Never beside the article: reader does not write into article folders.
        """
        if self.article is None or self.report is None:
            self.notify("No officials to export (yet)", severity="warning", timeout=2)
            return
        from reader.library.atomic import write_atomic
        from reader.officials.export import report_to_csv, report_to_dict

        csv_text = report_to_csv(self.article, self.report)
        json_text = json_safe(
            json.dumps(report_to_dict(self.article, self.report), ensure_ascii=False, indent=2)
        )
        self.copy_to_clipboard(csv_text)
        folder = locations.state_dir() / EXPORT_FOLDER
        stem = f"{self.article.path.stem}-officials"
        try:
            write_atomic(folder / f"{stem}.csv", csv_text.encode("utf-8"))
            write_atomic(folder / f"{stem}.json", (json_text + "\n").encode("utf-8"))
        except OSError as error:
            saved = f"; not saved ({error.strerror})"
        else:
            saved = f"; CSV and JSON saved as {folder / stem}.csv / .json"
        count = len(self.report.officials)
        self.notify(inert_line(f"{count} officials copied to the clipboard as CSV{saved}"), markup=False)
