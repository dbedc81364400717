"""A long property-based run of the line breaker: the suite's properties, many more examples.

tests/test_layout_properties.py runs a few hundred examples per property so that the
suite stays quick; this runs the same checks (no loss, duplication or reordering, no
overflow, no fault when a legal break exists, fast path == general path; and for
justified lines, typeset or as printed, ambiguous characters one or two cells wide:
only one hung closing mark, blank cells never inside a run, every non-final line at
the edge or saying why) on as many examples as asked, and prints how many ran and how
long it took.

Run: .venv/bin/python bench/fuzz_layout.py [EXAMPLES]   (default 20,000)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402

from reader.layout import Typesetting  # noqa: E402
from tests.test_layout_properties import (  # noqa: E402
    check_fast_path,
    check_justified,
    check_properties,
    indents,
    settings_,
    texts,
    widths,
)


def main(examples: int) -> None:
    counted = [0]
    profile = settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )

    @profile
    @given(texts, widths, indents, settings_)
    def run(text: str, width: int, indent: int, setting: Typesetting) -> None:
        counted[0] += 1
        check_properties(text, width, indent)
        check_fast_path(text, width, indent)
        check_justified(text, width, indent, setting)

    start = time.perf_counter()
    run()
    elapsed = time.perf_counter() - start
    print(f"{counted[0]:,} examples (asked for {examples:,}), all properties held, {elapsed:.0f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
