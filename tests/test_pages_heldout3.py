"""The third and fourth kept-apart sets of saved pages, tests/pages/heldout3 and heldout4 (see their
README.md): each gold is well formed, names exactly the pages stored, and none of them is a page
of the other sets. The extractor's figures on them are bench/bench_pages.py's (--gold …)."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from pathlib import Path

import pytest
import yaml

PAGES = Path(__file__).resolve().parent / "pages"
HELDOUT3 = PAGES / "heldout3"
HELDOUT4 = PAGES / "heldout4"
SOURCE = re.compile(r"[\w.-]+/[\w.-]+ [0-9a-f]{40} \S+\.s?html?")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?")
PREFIXES = ("magichtml_", "gne_", "cxextractor_", "htmldate_", "newspaper4k_", "readability_", "goose3_")
PREFIXES4 = (
    "amumucx_",
    "gaogerapy_",
    "cxpy_",
    "gne_",
    "llmwebkit_",
    "mic1ongerapy_",
    "z3mugerapy_",
    "minerukit_",
    "thesis_",
)


@pytest.mark.parametrize(
    ("folder", "count", "prefixes"), [(HELDOUT3, 68, PREFIXES), (HELDOUT4, 26, PREFIXES4)]
)
def test_gold_is_well_formed_and_names_the_stored_pages(
    folder: Path, count: int, prefixes: tuple[str, ...]
) -> None:
    gold = yaml.safe_load((folder / "gold.yaml").read_text(encoding="utf-8"))
    stored = {name[: -len(".gz")] for name in os.listdir(folder) if name.endswith(".gz")}
    assert len(gold) == count
    assert stored == {entry["file"] for entry in gold}
    for entry in gold:
        assert set(entry) == {"file", "source", "element", "title", "date", "body"}
        assert SOURCE.fullmatch(entry["source"]), entry["source"]
        assert entry["file"].startswith(prefixes)
        assert isinstance(entry["title"], str) and entry["title"].strip()
        assert entry["date"] is None or DATE.fullmatch(str(entry["date"]))
        assert entry["body"] and all(isinstance(line, str) and line.strip() for line in entry["body"])


def test_no_page_of_heldout3_or_heldout4_is_a_page_of_the_other_sets() -> None:
    def digests(folder: Path) -> set[str]:
        return {
            hashlib.sha256(gzip.decompress(path.read_bytes())).hexdigest() for path in folder.glob("*.gz")
        }

    others = digests(PAGES) | digests(PAGES / "heldout") | digests(PAGES / "heldout2")
    assert not digests(HELDOUT3) & others
    assert not digests(HELDOUT4) & (others | digests(HELDOUT3))
    titles = set()
    for gold in (PAGES / "gold.yaml", PAGES / "heldout" / "gold.yaml", PAGES / "heldout2" / "gold.yaml"):
        titles |= {entry["title"] for entry in yaml.safe_load(gold.read_text(encoding="utf-8"))}
    assert (
        not {entry["title"] for entry in yaml.safe_load((HELDOUT3 / "gold.yaml").read_text(encoding="utf-8"))}
        & titles
    )
