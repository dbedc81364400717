"""Library index speed: cold index, refresh with nothing changed, search.

    .venv/bin/python bench/bench_library.py              # 10,000 files
    .venv/bin/python bench/bench_library.py --files 100000
    .venv/bin/python bench/bench_library.py --keep DIR   # keep the copied library in DIR
    .venv/bin/python bench/bench_library.py --keep DIR --keep-index   # and its index, in DIR.cache

Copies ../shared/corpus/xwlb-bulk (2,000 files) round-robin up to N files into a
temporary folder (copies past the first round go to subfolders copy01/, copy02/…),
indexes it with a temporary cache directory, and prints figures. Targets (issue 5):
10,000 files searchable < 20 s, officials < 120 s, unchanged refresh < 1 s; search
median over 20 queries of 2–6 characters < 100 ms at 100,000 files.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BULK = REPO.parent / "shared" / "corpus" / "xwlb-bulk"
QUERIES = [
    "中国", "会议", "经济", "人民", "合作", "科技", "疫情",  # 2 characters: the LIKE fallback
    "习近平", "国务院", "新时代", "联合国", "总书记", "GDP",
    "一带一路", "乡村振兴", "改革开放", "生态文明", "脱贫攻坚",
    "高质量发展", "人类命运共同体",
]  # fmt: skip
RARE_SHORT = "冰壶"
"""Few articles contain it, so the LIKE fallback reads every paragraph: the slowest kind of query."""


def copy_library(target: Path, count: int) -> None:
    sources = sorted(BULK.glob("*.txt"))
    existing = sum(1 for _ in target.rglob("*.txt")) if target.is_dir() else 0
    if existing == count:
        return
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for n in range(count):
        round_, source = divmod(n, len(sources))
        folder = target if round_ == 0 else target / f"copy{round_:02d}"
        folder.mkdir(exist_ok=True)
        shutil.copyfile(sources[source], folder / sources[source].name)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="folder for the copied library (kept between runs)")
    parser.add_argument("--keep-index", action="store_true", help="with --keep: keep the index too")
    args = parser.parse_args()
    if not BULK.is_dir():
        print("skipped: ../shared/corpus/xwlb-bulk is not here")
        return 0
    work = Path(tempfile.mkdtemp(prefix="reader-bench-"))
    # --keep-index keeps the index beside the library: a second run then measures search only.
    cache = (
        args.keep.with_name(args.keep.name + ".cache") if args.keep and args.keep_index else work / "cache"
    )
    os.environ["READER_CACHE_DIR"] = str(cache)
    from reader.library import LibraryIndex

    library = args.keep or work / "library"
    started = time.perf_counter()
    copy_library(library, args.files)
    print(f"library: {args.files} files in {library} (copied in {time.perf_counter() - started:.1f} s)")
    try:
        with LibraryIndex(library) as index:
            if index.count():
                print(f"warm index: {index.count()} files already indexed, the 'cold' lines are a refresh")
            cpu = time.process_time()
            text = index.refresh_text()
            cpu, text_cpu = time.process_time(), time.process_time() - cpu
            print(f"cold, metadata + full text: {text.text_seconds:7.2f} s  (CPU {text_cpu:.1f} s; < 20 s)")
            officials = index.refresh_officials()  # a broken officials.yaml is left out, not fatal
            seconds, officials_cpu = officials.officials_seconds, time.process_time() - cpu
            print(f"cold, officials:            {seconds:7.2f} s  (CPU {officials_cpu:.1f} s; < 120 s)")
            print(f"index file: {index.path.stat().st_size / 1e6:.0f} MB")
            times = []
            for _ in range(5):
                start = time.perf_counter()
                index.refresh()
                times.append(time.perf_counter() - start)
            refresh_ms = statistics.median(times) * 1000
            print(f"refresh, nothing changed:         {refresh_ms:7.0f} ms (median of 5; < 1 s)")
            start = time.perf_counter()
            entries = index.entries()
            entries_ms = (time.perf_counter() - start) * 1000
            print(f"entries() for the list:           {entries_ms:7.0f} ms ({len(entries)} rows)")
            peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"peak memory of this process:      {peak_mb:7.0f} MB (entries held, 64 MB write cache)")
            results = []
            for query in QUERIES:
                index.search(query)  # warm the page cache for this query's pages
                start = time.perf_counter()
                hits = index.search(query)
                results.append(((time.perf_counter() - start) * 1000, query, len(hits)))
            for ms, query, count in results:
                print(f"  search {query:<10} {ms:7.1f} ms  {count} hits")
            median = statistics.median(ms for ms, _q, _c in results)
            worst = max(results)[0]
            print(f"search median over {len(QUERIES)} queries:  {median:7.1f} ms (max {worst:.1f}; < 100 ms)")
            start = time.perf_counter()
            hits = index.search(RARE_SHORT)
            rare_ms = (time.perf_counter() - start) * 1000
            print(f"rare 2-char query {RARE_SHORT} (scans everything): {rare_ms:.1f} ms, {len(hits)} hits")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
