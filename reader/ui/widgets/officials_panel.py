"""The sidebar: the officials an article mentions, with posts as printed and mentions.

Officials come first in order of first mention; people who are named but are not
officials (reporters in the byline, villagers…) follow under their own heading and
cannot be selected.

The panel finds them itself, off the UI thread (`find_officials`): the extractor loads in
its worker, so it never stands between launch and first paint. It posts `Found` when
the names are shown, then computes each name's pinyin (on by default, `p`) and each
post's English gloss (on demand, `e`) and posts `Read` once those are shown too.
Everything shown is a rich Text, so names from files are never markup.
"""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.events import Resize
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.worker import get_current_worker

from reader.layout import break_paragraph
from reader.ui.keymap import bindings_for

if TYPE_CHECKING:  # the model is only named in annotations: loaded with the extractor, after first paint
    from reader.article import Article
    from reader.officials import Official, OfficialsReport

OTHERS_TOGGLE = "others-toggle"
GLOSS_FALLBACK_WIDTH = 28
"""The sidebar's text width before it is first laid out (32 cells less border and scrollbar)."""
POST_INDENT = "  "
GLOSS_INDENT = "    "

Readings = tuple[dict[str, str], dict[str, str | None], list[str]]
"""Each name's pinyin, each post's gloss, and the overlays' problems."""


def find_officials(article: Article) -> OfficialsReport:
    """The extractor, imported on first use (in the panel's worker); it reads a printed headline too."""
    from reader.officials.extract import extract_officials

    return extract_officials(article.paragraphs, title=article.title if article.title_printed else None)


def read_names(report: OfficialsReport) -> Readings:
    """Each official's name in pinyin, each post's English gloss, and overlay problems."""
    from reader import glossary, pinyin
    from reader.officials import lexicon

    names = {official.name: pinyin.name_pinyin(official.name) for official in report.officials}
    posts = {title: glossary.gloss(title) for official in report.officials for title in official.titles}
    overlays = (lexicon.overlay_problem(), pinyin.overlay_problem(), glossary.overlay_problem())
    return names, posts, [problem for problem in overlays if problem]


class OfficialsPanel(OptionList):
    """Select an official (Enter or a click) to jump to and step through its mentions."""

    BINDINGS = bindings_for("officials")

    class Chosen(Message):
        """The user chose the official at `index` of the report."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Found(Message):
        """The officials of `article` are shown (their pinyin and glosses follow)."""

        def __init__(self, article: Article, report: OfficialsReport) -> None:
            super().__init__()
            self.article = article
            self.report = report

    class Read(Message):
        """The pinyin and glosses of `article`'s officials are shown; `problems` are the
        overlays' (glossary.yaml…), one line each, for the app to report once."""

        def __init__(self, article: Article, problems: list[str]) -> None:
            super().__init__()
            self.article = article
            self.problems = problems

    def __init__(self, *, id: str | None = None, show_pinyin: bool = True) -> None:
        super().__init__(id=id)
        self.border_title = "Officials"
        self.article: Article | None = None
        """The article whose officials are shown, or being found."""
        self.report: OfficialsReport | None = None
        self.others_open = False
        """The "also named" group starts collapsed: officials are what people come for."""
        self.show_pinyin = show_pinyin
        self.show_glosses = False
        """Glosses double the sidebar's height, so they are shown on demand."""
        self.pinyin: dict[str, str] = {}
        """Name -> pinyin, for the report on show."""
        self.glosses: dict[str, str | None] = {}
        """Post as printed -> English, or None where the glossary has nothing."""
        self._officials_at: list[int | None] = []
        """For each option, the index of its official in the report (None: not an official)."""
        self._filled_width: int | None = None
        """The text width the options were wrapped to: a resize to another refills them."""

    # -- what the app asks --------------------------------------------------------------

    @property
    def highlighted_official(self) -> int | None:
        """The index (in the report) of the official under the cursor, if it is on one."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self._officials_at):
            return None
        return self._officials_at[self.highlighted]

    def highlight_official(self, index: int) -> bool:
        """Put the cursor on the official at `index` of the report; False if not listed."""
        if index not in self._officials_at:
            return False
        self.highlighted = self._officials_at.index(index)
        return True

    def show_article(self, article: Article) -> None:
        """`article` is open: a plain line until its officials are found (`find_officials`)."""
        self.article = article
        self.show_waiting()

    def find_officials(self, article: Article) -> None:
        """Find the open article's officials in a worker (the first frame is drawn by now)."""
        if article is self.article:
            self._find(article)

    def show_waiting(self) -> None:
        """A plain line while the extractor runs: cheaper on the first frame than an animation."""
        self.report = None
        self.clear_options()
        self.border_subtitle = "…"
        self.add_option(Option(Text("Finding officials…", style="dim italic"), disabled=True))
        self._officials_at = [None]

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

    def toggle_others(self) -> None:
        """Open or close the group of people who are named but are not officials."""
        self.others_open = not self.others_open
        self._fill()
        self.highlighted = self._options_toggle()

    # -- finding them ---------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="officials")
    def _find(self, article: Article) -> None:
        worker = get_current_worker()
        report = find_officials(article)
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self._found, article, report)
        # Pinyin and glosses follow: pypinyin takes ~0.1 s to import, the names need not wait.
        names, posts, problems = read_names(report)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._read, article, names, posts, problems)

    def _found(self, article: Article, report: OfficialsReport) -> None:
        if article is self.article:  # else the user moved on while we were working
            self.show_report(report)
            self.post_message(self.Found(article, report))

    def _read(
        self, article: Article, names: dict[str, str], posts: dict[str, str | None], problems: list[str]
    ) -> None:
        if article is self.article:
            self.set_readings(names, posts)
            self.post_message(self.Read(article, problems))

    # -- the options ----------------------------------------------------------------------

    def _refill(self) -> None:
        """Rebuild the options, keeping the highlighted one."""
        official = self.highlighted_official
        on_toggle = self.highlighted is not None and self.highlighted == self._options_toggle()
        self._fill()
        if official is not None:
            self.highlight_official(official)
        elif on_toggle:
            self.highlighted = self._options_toggle()

    def _options_toggle(self) -> int | None:
        try:
            return self.get_option_index(OTHERS_TOGGLE)
        except OptionDoesNotExist:
            return None

    def _text_width(self) -> int:
        return self.scrollable_content_region.width or GLOSS_FALLBACK_WIDTH

    def on_resize(self, _event: Resize) -> None:
        if self.report is not None and self._filled_width not in (None, self._text_width()):
            self._refill()

    def _fill(self) -> None:
        report = self.report
        if report is None:
            return
        # Every prompt is built before any is added: adding options can bring up the
        # scrollbar, and the prompts must all be wrapped to the same width.
        width = self._filled_width = self._text_width()
        options: list[tuple[Option | None, int | None]] = []
        if not report.officials:
            options.append((Option(Text("No officials found", style="dim italic"), disabled=True), None))
        options += [
            (self._official_option(official, width), i) for i, official in enumerate(report.officials)
        ]
        if report.others:
            options.append((None, None))  # a separator, no option
            arrow = "▾" if self.others_open else "▸"
            toggle = Text(f"{arrow} Also named ({len(report.others)})", style="bold dim")
            options.append((Option(toggle, id=OTHERS_TOGGLE), None))
            if self.others_open:
                for person in report.others:
                    prompt = Text(f"  {person.name}", style="dim")
                    if person.role:
                        prompt.append(f"  {person.role}", style="dim italic")
                    options.append((Option(prompt, disabled=True), None))
        self.clear_options()
        self.border_subtitle = str(len(report.officials))
        self._officials_at = [official for option, official in options if option is not None]
        self.add_options(option for option, _official in options)

    def _official_option(self, official: Official, width: int) -> Option:
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
        return Option(prompt)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == OTHERS_TOGGLE:
            self.toggle_others()
        elif 0 <= event.option_index < len(self._officials_at):
            official = self._officials_at[event.option_index]
            if official is not None:
                self.post_message(self.Chosen(official))
