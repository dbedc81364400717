"""Score web-page extractors against the hand-written gold of tests/pages/gold.yaml.

    .venv/bin/python bench/bench_pages.py [--extractor own|trafilatura|readability|all] [-v]
                                          [--gold tests/pages/heldout/gold.yaml]

For each of the 37 saved Chinese news pages (tests/pages/*.gz, see tests/pages/README.md)
(or, with --gold, the pages next to that gold: tests/pages/heldout/ holds 26 pages kept apart,
which reader's rules were never tuned on) it prints whether the title is exact, whether the
date is right (same day), the body's character F1 against the gold body, and the time per
page. Every extractor gets the same text: the page decoded by
reader.loaders.webpage.decode_page. trafilatura and readability-lxml are optional
(pip install trafilatura readability-lxml); readability gives no date, so it is paired
with htmldate (a trafilatura dependency) when that is there.

Title exact: equal after collapsing spaces. Body F1: over the multiset of characters,
whitespace left out (order-blind, as in the CleanEval-style scores).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.article import ArticleError  # noqa: E402
from reader.loaders.webpage import decode_page, parse_page  # noqa: E402

PAGES = ROOT / "tests" / "pages"


@dataclass
class Extracted:
    title: str | None
    date: date | None
    body: str


def _own(data: bytes, text: str, name: str) -> Extracted:
    try:
        article = parse_page(data, Path(name))
    except ArticleError:
        return Extracted(None, None, "")
    return Extracted(
        article.title, article.published.date() if article.published else None, "\n".join(article.paragraphs)
    )


def _trafilatura(data: bytes, text: str, name: str) -> Extracted:
    import trafilatura

    document = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
    if document is None:
        return Extracted(None, None, "")
    found = document.as_dict() if hasattr(document, "as_dict") else document
    day = None
    if found.get("date"):
        try:
            day = datetime.fromisoformat(found["date"]).date()
        except ValueError:
            day = None
    return Extracted(found.get("title"), day, found.get("text") or "")


def _readability(data: bytes, text: str, name: str) -> Extracted:
    import lxml.html
    from readability import Document

    document = Document(text)
    body = lxml.html.fromstring(document.summary()).text_content()
    day = None
    try:
        from htmldate import find_date

        found = find_date(text)
        day = datetime.fromisoformat(found).date() if found else None
    except ImportError:
        pass
    return Extracted(document.short_title(), day, body)


EXTRACTORS: dict[str, Callable[[bytes, str, str], Extracted]] = {
    "own": _own,
    "trafilatura": _trafilatura,
    "readability": _readability,
}


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def body_f1(predicted: str, gold: str) -> float:
    """Character F1 between two texts, whitespace ignored."""
    got, want = _chars(predicted), _chars(gold)
    common = sum((got & want).values())
    if not common:
        return 0.0
    precision, recall = common / sum(got.values()), common / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _gold_day(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return datetime.fromisoformat(str(value)).date()


def _norm(title: str | None) -> str:
    return " ".join((title or "").split())


def score(
    name: str,
    extract: Callable[[bytes, str, str], Extracted],
    gold: list[dict],
    verbose: bool,
    pages: Path = PAGES,
) -> None:
    titles = dates = 0
    f1s: list[float] = []
    spent = 0.0
    for entry in gold:
        data = gzip.decompress((pages / f"{entry['file']}.gz").read_bytes())
        text = decode_page(data).text
        started = time.perf_counter()
        found = extract(data, text, entry["file"])
        spent += time.perf_counter() - started
        title_ok = _norm(found.title) == _norm(entry["title"])
        date_ok = found.date == _gold_day(entry["date"])
        f1 = body_f1(found.body, "\n".join(entry["body"]))
        titles += title_ok
        dates += date_ok
        f1s.append(f1)
        if verbose and not (title_ok and date_ok and f1 >= 0.95):
            print(
                f"  {entry['file']}: title {'ok' if title_ok else repr(found.title)}"
                f" date {'ok' if date_ok else found.date} F1 {f1:.3f}"
            )
    n = len(gold)
    print(
        f"{name:12} title exact {titles}/{n} ({titles / n:.1%})  date right {dates}/{n} ({dates / n:.1%})  "
        f"body F1 mean {statistics.mean(f1s):.3f} median {statistics.median(f1s):.3f} min {min(f1s):.3f}  "
        f"pages ≥ 0.95: {sum(f >= 0.95 for f in f1s)}/{n}  {spent / n * 1000:.0f} ms/page"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--extractor", default="all", choices=[*EXTRACTORS, "all"])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the pages an extractor gets wrong")
    parser.add_argument(
        "--gold",
        type=Path,
        default=PAGES / "gold.yaml",
        help="the gold to score against; its pages are the .gz files next to it"
        " (default: tests/pages/gold.yaml)",
    )
    args = parser.parse_args()
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    pages = args.gold.resolve().parent
    names = list(EXTRACTORS) if args.extractor == "all" else [args.extractor]
    for name in names:
        try:
            score(name, EXTRACTORS[name], gold, args.verbose, pages)
        except ImportError as error:
            print(f"{name:12} not installed ({error.name})")


if __name__ == "__main__":
    main()
