"""The state of reading one article, kept apart from the widgets that show it.

Why: the reading screen used to hold this in a dozen attributes scattered over its
handlers (which official is selected, which trail `n` follows, what to highlight), so
the rules could only be tested by pressing keys. Here they are plain methods on plain
data; the screen calls them and hands what they return to its widgets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.find import find_matches
from reader.reading.trail import Span, SpanKind, Stop, Trail

if TYPE_CHECKING:
    from reader.article import Article
    from reader.officials.model import Official, OfficialsReport


class ReadingSession:
    """The open article, its officials, the selected official and the trails through it."""

    def __init__(self) -> None:
        self.article: Article | None = None
        self.report: OfficialsReport | None = None
        """The open article's officials; None until the extractor has run."""
        self.selected_official: int | None = None
        """The official chosen last (an index into `report.officials`)."""
        self.official_trail: Trail | None = None
        self.search_trail: Trail | None = None
        self.trail: Trail | None = None
        """The trail `n`/`N` step through: the one set off last (one of the two above)."""
        self.last_query = ""
        """The last search that matched: `/` then Enter repeats it, in any article."""
        self.wrapped = 0
        """Whether the last move along a trail went round its end (+1: past the last stop,
        back to the first; -1: past the first, back to the last; 0: it did not)."""

    # -- the article and its officials -------------------------------------------------

    def open(self, article: Article) -> None:
        """Another article: nothing is selected, searched or known about its officials yet."""
        self.article = article
        self.report = None
        self.selected_official = None
        self.official_trail = self.search_trail = self.trail = None

    def officials_found(self, article: Article, report: OfficialsReport) -> bool:
        """Take the extractor's report; False when it is for an article no longer open."""
        if article is not self.article:
            return False
        self.report = report
        return True

    def official(self, index: int | None) -> Official | None:
        """The official at `index` of the report, if there is one."""
        if self.report is None or index is None or not 0 <= index < len(self.report.officials):
            return None
        return self.report.officials[index]

    def paragraph_at(self, cursor: int) -> int | None:
        """The body paragraph under `cursor` (None with no article, or one without a body)."""
        if self.article is None or not self.article.paragraphs:
            return None
        return min(cursor, len(self.article.paragraphs) - 1)

    # -- trails -------------------------------------------------------------------------

    def choose_official(self, index: int) -> Stop | None:
        """Select the official at `index` and set off on their mentions; returns the first.

        None, and nothing changes, when there is no such official.
        """
        official = self.official(index)
        if official is None:
            return None
        self.selected_official = index
        stops = [Stop(m.paragraph, m.start, m.end) for m in official.mentions]
        self.official_trail = Trail(official.name, stops)
        return self._follow(self.official_trail)

    def search(self, query: str, cursor: int) -> Stop | None:
        """Set off on the matches of `query`, from the first at or after `cursor` (as `less`
        and vim do); returns that match, or None (nothing changes) when there is none."""
        if self.article is None:
            return None
        matches = find_matches(self.article.paragraphs, query)
        if not matches:
            return None
        first = next((i for i, match in enumerate(matches) if match.paragraph >= cursor), None)
        stops = [Stop(match.paragraph, match.start, match.end) for match in matches]
        self.search_trail = Trail(f"「{query}」", stops, first or 0)
        self.last_query = query
        self.wrapped = 1 if first is None else 0
        return self._follow(self.search_trail)

    def clear_search(self) -> None:
        """Forget the search; `n` goes back to the official's mentions, if one was chosen."""
        self.search_trail = None
        if self.trail is not None and self.trail is not self.official_trail:
            self.trail = self.official_trail

    def step(self, by: int, cursor: int | None = None) -> Stop | None:
        """Move along the active trail (`n`: +1, `N`: -1); returns the stop it is at now.

        With the `cursor` (a paragraph), the step is from there: the first stop after it
        or the last before it (`Trail.step_from`); without, `by` stops from the last one.
        `wrapped` says whether it went round an end.
        """
        if self.trail is None:
            return None
        went_round = self.trail.step(by) if cursor is None else self.trail.step_from(cursor, by > 0)
        self.wrapped = (1 if by > 0 else -1) if went_round else 0
        return self._follow(self.trail)

    def _follow(self, trail: Trail) -> Stop | None:
        self.trail = trail
        return trail.current

    # -- what the screen draws ------------------------------------------------------------

    def spans(self) -> list[Span]:
        """Every highlight: the officials' mentions (the selected one's marked), the search's
        matches, and the stop the active trail is at."""
        spans: list[Span] = []
        if self.report is not None:
            for index, official in enumerate(self.report.officials):
                kind: SpanKind = "mention-selected" if index == self.selected_official else "mention"
                spans.extend(Span(m.paragraph, m.start, m.end, kind) for m in official.mentions)
        if self.search_trail is not None:
            spans.extend(Span(*stop, "match") for stop in self.search_trail.targets)
        current = self.trail.current if self.trail is not None else None
        if current is not None:
            here: SpanKind = "mention-current" if self.trail is self.official_trail else "match-current"
            spans.append(Span(*current, here))
        return spans

    def position_text(self, cursor: int, total: int) -> str:
        """The status bar's position: `¶ 3/9` (`¶ –` with no paragraphs)."""
        return f"¶ {cursor + 1}/{total}" if total else "¶ –"

    def wrap_text(self) -> str | None:
        """What to tell the reader when the last move went round the trail's end, else None."""
        if not self.wrapped or self.trail is None:
            return None
        if self.wrapped > 0:
            return f"Past the end: back to the first of {self.trail.label}"
        return f"Past the start: back to the last of {self.trail.label}"

    def trail_text(self) -> str | None:
        """The status bar's trail: `郑亚军 2/4`, `「国防」 3/17`, or None before one is set off."""
        return self.trail.status() if self.trail is not None else None
