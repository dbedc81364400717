"""Where the paragraph cursor goes on a page down or up.

The view scrolls a screenful; the cursor then goes to the first paragraph that starts in
view, so the paragraph you read next is the one on top. At either end of the article it
goes to the first or last paragraph, and it always moves at least one paragraph, so a
press is never swallowed by a paragraph taller than the screen.
"""

from __future__ import annotations

from collections.abc import Sequence


def page_target(starts: Sequence[int], top: int, max_top: int, direction: int, cursor: int) -> int:
    """The paragraph for the cursor after scrolling to line `top` (`max_top`: the last top).

    `starts[i]` is the first line of paragraph i; `direction` is +1 (page down) or -1.
    """
    if direction > 0 and top >= max_top:
        target = len(starts) - 1  # at the end: the last paragraph
    elif direction < 0 and top == 0:
        target = 0
    else:
        target = next((i for i, first in enumerate(starts) if first >= top), len(starts) - 1)
    if (direction > 0 and target <= cursor) or (direction < 0 and target >= cursor):
        target = max(0, min(len(starts) - 1, cursor + direction))
    return target
