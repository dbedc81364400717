"""How well does encoding detection do on short files (2 to 20 characters)?

Short files are where detection is hard: a few bytes of GBK may also be valid UTF-8 or
Big5. This takes random runs of real article text (simplified from the shared corpus,
traditional from a fixed sample), encodes each run every supported way and counts how
often `decode_bytes` gives back the exact text. With charset-normalizer importable it
scores that too, for comparison. The hand-written traditional sample helped tune the
heuristic, so "big5 held-out" (zh_TW translations of installed programs, where the
system has them) is the honest Big5 figure.

    .venv/bin/python bench/measure_encoding.py [--samples N]
"""

from __future__ import annotations

import argparse
import codecs
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.article import ArticleError
from reader.loaders.encoding import decode_bytes

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
TRADITIONAL = (
    "國務院總理李強主持召開國務院常務會議，研究部署進一步做好經濟工作。會議指出，今年以來各地區各部門"
    "認真貫徹落實黨中央決策部署，經濟運行總體平穩。臺灣地區領導人選舉結果揭曉，各界關注兩岸關係發展。"
    "香港特別行政區政府發表聲明，表示將繼續推動經濟復甦，加強與內地的交流合作。記者從市政府新聞辦獲悉，"
    "本市將於下月舉行全市經濟工作會議，總結過去一年的工作，部署明年的重點任務。報導指出，這項計劃的實施"
    "將為當地帶來大量就業機會，並促進區域經濟的協調發展。專家認為，應當進一步擴大對外開放，優化營商環境。"
)

ENCODINGS: tuple[tuple[str, str, bytes], ...] = (
    ("utf-8", "utf-8", b""),
    ("utf-8-bom", "utf-8", codecs.BOM_UTF8),
    ("utf-16-le-bom", "utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be-bom", "utf-16-be", codecs.BOM_UTF16_BE),
    ("gb18030", "gb18030", b""),
    ("gbk", "gbk", b""),
    ("gb2312", "gb2312", b""),
    ("big5", "big5", b""),
)


def simplified_text() -> str:
    """Article text from the shared corpus, newlines and indents removed."""
    files = sorted((SHARED / "xwlb-sample").glob("*.txt"))[:100]
    files += sorted((SHARED / "rmrb").glob("*.txt"))[:50]
    text = "".join(path.read_text(encoding="utf-8") for path in files)
    return "".join(ch for ch in text if not ch.isspace())


def held_out_traditional() -> str | None:
    """Traditional Chinese the heuristic was never tuned on: the zh_TW translations
    installed with the system's programs (/usr/share/locale/zh_TW), where present."""
    import gettext

    folder = Path("/usr/share/locale/zh_TW/LC_MESSAGES")
    if not folder.is_dir():
        return None
    chunks: list[str] = []
    for mo in sorted(folder.glob("*.mo")):
        try:
            with mo.open("rb") as handle:
                catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        except (OSError, ValueError, UnicodeDecodeError, KeyError):
            continue
        chunks += [value for key, value in catalog.items() if key and isinstance(value, str)]
    # Keep runs of CJK and CJK punctuation only: the UI strings are full of ASCII.
    text = "".join(ch if ord(ch) >= 0x3000 else " " for ch in "".join(chunks))
    return "".join(run for run in text.split() if len(run) >= 2) or None


def runs(text: str, rng: random.Random, count: int, codec: str) -> list[str]:
    """`count` random runs of 2-20 characters of `text` that `codec` can encode."""
    found: list[str] = []
    while len(found) < count:
        length = rng.randint(2, 20)
        start = rng.randrange(0, len(text) - length)
        run = text[start : start + length]
        try:
            run.encode(codec)
        except UnicodeEncodeError:
            continue
        found.append(run)
    return found


def ours(data: bytes) -> str | None:
    try:
        return decode_bytes(data)
    except ArticleError:
        return None


def charset_normalizer(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    return None if best is None else str(best)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=500, help="runs per encoding (default 500)")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print("../shared/corpus is not here; nothing to measure")
        return 0
    rng = random.Random(6)
    simplified = simplified_text()
    detectors = {"reader": ours}
    try:
        import charset_normalizer as _  # noqa: F401

        detectors["charset-normalizer"] = charset_normalizer
    except ImportError:
        pass
    print(f"{'encoding':15} " + " ".join(f"{name:>22}" for name in detectors))
    totals: Counter[str] = Counter()
    elapsed: Counter[str] = Counter()
    n = 0
    encodings = list(ENCODINGS)
    held_out = held_out_traditional()
    if held_out:
        encodings.append(("big5 held-out", "big5", b""))
    for label, codec, bom in encodings:
        source = simplified if codec != "big5" else TRADITIONAL * 3 if label == "big5" else held_out
        samples = runs(source, rng, args.samples, codec)
        row = []
        for name, detect in detectors.items():
            start = time.perf_counter()
            right = sum(detect(bom + s.encode(codec)) == s for s in samples)
            elapsed[name] += time.perf_counter() - start
            totals[name] += right
            row.append(f"{right:>10}/{len(samples)} ({right / len(samples):6.1%})")
        n += len(samples)
        print(f"{label:15} " + " ".join(f"{cell:>22}" for cell in row))
    print(f"{'all':15} " + " ".join(f"{totals[d]:>10}/{n} ({totals[d] / n:6.1%})" for d in detectors))
    print(f"{'time':15} " + " ".join(f"{elapsed[d]:>21.2f}s" for d in detectors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
