"""Core speed figures: loading, officials extraction and layout.

    .venv/bin/python bench/bench_core.py

Prints medians in milliseconds. Targets (from the issues): the bundled article's
officials in < 20 ms after warm-up; 1 MB of text in < 2 s. Corpus figures appear
when ../shared is beside the repository.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from reader.layout import layout_document
from reader.library.records import LoadFailure, read_file
from reader.library.scan import scan_library
from reader.loaders import load_article
from reader.officials import extract_officials

REPO = Path(__file__).resolve().parents[1]
BUNDLED = next((REPO / "articles").glob("*.txt"))
SHARED = REPO.parent / "shared"


def median_ms(action: Callable[[], object], runs: int = 20) -> float:
    action()  # warm-up: lexicons, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    article = load_article(BUNDLED)
    chars = sum(map(len, article.paragraphs))
    print(f"bundled article: {chars} characters, {len(article.paragraphs)} paragraphs")
    print(f"  load                 {median_ms(lambda: load_article(BUNDLED)):8.2f} ms")
    officials_ms = median_ms(lambda: extract_officials(article.paragraphs))
    print(f"  officials            {officials_ms:8.2f} ms  (target < 20)")
    for width in (40, 80):
        print(
            f"  layout at {width:<3}        {median_ms(lambda w=width: layout_document(article, w)):8.2f} ms"
        )

    megabyte = list(article.paragraphs) * (1_000_000 // sum(map(len, article.paragraphs)) + 1)
    chars = sum(map(len, megabyte))
    start = time.perf_counter()
    extract_officials(megabyte)
    elapsed_ms = (time.perf_counter() - start) * 1000
    print(f"officials on {chars / 1e6:.2f} M characters: {elapsed_ms:8.0f} ms  (target < 2000)")

    for name in ("xwlb-sample", "xwlb-bulk", "rmrb"):
        folder = SHARED / "corpus" / name
        if not folder.is_dir():
            print(f"{name}: skipped (../shared not here)")
            continue
        start = time.perf_counter()
        loaded = [read_file(folder, relative) for relative in sorted(scan_library(folder))]
        listed = time.perf_counter() - start
        bad = sum(isinstance(item, LoadFailure) for item in loaded)
        print(f"{name}: read {len(loaded)} files in {listed * 1000:.0f} ms ({bad} unreadable)")


if __name__ == "__main__":
    main()
