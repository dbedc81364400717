"""Repost groups as the library index keeps them: quality on the shared corpora plus 200 made-up
reprints, and the background phase's time on 100,000 articles.

    .venv/bin/python bench/bench_reposts.py                    # both parts
    .venv/bin/python bench/bench_reposts.py --articles 0       # quality only
    .venv/bin/python bench/bench_reposts.py --skip-quality --articles 100000

Quality: the gold of bench/bench_dedupe.py (every article of ../shared/corpus, plus 200
reprints with new headers and 1–3 characters changed, seed 18), but grouped by the index
itself: the corpus is indexed first, then the reprints are added and the index refreshed,
so the groups are the incremental ones (reader/library/reposts.py). Precision and recall
count pairs of articles put in one story. Skips without ../shared/corpus.

Time: an index of N articles (bench_dedupe's synthetic bodies: corpus sentences drawn at
random, a tenth of them reprints of others, dated over a year) is written straight into a
temporary index (records.insert_file, as the text phase would), then the reposts phase
runs as the app runs it, on a connection of its own beside a reader's: its time, and the
slowest of the first screen's reads made meanwhile, twice a second (the list never waits
for the grouping). Then
100 articles are added and the phase runs again (the incremental case).
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import threading
import time
from collections import defaultdict
from datetime import datetime, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("READER_CACHE_DIR", tempfile.mkdtemp(prefix="reader-reposts-cache-"))
os.environ.setdefault("READER_STATE_DIR", tempfile.mkdtemp(prefix="reader-reposts-state-"))

from bench_dedupe import CORPUS, gold_set, synthetic  # noqa: E402

from reader.article import Article  # noqa: E402
from reader.library import LibraryIndex, reposts  # noqa: E402
from reader.library.head import read_head  # noqa: E402
from reader.library.records import insert_file  # noqa: E402
from reader.library.scan import FileStat  # noqa: E402


def quality(workdir: Path) -> None:
    library = workdir / "library"
    reprints = workdir / "reprints"
    reprints.mkdir(parents=True)
    articles, gold = gold_set(reprints)
    library.mkdir()
    corpus_names = [name for name, _body, _day in articles if not name.startswith("reprint_")]
    for name in corpus_names:
        target = library / "corpus" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes((CORPUS / name).read_bytes())
    started = time.perf_counter()
    with LibraryIndex(library) as index:
        first = index.refresh(officials=False)
        for path in sorted(reprints.iterdir()):
            (library / path.name).write_bytes(path.read_bytes())
        second = index.refresh(officials=False)
        spent = time.perf_counter() - started
        story_of: dict[str, int] = {}
        with index._lock:
            rows = index._conn.execute(
                "SELECT files.path, stories.story FROM stories JOIN files ON files.id = stories.file_id"
            )
            for path, story in rows:
                story_of[str(path)] = story
    names = [name if name.startswith("reprint_") else f"corpus/{name}" for name, _b, _d in articles]
    members: dict[int, list[int]] = defaultdict(list)
    for number, name in enumerate(names):
        if name in story_of:
            members[story_of[name]].append(number)
    found = {pair for group in members.values() for pair in combinations(sorted(group), 2)}
    right = len(found & gold)
    precision = right / len(found) if found else 1.0
    recall = right / len(gold) if gold else 1.0
    print(f"gold: {len(articles)} articles, {len(gold)} pairs of one story")
    print(
        f"index (corpus, then the 200 reprints added): precision {precision:.4f} ({right}/{len(found)})  "
        f"recall {recall:.4f} ({right}/{len(gold)})"
    )
    print(
        f"  reposts phase: {first.reposts_seconds:.1f} s for {first.sketched} articles, then "
        f"{second.reposts_seconds:.2f} s for the {second.sketched} added; {spent:.0f} s with the text phases"
    )


def build(library: Path, count: int, corpus_articles: list[tuple[str, tuple[str, ...], object]]) -> Path:
    """An index of `count` synthetic articles written straight into it; returns its path."""
    bodies = synthetic(count, corpus_articles)  # type: ignore[arg-type]
    start = datetime(2025, 1, 1, 8, 0)
    with LibraryIndex(library) as index:
        conn = index._conn
        conn.execute("PRAGMA cache_size = -65536")
        for first in range(0, count, 2000):
            conn.execute("BEGIN")
            for number in range(first, min(first + 2000, count)):
                day = start + timedelta(days=number * 365 // count)
                article = Article(
                    library / f"{number:06d}.txt", f"稿件{number}", tuple(bodies[number]), "示例日报", day
                )
                insert_file(conn, f"{number:06d}.txt", FileStat(1000, 1, number), article)
            conn.execute("COMMIT")
        conn.execute("INSERT OR REPLACE INTO meta SELECT 'files', count(*) FROM files")
        return index.path


def timing(workdir: Path, count: int) -> None:
    (workdir / "gold").mkdir()
    articles, _gold = gold_set(workdir / "gold")
    library = workdir / "big"
    library.mkdir()
    started = time.perf_counter()
    path = build(library, count, articles)
    print(f"{count:,} articles written into the index in {time.perf_counter() - started:.0f} s")
    before = _head_ms(library)
    slowest = whole = 0.0
    queries = 0
    done = threading.Event()

    def list_while_grouping() -> None:
        """The UI meanwhile: the list's first screen (the head, what a new window of reader
        reads) every half second; the whole list once, as the app reads it before the phase."""
        nonlocal slowest, queries, whole
        with LibraryIndex(library, path=path) as ui:
            began = time.perf_counter()
            ui.entries()
            whole = time.perf_counter() - began
            while not done.wait(0.5):
                began = time.perf_counter()
                read_head(library)
                slowest = max(slowest, time.perf_counter() - began)
                queries += 1

    grouping = [0.0, 0.0]  # the grouping step's wall and CPU seconds (the rest is sketching)
    real_group = reposts.group_pending

    def timed_group(conn: sqlite3.Connection) -> int:
        wall, cpu = time.perf_counter(), time.thread_time()
        try:
            return real_group(conn)
        finally:
            grouping[:] = [time.perf_counter() - wall, time.thread_time() - cpu]

    reposts.group_pending = timed_group  # type: ignore[assignment]
    reader = threading.Thread(target=list_while_grouping)
    reader.start()
    cpu = time.thread_time()
    try:
        with LibraryIndex(library, path=path) as worker:
            summary = worker.refresh_reposts()
    finally:
        cpu = time.thread_time() - cpu
        done.set()
        reader.join()
        reposts.group_pending = real_group  # type: ignore[assignment]
    with LibraryIndex(library, path=path) as index:
        stories = index._count("SELECT count(DISTINCT story) FROM stories")
        copies = index._count("SELECT count(*) FROM stories")
        listed = len(index.entries())
    print(
        f"reposts phase, {count:,} articles: {summary.reposts_seconds:.1f} s, CPU {cpu:.1f} s "
        f"(grouping {grouping[0]:.1f} s, CPU {grouping[1]:.1f} s; the rest sketching); load now "
        f"{os.getloadavg()[0]:.1f}"
    )
    print(
        f"  "
        f"({summary.sketched:,} sketched; {stories:,} stories of {copies:,} copies; "
        f"the list shows {listed:,} rows)"
    )
    print(
        f"  meanwhile: the whole list read in {whole:.2f} s, the head {queries} times, "
        f"the slowest in {slowest:.3f} s"
    )
    after = _head_ms(library)
    print(f"  the first frame's rows (read_head, median of 21): {before:.1f} ms before, {after:.1f} ms after")
    with LibraryIndex(library, path=path) as index:
        conn = index._conn
        conn.execute("BEGIN")
        bodies = synthetic(100, articles)  # type: ignore[arg-type]
        for number in range(100):  # the synthetic bodies' first hundred again: copies arriving
            name = f"new{number:03d}.txt"
            article = Article(library / name, f"新稿{number}", tuple(bodies[number]), "示例日报", None)
            insert_file(conn, name, FileStat(1000, 1, count + number), article)
        conn.execute("COMMIT")
        began = time.perf_counter()
        again = index.refresh_reposts()
        print(
            f"  100 copies of articles there added: {time.perf_counter() - began:.2f} s "
            f"({again.sketched} sketched, {again.regrouped} rows regrouped)"
        )
        began = time.perf_counter()
        nothing = index.refresh_reposts()
        print(f"  nothing changed: {time.perf_counter() - began:.3f} s ({nothing.sketched} sketched)")


def _head_ms(library: Path) -> float:
    import statistics

    times = []
    for _ in range(21):
        began = time.perf_counter()
        read_head(library)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: no shared corpus at {CORPUS}")
        return 0
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as workdir:
        if not args.skip_quality:
            quality(Path(workdir) / "quality")
        if args.articles:
            timing(Path(workdir), args.articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
