"""The measure: how wide the text column is, in terminal cells. Every bound lives here.

Lines much longer than 80 cells (40 Chinese characters) are hard to follow back to the
next line's start; clreq and Chinese book and newspaper practice put a comfortable line
at roughly 30–40 characters. The reading view lays out at min(measure, its width) and
centres the column in a wider terminal; `reader render --width` defaults to the same
value, so the CLI prints what a wide screen shows. The config's `measure` sets where
the view starts, and `-` / `+` change it while reading.
"""

from __future__ import annotations

DEFAULT_MEASURE = 80
"""The default widest text column: 40 Chinese characters a line."""
MIN_MEASURE = 20
"""The narrowest column `-` reaches and the config accepts: 10 Chinese characters."""
MAX_MEASURE = 400
"""The widest column `+` reaches and the config accepts (wider than any terminal in use)."""
MEASURE_STEP = 4
"""How much `-` and `+` change the column: two Chinese characters."""
MIN_RENDER_WIDTH = 2
"""`reader render --width`'s narrowest: one Chinese character, the least a layout can hold."""
MAX_RENDER_WIDTH = 1000
"""`reader render --width`'s widest: wider than any terminal; the layout's memory grows with it."""


def clamp_measure(cells: int) -> int:
    """`cells` within MIN_MEASURE..MAX_MEASURE."""
    return max(MIN_MEASURE, min(cells, MAX_MEASURE))


def measure_note(shown: int, now: int, by: int) -> str:
    """What `-`/`+` say: the new measure, or which bound stopped the change of `by` cells."""
    if now != shown:
        return f"Measure {now} cells"
    if by > 0:
        bound = "the widest" if now >= MAX_MEASURE else "as wide as this pane allows"
        return f"Measure {now} cells: {bound}"
    return f"Measure {now} cells: the narrowest"
