"""Text forms of index results for the command line (`reader search`, `reader index`).

Kept out of reader.cli so the formats are testable without a subprocess and the CLI
stays a thin layer of argument parsing.
"""

from __future__ import annotations

import json
from pathlib import Path

from rich.cells import cell_len

from reader.library.progress import RefreshSummary
from reader.library.search import SearchHit
from reader.textsafety import inert, inert_line, json_safe


def _display_path(path: Path) -> str:
    """A path relative to the current folder when it is inside it, else as given."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def hits_to_json(hits: list[SearchHit]) -> str:
    """One JSON array; `paragraph` is -1 for a title hit, `marks` index into `snippet`,
    `copies` is how many files print the hit's story (found once)."""
    rows = [
        {
            "path": _display_path(hit.path),
            "title": hit.title,
            "date": hit.date_text,
            "paragraph": hit.paragraph,
            "start": hit.start,
            "end": hit.end,
            "snippet": hit.snippet,
            "marks": [list(mark) for mark in hit.marks],
            "copies": hit.copies,
        }
        for hit in hits
    ]
    # JSON is data: json_safe \u-escapes what json.dumps writes raw (C1, bidi), nothing changes.
    return json_safe(json.dumps(rows, ensure_ascii=False, indent=2)) + "\n"


TITLE_CELLS = 30
"""The table's title column is at most this many terminal cells (a CJK title: 15 characters)."""


def _marked(hit: SearchHit) -> str:
    """The snippet with every match in 【】."""
    snippet, shift = hit.snippet, 0
    for start, end in hit.marks:
        snippet = (
            snippet[: start + shift]
            + "【"
            + snippet[start + shift : end + shift]
            + "】"
            + snippet[end + shift :]
        )
        shift += 2
    return snippet


def _fit(text: str, cells: int) -> str:
    """`text` cut to `cells` terminal cells (… marks a cut) and padded to exactly that width."""
    if cell_len(text) > cells:
        while text and cell_len(text) > cells - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (cells - cell_len(text))


def hits_to_table(hits: list[SearchHit]) -> str:
    """One hit a line, for people: date, title, ¶ (from 1, or "title"; ×3 for a story three
    files print), the snippet with the matches in 【】. Paths are left to `--format json`:
    they made every line too long.
    """
    rows = []
    for hit in hits:
        # reader.textsafety, as every output: C0, DEL, C1 and bidi controls, one for one.
        title = inert_line(hit.title.strip() or hit.path.name)
        where = "title" if hit.paragraph < 0 else f"¶{hit.paragraph + 1}"
        if hit.copies > 1:  # the story is found once; its other copies give no line
            where += f" ×{hit.copies}"
        rows.append((hit.date_text or "-", title, where, inert(_marked(hit), keep_newlines=False)))
    title_cells = min(TITLE_CELLS, max((cell_len(row[1]) for row in rows), default=0))
    date_cells = max((len(row[0]) for row in rows), default=0)  # a date may carry a time
    where_cells = max((len(row[2]) for row in rows), default=0)
    lines = [
        f"{date:<{date_cells}}  {_fit(title, title_cells)}  {where:<{where_cells}}  {snippet}"
        for date, title, where, snippet in rows
    ]
    return "".join(line + "\n" for line in lines)


def summary_text(summary: RefreshSummary, articles: int, path: Path, unreadable: int | None = None) -> str:
    """The closing report of `reader index`.

    `unreadable` counts every file of the index that cannot be read, not only those read
    in this run: a second `reader index` must not report 0 for files still broken.
    """
    parts = [
        f"{articles} articles indexed",
        f"{summary.added} added",
        f"{summary.changed} changed",
        f"{summary.removed} removed",
        f"{summary.renamed} renamed",
        f"{summary.errors if unreadable is None else unreadable} unreadable",
    ]
    timing = (
        f"text {summary.text_seconds:.1f} s, reposts {summary.reposts_seconds:.1f} s, "
        f"officials {summary.officials_seconds:.1f} s"
    )
    return f"{', '.join(parts)} ({timing})\nindex: {path}\n"
