"""Markdown articles with optional YAML front matter (`---` … `---`).

Front matter gives title, date, source, byline (or author), editor, url, subtitle, kicker
and original_title; it is read with reader.safeyaml only (safe types, aliases bounded;
never a loader that builds objects), because article files come from anywhere. The
body is split into paragraphs at blank lines; the lines of one paragraph are joined
without a space between Chinese text (a line break inside Chinese is not a word
break) and with one space between Latin words. Headings stay paragraphs without their
`#` markers, except a leading `# Heading` that serves as the title.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from reader.article import Article, ArticleError
from reader.compiled import compile_pattern
from reader.loaders.dates import coerce_date

_FENCE = compile_pattern(r"^---[ \t]*$")
_FENCE_END = compile_pattern(r"^(?:---|\.\.\.)[ \t]*$")
_HEADING = compile_pattern(r"^(?P<marks>#{1,6})(?:[ \t]+(?P<text>.*?))?(?:[ \t]+#+)?[ \t]*$")
_BLOCK_START = compile_pattern(r"^(?:[-*+]\s|\d{1,3}[.)]\s|>)")
_RULE = compile_pattern(r"^([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_TEXT_KEYS = ("title", "source", "byline", "editor", "url", "subtitle", "kicker", "original_title")


_DATE_LINE = compile_pattern(r"^(date[ \t]*:[ \t]*)(.+?)[ \t]*$", re.MULTILINE)


def _load_yaml(text: str) -> object:
    """reader.safeyaml.load, with an impossible date (2015-13-45) read as plain text.

    safe_load raises ValueError for such a date; a bad date must only leave the
    date unknown, so the `date:` value is quoted and the text read again.
    """
    from reader import safeyaml

    try:
        return safeyaml.load(text, max_chars=MAX_FRONT_MATTER_CHARS, max_nodes=MAX_FRONT_MATTER_NODES)
    except ValueError:
        quoted = _DATE_LINE.sub(
            lambda m: m.group(1) + '"' + m.group(2).strip("'\"").replace('"', "") + '"', text
        )
        return safeyaml.load(quoted, max_chars=MAX_FRONT_MATTER_CHARS, max_nodes=MAX_FRONT_MATTER_NODES)


MAX_FRONT_MATTER_NODES = 10_000
"""Article metadata is a dozen keys; aliases or lists standing for more are refused."""

MAX_FRONT_MATTER_CHARS = 64 * 1024
"""Longer front matter is refused before YAML sees it (300,000 keys took 12.8 s and 500 MB)."""

MAX_FRONT_MATTER_NESTING = 32
"""Deeper [ / { nesting than this is refused before YAML sees it; metadata is flat."""

_BRACKET = compile_pattern(r"[\[\]{}]")


def _nesting(text: str) -> int:
    """The deepest run of open flow brackets (quotes ignored: an overestimate is harmless)."""
    depth = deepest = 0
    for match in _BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def has_front_matter(text: str) -> bool:
    """True when `text` opens with a `---` line (front matter, possibly broken)."""
    first = text.split("\n", 1)[0]
    return bool(_FENCE.match(first))


def looks_like_markdown(text: str) -> bool:
    """True for front matter or a first non-blank line that is an ATX `# heading`."""
    if has_front_matter(text):
        return True
    first = next((line for line in text.split("\n") if line.strip()), "")
    return bool(_HEADING.match(first.strip())) and first.startswith("#")


def _split_front_matter(text: str, name: str) -> tuple[dict[str, object], str]:
    """(front matter mapping, body); ArticleError for broken or non-mapping YAML."""
    if not has_front_matter(text):
        return {}, text
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if _FENCE_END.match(lines[i])), None)
    if end is None:
        raise ArticleError(f"{name}: front matter is not closed by a '---' line")
    front = "\n".join(lines[1:end])
    if _nesting(front) > MAX_FRONT_MATTER_NESTING:
        # PyYAML takes seconds over thousands of nested brackets before giving up.
        raise ArticleError(f"{name}: front matter is nested too deeply to be article metadata")
    # The YAML parser is imported by the first article with front matter: every start
    # runs this module (is it Markdown?), most of the articles it opens have none.
    import yaml

    from reader.safeyaml import YAMLTooLarge

    try:
        data = _load_yaml(front)
    except YAMLTooLarge as error:
        raise ArticleError(f"{name}: front matter is too large to be article metadata ({error})") from error
    except yaml.constructor.ConstructorError as error:
        if "unhashable" in str(error.problem):  # `? [a, b]`: a list or a mapping as a key
            raise ArticleError(f"{name}: front matter has a key that is not plain text") from error
        # safe_load refuses tags that would build objects (!!python/object/apply…): say so.
        tag = re.search(r"tag '(?:tag:yaml.org,2002:)?([^']*)'", str(error.problem))
        what = f"the YAML tag !!{tag.group(1)[:60]}" if tag else "a YAML tag"
        raise ArticleError(f"{name}: front matter uses {what}, which reader does not run") from error
    except (yaml.YAMLError, ValueError) as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise ArticleError(f"{name}: front matter is not valid YAML{where}") from error
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ArticleError(f"{name}: front matter is not a mapping of keys to values")
    return data, "\n".join(lines[end + 1 :])


def _is_wide(char: str) -> bool:
    """True for CJK characters and full-width punctuation, which join without a space."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _join(lines: list[str]) -> str:
    """Join the lines of one paragraph: no space next to CJK, one space between Latin."""
    joined = lines[0]
    for line in lines[1:]:
        glue = "" if _is_wide(joined[-1]) or _is_wide(line[0]) else " "
        joined += glue + line
    return joined


def _blocks(body: str) -> list[tuple[str, bool]]:
    """(paragraph text, is_heading) pairs from a Markdown body."""
    blocks: list[tuple[str, bool]] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append((_join(current), False))
            current.clear()

    for raw in body.split("\n"):
        line = raw.strip()
        heading = _HEADING.match(line)
        if not line or _RULE.match(line):
            flush()
        elif heading:
            flush()
            text = (heading.group("text") or "").strip()
            if text:
                blocks.append((text, heading.group("marks") == "#"))
        else:
            if _BLOCK_START.match(line):
                flush()
            current.append(line)
    flush()
    return blocks


def _text(value: object) -> str | None:
    """A front-matter value as stripped text, None when empty or not a scalar."""
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def parse_markdown(text: str, path: Path) -> Article:
    """Build an Article from decoded Markdown text (newlines already normalised)."""
    meta, body = _split_front_matter(text, str(path))
    fields = {key: _text(meta.get(key)) for key in _TEXT_KEYS}
    byline = fields["byline"] or _text(meta.get("author"))
    blocks = _blocks(body)
    title = fields["title"]
    if blocks and blocks[0][1] and (title is None or blocks[0][0] == title):
        title = title or blocks[0][0]
        blocks = blocks[1:]
    extra = {
        str(key): str(value)
        for key, value in meta.items()
        if key not in (*_TEXT_KEYS, "date", "author") and _text(value) is not None
    }
    return Article(
        path=path,
        title=title or path.stem,
        title_printed=title is not None,
        paragraphs=tuple(text for text, _ in blocks),
        source=fields["source"],
        published=coerce_date(meta.get("date")),
        original_title=fields["original_title"],
        byline=byline,
        editor=fields["editor"],
        url=fields["url"],
        subtitle=fields["subtitle"],
        kicker=fields["kicker"],
        extra=extra,
    )
