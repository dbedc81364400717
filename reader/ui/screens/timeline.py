"""One official across the library: every article that names them, oldest first.

Why a screen of its own: the sidebar answers "who is in this article"; a researcher's
next question is "where else does this person appear, and what were they then?". The
rows come from `LibraryIndex.timeline(name)` (the screen never queries anything
itself); each shows the date, the posts that article gives as printed, the number of
mentions and the title. A change of post is the point of a timeline, so it is marked:
a `●` and bold posts where an article gives a new post (not a new spelling of one, nor
one more of the posts held together: `reader.library.timeline`), a dim `│` and dim
posts where it does not. A summary line above reads like a sentence:
`柳鹏: 嘉峪关市委副书记、市长 in 2015 → 省长 in 2018`.

Dismissed with `(path, first paragraph)` (Enter, or a click), `FilterByOfficial(name)`
(`f`) or None (Esc). Everything shown is a rich Text of inert text, never markup: the
names, posts and titles come from untrusted files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.library import Appearance
from reader.library.timeline import changes
from reader.textsafety import inert_line

POSTS_CELLS = 28
"""Width of the posts column: 14 Chinese characters, the length of most post chains."""
DATE_CELLS = 10
"""The day only (`2015-06-19`): a time of day says nothing on a timeline of years."""
SUMMARY_RUNS = 8
"""Runs of posts the summary line spells out before it says how many more there are."""
UNDATED = "undated"
POST_SEPARATOR = "、"
NO_POSTS = "—"
"""Shown for an article that names the official without giving a post."""


@dataclass(frozen=True, slots=True)
class FilterByOfficial:
    """The timeline's `f`: show only the library's articles that name `name`."""

    name: str


TimelineResult = tuple[Path, int] | FilterByOfficial | None
"""What the screen is dismissed with: an article to open at a paragraph, a filter, or nothing."""


@dataclass(frozen=True, slots=True)
class PostRun:
    """Consecutive articles (oldest first) that give the official the same posts."""

    posts: tuple[str, ...]
    first_year: str
    last_year: str
    articles: int

    def label(self) -> str:
        """`市长 in 2015`, `市长 in 2015–2017`, `市长 (undated)`."""
        posts = POST_SEPARATOR.join(self.posts) or NO_POSTS
        if self.first_year == UNDATED:
            return f"{posts} ({UNDATED})"
        if self.last_year in (self.first_year, UNDATED):
            return f"{posts} in {self.first_year}"
        return f"{posts} in {self.first_year}–{self.last_year}"


def year_of(date_text: str) -> str:
    """The year of an index date (`2015-06-19`, `2015-06-19 13:57`), or "undated"."""
    head = date_text[:4]
    return head if len(head) == 4 and head.isdigit() else UNDATED


def post_runs(rows: Sequence[Appearance]) -> list[PostRun]:
    """Group the timeline (oldest first) into runs of one set of posts, so each change shows once.

    A run ends at a new post, not at a new spelling of one or at one more of the posts
    held together (`reader.library.timeline.changes`); a run that began with an article
    giving no post takes the first posts given after it.
    """
    runs: list[PostRun] = []
    for row, started in zip(rows, changes([row.titles for row in rows]), strict=True):
        year = year_of(row.date_text)
        if started or not runs:
            runs.append(PostRun(row.titles, year, year, 1))
            continue
        last = runs[-1]
        last_year = year if year != UNDATED else last.last_year
        runs[-1] = PostRun(last.posts or row.titles, last.first_year, last_year, last.articles + 1)
    return runs


def timeline_summary(name: str, rows: Sequence[Appearance]) -> str:
    """`柳鹏: 嘉峪关市委副书记、市长 in 2015 → 省长 in 2018` — the timeline in one line."""
    runs = post_runs(rows)
    if not runs:
        return f"{name}: no article in the index names this official"
    labels = [run.label() for run in runs[:SUMMARY_RUNS]]
    more = len(runs) - SUMMARY_RUNS
    if more > 0:
        labels.append(f"… {more} more change{'s' if more > 1 else ''}")
    return f"{name}: " + " → ".join(labels)


def _fit(text: str, cells: int) -> str:
    """`text` cut with … or padded to exactly `cells` terminal cells (CJK is two cells wide)."""
    if cell_len(text) > cells:
        return set_cell_size(text, cells - 1) + "…"
    return set_cell_size(text, cells)


def appearance_prompt(row: Appearance, changed: bool) -> Text:
    """One line: date, change mark, posts, mentions, title (all inert text)."""
    prompt = Text(_fit(inert_line(row.date_text[:DATE_CELLS]) or UNDATED, DATE_CELLS), style="dim")
    prompt.append(" ● " if changed else " │ ", style="bold" if changed else "dim")
    posts = POST_SEPARATOR.join(inert_line(title) for title in row.titles) or NO_POSTS
    prompt.append(_fit(posts, POSTS_CELLS), style="bold" if changed else "dim")
    prompt.append(f" ×{row.mentions:<3} ", style="dim")
    prompt.append(inert_line(row.title))
    return prompt


class OfficialTimelineScreen(ModalScreen[TimelineResult]):
    """Every article naming one official, oldest first; Enter opens one, `f` filters the library."""

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("f", "filter", "Filter the library"),
    ]

    def __init__(self, name: str, rows: Sequence[Appearance]) -> None:
        super().__init__()
        self.official = name
        self.rows: list[Appearance] = list(rows)

    def compose(self) -> ComposeResult:
        name = inert_line(self.official)
        with Vertical(id="timeline-box") as box:
            count = len(self.rows)
            box.border_title = Text(f"{name} — {count} article{'s' if count != 1 else ''}")
            box.border_subtitle = Text("Enter open · f filter the library · Esc close")
            summary = timeline_summary(name, [_inert(row) for row in self.rows])
            yield Static(Text(summary, style="bold"), id="timeline-summary")
            flags = changes([row.titles for row in self.rows])
            options = [
                Option(appearance_prompt(row, changed), id=str(number))
                for number, (row, changed) in enumerate(zip(self.rows, flags, strict=True))
            ]
            yield OptionList(*options, id="timeline-rows")

    def on_mount(self) -> None:
        rows = self.query_one("#timeline-rows", OptionList)
        rows.focus()
        if self.rows:
            rows.highlighted = 0

    @on(OptionList.OptionSelected, "#timeline-rows")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self.rows[event.option_index]
        self.dismiss((row.path, max(row.first_paragraph, 0)))

    def action_filter(self) -> None:
        self.dismiss(FilterByOfficial(self.official))

    def action_close(self) -> None:
        self.dismiss(None)


def _inert(row: Appearance) -> Appearance:
    """The row with its posts made inert, for the summary line."""
    return Appearance(
        row.path,
        row.title,
        row.date_text,
        tuple(inert_line(title) for title in row.titles),
        row.mentions,
        row.first_paragraph,
    )
