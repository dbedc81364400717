"""Draw a fresh, blind national gold batch (as batches m, n, o were drawn).

used = every `file:` of tests/gold/*.yaml and ../shared/gold/*.yaml; rng = random.Random(seed)
(one rng for the three corpora); for c in xwlb-sample, xwlb-bulk, rmrb: pool = sorted(c/NAME for
*.txt in ../shared/corpus/c with 300 <= size <= 12000 bytes, not in used); order =
rng.sample(pool, len(pool)). The annotator walks each order and keeps the first N articles that
name at least one person with a post (judged by reading); the ones passed over are given with
--skip, and the script prints the batch in its order.

    python tests/gold/draw_national.py --seed 20261203 [--per 10] [--skip FILE ...] [--candidates 20]
        [--ignore national-p-tune.yaml national-p-untouched.yaml]

--ignore leaves gold files written after the draw (the batch's own halves) out of `used`, so the
draw reads as it did.

Needs nothing but the standard library and PyYAML; reader is never run.
"""

from __future__ import annotations

import argparse
import os
import random
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
CORPORA = ("xwlb-sample", "xwlb-bulk", "rmrb")


def used_files(ignore: frozenset[str] = frozenset()) -> set[str]:
    used: set[str] = set()
    for folder in (REPO / "tests" / "gold", SHARED / "gold"):
        for path in sorted(folder.glob("*.yaml")):
            if path.name in ignore:
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            if isinstance(data, list):
                used |= {item["file"] for item in data if isinstance(item, dict) and "file" in item}
    return used


def orders(seed: int, corpus: Path, ignore: frozenset[str] = frozenset()) -> dict[str, list[str]]:
    used = used_files(ignore)
    rng = random.Random(seed)
    out: dict[str, list[str]] = {}
    for name in CORPORA:
        pool = sorted(
            f"{name}/{p.name}"
            for p in (corpus / name).glob("*.txt")
            if 300 <= os.path.getsize(p) <= 12000 and f"{name}/{p.name}" not in used
        )
        out[name] = rng.sample(pool, len(pool))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--per", type=int, default=10, help="articles kept from each corpus")
    parser.add_argument("--skip", nargs="*", default=[], help="articles read and passed over")
    parser.add_argument("--candidates", type=int, default=0, help="print each order's head instead")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument(
        "--ignore", nargs="*", default=[], help="gold files (names) written since, left out of `used`"
    )
    args = parser.parse_args()
    skip = set(args.skip)
    for name, order in orders(args.seed, args.corpus, frozenset(args.ignore)).items():
        if args.candidates:
            print(f"# {name}: {len(order)} in the pool")
            for f in order[: args.candidates]:
                print(("skip " if f in skip else "") + f)
            continue
        kept = [f for f in order if f not in skip]
        last = order.index(kept[args.per - 1])
        passed = [f for f in order[: last + 1] if f in skip]
        print(f"# {name}: {len(passed)} skipped: {' '.join(passed)}")
        for f in kept[: args.per]:
            print(f)


if __name__ == "__main__":
    main()
