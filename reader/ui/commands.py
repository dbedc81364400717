"""reader's commands in Textual's command palette (ctrl+p).

Open an article by title, jump to an official by name or by pinyin typed without
tones (liu peng finds 柳鹏), search the article, switch theme, toggle the sidebar.
The provider reads what the app shows (the article list's entries, the officials
report, the registered themes) and calls app actions by name, so it holds no state
of its own and always offers what is on screen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.markup import escape

from reader.textsafety import inert_line
from reader.ui.widgets.library_table import LibraryTable

BATCH = 200  # hand control back to the event loop this often on a large library
MATCH_STYLE = "bold reverse"


def plain_pinyin(name: str) -> str:
    """A name's pinyin without tone marks, as people type it: 柳鹏 -> "liu peng"."""
    from reader.pinyin import name_pinyin

    decomposed = unicodedata.normalize("NFD", name_pinyin(name))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.replace("'", "").lower()


class ReaderCommands(Provider):
    """Palette commands for the article on screen and the library beside it."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], Any], str]]:
        """(text to match, what to run, help line) for every command available now."""
        app: Any = self.app
        yield "Search this article", app.action_search, "Find a phrase; n / N step through the matches"
        yield "Search all articles", app.action_search_library, "Find a phrase in every article"
        if getattr(app, "library_filter", None) is not None:
            yield "Show all articles", app.action_clear_filter, f"Now: articles naming {app.library_filter}"
        yield "Toggle sidebar", app.action_toggle_sidebar, "Show or hide the officials"
        for name in sorted(app.available_themes):
            current = " (current)" if name == app.theme else ""
            yield f"Switch theme: {name}", partial(setattr, app, "theme", name), f"Colours{current}"
        report = getattr(app, "report", None)
        if report is not None:
            for index, official in enumerate(report.officials):
                text = f"Jump to official: {official.name} {plain_pinyin(official.name)}"
                posts = "、".join(official.titles)
                mentions = f"{len(official.mentions)} mention{'s' if len(official.mentions) != 1 else ''}"
                yield text, partial(app.action_jump_to_official, index), f"{posts}  ·  {mentions}"
                yield (
                    f"Where else: {official.name} {plain_pinyin(official.name)}",
                    partial(app.show_timeline, official.name),
                    "Every article naming this official, with the posts each gives",
                )

    def _articles(self) -> Iterator[tuple[str, Callable[[], Any], str]]:
        app: Any = self.app
        for article_list in self.screen.query(LibraryTable):
            for entry in article_list.entries:
                if entry.error is None:
                    details = "  ·  ".join(part for part in (entry.date_text, entry.source) if part)
                    command = partial(app.action_open_article_by_path, entry.path)
                    yield f"Open article: {entry.title}", command, details or entry.path.name

    async def discover(self) -> Hits:
        """With nothing typed: the commands, officials and themes (articles need a query)."""
        for text, command, help_text in self._commands():
            text, help_text = inert_line(text), inert_line(help_text)
            yield DiscoveryHit(Text(text), command, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        """Every command, official and article whose text fuzzily matches `query`."""
        matcher = self.matcher(query)
        for count, (text, command, help_text) in enumerate([*self._commands(), *self._articles()], start=1):
            text, help_text = inert_line(text), inert_line(help_text)
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), command, text=text, help=escape(help_text))
            if count % BATCH == 0:
                await self._yield_to_loop()

    @staticmethod
    async def _yield_to_loop() -> None:
        import asyncio

        await asyncio.sleep(0)


def _highlight(matcher: Matcher, text: str) -> Text:
    """The matched characters picked out, in a Text: titles and names come from files and
    must never be read as markup (Textual's `Matcher.highlight` would parse them)."""
    display = Text(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            display.stylize(MATCH_STYLE, offset, offset + 1)
    return display
