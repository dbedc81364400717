"""Search across the library: type a phrase, see every paragraph that has it, open one.

The screen only presents: it is given a `search(query) -> list[SearchHit]` function
(the app passes its LibraryIndex's), runs it in a worker thread a moment after the
last keystroke, and draws each hit's snippet with the matches highlighted from the
hit's offsets — never from markup, since the text comes from untrusted files. A story
several files print is found once, its hits saying how many copies there are.
Enter dismisses the screen with `(path, paragraph)`; Esc with None.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.library import SearchHit
from reader.textsafety import inert

DEBOUNCE_SECONDS = 0.15
"""Wait this long after a keystroke before searching: typing 国际港务区 runs one search, not five."""

SearchFunction = Callable[[str], list[SearchHit]]


def hit_prompt(hit: SearchHit, match_style: Style | str = "bold reverse") -> Text:
    """Two lines for one hit: title, date and paragraph; then the snippet, matches styled."""
    where = "title" if hit.paragraph < 0 else f"¶ {hit.paragraph + 1}"
    prompt = Text(inert(hit.title, keep_newlines=False), style="bold")
    if hit.copies > 1:  # one story, found once: its other copies give no hit (`r` lists them)
        prompt.append(f"  {hit.copies} copies", style="bold")
    prompt.append(f"  {hit.date_text}  {where}".rstrip(), style="dim")
    prompt.append("\n")
    snippet = Text(inert(hit.snippet, keep_newlines=False))  # one char for one: the marks still fit
    for start, end in hit.marks:
        snippet.stylize(match_style, start, end)
    prompt.append_text(snippet)
    return prompt


class SearchScreen(ModalScreen[tuple[Path, int] | None]):
    """A phrase search over every article; Enter opens the highlighted hit."""

    COMPONENT_CLASSES = {"search-screen--match"}

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("down", "focus_results", "Results", show=False),
    ]

    def __init__(self, search: SearchFunction, query: str = "") -> None:
        super().__init__()
        self._search = search
        self._initial = query
        self._hits: list[SearchHit] = []
        self._shown_query: str | None = None
        self._timer: Timer | None = None
        self._requested: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box") as box:
            box.border_title = "Search all articles"
            box.border_subtitle = "Enter open · Esc close"
            yield Input(self._initial, placeholder="a phrase: 国防动员, 柳鹏, GDP…", id="search-input")
            yield OptionList(id="search-results")
            yield Static("", id="search-status")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self._initial.strip():
            self._start(self._initial)

    @property
    def hits(self) -> list[SearchHit]:
        """The hits on screen (for the app and tests)."""
        return self._hits

    # -- searching ----------------------------------------------------------------------------

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        if event.value == self._requested:
            return  # already searched (the Input announces its initial value once mounted)
        self._timer = self.set_timer(DEBOUNCE_SECONDS, lambda: self._start(event.value))

    def _start(self, query: str) -> None:
        self._requested = query
        self._run_search(query)

    @work(thread=True, exclusive=True, group="search")
    def _run_search(self, query: str) -> None:
        try:
            hits = self._search(query) if query.strip() else []
            problem = None
        except Exception as error:  # a damaged index must not kill the screen
            hits, problem = [], f"Search failed: {error}"
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, query, hits, problem)

    def _show(self, query: str, hits: list[SearchHit], problem: str | None = None) -> None:
        if query != self.query_one(Input).value:
            return  # the user typed on; a newer search is coming
        self._hits, self._shown_query = hits, query
        match = self.get_component_rich_style("search-screen--match", partial=True)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(hit_prompt(hit, match), id=str(n)) for n, hit in enumerate(hits))
        if hits:
            results.highlighted = 0
        status = self.query_one("#search-status", Static)
        if problem:
            status.update(Text(problem))
        elif not query.strip():
            status.update("")
        else:
            count = f"{len(hits)}+" if len(hits) >= 200 else str(len(hits))
            stories = len({hit.path for hit in hits})
            found = f"{count} paragraphs in {stories} {'story' if stories == 1 else 'stories'}"
            status.update(Text(found if hits else "No match"))

    # -- choosing -----------------------------------------------------------------------------

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        if self._shown_query != event.value:  # Enter before the debounce fired: search now
            if self._timer is not None:
                self._timer.stop()
            self._requested = event.value
            try:
                hits = self._search(event.value) if event.value.strip() else []
            except Exception as error:
                self._show(event.value, [], f"Search failed: {error}")
                return
            self._show(event.value, hits)
        highlighted = self.query_one(OptionList).highlighted
        self._choose(highlighted if highlighted is not None else 0)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self._hits):
            hit = self._hits[index]
            self.dismiss((hit.path, hit.open_paragraph))

    def action_focus_results(self) -> None:
        if self._hits:
            self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)
