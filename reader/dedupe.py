"""Reposts: the same story printed by several outlets, found by the text they share.

A reprint keeps the story's body and changes the rest (a new headline, the outlet's own
发布时间/来源 lines, an editor) and sometimes a few characters. So two articles are one story
when the character 5-grams (shingles) of their bodies, spaces and punctuation left out,
overlap by at least THRESHOLD (Jaccard), and the two dates (when both are known) are within
MAX_DAYS. The Jaccard is estimated from a bottom-k sketch: the K smallest CRC-32 values of
the shingles (the whole set for a short body).

Comparing every pair is out of reach for 100,000 articles, so candidates come from
locality-sensitive hashing over the same values, one hash per shingle (one-permutation
min-hash): the hash space is cut into BANDS × ROWS bins, each bin keeps its smallest value,
and a band is ROWS neighbouring bins' values hashed into one key. Two bodies are candidates
when one of their keys is equal: a pair of Jaccard J shares a bin's value with probability
about J, a band with J^ROWS, so one of BANDS bands with 1 − (1 − J^ROWS)^BANDS. Candidates
that reprints are (J ≥ 0.65) are found at least 99.4 % of the time, while two bodies that
share one stock sentence (J ≈ 0.04) are compared once in a thousand: the candidates are
nearly all copies, whatever the boilerplate. Groups are the connected pairs.

CRC-32 rather than Python's hash(): sketches and keys stay the same from run to run, so they
can be stored. No third-party package: bench/bench_dedupe.py measures this against
datasketch's MinHash LSH on the same gold (README, "Reposts").
"""

from __future__ import annotations

import re
import struct
import zlib
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from itertools import pairwise, repeat
from typing import NamedTuple

SHINGLE = 5
K = 64
"""Sketch size: the Jaccard estimate's standard error is about 0.06 at K = 64."""
ROWS = 3
BANDS = 16
"""A pair's odds of sharing a key (module docstring): 0.980 at J = 0.60, 0.994 at 0.65,
0.9998 at 0.75; two bodies sharing one sentence (J ≈ 0.04) about one in a thousand. Quality
measured with bench/bench_dedupe.py (README, "Reposts")."""
THRESHOLD = 0.65
"""Measured (bench/bench_dedupe.py): reprints with a few characters changed keep 0.73 and more;
different stories told in one formula share up to 0.66 (本台明天将直播…, a year apart: MAX_DAYS
parts them) or 0.62 (连续30天/31天无本土新增…, a day apart)."""
MAX_DAYS = 30
"""A reprint follows its story within days; the same formula a year later is another story."""
_NOISE = re.compile(r"[\s\u3000\u00a0\W_]+", re.UNICODE)
MAX_BUCKET = 64
"""A key shared by more bodies than this (a stock text that is most of a short body, or a
story printed very often): only its first MAX_BUCKET bodies are candidates with the others.
A story's copies share most keys, so a story printed by more files is still one group."""
_BINS = ROWS * BANDS
_EDGES = [-(-(bin_ << 32) // _BINS) for bin_ in range(_BINS + 1)]
"""Where each bin of the 32-bit hash space starts (the last edge is 2**32)."""
_EMPTY = -1
"""A bin no shingle falls in (a short body): stored as such, so short bodies alike still match."""
_EMPTY_BAND = struct.pack(f"<{ROWS}q", *[_EMPTY] * ROWS)
"""A band of empty bins makes no key (every short body would share it)."""
_BAND_SLICES = [slice(band * 8 * ROWS, (band + 1) * 8 * ROWS) for band in range(BANDS)]

Sketch = tuple[int, ...]


class Signature(NamedTuple):
    """What the grouping keeps of a body: its sketch (the similarity) and its band keys (the
    candidates)."""

    sketch: Sketch
    keys: tuple[int, ...]


def normalise(text: str) -> str:
    """The text without spaces and punctuation, where reprints differ most and mean least."""
    return _NOISE.sub("", text)


def _values(paragraphs: Iterable[str]) -> list[int]:
    """The CRC-32 values of a body's shingles, each once, ascending."""
    text = normalise("".join(paragraphs))
    if len(text) < SHINGLE:
        return [zlib.crc32(text.encode("utf-8"))] if text else []
    data = text.encode("utf-32-le")
    width = 4 * SHINGLE
    # map() and sorted() rather than a set comprehension and heapq.nsmallest: the same values,
    # in about three quarters of the time (the sketching is most of the index's reposts phase).
    shingles = [data[start : start + width] for start in range(0, len(data) - width + 4, 4)]
    return sorted(set(map(zlib.crc32, shingles)))


def sketch(paragraphs: Iterable[str]) -> Sketch:
    """The bottom-k sketch of a body: the K smallest CRC-32 values of its shingles, ascending."""
    return tuple(_values(paragraphs)[:K])


def signature(paragraphs: Iterable[str]) -> Signature:
    """A body's sketch and band keys, from one hashing of its shingles."""
    values = _values(paragraphs)
    return Signature(tuple(values[:K]), band_keys(values))


def band_keys(values: Sequence[int]) -> tuple[int, ...]:
    """The keys of the bands that hold a value (module docstring), from ascending `values`:
    each bin's smallest value found by bisection, ROWS of them packed and hashed per band
    (the band's number is the CRC's start, so equal bins in two bands make two keys)."""
    starts = list(map(bisect_left, repeat(values), _EDGES))
    mins = [values[start] if start < end else _EMPTY for start, end in pairwise(starts)]
    packed = struct.pack(f"<{_BINS}q", *mins)
    return tuple(
        zlib.crc32(part, band)
        for band, part in enumerate(map(packed.__getitem__, _BAND_SLICES))
        if part != _EMPTY_BAND
    )


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


def same_story(
    a: Sketch,
    b: Sketch,
    day_a: date | int | None,
    day_b: date | int | None,
    threshold: float = THRESHOLD,
) -> bool:
    """The pair rule for two candidates, one place for the whole grouping and the index's
    incremental one (reader.library.reposts): dates (day ordinals or dates) within MAX_DAYS,
    an estimated Jaccard of at least `threshold`."""
    return not _apart(day_a, day_b) and similarity(a, b) >= threshold


def group(
    signatures: Sequence[Signature],
    dates: Sequence[date | None] | None = None,
    threshold: float = THRESHOLD,
) -> list[list[int]]:
    """Groups of two or more indexes of `signatures` that are one story, each sorted, in order
    of their first member; articles in no group are left out. Two articles whose `dates` are
    both known and more than MAX_DAYS apart are never paired directly."""
    buckets: dict[int, list[int]] = defaultdict(list)
    for index, (_sketch, keys) in enumerate(signatures):
        for key in keys:
            buckets[key].append(index)
    parent = list(range(len(signatures)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for first, (values, keys) in enumerate(signatures):
        candidates: set[int] = set()
        for key in keys:
            members = buckets[key]
            if len(members) > MAX_BUCKET:  # its first MAX_BUCKET only, whoever asks
                candidates.update(second for second in members[:MAX_BUCKET] if second != first)
            else:
                candidates.update(second for second in members if second > first)
        for second in sorted(candidates):
            a, b = root(first), root(second)
            if a == b:
                continue
            day_a, day_b = (dates[first], dates[second]) if dates is not None else (None, None)
            if same_story(values, signatures[second].sketch, day_a, day_b, threshold):
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(signatures)):
        groups[root(index)].append(index)
    found = [members for members in groups.values() if len(members) > 1]
    return sorted(found, key=lambda members: members[0])
