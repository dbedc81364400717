"""The library as a virtual table: one line per article, 100,000 rows scroll like 10.

Built on Textual's line API (`ScrollView.render_line`): only the rows on screen are
turned into strips, so the cost of a frame does not grow with the library. Rows are
sorted by date (newest first), title or outlet; `o` cycles the order. A mark column
shows reading progress (· new, ◔◑◕ part read, ✓ read) from a callback the app gives.
A story several files print is one row, its newest copy's, with ` ×3` after the title.

The table holds the whole library (`set_library`) and can show only the articles that
name an official (`show_filtered`, `show_all`); its title says so, and how far the
index is (`show_status`): `Articles · 柳鹏 · indexing 200/9,800`. Text from files goes
through `reader.textsafety` before it is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.layout.cells import rich_ambiguous_width
from reader.layout.punctuation import typeset as typeset_marks
from reader.library import LibraryEntry
from reader.textsafety import inert, inert_line
from reader.ui.keymap import bindings_for

SORT_KEYS = ("date", "title", "outlet")
SORT_LABELS = {"date": "newest first", "title": "by title", "outlet": "by outlet"}
DATE_CELLS = 10
OUTLET_CELLS = 10
DATE_FROM = 30
"""The list shows the date from this many cells (room for a short title beside it)."""
OUTLET_FROM = 64
"""…and the outlet from this many."""

Progress = Callable[[LibraryEntry], float | None]
"""0.0–1.0 for an article opened before (1.0 = read), None for one never opened."""


def progress_mark(progress: float | None) -> str:
    if progress is None:
        return "·"
    if progress >= 1.0:
        return "✓"
    return "◔◑◕"[min(2, int(progress * 3))]


def sort_entries(entries: list[LibraryEntry], order: str) -> None:
    """Sort in place. Stable passes, least significant key first, so no per-row key tuples:
    100,000 rows sort in a few tens of milliseconds."""
    entries.sort(key=lambda entry: entry.path.as_posix())
    if order == "title":
        from reader.pinyin import sort_key

        entries.sort(key=lambda entry: entry.title)  # characters of one reading: by code point
        entries.sort(key=lambda entry: sort_key(entry.title))  # by pinyin, as dictionaries
        return
    entries.sort(key=lambda entry: entry.date_key, reverse=True)  # newest first, undated ("") last
    if order == "outlet":
        entries.sort(key=lambda entry: (entry.source == "", entry.source))  # A→Z, none last


def copies_badge(copies: int) -> str:
    """` ×3` after the title of a story three files print (one row stands for them, `r`
    lists them); "" for an article printed once."""
    return f" ×{copies}" if copies > 1 else ""


def _fit(text: str, width: int) -> str:
    """`text` cut (with …) or padded to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


class LibraryTable(ScrollView, can_focus=True):
    """Articles of the library, one per line; Enter or a click opens one."""

    COMPONENT_CLASSES = {
        "library-table--cursor",
        "library-table--meta",
        "library-table--error",
        "library-table--mark",
        "library-table--copies",
    }

    BINDINGS = [
        # Built in, as in an OptionList: no keymap moves them.
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "open", "Open"),
        *bindings_for("list"),  # j k g G space b, `o` to sort: remappable by id (list.*)
    ]

    class Open(Message):
        """The user chose an article to read."""

        def __init__(self, entry: LibraryEntry) -> None:
            super().__init__()
            self.entry = entry

    class Highlighted(Message):
        """The cursor moved to another article."""

        def __init__(self, entry: LibraryEntry) -> None:
            super().__init__()
            self.entry = entry

    cursor: reactive[int] = reactive(0, init=False)
    order: reactive[str] = reactive("date", init=False)

    def __init__(
        self,
        entries: Iterable[LibraryEntry] = (),
        *,
        progress: Progress | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._entries: list[LibraryEntry] = []
        self._positions: dict[Path, int] = {}
        self._progress = progress
        self._library: list[LibraryEntry] = []
        self.library_filter: str | None = None
        """The official the list is filtered to; None lists every article."""
        self._status = ""
        self._head = False
        """The first frame's rows are shown (`show_head`), not the whole list yet."""
        self._row_offset = 0
        """Rows drawn below the scroll position, for the one frame the head's rows need to stay
        where they were drawn while the scroll catches up with the whole list."""
        self.typeset = True
        """Titles with half-width marks in Chinese text shown full-width, as the reading view
        shows the article (`set_typeset`); off, as the file prints them."""
        self.border_title = "Articles"
        self.set_entries(entries)

    def set_typeset(self, on: bool) -> None:
        """Show titles' punctuation typeset or as printed, following the reading view."""
        if on != self.typeset:
            self.typeset = on
            self.refresh()

    # -- the app's API ----------------------------------------------------------------------

    @property
    def entries(self) -> list[LibraryEntry]:
        """The entries in display order (read-only: use set_entries / add_entries)."""
        return self._entries

    def set_entries(self, entries: Iterable[LibraryEntry]) -> None:
        """Replace every row (a new index snapshot, a filter by official…); keeps the cursor's article."""
        current = self.current
        self._head = False
        self._entries = list(entries)
        self._resort(current.path if current else None)

    def show_head(self, rows: list[LibraryEntry], total: int) -> None:
        """The first frame's rows, before the whole list is read: `rows` (newest first) of
        `total`, drawn from the top. `set_library` replaces them and scrolls so each row
        stays where it was drawn."""
        self._head = True
        self._library = []
        self._entries = list(rows)
        self._positions = {entry.path: row for row, entry in enumerate(self._entries)}
        self.virtual_size = Size(self.size.width, len(self._entries))
        self.border_subtitle = f"{total} · {SORT_LABELS[self.order]}"
        self.set_reactive(LibraryTable.cursor, 0)
        self.refresh()

    def add_entries(self, entries: Iterable[LibraryEntry]) -> None:
        """Add rows (the library may arrive in batches); an entry for a known path replaces it."""
        current = self.current
        fresh = {entry.path: entry for entry in entries}
        kept = [entry for entry in self._entries if entry.path not in fresh]
        self._entries = kept + list(fresh.values())
        self._resort(current.path if current else None)

    def set_library(self, entries: list[LibraryEntry]) -> None:
        """A new snapshot of the whole library; shown unless the list is filtered (the filter
        is recomputed by the app when the refresh ends)."""
        self._library = entries
        if self.library_filter is not None:
            return
        head, current, drawn_at = self._head, self.current, self.cursor
        if head and self.order == "date" and current is not None:
            self._leave_head(entries, current.path, drawn_at)
        else:
            self.set_entries(entries)

    def _leave_head(self, entries: list[LibraryEntry], keep: Path, drawn_at: int) -> None:
        """The whole list replaces the head, on whose line `drawn_at` the cursor's article
        `keep` was drawn: the rows stay where they are (an offset) until the scroll
        position catches up after the layout."""
        self._head = False
        self._entries = list(entries)
        sort_entries(self._entries, self.order)
        self._positions = {entry.path: row for row, entry in enumerate(self._entries)}
        self.virtual_size = Size(self.size.width, len(self._entries))
        self.border_subtitle = f"{len(self._entries)} · {SORT_LABELS[self.order]}"
        row = self._positions.get(keep, 0)
        first = max(0, row - drawn_at)
        if first == 0:  # from the top: nothing to hold in place
            if row != self.cursor:
                self.cursor = row
            self.refresh()
            return
        self._row_offset = first
        self.set_reactive(LibraryTable.cursor, self.validate_cursor(row))
        self.refresh()
        self.call_after_refresh(self._scroll_after_head, first)

    def _scroll_after_head(self, first: int) -> None:
        self._row_offset = 0
        self.scroll_to(y=first, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()

    def remove_entry(self, path: Path) -> None:
        """Drop `path`'s row at once (its file is gone), from the library and the rows shown."""
        self._library = [entry for entry in self._library if entry.path != path]
        self.set_entries(entry for entry in self._entries if entry.path != path)

    def show_filtered(self, name: str, entries: Iterable[LibraryEntry]) -> None:
        """Only `entries`, the articles that name the official `name`."""
        self.library_filter = name
        self.set_entries(entries)
        self._retitle()

    def show_all(self) -> None:
        """Every article of the library again."""
        self.library_filter = None
        self.set_entries(self._library)
        self._retitle()

    def show_status(self, status: str) -> None:
        """The index's progress in the title (`indexing 200/9,800`); "" when it is up to date."""
        self._status = status
        self._retitle()

    def _retitle(self) -> None:
        title = Text("Articles")
        if self.library_filter is not None:
            title.append(f" · {inert_line(self.library_filter)}", style="bold")
        if self._status:
            title.append(f" · {self._status}", style="italic")
        self.border_title = title

    def set_progress(self, progress: Progress | None) -> None:
        """Change where the mark column's progress comes from, and redraw."""
        self._progress = progress
        self.refresh()

    def index_of(self, path: object) -> int | None:
        return self._positions.get(path) if isinstance(path, Path) else None

    @property
    def current(self) -> LibraryEntry | None:
        return self._entries[self.cursor] if 0 <= self.cursor < len(self._entries) else None

    @property
    def highlighted(self) -> int | None:
        """The cursor row, None when the table is empty (OptionList's name for it)."""
        return self.cursor if self._entries else None

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None:
            self.cursor = index

    # -- internals ----------------------------------------------------------------------------

    def _resort(self, keep: Path | None) -> None:
        sort_entries(self._entries, self.order)
        self._positions = {entry.path: row for row, entry in enumerate(self._entries)}
        self.virtual_size = Size(self.size.width, len(self._entries))
        self.border_subtitle = f"{len(self._entries)} · {SORT_LABELS[self.order]}"
        row = self._positions.get(keep, 0) if keep is not None else 0
        if row != self.cursor:
            self.cursor = row
        else:
            self._clamp()
        self.refresh()

    def _clamp(self) -> None:
        if self.cursor >= len(self._entries):
            self.cursor = max(0, len(self._entries) - 1)

    def watch_order(self) -> None:
        current = self.current
        self._resort(current.path if current else None)
        self.call_after_refresh(self._scroll_to_cursor)

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self._entries) - 1)) if self._entries else 0

    def watch_cursor(self) -> None:
        self.refresh()
        self._scroll_to_cursor()
        if self.current is not None:
            self.post_message(self.Highlighted(self.current))

    def _scroll_to_cursor(self) -> None:
        if not self._entries:
            return
        self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, immediate=True)
        if not self.scroll_y <= self.cursor < self.scroll_y + max(1, self.scrollable_content_region.height):
            # Rows that arrived in this same tick (a new snapshot, then the open article's
            # row chosen) are not scrollable yet: scroll once the new size is laid out.
            self.call_after_refresh(self.scroll_to_region, Region(0, self.cursor, 1, 1), animate=False)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self._entries))

    # -- rendering ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        row = y + int(self.scroll_offset.y) + self._row_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        if not 0 <= row < len(self._entries):
            return Strip.blank(width, base)
        entry = self._entries[row]
        if row == self.cursor:
            base = base + self.get_component_rich_style("library-table--cursor")
        return Strip(self._row_segments(entry, width, base), width).crop(0, width)

    def _row_segments(self, entry: LibraryEntry, width: int, base: Style) -> list[Segment]:
        meta = base + self.get_component_rich_style("library-table--meta", partial=True)
        mark_style = base + self.get_component_rich_style("library-table--mark", partial=True)
        progress = self._progress(entry) if self._progress else None
        segments = [Segment(f"{progress_mark(progress)} ", mark_style)]
        columns: list[tuple[str, int]] = []
        if width >= DATE_FROM:
            columns.append((inert(entry.date_text[:DATE_CELLS], keep_newlines=False), DATE_CELLS))
        if width >= OUTLET_FROM:
            columns.append((inert(entry.source, keep_newlines=False), OUTLET_CELLS))
        title_cells = width - 2 - sum(cells + 1 for _text, cells in columns)
        title = inert(entry.title, keep_newlines=False)
        if self.typeset:
            title = typeset_marks(title, rich_ambiguous_width())  # 嘉峪关:… as the article shows it
        if entry.error is not None:
            title_style = base + self.get_component_rich_style("library-table--error", partial=True)
        else:
            title_style = base
        badge = copies_badge(entry.copies)
        if badge and title_cells > 2 * len(badge):  # the count beside the title, the title cut first
            title_cells -= len(badge)
            segments.append(Segment(_fit(title, title_cells), title_style))
            copies_style = self.get_component_rich_style("library-table--copies", partial=True)
            segments.append(Segment(badge, base + copies_style))
        else:
            segments.append(Segment(_fit(title, title_cells), title_style))
        for text, cells in columns:
            segments.append(Segment(" " + _fit(text, cells), meta))
        return segments

    # -- keys and mouse -----------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += max(1, self.scrollable_content_region.height - 1)

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.scrollable_content_region.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self._entries) - 1

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Open(self.current))

    def action_cycle_sort(self) -> None:
        self.order = SORT_KEYS[(SORT_KEYS.index(self.order) + 1) % len(SORT_KEYS)]

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + int(self.scroll_offset.y)
        if 0 <= row < len(self._entries):
            self.cursor = row
            self.action_open()
