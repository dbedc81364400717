"""One person of the library: their career, how often they are named, with whom, and where.

Why a screen of its own: the sidebar answers "who is in this article"; this answers "who
is this person". It shows the career (each post with the first and last date it is
printed, the appointments and removals the text states, marked ◆), the mentions per
month over the whole period as a sparkline, the persons most often named in the same
articles, and the articles oldest first. Enter on an article opens it at the mention;
on a post, the first article printing it; on an event, its paragraph; on a person,
their view. Everything comes from the person index (`PeopleIndex`): a few small queries
when the screen opens. Names, posts and titles come from files: they are shown as inert
`Text`, never markup.

The user corrects the grouping here: `M` merges the person with another, `A` splits
some articles off, `U` forgets their choices about the person (person_choices.py has the
pickers); the choice is kept, the person index regrouped in the background, and the view
then shows the person again by one of their mentions (`anchor_key`), since ids change.

Dismissed with `(path, paragraph)` or None (Esc).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.command import Provider
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from reader.people.model import Career, CareerStep, PersonSummary
from reader.people.query import Appearance, EventRow
from reader.people.session import PeopleSession
from reader.textsafety import inert_line
from reader.ui.keymap import bindings_for

ArticleChoice = tuple[Path, int] | None
TOGETHER = 12
"""Persons listed under "Appears with"."""
EVENT_MARK = "◆"


def months_between(first: str, last: str) -> list[str]:
    """Every month from `first` to `last` (YYYY-MM), both included."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    found = []
    while (year, month) <= end:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def monthly_series(monthly: dict[str, int]) -> tuple[list[str], list[int]]:
    """The months of the whole period, empty months as 0, and the mentions of each."""
    dated = sorted(m for m in monthly if len(m) == 7 and m[:4].isdigit() and m[5:].isdigit())
    if not dated:
        return [], []
    months = months_between(dated[0], dated[-1])
    return months, [monthly.get(month, 0) for month in months]


def plural(count: int, word: str) -> str:
    """`1 article`, `2 articles`, `1,234 mentions`."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def _fit(text: str, cells: int) -> str:
    if cell_len(text) > cells:
        return set_cell_size(text, cells - 1) + "…"
    return set_cell_size(text, cells)


def step_prompt(step: CareerStep) -> Text:
    """`2015-03-08 – 2019-09-05  外交部长  · 12`, or `2019-09-05  ◆ appointed  国务委员`."""
    first, last = (step.first or "")[:10], (step.last or "")[:10]
    if step.kind == "post":
        when = f"before {first}" if step.former else (first if last in ("", first) else f"{first} – {last}")
        prompt = Text(_fit(when, 23), style="dim")
        prompt.append("  " + inert_line(step.title), style="bold" if not step.former else "")
        if step.former:
            prompt.append(" (former)", style="dim")
        articles = len(step.paths)
        prompt.append(f"  · {articles}", style="dim")
        return prompt
    prompt = Text(_fit(first or "undated", 23), style="dim")
    prompt.append(f"  {EVENT_MARK} {step.kind}  ", style="bold")
    prompt.append(inert_line(step.title))
    return prompt


def appearance_prompt(row: Appearance) -> Text:
    """`2015-06-19  title  · 市委副书记、市长`."""
    prompt = Text(_fit(inert_line(row.date[:10]) or "undated", 10), style="dim")
    prompt.append("  " + inert_line(row.title))
    posts = "、".join(inert_line(title) for title in row.titles)
    if posts:
        prompt.append(f"  · {posts}", style="dim")
    return prompt


def together_prompt(person: PersonSummary, count: int) -> Text:
    prompt = Text(f"×{count:<4}", style="dim")
    prompt.append(inert_line(person.name), style="bold")
    if person.latest_post:
        prompt.append("  " + inert_line(person.latest_post), style="dim")
    return prompt


def _choices_about(library: Path, keys: list[str]) -> list[str]:
    """The kinds of the user's choices that speak of these mentions, oldest first."""
    from reader.people.overrides import load_choices

    wanted = set(keys)
    return [c.kind for c in load_choices(library).items if c.names(wanted)]


def _screen_commands() -> type[Provider]:
    """The palette's provider for this screen, imported when the palette first opens."""
    from reader.ui.commands import ScreenCommands

    return ScreenCommands


class PersonScreen(Screen[ArticleChoice]):
    """One person's career, mentions per month, companions and articles."""

    BINDINGS = bindings_for("person")
    COMMANDS = {_screen_commands}

    def __init__(self, people: PeopleSession, person_id: str) -> None:
        super().__init__()
        self.people = people
        self.person_id = person_id
        self.anchor_key: str | None = None
        """A mention of the person: how the view finds them again once a choice regroups."""
        self.pending: str | None = None
        """What the view waits for (a merge or split being applied), shown under the name."""
        self._load()

    def _load(self) -> None:
        self.summary: PersonSummary | None = None
        self.choices: list[str] = []
        """The kinds of the user's choices about this person (merge, split), shown in the head."""
        self.career = Career((), ())
        self.events: list[EventRow] = []
        self.articles: list[Appearance] = []
        self.together: list[tuple[PersonSummary, int]] = []
        self.months: list[str] = []
        self.counts: list[int] = []
        self.problem: str | None = None
        """Why the person could not be read (the index is being rebuilt, the disk failed)."""
        try:
            index = self.people.index
            self.summary = index.summary(self.person_id)
            self.career = index.career(self.person_id)
            self.events = index.events(self.person_id)
            self.articles = index.appearances(self.person_id)
            self.together = index.together(self.person_id, TOGETHER)
            self.months, self.counts = monthly_series(index.monthly(self.person_id))
            if self.summary is not None:
                keys = index.mention_keys(self.person_id)
                self.anchor_key = keys[0]
                self.choices = _choices_about(self.people.library, keys)
        except (sqlite3.Error, OSError, IndexError) as error:
            self.summary = None
            self.problem = f"The person index cannot be read now: {error}"
        self._paragraphs = {row.path: row.first_paragraph for row in self.articles}

    def compose(self) -> ComposeResult:
        summary = self.summary
        with Vertical(id="person-box") as box:
            box.border_title = Text(inert_line(summary.name) if summary else "Unknown person")
            box.border_subtitle = Text(
                "Enter open · Tab next pane · M merge · A split · U forget choices · x export · Esc back"
            )
            yield Static(self._head(), id="person-head")
            with Horizontal(id="person-chart-row"):
                yield Static(Text("Mentions a month", style="dim"), id="person-chart-label")
                yield Sparkline(self.counts or [0], summary_function=max, id="person-sparkline")
            yield Static(self._axis(), id="person-axis")
            with Horizontal(id="person-lists"):
                career = OptionList(*self._career_options(), id="person-career")
                career.border_title = "Career"
                yield career
                together = OptionList(
                    *(Option(together_prompt(p, n)) for p, n in self.together), id="person-together"
                )
                together.border_title = "Appears with"
                yield together
            count = len(self.articles)
            articles = OptionList(
                *(Option(appearance_prompt(row)) for row in self.articles), id="person-articles"
            )
            articles.border_title = f"Articles ({count:,})"
            yield articles

    def on_mount(self) -> None:
        articles = self.query_one("#person-articles", OptionList)
        articles.focus()
        if self.articles:
            articles.highlighted = 0

    def _head(self) -> Text:
        summary = self.summary
        if summary is None:
            return Text(inert_line(self.problem or "This person is no longer in the index (it was rebuilt)."))
        head = Text(inert_line(summary.name), style="bold")
        head.append(f"  {inert_line(summary.pinyin)}")
        if summary.latest_post:
            head.append(f"  ·  {inert_line(summary.latest_post)}")
        seen = f"{(summary.first_seen or '?')[:10]} – {(summary.last_seen or '?')[:10]}"
        counts = f"{plural(summary.articles, 'article')} · {plural(summary.mentions, 'mention')}"
        head.append(f"\n{counts} · {seen}", style="dim")
        if self.career.undated:
            head.append(f" · {len(self.career.undated):,} undated", style="dim")
        if self.choices:
            head.append(f" · your {' and '.join(dict.fromkeys(self.choices))} (U forgets)", style="italic")
        if self.pending:
            head.append(f" · {inert_line(self.pending)}", style="bold")
        return head

    def _axis(self) -> Text:
        if not self.months:
            return Text("no dated article", style="dim")
        peak = max(self.counts)
        return Text(
            f"{self.months[0]} … {self.months[-1]}"
            f"  ({plural(len(self.months), 'month')}, at most {peak} a month)",
            style="dim",
        )

    def _career_options(self) -> Sequence[Option]:
        return [Option(step_prompt(step), id=str(number)) for number, step in enumerate(self.career.steps)]

    # -- choosing ------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#person-articles")
    def _article(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        row = self.articles[event.option_index]
        self.dismiss((row.path, max(row.first_paragraph, 0)))

    @on(OptionList.OptionSelected, "#person-career")
    def _step(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        step = self.career.steps[event.option_index]
        if step.kind == "post" and step.paths:
            path = self.people.library / step.paths[0]
            self.dismiss((path, max(self._paragraphs.get(path, 0), 0)))
            return
        for row in self.events:
            said = (row.kind, row.post, row.date, row.paragraph)
            if said == (step.kind, step.title, step.first, step.paragraph):
                self.dismiss((self.people.library / row.path, row.paragraph))
                return

    @on(OptionList.OptionSelected, "#person-together")
    def _other(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        other, _count = self.together[event.option_index]  # the list shows `together` in order
        self.app.push_screen(PersonScreen(self.people, other.id), self._chosen)

    def _chosen(self, result: ArticleChoice) -> None:
        if result is not None:
            self.dismiss(result)

    def action_escape(self) -> None:
        self.dismiss(None)

    def action_export(self) -> None:
        """This person's posts as CSV and JSON, in the state folder's exports/ (a new name each time)."""
        if self.summary is None:
            return
        from reader import locations
        from reader.people.export import save_people
        from reader.people.session import safe_stem

        folder = locations.exports_dir()
        base = f"person-{safe_stem(self.summary.name)}-{self.person_id}"
        try:
            stem = save_people([(self.summary, self.people.index.posts(self.person_id))], folder, base)
        except OSError as error:
            message = inert_line(f"Not exported: {error.strerror or error}")
            self.notify(message, severity="error", markup=False)
            return
        self.notify(inert_line(f"Exported to {folder}: {stem.name}.csv / .json"), timeout=6, markup=False)

    # -- the user's corrections (person_choices.py) ------------------------------------

    def action_merge(self) -> None:
        """`M`: the person this one is, picked from a list (the same name first)."""
        from reader.ui.screens.person_choices import MergePicker

        listing = self.people.listing
        if self.summary is None or listing is None:
            self.notify("The person index is not ready yet", severity="warning", timeout=3)
            return
        self.app.push_screen(MergePicker(listing, self.summary), self._merge_with)

    def _merge_with(self, other: str | None) -> None:
        from reader.people.choosing import merge_persons
        from reader.ui.screens.person_choices import keep_choice

        if other is None or self.summary is None:
            return
        index = self.people.index
        target = index.summary(other)
        name = inert_line(target.name) if target else other
        done = f"Merged {inert_line(self.summary.name)} with {name}: regrouping…"
        if keep_choice(self, lambda: merge_persons(index, [self.person_id, other]), done):
            self._wait("merging…")

    def action_split(self) -> None:
        """`A`: the articles whose mentions are someone else (a post or a place at a time)."""
        from reader.ui.screens.person_choices import SplitArticle, SplitPicker

        if self.summary is None:
            return
        if len(self.articles) < 2:
            self.notify("One article only: nothing to split", severity="warning", timeout=3)
            return
        rows = [
            SplitArticle(self._relative(row.path), row.date, row.title, row.titles) for row in self.articles
        ]
        self.app.push_screen(SplitPicker(self.summary, rows, self.career.steps), self._split_off)

    def _relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.people.library).as_posix()
        except ValueError:
            return path.as_posix()

    def _split_off(self, apart: frozenset[str] | None) -> None:
        from reader.people.choosing import split_person
        from reader.ui.screens.person_choices import keep_choice

        if apart is None or self.summary is None:
            return
        index = self.people.index
        done = f"{len(apart)} article{'' if len(apart) == 1 else 's'} set apart: regrouping…"
        change = keep_choice(self, lambda: split_person(index, self.person_id, apart), done)
        if change is not None and change.added is not None:
            self.anchor_key = change.added.rest[0]  # the view stays with the articles left
            self._wait("splitting…")

    def action_forget_choices(self) -> None:
        """`U`: drop every merge and split that speaks of this person (the rules decide again)."""
        from reader.people.choosing import forget_person
        from reader.ui.screens.person_choices import keep_choice

        if self.summary is None:
            return
        index = self.people.index
        keys = index.mention_keys(self.person_id)
        from reader.people.overrides import load_choices

        if not any(choice.names(keys) for choice in load_choices(self.people.library).items):
            self.notify("No merge or split choice of yours is about this person", timeout=3)
            return
        if keep_choice(
            self,
            lambda: forget_person(index, self.person_id),
            "Your choices about this person are forgotten: regrouping…",
        ):
            self._wait("regrouping…")

    def action_undo_choice(self) -> None:
        """The palette: drop the newest choice of the library, whoever it was about."""
        from reader.ui.screens.person_choices import undo_last_choice

        change = undo_last_choice(self, self.people.library)
        if change is not None and change.dropped:
            self._wait("regrouping…")

    def _wait(self, what: str) -> None:
        self.pending = what
        self.query_one("#person-head", Static).update(self._head())

    async def regrouped(self) -> None:
        """The person index was rebuilt: show the person the anchor mention belongs to now."""
        if self.anchor_key is not None:
            try:
                found = self.people.index.person_of_key(self.anchor_key)
            except (sqlite3.Error, OSError):
                found = None
            if found is not None:
                self.person_id = found
        self.pending = None
        self._load()
        await self.recompose()
        self.on_mount()

    def palette_commands(self) -> list[tuple[str, Callable[[], object], str]]:
        """What the command palette offers here (reader.ui.commands.ScreenCommands)."""
        name = self.summary.name if self.summary else "this person"
        return [
            (
                f"Merge {name} with another person…",
                self.action_merge,
                "The grouping split one person in two: join them",
            ),
            (f"Split {name}…", self.action_split, "Some of these articles name someone else: set them apart"),
            (
                f"Forget my merge and split choices for {name}",
                self.action_forget_choices,
                "The grouping rules decide again for this person",
            ),
            (
                "Undo my last merge or split",
                self.action_undo_choice,
                "Drop the newest choice of this library",
            ),
        ]
