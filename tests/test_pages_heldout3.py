"""The third kept-apart set of saved pages, tests/pages/heldout3 (see its README.md): the gold is
well formed, names exactly the pages stored, and none of them is a page of the other sets. The
extractor's figures on it are bench/bench_pages.py's (--gold tests/pages/heldout3/gold.yaml)."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from pathlib import Path

import yaml

PAGES = Path(__file__).resolve().parent / "pages"
HELDOUT3 = PAGES / "heldout3"
SOURCE = re.compile(r"[\w.-]+/[\w.-]+ [0-9a-f]{40} \S+\.s?html?")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?")
PREFIXES = ("magichtml_", "gne_", "cxextractor_", "htmldate_", "newspaper4k_", "readability_", "goose3_")


def test_heldout3_gold_is_well_formed_and_names_the_stored_pages() -> None:
    gold = yaml.safe_load((HELDOUT3 / "gold.yaml").read_text(encoding="utf-8"))
    stored = {name[: -len(".gz")] for name in os.listdir(HELDOUT3) if name.endswith(".gz")}
    assert len(gold) == 68
    assert stored == {entry["file"] for entry in gold}
    for entry in gold:
        assert set(entry) == {"file", "source", "element", "title", "date", "body"}
        assert SOURCE.fullmatch(entry["source"]), entry["source"]
        assert entry["file"].startswith(PREFIXES)
        assert isinstance(entry["title"], str) and entry["title"].strip()
        assert entry["date"] is None or DATE.fullmatch(str(entry["date"]))
        assert entry["body"] and all(isinstance(line, str) and line.strip() for line in entry["body"])


def test_no_page_of_heldout3_is_a_page_of_the_other_sets() -> None:
    def digests(folder: Path) -> set[str]:
        return {
            hashlib.sha256(gzip.decompress(path.read_bytes())).hexdigest() for path in folder.glob("*.gz")
        }

    others = digests(PAGES) | digests(PAGES / "heldout") | digests(PAGES / "heldout2")
    assert not digests(HELDOUT3) & others
    titles = set()
    for gold in (PAGES / "gold.yaml", PAGES / "heldout" / "gold.yaml", PAGES / "heldout2" / "gold.yaml"):
        titles |= {entry["title"] for entry in yaml.safe_load(gold.read_text(encoding="utf-8"))}
    assert (
        not {entry["title"] for entry in yaml.safe_load((HELDOUT3 / "gold.yaml").read_text(encoding="utf-8"))}
        & titles
    )
