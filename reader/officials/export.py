"""The officials report as JSON, CSV and a plain-text table (the CLI and the app's export).

Article text is untrusted: nothing here interprets markup, every cell and string is
made safe by `reader.textsafety`, and the table is padded by terminal cells (CJK
characters are two wide), not by `len()`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from pathlib import Path
from typing import Any

from rich.cells import cell_len

from reader.article import Article
from reader.files import read_regular_text, write_atomic
from reader.officials.model import HEADLINE, Mention, OfficialsReport
from reader.textsafety import inert_line, json_safe

TITLE_JOINER = "、"
CSV_HEADER = ("kind", "name", "titles", "role", "mentions", "first_paragraph_1based")
"""The CSV is for people (a spreadsheet, the app's `x` export): paragraphs count from 1, as
on screen, and the column says so; the headline is `title`. JSON keeps `paragraph` from 0."""


def _mentions(mentions: list[Mention]) -> list[dict[str, int]]:
    return [{"paragraph": m.paragraph, "start": m.start, "end": m.end} for m in mentions]


def report_to_dict(article: Article, report: OfficialsReport) -> dict[str, Any]:
    """The report as plain data, in the shape `reader officials --format json` prints."""
    return {
        "path": str(article.path),
        "title": article.title,
        "officials": [
            {
                "name": o.name,
                "titles": list(o.titles),
                "former": o.former,
                "aliases": list(o.aliases),
                "mentions": _mentions(o.mentions),
            }
            for o in report.officials
        ],
        "others": [
            {"name": p.name, "role": p.role, "mentions": _mentions(p.mentions)} for p in report.others
        ],
    }


def report_to_json(article: Article, report: OfficialsReport) -> str:
    """`reader officials --format json` and the exported .json file: one object, and a newline.

    JSON is data: strings stay exact; `json_safe` \\u-escapes the C1 and bidi characters
    json.dumps would write raw (the path is the file's real name, never altered).
    """
    return json_safe(json.dumps(report_to_dict(article, report), ensure_ascii=False, indent=2)) + "\n"


def _first(mentions: list[Mention]) -> str:
    """The first mention's paragraph as people count (from 1), or "title" for the headline."""
    if not mentions:
        return ""
    return "title" if mentions[0].paragraph == HEADLINE else str(mentions[0].paragraph + 1)


def _rows(report: OfficialsReport) -> list[tuple[str, str, str, str, str, str]]:
    rows = [
        ("official", o.name, TITLE_JOINER.join(o.titles), "", str(len(o.mentions)), _first(o.mentions))
        for o in report.officials
    ]
    rows += [("other", p.name, "", p.role, str(len(p.mentions)), _first(p.mentions)) for p in report.others]
    return rows


_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A cell a spreadsheet shows as text: one starting with = + - @ gets a leading '.

    Spreadsheets run a cell that starts with those as a formula (=HYPERLINK(…) and
    worse), the well-known CSV injection. A number such as -1 stays a number.
    """
    if text.startswith(_FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def report_to_csv(article: Article, report: OfficialsReport) -> str:
    """One row per person (officials first), with a header row.

    `article` is accepted for symmetry with the other exporters; the rows do not repeat it.
    """
    del article
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    # Inert cells: CSV is often just printed, and a cell must not act on the terminal;
    # nor on a spreadsheet (csv_cell).
    writer.writerows(tuple(csv_cell(inert_line(cell)) for cell in row) for row in _rows(report))
    return buf.getvalue()


def _pad(text: str, width: int) -> str:
    return text + " " * (width - cell_len(text))


def report_to_table(article: Article, report: OfficialsReport) -> str:
    """An aligned plain-text table for people, widths measured in terminal cells."""
    header = ("kind", "name", "titles / role", "mentions", "first ¶")
    body = [
        tuple(inert_line(cell) for cell in (kind, name, titles or role, n, first))
        for kind, name, titles, role, n, first in _rows(report)
    ]
    table = [header, *body]
    widths = [max(cell_len(row[c]) for row in table) for c in range(len(header))]
    lines = [inert_line(article.title), ""]
    if not body:
        lines.append("No officials or other named people found.")
        return "\n".join(lines) + "\n"
    for r, row in enumerate(table):
        lines.append("  ".join(_pad(cell, widths[c]) for c, cell in enumerate(row)).rstrip())
        if r == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


MAX_EXPORT_CHARS = 16 * 1024 * 1024
"""An export's JSON is read back only to see which article it is of; far bigger is not one."""


def export_stem(article: Article, folder: Path) -> Path:
    """Where `article`'s export goes: `<name>-officials`, unless that is another article's.

    Articles of different folders share file names (every outlet has its `index.html`,
    every day's `01.txt`); the second gets `<name>-<8 hex of its path>-officials`, so no
    export overwrites another's, and exporting one article again replaces its own.
    """
    plain = folder / f"{article.path.stem}-officials"
    if _exported_path(plain) in (None, str(article.path)):
        return plain
    digest = hashlib.sha256(os.fsencode(str(article.path))).hexdigest()[:8]
    return folder / f"{article.path.stem}-{digest}-officials"


def _exported_path(stem: Path) -> str | None:
    """The `path` of the article exported as `stem`, None when there is none; "" when its
    files cannot tell (damaged, or not an export): then the name is not taken over either."""
    csv_path, json_path = stem.with_name(stem.name + ".csv"), stem.with_name(stem.name + ".json")
    if not (os.path.lexists(csv_path) or os.path.lexists(json_path)):
        return None
    try:
        data = json.loads(read_regular_text(json_path, limit=MAX_EXPORT_CHARS))
    except (OSError, ValueError):
        return ""
    found = data.get("path") if isinstance(data, dict) else None
    return found if isinstance(found, str) else ""


def save_report(article: Article, report: OfficialsReport, folder: Path) -> Path:
    """Write the report as `<article>-officials.csv` and `.json` in `folder` (atomically;
    the name made unique by `export_stem` when another article's export has it).

    Returns the path both share, without its suffix; raises OSError when `folder` cannot
    be written. reader never writes beside the article: the app passes its state folder.
    """
    stem = export_stem(article, folder)
    write_atomic(stem.with_name(stem.name + ".csv"), report_to_csv(article, report).encode("utf-8"))
    write_atomic(stem.with_name(stem.name + ".json"), report_to_json(article, report).encode("utf-8"))
    return stem
