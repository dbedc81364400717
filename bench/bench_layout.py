"""Timings for the Chinese line layout: is a relayout on resize fast enough?

The reading view lays an article out once per width and caches it, so the figure
that matters is a whole article per width — a resize, or opening it — on the
articles users actually open, plus the worst cases: a 20,000-paragraph article and
a 5 MB file. Targets (issue #4): the longest corpus article at a new width under
50 ms; a 5 MB article well under a second.

Each figure is the best of a few runs at widths not used before in the run (so no
result is reused), except "cold", which is the very first layout in the process,
before any per-character cache is warm.

Run: .venv/bin/python bench/bench_layout.py
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.article import Article  # noqa: E402
from reader.layout import DEFAULT_MEASURE, break_paragraph, layout_document  # noqa: E402
from reader.loaders import load_article  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = ("xwlb-sample", "xwlb-bulk", "rmrb")
SAMPLE = (
    "中共中央政治局常委李长春今天下午在人民大会堂会见了即将出征第三十届奥运会的中国体育代表团，"
    "代表党中央、国务院，向代表团全体成员表示亲切慰问和良好祝愿（视频编辑：林楠）。"
    "本届奥运会设26个大项、302个小项，GDP增长3.5%左右——“团结、友谊、进步”……见http://news.cn/a。"
)


def best_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    """Best of `repeat` runs, in ms: the least disturbed measurement."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def new_widths(start: int) -> Callable[[], int]:
    """A width never used before in this run, each call: a relayout cannot reuse anything."""
    state = [start]

    def next_width() -> int:
        state[0] += 1
        return state[0]

    return next_width


def corpus_articles() -> list[Article]:
    """Every article of the shared corpora that are present."""
    articles = []
    for name in CORPORA:
        folder = SHARED / "corpus" / name
        if folder.is_dir():
            articles.extend(load_article(path) for path in sorted(folder.glob("*.txt")))
    return articles


def body_chars(article: Article) -> int:
    return sum(len(p) for p in article.paragraphs)


def bench_longest(articles: list[Article]) -> None:
    """The longest xwlb article (the issue's 22,191 characters) and the longest of all."""
    xwlb = [a for a in articles if a.path.name.startswith("xwlb")]
    picks = {"longest xwlb": max(xwlb, key=body_chars)} if xwlb else {}
    picks["longest of all"] = max(articles, key=body_chars)
    first = True
    for label, article in picks.items():
        if first:
            start = time.perf_counter()
            layout_document(article, 79)
            cold = (time.perf_counter() - start) * 1000
            print(f"{label} {article.path.name}, cold (first layout in the process): {cold:7.1f} ms")
            first = False
        width = new_widths(40)
        ms = best_ms(lambda a=article, w=width: layout_document(a, w()))
        print(
            f"{label} {article.path.name} ({body_chars(article):,} chars, {len(article.paragraphs)} ¶) "
            f"at a new width: {ms:7.1f} ms"
        )


def bench_corpus(articles: list[Article]) -> None:
    chars = sum(body_chars(a) for a in articles)
    for measure in (30, 50, DEFAULT_MEASURE, 120):
        ms = best_ms(lambda m=measure: [layout_document(a, m) for a in articles], repeat=3)
        print(f"all {len(articles)} corpus articles ({chars:,} chars) @ {measure:>3}: {ms:8.1f} ms")


def repeated_article(paragraphs: list[str], *, count: int = 0, size: int = 0) -> Article:
    """An article of `count` paragraphs, or of `size` UTF-8 bytes, cycling through `paragraphs`."""
    out: list[str] = []
    total = 0
    i = 0
    while (count and len(out) < count) or (size and total < size):
        p = paragraphs[i % len(paragraphs)]
        out.append(p)
        total += len(p.encode())
        i += 1
    return Article(path=Path("big.txt"), title="大文件", paragraphs=tuple(out))


def bench_big(articles: list[Article]) -> None:
    paragraphs = [p for a in articles for p in a.paragraphs] or [SAMPLE]
    big = repeated_article(paragraphs, count=20_000)
    width = new_widths(60)
    ms = best_ms(lambda: layout_document(big, width()), repeat=3)
    print(f"20,000-paragraph article ({body_chars(big):,} chars) at a new width: {ms:8.1f} ms")
    big = repeated_article(paragraphs, size=5_000_000)
    mb = sum(len(p.encode()) for p in big.paragraphs) / 1e6
    ms = best_ms(lambda: layout_document(big, width()), repeat=3)
    size = f"{mb:.1f} MB article ({len(big.paragraphs):,} ¶, {body_chars(big):,} chars)"
    print(f"{size} at a new width: {ms:8.1f} ms")
    # One paragraph of 1 M characters: plain text takes the fast path; one zero-width
    # character or NBSP anywhere in a paragraph sends all of it down the general path.
    joined = "".join(paragraphs)[:1_000_000]
    plain = joined.translate(dict.fromkeys(map(ord, "\u00a0\u200b\u200c\u200d\ufeff\u0301\ufe0f")))
    ms = best_ms(lambda: break_paragraph(plain, width()), repeat=3)
    print(f"one {len(plain):,}-character paragraph, plain (fast path): {ms:8.1f} ms")
    ms = best_ms(lambda: break_paragraph(joined, width()), repeat=3)
    print(f"one {len(joined):,}-character paragraph, with NBSP/ZWJ (general path): {ms:8.1f} ms")


if __name__ == "__main__":
    corpus = corpus_articles()
    if corpus:
        bench_longest(corpus)
    else:
        print(f"corpus figures skipped: {SHARED / 'corpus'} is not here")
    bench_big(corpus)
    if corpus:
        bench_corpus(corpus)
