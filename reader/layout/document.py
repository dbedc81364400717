"""A whole article laid out as display lines, for the reading view and `reader render`.

The view renders these lines one at a time (Textual's line API) and `reader render`
prints them, so both show exactly the same thing. Body lines keep their paragraph
index and offsets, which is what the view needs to highlight spans, map a click on
line y back to a paragraph, and scroll to a remembered paragraph after the width
changed (a scroll fraction would drift; a paragraph index does not).

Core code: no Textual import.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from rich.cells import cell_len

from reader.article import Article
from reader.layout.display import display_text
from reader.layout.linebreak import break_paragraph
from reader.measure import DEFAULT_MEASURE

__all__ = [
    "BODY_INDENT",
    "DEFAULT_MEASURE",
    "META_SEPARATOR",
    "DocLine",
    "Document",
    "layout_document",
    "render_plain",
]

BODY_INDENT = 2
"""First-line indent of body paragraphs, in cells.

Files indent with two U+3000, four NBSPs, two spaces or nothing; loaders strip that,
and every paragraph is presented with the same two-cell indent instead.
"""
META_SEPARATOR = "  ·  "
RULE_CHAR = "─"


@dataclass(frozen=True, slots=True)
class DocLine:
    """One display line of an article."""

    kind: str
    """"title" | "subtitle" | "meta" | "notice" | "rule" | "blank" | "body": how the view styles it."""
    text: str
    """The full plain text of the line, indent included, already display-safe."""
    paragraph: int | None
    """Body paragraph index; None for header and blank lines."""
    start: int
    """Offset into the paragraph of the line's first character (body lines; 0 otherwise)."""
    end: int
    """Offset into the paragraph just past the line's last character (body lines; 0 otherwise)."""
    indent: int
    """Leading blank cells in `text` before the paragraph's characters."""


@dataclass(frozen=True, slots=True)
class Document:
    """An article laid out at one width; compute once per width and cache it."""

    width: int
    lines: tuple[DocLine, ...]
    paragraph_first_line: tuple[int, ...]
    """Index in `lines` of each body paragraph's first line."""
    paragraph_line_count: tuple[int, ...]
    """How many lines each body paragraph takes."""

    def paragraph_at(self, y: int) -> int | None:
        """The body paragraph shown on line `y` (None for header, blank or out-of-range lines)."""
        if 0 <= y < len(self.lines):
            return self.lines[y].paragraph
        return None

    def nearest_paragraph(self, y: int) -> int | None:
        """The paragraph at or just before line `y`, for a scroll position on a blank line."""
        if not self.paragraph_first_line:
            return None
        i = bisect_right(self.paragraph_first_line, y) - 1
        return max(i, 0)

    def paragraph_lines(self, paragraph: int) -> range:
        """The line indices of one body paragraph."""
        first = self.paragraph_first_line[paragraph]
        return range(first, first + self.paragraph_line_count[paragraph])


def _wrap(kind: str, text: str, width: int) -> list[DocLine]:
    """Header text through the same breaker as the body, unindented, so nothing overflows."""
    shown = display_text(text)
    return [
        DocLine(kind, shown[span.start : span.end], None, 0, 0, 0)
        for span in break_paragraph(shown, width, 0)
    ]


def _wrap_parts(kind: str, parts: list[str], width: int) -> list[DocLine]:
    """Parts joined by the separator, broken between parts rather than inside one.

    A date, an outlet or a byline cut in two (or a separator left dangling at a
    line's end) reads badly; only a part wider than the line is broken inside.
    """
    lines: list[DocLine] = []
    current = ""
    for part in parts:
        joined = current + META_SEPARATOR + part if current else part
        if not current or cell_len(display_text(joined)) <= width:
            current = joined
            continue
        lines += _wrap(kind, current, width)
        current = part
    if current:
        lines += _wrap(kind, current, width)
    return lines


def _header(article: Article, width: int) -> list[DocLine]:
    # The kicker leads into the headline, so it stands above it, styled like a subtitle.
    lines = _wrap("subtitle", article.kicker, width) if article.kicker else []
    lines += _wrap("title", article.title, width)
    if article.subtitle:
        # The model keeps the subtitle without its dashes; the page prints it with them.
        lines += _wrap("subtitle", "——" + article.subtitle, width)
    # The encoding is always shown: a GBK or Big5 file read correctly is worth knowing,
    # and one read wrongly is the first thing to suspect.
    meta = [part for part in (article.date_text, article.source, article.byline) if part]
    meta.append(article.encoding.upper())
    lines += _wrap_parts("meta", meta, width)
    if article.original_title:
        lines += _wrap("meta", "原标题：" + article.original_title, width)
    for notice in article.notices:
        lines += _wrap("notice", "⚠ " + notice, width)
    lines.append(DocLine("rule", RULE_CHAR * width, None, 0, 0, 0))
    lines.append(DocLine("blank", "", None, 0, 0, 0))
    return lines


def layout_document(article: Article, width: int, *, body_only: bool = False) -> Document:
    """Lay out `article` at `width` cells: header (unless `body_only`), then the body.

    Body paragraphs get a `BODY_INDENT` first-line indent and one blank line between
    them. Raises ValueError when `width` < 2.
    """
    if width < 2:
        raise ValueError(f"width must be at least 2 cells, got {width}")
    lines: list[DocLine] = [] if body_only else _header(article, width)
    first_line: list[int] = []
    line_count: list[int] = []
    for index, paragraph in enumerate(article.paragraphs):
        if index:
            lines.append(DocLine("blank", "", None, 0, 0, 0))
        shown = display_text(paragraph)
        first_line.append(len(lines))
        spans = break_paragraph(shown, width, BODY_INDENT)
        line_count.append(len(spans))
        lines.extend(
            DocLine(
                "body",
                " " * span.indent + shown[span.start : span.end],
                index,
                span.start,
                span.end,
                span.indent,
            )
            for span in spans
        )
    return Document(width, tuple(lines), tuple(first_line), tuple(line_count))


def render_plain(article: Article, width: int, *, body_only: bool = False) -> str:
    """The article as plain text, exactly as the reading view lays it out.

    With `body_only`, only the body paragraphs, separated by one blank line: the format
    the fault counter (shared/tools/kinsoku.py) parses.
    """
    document = layout_document(article, width, body_only=body_only)
    return "\n".join(line.text.rstrip(" ") for line in document.lines) + "\n"
