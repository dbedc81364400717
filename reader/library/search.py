"""Full-text search over the index: any phrase, in titles and paragraphs, of any length.

Queries of three characters or more go through the FTS5 trigram index (exact substring
match, ASCII case folded). Trigrams cannot match one or two characters, so shorter
queries scan the stored text with LIKE — the same text and the same case rule, so the
answer is the same, only slower; newest articles are scanned first and the scan stops
at `limit`. A hit carries offsets, never markup: the UI decides how to draw a match.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.library.scan import path_from_key

DEFAULT_LIMIT = 200
SNIPPET_BEFORE = 12
"""Characters of context kept before the first match."""
SNIPPET_LENGTH = 60
"""Characters in a snippet (about one line of a wide terminal in CJK)."""
TRIGRAM = 3


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One paragraph that contains the query."""

    path: Path
    title: str
    date_text: str
    paragraph: int
    """The body paragraph index, or -1 when the match is in the title."""
    snippet: str
    """A window of the paragraph around the first match (`…` marks cut ends)."""
    marks: tuple[tuple[int, int], ...]
    """(start, end) of every match inside `snippet`."""
    start: int
    """Offset of the first match in the paragraph itself (for highlighting in the reading view)."""
    end: int
    copies: int = 1
    """How many files print this hit's story (reposts.py); the story's other copies give no hit."""

    @property
    def open_paragraph(self) -> int:
        """Where to put the reading cursor: a title hit opens at the first paragraph."""
        return max(self.paragraph, 0)


_COLUMNS = (
    "files.path, files.title, files.date_text, paragraphs.idx, paragraphs.text, paragraphs.id, "
    "files.id, coalesce(stories.story, -files.id), coalesce(stories.copies, 1)"
)
_JOIN = "JOIN files ON files.id = paragraphs.file_id LEFT JOIN stories ON stories.file_id = files.id"
# Paragraph ids sort by publication day (newest = highest), so both plans walk ids
# downwards and stop at `limit`: cost follows the page of hits, not the number of matches.
# A page whose hits are dropped as other copies of a story already found asks for the next.
_FTS = (
    f"SELECT {_COLUMNS} FROM (SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? AND rowid < ? "
    f"ORDER BY rowid DESC LIMIT ?) AS hits JOIN paragraphs ON paragraphs.id = hits.rowid {_JOIN} "
    "ORDER BY paragraphs.id DESC"
)
_SCAN = (
    f"SELECT {_COLUMNS} FROM paragraphs {_JOIN} "
    "WHERE paragraphs.text LIKE ? ESCAPE '\\' AND paragraphs.id < ? ORDER BY paragraphs.id DESC LIMIT ?"
)
_PAST_ALL = 1 << 62
"""An id above every paragraph's (the overflow block included): where the first page starts."""


def search(
    conn: sqlite3.Connection, library: Path, query: str, limit: int = DEFAULT_LIMIT
) -> list[SearchHit]:
    """Hits for `query` (whitespace at the ends ignored), newest article first, at most `limit`.

    A story several files print (reposts.py) is found once: the hits of its newest copy
    that matches, with the number of copies; its other copies give none.
    """
    query = query.strip()
    if not query:
        return []
    if len(query) >= TRIGRAM:
        sql, match = _FTS, '"' + query.replace('"', '""') + '"'
    else:
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        sql, match = _SCAN, f"%{escaped}%"
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits: list[SearchHit] = []
    copy_of: dict[int, int] = {}
    """Story -> the file whose hits stand for it."""
    below = _PAST_ALL
    while len(hits) < limit:
        rows = conn.execute(sql, (match, below, limit)).fetchall()
        for path, title, date_text, idx, text, paragraph_id, file_id, story, copies in rows:
            if copy_of.setdefault(story, file_id) == file_id and len(hits) < limit:
                hits.append(_hit(library / path_from_key(path), title, date_text, idx, text, pattern, copies))
            below = min(below, paragraph_id)
        if len(rows) < limit:
            break
    return hits


def _hit(
    path: Path, title: str, date_text: str, idx: int, text: str, pattern: re.Pattern[str], copies: int
) -> SearchHit:
    matches = [(m.start(), m.end()) for m in pattern.finditer(text)]
    start, end = matches[0] if matches else (0, 0)
    window_start = max(0, start - SNIPPET_BEFORE)
    window_end = min(len(text), max(window_start + SNIPPET_LENGTH, end))
    prefix = "…" if window_start else ""
    suffix = "…" if window_end < len(text) else ""
    shift = len(prefix) - window_start
    snippet = prefix + text[window_start:window_end] + suffix
    marks = tuple(
        (s + shift, min(e, window_end) + shift) for s, e in matches if window_start <= s < window_end
    )
    return SearchHit(path, title, date_text, idx, snippet, marks, start, end, copies)
