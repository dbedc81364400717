"""The footer's keys: those that fit, most important first.

Textual's Footer lists the focused pane's keys, then the app's, and the terminal cuts
whatever does not fit: at 80 columns `? Help` was the first to go, mid-word keys came
next (`/ Sear`). This footer orders the keys by FOOTER_ORDER and shows only as many as
fit whole; the command palette's key comes last, when there is room for it.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer

FOOTER_ORDER = (
    "help",
    # the focused pane's main key: read on, open an article, where else an official is named
    "cursor_down",
    "open",
    "screen.official_timeline",
    "quit",
    "screen.search",
    "page_down",
    "cycle_sort",
    "screen.filter_official",
    "screen.next_stop",
    "screen.search_library",
)
"""Actions in the order their keys are shown (and kept, as the footer narrows); others follow."""

PALETTE_EXTRA = 2
"""The palette's key has a rule on its left and a cell of padding on its right too."""


def _rank(widget: Widget) -> int:
    action = str(getattr(widget, "action", ""))
    return FOOTER_ORDER.index(action) if action in FOOTER_ORDER else len(FOOTER_ORDER)


def key_cells(widget: Widget, compact: bool) -> int:
    """How wide a footer key is drawn, as Textual's FooterKey pads it: ` j/k ¶ next/prev `,
    or `^p Commands` in the compact style."""
    key, description = str(getattr(widget, "key_display", "")), str(getattr(widget, "description", ""))
    if compact:
        cells = cell_len(key) + (1 + cell_len(description) if description else 0)
    else:
        cells = 1 + cell_len(key) + 1 + (cell_len(description) + 1 if description else 0)
    return cells + (PALETTE_EXTRA if widget.has_class("-command-palette") else 0)


class KeyFooter(Footer):
    """Textual's Footer, showing whole keys only, in the order of FOOTER_ORDER."""

    def __init__(self) -> None:
        super().__init__()
        self._composed_width = 0

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        palette = [widget for widget in widgets if widget.has_class("-command-palette")]
        keys = sorted((widget for widget in widgets if widget not in palette), key=_rank)
        room = self._composed_width = self.size.width
        if not room:  # not laid out yet: everything, until the first resize says how wide
            yield from widgets
            return
        kept: list[Widget] = []
        used = 0
        for widget in [*keys, *palette]:
            used += self.cells(widget)
            if used > room:
                break  # the rest are less important: none is shown before a more important one
            kept.append(widget)
        self.styles.grid_size_columns = len(kept)
        yield from kept

    def cells(self, widget: Widget) -> int:
        """How wide one of this footer's keys is: the palette's key is always compact (Textual
        binds only the others to the footer's style), and its classes are set only on mount."""
        return key_cells(widget, compact=self.compact or widget.has_class("-command-palette"))

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self._composed_width:
            self.call_after_refresh(self.recompose)
