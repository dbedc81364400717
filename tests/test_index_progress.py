"""issue 14, defect 8: one indexing progress, monotonic across phases, readable at 80 columns."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Footer

from reader.library.progress import REPOSTS_SHARE, TEXT_SHARE, IndexProgress, RefreshProgress
from reader.ui.widgets.library_table import LibraryTable

from .pilot import settle
from .test_library_app import library, make_app


def steps(phase: str, total: int, batch: int = 200) -> list[IndexProgress]:
    """What the index reports for one phase: 0, then after every batch."""
    done = [0, *range(batch, total, batch), total] if total else [0]
    return [IndexProgress(phase, n, total) for n in done]  # type: ignore[arg-type]


def fractions(all_steps: list[IndexProgress]) -> list[float]:
    progress = RefreshProgress()
    return [progress.update(step) for step in all_steps]


def test_the_progress_never_goes_back_at_the_change_of_phase() -> None:
    run = [IndexProgress("scan", 0, 0), *steps("text", 2000), *steps("officials", 2000)]
    seen = fractions(run)
    assert seen == sorted(seen)  # monotonic
    assert seen[0] == 0.0 and seen[-1] == 1.0
    text_end = seen[len(steps("text", 2000))]
    assert text_end == TEXT_SHARE  # the text phase fills its share; officials go on from there
    assert seen[len(steps("text", 2000)) + 1] == TEXT_SHARE  # officials 0/2000: no drop


def test_the_reposts_phase_takes_its_share_between_text_and_officials() -> None:
    run = [IndexProgress("scan", 0, 0), *steps("text", 2000), *steps("reposts", 2000)]
    run += steps("officials", 2000)
    seen = fractions(run)
    assert seen == sorted(seen) and seen[-1] == 1.0
    after_reposts = seen[len(steps("text", 2000)) + len(steps("reposts", 2000))]
    assert after_reposts == TEXT_SHARE + REPOSTS_SHARE
    progress = RefreshProgress()
    progress.update(IndexProgress("text", 2000, 2000))
    halfway = int((TEXT_SHARE + REPOSTS_SHARE / 2) * 100)
    assert progress.status(IndexProgress("reposts", 1000, 2000)) == f"indexing {halfway}%"


def test_a_phase_with_nothing_to_do_takes_no_room() -> None:
    officials_only = fractions([IndexProgress("scan", 0, 0), *steps("text", 0), *steps("officials", 1000)])
    assert officials_only[-1] == 1.0 and officials_only == sorted(officials_only)
    assert officials_only[3] == 0.2  # 200 of 1,000 is a fifth of the whole refresh
    text_only = fractions([*steps("text", 400), *steps("officials", 0)])
    assert text_only[-1] == TEXT_SHARE  # and the list's title is cleared when it ends


def test_a_new_refresh_starts_again_at_zero_and_words_are_short() -> None:
    progress = RefreshProgress()
    assert progress.status(IndexProgress("scan", 0, 0)) == "checking the folder"
    assert progress.status(IndexProgress("text", 1400, 2000)) == "indexing 42%"
    assert progress.status(IndexProgress("officials", 0, 2000)) == "indexing 42%"
    assert progress.status(IndexProgress("officials", 1999, 2000)) == "indexing 99%"  # never 100 % early
    assert progress.status(IndexProgress("officials", 2000, 2000)) == ""
    assert progress.status(IndexProgress("scan", 0, 0)) == "checking the folder"
    assert progress.update(IndexProgress("text", 0, 10)) == 0.0
    progress.update(IndexProgress("officials", 10, 10))
    assert progress.update(IndexProgress("text", 5, 10)) == TEXT_SHARE / 2  # back to text: a new one
    progress.update(IndexProgress("officials", 10, 10))
    assert progress.update(IndexProgress("officials", 1, 10)) == 0.1  # after a finished one: new too


async def test_at_80_columns_the_progress_is_whole_and_the_footer_keeps_its_keys(tmp_path: Path) -> None:
    app = make_app(library(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # at 80 columns the article has the screen; Esc shows the list
        await pilot.pause()
        table = app.query_one(LibraryTable)
        assert table.region.width > 0
        footer = app.query_one(Footer)
        keys_before = footer.region.width
        seen = []
        for step in [IndexProgress("scan", 0, 0), *steps("text", 2000), *steps("officials", 2000)][:-1]:
            app.reader._index_progress(step)  # what the refresh worker reports
            await pilot.pause()
            title = Text.from_markup(str(table.border_title)).plain  # as drawn
            assert cell_len(title) + 4 <= table.region.width, title  # not cut by the border
            assert footer.region.width == keys_before  # nothing takes the footer's room
            if "%" in title:
                seen.append(int(title.rsplit(" ", 1)[-1].rstrip("%")))
        assert seen == sorted(seen) and seen[0] == 0 and seen[-1] == 96  # 1,800 of 2,000 officials
        app.reader._index_progress(IndexProgress("officials", 2000, 2000))
        await pilot.pause()
        assert str(table.border_title) == "Articles"
