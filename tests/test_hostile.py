"""Hostile inputs from issue 12: FIFOs, YAML bombs, huge numbers, control characters.

Each case that could hang runs reader in a subprocess with a timeout, so a regression
fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.textsafety import has_unsafe

REPO = Path(__file__).resolve().parents[1]
ARTICLE = "全市国防动员会议召开\n\n  会议要求，各部门要切实加强组织领导。\n"
TIMEOUT = 60

# Starts the CLI with a stand-in for the TUI app, which prints the notices it was given.
FAKE_TUI = (
    "import sys\n"
    "import reader.ui.app\n"
    "class FakeApp:\n"
    "    def __init__(self, **kw):\n"
    "        self.kw = kw\n"
    "    def run(self):\n"
    "        print('started', *self.kw['notices'], sep='\\n')\n"
    "reader.ui.app.ReaderApp = FakeApp\n"
    "from reader.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def run(
    *args: str, code: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m reader ARGS` (or `python -c CODE ARGS`), killed after TIMEOUT seconds."""
    command = [sys.executable, "-m", "reader", *args] if code is None else [sys.executable, "-c", code, *args]
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reader {' '.join(args)} hung (killed after {TIMEOUT} s)")


def assert_one_line_exit_2(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("reader: ") and result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr and not has_unsafe(result.stderr)


# --- 1. FIFOs and other non-regular files ----------------------------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("render", "{fifo}"),
        ("officials", "{fifo}"),
        ("index", "{fifo}"),
        ("search", "会议", "--library", "{fifo}"),
        ("{fifo}",),
        ("--config", "{fifo}"),
    ],
)
def test_a_fifo_argument_is_one_line_not_a_hang(fifo: Path, args: tuple[str, ...]) -> None:
    result = run(*(arg.format(fifo=fifo) for arg in args), code=FAKE_TUI)
    assert_one_line_exit_2(result, "named pipe")


@pytest.mark.parametrize(
    "name", ["config.yaml", "themes/pipe.yaml", "glossary.yaml", "surname_readings.yaml", "officials.yaml"]
)
def test_a_fifo_in_the_config_folder_never_stops_the_tui(tmp_path: Path, name: str) -> None:
    config = tmp_path / "config"
    (config / "themes").mkdir(parents=True)
    os.mkfifo(config / name)
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.txt").write_text(ARTICLE, encoding="utf-8")
    # The glossary, the surname readings and the lexicon are read when the app needs them:
    # read them here too, after start-up, as the app would.
    code = FAKE_TUI.replace(
        "sys.exit(main(sys.argv[1:]))\n",
        "status = main(sys.argv[1:])\n"
        "from reader import glossary, pinyin\n"
        "from reader.officials import extract_officials\n"
        "print(glossary.overlay_problem(), pinyin.overlay_problem())\n"
        "extract_officials(['市长张三说。'])\n"
        "sys.exit(status)\n",
    )
    result = run(str(library), code=code, env={"READER_CONFIG_DIR": str(config)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("started"), result.stdout
    assert "Traceback" not in result.stderr
    if name != "officials.yaml":  # a lexicon overlay that is not a file is not looked at
        assert "named pipe" in result.stdout + result.stderr


def test_the_loader_refuses_a_fifo_at_once(fifo: Path) -> None:
    from reader.article import ArticleError
    from reader.loaders import load_article

    with pytest.raises(ArticleError, match="named pipe"):
        load_article(fifo)


def test_read_regular_refuses_a_device_and_a_folder(tmp_path: Path) -> None:
    from reader.files import NotRegularFile, read_regular

    with pytest.raises(NotRegularFile, match="device"):
        read_regular("/dev/zero")
    with pytest.raises(NotRegularFile, match="folder"):
        read_regular(tmp_path)


# --- 2. YAML bombs ----------------------------------------------------------------------

BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 10)}]\n" for n in range(8)
)
"""Billion laughs: nine levels of ten, about 10**9 strings once expanded, 700 bytes of text."""


def test_the_safe_loader_stops_a_billion_laughs_fast() -> None:
    from reader import safeyaml

    with pytest.raises(safeyaml.YAMLTooLarge, match="aliases"):
        safeyaml.load(BOMB + "i: *i\n")
    # Aliases that stand for little are fine, and share as safe_load's do.
    data = safeyaml.load("a: &x [1, 2]\nb: *x\n")
    assert data == {"a": [1, 2], "b": [1, 2]}


def test_short_repr_never_walks_a_whole_value() -> None:
    from reader.safeyaml import short_repr

    nested: list[object] = ["lol"] * 10
    for _ in range(8):
        nested = [nested] * 10  # 10**9 strings, shared
    text = short_repr(nested)
    assert len(text) <= 80 and text.startswith("[[")
    assert len(short_repr("x" * 10_000)) <= 80


@pytest.mark.parametrize(
    ("name", "fragment"),
    [
        ("config.yaml", "config.yaml: "),
        ("themes/bomb.yaml", "bomb.yaml: "),
        ("glossary.yaml", "glossary.yaml: "),
        ("surname_readings.yaml", "surname_readings.yaml: "),
    ],
)
def test_a_yaml_bomb_in_the_config_folder_is_one_short_line(tmp_path: Path, name: str, fragment: str) -> None:
    """Each file gets the bomb under a key it would check, so a loader that expands it hangs."""
    config = tmp_path / "config"
    (config / "themes").mkdir(parents=True)
    key = {"config.yaml": "theme", "glossary.yaml": "posts", "surname_readings.yaml": "single"}.get(
        name, "primary"
    )
    (config / name).write_text(BOMB + f"{key}: *i\nname: bomb\n", encoding="utf-8")
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code = FAKE_TUI.replace(
        "sys.exit(main(sys.argv[1:]))\n",
        "import resource\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))\n"
        "status = main(sys.argv[1:])\n"
        "from reader import glossary, pinyin\n"
        "print(glossary.overlay_problem(), pinyin.overlay_problem())\n"
        "sys.exit(status)\n",
    )
    result = run(str(library), code=code, env={"READER_CONFIG_DIR": str(config)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in (result.stdout + result.stderr).splitlines() if fragment in line]
    assert lines and all(len(line) < 300 for line in lines), lines
    assert any("too large" in line for line in lines), lines


def test_a_yaml_bomb_named_as_the_config_is_one_line(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(BOMB + "measure: *i\n", encoding="utf-8")
    result = run("--config", str(bomb), str(tmp_path), code=FAKE_TUI)
    assert result.returncode == 0
    assert "bomb.yaml: too large" in result.stdout + result.stderr
    assert max(len(line) for line in (result.stdout + result.stderr).splitlines()) < 300


def test_a_bomb_in_the_officials_overlay_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.officials import LexiconError
    from reader.officials.lexicon import _read

    path = tmp_path / "officials.yaml"
    path.write_text(BOMB + "titles: *i\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="too large"):
        _read(path)


def test_a_bomb_in_front_matter_is_one_line(tmp_path: Path) -> None:
    from reader.article import ArticleError
    from reader.loaders import load_article

    path = tmp_path / "bomb.md"
    path.write_text("---\n" + BOMB + "title: *i\n---\n\n正文。\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="too large"):
        load_article(path)


# --- 3. huge numbers --------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("search", "会议", "--limit", "99999999999999999999999"),
        ("search", "会议", "--limit", "0"),
        ("search", "会议", "--limit", "-99999999999999999999999"),
        ("render", "{article}", "--width", "99999999999999999999"),
        ("render", "{article}", "--width", "3000000000"),
        ("render", "{article}", "--width", "100000000"),
        ("render", "{article}", "--width", "1"),
        ("render", "{article}", "--width", "9" * 5000),
        ("render", "{article}", "--width", "+-5"),
    ],
)
def test_every_numeric_option_is_bounded_with_one_line(tmp_path: Path, args: tuple[str, ...]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run(*(arg.format(article=article) for arg in args))
    assert_one_line_exit_2(result, "must be a whole number from")
    assert len(result.stderr) < 200  # the value is never echoed whole


def test_bounded_options_accept_their_range(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert run("render", str(article), "--width", "1000").returncode == 0
    result = run("search", "会议", "--library", str(tmp_path), "--limit", "1000000")
    assert result.returncode == 0 and "会议" in result.stdout, result.stderr


# --- 4. control characters in file names ------------------------------------------------

HOSTILE_NAME = "a\u009b2J\u202egnp.exe\u202c\u2066b\u2069.txt"


@pytest.mark.parametrize("form", ["table", "json"])
def test_search_output_never_carries_c1_or_bidi_characters(tmp_path: Path, form: str) -> None:
    (tmp_path / HOSTILE_NAME).write_text(ARTICLE, encoding="utf-8")
    result = run("search", "会议", "--library", str(tmp_path), "--format", form)
    assert result.returncode == 0, result.stderr
    assert "会议" in result.stdout
    for char in "\u009b\u202e\u202c\u2066\u2069":
        assert char not in result.stdout
    if form == "json":  # data stays exact: the escapes stand for the real name
        import json

        assert json.loads(result.stdout)[0]["path"].endswith(HOSTILE_NAME)
    else:  # the table names the article by its title (issue 14); paths are JSON's
        assert "全市国防动员会议召开" in result.stdout


def test_the_search_table_maps_one_character_for_one() -> None:
    from reader.library.export import hits_to_table
    from reader.library.search import SearchHit

    hit = SearchHit(
        path=Path("x\u009b.txt"),
        title="t\u202e",
        date_text="",
        paragraph=0,
        start=0,
        end=2,
        snippet="会\u202e议",
        marks=((0, 3),),
    )
    untitled = SearchHit(Path("x\u009b.txt"), "", "", 0, "会议", ((0, 2),), 0, 2)  # named by its file
    line = hits_to_table([hit, untitled])
    assert "【会\ufffd议】" in line and "t\ufffd" in line and "x\ufffd.txt" in line


# --- 6. file names that are not UTF-8 ---------------------------------------------------

BAD = os.fsdecode(b"bad\xff.txt")  # what os.scandir gives for a GBK-era name: bad\udcff.txt


def bad_library(tmp_path: Path) -> Path:
    folder = tmp_path / os.fsdecode(b"lib\xfe")
    folder.mkdir()
    (folder / BAD).write_text(ARTICLE, encoding="utf-8")
    # Another body than ARTICLE's: the same text would be one story, found once (reposts.py).
    (folder / "good.txt").write_text("第二篇\n\n  会议强调，要压实责任，抓好落实。\n", encoding="utf-8")
    return folder


def test_the_index_keeps_a_name_that_is_not_utf8_exactly(tmp_path: Path) -> None:
    from reader.library import LibraryIndex

    folder = bad_library(tmp_path)
    with LibraryIndex(folder) as index:
        first = index.refresh()
        assert (first.added, first.errors) == (2, 0)
        again = index.refresh()  # the key round-trips: nothing re-read, nothing removed
        assert (again.added, again.removed, again.unchanged) == (0, 0, 2)
        assert folder / BAD in {entry.path for entry in index.entries()}
        assert folder / BAD in {hit.path for hit in index.search("会议")}


@pytest.mark.parametrize(
    "args",
    [
        ("index", "{folder}"),
        ("search", "会议", "--library", "{folder}"),
        ("search", "会议", "--library", "{folder}", "--format", "json"),
        ("officials", "{folder}/" + BAD, "--format", "json"),
        ("officials", "{folder}/" + BAD, "--format", "csv"),
        ("render", "{folder}/" + BAD),
    ],
)
def test_the_cli_shows_names_that_are_not_utf8(tmp_path: Path, args: tuple[str, ...]) -> None:
    folder = bad_library(tmp_path)
    command = [sys.executable, "-m", "reader", *(arg.format(folder=folder) for arg in args)]
    result = subprocess.run(command, capture_output=True, timeout=TIMEOUT, env=os.environ.copy())
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    out = result.stdout.decode("utf-8")  # valid UTF-8 text, whatever the file names
    if "json" in args:
        import json

        data = json.loads(out)
        paths = [row["path"] for row in data] if isinstance(data, list) else [data["path"]]
        assert any(path.endswith(BAD) for path in paths)  # exact: \udcff stands for the byte
    elif args[0] == "search":  # the table shows titles (issue 14): the bad name's article too
        assert "全市国防动员会议召开" in out and "第二篇" in out


async def test_the_tui_opens_a_library_with_a_name_that_is_not_utf8(tmp_path: Path) -> None:
    from reader.library.state import ReadingState
    from reader.theme_files import discover_themes
    from reader.ui.app import ReaderApp
    from reader.ui.widgets.library_table import LibraryTable

    folder = bad_library(tmp_path)
    themes, _ = discover_themes()
    app = ReaderApp(library=folder, open_file=folder / BAD, theme_specs=themes, theme_name="ink")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        assert app.article is not None and app.article.path == folder / BAD
        assert folder / BAD in {entry.path for entry in app.query_one(LibraryTable).entries}
        await pilot.press("j")
        await pilot.pause()
    assert ReadingState.load().last_open == (folder / BAD).resolve()  # saved, and read back exactly


# --- 7. unusable cache, full disk, damage inside the database --------------------------


def small_library(tmp_path: Path, count: int = 3) -> Path:
    folder = tmp_path / "lib"
    folder.mkdir()
    for n in range(count):
        (folder / f"a{n:03}.txt").write_text(
            f"第{n}篇\n\n  会议要求，各部门要切实加强组织领导{n}。\n", encoding="utf-8"
        )
    return folder


def corrupt_middle(path: Path) -> None:
    """Random bytes over the `files` table's root page: the file opens (its header, schema
    and meta are sound) and the first query of a refresh finds it malformed."""
    import random
    import sqlite3

    with sqlite3.connect(path) as conn:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'files'").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(random.Random(12).randbytes(size))


@pytest.mark.parametrize("command", [["index", "{lib}"], ["search", "会议", "--library", "{lib}"]])
def test_the_cli_recovers_from_damage_inside_the_database(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main
    from reader.library import LibraryIndex

    folder = small_library(tmp_path, 60)
    with LibraryIndex(folder) as index:
        index.refresh()
        path = index.path
    corrupt_middle(path)
    args = [arg.format(lib=folder) for arg in command]
    assert main(args) == 0, capsys.readouterr().err
    err = capsys.readouterr().err
    assert "damaged" in err and "set aside" in err
    assert main(args) == 0  # and the next run is clean
    assert "damaged" not in capsys.readouterr().err
    assert len(list(path.parent.glob(f"{path.name}.damaged-*"))) == 1


def test_at_most_one_damaged_copy_is_kept(tmp_path: Path) -> None:
    from reader.library import LibraryIndex

    folder = small_library(tmp_path)
    for _ in range(3):
        with LibraryIndex(folder) as index:
            index.refresh(officials=False)
            path = index.path
        path.write_bytes(b"not a database at all" * 100)
    with LibraryIndex(folder) as index:
        assert index.notice and "damaged" in index.notice
    assert len([p for p in path.parent.iterdir() if ".damaged-" in p.name]) == 1


def test_a_full_disk_keeps_the_index(tmp_path: Path) -> None:
    """SQLite's max_page_count gives the real SQLITE_FULL a full disk gives."""
    import sqlite3

    from reader.library import LibraryIndex
    from reader.library.index import is_damage

    folder = small_library(tmp_path)
    with LibraryIndex(folder) as index:
        index.refresh()
        path = index.path
        pages = index._conn.execute("PRAGMA page_count").fetchone()[0]
        index._conn.execute(f"PRAGMA max_page_count = {pages}")
        for n in range(200):
            (folder / f"b{n:03}.txt").write_text(
                "新篇\n\n  " + "会议要求切实加强组织领导。" * 50 + "\n", encoding="utf-8"
            )
        with pytest.raises(sqlite3.OperationalError) as full:
            index.refresh()
        assert not is_damage(full.value)
        notice = index.rebuild_after(full.value)  # what the TUI and the CLI call on a failed query
        assert "cannot be updated" in notice and "kept" in notice
        assert index.count() == 3  # the same file, still answering
    assert path.exists() and not list(path.parent.glob("*.damaged-*"))


@pytest.mark.parametrize("kind", ["under-a-file", "read-only"])
def test_an_unusable_cache_folder_is_one_line_in_the_cli(tmp_path: Path, kind: str) -> None:
    folder = small_library(tmp_path)
    cache = unusable_cache(tmp_path, kind)
    result = run("index", str(folder), env={"READER_CACHE_DIR": str(cache)})
    assert_one_line_exit_2(result, "cache folder cannot be used")


def unusable_cache(tmp_path: Path, kind: str) -> Path:
    if kind == "under-a-file":
        (tmp_path / "file").write_text("x", encoding="utf-8")
        return tmp_path / "file" / "cache"
    cache = tmp_path / "ro-cache"
    cache.mkdir()
    if os.geteuid() == 0:  # root writes anywhere: a read-only bind would need a mount
        pytest.skip("root ignores folder permissions")
    cache.chmod(0o500)
    return cache


async def test_the_tui_runs_without_an_index_when_the_cache_is_unusable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.theme_files import discover_themes
    from reader.ui.app import ReaderApp

    folder = small_library(tmp_path)
    monkeypatch.setenv("READER_CACHE_DIR", str(unusable_cache(tmp_path, "under-a-file")))
    themes, _ = discover_themes()
    app = ReaderApp(library=folder, open_file=folder / "a001.txt", theme_specs=themes, theme_name="ink")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
        assert app.article is not None and app.article.title == "第1篇"
        assert app.reader.session is not None
        assert any("No library index" in notice for notice in app.reader.session.notices)
        await pilot.press("j")
        await pilot.pause()


# --- 8. front matter: a size cap, and keys that are not text ----------------------------


def test_huge_front_matter_is_refused_from_its_size(tmp_path: Path) -> None:
    """300,000 keys took 12.8 s and 500 MB; the cap refuses them before YAML parses a line."""
    from reader.article import ArticleError
    from reader.loaders import load_article
    from reader.loaders.markdown import MAX_FRONT_MATTER_CHARS

    path = tmp_path / "keys.md"
    keys = "".join(f"k{n}: v\n" for n in range(300_000))
    path.write_text(f"---\ntitle: 标题\n{keys}---\n\n正文。\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="front matter is too large") as error:
        load_article(path)
    assert f"{MAX_FRONT_MATTER_CHARS:,}" in str(error.value)


@pytest.mark.parametrize("front", ["? [a, b]\n: x\n", "{[a]: 1}\n", "? {a: 1}\n: 2\n"])
def test_a_complex_key_in_front_matter_is_named_as_such(tmp_path: Path, front: str) -> None:
    from reader.article import ArticleError
    from reader.loaders import load_article

    path = tmp_path / "key.md"
    path.write_text(f"---\n{front}---\n\n正文。\n", encoding="utf-8")
    with pytest.raises(ArticleError, match="a key that is not plain text"):
        load_article(path)


def test_an_io_error_on_a_full_disk_says_the_disk_is_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite often reports a full disk as "disk I/O error" (it cannot create its -shm file)."""
    import sqlite3
    from types import SimpleNamespace

    from reader.library import LibraryIndex

    with LibraryIndex(small_library(tmp_path)) as index:
        error = sqlite3.OperationalError("disk I/O error")
        error.sqlite_errorname = "SQLITE_IOERR"  # type: ignore[attr-defined]
        monkeypatch.setattr(os, "statvfs", lambda _path: SimpleNamespace(f_bavail=0))
        notice = index.rebuild_after(error)
    assert "disk I/O error; the disk holding the cache is full" in notice and "kept" in notice


# --- 11. a link inside the library to a file outside it ---------------------------------


def test_a_link_to_a_file_outside_the_library_is_not_indexed(tmp_path: Path) -> None:
    from reader.library import LibraryIndex

    folder = small_library(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("机密文件\n\n  口令是天王盖地虎。\n", encoding="utf-8")
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "a001.txt")  # a link within the library is read
    with LibraryIndex(folder) as index:
        index.refresh()
        entries = {entry.path.name: entry for entry in index.entries()}
        assert "outside the library" in (entries["passwd.txt"].error or "")
        # The link prints a001.txt's story: one row of the list, the link among its copies.
        copies = {entry.path.name: entry for entry in index.copies(folder / "a001.txt")}
        assert copies["inside.txt"].error is None
        assert index.search("天王盖地虎") == []


def test_reader_index_counts_every_unreadable_file_not_only_this_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    folder = small_library(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    for _ in range(2):  # the second run reads nothing, and the broken file is still there
        assert main(["index", str(folder)]) == 0
        assert "1 unreadable" in capsys.readouterr().out
