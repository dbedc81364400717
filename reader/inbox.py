"""`reader add`: a web page, fetched once or read from a saved file, kept as Markdown in the inbox.

The inbox (`reader locate inbox`, under the XDG data folder) is reader's own library, so
adding never writes into a user's article folders. Each page becomes one Markdown file
with front matter (title, date, source, byline, editor, url, fetched) that the Markdown
loader reads back; its name ends with a digest of the URL (or of the saved file's bytes),
so adding the same page again finds the file already there instead of making a second.
Fetching is one GET with urllib (no scripts, no page assets), capped at the loaders' size
limit; every failure is an InboxError with a one-line message.
"""

from __future__ import annotations

import hashlib
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import yaml

from reader.article import Article, ArticleError
from reader.loaders import MAX_ARTICLE_BYTES
from reader.loaders.webpage import parse_page

TIMEOUT_SECONDS = 20.0
_USER_AGENT = "Mozilla/5.0 (compatible; reader; +https://pypi.org/project/xinwen-reader/)"
_URL = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)


class InboxError(Exception):
    """A page that cannot be added; the message is one line for the user."""


@dataclass(frozen=True)
class Added:
    """Where the article went, and whether it was there already."""

    path: Path
    article: Article
    existing: bool


def is_url(target: str) -> bool:
    """True for an http(s) address."""
    return bool(_URL.match(target.strip()))


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """The page's bytes, fetched once; InboxError for a network error, an HTTP error or a huge page."""
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT, "Accept": "text/html,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # is_url allowed http(s) only
            data = response.read(MAX_ARTICLE_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise InboxError(f"{url}: the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise InboxError(f"{url}: cannot fetch it ({_one_line(error.reason)})") from None
    except (TimeoutError, OSError, ValueError) as error:
        raise InboxError(f"{url}: cannot fetch it ({_one_line(error)})") from None
    if len(data) > MAX_ARTICLE_BYTES:
        raise InboxError(f"{url}: the page is larger than 20 MB")
    return bytes(data)


def _one_line(reason: object) -> str:
    return " ".join(str(reason).split()) or type(reason).__name__


def _digest(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:12]


def _front_matter(article: Article, url: str | None, fetched: datetime) -> str:
    """YAML front matter the Markdown loader reads back (safe_dump: plain strings only)."""
    meta: dict[str, str] = {"title": article.title}
    if article.published is not None:
        meta["date"] = article.date_text
    for key in ("source", "byline", "editor"):
        value = getattr(article, key)
        if value:
            meta[key] = value
    if url:
        meta["url"] = url
    meta["fetched"] = fetched.isoformat(timespec="seconds")
    return yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, default_flow_style=False)


_MARKDOWN_START = re.compile(r"^(?:#|---|\*\*\*|___|>|[-*+] |\d{1,3}[.)] )")


def _markdown_paragraph(text: str) -> str:
    """A paragraph the Markdown loader reads back as a paragraph: one that opens like a heading,
    a rule or a list (# …, ---) gets a zero-width space in front, which no one sees."""
    return "\u200b" + text if _MARKDOWN_START.match(text) else text


def to_markdown(article: Article, url: str | None, fetched: datetime) -> str:
    """The article as a Markdown file: front matter, then one paragraph per block."""
    body = "\n\n".join(_markdown_paragraph(paragraph) for paragraph in article.paragraphs)
    return f"---\n{_front_matter(article, url, fetched)}---\n\n{body}\n"


def _already_added(inbox: Path, digest: str) -> Added | None:
    from reader.loaders import load_article

    for existing in sorted(inbox.glob(f"*-{digest}.md")) if inbox.is_dir() else []:
        try:
            return Added(existing, load_article(existing), existing=True)
        except ArticleError:
            return None  # a damaged copy: it is written again
    return None


def already_added(inbox: Path, url: str) -> Added | None:
    """The inbox's article for `url` when it was added before, so it is not fetched again."""
    return _already_added(inbox, _digest(url.encode("utf-8")))


def add_page(data: bytes, *, inbox: Path, url: str | None, name: str, now: datetime | None = None) -> Added:
    """Extract the page in `data` and save it in `inbox` (created if missing); nothing else is written."""
    digest = _digest(url.encode("utf-8") if url else data)
    already = _already_added(inbox, digest)
    if already is not None:
        return already
    try:
        article = parse_page(data, Path(name))
    except ArticleError as error:
        raise InboxError(str(error)) from None
    fetched = (now or datetime.now()).replace(microsecond=0)
    day = (article.published or fetched).strftime("%Y-%m-%d")
    path = inbox / f"{day}-{digest}.md"
    try:
        inbox.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".md.part")
        partial.write_text(to_markdown(article, url or article.url, fetched), encoding="utf-8")
        partial.replace(path)
    except OSError as error:
        raise InboxError(f"cannot write to the inbox {inbox}: {error.strerror or error}") from None
    return Added(path, article, existing=False)
