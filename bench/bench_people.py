"""Person index speed: build from a warm library index, a one-article change, the CLI, the list.

    .venv/bin/python bench/bench_people.py                  # ../shared/corpus (2,556 articles)
    .venv/bin/python bench/bench_people.py --files 100000   # bench_library.py's copied library
    .venv/bin/python bench/bench_people.py --files 100000 --keep DIR   # keep library and index in DIR

The corpus is copied first (the bench changes one article). The library index (text
and officials) is built first and not timed: the person index is built from it. Then:
the person index from nothing (every record and every grouping), a refresh after one
article changed, `reader people --name 王毅` as a subprocess (median of 5, the index
warm; with and without `--no-refresh`, which skips the scan of the folder), the
regrouping after a merge, a split and an undo of each (choices in the bench's own state
folder), and the
People list: loading every person, and filtering it as one types `l`, `li`, `li q`,
`li qiang` and `市长`. Targets (issue 15): 2,556 articles < 10 s;
100,000 < 5 minutes; `reader people --name 王毅` < 200 ms; < 50 ms a key on 100,000.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--files", type=int, help="a copied library of this many files (bench_library.py's)")
    parser.add_argument(
        "--keep", type=Path, help="folder for the copied library; its index goes in DIR.cache"
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print("skipped: ../shared/corpus is not here")
        return 0
    work = Path(tempfile.mkdtemp(prefix="reader-people-bench-"))
    cache = args.keep.with_name(args.keep.name + ".cache") if args.keep else work / "cache"
    os.environ["READER_CACHE_DIR"] = str(cache)
    os.environ["READER_STATE_DIR"] = str(work / "state")
    sys.path.insert(0, str(REPO / "bench"))
    from reader.library import LibraryIndex
    from reader.people import store
    from reader.people.library import open_people, refresh

    try:
        if args.files:
            from bench_library import copy_library

            library = args.keep or work / "library"
            copy_library(library, args.files)
        else:  # a copy: the change timed below must never touch the shared corpus
            library = args.keep or work / "corpus"
            if not library.is_dir():
                shutil.copytree(CORPUS, library)
        started = time.perf_counter()
        with LibraryIndex(library) as index:
            index.refresh()
            count = index.count()
        print(
            f"library: {count} articles in {library}"
            f" (library index ready in {time.perf_counter() - started:.1f} s)"
        )
        people = open_people(library)
        with people.conn:
            for statement in store.DROP:
                people.conn.execute(statement)
            people.conn.execute("DELETE FROM meta WHERE key LIKE 'people_%'")
        cpu = time.process_time()
        summary = refresh(people)
        cpu = time.process_time() - cpu
        phases = ", ".join(f"{k} {v:.1f} s" for k, v in summary.phases.items())
        print(
            f"person index from a warm library index: {summary.seconds:6.2f} s (CPU {cpu:.1f} s; {phases}); "
            f"{summary.persons} persons"
        )
        some = sorted(library.rglob("*.txt"))[len(list(library.rglob("*.txt"))) // 2]
        os.utime(some, ns=(10**18, 10**18))
        with LibraryIndex(library) as index:
            index.refresh()
        summary = refresh(people)
        print(
            f"after one article changed:   {summary.seconds * 1000:7.0f} ms"
            f" ({summary.read} record read again)"
        )
        _choices(people)
        reader = str(REPO / ".venv" / "bin" / "reader")
        for extra in ([], ["--no-refresh"]):
            runs, cpus = [], []
            for _ in range(5):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                command = [reader, "people", "--library", str(library), "--name", "王毅", *extra]
                subprocess.run(command, check=True, capture_output=True, env=dict(os.environ))
                runs.append(time.perf_counter() - start)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            label = " ".join(["reader people --name 王毅", *extra]) + ":"
            print(
                f"{label:<41}{statistics.median(runs) * 1000:7.0f} ms (median of 5; < 200 ms;"
                f" CPU {statistics.median(cpus) * 1000:.0f} ms; load average {os.getloadavg()[0]:.1f})"
            )
        start = time.perf_counter()
        everyone = people.people()
        rows = everyone.sorted("articles")
        print(
            f"People list loaded, sorted:  {(time.perf_counter() - start) * 1000:7.0f} ms"
            f" ({len(rows)} persons)"
        )
        for query in ("l", "li", "li q", "li qiang", "市长"):
            start = time.perf_counter()
            hits = everyone.filter(query, rows)
            print(
                f"  filter {query!r:<12} {(time.perf_counter() - start) * 1000:7.1f} ms  {len(hits)} persons"
            )
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


def _choices(people) -> None:  # type: ignore[no-untyped-def]
    """The regrouping after a user's choice (the TUI runs it in the background): a merge of
    the two persons with most articles (the biggest units there are), a split of half the
    articles of the biggest, then undoing both. Each is the choice kept, then `refresh`."""
    from reader.people.choosing import merge_persons, split_person
    from reader.people.library import refresh
    from reader.people.overrides import undo_last

    rows = people.people().sorted("articles")
    if len(rows) < 2:
        return
    first, second = rows[0], rows[1]
    paths = sorted({m.path for m in people.mentions(first.id)})
    steps = [
        (
            f"merge {first.name} ({first.articles}) + {second.name} ({second.articles})",
            lambda: merge_persons(people, [first.id, second.id]),
        ),
        ("undo it", lambda: undo_last(people.library)),
        (
            f"split {len(paths) // 2} of {first.name}'s {len(paths)} articles off",
            lambda: split_person(people, first.id, set(paths[: len(paths) // 2])),
        ),
        ("undo it", lambda: undo_last(people.library)),
    ]
    for label, make in steps:
        start = time.perf_counter()
        make()
        summary = refresh(people)
        took = (time.perf_counter() - start) * 1000
        print(f"  {label}: {took:7.0f} ms ({summary.units} units regrouped, {summary.persons} persons)")


if __name__ == "__main__":
    sys.exit(main())
