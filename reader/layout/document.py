"""A whole article laid out as display lines, for the reading view and `reader render`.

The view renders these lines one at a time (Textual's line API) and `reader render`
prints them, so both show exactly the same thing. Body lines keep their paragraph
index and offsets, which is what the view needs to highlight spans, map a click on
line y back to a paragraph, and scroll to a remembered paragraph after the width
changed (a scroll fraction would drift; a paragraph index does not).

Core code: no Textual import.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from reader.article import Article
from reader.layout.cells import char_cells
from reader.layout.display import display_text
from reader.layout.linebreak import LineSpan, break_paragraph
from reader.layout.punctuation import PAD_BEFORE, quote_pads, typeset
from reader.measure import DEFAULT_MEASURE

__all__ = [
    "BODY_INDENT",
    "DEFAULT_MEASURE",
    "HANG_MARGIN",
    "META_SEPARATOR",
    "DocLine",
    "Document",
    "Typesetting",
    "layout_document",
    "render_plain",
]

BODY_INDENT = 2
"""First-line indent of body paragraphs, in cells.

Files indent with two U+3000, four NBSPs, two spaces or nothing; loaders strip that,
and every paragraph is presented with the same two-cell indent instead.
"""
HANG_MARGIN = 2
"""Cells past the text column that a hung closing mark may take (one full-width mark)."""
META_SEPARATOR = "  ·  "
RULE_CHAR = "─"


@dataclass(frozen=True, slots=True)
class Typesetting:
    """How text is set: what the reader chose and what the terminal draws.

    `typeset`: half-width marks in Chinese text shown full-width, and (where the
    terminal draws quotes narrow) Chinese quotes given their full width
    (`reader.layout.punctuation`); False shows the file's characters as printed.
    `ambiguous`: the cells the terminal gives ambiguous characters (`reader.layout.cells`).
    """

    typeset: bool = True
    ambiguous: int = 1

    def shown(self, text: str) -> str:
        """`text` as displayed: made safe, and typeset when asked; one character for one."""
        shown = display_text(text)
        return typeset(shown, self.ambiguous) if self.typeset else shown

    def pads(self, shown: str) -> dict[int, int]:
        """The quotes of `shown` given a blank half (typeset, in a terminal that draws them narrow)."""
        return quote_pads(shown) if self.typeset and self.ambiguous == 1 else {}

    def cells(self, text: str) -> int:
        """Cells `text` takes in this terminal (no zero-width joining: display text has none)."""
        return sum(char_cells(ch, self.ambiguous) for ch in text)


PLAIN = Typesetting()


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
    fills: tuple[int, ...] = ()
    """Paragraph offsets before which `text` has a blank cell the paragraph does not
    (the space between Chinese and Western text, a quote's blank half), ascending."""
    hung: bool = False
    """The last character hangs in the margin past the text column (a closing mark)."""

    def column(self, offset: int, *, end: bool = False) -> int:
        """Where paragraph `offset` (start <= offset <= end) falls in `text`: an index into it.

        A blank cell drawn before `offset` lies before it; with `end`, `offset` ends a
        stretch (exclusive), and a blank cell drawn before it lies after the stretch.
        """
        before = bisect_left(self.fills, offset) if end else bisect_right(self.fills, offset)
        return self.indent + offset - self.start + before


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


def _wrap(kind: str, text: str, width: int, setting: Typesetting = PLAIN) -> list[DocLine]:
    """Header text through the same breaker as the body, unindented, so nothing overflows."""
    shown = setting.shown(text)
    pads = setting.pads(shown)
    spans = break_paragraph(shown, width, 0, ambiguous=setting.ambiguous, pads=pads)
    return [DocLine(kind, _line_text(shown, _with_pads(span, pads)), None, 0, 0, 0) for span in spans]


def _with_pads(span: LineSpan, pads: dict[int, int]) -> LineSpan:
    """An unjustified line with the blank halves of its padded quotes as fills."""
    if not pads:
        return span
    fills = sorted(
        offset + (side != PAD_BEFORE) for offset, side in pads.items() if span.start <= offset < span.end
    )
    return LineSpan(span.start, span.end, span.indent, tuple(fills))


def _line_text(shown: str, span: LineSpan) -> str:
    """A line's characters with its blank cells (`span.fills`) drawn in, after its indent."""
    text = " " * span.indent
    at = span.start
    for fill in span.fills:
        text += shown[at:fill] + " "
        at = fill
    return text + shown[at : span.end]


def _wrap_parts(kind: str, parts: list[str], width: int, setting: Typesetting = PLAIN) -> list[DocLine]:
    """Parts joined by the separator, broken between parts rather than inside one.

    A date, an outlet or a byline cut in two (or a separator left dangling at a
    line's end) reads badly; only a part wider than the line is broken inside.
    """
    lines: list[DocLine] = []
    current = ""
    for part in parts:
        joined = current + META_SEPARATOR + part if current else part
        if not current or setting.cells(setting.shown(joined)) <= width:
            current = joined
            continue
        lines += _wrap(kind, current, width, setting)
        current = part
    if current:
        lines += _wrap(kind, current, width, setting)
    return lines


UTF8_NAMES = frozenset({"utf-8", "utf-8-sig", "utf8"})
"""Encodings the header does not name (with or without a byte-order mark)."""


def _header(article: Article, width: int, setting: Typesetting) -> list[DocLine]:
    # The kicker leads into the headline, so it stands above it, styled like a subtitle.
    lines = _wrap("subtitle", article.kicker, width, setting) if article.kicker else []
    lines += _wrap("title", article.title, width, setting)
    if article.subtitle:
        # The model keeps the subtitle without its dashes; the page prints it with them.
        lines += _wrap("subtitle", "——" + article.subtitle, width, setting)
    meta = [part for part in (article.date_text, article.source, article.byline) if part]
    # The encoding is shown when it is not UTF-8: a GBK or Big5 file read correctly is
    # worth knowing, and one read wrongly is the first thing to suspect; UTF-8, nearly
    # every file, would only be noise on every header (issue 14).
    if article.encoding.lower() not in UTF8_NAMES:
        meta.append(article.encoding.upper())
    lines += _wrap_parts("meta", meta, width, setting)
    if article.original_title:
        lines += _wrap("meta", "原标题：" + article.original_title, width, setting)
    for notice in article.notices:
        lines += _wrap("notice", "⚠ " + notice, width, setting)
    rule = RULE_CHAR * (width // char_cells(RULE_CHAR, setting.ambiguous))
    lines.append(DocLine("rule", rule, None, 0, 0, 0))
    lines.append(DocLine("blank", "", None, 0, 0, 0))
    return lines


def layout_document(
    article: Article, width: int, *, body_only: bool = False, setting: Typesetting = PLAIN
) -> Document:
    """Lay out `article` at `width` cells: header (unless `body_only`), then the body.

    Body paragraphs get a `BODY_INDENT` first-line indent and one blank line between
    them, and are justified: every line of a paragraph but the last ends at the same
    column (`width` made even), a hung closing mark up to `HANG_MARGIN` cells past it.
    `setting` says how punctuation is set and how wide the terminal draws ambiguous
    characters. Raises ValueError when `width` < 2.
    """
    if width < 2:
        raise ValueError(f"width must be at least 2 cells, got {width}")
    lines: list[DocLine] = [] if body_only else _header(article, width, setting)
    first_line: list[int] = []
    line_count: list[int] = []
    for index, paragraph in enumerate(article.paragraphs):
        if index:
            lines.append(DocLine("blank", "", None, 0, 0, 0))
        shown = setting.shown(paragraph)
        first_line.append(len(lines))
        spans = break_paragraph(
            shown, width, BODY_INDENT, justify=True, ambiguous=setting.ambiguous, pads=setting.pads(shown)
        )
        line_count.append(len(spans))
        lines.extend(
            DocLine(
                "body",
                _line_text(shown, span),
                index,
                span.start,
                span.end,
                span.indent,
                span.fills,
                span.hung,
            )
            for span in spans
        )
    return Document(width, tuple(lines), tuple(first_line), tuple(line_count))


def render_plain(
    article: Article, width: int, *, body_only: bool = False, setting: Typesetting = PLAIN
) -> str:
    """The article as plain text, exactly as the reading view lays it out.

    With `body_only`, only the body paragraphs, separated by one blank line: the format
    the fault counter (shared/tools/kinsoku.py) parses.
    """
    document = layout_document(article, width, body_only=body_only, setting=setting)
    return "\n".join(line.text.rstrip(" ") for line in document.lines) + "\n"
