"""The help screen: the keys of the pane that had focus, then the keys that work anywhere.

Shown by `?` or F1. The keys are the ones in force: a key moved in `config.yaml`'s
keymap is shown where the user put it, never at its default.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.keymap import bindings_for, effective_keys, key_label
from reader.ui.keys import help_sections


def keys_table(scope: str | None = None, keymap: Mapping[str, str] | None = None) -> Table:
    """The help as a two-column grid; every cell is a Text, never markup."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for number, (heading, rows) in enumerate(help_sections(scope, keymap)):
        if number:
            table.add_row()
        table.add_row(Text(""), Text(heading, style="bold underline"))
        for keys, meaning in rows:
            table.add_row(Text(keys), Text(meaning))
    return table


class HelpScreen(ModalScreen[None]):
    """The keys of `scope` (the focused pane: reader, list or officials) and the global ones."""

    BINDINGS = bindings_for("help")

    def __init__(self, scope: str | None = None, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self.scope = scope
        self.keymap = dict(keymap or {})

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "reader — keys"
            keys = {
                spec_id: key_label(spec_keys).split("  ")[0]
                for spec_id, spec_keys in effective_keys(self.keymap).items()
            }
            # A Text, not a string: a remapped key such as "[" must not be read as markup.
            box.border_subtitle = Text(
                f"{keys['help.close']} to close · {keys['help.down']} {keys['help.up']} "
                f"{keys['help.page_down']} to scroll · Tab to another pane, then ? for its keys"
            )
            yield Static(keys_table(self.scope, self.keymap), id="help-keys")

    # The help scrolls with the reading view's keys (the arrows, PgUp/PgDn work as well).

    def _box(self) -> VerticalScroll:
        return self.query_one("#help-box", VerticalScroll)

    def action_scroll_help(self, lines: int) -> None:
        self._box().scroll_relative(y=lines, animate=False)

    def action_page_help(self, pages: int) -> None:
        box = self._box()
        box.scroll_relative(y=pages * max(1, box.scrollable_content_region.height - 1), animate=False)

    def action_help_end(self, end: int) -> None:
        box = self._box()
        box.scroll_to(y=box.max_scroll_y if end else 0, animate=False)
