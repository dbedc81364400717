"""A small element tree from HTML, built on the standard library's html.parser.

Saved news pages are tag soup (unclosed `<p>`, stray end tags, scripts with `</div>` in
strings); extraction needs only elements, their class and id, their text and which text
sits in links. html.parser tokenises forgivingly; this module turns the tokens into a
tree the same way every time: an end tag closes the nearest open element of its name (or
is ignored), a block start closes an open `<p>`, void elements never hold children, and
script, style and similar contents are dropped. No network, no entities left undecoded.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
DROPPED = frozenset({"script", "style", "noscript", "template"})
"""Elements whose content is never page text; html.parser reads script and style as raw text."""
HIDDEN = frozenset({"svg", "canvas", "iframe", "object", "select", "option", "textarea", "button", "input"})
"""Elements kept in the tree (their end tags must match) whose text is no article text."""
BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "ul", "br", "body", "html", "caption",
    }
)  # fmt: skip
_CLOSES_P = BLOCK - {"br", "hr"}


@dataclass(eq=False)
class Element:
    """One element: its tag, attributes and children (elements and strings, in order)."""

    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def hidden(self) -> bool:
        """Text no reader sees: a form control, an embed, or an element styled display:none."""
        if self.tag in HIDDEN or "hidden" in self.attrs:
            return True
        style = self.attrs.get("style", "").replace(" ", "").lower()
        return "display:none" in style or "visibility:hidden" in style

    @property
    def marks(self) -> str:
        """Its class and id, lower case, for matching words such as content or comment."""
        return f"{self.attrs.get('class', '')} {self.attrs.get('id', '')}".lower()

    def iter(self) -> Iterator[Element]:
        """This element and every visible element below it, in document order."""
        stack: list[Element] = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed([c for c in element.children if isinstance(c, Element) and not c.hidden]))

    def text(self) -> str:
        """All the text below this element, joined as it stands."""
        parts: list[str] = []
        for element in self.iter():
            parts.extend(child for child in element.children if isinstance(child, str))
        return "".join(parts)

    def ancestors(self) -> Iterator[Element]:
        """Its parent, the parent's parent, … up to the root."""
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack: list[Element] = [self.root]
        self.skip = 0  # inside a dropped element

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skip:
            if tag in DROPPED:
                self.skip += 1
            return
        if tag in DROPPED:
            self.skip = 1
            return
        if tag in _CLOSES_P and self.stack[-1].tag == "p":
            self.stack.pop()
        if tag == "li" and self.stack[-1].tag == "li":
            self.stack.pop()
        parent = self.stack[-1]
        element = Element(tag, {name: value or "" for name, value in attrs}, parent)
        parent.children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED:
            return  # <script … /> holds nothing
        self.handle_starttag(tag, attrs)
        if tag not in VOID and not self.skip and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in DROPPED:
                self.skip -= 1
            return
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.stack[-1].children.append(data)


def parse_html(text: str) -> Element:
    """The element tree of an HTML document (a root element holding everything)."""
    builder = _Builder()
    builder.feed(text)
    builder.close()
    return builder.root
