"""The reader app: article list, reading view and officials sidebar side by side.

The app wires the widgets to the core: it loads the library in the background,
opens articles, runs the officials extractor off the UI thread (the text paints
first, the sidebar fills when ready) and routes the officials keys.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from reader.article import Article, ArticleError
from reader.library import LibraryEntry, find_article_files, read_entry
from reader.loaders import load_article
from reader.officials import OfficialsReport, extract_officials
from reader.theme_files import ThemeSpec
from reader.ui.screens.help import HelpScreen
from reader.ui.themes import to_textual_theme
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView, Span

LIBRARY_BATCH = 50


class ReaderApp(App[None]):
    """A terminal reader for Chinese news that shows who is who."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = False

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("escape", "focus_list", "List", show=False),
        Binding("left_square_bracket", "previous_article", "Prev article", key_display="["),
        Binding("right_square_bracket", "next_article", "Next article", key_display="]"),
        Binding("n", "next_mention", "Next mention"),
        Binding("N", "previous_mention", "Prev mention", key_display="N"),
    ]

    def __init__(
        self,
        *,
        library: Path,
        open_file: Path | None = None,
        theme_specs: dict[str, ThemeSpec] | None = None,
        theme_name: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.open_file = open_file
        self._theme_specs = theme_specs or {}
        self._theme_name = theme_name
        self.article: Article | None = None
        self.report: OfficialsReport | None = None
        self.selected_official: int | None = None
        self.mention_index = 0

    def get_theme_variable_defaults(self) -> dict[str, str]:
        # Fallbacks so Textual's own themes work too; reader's themes set these.
        return {
            "reader-cursor": "#8080802a",
            "reader-cursor-bar": "#ffa62b",
            "reader-mention": "#4ebf71",
            "reader-mention-selected": "#ffa62b55",
            "reader-meta": "#9e9e9e",
        }

    def compose(self) -> ComposeResult:
        with Horizontal(id="panes"):
            yield ArticleList(id="articles")
            yield ReadingView(id="reading")
            yield OfficialsPanel(id="officials")
        with Horizontal(id="statusbar"):
            yield Footer()
            yield Static("", id="position")

    def on_mount(self) -> None:
        for spec in self._theme_specs.values():
            self.register_theme(to_textual_theme(spec))
        if self._theme_name in self.available_themes:
            self.theme = self._theme_name
        reading = self.query_one(ReadingView)
        if self.open_file is not None:
            self._open_path(self.open_file)
            reading.focus()
        else:
            reading.show_message("Loading the library…")
            self.query_one(ArticleList).focus()
        # Background work starts once the first frame is on screen, so it never delays it.
        self.call_after_refresh(self.load_library)

    # -- library ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        """Read the library's files off the UI thread, feeding the list in batches."""
        worker = get_current_worker()
        try:
            paths = find_article_files(self.library)
        except OSError as error:
            self.call_from_thread(
                self.notify, f"Cannot list {self.library}: {error.strerror}", severity="error"
            )
            paths = []
        batch: list[LibraryEntry] = []
        for path in paths:
            if worker.is_cancelled:
                return
            batch.append(read_entry(path))
            if len(batch) >= LIBRARY_BATCH:
                self.call_from_thread(self._add_entries, batch)
                batch = []
        self.call_from_thread(self._add_entries, batch)
        self.call_from_thread(self._library_loaded)

    def _add_entries(self, entries: list[LibraryEntry]) -> None:
        article_list = self.query_one(ArticleList)
        first_batch = not article_list.entries
        article_list.add_entries(entries)
        if first_batch and entries and self.article is None and self.open_file is None:
            readable = next((entry for entry in entries if entry.error is None), None)
            if readable is not None:
                self._open_path(readable.path)
        self._sync_list_highlight()

    def _library_loaded(self) -> None:
        if not self.query_one(ArticleList).entries and self.article is None:
            self.query_one(ReadingView).show_message(f"No articles in {self.library}")

    def _sync_list_highlight(self) -> None:
        if self.article is None:
            return
        article_list = self.query_one(ArticleList)
        index = article_list.index_of(self.article.path)
        if index is not None and article_list.highlighted != index:
            article_list.highlighted = index

    # -- opening articles ---------------------------------------------------------------

    def _open_path(self, path: Path) -> None:
        try:
            article = load_article(path)
        except ArticleError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.show_article(article)

    def show_article(self, article: Article) -> None:
        """Show an article at once; its officials follow from a background worker."""
        self.article = article
        self.report = None
        self.selected_official = None
        self.mention_index = 0
        self.sub_title = article.title
        self.query_one(ReadingView).show_article(article)
        self.query_one(OfficialsPanel).show_waiting()
        self._sync_list_highlight()
        self.call_after_refresh(self.find_officials, article)

    @work(thread=True, exclusive=True, group="officials")
    def find_officials(self, article: Article) -> None:
        report = extract_officials(article.paragraphs)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self._officials_found, article, report)

    def _officials_found(self, article: Article, report: OfficialsReport) -> None:
        if article is not self.article:
            return  # the user moved on while we were working
        self.report = report
        self.query_one(OfficialsPanel).show_report(report)
        self._refresh_spans()

    def _refresh_spans(self) -> None:
        report = self.report
        spans: list[Span] = []
        if report is not None:
            for index, official in enumerate(report.officials):
                selected = index == self.selected_official
                spans.extend(Span(m.paragraph, m.start, m.end, selected) for m in official.mentions)
        self.query_one(ReadingView).set_spans(spans)

    def on_article_list_open(self, event: ArticleList.Open) -> None:
        if event.entry.error is not None:
            self.notify(event.entry.error, severity="error", markup=False)
            return
        self._open_path(event.entry.path)
        self.query_one(ReadingView).focus()

    def _step_article(self, step: int) -> None:
        article_list = self.query_one(ArticleList)
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
        self.selected_official = event.index
        self.mention_index = 0
        self._refresh_spans()
        self._go_to_mention()

    def _go_to_mention(self) -> None:
        if self.report is None or self.selected_official is None:
            return
        official = self.report.officials[self.selected_official]
        if not official.mentions:
            return
        mention = official.mentions[self.mention_index]
        self.query_one(ReadingView).set_cursor(mention.paragraph, scroll="jump")
        self._update_position()

    def _step_mention(self, step: int) -> None:
        if self.report is None or self.selected_official is None:
            self.notify("Select an official in the sidebar first (Tab, then Enter)", timeout=3)
            return
        count = len(self.report.officials[self.selected_official].mentions)
        if count:
            self.mention_index = (self.mention_index + step) % count
            self._go_to_mention()

    def action_next_mention(self) -> None:
        self._step_mention(+1)

    def action_previous_mention(self) -> None:
        self._step_mention(-1)

    # -- chrome -------------------------------------------------------------------------

    def on_reading_view_cursor_moved(self, event: ReadingView.CursorMoved) -> None:
        self._update_position()

    def _update_position(self) -> None:
        reading = self.query_one(ReadingView)
        total = reading.paragraph_count
        text = Text(f"¶ {reading.cursor + 1}/{total}" if total else "¶ –")
        if self.report is not None and self.selected_official is not None:
            official = self.report.officials[self.selected_official]
            text.append(f"  {official.name} {self.mention_index + 1}/{len(official.mentions)}")
        self.query_one("#position", Static).update(text)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_focus_list(self) -> None:
        self.query_one(ArticleList).focus()
