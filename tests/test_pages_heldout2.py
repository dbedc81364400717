"""The second kept-apart set of saved pages, tests/pages/heldout2 (see its README.md): the gold is
well formed and names exactly the pages stored. No extractor is run here: these pages are scored
once, with bench/bench_pages.py --gold tests/pages/heldout2/gold.yaml."""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path

import yaml

HELDOUT2 = Path(__file__).resolve().parent / "pages" / "heldout2"
SOURCE = re.compile(
    r"immortal-autumn/Chinese-Web-Content-Extraction-Dataset 99d0ef08419109b5489b12e38f771f25b952d774 "
    r"original/([0-9a-f]{8})-[0-9a-f-]{27}\.html"
)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?")


def test_heldout2_gold_is_well_formed_and_names_the_stored_pages() -> None:
    gold = yaml.safe_load((HELDOUT2 / "gold.yaml").read_text(encoding="utf-8"))
    stored = {name[: -len(".gz")] for name in os.listdir(HELDOUT2) if name.endswith(".gz")}
    assert len(gold) == 20
    assert stored == {entry["file"] for entry in gold}
    for entry in gold:
        assert set(entry) == {"file", "source", "element", "title", "date", "body"}
        match = SOURCE.fullmatch(entry["source"])
        assert match and entry["file"] == f"cwced_{match.group(1)}.html"
        assert entry["element"].startswith("/html/")
        assert isinstance(entry["title"], str) and entry["title"].strip()
        assert entry["date"] is None or DATE.fullmatch(str(entry["date"]))
        assert entry["body"] and all(isinstance(line, str) and line.strip() for line in entry["body"])
        assert gzip.decompress((HELDOUT2 / f"{entry['file']}.gz").read_bytes())
