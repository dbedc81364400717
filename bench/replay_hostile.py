"""Replay the hostile cases of issue 12 against this tree; one line per case (ok / FAIL).

    .venv/bin/python bench/replay_hostile.py

Every case runs reader in a subprocess with private config, state and cache folders
and a timeout (a hang is a FAIL), under a 2 GB address-space limit (a YAML bomb that
expands is a FAIL, not a swapping machine). Cases: FIFOs, YAML bombs, huge numbers,
control characters in file names, CSV formulas, file names that are not UTF-8, an
unusable cache folder (under a file; read-only and full via a tiny tmpfs when run as
root), damage inside the index, kill -9 during `reader index`, huge front matter.
Exit status 1 when any case fails.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
TIMEOUT = 60
ARTICLE = "全市国防动员会议召开\n\n  会议要求，各部门要切实加强组织领导。市长张三出席。\n"
BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]\n" for n in range(8)
)
FAKE_TUI = (
    "import sys\nimport reader.ui.app\n"
    "class FakeApp:\n"
    "    def __init__(self, **kw): self.kw = kw\n"
    "    def run(self): print('started', *self.kw['notices'], sep='\\n')\n"
    "reader.ui.app.ReaderApp = FakeApp\n"
    "from reader.cli import main\n"
    "status = main(sys.argv[1:])\n"
    "from reader import glossary, pinyin\n"
    "print(glossary.overlay_problem(), pinyin.overlay_problem())\n"
    "sys.exit(status)\n"
)
REAL_TUI = """
import asyncio, sys
from pathlib import Path
from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp

async def main():
    folder = Path(sys.argv[1])
    open_file = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    themes, _ = discover_themes()
    app = ReaderApp(library=folder, open_file=open_file, theme_specs=themes, theme_name="ink")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        await pilot.press("j", "Y")
        await pilot.pause()
        print("article:", app.article.title if app.article else None)
        for notice in app.notified:  # every notification the app showed, oldest first
            print("notice:", notice.message)

asyncio.run(main())
"""

results: list[tuple[str, str | None]] = []


class Run:
    """A finished reader process: status, stdout and stderr (text, decoded as UTF-8)."""

    def __init__(self, status: int, out: bytes, err: bytes) -> None:
        self.status, self.out_bytes = status, out
        self.out, self.err = out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def reader(dirs: Path, *args: str, code: str | None = None, env: dict[str, str] | None = None) -> Run:
    """`reader ARGS` (or `python -c CODE ARGS`) with private folders; TimeoutError on a hang."""
    command = [PYTHON, "-m", "reader", *args] if code is None else [PYTHON, "-c", code, *args]
    environment = {
        **os.environ,
        "READER_CONFIG_DIR": str(dirs / "config"),
        "READER_STATE_DIR": str(dirs / "state"),
        "READER_CACHE_DIR": str(dirs / "cache"),
        "PYTHONIOENCODING": "utf-8",
        **(env or {}),
    }
    environment.pop("READER_CONFIG", None)
    try:
        done = subprocess.run(
            command, capture_output=True, timeout=TIMEOUT, env=environment, preexec_fn=_limit_memory, cwd=dirs
        )
    except subprocess.TimeoutExpired:
        raise TimeoutError(f"hung (killed after {TIMEOUT} s)") from None
    return Run(done.returncode, done.stdout, done.stderr)


def one_line(run: Run, fragment: str) -> None:
    """Exit 2 and exactly one `reader: ` line on stderr containing `fragment`."""
    assert "Traceback" not in run.err, run.err.strip().splitlines()[-1]
    assert run.status == 2, f"exit {run.status}: {run.err.strip()[:200]}"
    assert run.err.startswith("reader: ") and run.err.count("\n") == 1, run.err[:300]
    assert fragment in run.err, run.err.strip()


def case(name: str) -> Callable[[Callable[[Path], None]], Callable[[Path], None]]:
    def register(check: Callable[[Path], None]) -> Callable[[Path], None]:
        CASES.append((name, check))
        return check

    return register


CASES: list[tuple[str, Callable[[Path], None]]] = []


def library(base: Path, name: str = "lib", count: int = 3) -> Path:
    folder = base / name
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"a{n:04}.txt").write_text(ARTICLE.replace("召开", f"召开{n}"), encoding="utf-8")
    return folder


# --- FIFOs ------------------------------------------------------------------------------

for label, args in [
    ("render FIFO", ("render", "{f}")),
    ("officials FIFO", ("officials", "{f}")),
    ("index FIFO", ("index", "{f}")),
    ("search --library FIFO", ("search", "会议", "--library", "{f}")),
    ("reader FIFO", ("{f}",)),
    ("--config FIFO", ("--config", "{f}", ".")),
]:

    def _fifo_arg(base: Path, args: tuple[str, ...] = args) -> None:
        fifo = base / "pipe.txt"
        os.mkfifo(fifo)
        one_line(reader(base, *(a.format(f=fifo) for a in args), code=FAKE_TUI), "named pipe")

    case(f"fifo: {label}")(_fifo_arg)

for name in ("config.yaml", "themes/pipe.yaml", "glossary.yaml", "surname_readings.yaml"):

    def _fifo_config(base: Path, name: str = name) -> None:
        (base / "config" / "themes").mkdir(parents=True)
        os.mkfifo(base / "config" / name)
        run = reader(base, str(library(base)), code=FAKE_TUI)
        assert run.status == 0 and "Traceback" not in run.err, run.err[-300:]
        assert "named pipe" in run.out + run.err, (run.out + run.err)[:300]

    case(f"fifo: {name} in the config folder")(_fifo_config)


# --- YAML bombs -------------------------------------------------------------------------

for name, key in [
    ("config.yaml", "theme"),
    ("themes/bomb.yaml", "primary"),
    ("glossary.yaml", "posts"),
    ("surname_readings.yaml", "single"),
]:

    def _bomb(base: Path, name: str = name, key: str = key) -> None:
        (base / "config" / "themes").mkdir(parents=True)
        (base / "config" / name).write_text(BOMB + f"{key}: *i\nname: bomb\n", encoding="utf-8")
        started = time.perf_counter()
        run = reader(base, str(library(base)), code=FAKE_TUI)
        assert run.status == 0 and "Traceback" not in run.err, run.err[-300:]
        lines = [line for line in (run.out + run.err).splitlines() if "too large" in line]
        assert lines and max(map(len, lines)) < 300, (run.out + run.err)[:300]
        assert time.perf_counter() - started < 20, "slow"

    case(f"yaml bomb: {name}")(_bomb)


@case("yaml bomb: --config bomb.yaml")
def _bomb_named(base: Path) -> None:
    (base / "bomb.yaml").write_text(BOMB + "measure: *i\n", encoding="utf-8")
    run = reader(base, "--config", str(base / "bomb.yaml"), str(library(base)), code=FAKE_TUI)
    assert run.status == 0 and "bomb.yaml: too large" in run.out + run.err, run.err[-300:]


@case("yaml bomb: officials.yaml overlay")
def _bomb_lexicon(base: Path) -> None:
    (base / "config").mkdir()
    (base / "config" / "officials.yaml").write_text(BOMB + "titles: *i\n", encoding="utf-8")
    # A broken overlay never stops reading: one warning line, the bundled lexicon, exit 0.
    run = reader(base, "officials", str(library(base) / "a0000.txt"))
    assert "Traceback" not in run.err and run.status == 0, run.err.strip()[-300:]
    assert run.err.startswith("reader: ") and run.err.count("\n") == 1 and "too large" in run.err, run.err
    assert run.out.strip(), "the officials were printed with the bundled lexicon"


@case("yaml bomb: front matter")
def _bomb_front(base: Path) -> None:
    (base / "bomb.md").write_text("---\n" + BOMB + "title: *i\n---\n\n正文。\n", encoding="utf-8")
    one_line(reader(base, "render", str(base / "bomb.md")), "too large")


# --- huge numbers -----------------------------------------------------------------------

for args in [
    ("search", "会议", "--limit", "99999999999999999999999"),
    ("render", "{a}", "--width", "99999999999999999999"),
    ("render", "{a}", "--width", "3000000000"),
    ("render", "{a}", "--width", "100000000"),
]:

    def _number(base: Path, args: tuple[str, ...] = args) -> None:
        article = library(base) / "a0000.txt"
        one_line(reader(base, *(a.format(a=article) for a in args)), "must be a whole number")

    case(f"number: {' '.join(args[-2:])}")(_number)


# --- control characters, CSV formulas ---------------------------------------------------

HOSTILE = "a\u009b2J\u202egnp.exe\u202c.txt"


@case("controls: search table and JSON with C1/bidi in a file name")
def _controls(base: Path) -> None:
    folder = library(base)
    (folder / HOSTILE).write_text(ARTICLE, encoding="utf-8")
    for form in ("table", "json"):
        run = reader(base, "search", "会议", "--library", str(folder), "--format", form)
        assert run.status == 0, run.err[-300:]
        assert not any(c in run.out for c in "\u009b\u202e\u202c"), f"{form} leaks"


@case("controls: Y citation of a file with bidi in its name")
def _citation(base: Path) -> None:
    code = (
        "import sys\nfrom pathlib import Path\nfrom reader.citation import citation\n"
        "from reader.loaders import load_article\nfrom reader.textsafety import has_unsafe\n"
        "line = citation(load_article(Path(sys.argv[1])), 0, relative_to=Path(sys.argv[1]).parent)\n"
        "sys.exit(1 if has_unsafe(line) else 0)\n"
    )
    folder = library(base)
    (folder / HOSTILE).write_text(ARTICLE, encoding="utf-8")
    run = reader(base, str(folder / HOSTILE), code=code)
    assert run.status == 0, run.err[-300:] or "the citation carries controls"


@case("csv: a leading = + - @ is escaped")
def _csv(base: Path) -> None:
    code = (
        "from reader.officials.export import csv_cell\n"
        "cells = [csv_cell(c) for c in ('=1+1', '+x', '-y', '@z', '-1')]\n"
        'assert cells == ["\'=1+1", "\'+x", "\'-y", "\'@z", \'-1\'], cells\n'
    )
    run = reader(base, code=code)
    assert run.status == 0, run.err[-300:]


# --- names that are not UTF-8 -----------------------------------------------------------

BAD = os.fsdecode(b"bad\xff.txt")


def bad_library(base: Path) -> Path:
    folder = library(base, os.fsdecode(b"lib\xfe"))
    (folder / BAD).write_text(ARTICLE, encoding="utf-8")
    return folder


for label, args in [
    ("index", ("index", "{d}")),
    ("search", ("search", "会议", "--library", "{d}")),
    ("search json", ("search", "会议", "--library", "{d}", "--format", "json")),
    ("officials json", ("officials", "{d}/" + BAD, "--format", "json")),
]:

    def _bad_name(base: Path, args: tuple[str, ...] = args) -> None:
        folder = bad_library(base)
        run = reader(base, *(a.format(d=folder) for a in args))
        assert run.status == 0 and "Traceback" not in run.err, run.err.strip()[-200:]
        run.out_bytes.decode("utf-8")  # valid UTF-8 text
        if "json" in args:
            json.loads(run.out)

    case(f"non-UTF-8 name: {label}")(_bad_name)


@case("non-UTF-8 name: TUI start, j, Y")
def _bad_tui(base: Path) -> None:
    folder = bad_library(base)
    run = reader(base, str(folder), str(folder / BAD), code=REAL_TUI)
    assert run.status == 0 and "article: 全市" in run.out, run.err.strip()[-300:]


# --- the cache folder -------------------------------------------------------------------


@case("cache under a regular file: reader index")
def _cache_file_cli(base: Path) -> None:
    (base / "file").write_text("x", encoding="utf-8")
    run = reader(base, "index", str(library(base)), env={"READER_CACHE_DIR": str(base / "file" / "c")})
    one_line(run, "cache folder cannot be used")


@case("cache under a regular file: TUI runs with a notice")
def _cache_file_tui(base: Path) -> None:
    (base / "file").write_text("x", encoding="utf-8")
    folder = library(base)
    run = reader(
        base,
        str(folder),
        str(folder / "a0001.txt"),
        code=REAL_TUI,
        env={"READER_CACHE_DIR": str(base / "file" / "c")},
    )
    assert run.status == 0 and "article: 全市" in run.out, run.err.strip()[-300:]
    assert "notice: No library index" in run.out, run.out


def tmpfs(path: Path, size: str) -> bool:
    """Mount a tiny tmpfs at `path` (root only); False when that is not possible here."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    return (
        subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
        ).returncode
        == 0
    )


def umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True)


@case("cache on a read-only filesystem: CLI one line, TUI runs, index kept")
def _cache_readonly(base: Path) -> None:
    mount = base / "ro"
    if not tmpfs(mount, "4m"):
        raise NotImplementedError("needs root and mount")
    try:
        folder = library(base)
        env = {"READER_CACHE_DIR": str(mount)}
        assert reader(base, "index", str(folder), env=env).status == 0
        (folder / "new.txt").write_text(ARTICLE, encoding="utf-8")
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        run = reader(base, "index", str(folder), env=env)
        assert run.status == 2 and run.err.count("\n") == 1 and "Traceback" not in run.err, run.err[-300:]
        tui = reader(base, str(folder), str(folder / "a0001.txt"), code=REAL_TUI, env=env)
        assert tui.status == 0 and "article: 全市" in tui.out, tui.err.strip()[-300:]
        assert not list(mount.rglob("*.damaged-*"))
    finally:
        umount(mount)


@case("cache disk full: the index is kept, one line, no damaged copies, no rebuild after")
def _cache_full(base: Path) -> None:
    mount = base / "full"
    if not tmpfs(mount, "8m"):
        raise NotImplementedError("needs root and mount")
    try:
        folder = library(base)
        env = {"READER_CACHE_DIR": str(mount)}
        assert reader(base, "index", str(folder), env=env).status == 0
        index = next(mount.rglob("*.sqlite3"))
        size = index.stat().st_size
        for n in range(300):
            (folder / f"b{n:04}.txt").write_text(ARTICLE * 3, encoding="utf-8")
        filler = mount / "filler"
        with filler.open("wb") as handle:
            try:
                while True:
                    handle.write(b"\0" * 65536)
                    handle.flush()
            except OSError:
                pass
        for _ in range(2):
            run = reader(base, "index", str(folder), env=env)
            # Progress lines may come first (`reader index` prints them); then one error line.
            errors = [line for line in run.err.splitlines() if line.startswith("reader: ")]
            assert run.status == 2 and len(errors) == 1 and "Traceback" not in run.err, (
                run.status,
                run.err[-300:],
            )
            assert "full" in errors[0], errors[0]
        assert index.exists() and index.stat().st_size >= size and not list(mount.rglob("*.damaged-*"))
        filler.unlink()
        run = reader(base, "index", str(folder), env=env)
        assert run.status == 0 and "300 added" in run.out, run.out + run.err[-300:]
    finally:
        umount(mount)


@case("index damaged inside: reader index and search recover, then run clean")
def _damage(base: Path) -> None:
    import random
    import sqlite3

    folder = library(base, count=60)
    assert reader(base, "index", str(folder)).status == 0
    path = next((base / "cache").rglob("*.sqlite3"))
    with sqlite3.connect(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'files'").fetchone()[0]
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(random.Random(1).randbytes(page))
    first = reader(base, "search", "会议", "--library", str(folder))
    assert first.status == 0 and "damaged" in first.err, first.err[-300:]
    again = reader(base, "index", str(folder))
    assert again.status == 0 and "damaged" not in again.err, again.err[-300:]
    assert len(list(path.parent.glob("*.damaged-*"))) == 1


@case("kill -9 during reader index: the next run equals a clean rebuild")
def _kill(base: Path) -> None:
    folder = library(base, count=3000)
    env = {**os.environ, "READER_CACHE_DIR": str(base / "cache"), "READER_STATE_DIR": str(base / "state")}
    env["READER_CONFIG_DIR"] = str(base / "config")
    process = subprocess.Popen(
        [PYTHON, "-m", "reader", "index", str(folder)], env=env, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    for line in process.stderr:
        if b"text and metadata: 1000/" in line:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert reader(base, "index", str(folder)).status == 0
    query = ("search", "会议", "--library", str(folder), "--format", "json", "--limit", "1000000")
    resumed = reader(base, *query)
    clean = reader(base, *query, env={"READER_CACHE_DIR": str(base / "clean-cache")})
    assert resumed.status == clean.status == 0 and resumed.out == clean.out, "differs from a clean rebuild"


# --- front matter -----------------------------------------------------------------------


@case("front matter: 300,000 keys refused fast")
def _front_keys(base: Path) -> None:
    keys = "".join(f"k{n}: v\n" for n in range(300_000))
    (base / "keys.md").write_text(f"---\ntitle: t\n{keys}---\n\n正文。\n", encoding="utf-8")
    started = time.perf_counter()
    one_line(reader(base, "render", str(base / "keys.md")), "too large")
    assert time.perf_counter() - started < 10, "slow"


@case("front matter: a list as a key is named as such")
def _front_key(base: Path) -> None:
    (base / "key.md").write_text("---\n? [a, b]\n: x\n---\n\n正文。\n", encoding="utf-8")
    one_line(reader(base, "render", str(base / "key.md")), "not plain text")


def main() -> int:
    failed = 0
    for name, check in CASES:
        base = Path(tempfile.mkdtemp(prefix="reader-hostile-"))
        try:
            check(base)
            print(f"ok    {name}", flush=True)
        except NotImplementedError as why:
            print(f"skip  {name} ({why})", flush=True)
        except (AssertionError, TimeoutError, OSError, ValueError) as problem:
            failed += 1
            text = " ".join(str(problem).split())[:200]
            print(f"FAIL  {name}: {type(problem).__name__} {text}", flush=True)
        finally:
            shutil.rmtree(base, ignore_errors=True)
    print(f"{len(CASES) - failed}/{len(CASES)} cases hold")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
