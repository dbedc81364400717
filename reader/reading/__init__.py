"""The reading of one article, without Textual: what is open, who is in it, where `n` goes.

`ReadingSession` holds the open article, its officials report, the selected official,
the two trails `n`/`N` can step through (the official's mentions, the search's matches)
and which one is active, and derives from them what the screen draws: the highlight
spans and the status text. The reader screen (`reader.ui.screens.reader`) keeps one and
presents it; tests drive it without an app.
"""

from __future__ import annotations

from reader.reading.history import History, Place
from reader.reading.session import ReadingSession
from reader.reading.trail import SPAN_KINDS, Span, SpanKind, Stop, Trail

__all__ = ["SPAN_KINDS", "History", "Place", "ReadingSession", "Span", "SpanKind", "Stop", "Trail"]
