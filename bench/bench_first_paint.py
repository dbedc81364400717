"""First paint of reader against a bare Textual app, from one article to 100,000 (issue 16).

    .venv/bin/python bench/bench_first_paint.py                 # every case, 7 runs each
    .venv/bin/python bench/bench_first_paint.py --runs 5 --cases bundled,new10k
    .venv/bin/python bench/bench_first_paint.py --reader "env PYTHONPATH=OLD_TREE .venv/bin/reader"
    nice -n -10 .venv/bin/python bench/bench_first_paint.py   # on a busy machine (as root)
    .venv/bin/python bench/bench_first_paint.py --no-early-frame  # Textual draws the first frame

Each case runs `../shared/tools/first_paint.py` (tmux, 120x40, A and B alternated) with
a marker only the article's body shows, A being `../shared/tools/bare_textual.py` on the
same file, and prints the medians and the median B/A ratio. The libraries are copies of
`../shared/corpus/xwlb-bulk` (see bench_library.py) built once in --work and indexed
there with `reader index` (the 100,000 takes ~8 min the first time; --cases without
100k skips it). Cases and targets:

- bundled: `reader FILE` on the bundled article; ≤ 1.05×
- new10k / new100k: a 10,000 / 100,000-article library, warm index, no state: the
  newest article; ≤ 1.3× / ≤ 1.5×
- back10k / back100k: the same, the article in the middle of the list remembered as the
  last one open; ≤ 1.2× / ≤ 1.5×
- cold10k: 10,000 files never indexed (the library's index and early frames removed
  each run; reader's machine-wide compile stores — `patterns-*.json`, the regular
  expressions' compiled code, and `themes.json` — kept, as Python's own .pyc files are):
  the first rows and the first article (the newest of the first batch the index reads); ≤ 1.5×
- first10k: the same with the whole cache removed each run: reader's first start on the
  machine after `make` (whose install step, `reader.cli.install_stores`, keeps the compiled
  patterns and the bundled themes beside the package's .pyc files; without them this start
  compiles its regular expressions and parses the themes on the way); ≤ 1.5×, as cold10k
- memory100k: peak RSS of the TUI on the 100,000 after opening, Esc G (last row), Tab and
  a library search (`S 国务院 Enter`); < 300 MB
- list100k: headless, j in a 100,000-row article list, keypress to screen; < 16 ms median

The early frame (`reader.ui.early_frame`, on unless --no-early-frame, which writes
`early_frame: false` in the config of --work): before a case's timed runs, one session
is started from the case's state and left until its first frame is recorded, so the
timed starts find a frame that matches (a cold start wipes the index and the frames,
and finds none). The marker is then first on screen in the early frame.

After each timed case, the CPU seconds to the first frame (bare and reader, medians; a
tracer hooks the first frame of each) follow on the next line: on a machine busy with
other work, wall time swings with the load, CPU time much less.

Every run of a case starts from the same state: the state folder (and, cold, the cache)
is removed first, for A as for B, so both pay the same `rm`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TOOLS = REPO.parent / "shared" / "tools"
BUNDLED = REPO / "articles" / "2015-06-19-jiayuguan-defence-mobilisation.txt"
TARGETS = {
    "bundled": 1.05,
    "new10k": 1.3,
    "back10k": 1.2,
    "new100k": 1.5,
    "back100k": 1.5,
    "cold10k": 1.5,
    "first10k": 1.5,
}
CASES = [*TARGETS, "memory100k", "list100k"]
CJK = re.compile(r"[\u4e00-\u9fff]{6}")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_library import copy_library  # noqa: E402


def marker_of(path: Path) -> str:
    """Six Chinese characters from the start of the article's first body line: on the
    first screen of both apps, and not in the list (which shows titles)."""
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    body = lines[0].removeprefix("央视网消息（新闻联播）：")
    found = CJK.search(body[:18])
    if found is None:
        raise SystemExit(f"no marker in the first line of {path}")
    return found.group()


class Bench:
    def __init__(
        self, work: Path, reader: str, runs: int, early_frame: bool = True, install_stores: bool = True
    ) -> None:
        self.work = work
        self.install_stores = install_stores
        self.reader = reader
        self.runs = runs
        self.early_frame = early_frame
        self.python = str(REPO / ".venv" / "bin" / "python")
        config = work / "config" / "config.yaml"
        config.parent.mkdir(parents=True, exist_ok=True)
        if early_frame:
            config.unlink(missing_ok=True)
        else:
            config.write_text("early_frame: false\n", encoding="utf-8")

    def prime(self, args: str, env: dict[str, str], reset: str) -> None:
        """Sessions from the case's state before the timed ones: the first is left until its
        background work (the index) has settled and quits with q; the second is left until
        it has recorded its first frame, the one the timed starts then find."""
        if not self.early_frame:
            return
        cache = Path(env["READER_CACHE_DIR"])
        frames = cache / "early-frames"
        forward = [a for k, v in env.items() if k.startswith("READER_") for a in ("-e", f"{k}={v}")]
        name = f"fpprime{os.getpid()}"

        def session(done: Callable[[], bool], keys: str | None) -> None:
            command = f"{reset}{self.reader} {args}; sleep 60"
            subprocess.run(
                ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", *forward, command], env=env
            )
            try:
                end = time.monotonic() + 90
                while not done() and time.monotonic() < end:
                    time.sleep(0.2)
                if keys is not None:
                    subprocess.run(["tmux", "send-keys", "-t", name, keys], env=env)
                    time.sleep(2)
            finally:
                subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True, env=env)

        seen: list[object] = []

        def settled() -> bool:
            files = sorted(
                (p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in cache.rglob("*") if p.is_file()
            )
            seen.append(files)
            return len(seen) > 15 and all(old == files for old in seen[-15:])  # 3 s unchanged

        session(settled, "q")
        subprocess.run(["rm", "-rf", str(frames)], check=True)  # the second session records its own
        session(lambda: any(frames.glob("*.json")), None)
        if not any(frames.glob("*.json")):
            print(f"{'':<10} (no early frame recorded)")

    def env(self, name: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "READER_", "TMUX"))}
        env["TMUX_TMPDIR"] = os.environ["TMUX_TMPDIR"]
        env["READER_CONFIG_DIR"] = str(self.work / "config")
        env["READER_STATE_DIR"] = str(self.work / f"state-{name}")
        env["READER_CACHE_DIR"] = str(self.work / f"cache-{name}")
        if not self.install_stores:  # as an install that kept no compile stores (pip, a read-only site)
            env["READER_INSTALL_STORES_DIR"] = str(self.work / "no-install-stores")
        return env

    def library(self, count: int) -> Path:
        folder = self.work / f"lib{count // 1000}k"
        copy_library(folder, count)
        index = self.work / f"cache-lib{count // 1000}k"
        if not (index / "index").is_dir():
            print(f"indexing {folder} (once)…", flush=True)
            env = self.env(f"lib{count // 1000}k")
            subprocess.run(
                [*self.reader.split(), "index", str(folder)], env=env, check=True, capture_output=True
            )
        return folder

    def index_file(self, folder: Path) -> Path:
        return next((self.work / f"cache-{folder.name}" / "index").glob("*.sqlite3"))

    def middle_article(self, folder: Path) -> Path:
        with sqlite3.connect(self.index_file(folder)) as conn:
            (count,) = conn.execute("SELECT count(*) FROM files").fetchone()
            (key,) = conn.execute(
                "SELECT path FROM files ORDER BY date DESC, path LIMIT 1 OFFSET ?", (count // 2,)
            ).fetchone()
        return folder / key

    def newest_article(self, folder: Path) -> Path:
        with sqlite3.connect(self.index_file(folder)) as conn:
            (key,) = conn.execute(
                "SELECT path FROM files WHERE error IS NULL ORDER BY date DESC, path"
            ).fetchone()
        return folder / key

    def remember(self, state: Path, article: Path, library: Path) -> None:
        """A state folder in which `article` was the last one open (at its first paragraph)."""
        code = (
            "from pathlib import Path; from reader.library.state import ReadingState; "
            f"s = ReadingState.load(Path({str(state / 'state.json')!r})); "
            f"s.set_position(Path({str(article)!r}), 0); "
            f"s.set_last_open(Path({str(article)!r}), Path({str(library)!r})); s.save()"
        )
        subprocess.run([self.python, "-c", code], check=True, cwd=tempfile.gettempdir())

    def first_frame_cpu(self, name: str, bare_file: Path, args: str, env: dict[str, str], reset: str) -> None:
        """CPU seconds to the first frame, bare and reader alternated in tmux (medians)."""
        # The tracer runs this tree's python on the reader package it finds: `--reader "env
        # PYTHONPATH=OLD .venv/bin/reader"` traces OLD's (its environment is kept).
        prefix = self.reader.rsplit(" ", 1)[0] + " " if self.reader.startswith("env ") else ""
        me = f"{prefix}{self.python} {Path(__file__).resolve()} {FIRST_FRAME_CHILD}"
        outs = {kind: self.work / f"cpu-{name}-{kind}.txt" for kind in ("bare", "reader")}
        for out in outs.values():
            out.unlink(missing_ok=True)
        commands = {
            "bare": f"{reset}{me} {outs['bare']} bare {bare_file}",
            "reader": f"{reset}{me} {outs['reader']} reader {args}",
        }
        forward = [a for k, v in env.items() if k.startswith("READER_") for a in ("-e", f"{k}={v}")]
        for _run in range(self.runs + 1):  # the first run of each warms the caches and is dropped
            for command in commands.values():
                session = f"fpcpu{os.getpid()}"
                subprocess.run(
                    ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", *forward, command],
                    env=env,
                )
                end = time.monotonic() + 60
                while time.monotonic() < end:
                    done = subprocess.run(
                        ["tmux", "has-session", "-t", session], capture_output=True, env=env
                    )
                    if done.returncode != 0:
                        break
                    time.sleep(0.05)
                subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, env=env)
        seconds = {kind: [float(x) for x in out.read_text().split()[1:]] for kind, out in outs.items()}
        bare, ours = statistics.median(seconds["bare"]), statistics.median(seconds["reader"])
        print(
            f"{'':<10} CPU to the first frame: bare {bare:.3f} s  reader {ours:.3f} s"
            f"  ratio {ours / bare:.2f}",
            flush=True,
        )

    def first_paint(
        self, name: str, marker: str, bare_file: Path, args: str, env: dict[str, str], reset: str
    ) -> None:
        bare = f"{reset}{self.python} {TOOLS / 'bare_textual.py'} {bare_file}"
        ours = f"{reset}{self.reader} {args}"
        if not reset.startswith("rm -rf " + env["READER_CACHE_DIR"]):
            self.prime(args, env, reset)
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, str(TOOLS / "first_paint.py"), marker, str(self.runs), bare, "--", ours],
            env=env,
            capture_output=True,
            text=True,
            cwd=tempfile.gettempdir(),
        ).stdout
        medians = re.search(r"A median ([\d.]+)s\s+B median ([\d.]+)s", out)
        ratio = re.search(r"ratio B/A median ([\d.]+)", out)
        if medians is None or ratio is None:
            print(f"{name:<10} no result: {out.strip()!r}")
            return
        target = TARGETS[name]
        verdict = "ok" if float(ratio.group(1)) <= target else "OVER"
        print(
            f"{name:<10} bare {float(medians.group(1)):.3f} s  reader {float(medians.group(2)):.3f} s"
            f"  ratio {ratio.group(1)}  (target ≤ {target}: {verdict}; {self.runs} runs,"
            f" {time.perf_counter() - started:.0f} s)",
            flush=True,
        )
        self.first_frame_cpu(name, bare_file, args, env, reset)

    def warm(self, name: str, count: int, returning: bool) -> None:
        folder = self.library(count)
        env = self.env(folder.name)
        state = Path(env["READER_STATE_DIR"])
        article = self.middle_article(folder) if returning else self.newest_article(folder)
        if returning:
            # The remembered state is copied into a fresh folder before every run.
            saved = self.work / f"saved-{name}"
            subprocess.run(["rm", "-rf", str(saved)], check=True)
            self.remember(saved, article, folder)
            reset = f"rm -rf {state}; cp -r {saved} {state}; "
        else:
            reset = f"rm -rf {state}; "
        self.first_paint(name, marker_of(article), article, str(folder), env, reset)

    def cold(self, first_start: bool = False) -> None:
        folder = self.library(10_000)
        env = self.env("first" if first_start else "cold")
        cache, state = env["READER_CACHE_DIR"], env["READER_STATE_DIR"]
        from reader.library.index import BATCH, FIRST_BATCH
        from reader.library.scan import scan_library
        from reader.loaders import load_article

        # The first article a cold start shows: the newest of the first batch read (path order).
        first = sorted(scan_library(folder))[: min(FIRST_BATCH, BATCH)]
        dated = [(load_article(folder / key).published, key) for key in first]
        newest = min(dated, key=lambda item: (-(item[0].timestamp() if item[0] else 0), item[1]))[1]
        # Shown by any article: the outlet in reader's header, the body's 央视网消息 in the bare
        # app's; the first files read may be fewer on a busy machine (a time budget).
        marker = "央视网"
        wiped = f"{cache}" if first_start else f"{cache}/index {cache}/early-frames"
        name = "first10k" if first_start else "cold10k"
        self.first_paint(name, marker, folder / newest, str(folder), env, f"rm -rf {wiped} {state}; ")

    def memory(self) -> None:
        folder = self.library(100_000)
        env = self.env(folder.name)
        out = self.work / "memory.kb"
        name = "paintmem"
        out.unlink(missing_ok=True)
        subprocess.run(["rm", "-rf", env["READER_STATE_DIR"]], check=True)
        forward = [a for k, v in env.items() if k.startswith("READER_") for a in ("-e", f"{k}={v}")]
        command = f"/usr/bin/time -f %M -o {out} {self.reader} {folder}"
        subprocess.run(["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", *forward, command])

        def screen() -> str:
            return subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True
            ).stdout

        def wait_for(text: str, limit: float = 60) -> bool:
            end = time.monotonic() + limit
            while time.monotonic() < end:
                if text in screen():
                    return True
                time.sleep(0.05)
            return False

        def keys(*sent: str) -> None:
            for key in sent:
                subprocess.run(["tmux", "send-keys", "-t", name, key])
                time.sleep(0.3)

        try:
            if not wait_for(marker_of(self.newest_article(folder))):
                print(f"memory100k: the newest article never showed: {screen()[-400:]!r}")
            time.sleep(3)  # the refresh's scan of 100,000 files
            keys("Escape", "G", "Tab", "S", "国务院", "Enter")
            time.sleep(3)
            keys("Escape", "q")
            end = time.monotonic() + 60  # `time` creates the file at once and writes it at the end
            while not (out.exists() and out.read_text().strip()) and time.monotonic() < end:
                time.sleep(0.1)
        finally:
            subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
        if out.exists() and out.read_text().strip():
            peak = int(out.read_text().split()[-1]) / 1024
            print(f"memory100k peak RSS {peak:.0f} MB after opening, Esc G, Tab, S 国务院 (target < 300 MB)")
        else:
            print("memory100k: no figure (the TUI did not quit)")

    def list_scroll(self) -> None:
        asyncio.run(list_scroll(100_000))


async def list_scroll(count: int) -> None:
    from bench_reading import keypress_latencies
    from textual.app import App, ComposeResult

    from reader.library import LibraryEntry
    from reader.ui.widgets.library_table import LibraryTable

    entries = [
        LibraryEntry(
            Path(f"/lib/copy{n // 2000:02d}/xwlb_{n}.txt"),
            f"第{n}篇文章的标题很长很长",
            "2020-01-01",
            "央视网",
            date_key=f"2020-01-{n % 28 + 1:02d}",
        )
        for n in range(count)
    ]

    class Lister(App[None]):
        def compose(self) -> ComposeResult:
            yield LibraryTable(entries, id="articles")

    app = Lister()
    async with app.run_test(size=(120, 40)) as pilot:
        app.query_one(LibraryTable).focus()
        await pilot.pause()
        times = await keypress_latencies(app, "j", 200)  # type: ignore[arg-type]
    median, p95 = statistics.median(times), sorted(times)[int(len(times) * 0.95)]
    print(
        f"list100k   j → screen: median {median:.2f} ms, p95 {p95:.2f} ms ({count:,} rows, 200 presses; < 16)"
    )


FIRST_FRAME_CHILD = "--first-frame-child"
"""Run as `bench_first_paint.py --first-frame-child OUT (bare FILE | reader ARGS…)`: the app
exits once its first frame is drawn and appends its CPU seconds since the start to OUT."""


def first_frame_child(argv: list[str]) -> None:
    """The first frame's tracer: CPU time, not wall time, so a machine busy with other work
    changes it little. reader's frame is the one `after_first_frame` follows; the bare app's
    is the first refresh after its mount."""
    import resource

    out, kind, *rest = argv

    def stamp() -> None:
        used = resource.getrusage(resource.RUSAGE_SELF)
        with open(out, "a", encoding="utf-8") as file:
            file.write(f"{used.ru_utime + used.ru_stime:.4f}\n")

    if kind == "bare":
        import runpy

        from textual.app import App

        run = App.run

        def run_once(self: App[object], *args: object, **kwargs: object) -> object:
            self.call_later(lambda: self.call_after_refresh(lambda: (stamp(), self.exit())))
            return run(self, *args, **kwargs)  # type: ignore[arg-type]

        App.run = run_once  # type: ignore[method-assign]
        sys.argv = [str(TOOLS / "bare_textual.py"), *rest]
        runpy.run_path(str(TOOLS / "bare_textual.py"), run_name="__main__")
        return
    import importlib.abc
    import importlib.machinery
    import types

    from reader.cli import main
    from reader.ui import early_frame

    show = early_frame.show

    def show_once(*args: object, **kwargs: object) -> object:
        shown = show(*args, **kwargs)  # type: ignore[arg-type]
        if shown is not None:
            stamp()  # the first paint is the early frame's, drawn before Textual is imported
            os._exit(0)
        return shown

    early_frame.show = show_once  # type: ignore[assignment]
    import reader.cli.next_frame

    # No frame for a next start after a traced one: that start is another run's, from the reset state.
    reader.cli.next_frame.render_next_start = lambda args, width: None  # type: ignore[assignment]

    def patch_app(module: types.ModuleType) -> None:
        init = module.ReaderApp.__init__

        def init_once(self: Any, *args: object, **kwargs: object) -> None:
            after = kwargs.pop("after_first_frame", None)
            recorder = kwargs.get("early_frame")

            def first_frame() -> None:
                if callable(after):
                    after()
                if recorder is None:
                    stamp()
                    self.exit()

            if isinstance(recorder, early_frame.FrameRecorder):
                # Stamped once the frame is recorded, for the next runs to draw.
                recorder.after.append(lambda: (stamp(), self.exit()))
            init(self, *args, after_first_frame=first_frame, **kwargs)

        module.ReaderApp.__init__ = init_once

    class PatchOnImport(importlib.abc.MetaPathFinder):
        """Patches reader.ui.app once the CLI imports it (importing it here would import
        Textual before the early frame, and count it)."""

        def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
            if name != "reader.ui.app":
                return None
            spec = importlib.machinery.PathFinder.find_spec(name, path)
            if spec is None or spec.loader is None:
                return spec
            loader = spec.loader
            execute = loader.exec_module  # type: ignore[attr-defined]

            def exec_module(module: types.ModuleType) -> None:
                execute(module)
                patch_app(module)

            loader.exec_module = exec_module  # type: ignore[attr-defined]
            return spec

    sys.meta_path.insert(0, PatchOnImport())
    main(rest)


def main() -> int:
    if sys.argv[1:2] == [FIRST_FRAME_CHILD]:
        first_frame_child(sys.argv[2:])
        return 0
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--cases", default=",".join(CASES), help=f"comma-separated, of {', '.join(CASES)}")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "reader-first-paint")
    parser.add_argument("--reader", default=str(REPO / ".venv" / "bin" / "reader"), help="the reader command")
    parser.add_argument(
        "--no-early-frame", action="store_true", help="early_frame: false in the config: Textual draws first"
    )
    parser.add_argument(
        "--no-install-stores",
        action="store_true",
        help="as an install whose compile stores are missing (reader.cli.install_stores not run)",
    )
    args = parser.parse_args()
    if not (TOOLS / "first_paint.py").is_file():
        print("skipped: ../shared/tools is not here")
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    early, stores = not args.no_early_frame, not args.no_install_stores
    bench = Bench(args.work, args.reader, args.runs, early_frame=early, install_stores=stores)
    # A tmux server of our own (its own socket folder), kept running as a user's is:
    # otherwise every run starts one. Started from here, it runs at this process's priority.
    os.environ["TMUX_TMPDIR"] = str(args.work / "tmux")
    (args.work / "tmux").mkdir(exist_ok=True)
    keeper = f"fpkeep{os.getpid()}"
    subprocess.run(["tmux", "new-session", "-d", "-s", keeper, "sleep 3600"], check=True)
    try:
        run_cases(bench, args.cases.split(","), parser)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", keeper], capture_output=True)
    return 0


def run_cases(bench: Bench, cases: list[str], parser: argparse.ArgumentParser) -> None:
    for case in cases:
        if case == "bundled":
            env = bench.env("bundled")
            bench.first_paint(
                "bundled",
                "全市国防动员委员会",
                BUNDLED,
                str(BUNDLED),
                env,
                f"rm -rf {env['READER_STATE_DIR']}; ",
            )
        elif case in ("new10k", "back10k", "new100k", "back100k"):
            bench.warm(case, 10_000 if case.endswith("10k") else 100_000, case.startswith("back"))
        elif case in ("cold10k", "first10k"):
            bench.cold(first_start=case == "first10k")
        elif case == "memory100k":
            bench.memory()
        elif case == "list100k":
            bench.list_scroll()
        else:
            parser.error(f"unknown case {case!r}")


if __name__ == "__main__":
    sys.exit(main())
