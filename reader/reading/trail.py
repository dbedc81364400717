"""Trails (what `n`/`N` step through) and spans (what the reading view highlights).

A trail is a list of stops in reading order — an official's mentions or a search's
matches — and the stop it is at. Whichever trail the user set off most recently is the
one that steps, and the status bar names it (`郑亚军 2/4` or `「国防」 3/17`), so the two
never get confused.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, get_args

SpanKind = Literal["mention", "mention-selected", "mention-current", "match", "match-current"]
SPAN_KINDS: tuple[SpanKind, ...] = get_args(SpanKind)
"""How a highlighted stretch is drawn, weakest first (where spans overlap, the stronger is drawn)."""


class Stop(NamedTuple):
    """One place on a trail: `paragraph[start:end]` of the article's body."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch of one paragraph (character offsets), drawn as `kind`."""

    paragraph: int
    start: int
    end: int
    kind: SpanKind = "mention"


@dataclass
class Trail:
    """What `n`/`N` step through: `label` (a name, a quoted query) and its stops."""

    label: str
    targets: list[Stop] = field(default_factory=list)
    """Every stop, in reading order."""
    index: int = 0

    @property
    def current(self) -> Stop | None:
        return self.targets[self.index] if self.targets else None

    def step(self, by: int) -> bool:
        """Move `by` stops, wrapping round at either end; True when it went round one."""
        if not self.targets:
            return False
        index = self.index + by
        self.index = index % len(self.targets)
        return not 0 <= index < len(self.targets)

    def step_from(self, paragraph: int, forward: bool) -> bool:
        """Go to the first stop after `paragraph` (`forward`) or the last before it, as
        `n`/`N` do in less and vim: the cursor, not the stop visited last, is where the
        reader is. When the stop the trail is at lies in `paragraph`, the step is from
        that stop (to the next one in the same paragraph, if any). True when it went
        round an end of the trail (the screen says so).
        """
        if not self.targets:
            return False
        if self.targets[self.index].paragraph == paragraph:
            return self.step(1 if forward else -1)
        if forward:
            index = bisect_right(self.targets, paragraph, key=lambda stop: stop.paragraph)
        else:
            index = bisect_left(self.targets, paragraph, key=lambda stop: stop.paragraph) - 1
        self.index = index % len(self.targets)
        return not 0 <= index < len(self.targets)

    def status(self) -> str:
        """`郑亚军 2/4`: the label and where on the trail the reader is."""
        return f"{self.label} {self.index + 1}/{len(self.targets)}"
