"""Adding a web page from the palette: type or paste its address in ctrl+p, Enter.

Why a mixin: it is the palette's door to `reader add` (reader.inbox), with a worker of its
own so the fetch never blocks the screen; the article it saves is opened at once, from
the inbox (`reader locate inbox`), never from or into the user's article folders.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.screen import Screen

from reader.textsafety import inert_line


class InboxSide(Screen[None]):
    """The screen's "Add to the inbox" command."""

    def read(self, path: Path, paragraph: int | None = None) -> None:
        raise NotImplementedError

    def add_page(self, url: str) -> None:
        """Fetch the page at `url` once, keep its article in the inbox, and open it."""
        self.notify(inert_line(f"Fetching {url} …"), timeout=4, markup=False)
        self._fetch_page(url.strip())

    @work(thread=True, group="inbox", exit_on_error=False)
    def _fetch_page(self, url: str) -> None:
        from reader import locations
        from reader.inbox import InboxError, add_page, already_added, fetch

        inbox = locations.inbox_dir()
        try:
            added = already_added(inbox, url) or add_page(fetch(url), inbox=inbox, url=url, name=url)
        except InboxError as error:
            self.app.call_from_thread(self.notify, inert_line(str(error)), severity="error", markup=False)
            return
        except OSError as error:  # an inbox folder that cannot be written
            message = inert_line(f"cannot keep the page in {inbox}: {error.strerror or error}")
            self.app.call_from_thread(self.notify, message, severity="error", markup=False)
            return
        self.app.call_from_thread(self._page_added, added.path, added.existing)

    def _page_added(self, path: Path, existing: bool) -> None:
        said = "Already in the inbox" if existing else "Added to the inbox"
        self.notify(inert_line(f"{said}: {path}"), timeout=8, markup=False)
        self.read(path)
