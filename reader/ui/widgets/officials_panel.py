"""The sidebar: the officials an article mentions, with posts as printed and mentions.

Officials come first in order of first mention; people who are named but are not
officials (reporters in the byline, villagers…) follow under their own heading and
cannot be selected.

Under each name its pinyin (on by default, `p`), and under each post its English gloss
(on demand, `e`). Both are computed off the UI thread by the app and handed over with
`set_readings`; everything shown is a rich Text, so names from files are never markup.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.text import Text
from textual.events import Resize
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reader.layout import break_paragraph
from reader.ui.keymap import bindings_for

if TYPE_CHECKING:  # the model is only named in annotations: loaded with the extractor, after first paint
    from reader.officials import Official, OfficialsReport

OTHERS_TOGGLE = "others-toggle"
GLOSS_FALLBACK_WIDTH = 28
"""The sidebar's text width before it is first laid out (32 cells less border and scrollbar)."""
POST_INDENT = "  "
GLOSS_INDENT = "    "


class OfficialsPanel(OptionList):
    """Select an official (Enter or a click) to jump to and step through its mentions."""

    BINDINGS = bindings_for("officials")

    class Chosen(Message):
        """The user chose an official."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None, show_pinyin: bool = True) -> None:
        super().__init__(id=id)
        self.border_title = "Officials"
        self.report: OfficialsReport | None = None
        self.others_open = False
        """The "also named" group starts collapsed: officials are what people come for."""
        self.show_pinyin = show_pinyin
        self.show_glosses = False
        """Glosses double the sidebar's height, so they are shown on demand."""
        self.pinyin: dict[str, str] = {}
        """Name -> pinyin, for the report on show (filled by the app's worker)."""
        self.glosses: dict[str, str | None] = {}
        """Post as printed -> English, or None where the glossary has nothing."""
        self._filled_width: int | None = None
        """The text width the options were wrapped to: a resize to another refills them."""

    def show_waiting(self) -> None:
        """A plain line while the extractor runs: cheaper on the first frame than an animation."""
        self.report = None
        self.clear_options()
        self.border_subtitle = "…"
        self.add_option(Option(Text("Finding officials…", style="dim italic"), disabled=True))

    def show_report(self, report: OfficialsReport) -> None:
        self.report = report
        self.others_open = False
        self.pinyin, self.glosses = {}, {}
        self._fill()
        if report.officials:
            self.highlighted = 0

    def set_readings(self, pinyin: dict[str, str], glosses: dict[str, str | None]) -> None:
        """Take the names' pinyin and the posts' glosses for the report on show."""
        self.pinyin, self.glosses = pinyin, glosses
        if self.show_pinyin or self.show_glosses:
            self._refill()

    def set_show_pinyin(self, show: bool) -> None:
        self.show_pinyin = show
        self._refill()

    def set_show_glosses(self, show: bool) -> None:
        self.show_glosses = show
        self._refill()

    def _refill(self) -> None:
        """Rebuild the options, keeping the highlighted one (ids do not change)."""
        highlighted = self.highlighted
        option_id = self.get_option_at_index(highlighted).id if highlighted is not None else None
        self._fill()
        if option_id is not None:
            try:
                self.highlighted = self.get_option_index(option_id)
            except OptionDoesNotExist:
                self.highlighted = 0 if self.option_count else None

    def _text_width(self) -> int:
        return self.scrollable_content_region.width or GLOSS_FALLBACK_WIDTH

    def on_resize(self, _event: Resize) -> None:
        if self.report is not None and self._filled_width not in (None, self._text_width()):
            self._refill()

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        self.clear_options()
        self.border_subtitle = str(len(report.officials))
        if not report.officials:
            self.add_option(Option(Text("No officials found", style="dim italic"), disabled=True))
        self.add_options(self._official_option(official, i) for i, official in enumerate(report.officials))
        if not report.others:
            return
        self.add_option(None)
        arrow = "▾" if self.others_open else "▸"
        toggle = Text(f"{arrow} Also named ({len(report.others)})", style="bold dim")
        self.add_option(Option(toggle, id=OTHERS_TOGGLE))
        if self.others_open:
            for person in report.others:
                prompt = Text(f"  {person.name}", style="dim")
                if person.role:
                    prompt.append(f"  {person.role}", style="dim italic")
                self.add_option(Option(prompt, disabled=True))

    def toggle_others(self) -> None:
        """Open or close the group of people who are named but are not officials."""
        self.others_open = not self.others_open
        self._fill()
        self.highlighted = self.get_option_index(OTHERS_TOGGLE)

    def _official_option(self, official: Official, index: int) -> Option:
        prompt = Text(official.name, style="bold")
        count = len(official.mentions)
        prompt.append(f"  ×{count}", style="dim")
        if official.former:
            prompt.append("  former", style="italic dim")
        reading = self.pinyin.get(official.name) if self.show_pinyin else None
        if reading:
            prompt.append("\n")
            prompt.append(reading, style="dim")
        # Posts and glosses are wrapped here, with a hanging indent: the option list would
        # wrap them to column 0, and break a Chinese post anywhere (the reading view's
        # line breaker keeps 、 and ） off a line's start here too).
        width = self._text_width()
        self._filled_width = width
        for title in official.titles:
            for span in break_paragraph(title, max(2, width - len(POST_INDENT) - 1), indent=0):
                prompt.append("\n" + POST_INDENT)
                prompt.append(title[span.start : span.end], style="italic")
            english = self.glosses.get(title) if self.show_glosses else None
            if english:
                gloss_width = max(12, width - len(GLOSS_INDENT) - 1)
                for line in textwrap.wrap(english, gloss_width, break_long_words=True):
                    prompt.append("\n" + GLOSS_INDENT)
                    prompt.append(line, style="dim italic")
        return Option(prompt, id=f"official-{index}")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if option_id == OTHERS_TOGGLE:
            self.toggle_others()
        elif option_id.startswith("official-"):
            self.post_message(self.Chosen(int(option_id.removeprefix("official-"))))
