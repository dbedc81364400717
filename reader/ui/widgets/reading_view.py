"""The reading view: an article as laid-out lines, with a paragraph cursor.

Built on Textual's line API (`ScrollView.render_line`): the article is laid out once
per width by `reader.layout` (the same layout `reader render` prints), and only the
lines on screen are turned into strips. Moving the cursor re-renders the screen's
lines, never the whole article, so a 5 MB file moves as fast as a short one.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.article import Article
from reader.layout import DocLine, Document, layout_document

GUTTER = 2
"""Cells left of the text: the cursor bar and a space."""
MAX_MEASURE = 80
"""The widest line we set, in cells (40 Chinese characters): longer lines tire the eye."""
CURSOR_BAR = "▌"
BACKGROUND_LAYOUT_CHARS = 200_000
"""Articles this long (about 150 ms of layout) are laid out in a worker thread."""


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch of one paragraph (character offsets)."""

    paragraph: int
    start: int
    end: int
    selected: bool = False


class ReadingView(ScrollView, can_focus=True):
    """Paragraphs you move through with the keyboard; the cursor is a paragraph index."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "¶ next/prev", key_display="j/k"),
        Binding("k,up", "cursor_up", "Prev ¶", show=False),
        Binding("space", "page_down", "Page", key_display="␣"),
        Binding("b", "page_up", "Page up", show=False),
        Binding("g,home", "first", "First ¶", show=False),
        Binding("G,end", "last", "Last ¶", show=False),
    ]

    COMPONENT_CLASSES = {
        "reading-view--title",
        "reading-view--subtitle",
        "reading-view--meta",
        "reading-view--rule",
        "reading-view--cursor",
        "reading-view--cursor-bar",
        "reading-view--mention",
        "reading-view--mention-selected",
        "reading-view--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class CursorMoved(Message):
        """The cursor is on another paragraph (or another article was shown)."""

        def __init__(self, paragraph: int, total: int) -> None:
            super().__init__()
            self.paragraph = paragraph
            self.total = total

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self._document: Document | None = None
        self._measure = 0
        self._left = 0
        self._spans: dict[int, list[Span]] = {}
        self.empty_message = "No article open"
        self.border_title = "Article"

    # -- content ------------------------------------------------------------------------

    def show_article(self, article: Article, paragraph: int = 0) -> None:
        """Show another article with the cursor on `paragraph`."""
        self.article = article
        self._spans = {}
        self._document = None
        self._relayout()
        self.set_cursor(paragraph, scroll="top")

    def show_message(self, message: str) -> None:
        """Show a one-line message instead of an article (an empty library, a bad file)."""
        self.article = None
        self._document = None
        self.empty_message = message
        self.virtual_size = Size(self.size.width, 1)
        self.refresh()

    def set_spans(self, spans: list[Span]) -> None:
        """Highlight these stretches of text (officials' mentions)."""
        grouped: dict[int, list[Span]] = {}
        for span in spans:
            grouped.setdefault(span.paragraph, []).append(span)
        for group in grouped.values():
            group.sort(key=lambda span: (span.start, not span.selected))
        self._spans = grouped
        self.refresh()

    @property
    def paragraph_count(self) -> int:
        return len(self.article.paragraphs) if self.article else 0

    @property
    def document(self) -> Document | None:
        return self._document

    # -- layout -------------------------------------------------------------------------

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        article = self.article
        if article is None or width <= 0:
            return
        measure = max(2, min(MAX_MEASURE, width - GUTTER - 1))
        self._left = max(0, (width - GUTTER - measure) // 2)
        if self._document is not None and measure == self._measure:
            self.virtual_size = Size(width, len(self._document.lines))
            self.refresh()
            return
        self._measure = measure
        if sum(map(len, article.paragraphs)) < BACKGROUND_LAYOUT_CHARS:
            self._apply_layout(article, layout_document(article, measure))
        else:
            # A huge file lays out off the UI thread; the keys stay live meanwhile.
            self._document = None
            self.empty_message = "Laying out…"
            self.refresh()
            self.run_worker(
                lambda: self._layout_in_background(article, measure),
                thread=True,
                exclusive=True,
                group="layout",
            )

    def _layout_in_background(self, article: Article, measure: int) -> None:
        document = layout_document(article, measure)
        self.app.call_from_thread(self._apply_layout, article, document)

    def _apply_layout(self, article: Article, document: Document) -> None:
        if article is not self.article or document.width != self._measure:
            return  # superseded by another article or width
        self._document = document
        width = self.scrollable_content_region.width or self.size.width
        self.virtual_size = Size(width, len(document.lines))
        self.refresh()
        self._scroll_to_cursor("keep" if self.cursor else "top")

    def on_resize(self, event: events.Resize) -> None:
        paragraph = self.cursor
        self._relayout()
        self.call_after_refresh(self._scroll_to_cursor, "keep")
        self.cursor = min(paragraph, max(0, self.paragraph_count - 1)) if self.paragraph_count else 0

    # -- cursor -------------------------------------------------------------------------

    def set_cursor(self, paragraph: int, scroll: str = "keep") -> None:
        """Move the cursor and scroll so the paragraph is visible.

        `keep` scrolls as little as possible (stepping), `top` puts the paragraph first
        (a new article), `jump` puts it a quarter of the way down (a far jump).
        """
        total = self.paragraph_count
        paragraph = max(0, min(paragraph, total - 1)) if total else 0
        self.cursor = paragraph
        self._scroll_to_cursor(scroll)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.post_message(self.CursorMoved(new, self.paragraph_count))

    def _paragraph_lines(self, paragraph: int) -> tuple[int, int]:
        document = self._document
        if document is None or not document.paragraph_first_line:
            return 0, 0
        return document.paragraph_first_line[paragraph], document.paragraph_line_count[paragraph]

    def _scroll_to_cursor(self, how: str = "keep") -> None:
        if self._document is None or not self.paragraph_count:
            if how == "top":
                self.scroll_to(y=0, animate=False)
            return
        first, count = self._paragraph_lines(self.cursor)
        if how == "top":
            # The first paragraph shows the article header above it.
            self.scroll_to(y=0 if self.cursor == 0 else first, animate=False)
            return
        height = self.scrollable_content_region.height or self.size.height
        top = self.scroll_offset.y
        if how == "jump" and (first < top or first + min(count, height) > top + height):
            # A jump (to a mention) lands a quarter of the way down, with context above.
            self.scroll_to(y=max(0, first - height // 4), animate=False)
            return
        if first < top:
            self.scroll_to(y=first if self.cursor else 0, animate=False)
        elif first + count > top + height:
            # Show the whole paragraph when it fits, else its start.
            self.scroll_to(y=first + count - height if count <= height else first, animate=False)

    def action_cursor_down(self) -> None:
        self.set_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.set_cursor(self.cursor - 1)

    def action_first(self) -> None:
        self.set_cursor(0)

    def action_last(self) -> None:
        self.set_cursor(self.paragraph_count - 1)

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def _page(self, direction: int) -> None:
        """Scroll a screenful and put the cursor on the first paragraph that starts in view."""
        document = self._document
        if document is None or not self.paragraph_count:
            return
        height = max(1, (self.scrollable_content_region.height or self.size.height) - 1)
        max_y = max(0, len(document.lines) - (self.scrollable_content_region.height or self.size.height))
        top = max(0, min(max_y, self.scroll_offset.y + direction * height))
        self.scroll_to(y=top, animate=False)
        starts = document.paragraph_first_line
        if direction > 0 and top >= max_y:
            target = len(starts) - 1  # at the end: the last paragraph
        elif direction < 0 and top == 0:
            target = 0
        else:
            target = next((i for i, first in enumerate(starts) if first >= top), len(starts) - 1)
        if (direction > 0 and target <= self.cursor) or (direction < 0 and target >= self.cursor):
            target = max(0, min(len(starts) - 1, self.cursor + direction))
        self.cursor = target
        self._scroll_to_cursor("keep")

    def paragraph_at(self, y: int) -> int | None:
        """The paragraph drawn on screen row `y`, or the nearest one above it."""
        document = self._document
        index = self.scroll_offset.y + y
        if document is None or not 0 <= index < len(document.lines):
            return None
        return document.nearest_paragraph(index)

    def on_click(self, event: events.Click) -> None:
        paragraph = self.paragraph_at(event.y)
        if paragraph is not None:
            self.set_cursor(paragraph)

    # -- rendering ----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        document = self._document
        if document is None:
            if y == 1:
                text = f"  {self.empty_message}"
                style = base + self.get_component_rich_style("reading-view--empty")
                return Strip([Segment(text, style)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        index = self.scroll_offset.y + y
        if index >= len(document.lines):
            return Strip.blank(width, base)
        line = document.lines[index]
        on_cursor = line.paragraph is not None and line.paragraph == self.cursor
        line_style = base + self.get_component_rich_style("reading-view--cursor") if on_cursor else base
        bar = self.get_component_rich_style("reading-view--cursor-bar")
        segments = [Segment(" " * self._left, base)]
        segments.append(Segment(CURSOR_BAR + " ", line_style + bar) if on_cursor else Segment("  ", base))
        segments.extend(self._line_segments(line, line_style))
        return Strip(segments).crop_extend(0, width, line_style if on_cursor else base)

    def _line_segments(self, line: DocLine, style: Style) -> list[Segment]:
        if line.kind != "body":
            kind_style = {
                "title": "reading-view--title",
                "subtitle": "reading-view--subtitle",
                "meta": "reading-view--meta",
                "rule": "reading-view--rule",
            }.get(line.kind)
            return [
                Segment(line.text, style + self.get_component_rich_style(kind_style) if kind_style else style)
            ]
        indent, body = line.text[: line.indent], line.text[line.indent :]
        segments = [Segment(indent, style)] if indent else []
        spans = self._spans.get(line.paragraph, []) if line.paragraph is not None else []
        position = 0  # index into `body`, which starts at paragraph offset line.start
        for span in spans:
            lo = max(span.start - line.start, position)
            hi = min(span.end - line.start, len(body))
            if hi <= lo:
                continue
            if lo > position:
                segments.append(Segment(body[position:lo], style))
            name = "reading-view--mention-selected" if span.selected else "reading-view--mention"
            segments.append(Segment(body[lo:hi], style + self.get_component_rich_style(name)))
            position = hi
        if position < len(body):
            segments.append(Segment(body[position:], style))
        return segments
