"""How far a refresh of the index has got, and what it did: one type from the index to the screen.

A refresh runs in phases: "scan" (listing the folder), "text" (reading new and changed
files) and "officials" (finding each article's officials in the stored text). Every
step is an `IndexProgress`; the words people read about it (the list's title, the
progress bar, the CLI's stderr lines) are derived here, so no caller compares phase
names as text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Phase = Literal["scan", "text", "officials"]

_STATUS_WORDS: dict[Phase, str] = {
    "scan": "checking the folder",
    "text": "indexing",
    "officials": "finding officials",
}
_LINE_WORDS: dict[Phase, str] = {
    "scan": "scanning the folder…",
    "text": "text and metadata",
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
    text_seconds: float = 0.0
    officials_seconds: float = 0.0
    cancelled: bool = False

    @property
    def total(self) -> int:
        return self.added + self.changed + self.renamed + self.unchanged

    @property
    def changed_list(self) -> bool:
        """Whether the list of articles is different after this refresh."""
        return bool(self.added + self.changed + self.removed + self.renamed)
