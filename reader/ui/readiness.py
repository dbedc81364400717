"""Events that say the work the app started is on screen, for whoever must wait for it.

The app does much of its work in the background — the library's refresh, each article's
officials and their pinyin, the layout of a huge article — and tests, the screenshot
script and the benchmarks need to know when it is done. They await these events, set by
the reader screen at the moment the result is shown, rather than guessing how many
rounds of the event loop the work takes.
"""

from __future__ import annotations

import asyncio


class Readiness:
    """`library`, `officials` and `layout`: set when each is shown, cleared when it is pending.

    - `library`: the library worker has finished: the list, its notices and any filter
      are up to date (cleared until the first refresh ends, and while a refresh started
      later runs: one after an article's file was found gone);
    - `officials`: the open article's officials, with their pinyin and glosses, are in
      the sidebar (cleared while an article's are being found);
    - `layout`: no layout of the open article is pending: a huge one is laid out in a
      worker, and this is cleared until the whole is shown (an article laid out at once,
      or not yet at all because its pane is hidden, leaves it set).

    - `people`: the person index's background phase (after the library's) has ended and
      its list is loaded for the People screen, or it failed (cleared until then).

    With no article open, `officials` and `layout` are set: nothing is pending.
    """

    def __init__(self) -> None:
        self.library = asyncio.Event()
        self.officials = asyncio.Event()
        self.layout = asyncio.Event()
        self.people = asyncio.Event()
        self.officials.set()
        self.layout.set()

    def opening(self) -> None:
        """An article is being opened: its officials are pending (its layout may be, if long)."""
        self.officials.clear()
        self.layout.set()

    async def wait(self, *, layout: bool = True, people: bool = False) -> None:
        """Until the library, the open article's officials and (unless told not to) its layout
        are all shown, and (if asked) the person index is built."""
        await self.library.wait()
        if people:
            await self.people.wait()
        await self.officials.wait()
        if layout:
            await self.layout.wait()
