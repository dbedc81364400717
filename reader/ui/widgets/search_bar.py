"""The bar under the article where `/` types a search of this article."""

from __future__ import annotations

from textual.widgets import Input


class SearchBar(Input):
    """One line under the article: Enter finds (the screen handles `Input.Submitted`), Esc hides it.

    The screen mounts it on the first `/` and keeps it: most sessions never search, and
    a hidden Input would still cost the first frame its stylesheet.
    """

    def __init__(self) -> None:
        super().__init__(placeholder="Search this article (Enter: find, Esc: clear)", id="search")

    def open(self, last_query: str) -> None:
        """Show the bar and focus it; an empty bar offers the last query (`/` Enter repeats it)."""
        self.display = True
        if not self.value and last_query:
            self.value = last_query
            self.cursor_position = len(self.value)
        self.focus()
