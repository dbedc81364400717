"""Timings for the Chinese line layout: is a relayout on resize fast enough?

The reading view lays an article out once per width and caches it, so the figure
that matters is a whole article (or corpus) per width, plus the worst cases users
hit: one huge paragraph, and a 5 MB file.

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
from reader.layout import break_paragraph, layout_document  # noqa: E402

SHARED = ROOT.parent / "shared"
SAMPLE = (
    "中共中央政治局常委李长春今天下午在人民大会堂会见了即将出征第三十届奥运会的中国体育代表团，"
    "代表党中央、国务院，向代表团全体成员表示亲切慰问和良好祝愿（视频编辑：林楠）。"
    "本届奥运会设26个大项、302个小项，GDP增长3.5%左右——“团结、友谊、进步”……见http://news.cn/a。"
)


def best_ms(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best of `repeat` runs, in ms: the least disturbed measurement."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def load_xwlb(path: Path) -> Article:
    """xwlb layout: title line, then one paragraph a line."""
    lines = path.read_text(encoding="utf-8").split("\n")
    paragraphs = tuple(ln.strip() for ln in lines[1:] if ln.strip())
    return Article(path=path, title=lines[0].strip(), paragraphs=paragraphs)


def bench_corpus() -> None:
    corpus = SHARED / "corpus" / "xwlb-sample"
    if not corpus.is_dir():
        print(f"corpus: skipped ({corpus} not present)")
        return
    articles = [load_xwlb(p) for p in sorted(corpus.glob("*.txt"))]
    chars = sum(len(p) for a in articles for p in a.paragraphs)
    for width in (30, 50, 80, 120):
        ms = best_ms(lambda w=width: [layout_document(a, w) for a in articles])
        print(f"xwlb-sample ({len(articles)} articles, {chars:,} chars) @ {width:>3}: {ms:8.1f} ms")


def bench_synthetic() -> None:
    paragraph = (SAMPLE * (20_000 // len(SAMPLE) + 1))[:20_000]
    for width in (30, 80):
        ms = best_ms(lambda w=width: break_paragraph(paragraph, w))
        print(f"one 20,000-char paragraph @ {width:>3}:              {ms:8.1f} ms")
    # 5 MB of UTF-8 in 2,000-character paragraphs (about 1.8 M characters).
    para = (SAMPLE * (2_000 // len(SAMPLE) + 1))[:2_000]
    n_paragraphs = -(-5_000_000 // len(para.encode()))
    big = Article(path=Path("big.txt"), title="大文件", paragraphs=tuple(para for _ in range(n_paragraphs)))
    size = sum(len(p.encode()) for p in big.paragraphs) / 1e6
    ms = best_ms(lambda: layout_document(big, 80), repeat=1)
    print(f"{size:.1f} MB article ({n_paragraphs} paragraphs) @  80:        {ms:8.1f} ms")


if __name__ == "__main__":
    bench_corpus()
    bench_synthetic()
