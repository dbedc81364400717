"""Reposts: grouping precision and recall on the shared corpora plus 200 made-up reprints, and
the time to group 100,000 articles; reader's own sketches against datasketch's MinHash LSH.

    .venv/bin/python bench/bench_dedupe.py [--articles 100000] [--method own|datasketch|all] [-v]

Needs ../shared/corpus (skips without it); datasketch is optional (pip install datasketch).

Gold: every article of ../shared/corpus, plus 200 reprints of randomly chosen ones (seed 18),
each written as a web page's text would be (a new headline, `发布时间:… 来源:…` and
`责任编辑：…` lines, 1–3 characters of the body changed, dropped or added, and its commas
made half-width) and read back with reader's loader. A reprint and its source are
one story; so are corpus articles whose bodies are identical once spaces and punctuation
are left out. Precision and recall count pairs of articles put in one group.

Timing: 100,000 bodies made of corpus sentences drawn at random (8–20 each, seed 18), a
tenth of them reprints of others; the time covers sketching and grouping, on one thread.
The groups are scored against the reprints made (pairs printing one text), undated.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.dedupe import MAX_DAYS, SHINGLE, THRESHOLD, group, normalise, signature, similarity, sketch  # noqa: E402
from reader.loaders import ArticleError, load_article  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
SEED = 18
OUTLETS = ["示例日报", "某某网", "东山新闻网", "青禾融媒", "西江晚报", "北岭在线"]
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过"


def _edit(text: str, rng: random.Random) -> str:
    """1–3 characters changed, dropped or added, and commas made half-width: a reprint's slips."""
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        where, how = rng.randrange(len(chars)), rng.choice(("change", "drop", "add"))
        if how == "change":
            chars[where] = rng.choice(COMMON)
        elif how == "drop" and len(chars) > 1:
            del chars[where]
        else:
            chars.insert(where, rng.choice(COMMON))
    return "".join(chars).replace("，", ",")


def reprint(title: str, paragraphs: Sequence[str], day: date | None, rng: random.Random) -> str:
    """The text of a reprint: new header lines (dated 0–3 days after the source), the body with a
    few characters changed."""
    outlet = rng.choice(OUTLETS)
    head = rng.choice([f"转载：{title}", f"【{outlet}】{title}", title + "（图）", title])
    body = list(paragraphs)
    target = rng.randrange(len(body))
    body[target] = _edit(body[target], rng)
    when = (day or date(2026, 3, 1)) + timedelta(days=rng.randint(0, 3))
    lines = [head, f"发布时间:{when:%Y年%m月%d日} 10:3{rng.randint(0, 9)}  来源:{outlet}"]
    lines += [*body, f"责任编辑：{rng.choice(['王芳', '李强', '赵敏'])}"]
    return "\n".join(lines) + "\n"


# Reposts already in the corpora, found with the sketches at 0.7 and read side by side by hand:
# the same story, printed twice (identical bodies are found without a list). Not in it:
# xwlb_20210309_09 ~ xwlb_20220309_06 (one formula, two years' sessions: 四次/五次).
NATURAL_REPOSTS = (
    ("rmrb/rmrb_08_128.txt", "xwlb-bulk/xwlb_20151009_01.txt"),  # 习近平致金正恩贺电, 人民日报 and 新闻联播
    ("xwlb-sample/xwlb_20160219_01.txt", "xwlb-sample/xwlb_20160219_02.txt"),  # 新闻舆论工作座谈会, twice
)

Article = tuple[str, tuple[str, ...], date | None]


def gold_set(workdir: Path) -> tuple[list[Article], set[tuple[int, int]]]:
    """(name, body, date) of every corpus article and reprint, and the gold pairs of one story."""
    articles: list[Article] = []
    for path in sorted(CORPUS.rglob("*.txt")):
        try:
            article = load_article(path)
        except ArticleError:
            continue
        day = article.published.date() if article.published else None
        articles.append((str(path.relative_to(CORPUS)), article.paragraphs, day))
    rng = random.Random(SEED)
    sources = rng.sample(range(len(articles)), 200)
    gold: set[tuple[int, int]] = set()
    for number, source in enumerate(sources):
        name, paragraphs, day = articles[source]
        path = workdir / f"reprint_{number:03}.txt"
        title = load_article(CORPUS / name).title
        path.write_text(reprint(title, paragraphs, day, rng), encoding="utf-8")
        copy = load_article(path)
        articles.append((path.name, copy.paragraphs, copy.published.date() if copy.published else None))
        gold.add((source, len(articles) - 1))
    index_of = {name: index for index, (name, _, _) in enumerate(articles)}
    gold.update((index_of[a], index_of[b]) for a, b in NATURAL_REPOSTS if a in index_of and b in index_of)
    by_text: dict[str, list[int]] = defaultdict(list)
    for index, (_, paragraphs, _) in enumerate(articles):
        by_text[normalise("".join(paragraphs))].append(index)
    for members in by_text.values():
        gold.update(combinations(members, 2))
    return articles, _closed(gold, len(articles))


def _closed(pairs: set[tuple[int, int]], size: int) -> set[tuple[int, int]]:
    """Every pair within the groups that `pairs` connect (one story is one group)."""
    groups = _groups_from_pairs(pairs, size)
    return {pair for members in groups for pair in combinations(sorted(members), 2)}


def _groups_from_pairs(pairs: set[tuple[int, int]], size: int) -> list[list[int]]:
    parent = list(range(size))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for a, b in pairs:
        parent[root(a)] = root(b)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(size):
        members[root(index)].append(index)
    return [group for group in members.values() if len(group) > 1]


def own(bodies: Sequence[Sequence[str]], dates: Sequence[date | None], threshold: float) -> list[list[int]]:
    return group([signature(body) for body in bodies], dates, threshold)


def datasketch_groups(
    bodies: Sequence[Sequence[str]], dates: Sequence[date | None], threshold: float
) -> list[list[int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=64)
    hashes = []
    for index, body in enumerate(bodies):
        text = normalise("".join(body))
        shingles = {text[i : i + SHINGLE].encode("utf-8") for i in range(max(1, len(text) - SHINGLE + 1))}
        minhash = MinHash(num_perm=64)
        minhash.update_batch(shingles)
        hashes.append(minhash)
        lsh.insert(index, minhash)
    pairs: set[tuple[int, int]] = set()
    for index, minhash in enumerate(hashes):
        for other in lsh.query(minhash):
            a, b = dates[index], dates[other]
            if a is not None and b is not None and abs((a - b).days) > MAX_DAYS:
                continue
            if other != index and minhash.jaccard(hashes[other]) >= threshold:
                pairs.add((min(index, other), max(index, other)))
    return _groups_from_pairs(pairs, len(bodies))


METHODS: dict[str, Callable[..., list[list[int]]]] = {
    "own": own,
    "datasketch": datasketch_groups,
}


def synthetic(count: int, articles: list[Article], sources: dict[int, int] | None = None) -> list[list[str]]:
    """`count` bodies of corpus sentences drawn at random, a tenth of them reprints of others
    (which body each reprints is put in `sources`)."""
    rng = random.Random(SEED)
    sentences = [s + "。" for _, body, _ in articles for p in body for s in p.split("。") if len(s) > 8]
    bodies: list[list[str]] = []
    for _ in range(count):
        if bodies and rng.random() < 0.1:
            copied = rng.choice(range(len(bodies)))  # the draw rng.choice(bodies) makes
            body = list(bodies[copied])
            body[0] = _edit(body[0], rng)
            if sources is not None:
                sources[len(bodies)] = copied
        else:
            paragraphs = rng.randint(3, 6)
            body = ["".join(rng.choices(sentences, k=rng.randint(2, 4))) for _ in range(paragraphs)]
        bodies.append(body)
    return bodies


def _lineages(sources: dict[int, int], size: int) -> set[tuple[int, int]]:
    """The pairs of synthetic bodies that print one text: a body, its reprints, theirs..."""
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(size):
        origin = index
        while origin in sources:
            origin = sources[origin]
        members[origin].append(index)
    return {pair for group in members.values() for pair in combinations(group, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--method", default="all", choices=[*METHODS, "all"])
    parser.add_argument("-v", "--verbose", action="store_true", help="show the pairs grouped wrongly")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[THRESHOLD])
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"skipped: no shared corpus at {CORPUS}")
        return 0
    with tempfile.TemporaryDirectory() as workdir:
        articles, gold = gold_set(Path(workdir))
    bodies = [body for _, body, _ in articles]
    dates = [day for _, _, day in articles]
    print(f"gold: {len(articles)} articles, {len(gold)} pairs of one story")
    methods = list(METHODS) if args.method == "all" else [args.method]
    for name in methods:
        for threshold in args.thresholds:
            try:
                started = time.perf_counter()
                groups = METHODS[name](bodies, dates, threshold)
                spent = time.perf_counter() - started
            except ImportError as error:
                print(f"{name:11} not installed ({error.name})")
                break
            found = {pair for members in groups for pair in combinations(sorted(members), 2)}
            right = len(found & gold)
            precision = right / len(found) if found else 1.0
            recall = right / len(gold) if gold else 1.0
            print(
                f"{name:11} threshold {threshold:.2f}  precision {precision:.4f} ({right}/{len(found)})  "
                f"recall {recall:.4f} ({right}/{len(gold)})  {spent:.1f} s for {len(bodies)} articles"
            )
            if args.verbose:
                for a, b in [*sorted(found - gold)[:10], (-1, -1), *sorted(gold - found)[:10]]:
                    if a < 0:
                        continue
                    kind = "extra " if (a, b) in found else "missed"
                    j = similarity(sketch(bodies[a]), sketch(bodies[b]))
                    print(f"  {kind} {articles[a][0]} ~ {articles[b][0]}  J≈{j:.2f}")
    if args.articles:
        sources: dict[int, int] = {}
        many = synthetic(args.articles, articles, sources)
        truth = _lineages(sources, len(many))
        for name in methods:
            try:
                started = time.perf_counter()
                groups = METHODS[name](many, [None] * len(many), THRESHOLD)
                spent = time.perf_counter() - started
            except ImportError:
                continue
            found = {pair for members in groups for pair in combinations(sorted(members), 2)}
            right = len(found & truth)
            print(
                f"{name:11} {len(many):,} articles grouped in {spent:.1f} s ({len(groups):,} groups); "
                f"against the reprints made: precision {right / max(1, len(found)):.4f}, "
                f"recall {right / max(1, len(truth)):.4f} ({right}/{len(truth)} pairs)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
