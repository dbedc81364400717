"""Derive reader/officials/data/verbs.yaml from jieba's dictionary (a build step, not run by reader).

Where a Chinese name ends is decided by the word after it, and no hand list of "followers"
names every verb a reporter writes after a name (王某爬山越岭, 程某回顾, 拜登定于). jieba's
dictionary (MIT licence) tags 349,046 words with their part of speech and a corpus
frequency; its most frequent two-character verbs, adverbs, prepositions and conjunctions
are a list of words a name can end before. reader ships the derived list as data and
does not depend on jieba: run this only to rebuild the list.

    python -m venv /tmp/jv && /tmp/jv/bin/pip install jieba==0.42.1
    /tmp/jv/bin/python bench/derive_verbs.py --top 8000 > reader/officials/data/verbs.yaml
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

KINDS = ("v", "vd", "vn", "vg", "vi", "vq", "d", "dg", "ad", "p", "c")
"""jieba's tags for verbs, adverbs, prepositions and conjunctions."""


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--top", type=int, default=8000, help="how many words, most frequent first")
    args = parser.parse_args()
    import jieba  # type: ignore[import-not-found]  # only this build step needs it

    dictionary = Path(jieba.__file__).parent / "dict.txt"
    counts: dict[str, int] = {}
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, freq, kind = line.split()
        if len(word) == 2 and kind in KINDS:
            counts[word] = max(counts.get(word, 0), int(freq))
    top = sorted(counts, key=lambda w: (-counts[w], w))[: args.top]
    print("# Two-character verbs, adverbs, prepositions and conjunctions a name can end before")
    print(f"# (王某爬山越岭, 程某回顾): the {len(top)} most frequent in jieba {jieba.__version__}'s")
    print("# dictionary (MIT licence), tags " + " ".join(KINDS) + ".")
    print("# Made by bench/derive_verbs.py; edit by hand freely.")
    print("verbs: >-")
    for line in textwrap.wrap(" ".join(sorted(top)), width=100):
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
