"""Optional name finders that give the extractor a second opinion on where names end.

The rules in `reader.officials.names` decide by default. A backend marks the spans a
statistical tagger reads as person names; the extractor consults it only where a name
stands right after a post. Backends are optional extras: importing this package never
imports their libraries, and `get_backend` returns None when a backend cannot load, so
reader runs the same without them.
"""

from __future__ import annotations

from typing import Protocol


class NameSpans(Protocol):
    """Something that finds person names in a paragraph."""

    name: str

    def person_spans(self, text: str) -> dict[int, int]:
        """Start -> end of every span read as a person's name in `text`."""
        ...


def get_backend(name: str) -> NameSpans | None:
    """The named backend (only "lac" exists), or None when its library is not installed."""
    if name == "lac":
        from reader.officials.backends import lac

        return lac.backend()
    return None
