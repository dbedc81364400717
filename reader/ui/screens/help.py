"""The help screen: every key, grouped by what it is for."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keys import KEYS


def keys_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for number, (group, rows) in enumerate(KEYS):
        if number:
            table.add_row()
        table.add_row(Text(""), Text(group, style="bold underline"))
        for keys, meaning in rows:
            table.add_row(Text(keys), Text(meaning))
    return table


class HelpScreen(ModalScreen[None]):
    """Shown by `?`; any of Esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", show=True)]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "reader — keys"
            box.border_subtitle = "Esc to close"
            yield Static(keys_table(), id="help-keys")
