"""The bottom line: the main keys (Textual's Footer), the index's progress while it catches
up, and where the reader is (`¶ 6/9 · 柳鹏 1/1`)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from reader.ui.widgets.key_footer import KeyFooter


class StatusBar(Horizontal):
    """Footer, progress bar (only while the index is behind) and position, left to right."""

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

    def show_progress(self, counted: tuple[int, int] | None) -> None:
        """A bar for `(done, total)` while the index catches up, or none (`None`).

        Mounted (and imported) on first use only: an up-to-date library never pays for it.
        """
        from textual.widgets import ProgressBar

        bars = self.query("#index-progress")
        if counted is None:
            bars.remove()
            return
        done, total = counted
        if bars:
            bar = bars.first(ProgressBar)
        else:
            bar = ProgressBar(show_eta=False, show_percentage=True, id="index-progress")
            self.mount(bar, before="#position")
        bar.update(total=total, progress=done)
