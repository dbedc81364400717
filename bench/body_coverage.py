"""Why does kinsoku.py flag 'loss' on a file? Header share versus text really missing.

shared/tools/kinsoku.py flags a file when the `reader render --body` output covers
less than 85% of the file's non-space characters. For a short article the title (and
in 人民日报 files the subtitle and 作者/时间 line) alone is more than 15%, so the
flag does not by itself mean text is lost. For every file this prints:

* the share of the file that is not body (title, subtitle, meta lines), and every
  file line that is not a body paragraph, so a reader can see it is header;
* whether the laid-out body holds every paragraph exactly (layout loss), at widths
  30, 50, 80 and 120.

Files are listed when kinsoku's coverage test flags them (body < 85% of the file)
or the layout is not exact. Run:
    .venv/bin/python bench/body_coverage.py ../shared/corpus/xwlb-sample ../shared/corpus/rmrb
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.layout import render_plain  # noqa: E402
from reader.loaders import load_article  # noqa: E402

WIDTHS = (30, 50, 80, 120)


def squash(text: str) -> str:
    """What kinsoku.py compares: no whitespace, no format (Cf) characters."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def report(path: Path) -> tuple[float, bool, list[str], bool]:
    """(non-body share, flagged by kinsoku, non-body lines, layout exact at every width)."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    article = load_article(path)
    source = squash(raw)
    body = squash("".join(article.paragraphs))
    share = 1 - len(body) / len(source) if source else 0.0
    flagged = bool(source) and len(body) < 0.85 * len(source)  # kinsoku.py's own test
    paragraphs = set(article.paragraphs)
    others = [line.strip() for line in raw.split("\n") if line.strip() and line.strip() not in paragraphs]
    exact = True
    for width in WIDTHS:
        out = render_plain(article, width, body_only=True)
        blocks = [squash(b) for b in out.strip("\n").split("\n\n") if b.strip()]
        if blocks != [squash(paragraph) for paragraph in article.paragraphs]:
            exact = False
    return share, flagged, others, exact


def main(folders: list[str]) -> None:
    for folder in folders:
        files = sorted(Path(folder).glob("*.txt"))
        listed = 0
        for path in files:
            share, flagged, others, exact = report(path)
            if flagged or not exact:
                listed += 1
                print(f"{path.name}: not body {share:.1%}, layout exact: {exact}")
                for line in others:
                    print(f"    not body: {line[:70]}")
        print(f"{folder}: {len(files)} files, {listed} listed\n")


if __name__ == "__main__":
    main(sys.argv[1:] or [str(ROOT.parent / "shared" / "corpus" / "xwlb-sample")])
