"""Chinese line layout shared by the reading view and `reader render`.

Core code: nothing here imports Textual, so the command line can print exactly what
the screen shows and tests can check it without a terminal.
"""

from reader.layout.cells import char_cells, use_rich_ambiguous_width
from reader.layout.display import display_text
from reader.layout.document import (
    DEFAULT_MEASURE,
    HANG_MARGIN,
    DocLine,
    Document,
    Typesetting,
    layout_document,
    render_plain,
)
from reader.layout.linebreak import (
    END_FORBIDDEN,
    HANGING,
    NO_SPLIT_CHARS,
    SHORT_REASONS,
    START_FORBIDDEN,
    LineSpan,
    break_paragraph,
    edge_of,
)

__all__ = [
    "DEFAULT_MEASURE",
    "END_FORBIDDEN",
    "HANGING",
    "HANG_MARGIN",
    "NO_SPLIT_CHARS",
    "SHORT_REASONS",
    "START_FORBIDDEN",
    "DocLine",
    "Document",
    "LineSpan",
    "Typesetting",
    "break_paragraph",
    "char_cells",
    "display_text",
    "edge_of",
    "layout_document",
    "render_plain",
    "use_rich_ambiguous_width",
]
