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


def test_reading_screen_with_ambiguous_characters_two_cells_wide(snap_compare) -> None:
    """`ambiguous_width: 2`: “ ” — … drawn two cells wide, and every line of a paragraph
    but its last (and a line that says why it is short) ends in the same cell."""
    from reader.layout import Typesetting
    from reader.ui.widgets.reading_view import ReadingView

    from .test_snapshots import BUNDLED_ARTICLE, REPO, ReaderApp, discover_themes

    themes, _ = discover_themes()
    app = ReaderApp(
        library=REPO / "articles",
        open_file=BUNDLED_ARTICLE,
        theme_specs=themes,
        theme_name="ink",
        ambiguous_width=2,
    )

    async def check(pilot) -> None:
        await settle(pilot)
        reading = pilot.app.query_one(ReadingView)
        document = reading.document
        wide = Typesetting(ambiguous=2)
        for paragraph in range(len(document.paragraph_first_line)):
            lines = [document.lines[y] for y in document.paragraph_lines(paragraph)]
            for line in lines[:-1]:
                inked = line.text[:-1] if line.hung else line.text
                assert wide.cells(inked) == document.width - document.width % 2, line

    assert snap_compare(app, terminal_size=(80, 40), run_before=check)
