"""Snapshots of the People screen and the person view (issue 15), on the bundled article.

Regenerate after a deliberate change with `pytest tests/test_snapshots_people.py
--snapshot-update` and look at the SVGs in tests/__snapshots__/ before committing them.
"""

from __future__ import annotations

from .pilot import settle
from .test_snapshots import SIZE, bundled_app


def test_people_screen(snap_compare) -> None:
    async def open_people(pilot) -> None:
        await settle(pilot, people=True)
        await pilot.press("P")
        await pilot.pause()

    assert snap_compare(bundled_app(), terminal_size=SIZE, run_before=open_people)


def test_person_view(snap_compare) -> None:
    async def open_person(pilot) -> None:
        await settle(pilot, people=True)
        await pilot.press("P", *"liu peng", "enter")
        await pilot.pause()

    assert snap_compare(bundled_app(), terminal_size=SIZE, run_before=open_person)
