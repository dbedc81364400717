"""The Article model: what every loader returns and every view presents.

Paragraph text is kept exactly as printed in the file (only the indentation is
stripped), because mention offsets, search hits and rendered lines all index into it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, with the metadata its file gives and its body paragraphs."""

    path: Path
    title: str
    paragraphs: tuple[str, ...]
    source: str | None = None
    """The outlet that published it (中国甘肃网, 人民日报…), where the file names one."""
    published: datetime | None = None
    original_title: str | None = None
    """A reprint's original headline (原标题:…)."""
    byline: str | None = None
    """Who wrote it, as printed (记者 赵明霞), where the file names anyone."""
    editor: str | None = None
    """Who edited it (责任编辑：刘冬, 【编辑:郑文轩】), where a web page's text names them."""
    url: str | None = None
    subtitle: str | None = None
    """A 人民日报-style `——` subtitle, without the dashes."""
    kicker: str | None = None
    """A 人民日报-style kicker (引题), the line printed above the headline that leads into it
    (外交部发言人——, 就中朝建交70周年); `title` is then the headline itself."""
    title_printed: bool = True
    """False when the file prints no headline and `title` is reader's own: a shortened copy
    of the first paragraph, or the file's name. Readers of the headline (the officials
    extractor) then skip it, since that text is a paragraph already or no text at all."""
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    encoding: str = "utf-8"
    """The codec the file was read with (utf-8, utf-8-sig, utf-16-le, gb18030, big5…), for the header."""
    notices: tuple[str, ...] = ()
    """One-line warnings about the file that did not stop it loading (undecodable bytes
    shown as U+FFFD, control characters shown as symbols), for the user to see."""

    @property
    def date_text(self) -> str:
        """The publication date for lists and headers; time of day only when the file gave one."""
        if self.published is None:
            return ""
        if self.published.hour or self.published.minute:
            return self.published.strftime("%Y-%m-%d %H:%M")
        return self.published.strftime("%Y-%m-%d")


class ArticleError(Exception):
    """A file that cannot be read as an article; the message is one line for the user."""


PAGE_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".shtml", ".xhtml")
"""File name suffixes (lower case) of saved web pages."""

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", *PAGE_SUFFIXES)
"""File name suffixes (lower case) that the library treats as articles: text, Markdown and
saved web pages. Here, beside the Article model, so the library's scan knows them without
importing the loaders (the start of `reader people` and `reader search` waits for every import)."""

