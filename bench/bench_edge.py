"""How flush the right edge is: lines ending short of it, per corpus and width, and why.

`../shared/tools/kinsoku.py --ragged` counts, over `reader render` output, the
non-final lines of a paragraph whose inked width (a final closing mark left out, as a
hung mark would be) is less than the paragraph's widest. This script counts the same
thing in-process (its own `short_lines`, imported from the tool, so the figures agree),
in seconds rather than minutes, and splits it:

* "mark at the edge": a line that ends in a closing mark standing inside the measure
  (the line's full width reaches the edge, e.g. `……同谋划、` in 30 cells at width 30).
  The tool counts it short because it leaves out every final closing mark, hung or
  not. No legal layout avoids it in text of two-cell characters: with the mark where
  it is the line is full, and the next character cannot join it;
* the rest: lines that really end short of the edge, by the reason the breaker gives
  (`reader.layout.SHORT_REASONS`; "pad" is a closing quote whose blank half stands at
  the edge, which the tool does not see, as `reader render` strips trailing blanks).

Run: .venv/bin/python bench/bench_edge.py [--as-printed] [--widths 30,57,80,120]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.layout import Typesetting, layout_document  # noqa: E402
from reader.layout.document import BODY_INDENT  # noqa: E402
from reader.layout.linebreak import break_paragraph  # noqa: E402
from reader.loaders import load_article  # noqa: E402

SHARED = ROOT.parent / "shared"
CORPORA = ("xwlb-sample", "rmrb", "local")


def count(folder: Path, width: int, setting: Typesetting) -> Counter[str]:
    """Non-final lines, the tool's short ones, and those split by cause, over one folder."""
    sys.path.insert(0, str(SHARED / "tools"))
    from kinsoku import START_FORBIDDEN, _hangs, cell_len, short_lines  # type: ignore[import-not-found]

    found: Counter[str] = Counter()
    for path in sorted(folder.glob("*.txt")):
        article = load_article(path)
        document = layout_document(article, width, body_only=True, setting=setting)
        for index, paragraph in enumerate(article.paragraphs):
            body = [document.lines[y].text.rstrip() for y in document.paragraph_lines(index)]
            inner, short = short_lines(body, width)
            found["inner"] += inner
            found["short"] += short
            if not short:
                continue
            shown = setting.shown(paragraph)
            spans = break_paragraph(
                shown, width, BODY_INDENT, justify=True, ambiguous=setting.ambiguous, pads=setting.pads(shown)
            )
            inked = [cell_len(ln[:-1]) if _hangs(ln, width) else cell_len(ln) for ln in body]
            edge = max(inked)
            for line, ink, span in zip(body[:-1], inked[:-1], spans, strict=False):
                if ink >= edge:
                    continue
                if cell_len(line) >= edge and line[-1] in START_FORBIDDEN:
                    found["mark at the edge"] += 1
                else:
                    found[span.short or "pad"] += 1
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--as-printed", action="store_true", help="half-width marks as the file has them")
    parser.add_argument("--widths", default="30,57,80,120")
    args = parser.parse_args()
    if not (SHARED / "tools" / "kinsoku.py").is_file():
        print(f"skipped: {SHARED / 'tools' / 'kinsoku.py'} is not here")
        return 0
    setting = Typesetting(typeset=not args.as_printed)
    folders = [SHARED / "corpus" / name for name in CORPORA] + [ROOT / "articles"]
    print("corpus        width  tool's short   mark at the edge   really short   (why)")
    for folder in folders:
        if not folder.is_dir():
            continue
        for width in (int(w) for w in args.widths.split(",")):
            found = count(folder, width, setting)
            inner = max(found.pop("inner"), 1)
            short, marks = found.pop("short"), found.pop("mark at the edge", 0)
            rest = sum(found.values())
            why = ", ".join(f"{k} {v}" for k, v in found.most_common())
            print(
                f"{folder.name:13} {width:5}  {short / inner:11.1%}   {marks / inner:16.1%}"
                f"   {rest / inner:12.2%}   ({rest} of {inner}: {why})"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
