"""Chinese line layout shared by the reading view and `reader render`.

Core code: nothing here imports Textual, so the command line can print exactly what
the screen shows and tests can check it without a terminal.
"""

from reader.layout.display import display_text
from reader.layout.document import DEFAULT_MEASURE, DocLine, Document, layout_document, render_plain
from reader.layout.linebreak import END_FORBIDDEN, NO_SPLIT_CHARS, START_FORBIDDEN, LineSpan, break_paragraph

__all__ = [
    "DEFAULT_MEASURE",
    "END_FORBIDDEN",
    "NO_SPLIT_CHARS",
    "START_FORBIDDEN",
    "DocLine",
    "Document",
    "LineSpan",
    "break_paragraph",
    "display_text",
    "layout_document",
    "render_plain",
]
