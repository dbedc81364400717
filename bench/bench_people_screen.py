"""People screen speed on a synthetic 100,000-article library, and `reader people --name 王毅`.

    .venv/bin/python bench/bench_people_screen.py                   # 100,000 persons
    .venv/bin/python bench/bench_people_screen.py --persons 20000
    .venv/bin/python bench/bench_people_screen.py --skip-cli        # the screen only

A library of 100,000 articles is synthesised at the level the screen reads: its person
index (one person an article, the pessimistic case: the shared corpus has 0.62 a
article), with made-up names (百家姓 surnames and common given names), their pinyin and
posts in made-up places, written to a real index file. Then, headless, in the app's own
stylesheet:

- the background load: every person read from the index and sorted the three ways the
  screen offers (`PeopleSession.build`, in the app's worker, never on the UI thread);
- opening the People screen: from `push_screen` until it is mounted and the event loop
  is idle again (its first frame composed) — target < 300 ms;
- each key of the filter as typed (`wang`, `li qiang`, `市长`, `zhang wei`, then
  backspaces): the key, the filter, the table's refresh, until idle — target < 50 ms a
  key; and the filter alone (`LiveFilter.set_query`) for the same keys.

Then `reader people --library ../shared/corpus --name 王毅` as a subprocess, its index
warm (built first, not timed): the median of 7 with and without `--no-refresh`, and
where the time of one run goes (imports, the library's refresh, the person index's,
the answer) — target < 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉玲鹏宇浩凯亮红斌波宁晨欣志东峰雪琳"
PLACES = ["北京", "上海", "浙江", "杭州", "江苏", "南京", "甘肃", "兰州", "嘉峪关", "广东", "佛山", "四川"]
PLACES += [
    "成都",
    "渭源县",
    "青山县",
    "肥乡县",
    "湖南",
    "长沙",
    "河北",
    "邯郸",
    "山东",
    "济南",
    "云南",
    "昆明",
]
POSTS = ["市长", "副市长", "市委书记", "市委副书记", "县长", "副县长", "县委书记", "省长", "副省长", "局长"]
POSTS += ["人大常委会主任", "政协主席", "公安局局长", "纪委书记", "常务副市长", "组织部部长"]
TYPED = ["wang", "li qiang", "市长", "zhang wei"]
TARGET_OPEN_MS = 300
TARGET_KEY_MS = 50


def synthesise(conn, count: int, seed: int = 15) -> None:  # type: ignore[no-untyped-def]
    """`count` persons in the person tables, as a refresh would have stored them."""
    import json

    from reader.people import store
    from reader.people.build import code_fingerprint, search_key
    from reader.people.model import PostSpan
    from reader.pinyin import name_pinyin

    pick = random.Random(seed)
    rows = []
    for number in range(count):
        name = pick.choice(SURNAMES) + "".join(pick.choice(GIVEN) for _ in range(pick.choice((1, 2))))
        year = pick.randrange(2012, 2026)
        first = f"{year}-{pick.randrange(1, 13):02d}-{pick.randrange(1, 29):02d}"
        later = min(2026, year + pick.randrange(0, 4))
        last = f"{later}-{pick.randrange(1, 13):02d}-{pick.randrange(1, 29):02d}"
        spans = [
            PostSpan(pick.choice(PLACES) + pick.choice(POSTS), first, last, pick.randrange(1, 9), False)
            for _ in range(pick.choice((1, 1, 2, 3)))
        ]
        pinyin = name_pinyin(name)
        articles = pick.choice((1, 1, 1, 2, 2, 3, 5, 8, 20, 100))
        key = search_key([name], pinyin, spans)
        posts = json.dumps([[s.title, s.first, s.last, s.articles, s.former] for s in spans])
        latest = spans[-1].title
        rows.append(
            (f"p{number:06d}", name, name, pinyin, latest, articles, articles * 2, first, last, key, posts)
        )
    conn.execute("BEGIN IMMEDIATE")
    store.ensure_schema(conn)
    store.set_meta(conn, store.CODE_KEY, code_fingerprint())
    conn.executemany("INSERT INTO people_persons VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")


async def time_screen(session, persons: int) -> None:  # type: ignore[no-untyped-def]
    from textual.app import App

    from reader.people.query import LiveFilter
    from reader.ui.app import ReaderApp
    from reader.ui.screens.people import PeopleScreen
    from reader.ui.widgets.people_table import PeopleTable

    class Bench(App[None]):
        """The People screen alone, in reader's stylesheet and theme variables."""

        CSS_PATH = str(REPO / "reader" / "ui" / "reader.tcss")

        def get_theme_variable_defaults(self) -> dict[str, str]:
            return ReaderApp.get_theme_variable_defaults(self)  # type: ignore[arg-type]

    app = Bench()
    async with app.run_test(size=(120, 40)) as pilot:
        import importlib

        for module in ("textual.scrollbar", "textual.widgets._input"):  # the reader screen's panes
            importlib.import_module(module)  # have loaded these before anyone presses P

        for when in ("first open", "again"):
            screen = PeopleScreen(session)
            start, cpu = time.perf_counter(), time.thread_time()
            await app.push_screen(screen)
            await pilot.pause()
            opened, cpu = (time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000
            shown = len(screen.query_one(PeopleTable).rows)
            verdict = "ok" if opened < TARGET_OPEN_MS else "OVER"
            print(
                f"People screen open ({when}):{opened:9.1f} ms, CPU {cpu:.1f} ms"
                f" ({shown:,} rows; < {TARGET_OPEN_MS} ms: {verdict})"
            )
            if when == "first open":
                app.pop_screen()
                await pilot.pause()
        handled: list[float] = []
        live = screen.live
        assert live is not None
        set_query, show = live.set_query, screen._show

        spent: list[float] = []

        def timed_query(query: str) -> list[object]:
            start, cpu = time.perf_counter(), time.thread_time()
            rows = set_query(query)
            handled.append(time.perf_counter() - start)
            spent.append(time.thread_time() - cpu)
            return rows  # type: ignore[return-value]

        def timed_show(rows: list[object]) -> None:
            start, cpu = time.perf_counter(), time.thread_time()
            show(rows)  # type: ignore[arg-type]
            handled[-1] += time.perf_counter() - start
            spent[-1] += time.thread_time() - cpu

        live.set_query = timed_query  # type: ignore[method-assign]
        screen._show = timed_show  # type: ignore[method-assign]
        idle = []
        for _ in range(5):  # a key that changes nothing (the box's cursor is at its end)
            start = time.perf_counter()
            await pilot.press("right")
            idle.append((time.perf_counter() - start) * 1000)
        keys: list[tuple[str, float, float, int]] = []
        for query in TYPED:
            for char in [*query, *["backspace"] * len(query)]:
                start = time.perf_counter()
                await pilot.press(char)
                elapsed = (time.perf_counter() - start) * 1000
                rows = len(screen.query_one(PeopleTable).rows)
                keys.append((char if char != "backspace" else "⌫", elapsed, handled[-1] * 1000, rows))
        rounds = [ms for _c, ms, _h, _n in keys]
        work = [h for _c, _ms, h, _n in keys]
        cpu_ms = [c * 1000 for c in spent[-len(keys) :]]
        worst = max(keys, key=lambda k: k[2])
        verdict = "ok" if max(work) < TARGET_KEY_MS else "OVER"
        print(
            f"a key of the filter ({len(keys)} keys typed and erased): filter and table update "
            f"median {statistics.median(work):5.1f} ms, worst {worst[2]:5.1f} ms ({worst[0]!r}, "
            f"{worst[3]:,} rows) (< {TARGET_KEY_MS} ms: {verdict}); its CPU median "
            f"{statistics.median(cpu_ms):.1f} ms, worst {max(cpu_ms):.1f} ms"
        )
        print(
            f"  the whole key, press to idle: median {statistics.median(rounds):5.1f} ms, worst "
            f"{max(rounds):5.1f} ms; a key that changes nothing costs {statistics.median(idle):5.1f} ms "
            "(the test harness and the repaint)"
        )
        for query in TYPED:
            line = []
            live = LiveFilter(session.listing)
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                rows = live.set_query(query[:end])
                line.append(f"{query[:end]!r} {(time.perf_counter() - start) * 1000:.1f} ms/{len(rows):,}")
            print("  filter alone: " + ", ".join(line))
        start = time.perf_counter()
        await pilot.press("ctrl+o")
        print(f"sort by name (Ctrl+O), press to idle: {(time.perf_counter() - start) * 1000:7.1f} ms")
        del persons


def bench_screen(persons: int, work: Path) -> None:
    from reader.library import LibraryIndex
    from reader.people.session import PeopleSession

    library = work / "library"
    library.mkdir()
    with LibraryIndex(library) as index:
        index.refresh()
        index_file = index.path
    from reader.library.schema import connect

    conn = connect(index_file, 5.0)
    started = time.perf_counter()
    synthesise(conn, persons)
    conn.close()
    print(f"synthetic person index: {persons:,} persons written in {time.perf_counter() - started:.1f} s")
    session = PeopleSession(library, index_file)
    started = time.perf_counter()
    session.build()
    assert session.listing is not None and session.error is None, session.error
    print(
        f"background load (worker): {(time.perf_counter() - started) * 1000:7.0f} ms"
        f" ({len(session.listing.rows):,} persons read and sorted three ways)"
    )
    asyncio.run(time_screen(session, persons))
    session.close()


def bench_cli(work: Path) -> None:
    if not CORPUS.is_dir():
        print("reader people --name: skipped (../shared/corpus is not here)")
        return
    env = dict(os.environ)
    reader = str(REPO / ".venv" / "bin" / "reader")
    command = [reader, "people", "--library", str(CORPUS), "--name", "王毅"]
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    print(f"shared corpus indexed (library and persons, not timed): {time.perf_counter() - started:.1f} s")
    for extra in ([], ["--no-refresh"]):
        runs = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run([*command, *extra], check=True, capture_output=True, env=env)
            runs.append(time.perf_counter() - start)
        label = " ".join(["reader people --name 王毅", *extra]) + ":"
        median, least = statistics.median(runs) * 1000, min(runs) * 1000
        print(f"{label:<41}{median:7.0f} ms (median of 7, min {least:.0f}; < 200 ms)")
    probe = (
        "import time; t0 = time.perf_counter()\n"
        "import reader.cli\n"
        "from reader.library import LibraryIndex\n"
        "from reader.people.library import open_people, refresh\n"
        "from reader.people.export import people_table\n"
        "from pathlib import Path\n"
        "t1 = time.perf_counter(); lib = Path(LIBRARY)\n"
        "with LibraryIndex(lib) as index: index.refresh()\n"
        "t2 = time.perf_counter(); people = open_people(lib); refresh(people)\n"
        "t3 = time.perf_counter(); rows = people.named('王毅')\n"
        "people_table([(r, people.posts(r.id)) for r in rows])\n"
        "t4 = time.perf_counter()\n"
        "print(f'  one run: imports {(t1-t0)*1000:.0f} ms, library refresh {(t2-t1)*1000:.0f} ms, '\n"
        "      f'person index refresh {(t3-t2)*1000:.0f} ms, answer {(t4-t3)*1000:.0f} ms')\n"
    ).replace("LIBRARY", repr(str(CORPUS)))
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, env=env)
    print(out.stdout.rstrip() + f" (process {(time.perf_counter() - start) * 1000:.0f} ms)")


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--persons", type=int, default=100_000, help="persons of the synthetic library")
    parser.add_argument("--skip-cli", action="store_true", help="leave out `reader people --name`")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="reader-people-screen-bench-"))
    load = " ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"load average {load} (2 cores shared: wall times stretch, CPU times less)")
    os.environ["READER_CACHE_DIR"] = str(work / "cache")
    os.environ["READER_STATE_DIR"] = str(work / "state")
    os.environ["READER_CONFIG_DIR"] = str(work / "config")
    try:
        bench_screen(args.persons, work)
        if not args.skip_cli:
            bench_cli(work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
