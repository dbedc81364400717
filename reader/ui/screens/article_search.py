"""Searching the open article: `/` opens a bar under it, Enter jumps to the first match.

Why a mixin: the search bar's life (mounted on the first `/`, hidden once a search runs,
its query then carried by the footer) is one job beside the reader screen's others; the
matches themselves are the reading session's search trail, stepped through with `n`.
"""

from __future__ import annotations

from textual.containers import Vertical
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import Input

from reader.reading import ReadingSession, Stop
from reader.ui.widgets.reading_view import ReadingView
from reader.ui.widgets.search_bar import SearchBar


class ArticleSearch(Screen[None]):
    """The screen's search bar and what Enter and clearing do with it."""

    reading: ReadingSession

    def _go(self, stop: Stop | None) -> None:
        raise NotImplementedError

    def _say_if_wrapped(self) -> None:
        raise NotImplementedError

    def _refresh_spans(self) -> None:
        raise NotImplementedError

    def _search_bar(self) -> SearchBar | None:
        """The search bar under the article, or None before the first `/` mounts it."""
        try:
            return self.query_one(SearchBar)
        except NoMatches:
            return None

    async def action_search(self) -> None:
        """Open the search bar under the article (mounting it the first time)."""
        if self.reading.article is None:
            return
        bar = self._search_bar()
        if bar is None:
            bar = SearchBar()
            await self.query_one("#reading-column", Vertical).mount(bar)
        bar.open(self.reading.last_query)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not isinstance(event.input, SearchBar) or self.reading.article is None:
            return
        query = event.value.strip()
        if not query:
            self._clear_search()
            return
        stop = self.reading.search(query, self.query_one(ReadingView).cursor)
        if stop is None:
            self.notify(f"No match for 「{query}」", severity="warning", timeout=3, markup=False)
            return
        self._hide_search()  # the footer carries the query and the count from here
        self.query_one(ReadingView).focus()
        self._go(stop)
        self._say_if_wrapped()

    def _clear_search(self) -> None:
        self.reading.clear_search()
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
