"""The copies of one story: every file of the library that prints it, newest first.

Why a screen of its own: the list shows a story reprinted by several outlets as one row
(its newest copy, ` ×3`), so the other copies must be one key away (`r`, `app.copies`):
which outlets printed it and when, each opened with Enter. The rows come from
`LibrarySession.copies` (the screen queries nothing itself). Dismissed with the path of
the copy chosen, or None (Esc). Titles and outlets come from untrusted files: each row
is a rich Text of inert text, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.library import LibraryEntry
from reader.textsafety import inert_line
from reader.ui.widgets.library_table import progress_mark

DATE_CELLS = 16
"""The date and time as printed (`2026-03-19 10:31`): copies of one story are hours apart."""
OUTLET_CELLS = 12
FILE_CELLS = 28
"""The file's name comes before the title: copies share a title, their names tell them apart."""


def _fit(text: str, cells: int) -> str:
    """`text` cut with … or padded to exactly `cells` terminal cells (CJK is two cells wide)."""
    if cell_len(text) > cells:
        return set_cell_size(text, cells - 1) + "…"
    return set_cell_size(text, cells)


def copy_prompt(entry: LibraryEntry, progress: float | None, shown: bool) -> Text:
    """One line: reading mark, date, outlet, the file's name, title (all inert text); the
    copy open now is marked `▸`. Copies share their titles, so the title is what a narrow
    box cuts, never the name that tells the copies apart."""
    prompt = Text(f"{progress_mark(progress)} ", style="bold")
    prompt.append("▸ " if shown else "  ", style="bold")
    prompt.append(_fit(inert_line(entry.date_text[:DATE_CELLS]) or "undated", DATE_CELLS), style="dim")
    prompt.append(" " + _fit(inert_line(entry.source) or "—", OUTLET_CELLS) + " ", style="dim")
    prompt.append(_fit(inert_line(entry.path.name), FILE_CELLS) + "  ", style="dim")
    prompt.append(inert_line(entry.title))
    return prompt


class CopiesScreen(ModalScreen[Path | None]):
    """Every copy of one story, newest first; Enter opens one, Esc closes."""

    BINDINGS = [Binding("escape", "close", "Close")]

    def __init__(
        self,
        copies: Sequence[LibraryEntry],
        progress: Callable[[LibraryEntry], float | None] | None = None,
        shown: Path | None = None,
    ) -> None:
        """`progress` gives each copy's reading mark (the list's); `shown` is the copy open now
        (marked `▸`)."""
        super().__init__()
        self.copies: list[LibraryEntry] = list(copies)
        self._progress = progress
        self._shown = shown

    def compose(self) -> ComposeResult:
        with Vertical(id="copies-box") as box:
            count = len(self.copies)
            title = inert_line(self.copies[0].title) if self.copies else ""
            box.border_title = Text(f"{count} copies — {title}")
            box.border_subtitle = Text("Enter open · Esc close")
            options = [
                Option(copy_prompt(entry, self._mark(entry), entry.path == self._shown), id=str(number))
                for number, entry in enumerate(self.copies)
            ]
            yield OptionList(*options, id="copies-rows")

    def _mark(self, entry: LibraryEntry) -> float | None:
        return self._progress(entry) if self._progress is not None else None

    def on_mount(self) -> None:
        rows = self.query_one("#copies-rows", OptionList)
        rows.focus()
        if self.copies:
            rows.highlighted = 0

    @on(OptionList.OptionSelected, "#copies-rows")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.copies[event.option_index].path)

    def action_close(self) -> None:
        self.dismiss(None)
