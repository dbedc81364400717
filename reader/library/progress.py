"""How far a refresh of the index has got, and what it did: one type from the index to the screen.

A refresh runs in phases: "scan" (listing the folder), "text" (reading new and changed
files), "reposts" (sketching them and grouping the copies of one story) and "officials"
(finding each article's officials in the stored text). Every
step is an `IndexProgress`; the words people read about it (the list's title, the
progress bar, the CLI's stderr lines) are derived here, so no caller compares phase
names as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Phase = Literal["scan", "text", "reposts", "officials"]

_STATUS_WORDS: dict[Phase, str] = {
    "scan": "checking the folder",
    "text": "indexing",
    "reposts": "grouping reposts",
    "officials": "finding officials",
}
_LINE_WORDS: dict[Phase, str] = {
    "scan": "scanning the folder…",
    "text": "text and metadata",
    "reposts": "reposts",
    "officials": "officials",
}


@dataclass(frozen=True, slots=True)
class IndexProgress:
    """Where a refresh is: `done` of `total` files of `phase` (both 0 while scanning)."""

    phase: Phase
    done: int
    total: int

    @property
    def counting(self) -> bool:
        """A phase that counts files is under way (the scan counts nothing)."""
        return self.phase != "scan" and self.done < self.total

    def status(self) -> str:
        """Words for the article list's title: `indexing 200/9,800`, or "" once a phase is done."""
        if self.phase == "scan":
            return _STATUS_WORDS["scan"]
        return f"{_STATUS_WORDS[self.phase]} {self.done:,}/{self.total:,}" if self.counting else ""

    def line(self) -> str | None:
        """A line for `reader index` on stderr, or None for an update not worth one."""
        if self.phase == "scan":
            return _LINE_WORDS["scan"]
        if self.total == 0:
            return None
        return f"{_LINE_WORDS[self.phase]}: {self.done}/{self.total}"


ProgressCallback = Callable[[IndexProgress], None]
Cancelled = Callable[[], bool]
"""Asked between batches: True stops the refresh (the app's worker was cancelled)."""


def no_progress(_step: IndexProgress) -> None:
    """The progress callback of a caller that shows none."""


def never_cancelled() -> bool:
    """The cancel check of a caller that never cancels."""
    return False

TEXT_SHARE = 0.6
"""The text phase's part of a whole refresh, the officials phase taking the rest: measured
on cold builds (`reader index` prints both times), xwlb-bulk (2,000 articles) text 4.3 s,
officials 2.4 s; rmrb (212) 1.4 s and 1.1 s."""
REPOSTS_SHARE = 0.15
"""The reposts phase's part, after the text phase's: about 0.3 of the text phase's time on
cold builds (`reader index`, load ~4 on 2 cores: xwlb-bulk text 3.9 s, reposts 1.1 s,
officials 4.7 s; rmrb 0.8 s, 0.3 s, 1.1 s)."""
_ENDS: dict[Phase, float] = {"text": TEXT_SHARE, "reposts": TEXT_SHARE + REPOSTS_SHARE, "officials": 1.0}


_ORDER: dict[Phase, int] = {"scan": 0, "text": 1, "reposts": 2, "officials": 3}


@dataclass(slots=True)
class RefreshProgress:
    """One progress for a whole refresh, across its phases: a fraction that never goes back.

    The text phase fills the first TEXT_SHARE, the reposts phase the next REPOSTS_SHARE,
    the officials phase the rest from where the phase before left it. A phase with nothing
    to do takes no room (officials alone fill it all), and a scan, a return to the text
    phase or a step after a finished refresh begins a new refresh at 0. People saw one bar
    per phase drop back at the change of phase and read it as going backwards.
    """

    fraction: float = 0.0
    _phase: Phase | None = None
    _phase_start: float = 0.0

    def update(self, step: IndexProgress) -> float:
        """Take in one step of the refresh; returns the fraction done, 0.0 to 1.0."""
        if step.phase == "scan":
            self.fraction, self._phase, self._phase_start = 0.0, None, 0.0
            return 0.0
        if self._phase is not None and (_ORDER[step.phase] < _ORDER[self._phase] or self.fraction >= 1.0):
            self.fraction, self._phase_start = 0.0, 0.0  # a new refresh, though no scan was seen
        if step.phase != self._phase:
            self._phase, self._phase_start = step.phase, self.fraction
        if step.total > 0:
            end = max(_ENDS.get(step.phase, 1.0), self._phase_start)
            done = min(step.done, step.total) / step.total
            self.fraction = max(self.fraction, self._phase_start + (end - self._phase_start) * done)
        return self.fraction

    def status(self, step: IndexProgress) -> str:
        """Take in `step`; words for the list's title: `indexing 42%` (whole per cents, rounded
        down, so 100 % is never shown while work remains), "" once a phase is done."""
        fraction = self.update(step)
        if step.phase == "scan":
            return _STATUS_WORDS["scan"]
        return f"indexing {int(fraction * 100)}%" if step.counting else ""


@dataclass(slots=True)
class RefreshSummary:
    """What a refresh did; `seconds` per phase for `reader index` and the benchmark."""

    added: int = 0
    changed: int = 0
    removed: int = 0
    renamed: int = 0
    unchanged: int = 0
    errors: int = 0
    officials: int = 0
    """Articles whose officials were extracted in this refresh."""
    sketched: int = 0
    """Articles sketched for the repost groups in this refresh."""
    regrouped: int = 0
    """Articles whose repost group (or the copy the list shows) changed in this refresh."""
    text_seconds: float = 0.0
    reposts_seconds: float = 0.0
    officials_seconds: float = 0.0
    cancelled: bool = False

    @property
    def total(self) -> int:
        return self.added + self.changed + self.renamed + self.unchanged

    @property
    def changed_list(self) -> bool:
        """Whether the list of articles is different after this refresh."""
        return bool(self.added + self.changed + self.removed + self.renamed)
