"""Grouping quality: pairwise precision and recall of "same person" against tests/gold/people.yaml.

    .venv/bin/python bench/bench_grouping.py          # indexes ../shared/corpus in a temporary cache
    .venv/bin/python bench/bench_grouping.py -v       # and prints every name scored wrong

Builds (or reuses, with READER_CACHE_DIR set) the library and person index of the shared
corpus, then for every gold name compares each pair of articles naming it: the same
person in the gold and in reader's persons (a true pair), in reader's only (a false one),
in the gold's only (a missed one). Targets (issue 15): both >= 0.95.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
GOLD = REPO / "tests" / "gold" / "people.yaml"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print("skipped: ../shared/corpus is not here")
        return 0
    os.environ.setdefault("READER_CACHE_DIR", tempfile.mkdtemp(prefix="reader-grouping-"))
    os.environ.setdefault("READER_STATE_DIR", tempfile.mkdtemp(prefix="reader-grouping-state-"))
    from reader.library import LibraryIndex
    from reader.people.library import open_people, refresh

    with LibraryIndex(CORPUS) as index:
        index.refresh()
    people = open_people(CORPUS)
    refresh(people)
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["names"]
    tp = fp = fn = 0
    macro: list[tuple[float, float]] = []
    for bucket, persons in gold.items():
        rows = people.conn.execute(
            "SELECT m.path, l.person_id FROM people_mentions m JOIN people_links l "
            "ON l.file_id = m.file_id AND l.name = m.name WHERE m.bucket = ? ORDER BY m.path",
            (bucket,),
        ).fetchall()
        predicted = dict(rows)
        if not predicted:
            print(f"  {bucket}: not in the person index")
            continue
        named = {path: n for n, person in enumerate(persons) for path in person if path != "rest"}
        rest = next((n for n, person in enumerate(persons) if "rest" in person), None)
        truth = {path: named.get(path, rest) for path in predicted}
        errors = n_tp = n_fp = n_fn = 0
        for a, b in itertools.combinations(sorted(predicted), 2):
            same_gold = truth[a] == truth[b] and truth[a] is not None
            same_ours = predicted[a] == predicted[b]
            tp += same_gold and same_ours
            fp += same_ours and not same_gold
            fn += same_gold and not same_ours
            errors += same_gold != same_ours
            n_tp += same_gold and same_ours
            n_fp += same_ours and not same_gold
            n_fn += same_gold and not same_ours
        macro.append(
            (n_tp / (n_tp + n_fp) if n_tp + n_fp else 1.0, n_tp / (n_tp + n_fn) if n_tp + n_fn else 1.0)
        )
        if args.verbose and errors:
            print(
                f"  {bucket}: {errors} pairs wrong of {len(predicted)} articles,"
                f" {len(set(predicted.values()))} persons"
            )
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(
        f"{len(gold)} names, {tp + fn} same-person pairs in the gold: "
        f"pairwise precision {precision:.3f}, recall {recall:.3f} (both >= 0.95)"
    )
    print(
        f"averaged over names (each name weighs the same): precision "
        f"{sum(p for p, _ in macro) / len(macro):.3f}, recall {sum(r for _, r in macro) / len(macro):.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
