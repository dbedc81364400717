"""The library's article list: title, then date and outlet, one option per file."""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library import LibraryEntry
from reader.ui.keymap import bindings_for


class ArticleList(OptionList):
    """Articles of the library; Enter (or a click) opens one."""

    BINDINGS = bindings_for("list")  # j/k/g/G beside the arrows OptionList has; remappable by id

    class Open(Message):
        """The user chose an article to read."""

        def __init__(self, entry: LibraryEntry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[LibraryEntry] = []
        self.border_title = "Articles"

    def add_entries(self, entries: list[LibraryEntry]) -> None:
        """Append entries (the library loads in batches, in the background)."""
        self.entries.extend(entries)
        self.add_options(
            self._option(entry, len(self.entries) - len(entries) + i) for i, entry in enumerate(entries)
        )
        self.border_subtitle = str(len(self.entries))

    @staticmethod
    def _option(entry: LibraryEntry, index: int) -> Option:
        # Text objects, never markup strings: titles come from untrusted files.
        prompt = Text(entry.title, style="bold" if entry.error is None else "dim strike")
        details = entry.error or "  ·  ".join(part for part in (entry.date_text, entry.source) if part)
        if details:
            prompt.append("\n")
            prompt.append(details, style="dim")
        return Option(prompt, id=str(index))

    def index_of(self, path: object) -> int | None:
        return next((i for i, entry in enumerate(self.entries) if entry.path == path), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Open(self.entries[event.option_index]))
