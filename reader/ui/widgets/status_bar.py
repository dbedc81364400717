"""The bottom line: the main keys (Textual's Footer) and where the reader is (`¶ 6/9 · 柳鹏 1/1`).

The index's progress is not here but in the article list's title: a bar here took the
footer's keys away at 80 columns (issue 14)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reader.ui.widgets.key_footer import KeyFooter


class StatusBar(Horizontal):
    """Footer and position, left to right."""

    def compose(self) -> ComposeResult:
        yield KeyFooter()
        yield Static("", id="position")

    def show_position(self, position: str, trail: str | None) -> None:
        """`¶ 3/9`, and the trail `n`/`N` step through (`郑亚军 2/4`) in bold."""
        text = Text(position)
        if trail is not None:
            text.append(f" · {trail}", style="bold")
        # Fixed width in the stylesheet, so no layout pass is needed on every keypress.
        self.query_one("#position", Static).update(text, layout=False)
