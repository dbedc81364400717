"""reader's commands in Textual's command palette (ctrl+p).

Open an article by title, jump to an official by name or by pinyin typed without
tones (liu peng finds 柳鹏) or open their person view, the People screen, search the
article, switch theme, toggle the sidebar; a web address typed or pasted adds that page
to reader's inbox and opens it.
The provider belongs to the reader screen (`ReaderScreen.COMMANDS`): it reads what the
screen shows (the article list's entries, the officials report) and the app's themes,
and calls the screen's actions (`PaletteTarget`), so it holds no state of its own and
always offers what is on screen.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.markup import escape

from reader.textsafety import inert_line
from reader.ui.widgets.library_table import LibraryTable

if TYPE_CHECKING:
    from reader.reading import ReadingSession

BATCH = 200  # hand control back to the event loop this often on a large library
MATCH_STYLE = "bold reverse"


def plain_pinyin(name: str) -> str:
    """A name's pinyin without tone marks, as people type it: 柳鹏 -> "liu peng"."""
    from reader.pinyin import name_pinyin

    decomposed = unicodedata.normalize("NFD", name_pinyin(name))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.replace("'", "").lower()


class PaletteTarget(Protocol):
    """What the provider needs of the screen it was opened on (the reader screen)."""

    reading: ReadingSession
    """What is read: the palette offers its officials."""

    def action_search(self) -> object: ...
    def action_search_library(self) -> None: ...
    def action_clear_filter(self) -> None: ...
    def action_toggle_sidebar(self) -> None: ...
    def action_jump_to_official(self, index: int) -> None: ...
    def action_open_article_by_path(self, path: Path) -> None: ...
    def show_timeline(self, name: str) -> None: ...
    def show_person(self, name: str, article: Path | None) -> None: ...
    def action_people(self) -> None: ...
    def add_page(self, url: str) -> None: ...


class ReaderCommands(Provider):
    """Palette commands for the article on screen and the library beside it."""

    def _commands(self) -> Iterator[tuple[str, Callable[[], Any], str]]:
        """(text to match, what to run, help line) for every command available now."""
        screen = cast(PaletteTarget, self.screen)
        app = self.app
        yield "Search this article", screen.action_search, "Find a phrase; n / N step through the matches"
        yield "Search all articles", screen.action_search_library, "Find a phrase in every article"
        for table in self.screen.query(LibraryTable):
            if table.library_filter is not None:
                now = f"Now: articles naming {table.library_filter}"
                yield "Show all articles", screen.action_clear_filter, now
        yield "Toggle sidebar", screen.action_toggle_sidebar, "Show or hide the officials"
        yield "People", screen.action_people, "Every person of the library: posts, careers, who with whom"
        for name in sorted(app.available_themes):
            current = " (current)" if name == app.theme else ""
            yield f"Switch theme: {name}", partial(setattr, app, "theme", name), f"Colours{current}"
        report = screen.reading.report
        if report is not None:
            for index, official in enumerate(report.officials):
                text = f"Jump to official: {official.name} {plain_pinyin(official.name)}"
                posts = "、".join(official.titles)
                mentions = f"{len(official.mentions)} mention{'s' if len(official.mentions) != 1 else ''}"
                yield text, partial(screen.action_jump_to_official, index), f"{posts}  ·  {mentions}"
                article = screen.reading.article
                yield (
                    f"Where else: {official.name} {plain_pinyin(official.name)}",
                    partial(screen.show_person, official.name, article.path if article else None),
                    "This person's career, mentions a month, who they appear with, their articles",
                )

    def _articles(self) -> Iterator[tuple[str, Callable[[], Any], str]]:
        screen = cast(PaletteTarget, self.screen)
        for article_list in self.screen.query(LibraryTable):
            for entry in article_list.entries:
                if entry.error is None:
                    details = "  ·  ".join(part for part in (entry.date_text, entry.source) if part)
                    command = partial(screen.action_open_article_by_path, entry.path)
                    yield f"Open article: {entry.title}", command, details or entry.path.name

    async def discover(self) -> Hits:
        """With nothing typed: the commands, officials and themes (articles need a query)."""
        for text, command, help_text in self._commands():
            text, help_text = inert_line(text), inert_line(help_text)
            yield DiscoveryHit(Text(text), command, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        """Every command, official and article whose text fuzzily matches `query`; for a web
        address, first "Add to the inbox" (what `reader add URL` does)."""
        from reader.inbox import is_url

        if is_url(query):
            url = inert_line(query.strip())
            screen = cast(PaletteTarget, self.screen)
            help_text = "Fetch the page once and keep its article as Markdown in reader's inbox; open it"
            yield Hit(
                1.0,
                Text(f"Add to the inbox: {url}"),
                partial(screen.add_page, query.strip()),
                text=url,
                help=help_text,
            )
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


class ScreenCommands(Provider):
    """Palette commands a screen lists itself (`palette_commands()`: text, action, help):
    the People screen and the person view, whose commands are about the person shown."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        listed = getattr(self.screen, "palette_commands", None)
        return list(listed()) if callable(listed) else []

    async def discover(self) -> Hits:
        for text, command, help_text in self._commands():
            text, help_text = inert_line(text), inert_line(help_text)
            yield DiscoveryHit(Text(text), command, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._commands():
            text, help_text = inert_line(text), inert_line(help_text)
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, text), command, text=text, help=escape(help_text))
