"""The officials engine scored against hand annotations, with the shared scorer's own logic.

Gold sets (tests/gold/README.md says how each was made):
- ../shared/gold/dev.yaml and local-dev.yaml: the shared development sets;
- tests/gold/heldout.yaml: 40 national articles annotated blind in an earlier round;
- tests/gold/national-tune.yaml and local-tune.yaml: 30 national and 40 local articles
  annotated blind this round, used for tuning;
- tests/gold/national-untouched.yaml and local-untouched.yaml: 30 and 40 more, annotated
  the same way and kept apart: never looked at while the rules changed.

The scorer functions (title matching, precision/recall) are imported from
../shared/tools/eval_officials.py and eval_names_bio.py so the figures are the ones those
tools print; the extraction runs in-process, reading the headline as `reader officials`
does. Everything needing ../shared skips when it is absent; the local pages' texts ship in
tests/gold/corpus/ (their addresses in its PROVENANCE.md).

The dev floors are the issue's targets. The other floors sit a little under what the rules
reach (README, "Accuracy"): they guard against regressions, they are not fitted to a set.
"""

from __future__ import annotations

import functools
import importlib.util
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from reader.loaders import load_article
from reader.officials import extract_officials, load_lexicon

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GOLD = REPO / "tests" / "gold"
HELDOUT = GOLD / "heldout.yaml"
LOCAL_PAGES = GOLD / "corpus"
OFFICIALS_GOLD = (
    "heldout",
    "national-tune",
    "national-untouched",
    "local-tune",
    "local-untouched",
    "national-b-tune",
    "national-b-untouched",
    "local-b-tune",
    "local-b-untouched",
    "national-d-tune",
    "national-d-untouched",
    "local-c-tune",
    "local-c-untouched",
    "national-f-tune",
    "national-f-untouched",
    "local-e-tune",
    "local-e-untouched",
    "national-g-tune",
    "national-g-untouched",
    "local-g-tune",
    "local-g-seen",
    "national-i-tune",
    "national-i-untouched",
    "local-i-tune",
    "local-i-seen",
    "national-k-untouched",
    "local-k-untouched",
    "national-m-tune",
    "national-m-untouched",
    "local-m-tune",
    "local-m-untouched",
    "local-n-tune",
    "local-n-untouched",
    "national-n-tune",
    "national-n-untouched",
    "national-o-tune",
    "national-o-untouched",
    "local-o-tune",
    "local-o-untouched",
    "local-p-tune",
    "local-p-untouched",
    "local-q-tune",
    "local-q-untouched",
    "local-r-tune",
    "local-r-untouched",
    "local-s-tune",
    "local-s-untouched",
    "national-p-tune",
    "national-p-untouched",
)


@dataclass
class Scores:
    precision: float
    recall: float
    titles_f1: float


def _tool(name: str) -> ModuleType:
    path = SHARED / "tools" / f"{name}.py"
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    spec = importlib.util.spec_from_file_location(f"shared_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def bundled_lexicon():
    """Score the bundled lexicon only (tests point the config dir at an empty sandbox)."""
    load_lexicon.cache_clear()
    yield
    load_lexicon.cache_clear()


def score_gold(gold_path: Path, corpus: Path = SHARED / "corpus") -> Scores:
    """eval_officials.py's scoring, with the extractor called in-process."""
    tool = _tool("eval_officials")
    if not gold_path.is_file() or not corpus.is_dir():
        pytest.skip("gold or corpus not here")
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    n_tp = n_pred = n_gold = t_tp = t_pred = t_gold = 0
    for item in gold:
        article = load_article(corpus / item["file"])
        title = article.title if article.title_printed else None
        report = extract_officials(article.paragraphs, title=title, names=None)
        g_all = {o["name"]: list(o.get("titles") or []) for o in item.get("officials") or []}
        optional = {name for name, titles in g_all.items() if not titles}
        g_off = {name: titles for name, titles in g_all.items() if titles}
        p_off: dict[str, list[str]] = {}
        for o in report.officials:
            p_off.setdefault(o.name, []).extend(o.titles)
        for name in optional:
            p_off.pop(name, None)
        found = set(p_off) & set(g_off)
        n_tp, n_pred, n_gold = n_tp + len(found), n_pred + len(p_off), n_gold + len(g_off)
        for name in found:
            t_tp += tool.match_titles(p_off[name], g_off[name])
            t_pred += len(p_off[name])
            t_gold += len(g_off[name])
    p, r, _ = tool.prf(n_tp, n_pred, n_gold)
    _, _, tf = tool.prf(t_tp, t_pred, t_gold)
    return Scores(p, r, tf)


def test_dev_set_meets_the_issue_targets() -> None:
    s = score_gold(SHARED / "gold" / "dev.yaml")
    assert s.precision >= 0.95 and s.recall >= 0.92 and s.titles_f1 >= 0.92, s


def test_heldout_set_stays_at_its_measured_level() -> None:
    s = score_gold(HELDOUT)
    assert s.precision >= 0.95 and s.recall >= 0.95 and s.titles_f1 >= 0.95, s


def test_shared_local_news_set() -> None:
    s = score_gold(SHARED / "gold" / "local-dev.yaml")
    assert s.precision >= 0.95 and s.recall >= 0.94 and s.titles_f1 >= 0.97, s


@pytest.mark.parametrize(
    ("name", "corpus"),
    [
        ("national-tune", SHARED / "corpus"),
        ("local-tune", LOCAL_PAGES),
        ("national-b-tune", SHARED / "corpus"),
        ("local-b-tune", LOCAL_PAGES),
        ("national-d-tune", SHARED / "corpus"),
        ("local-c-tune", LOCAL_PAGES),
    ],
)
def test_this_rounds_tuning_sets(name: str, corpus: Path) -> None:
    s = score_gold(GOLD / f"{name}.yaml", corpus)
    assert s.precision >= 0.93 and s.recall >= 0.94 and s.titles_f1 >= 0.97, s


@pytest.mark.parametrize(
    ("name", "corpus"),
    [("national-untouched", SHARED / "corpus"), ("local-untouched", LOCAL_PAGES)],
)
def test_the_sets_kept_apart(name: str, corpus: Path) -> None:
    """Scored, never studied: the floors sit under the measurement of the round's end (README)."""
    s = score_gold(GOLD / f"{name}.yaml", corpus)
    assert s.precision >= 0.93 and s.recall >= 0.82 and s.titles_f1 >= 0.95, s


@pytest.mark.parametrize(
    ("name", "corpus"),
    [
        ("national-b-untouched", SHARED / "corpus"),
        ("national-d-untouched", SHARED / "corpus"),
        ("national-f-untouched", SHARED / "corpus"),
        ("local-b-untouched", LOCAL_PAGES),
        ("local-c-untouched", LOCAL_PAGES),
        ("local-e-untouched", LOCAL_PAGES),
    ],
)
def test_the_fresh_sets_kept_apart(name: str, corpus: Path) -> None:
    """The halves of this round's three fresh batches that no rule was tuned on (README)."""
    s = score_gold(GOLD / f"{name}.yaml", corpus)
    assert s.precision >= 0.93 and s.recall >= 0.89 and s.titles_f1 >= 0.89, s


@pytest.mark.parametrize(
    ("name", "corpus"),
    [
        ("national-m-tune", SHARED / "corpus"),
        ("national-n-tune", SHARED / "corpus"),
        ("local-m-tune", LOCAL_PAGES),
        ("local-n-tune", LOCAL_PAGES),
    ],
)
def test_the_last_fresh_batches_tuning_halves(name: str, corpus: Path) -> None:
    """Batches m and n: first looks of 0.95-0.98 recall before any tuning (README)."""
    s = score_gold(GOLD / f"{name}.yaml", corpus)
    assert s.precision >= 0.95 and s.recall >= 0.95 and s.titles_f1 >= 0.93, s


@pytest.mark.parametrize(
    ("name", "corpus"),
    [
        ("national-m-untouched", SHARED / "corpus"),
        ("national-n-untouched", SHARED / "corpus"),
        ("local-m-untouched", LOCAL_PAGES),
        ("local-n-untouched", LOCAL_PAGES),
    ],
)
def test_the_last_fresh_batches_kept_apart(name: str, corpus: Path) -> None:
    """Scored, never studied: the floors sit under the measurement at the round's end (README)."""
    s = score_gold(GOLD / f"{name}.yaml", corpus)
    assert s.precision >= 0.94 and s.recall >= 0.88 and s.titles_f1 >= 0.92, s


def test_names_after_posts_in_annotated_news() -> None:
    """eval_names_bio.py's two figures on the People's Daily NER dev set (40 sentences a file)."""
    tool = _tool("eval_names_bio")
    bio = SHARED / "ner" / "peoples-daily-ner.dev"
    if not bio.is_file():
        pytest.skip(f"{bio} is not here")
    sentences = tool.read_bio(bio)
    after_total = after_found = reported = reported_true = 0
    for n in range(0, len(sentences), 40):
        group = sentences[n : n + 40]
        names = {o.name for o in extract_officials([text for text, _ in group]).officials}
        gold = {text[s:e] for text, spans in group for s, e in spans}
        after = {
            text[s:e]
            for text, spans in group
            for s, e in spans
            if any(text[:s].endswith(p) for p in tool.POSTS)
        }
        after_total += len(after)
        after_found += len(after & names)
        reported += len(names)
        reported_true += len(names & gold)
    assert after_found / after_total >= 0.90, (after_found, after_total)
    assert reported_true / reported >= 0.95, (reported_true, reported)


@functools.cache
def _gold(name: str) -> list[dict[str, Any]]:
    """One gold set of tests/gold, read once for all the checks."""
    gold: list[dict[str, Any]] = yaml.safe_load((GOLD / f"{name}.yaml").read_text(encoding="utf-8"))
    return gold


@pytest.mark.parametrize(
    ("name", "corpus", "articles"),
    [
        ("national-tune", SHARED / "corpus", 30),
        ("national-untouched", SHARED / "corpus", 30),
        ("local-tune", LOCAL_PAGES, 40),
        ("local-untouched", LOCAL_PAGES, 40),
        ("national-b-tune", SHARED / "corpus", 18),
        ("national-b-untouched", SHARED / "corpus", 18),
        ("local-b-tune", LOCAL_PAGES, 15),
        ("local-b-untouched", LOCAL_PAGES, 15),
        ("national-d-tune", SHARED / "corpus", 14),
        ("national-d-untouched", SHARED / "corpus", 15),
        ("local-c-tune", LOCAL_PAGES, 20),
        ("local-c-untouched", LOCAL_PAGES, 20),
        ("national-f-tune", SHARED / "corpus", 15),
        ("national-f-untouched", SHARED / "corpus", 15),
        ("local-e-tune", LOCAL_PAGES, 20),
        ("local-e-untouched", LOCAL_PAGES, 20),
        ("national-g-tune", SHARED / "corpus", 18),
        ("national-g-untouched", SHARED / "corpus", 18),
        ("local-g-tune", LOCAL_PAGES, 20),
        ("local-g-seen", LOCAL_PAGES, 20),
        ("national-i-tune", SHARED / "corpus", 18),
        ("national-i-untouched", SHARED / "corpus", 18),
        ("local-i-tune", LOCAL_PAGES, 20),
        ("local-i-seen", LOCAL_PAGES, 20),
        ("national-k-untouched", SHARED / "corpus", 36),
        ("local-k-untouched", LOCAL_PAGES, 20),
        ("national-m-tune", SHARED / "corpus", 15),
        ("national-m-untouched", SHARED / "corpus", 15),
        ("local-m-tune", LOCAL_PAGES, 15),
        ("local-m-untouched", LOCAL_PAGES, 15),
        ("local-n-tune", LOCAL_PAGES, 15),
        ("local-n-untouched", LOCAL_PAGES, 15),
        ("national-n-tune", SHARED / "corpus", 15),
        ("national-n-untouched", SHARED / "corpus", 15),
        ("national-o-tune", SHARED / "corpus", 15),
        ("national-o-untouched", SHARED / "corpus", 15),
        ("local-o-tune", LOCAL_PAGES, 15),
        ("local-o-untouched", LOCAL_PAGES, 15),
        ("local-p-tune", LOCAL_PAGES, 15),
        ("local-p-untouched", LOCAL_PAGES, 15),
        ("local-q-tune", LOCAL_PAGES, 10),
        ("local-q-untouched", LOCAL_PAGES, 10),
        ("local-r-tune", LOCAL_PAGES, 10),
        ("local-r-untouched", LOCAL_PAGES, 10),
        ("local-s-tune", LOCAL_PAGES, 10),
        ("local-s-untouched", LOCAL_PAGES, 10),
        ("national-p-tune", SHARED / "corpus", 15),
        ("national-p-untouched", SHARED / "corpus", 15),
    ],
)
def test_this_rounds_gold_is_well_formed(name: str, corpus: Path, articles: int) -> None:
    """Every name, title and evidence is printed in its article, and no article is in another set."""
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is not here")
    gold = _gold(name)
    assert len(gold) == articles
    others = set()
    for other in OFFICIALS_GOLD:
        if other != name:
            others |= {item["file"] for item in _gold(other)}
    assert not others & {item["file"] for item in gold}
    for item in gold:
        text = (corpus / item["file"]).read_text(encoding="utf-8")
        for person in (item.get("officials") or []) + (item.get("others") or []):
            assert person["evidence"] in text, (item["file"], person)
            # 时任/现任 ("then/now serving as") were taken out of a few titles (tests/gold/README.md).
            plain = text.replace("时任", "").replace("现任", "")
            assert all(title in text or title in plain for title in person.get("titles") or []), (
                item["file"],
                person,
            )


def test_heldout_gold_is_well_formed() -> None:
    """Every name, title and evidence in the held-out gold is printed in its article."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not here")
    gold = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    dev = {
        item["file"] for item in yaml.safe_load((SHARED / "gold" / "dev.yaml").read_text(encoding="utf-8"))
    }
    assert len(gold) == 40 and not dev & {item["file"] for item in gold}
    for item in gold:
        text = (corpus / item["file"]).read_text(encoding="utf-8")
        for person in (item["officials"] or []) + (item["others"] or []):
            assert person["name"] in text and person["evidence"] in text, (item["file"], person)
            assert all(title in text for title in person.get("titles") or []), (item["file"], person)


@pytest.mark.parametrize(
    ("name", "corpus"),
    [
        ("national-o-untouched", SHARED / "corpus"),
        ("local-o-untouched", LOCAL_PAGES),
        ("local-p-untouched", LOCAL_PAGES),
    ],
)
def test_the_fifth_rounds_fresh_halves_kept_apart(name: str, corpus: Path) -> None:
    """Batches o and p's halves no rule was tuned on: floors under the round's end (README)."""
    s = score_gold(GOLD / f"{name}.yaml", corpus)
    assert s.precision >= 0.93 and s.recall >= 0.92 and s.titles_f1 >= 0.95, s


def test_local_g_seen() -> None:
    """Read this round; list_runs, found on its long list of city leaders (007), went for
    acting on no other text, so that list is read only up to its first comma (README)."""
    s = score_gold(GOLD / "local-g-seen.yaml", LOCAL_PAGES)
    assert s.precision >= 0.94 and s.recall >= 0.90 and s.titles_f1 >= 0.95, s


@pytest.mark.parametrize(
    ("name", "corpus"),
    [
        ("local-i-seen", LOCAL_PAGES),
        ("national-o-tune", SHARED / "corpus"),
        ("local-o-tune", LOCAL_PAGES),
        ("local-p-tune", LOCAL_PAGES),
    ],
)
def test_the_fifth_rounds_tuning_sets(name: str, corpus: Path) -> None:
    """Read this round (local g and i's former halves kept apart, the fresh tuning halves)."""
    s = score_gold(GOLD / f"{name}.yaml", corpus)
    assert s.precision >= 0.94 and s.recall >= 0.95 and s.titles_f1 >= 0.95, s


@pytest.mark.parametrize(
    ("name", "corpus"),
    [
        ("local-q-tune", LOCAL_PAGES),
        ("local-r-tune", LOCAL_PAGES),
        ("local-s-tune", LOCAL_PAGES),
        ("national-p-tune", SHARED / "corpus"),
    ],
)
def test_the_sixth_rounds_tuning_halves(name: str, corpus: Path) -> None:
    """The tuning halves of batches q, r, s and national p (first looks 0.870, 0.887, 0.988 and
    0.951 recall; README): floors under this round's end."""
    s = score_gold(GOLD / f"{name}.yaml", corpus)
    assert s.precision >= 0.97 and s.recall >= 0.93 and s.titles_f1 >= 0.96, s


@pytest.mark.parametrize(
    ("name", "corpus"),
    [
        ("local-q-untouched", LOCAL_PAGES),
        ("local-r-untouched", LOCAL_PAGES),
        ("local-s-untouched", LOCAL_PAGES),
        ("national-p-untouched", SHARED / "corpus"),
    ],
)
def test_the_sixth_rounds_halves_kept_apart(name: str, corpus: Path) -> None:
    """Scored, never studied (local q 0.978/0.978, r 0.982/0.903, s 1.000/0.974, national p
    0.973/1.000 at this round's end): floors under that."""
    s = score_gold(GOLD / f"{name}.yaml", corpus)
    assert s.precision >= 0.96 and s.recall >= 0.89 and s.titles_f1 >= 0.94, s
