"""Every person of a library as a virtual table: 100,000 rows draw like 10.

Built on Textual's line API, as the article list is: only the rows on screen become
strips, so opening the People screen and each key of its filter cost the same on any
library. Columns: name, pinyin, latest post, articles, first and last seen (the narrower
columns go first on a narrow terminal). Names and posts come from files and go through
`reader.textsafety` before they are drawn.
"""

from __future__ import annotations

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

from reader.people.model import PersonSummary
from reader.textsafety import inert

NAME_CELLS = 12
PINYIN_CELLS = 18
COUNT_CELLS = 6
DATE_CELLS = 10
PINYIN_FROM = 60
"""The table shows pinyin from this many cells, and first seen from FIRST_FROM."""
FIRST_FROM = 96


def fit(text: str, width: int) -> str:
    """`text` cut (with …) or padded to exactly `width` cells."""
    if width <= 0:
        return ""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…"
    return set_cell_size(text, width)


def columns(width: int) -> list[tuple[str, int]]:
    """(column, cells) for a table `width` cells wide; the post takes what is left."""
    fixed = [("name", NAME_CELLS)]
    if width >= PINYIN_FROM:
        fixed.append(("pinyin", PINYIN_CELLS))
    tail = [("articles", COUNT_CELLS)]
    if width >= FIRST_FROM:
        tail.append(("first_seen", DATE_CELLS))
    tail.append(("last_seen", DATE_CELLS))
    post = width - sum(cells + 1 for _name, cells in [*fixed, *tail])
    return [*fixed, ("post", max(post, 0)), *tail]


HEADINGS = {
    "name": "Name",
    "pinyin": "Pinyin",
    "post": "Latest post",
    "articles": "Arts",
    "first_seen": "First seen",
    "last_seen": "Last seen",
}


def header(width: int, order: str) -> Text:
    """The column headings, the one the list is sorted by marked ▼."""
    shown = columns(width)
    by_name = "pinyin" if any(column == "pinyin" for column, _cells in shown) else "name"
    sorted_column = {"name": by_name, "articles": "articles", "last_seen": "last_seen"}.get(order)
    line = Text()
    for number, (column, cells) in enumerate(shown):
        marked = column == sorted_column
        label = HEADINGS[column] + (" ▼" if marked else "")
        if column == "articles" and cell_len(label) <= cells:
            text = " " * (cells - cell_len(label)) + label
        else:
            text = fit(label, cells)
        line.append(("" if number == 0 else " ") + text, style="bold" if "▼" in label else "dim")
    return line


def row_text(person: PersonSummary, width: int) -> str:
    """One person's line (inert text, exactly `width` cells)."""
    parts = []
    for column, cells in columns(width):
        if column == "name":
            parts.append(fit(inert(person.name, keep_newlines=False), cells))
        elif column == "pinyin":
            parts.append(fit(inert(person.pinyin, keep_newlines=False), cells))
        elif column == "post":
            parts.append(fit(inert(person.latest_post, keep_newlines=False), cells))
        elif column == "articles":
            parts.append(f"{person.articles:>{cells},}"[-cells:])
        else:
            seen = person.first_seen if column == "first_seen" else person.last_seen
            parts.append(fit((seen or "")[:DATE_CELLS], cells))
    return fit(" ".join(parts), width)


class PeopleTable(ScrollView, can_focus=True):
    """Persons, one a line; Enter or a click asks for the person's view."""

    COMPONENT_CLASSES = {"people-table--cursor"}

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "open", "Open"),
    ]

    class Open(Message):
        """The user chose a person."""

        def __init__(self, person: PersonSummary) -> None:
            super().__init__()
            self.person = person

    cursor: reactive[int] = reactive(0, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[PersonSummary] = []

    def set_rows(self, rows: list[PersonSummary]) -> None:
        """Show `rows` (the filtered, sorted list); the cursor goes back to the top."""
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows))
        self.cursor = 0
        self.scroll_to(0, 0, animate=False, immediate=True)
        self.refresh()

    @property
    def current(self) -> PersonSummary | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    def validate_cursor(self, cursor: int) -> int:
        return max(0, min(cursor, len(self.rows) - 1)) if self.rows else 0

    def watch_cursor(self) -> None:
        self.refresh()
        if self.rows:
            self.scroll_to_region(Region(0, self.cursor, 1, 1), animate=False, immediate=True)

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, len(self.rows))

    def render_line(self, y: int) -> Strip:
        row = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        base: Style = self.rich_style
        if not 0 <= row < len(self.rows):
            return Strip.blank(width, base)
        if row == self.cursor:
            base = base + self.get_component_rich_style("people-table--cursor")
        return Strip([Segment(row_text(self.rows[row], width), base)], width)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_page_down(self) -> None:
        self.cursor += self._page()

    def action_page_up(self) -> None:
        self.cursor -= self._page()

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_open(self) -> None:
        if self.current is not None:
            self.post_message(self.Open(self.current))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = offset.y + int(self.scroll_offset.y)
        if 0 <= row < len(self.rows):
            self.cursor = row
            self.action_open()
