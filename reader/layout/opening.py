"""The opening of a huge article: what is laid out before the first paint.

A 5 MB article takes seconds to lay out; its first screens take milliseconds. The view
lays out the opening at once and the whole article behind it (in a worker when it is
long), so opening any file paints as fast as opening a short one.
"""

from __future__ import annotations

from dataclasses import replace

from reader.article import Article

OPENING_CHARS = 20_000
"""How much of a huge article is laid out before the first paint."""
BACKGROUND_LAYOUT_CHARS = 200_000
"""Articles this long (about 150 ms of layout) are laid out in a worker thread."""


def opening(article: Article) -> Article:
    """The first paragraphs of an article, enough for several screens (at least OPENING_CHARS)."""
    taken = 0
    for count, paragraph in enumerate(article.paragraphs, start=1):
        taken += len(paragraph)
        if taken >= OPENING_CHARS:
            return replace(article, paragraphs=article.paragraphs[:count])
    return article
