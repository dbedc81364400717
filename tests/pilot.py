"""Waiting for the app in Pilot tests: for the events it sets, never for a guessed number of rounds.

The app does its work in the background (the library's refresh, each article's officials
and their pinyin, a huge article's layout) and sets `ReaderApp.ready` as each result
reaches the screen; these helpers await those events.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual.pilot import Pilot

from reader.ui.app import ReaderApp

READY_TIMEOUT = 120.0
"""Seconds before a test whose event never comes fails instead of hanging (a busy machine needs < 10)."""


async def settle(pilot: Pilot[Any], *, layout: bool = True, people: bool = False) -> None:
    """Until the library, the open article's officials and (unless `layout` is false) its
    whole layout are on screen — and, with `people`, the person index is built and listed —
    then until the screen has handled the messages that queued."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await asyncio.wait_for(app.ready.wait(layout=layout, people=people), READY_TIMEOUT)
    await pilot.pause()


def messages(app: ReaderApp) -> list[str]:
    """Every notification the app has shown, oldest first."""
    return [notice.message for notice in app.notified]
