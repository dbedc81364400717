"""Reposts: the same story printed by several outlets, found by the text they share.

A reprint keeps the story's body and changes the rest (a new headline, the outlet's own
发布时间/来源 lines, an editor) and sometimes a few characters. So two articles are one story
when the character 5-grams (shingles) of their bodies, spaces and punctuation left out,
overlap by at least THRESHOLD (Jaccard). Comparing every pair is out of reach for 100,000
articles, so each body is summed up by a bottom-k sketch: the K smallest CRC-32 values of
its shingles (the whole set for a short body). Sketches that share one of their few
smallest values are candidates (most near-duplicates do: the smallest value of the union
lies in both with probability equal to their Jaccard), and a candidate pair is kept when
the sketches estimate a Jaccard of at least THRESHOLD and the two dates (when both are
known) are within MAX_DAYS. Groups are the connected pairs.

CRC-32 rather than Python's hash(): sketches stay the same from run to run, so they can be
stored. No third-party package: bench/bench_dedupe.py measures this against datasketch's
MinHash LSH on the same gold (README, "Reposts").
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

SHINGLE = 5
K = 64
"""Sketch size: the Jaccard estimate's standard error is about 0.06 at K = 64."""
KEYS = 8
"""How many of a sketch's smallest values index it (candidates share at least one)."""
THRESHOLD = 0.65
"""Measured (bench/bench_dedupe.py): reprints with a few characters changed keep 0.73 and more;
different stories told in one formula share up to 0.66 (本台明天将直播…, a year apart: MAX_DAYS
parts them) or 0.62 (连续30天/31天无本土新增…, a day apart)."""
MAX_DAYS = 30
"""A reprint follows its story within days; the same formula a year later is another story."""
_NOISE = re.compile(r"[\s\u3000\u00a0\W_]+", re.UNICODE)
MIN_SHARED_KEYS = 3
"""Of their KEYS smallest values, candidates share at least this many (near-duplicates at the
threshold share about five on average), so most chance pairs are never compared."""
MAX_BUCKET = 64
"""A key shared by more sketches than this is boilerplate (a stock sentence) or a story printed
very often: only its first MAX_BUCKET sketches are candidates, their shared values counted
directly (a stock sentence shares one value, a story's copies most of them). Skipping such
a key left a story printed by more than 64 files in no group at all."""

Sketch = tuple[int, ...]


def normalise(text: str) -> str:
    """The text without spaces and punctuation, where reprints differ most and mean least."""
    return _NOISE.sub("", text)


def sketch(paragraphs: Iterable[str]) -> Sketch:
    """The bottom-k sketch of a body: the K smallest CRC-32 values of its shingles, ascending."""
    text = normalise("".join(paragraphs))
    if len(text) < SHINGLE:
        return (zlib.crc32(text.encode("utf-8")),) if text else ()
    data = text.encode("utf-32-le")
    width = 4 * SHINGLE
    # map() and sorted() rather than a set comprehension and heapq.nsmallest: the same values,
    # in about three quarters of the time (the sketching is most of the index's reposts phase).
    shingles = [data[start : start + width] for start in range(0, len(data) - width + 4, 4)]
    values = set(map(zlib.crc32, shingles))
    return tuple(sorted(values)[:K])


def similarity(a: Sketch, b: Sketch) -> float:
    """The Jaccard estimate of two sketches: of the K smallest values of their union, the share
    found in both (exact when both are whole sets)."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:K]
    both = set(a) & set(b)
    return sum(value in both for value in union) / len(union)


def _apart(a: date | int | None, b: date | int | None) -> bool:
    if a is None or b is None:
        return False
    days = (a - b).days if isinstance(a, date) and isinstance(b, date) else _ordinal(a) - _ordinal(b)
    return abs(days) > MAX_DAYS


def _ordinal(day: date | int) -> int:
    return day.toordinal() if isinstance(day, date) else day


def shared_keys(a: Sketch, b: Sketch) -> int:
    """How many of their KEYS smallest values two sketches share."""
    return len(set(a[:KEYS]) & set(b[:KEYS]))


def same_story(
    a: Sketch,
    b: Sketch,
    day_a: date | int | None,
    day_b: date | int | None,
    shared_keys: int,
    threshold: float = THRESHOLD,
) -> bool:
    """The pair rule, one place for the whole grouping and the index's incremental one
    (reader.library.reposts): `shared_keys` of their KEYS smallest values (boilerplate keys
    not counted), dates (day ordinals or dates) within MAX_DAYS, an estimated Jaccard of at
    least `threshold`."""
    if shared_keys < MIN_SHARED_KEYS and len(a) >= KEYS and len(b) >= KEYS:
        return False  # near-duplicates share most of their smallest values
    if _apart(day_a, day_b):
        return False
    return similarity(a, b) >= threshold


def group(
    sketches: Sequence[Sketch],
    dates: Sequence[date | None] | None = None,
    threshold: float = THRESHOLD,
) -> list[list[int]]:
    """Groups of two or more indexes of `sketches` that are one story, each sorted, in order of
    their first member; articles in no group are left out. Two articles whose `dates` are both
    known and more than MAX_DAYS apart are never paired directly."""
    buckets: dict[int, list[int]] = defaultdict(list)
    for index, values in enumerate(sketches):
        for value in values[:KEYS]:
            buckets[value].append(index)
    parent = list(range(len(sketches)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    keys_of = [values[:KEYS] for values in sketches]
    for first, keys in enumerate(keys_of):
        shared: dict[int, int] = defaultdict(int)
        crowded: set[int] = set()
        for value in keys:
            members = buckets[value]
            if len(members) > MAX_BUCKET:  # its first MAX_BUCKET only, counted directly below
                crowded.update(second for second in members[:MAX_BUCKET] if second != first)
                continue
            for second in members:
                if second > first:
                    shared[second] += 1
        for second in crowded:
            shared[second] = shared_keys(keys, keys_of[second])
        for second, count in shared.items():
            a, b = root(first), root(second)
            if a == b:
                continue
            day_a, day_b = (dates[first], dates[second]) if dates is not None else (None, None)
            if same_story(sketches[first], sketches[second], day_a, day_b, count, threshold):
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(sketches)):
        groups[root(index)].append(index)
    found = [members for members in groups.values() if len(members) > 1]
    return sorted(found, key=lambda members: members[0])
