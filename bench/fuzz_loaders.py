"""Fuzz the loaders: generated inputs through `load_article` (via a file) and `decode_bytes`.

A seeded generator, no extra dependency, so a run is repeatable from its seed: random
bytes, Chinese text encoded every supported way then truncated or bit-flipped, BOM soup,
YAML front-matter fragments (unsafe tags, aliases, deep nesting, bad dates), control
characters and escape sequences, and now and then a huge single line. Each input is
written to a temporary file (.txt or .md) and loaded.

A crash is any exception other than ArticleError. A leak is a loaded Article whose
text still holds a character `reader.textsafety` neutralises (an escape, a C1 control,
a bidi override). Both must be zero; the first few of each are saved for replay.

    .venv/bin/python bench/fuzz_loaders.py [--inputs 100000] [--seed 6]
"""

from __future__ import annotations

import argparse
import codecs
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.article import Article, ArticleError
from reader.loaders import decode_bytes, load_article
from reader.textsafety import has_unsafe

TEXT = (
    "嘉峪关：全市国防动员会议召开\n19.06.2015  13:57\n原标题:全市国防动员会议召开\n"
    "  中国甘肃网6月19日讯 据嘉峪关日报报道(记者 赵明霞)6月18日，市委副书记、市长柳鹏出席会议。\n"
    "\u3000\u3000会议要求，各部门要切实加强组织领导，确保各项工作落到实处。——“两学一做”……\n"
    "國務院總理主持召開常務會議，研究部署經濟工作。臺灣\n"
)
CODECS = ("utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "utf-16", "utf-32", "gb18030", "gbk", "big5")
BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
NASTY = (
    "\x1b[2J",
    "\x1b]52;c;aGk=\x07",
    "\x1b]8;;http://e\x1b\\x\x1b]8;;\x1b\\",
    "\x07",
    "\x9b31m",
    "\u202e",
    "\u2066",
    "[bold red]x[/]",
    "[@click=app.quit]x[/]",
    "\x00",
    "\r",
    "\x0c",
    "\u2028",
    "\ufeff",
    "\ufffd",
    "\ud800",
)
YAML_BITS = (
    "title: 标题\n",
    "title: !!python/object/apply:os.system ['echo pwned']\n",
    "title: !!python/name:os.system\n",
    "x: !!binary aGk=\n",
    "date: 2015-13-45\n",
    "date: 2015-06-19 13:57\n",
    "date: 99999-01-01\n",
    "date: !!timestamp 2001-12-14\n",
    "date: [1, 2]\n",
    "a: &a [x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b]\n",
    "? [a, b]\n: c\n",
    "source: *undefined\n",
    "byline: {x: 1}\n",
    "title: '\\x1b[2J'\n",
    'title: "\\e[2J\\x9b\\u202e"\n',
    "title: 1e999\n",
    "title: .nan\n",
    "<<: {title: merged}\n",
    "title: |\n  two\n  lines\n",
    "\t- tab\n",
    ": : :\n",
    "%YAML 1.1\n",
    "--- !!set {a}\n",
    "title: !custom x\n",
)


def _encode(text: str, rng: random.Random) -> bytes:
    codec = rng.choice(CODECS)
    return text.encode(codec, errors="replace")


def random_bytes(rng: random.Random) -> bytes:
    return rng.randbytes(rng.choice((0, 1, 2, 3, 7, 50, 500, 4000)))


def truncated(rng: random.Random) -> bytes:
    data = _encode(TEXT[: rng.randint(1, len(TEXT))], rng)
    return data[: rng.randint(0, len(data))]


def bit_flipped(rng: random.Random) -> bytes:
    data = bytearray(_encode(TEXT, rng))
    for _ in range(rng.randint(1, 8)):
        if data:
            data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data)


def bom_soup(rng: random.Random) -> bytes:
    parts = [rng.choice(BOMS) for _ in range(rng.randint(1, 4))]
    parts.insert(rng.randint(0, len(parts)), _encode(TEXT[: rng.randint(0, 40)], rng))
    return b"".join(parts)


def front_matter(rng: random.Random) -> bytes:
    lines = ["---\n"] + [rng.choice(YAML_BITS) for _ in range(rng.randint(0, 5))]
    if rng.random() < 0.1:
        depth = rng.choice((50, 500, 5000))
        lines.append("x: " + "[" * depth + "]" * depth + "\n")
    if rng.random() < 0.85:
        lines.append(rng.choice(("---\n", "...\n", "--- \n")))
    lines.append(TEXT[: rng.randint(0, len(TEXT))])
    text = "".join(lines)
    return text.encode(rng.choice(("utf-8", "gb18030", "utf-16")), errors="replace")


def nasty_text(rng: random.Random) -> bytes:
    pieces = [rng.choice((*NASTY, TEXT[: rng.randint(0, 80)])) for _ in range(rng.randint(1, 10))]
    return _encode("".join(pieces), rng)


def huge_line(rng: random.Random) -> bytes:
    length = rng.choice((20_000, 100_000, 400_000))
    unit = rng.choice(("中", "国", "a", "，", "——", "\u3000", "。"))
    return _encode("标题\n" + unit * (length // len(unit)), rng)


GENERATORS: dict[str, tuple[float, Callable[[random.Random], bytes]]] = {
    "random bytes": (0.2, random_bytes),
    "truncated encodings": (0.2, truncated),
    "bit flips": (0.15, bit_flipped),
    "BOM soup": (0.1, bom_soup),
    "front matter": (0.2, front_matter),
    "escapes and controls": (0.148, nasty_text),
    "huge lines": (0.002, huge_line),
}


def _texts(article: Article) -> list[str]:
    values = [article.title, *article.paragraphs, *article.extra.values(), *article.notices]
    values += [v for v in (article.source, article.byline, article.editor) if v]
    values += [v for v in (article.url, article.subtitle) if v]
    return [*values, *(v for v in (article.original_title,) if v)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs to generate (default 100,000)")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--keep", type=Path, default=Path("fuzz-failures"), help="where failing inputs go")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    names = list(GENERATORS)
    weights = [GENERATORS[name][0] for name in names]
    kinds: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    crashes: list[tuple[str, bytes, str]] = []
    leaks: list[tuple[str, bytes, str]] = []
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="reader-fuzz-") as tmp:
        for i in range(args.inputs):
            kind = rng.choices(names, weights)[0]
            data = GENERATORS[kind][1](rng)
            kinds[kind] += 1
            path = Path(tmp) / f"input{i % 2}{rng.choice(('.txt', '.md'))}"
            path.write_bytes(data)
            for what in ("decode_bytes", "load_article"):
                try:
                    result = decode_bytes(data) if what == "decode_bytes" else load_article(path)
                except ArticleError as error:
                    outcomes[f"{what}: ArticleError"] += 1
                    if "\n" in str(error) or (what == "load_article" and has_unsafe(str(error))):
                        leaks.append((kind, data, f"{what} message not one inert line: {error!r}"))
                except Exception:
                    crashes.append((kind, data, traceback.format_exc()))
                else:
                    outcomes[f"{what}: ok"] += 1
                    if isinstance(result, Article) and any(has_unsafe(text) for text in _texts(result)):
                        leaks.append((kind, data, "unsafe character in the Article"))
            path.unlink()
    elapsed = time.perf_counter() - start
    print(f"inputs: {args.inputs:,} (seed {args.seed}), each through decode_bytes and load_article")
    for name in names:
        print(f"  {name:22} {kinds[name]:>8,}")
    for name, count in sorted(outcomes.items()):
        print(f"  {name:30} {count:>8,}")
    print(f"crashes (not ArticleError): {len(crashes)}")
    print(f"leaks (unsafe text or multi-line message): {len(leaks)}")
    print(f"time: {elapsed:.1f} s ({args.inputs / elapsed:,.0f} inputs/s)")
    if crashes or leaks:
        args.keep.mkdir(parents=True, exist_ok=True)
        for n, (kind, data, why) in enumerate((crashes + leaks)[:20]):
            (args.keep / f"{n:02d}.bin").write_bytes(data)
            (args.keep / f"{n:02d}.txt").write_text(f"{kind}\n{why}\n", encoding="utf-8")
        print(f"first failures saved in {args.keep}/")
        print((crashes + leaks)[0][2])
    return 1 if crashes or leaks else 0


if __name__ == "__main__":
    raise SystemExit(main())
