"""Every officials rule, and what the gold scores lose without it (the ablation table).

For each rule of `reader.officials.rules.RULES` the extractor runs with that rule
off over every gold set, and the change is printed against the run with every rule on,
summed over the sets: officials found, officials wrongly reported, titles printed exactly
right and former flags right, with the sets where anything changed. A rule whose removal costs nothing on
the sets kept apart (`--untouched`) does not earn its place.

    .venv/bin/python bench/bench_rule_ablation.py             # the sets used for tuning
    .venv/bin/python bench/bench_rule_ablation.py --untouched # the sets kept apart
    .venv/bin/python bench/bench_rule_ablation.py --scores    # only the scores, every rule on
    .venv/bin/python bench/bench_rule_ablation.py --corpus    # each rule's effect on the corpus articles

A gold set is a few hundred officials; a rule for a rarer case may change none of them and
still be right where it acts. `--corpus` prints, for each rule, how many articles of
../shared/corpus read differently without it, with examples of what it adds and removes,
so such a rule is judged on what it does to real text.

Scoring is the shared tool's (../shared/tools/eval_officials.py: names exact, titles
matched as it matches them), with the extractor called in-process and the headline read
as `reader officials` reads it. Needs ../shared for the corpora and the scorer.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import yaml

from reader.loaders import load_article
from reader.officials import load_lexicon
from reader.officials.extract import extract_officials
from reader.officials.rules import RULES, RuleSet

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = REPO / "tests" / "gold"
TUNING = {
    "dev": (SHARED / "gold" / "dev.yaml", SHARED / "corpus"),
    "local-dev": (SHARED / "gold" / "local-dev.yaml", SHARED / "corpus"),
    "heldout": (GOLD / "heldout.yaml", SHARED / "corpus"),
    "national-tune": (GOLD / "national-tune.yaml", SHARED / "corpus"),
    "local-tune": (GOLD / "local-tune.yaml", GOLD / "corpus"),
    "national-b-tune": (GOLD / "national-b-tune.yaml", SHARED / "corpus"),
    "local-b-tune": (GOLD / "local-b-tune.yaml", GOLD / "corpus"),
    "national-d-tune": (GOLD / "national-d-tune.yaml", SHARED / "corpus"),
    "local-c-tune": (GOLD / "local-c-tune.yaml", GOLD / "corpus"),
    "national-f-tune": (GOLD / "national-f-tune.yaml", SHARED / "corpus"),
    "local-e-tune": (GOLD / "local-e-tune.yaml", GOLD / "corpus"),
    "national-g-tune": (GOLD / "national-g-tune.yaml", SHARED / "corpus"),
    "local-g-tune": (GOLD / "local-g-tune.yaml", GOLD / "corpus"),
    "national-i-tune": (GOLD / "national-i-tune.yaml", SHARED / "corpus"),
    "local-i-tune": (GOLD / "local-i-tune.yaml", GOLD / "corpus"),
    "local-m-tune": (GOLD / "local-m-tune.yaml", GOLD / "corpus"),
    "national-m-tune": (GOLD / "national-m-tune.yaml", SHARED / "corpus"),
    "local-n-tune": (GOLD / "local-n-tune.yaml", GOLD / "corpus"),
    "national-n-tune": (GOLD / "national-n-tune.yaml", SHARED / "corpus"),
    "local-i-seen": (GOLD / "local-i-seen.yaml", GOLD / "corpus"),
    "local-g-seen": (GOLD / "local-g-seen.yaml", GOLD / "corpus"),
    "national-o-tune": (GOLD / "national-o-tune.yaml", SHARED / "corpus"),
    "local-o-tune": (GOLD / "local-o-tune.yaml", GOLD / "corpus"),
    "local-p-tune": (GOLD / "local-p-tune.yaml", GOLD / "corpus"),
    "local-q-tune": (GOLD / "local-q-tune.yaml", GOLD / "corpus"),
    "local-r-tune": (GOLD / "local-r-tune.yaml", GOLD / "corpus"),
    "local-s-tune": (GOLD / "local-s-tune.yaml", GOLD / "corpus"),
    "national-p-tune": (GOLD / "national-p-tune.yaml", SHARED / "corpus"),
}
UNTOUCHED = {
    "national-untouched": (GOLD / "national-untouched.yaml", SHARED / "corpus"),
    "local-untouched": (GOLD / "local-untouched.yaml", GOLD / "corpus"),
    "national-b-untouched": (GOLD / "national-b-untouched.yaml", SHARED / "corpus"),
    "local-b-untouched": (GOLD / "local-b-untouched.yaml", GOLD / "corpus"),
    "national-d-untouched": (GOLD / "national-d-untouched.yaml", SHARED / "corpus"),
    "local-c-untouched": (GOLD / "local-c-untouched.yaml", GOLD / "corpus"),
    "national-f-untouched": (GOLD / "national-f-untouched.yaml", SHARED / "corpus"),
    "local-e-untouched": (GOLD / "local-e-untouched.yaml", GOLD / "corpus"),
    "national-g-untouched": (GOLD / "national-g-untouched.yaml", SHARED / "corpus"),
    "national-i-untouched": (GOLD / "national-i-untouched.yaml", SHARED / "corpus"),
    "national-k-untouched": (GOLD / "national-k-untouched.yaml", SHARED / "corpus"),
    "local-k-untouched": (GOLD / "local-k-untouched.yaml", GOLD / "corpus"),
    "local-m-untouched": (GOLD / "local-m-untouched.yaml", GOLD / "corpus"),
    "national-m-untouched": (GOLD / "national-m-untouched.yaml", SHARED / "corpus"),
    "local-n-untouched": (GOLD / "local-n-untouched.yaml", GOLD / "corpus"),
    "national-n-untouched": (GOLD / "national-n-untouched.yaml", SHARED / "corpus"),
    "national-o-untouched": (GOLD / "national-o-untouched.yaml", SHARED / "corpus"),
    "local-o-untouched": (GOLD / "local-o-untouched.yaml", GOLD / "corpus"),
    "local-p-untouched": (GOLD / "local-p-untouched.yaml", GOLD / "corpus"),
    "local-q-untouched": (GOLD / "local-q-untouched.yaml", GOLD / "corpus"),
    "local-r-untouched": (GOLD / "local-r-untouched.yaml", GOLD / "corpus"),
    "local-s-untouched": (GOLD / "local-s-untouched.yaml", GOLD / "corpus"),
    "national-p-untouched": (GOLD / "national-p-untouched.yaml", SHARED / "corpus"),
}


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    exact_f1: float
    former: str
    found: int
    """Officials found that the gold names (with a post)."""
    wrong: int
    """Officials reported that the gold does not name."""
    exact: int
    """Titles printed exactly as the gold has them, over the officials found."""
    former_right: int
    gold: int
    """Officials the gold names with a post."""
    titles_printed: int = 0
    """Titles reader gives the officials found."""
    titles_gold: int = 0
    """Titles the gold gives them."""


def scorer() -> ModuleType:
    path = SHARED / "tools" / "eval_officials.py"
    if not path.is_file():
        sys.exit(f"{path} is not here: this bench needs ../shared")
    spec = importlib.util.spec_from_file_location("eval_officials", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(tool: ModuleType, gold_path: Path, root: Path, rules: RuleSet) -> Score:
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    tp = n_pred = n_gold = exact = t_pred = t_gold = former = 0
    for item in gold:
        article = load_article(root / item["file"])
        title = article.title if article.title_printed else None
        report = extract_officials(article.paragraphs, names=None, rules=rules, title=title)
        wanted = {o["name"]: list(o.get("titles") or []) for o in item.get("officials") or []}
        was_former = {o["name"]: bool(o.get("former")) for o in item.get("officials") or []}
        optional = {name for name, titles in wanted.items() if not titles}
        wanted = {name: titles for name, titles in wanted.items() if titles}
        found: dict[str, list[str]] = {}
        found_former: dict[str, bool] = {}
        for official in report.officials:
            if official.name not in optional:
                found.setdefault(official.name, []).extend(official.titles)
                found_former[official.name] = official.former
        right = set(found) & set(wanted)
        tp, n_pred, n_gold = tp + len(right), n_pred + len(found), n_gold + len(wanted)
        for name in right:
            exact += len(set(found[name]) & set(wanted[name]))
            t_pred, t_gold = t_pred + len(found[name]), t_gold + len(wanted[name])
            former += found_former[name] == was_former[name]
    p, r, _ = tool.prf(tp, n_pred, n_gold)
    _, _, ef = tool.prf(exact, t_pred, t_gold)
    return Score(p, r, ef, f"{former}/{tp}", tp, n_pred - tp, exact, former, n_gold, t_pred, t_gold)


def corpus_effects(examples: int) -> None:
    """For each rule, the corpus articles whose officials change without it (a few shown)."""
    files = sorted(p for p in (SHARED / "corpus").rglob("*.txt") if p.name != "manifest.txt")
    articles = []
    for path in files:
        article = load_article(path)
        articles.append((path, article.paragraphs, article.title if article.title_printed else None))

    def reading(
        paragraphs: tuple[str, ...], title: str | None, rules: RuleSet
    ) -> set[tuple[str, tuple[str, ...]]]:
        report = extract_officials(paragraphs, names=None, rules=rules, title=title)
        return {(o.name, tuple(o.titles)) for o in report.officials}

    base = [reading(paragraphs, title, RuleSet()) for _, paragraphs, title in articles]
    print(f"{len(articles)} corpus articles; for each rule, those that read differently without it")
    for rule in RULES:
        changed = []
        for (path, paragraphs, title), with_rule in zip(articles, base, strict=True):
            without = reading(paragraphs, title, RuleSet.without(rule.name))
            if without != with_rule:
                changed.append((path.name, sorted(with_rule - without), sorted(without - with_rule)))
        print(f"{rule.name:26s}{len(changed):6d}")
        for name, kept, lost in changed[:examples]:
            print(f"    {name}: with it {_shown(kept)}; without it {_shown(lost)}")


def _shown(officials: list[tuple[str, tuple[str, ...]]]) -> str:
    return ", ".join(f"{n}:{'/'.join(t)}" for n, t in officials[:2]) or "-"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--untouched", action="store_true", help="score the sets kept apart")
    parser.add_argument("--scores", action="store_true", help="only the scores with every rule on")
    parser.add_argument("--corpus", action="store_true", help="each rule's effect on the shared corpus")
    args = parser.parse_args()
    tool = scorer()
    load_lexicon.cache_clear()
    if args.corpus:
        corpus_effects(examples=3)
        return 0
    sets = {
        name: paths for name, paths in (UNTOUCHED if args.untouched else TUNING).items() if paths[0].is_file()
    }
    base = {name: score(tool, gold, root, RuleSet()) for name, (gold, root) in sets.items()}
    for name, s in base.items():
        print(
            f"{name:20s} officials P={s.precision:.3f} R={s.recall:.3f}"
            f" exact-titles F1={s.exact_f1:.3f} former right {s.former}"
        )
    for kind in ("national", "local"):
        group = [s for name, s in base.items() if name.startswith("local") == (kind == "local")]
        found, wrong, gold, exact, printed, wanted, former = (
            sum(getattr(s, k) for s in group)
            for k in ("found", "wrong", "gold", "exact", "titles_printed", "titles_gold", "former_right")
        )
        if group and found:
            _, _, exact_f1 = tool.prf(exact, printed, wanted)
            print(
                f"{kind + ', pooled':20s} officials P={found / (found + wrong):.3f} R={found / gold:.3f}"
                f" exact-titles F1={exact_f1:.3f} former right {former}/{found}"
                f" ({len(group)} sets, {gold} officials)"
            )
    if args.scores:
        return 0
    print()
    print("Without each rule, summed over the sets above: officials found (right), officials wrongly")
    print("reported, titles printed exactly right, former flags right; then the sets that change.")
    print(f"{'without rule':26s}{'found':>7s}{'wrong':>7s}{'exact':>7s}{'former':>7s}   sets")
    for rule in RULES:
        delta = [0, 0, 0, 0]
        moved = []
        for name, (gold, root) in sets.items():
            s = score(tool, gold, root, RuleSet.without(rule.name))
            b = base[name]
            d = (s.found - b.found, s.wrong - b.wrong, s.exact - b.exact, s.former_right - b.former_right)
            delta = [a + x for a, x in zip(delta, d, strict=True)]
            if any(d):
                moved.append(name)
        cells = "".join(f"{x:+7d}" for x in delta)
        print(f"{rule.name:26s}{cells}   {', '.join(moved) or '(none)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
