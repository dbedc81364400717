"""The reading view: an article as laid-out lines, with a paragraph cursor.

Built on Textual's line API (`ScrollView.render_line`): the article is laid out once
per width by `reader.layout` (the same layout `reader render` prints), and only the
lines on screen are turned into strips. Moving the cursor re-renders the screen's
lines, never the whole article, so a 5 MB file moves as fast as a short one.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from reader.article import Article
from reader.layout import HANG_MARGIN, DocLine, Document, Typesetting, layout_document
from reader.layout.cells import rich_ambiguous_width
from reader.layout.opening import BACKGROUND_LAYOUT_CHARS, opening
from reader.measure import DEFAULT_MEASURE, MEASURE_STEP, clamp_measure, measure_note
from reader.reading import SPAN_KINDS, Span
from reader.reading.paging import page_target
from reader.ui.keymap import bindings_for
from reader.ui.widgets.line_segments import line_segments

GUTTER = 2
"""Cells left of the text: the cursor bar and a space."""
CURSOR_BAR = "▌"
STRIP_CACHE_SIZE = 1024
"""Rendered lines kept between frames: several screens' worth."""


class ReadingView(ScrollView, can_focus=True):
    """Paragraphs you move through with the keyboard; the cursor is a paragraph index."""

    BINDINGS = bindings_for("reader")
    """j/k, space/b, g/G, -/+, `,`: ids `reader.*` in `reader.ui.keymap`, so config.yaml can remap them."""

    COMPONENT_CLASSES = {
        "reading-view--title",
        "reading-view--subtitle",
        "reading-view--meta",
        "reading-view--notice",
        "reading-view--rule",
        "reading-view--cursor",
        "reading-view--cursor-bar",
        *(f"reading-view--{kind}" for kind in SPAN_KINDS),
        "reading-view--empty",
    }

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class CursorMoved(Message):
        """The cursor is on another paragraph (or another article was shown)."""

        def __init__(self, paragraph: int, total: int) -> None:
            super().__init__()
            self.paragraph = paragraph
            self.total = total

    class LayingOut(Message):
        """`article` is too long to lay out at once: its opening is shown, and the whole is
        being laid out in a worker (`LaidOut` follows)."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    class TypesetChanged(Message):
        """Punctuation is now shown typeset (`typeset` True) or as printed."""

        def __init__(self, typeset: bool) -> None:
            super().__init__()
            self.typeset = typeset

    class LaidOut(Message):
        """The whole of `article` is laid out: every paragraph can be scrolled to. Posted
        after each full layout, a new width's included."""

        def __init__(self, article: Article) -> None:
            super().__init__()
            self.article = article

    def __init__(self, *, id: str | None = None) -> None:
        # Before Widget.__init__, which may already notify a style update.
        self._strips: LRUCache[tuple[int, bool, int, int, int], Strip] = LRUCache(STRIP_CACHE_SIZE)
        super().__init__(id=id)
        self.article: Article | None = None
        self._document: Document | None = None
        self._measure = 0
        self._left = 0
        self._laid_out_for: Size | None = None
        """The size `_size_updated` laid the article out for, until its Resize event arrives."""
        self._placement: str | None = None
        """How the article's first layout places the cursor (`show_article`'s `scroll`)."""
        self._spans: dict[int, list[Span]] = {}
        self._styles: dict[str, Style] = {}
        self._spans_version = 0
        self.max_measure = DEFAULT_MEASURE
        """The widest text column, in cells (the config's `measure`); `-` and `+` change it."""
        self.typeset = True
        """Punctuation typeset (full-width in Chinese text) or as printed; `,` switches."""
        self._setting = Typesetting()
        self.empty_message = "No article open"
        self.border_title = "Article"

    # -- content ------------------------------------------------------------------------

    def show_article(self, article: Article, paragraph: int = 0, scroll: str = "top") -> None:
        """Show another article with the cursor on `paragraph`, placed as `scroll` says
        (`set_cursor`): the first layout places it so, before the first frame is drawn."""
        self.article = article
        self._spans = {}
        self._document = None
        # The cursor belongs to the new article before anything is laid out: laying out
        # scrolls to the cursor, and the old article's may lie past this one's end.
        self.set_reactive(ReadingView.cursor, self._clamp(paragraph))
        self._placement = scroll
        self._relayout()
        self.set_cursor(paragraph, scroll=scroll)

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
        strength = {kind: rank for rank, kind in enumerate(SPAN_KINDS)}
        for group in grouped.values():
            # Where spans overlap, the stronger one (a search match) is drawn.
            group.sort(key=lambda span: (span.start, -strength.get(span.kind, 0)))
        self._spans = grouped
        self._spans_version += 1
        self.refresh()

    @property
    def spans(self) -> list[Span]:
        """Every highlight, paragraph by paragraph."""
        return [span for paragraph in sorted(self._spans) for span in self._spans[paragraph]]

    @property
    def laid_out_count(self) -> int:
        """Paragraphs laid out so far: all of them, once a huge article is laid out.

        The cursor is not bound by it: a position is a paragraph of the article, and a
        paragraph not laid out yet is scrolled to when its layout arrives.
        """
        return len(self._document.paragraph_first_line) if self._document else 0

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
        # The text column keeps a margin on its right for a hung closing mark.
        measure = min(self.max_measure, self._widest())
        self._left = max(0, (width - GUTTER - measure - HANG_MARGIN) // 2)
        # Laid out with the widths Rich (and so Textual) gives ambiguous characters:
        # `reader.ui.terminal` has told it the terminal's.
        setting = Typesetting(typeset=self.typeset, ambiguous=rich_ambiguous_width())
        if self._document is not None and measure == self._measure and setting == self._setting:
            self.virtual_size = Size(width, len(self._document.lines))
            self.refresh()
            return
        self._measure = measure
        self._setting = setting
        if sum(map(len, article.paragraphs)) < BACKGROUND_LAYOUT_CHARS:
            self._apply_layout(article, layout_document(article, measure, setting=setting), setting)
        else:
            # A huge file: its opening paragraphs are laid out now, so the first screen
            # paints at once; the whole lays out off the UI thread and replaces it.
            self._apply_layout(article, layout_document(opening(article), measure, setting=setting), setting)
            self.post_message(self.LayingOut(article))
            self.run_worker(
                lambda: self._layout_in_background(article, measure, setting),
                thread=True,
                exclusive=True,
                group="layout",
            )

    def _layout_in_background(self, article: Article, measure: int, setting: Typesetting) -> None:
        document = layout_document(article, measure, setting=setting)
        if not get_current_worker().is_cancelled:  # the view went away (the app quit) meanwhile
            self.app.call_from_thread(self._apply_layout, article, document, setting)

    def on_unmount(self) -> None:
        self.workers.cancel_group(self, "layout")

    def _apply_layout(self, article: Article, document: Document, setting: Typesetting) -> None:
        if (
            article is not self.article
            or document.width != self._measure
            or setting != self._setting
            or not self.is_attached
        ):
            return  # superseded by another article, width or setting, or the view is gone
        self._document = document
        self._strips.clear()
        width = self.scrollable_content_region.width or self.size.width
        self.virtual_size = Size(width, len(document.lines))
        self.refresh()
        placement, self._placement = self._placement, None
        how = placement or ("keep" if self.cursor else "top")
        self._scroll_to_cursor(how, immediate=placement is not None)
        if len(document.paragraph_first_line) == len(article.paragraphs):
            self.post_message(self.LaidOut(article))

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """Lay out an article shown before the view had a size as soon as the compositor sizes it.

        An article opened on mount cannot be laid out yet (the view has no width), and
        the Resize event that would do it is handled only after the first frame is on
        screen: the text would arrive one full frame later. Textual calls this hook during
        the layout pass, before that frame is drawn, so the first frame has the text.
        Later resizes are left to `on_resize`. (Textual's hook, present in 8.x.)

        The Resize event for this same size still arrives after the frame; by then the
        vertical scrollbar this layout called for is showing, so laying out again there
        would narrow the measure by a cell and re-wrap the text a frame after the first
        paint. `on_resize` skips that one event: the text is set at the width the Resize
        handler always saw, the one without the scrollbar.
        """
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if resized and self.article is not None and self._document is None:
            self._relayout()
            self._laid_out_for = size
        return resized

    def on_resize(self, event: events.Resize) -> None:
        paragraph = self.cursor
        if not (self._laid_out_for == event.size and self._document is not None):
            self._relayout()
        self._laid_out_for = None
        self.call_after_refresh(self._scroll_to_cursor, "keep")
        self.cursor = self._clamp(paragraph)

    # -- cursor -------------------------------------------------------------------------

    def set_cursor(self, paragraph: int, scroll: str = "keep") -> None:
        """Move the cursor and scroll so the paragraph is visible.

        `keep` scrolls as little as possible (stepping), `top` puts the paragraph first
        (a new article), `jump` puts it a quarter of the way down (a far jump).
        """
        self.cursor = self._clamp(paragraph)
        self._scroll_to_cursor(scroll)

    def _clamp(self, paragraph: int) -> int:
        """`paragraph` within the shown article's paragraphs (0 when there are none)."""
        return max(0, min(paragraph, self.paragraph_count - 1))

    def watch_cursor(self, old: int, new: int) -> None:
        # Only the two paragraphs whose cursor styling changed are redrawn; a scroll
        # that follows redraws the screen anyway.
        for paragraph in {old, new}:
            if 0 <= paragraph < self.laid_out_count:
                first, count = self._paragraph_lines(paragraph)
                self.refresh_lines(first, count)
        self.post_message(self.CursorMoved(new, self.paragraph_count))

    def _paragraph_lines(self, paragraph: int) -> tuple[int, int]:
        """(first line, line count) of a paragraph; past the laid-out part, the last line."""
        document = self._document
        if document is None or not document.paragraph_first_line:
            return 0, 0
        if paragraph >= len(document.paragraph_first_line):
            return max(0, len(document.lines) - 1), 1
        return document.paragraph_first_line[paragraph], document.paragraph_line_count[paragraph]

    def _scroll_to_cursor(self, how: str = "keep", *, immediate: bool = False) -> None:
        """Scroll so the cursor's paragraph shows as `how` says (`set_cursor`); `immediate`
        scrolls now rather than after the next refresh, even before the layout pass has given
        the view its scrollbar (the first layout: the first frame is drawn at that offset)."""
        if self._document is None or not self.laid_out_count:
            if how == "top":
                self._scroll_y(0, immediate)
            return
        first, count = self._paragraph_lines(self.cursor)
        if how == "top":
            # The first paragraph shows the article header above it.
            self._scroll_y(0 if self.cursor == 0 else first, immediate)
            return
        height = self.scrollable_content_region.height or self.size.height
        top = self.scroll_offset.y
        if how == "jump" and (first < top or first + min(count, height) > top + height):
            # A jump (to a mention) lands a quarter of the way down, with context above.
            self._scroll_y(max(0, first - height // 4), immediate)
            return
        if first < top:
            self._scroll_y(first if self.cursor else 0, immediate)
        elif first + count > top + height:
            # Show the whole paragraph when it fits, else its start.
            self._scroll_y(first + count - height if count <= height else first, immediate)

    def _scroll_y(self, y: int, immediate: bool) -> None:
        self.scroll_to(y=y, animate=False, immediate=immediate, force=immediate)

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

    def action_narrower(self) -> None:
        self._step_measure(-MEASURE_STEP)

    def action_wider(self) -> None:
        self._step_measure(+MEASURE_STEP)

    def _widest(self) -> int:
        """The widest text column this pane has room for: a margin stays for a hung mark,
        and a cell for the scrollbar, whether it shows yet or not (the first layout comes
        before it does), so the widest column is the same before and after it appears."""
        width = self.content_region.width or self.size.width
        return max(2, width - GUTTER - HANG_MARGIN - 1)

    def _step_measure(self, by: int) -> None:
        """`-`/`+`: change the column you see, by `by` cells, and say how wide it is now.

        The step is from the measure shown, not from the configured one: a pane narrower
        than `measure` would otherwise swallow presses with no visible change. `+` stops
        at the pane's width, `-` at MIN_MEASURE; a press at a bound says so.
        """
        widest = self._widest()
        shown = self._measure if self._document is not None else min(self.max_measure, widest)
        wanted = min(shown + by, widest) if by > 0 else shown + by
        self.set_max_measure(wanted)
        now = self._measure if self._document is not None else min(self.max_measure, widest)
        self.notify(measure_note(shown, now, by), timeout=2)

    def set_max_measure(self, cells: int) -> None:
        """Change the widest text column and re-lay out, keeping the cursor in view."""
        self.max_measure = clamp_measure(cells)
        self._relayout()
        self._scroll_to_cursor("keep")

    def action_page_up(self) -> None:
        self._page(-1)

    def action_toggle_punctuation(self) -> None:
        """Punctuation typeset for Chinese text, or as printed in the file (`,`)."""
        self.set_typeset(not self.typeset)
        how = "typeset (full-width in Chinese text)" if self.typeset else "as printed"
        self.notify(f"Punctuation {how}", timeout=3)

    def set_typeset(self, typeset: bool) -> None:
        """Show punctuation typeset or as printed, and re-lay out, keeping the cursor in view.

        Only the display changes: the paragraphs keep the file's characters, which is
        what copying, exporting and searching use.
        """
        self.typeset = typeset
        self._relayout()
        self._scroll_to_cursor("keep")
        self.post_message(self.TypesetChanged(typeset))

    def _page(self, direction: int) -> None:
        """Scroll a screenful and put the cursor on the first paragraph that starts in view."""
        document = self._document
        if document is None or not self.laid_out_count:
            return
        height = max(1, (self.scrollable_content_region.height or self.size.height) - 1)
        max_y = max(0, len(document.lines) - (self.scrollable_content_region.height or self.size.height))
        top = max(0, min(max_y, self.scroll_offset.y + direction * height))
        self.scroll_to(y=top, animate=False)
        self.cursor = page_target(document.paragraph_first_line, top, max_y, direction, self.cursor)
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

    def _base_style(self) -> Style:
        base = self._styles.get("")
        if base is None:
            base = self._styles[""] = self.rich_style
        return base

    def _style(self, name: str) -> Style:
        """A component class's style, cached: render_line asks for it on every line."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name)
        return style

    def notify_style_update(self) -> None:
        # A theme switch or stylesheet change: forget the cached styles and lines.
        self._styles = {}
        self._strips.clear()
        super().notify_style_update()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._base_style()
        document = self._document
        if document is None:
            if y == 1:
                text = f"  {self.empty_message}"
                style = base + self._style("reading-view--empty")
                return Strip([Segment(text, style)]).crop_extend(0, width, base)
            return Strip.blank(width, base)
        index = self.scroll_offset.y + y
        if index >= len(document.lines):
            return Strip.blank(width, base)
        line = document.lines[index]
        on_cursor = line.paragraph is not None and line.paragraph == self.cursor
        # Scrolling shows mostly the same lines at new rows: keep their strips.
        key = (index, on_cursor, width, self._left, self._spans_version)
        cached = self._strips.get(key)
        if cached is None:
            cached = self._strips[key] = self._render_doc_line(line, on_cursor, width, base)
        return cached

    def _render_doc_line(self, line: DocLine, on_cursor: bool, width: int, base: Style) -> Strip:
        line_style = base + self._style("reading-view--cursor") if on_cursor else base
        bar = self._style("reading-view--cursor-bar")
        segments = [Segment(" " * self._left, base)]
        segments.append(Segment(CURSOR_BAR + " ", line_style + bar) if on_cursor else Segment("  ", base))
        segments.extend(self._line_segments(line, line_style))
        return Strip(segments).crop_extend(0, width, line_style if on_cursor else base)

    def _line_segments(self, line: DocLine, style: Style) -> list[Segment]:
        spans = self._spans.get(line.paragraph, []) if line.paragraph is not None else []
        return line_segments(line, style, spans, self._style)
