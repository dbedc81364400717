"""The library: a folder of articles, its SQLite index, search across it, reading state.

`entries` lists and summarises files directly (no index); `index` keeps a cache of
every file's metadata, text and officials so a big folder opens at once and can be
searched; `state` remembers where the reader stopped. None of it imports Textual.

Names are imported on first use (PEP 562), so a caller that needs only
`LibraryEntry` does not pay for SQLite and the officials engine at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import lazy_exports

if TYPE_CHECKING:
    from reader.library.entries import LibraryEntry, find_article_files, iter_entries, read_entry
    from reader.library.index import IndexProgress, LibraryIndex, RefreshSummary, index_path
    from reader.library.people import Appearance
    from reader.library.search import SearchHit
    from reader.library.state import ReadingState

_HOMES = {
    "Appearance": "people",
    "IndexProgress": "index",
    "LibraryEntry": "entries",
    "LibraryIndex": "index",
    "ReadingState": "state",
    "RefreshSummary": "index",
    "SearchHit": "search",
    "find_article_files": "entries",
    "index_path": "index",
    "iter_entries": "entries",
    "read_entry": "entries",
}

__all__ = [
    "Appearance",
    "IndexProgress",
    "LibraryEntry",
    "LibraryIndex",
    "ReadingState",
    "RefreshSummary",
    "SearchHit",
    "find_article_files",
    "index_path",
    "iter_entries",
    "read_entry",
]
# Kept equal to _HOMES by tests/test_architecture.py.


__getattr__ = lazy_exports(__name__, _HOMES)
