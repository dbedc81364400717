"""The Chinese line breaker: one paragraph into lines that fit a terminal width.

Rules (GB/T 15834 and the W3C "Requirements for Chinese Text Layout", clreq):

* a line may break between any two CJK characters;
* closing punctuation never starts a line, opening brackets and quotes never end one;
* ``——`` and ``……`` are never split;
* a run of Latin letters/digits (``3.5%``, ``Ct``, a URL) is never split: it moves to
  the next line whole, and is cut only when it alone is wider than a line.

A fault is fixed the standard way (推出): the break moves back, pulling the previous
character(s) down to the next line. When no good break exists inside a line (a
glued chunk longer than the line) the least bad break is taken instead: each break
has a cost, the sum of the rules it bends (cutting a Latin run is cheapest; splitting
``……`` costs both its rules), and the line ends at the cheapest one that fits, the
last one among equals.

Body text is also *justified* (``justify=True``), as print sets Chinese: every line
of a paragraph but the last ends at the same column, the *edge* (the width, made
even so that a line of two-cell characters can reach it). Pulling a character down
leaves a line two cells short, and half-width characters leave it one cell odd, so
the breaker uses what print uses and a cell grid allows (clreq §3.1 and §3.2):

* hanging punctuation (行尾点号悬挂): a closing mark that would have to start a line
  hangs after the line's last character instead, in a margin of up to two cells past
  the edge; never more than one a line;
* the space clreq asks between Chinese and Western text (a cell between 汉字 and a
  Latin or digit run: ``增长 3.5%``), put only where a line needs a cell to reach the
  edge, at the most natural place (before a run rather than after it, never inside
  one), and, in a line that has no such place, the blank half of a narrow quote beside
  punctuation, a space after a half-width mark, or a widened space (`slots`);
* punctuation compression (标点挤压): a quote given its blank half
  (`reader.layout.punctuation.quote_pads`) may be drawn narrow to let a line take
  one more character;
* choosing, among the ends a line may have, the one that bends no rule and needs
  fewest of these.

A line that still ends short says why (`LineSpan.short`: one of `SHORT_REASONS`).

The result is a list of offsets into the paragraph, not strings: the reading view
maps highlight spans (search hits, officials' mentions) through them, and
`reader render` prints exactly the same slices (with the spaces in `LineSpan.fills`).

This module is the entry point; the work is in `rules` (the rules as data), `units`,
`unjustified`, `justify` and `slots`, a module per job. Core code: none of them
imports Textual (rich.cells only measures).
"""

from __future__ import annotations

from collections.abc import Mapping

from reader.layout.display import display_text
from reader.layout.justify import break_justified
from reader.layout.rules import (
    CODES_BY_AMBIGUOUS,
    END_FORBIDDEN,
    HANGING,
    NO_BREAK,
    NO_SPLIT_CHARS,
    START_FORBIDDEN,
    encode,
)
from reader.layout.spans import SHORT_REASONS, LineSpan, edge_of
from reader.layout.unjustified import break_general, break_simple

__all__ = [
    "END_FORBIDDEN",
    "HANGING",
    "NO_SPLIT_CHARS",
    "SHORT_REASONS",
    "START_FORBIDDEN",
    "LineSpan",
    "break_paragraph",
    "edge_of",
]


def break_paragraph(
    text: str,
    width: int,
    indent: int = 2,
    *,
    justify: bool = False,
    ambiguous: int = 1,
    pads: Mapping[int, int] | None = None,
) -> list[LineSpan]:
    """Lay out one paragraph into lines of at most `width` terminal cells.

    The first line starts after `indent` blank cells (clamped so that it still holds
    a double-width character), continuation lines after none. Every non-space
    character of `text` lies in exactly one line. Control characters are measured as
    `display_text` shows them, which is how the caller must print them.

    With `justify`, lines are set to the edge (`edge_of(width)`) as the module's
    docstring says: a closing mark may hang past it (by at most its own two cells),
    and `LineSpan.fills` says where blank cells go. `ambiguous` is how many cells the
    terminal gives ambiguous characters (`“ ” — …`: see `reader.layout.cells`);
    `pads` maps offsets of quotes to the side their blank half goes on
    (`reader.layout.punctuation.quote_pads`), and such a quote is laid out two cells
    wide.

    Raises ValueError when `width` < 2 (a CJK character would not fit), `indent` < 0,
    or `ambiguous` is not 1 or 2.
    """
    if width < 2:
        raise ValueError(f"width must be at least 2 cells, got {width}")
    if indent < 0:
        raise ValueError(f"indent must not be negative, got {indent}")
    if ambiguous not in CODES_BY_AMBIGUOUS:
        raise ValueError(f"ambiguous width must be 1 or 2, got {ambiguous}")
    shown = display_text(text)
    codes, cells = encode(shown, ambiguous, pads)
    simple = 0 not in cells and not any(ch in shown for ch in NO_BREAK)
    if justify:
        edge = edge_of(width)
        return break_justified(
            shown, codes, cells, edge, min(indent, edge - 2), simple, pads or {}, ambiguous
        )
    first_indent = min(indent, width - 2)
    if simple:
        # The common case — one unit per character, no no-break space — has a fast path
        # that gives exactly the same lines (tests compare the two on random text).
        return break_simple(shown, codes, cells, width, first_indent)
    return break_general(shown, codes, cells, width, first_indent)
