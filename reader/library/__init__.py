"""The library: a folder of articles, its SQLite index, search across it, reading state.

`entries` lists and summarises files directly (no index); `index` keeps a cache of
every file's metadata, text and officials so a big folder opens at once and can be
searched; `state` remembers where the reader stopped. None of it imports Textual.
"""

from reader.library.entries import LibraryEntry, find_article_files, iter_entries, read_entry
from reader.library.index import IndexProgress, LibraryIndex, RefreshSummary, index_path
from reader.library.people import Appearance
from reader.library.search import SearchHit
from reader.library.state import ReadingState

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
