"""A parsed page's text as lines and runs: what the body, headline and date finders share.

Pages pad their text with every kind of space (no-break, ideographic, zero-width) and
split it over inline elements; these helpers give the text as a reader sees it: one
line per block, spaces collapsed, and how much of it sits in links (navigation and
related-story lists are mostly links; article text is not).
"""

from __future__ import annotations

import re

from reader.loaders.html_tree import BLOCK, Element

_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u3000\u2002\u2003\u2009\u200b\ufeff]+")


def clean(text: str) -> str:
    """`text` with each run of spaces (any kind) as one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def link_text_length(element: Element) -> int:
    """How many characters of the element's text are inside links."""
    return sum(len(clean(a.text())) for a in element.iter() if a.tag == "a")


def block_lines(element: Element) -> list[str]:
    """The element's text, one line per block (p, div, li, br…), each line's spaces collapsed."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        block = node.tag in BLOCK
        if block:
            parts.append("\n")
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif not child.hidden:
                walk(child)
        if block:
            parts.append("\n")

    walk(element)
    return [line for line in (clean(raw) for raw in "".join(parts).split("\n")) if line]


def own_text(element: Element) -> str:
    """Text directly in this element and its inline children (not in nested blocks)."""
    parts: list[str] = []

    def walk(node: Element) -> None:
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            elif child.tag not in BLOCK and not child.hidden:
                walk(child)

    walk(element)
    return clean("".join(parts))


def in_head(element: Element) -> bool:
    """The element is the page's `<head>` or inside it (never article text)."""
    return element.tag in ("head", "title") or any(node.tag == "head" for node in element.ancestors())

