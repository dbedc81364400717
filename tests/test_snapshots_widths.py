"""The reading screen pinned at 60 and 120 columns (issue 4): what users see."""

from __future__ import annotations

import pytest

from .test_snapshots import bundled_app, settle


@pytest.mark.parametrize("columns", [60, 120])
def test_reading_screen_at_width(snap_compare, columns: int) -> None:
    async def move_down(pilot) -> None:
        await settle(pilot)
        await pilot.press("j", "j")
        await pilot.pause()

    assert snap_compare(bundled_app(), terminal_size=(columns, 40), run_before=move_down)
