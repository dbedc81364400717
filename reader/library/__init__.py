"""The library: a folder of articles, its SQLite index, search across it, reading state.

`index` keeps a cache of every file's metadata, text and officials so a big folder
opens at once and can be searched (`plan` decides what a refresh must do, `records`
what a file becomes in the index); `session` is the app's handle on one library;
`state` remembers where the reader stopped. None of it imports Textual.

Names are imported on first use (PEP 562), so a caller that needs only
`LibraryEntry` does not pay for SQLite and the officials engine at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import lazy_exports

if TYPE_CHECKING:
    from reader.library.entries import LibraryEntry
    from reader.library.index import LibraryIndex, index_path
    from reader.library.people import Appearance
    from reader.library.progress import IndexProgress, RefreshSummary
    from reader.library.search import SearchHit
    from reader.library.state import ReadingState

_HOMES = {
    "Appearance": "people",
    "IndexProgress": "progress",
    "LibraryEntry": "entries",
    "LibraryIndex": "index",
    "ReadingState": "state",
    "RefreshSummary": "progress",
    "SearchHit": "search",
    "index_path": "index",
}

__all__ = [
    "Appearance",
    "IndexProgress",
    "LibraryEntry",
    "LibraryIndex",
    "ReadingState",
    "RefreshSummary",
    "SearchHit",
    "index_path",
]
# Kept equal to _HOMES by tests/test_architecture.py.


__getattr__ = lazy_exports(__name__, _HOMES)
