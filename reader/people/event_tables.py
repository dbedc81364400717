"""Proposed moves printed as a 干部任前公示 table or as keyed lines (reader.people.events).

Why apart: a table states no formula; its columns do. A header row that holds a name
column (姓名) and a proposed-post column (拟任职务) makes each row under it, of as many
cells, one `announced` event: the row's name and its proposed post. Rows are the cells
of a Markdown table (| 姓名 | … |, joined into one paragraph by the loader) or one
paragraph each, cells apart by tabs or spaces. Keyed lines (姓名：王小明 … 拟任职务：
青山县县长, in one paragraph or the next few) give the same. The words of the columns and
keys are in data/event_words.yaml (table_name, table_proposed). An election's results
told post by post (县长：王小明) under their lead (选举产生了…：) are `elected` the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from reader.people.event_formulas import CJK, NUMBERED, words
from reader.people.event_names import BRACKETED, clean_post, is_name
from reader.people.model import Event


def table_events(paragraphs: Sequence[str], date: str | None) -> list[Event]:
    """The announced events of the tables and keyed lines among the paragraphs."""
    return [
        *_pipe_tables(paragraphs, date),
        *_spaced_tables(paragraphs, date),
        *_keyed(paragraphs, date),
        *_elected_by_post(paragraphs, date),
    ]


ELECTION_LEAD = re.compile(
    r"(?:选举产生|选出|当选名单|选举结果|当选人员)[^。]*(?:[:：]|如下。?|。)$"
    r"|(?:大会|会议)[^。]{0,30}(?:闭幕|举行)[^。]{0,30}(?:宣布|公布)了?[^。]{0,60}名单。?$"
)
"""The lead of results told post by post: …选举产生了…： / 大会…闭幕，宣布了…主席团和执行理事会名单。"""
BY_POST = re.compile(
    rf"^(?:{NUMBERED})?(?P<post>[{CJK}、（）()]{{2,40}}?)[:：]"
    rf"(?P<names>[{CJK}·、，, 　和（）()]{{2,300}}?)[。；;]?$"
)


def _elected_by_post(paragraphs: Sequence[str], date: str | None) -> Iterable[Event]:
    """An election's results told post by post under its lead (大会选举产生了…：, then
    县长：王小明 / 副县长：李大海、张红梅 one line each): elected, until a line of another shape."""
    active = False
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        if ELECTION_LEAD.search(text) and not BY_POST.match(text):
            active = True
            continue
        item = BY_POST.match(text) if active else None
        post = clean_post(item.group("post")) if item else ""
        names = _listed_names(item.group("names")) if item else []
        if not post or not names or not all(is_name(name, True) for name in names):
            active = False
            continue
        for name in names:
            yield Event(name, "elected", post, date, index)


PADDED = re.compile(rf"(?<![{CJK}])([{CJK}])[ 　]{{1,2}}([{CJK}])(?![{CJK}])")
"""王　慧: a two-character name padded to the width of three in a list of names."""


def _listed_names(run: str) -> list[str]:
    """The names of 委员：王　慧、吴慧敏 (padded names joined) or 委员：王小明 李大海 (spaces
    between names)."""
    return [n for n in re.split(r"[、，,和 　]+", PADDED.sub(r"\1\2", BRACKETED.sub("", run.strip()))) if n]


def _columns(header: Sequence[str]) -> tuple[int, int] | None:
    """(name column, proposed-post column) of a header row, or None."""
    names = [n for n, cell in enumerate(header) if cell in words()["table_name"]]
    proposed = [
        n for n, cell in enumerate(header) if any(cell.startswith(word) for word in words()["table_proposed"])
    ]
    return (names[0], proposed[0]) if names and proposed else None


def _row_events(rows: Iterable[Sequence[str]], columns: tuple[int, int], width: int, date: str | None,
                index: int) -> Iterable[Event]:  # fmt: skip
    name_at, post_at = columns
    for row in rows:
        if len(row) != width:
            return
        name, post = re.sub(r"\s", "", row[name_at]), clean_post(re.sub(r"\s", "", row[post_at]))
        if is_name(name, formula=True) and post:
            yield Event(name, "announced", post, date, index)


def _pipe_tables(paragraphs: Sequence[str], date: str | None) -> Iterable[Event]:
    """| 姓名 | 性别 | 现任职务 | 拟任职务 | |---|…| | 王小明 | 男 | … |: one paragraph, its rows joined."""
    for index, paragraph in enumerate(paragraphs):
        if paragraph.count("|") < 4:
            continue
        cells = [cell.strip() for cell in paragraph.split("|")]
        cells = [cell for cell in cells if cell and not re.fullmatch(r":?-{2,}:?", cell)]
        for start in range(len(cells)):
            for width in range(2, min(12, len(cells) - start) + 1):
                columns = _columns(cells[start : start + width])
                if columns is None:
                    continue
                body = cells[start + width :]
                rows = [body[k : k + width] for k in range(0, len(body) - len(body) % width, width)]
                yield from _row_events(rows, columns, width, date, index)
                break
            else:
                continue
            break


def _spaced_tables(paragraphs: Sequence[str], date: str | None) -> Iterable[Event]:
    """A header paragraph 姓名 性别 现任职务 拟任职务 and one paragraph a row under it."""
    for index, paragraph in enumerate(paragraphs):
        if "|" in paragraph:
            continue
        header = paragraph.split()
        columns = _columns(header) if len(header) >= 2 else None
        if columns is None:
            continue
        rows = [(k, p.split()) for k, p in enumerate(paragraphs[index + 1 :], index + 1)]
        for k, row in rows:
            found = list(_row_events([row], columns, len(header), date, k))
            if not found:
                break
            yield from found


def _keyed(paragraphs: Sequence[str], date: str | None) -> Iterable[Event]:
    """姓名：王小明 … 拟任职务：青山县县长, the keys in one paragraph or the next four."""
    name_key = "|".join(map(re.escape, words()["table_name"]))
    post_key = "|".join(map(re.escape, sorted(words()["table_proposed"], key=len, reverse=True)))
    name_re = re.compile(
        rf"(?:{name_key})[:：]\s*(?P<name>[{CJK}·]{{2,6}}?)(?=$|[，,；;。\s]|性别|出生|民族|现任|拟任)"
    )
    post_re = re.compile(
        rf"(?:{post_key})[:：]\s*(?P<post>[{CJK}0-9、（）()·]{{2,60}}?)(?=$|[，,；;。\s]|(?:{name_key})[:：])"
    )
    for index, paragraph in enumerate(paragraphs):
        for match in name_re.finditer(paragraph):
            window = paragraph[match.end() :]
            for later in paragraphs[index + 1 : index + 5]:
                if name_re.search(window):
                    break
                window += "\n" + later
            window = window[: m.start()] if (m := name_re.search(window)) else window
            post = post_re.search(window)
            name = match.group("name")
            if post and is_name(name, formula=True) and (cleaned := clean_post(post.group("post"))):
                yield Event(name, "announced", cleaned, date, index)
