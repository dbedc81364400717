"""Back and forward, as in a browser: the places a jump left, and the ones Back left.

A jump is what takes the reader somewhere the keys of the article would not: a library
search's hit, an official's timeline, filtering the list to an official or listing
every article again. Before each, the screen records where the reader was (the
article, its paragraph, the list's filter); Back returns there and Forward undoes a
Back. A new jump after Back forgets the places ahead, as a browser does.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HISTORY_KEPT = 100
"""Places kept behind the reader (the oldest are forgotten)."""


@dataclass(frozen=True, slots=True)
class Place:
    """Where the reader is: the article open (if any), its paragraph and the list's filter."""

    path: Path | None
    paragraph: int = 0
    list_filter: str | None = None


class History:
    """The places behind the reader (Back) and ahead of it (Forward, after a Back)."""

    def __init__(self) -> None:
        self._back: list[Place] = []
        self._ahead: list[Place] = []

    def jumped(self, left: Place) -> None:
        """A jump left `left`: Back returns there; what was ahead is forgotten."""
        if not self._back or self._back[-1] != left:
            self._back.append(left)
            del self._back[:-HISTORY_KEPT]
        self._ahead.clear()

    def back(self, here: Place) -> Place | None:
        """The place to go back to (None: nothing behind); `here` becomes Forward's."""
        if not self._back:
            return None
        self._ahead.append(here)
        return self._back.pop()

    def forward(self, here: Place) -> Place | None:
        """The place a Back left (None: nothing ahead); `here` becomes Back's again."""
        if not self._ahead:
            return None
        self._back.append(here)
        return self._ahead.pop()
