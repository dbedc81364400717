"""One laid-out line as Rich segments: its kind's style, and the spans (officials'
mentions, search hits) that fall on it.

Kept apart from the reading view so that the mapping from a paragraph's character
offsets to a line's columns (through `DocLine.column`, which knows the hung marks and
the cells added where a line is filled) is one function, read without the widget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.segment import Segment
from rich.style import Style

from reader.layout import DocLine
from reader.reading import Span

KIND_STYLES = {
    "title": "reading-view--title",
    "subtitle": "reading-view--subtitle",
    "meta": "reading-view--meta",
    "notice": "reading-view--notice",
    "rule": "reading-view--rule",
}
"""The component class of each kind of line other than body text."""


def line_segments(
    line: DocLine, style: Style, spans: Sequence[Span], style_of: Callable[[str], Style]
) -> list[Segment]:
    """The line's text in `style`, each span on it in `style` plus its kind's component style.

    `spans` are the line's paragraph's, in order; `style_of` gives a component class's style.
    """
    if line.kind != "body":
        kind_style = KIND_STYLES.get(line.kind)
        return [Segment(line.text, style + style_of(kind_style) if kind_style else style)]
    text = line.text
    segments = []
    position = 0  # index into `text`; paragraph offsets map to it through line.column
    for span in spans:
        if span.end <= line.start or span.start >= line.end:
            continue
        lo = max(line.column(max(span.start, line.start)), position)
        hi = line.column(min(span.end, line.end), end=True)
        if hi <= lo:
            continue
        if lo > position:
            segments.append(Segment(text[position:lo], style))
        segments.append(Segment(text[lo:hi], style + style_of(f"reading-view--{span.kind}")))
        position = hi
    if position < len(text):
        segments.append(Segment(text[position:], style))
    return segments
