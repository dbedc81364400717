"""The sidebar: the officials an article mentions, with posts as printed and mentions.

Officials come first in order of first mention; people who are named but are not
officials (reporters in the byline, villagers…) follow under their own heading and
cannot be selected.
"""

from __future__ import annotations

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.officials import Official, OfficialsReport


class OfficialsPanel(OptionList):
    """Select an official (Enter or a click) to jump to and step through its mentions."""

    class Chosen(Message):
        """The user chose an official."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.border_title = "Officials"
        self.report: OfficialsReport | None = None

    def show_waiting(self) -> None:
        self.report = None
        self.clear_options()
        self.border_subtitle = ""
        self.loading = True

    def show_report(self, report: OfficialsReport) -> None:
        self.loading = False
        self.report = report
        self.clear_options()
        self.border_subtitle = str(len(report.officials))
        if not report.officials:
            self.add_option(Option(Text("No officials found", style="dim italic"), disabled=True))
        self.add_options(self._official_option(official, i) for i, official in enumerate(report.officials))
        if report.others:
            self.add_option(None)
            self.add_option(
                Option(Text(f"Also named ({len(report.others)})", style="bold dim"), disabled=True)
            )
            for person in report.others:
                prompt = Text(person.name, style="dim")
                if person.role:
                    prompt.append(f"  {person.role}", style="dim italic")
                self.add_option(Option(prompt, disabled=True))
        if report.officials:
            self.highlighted = 0

    @staticmethod
    def _official_option(official: Official, index: int) -> Option:
        prompt = Text(official.name, style="bold")
        count = len(official.mentions)
        prompt.append(f"  ×{count}", style="dim")
        if official.former:
            prompt.append("  former", style="italic dim")
        for title in official.titles:
            prompt.append("\n  ")
            prompt.append(title, style="italic")
        return Option(prompt, id=f"official-{index}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id.startswith("official-"):
            self.post_message(self.Chosen(int(option_id.removeprefix("official-"))))
