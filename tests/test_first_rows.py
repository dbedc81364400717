"""Issue 16: the first rows of a library never indexed, read in a child while Textual loads.

The child must hand back exactly the rows `head.first_files` reads in the parent (every
field, a file that fails and a file name that is not UTF-8 included); whatever goes wrong
with it (it fails, it hangs, its output is damaged) the caller gets None and reads the
files itself, and no child is left behind. The reader screen takes the rows instead of
reading the files, and a library with an index never forks at all.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

import reader.library.first_rows as first_rows_module
from reader.library.first_rows import FirstRows, decode_rows, encode_rows
from reader.library.head import first_files, index_path
from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.widgets.library_table import LibraryTable

from .pilot import settle

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the read-ahead needs fork")


def library(tmp_path: Path) -> Path:
    """Plain and Markdown articles in folders, a file that fails to load, an odd file name."""
    folder = tmp_path / "lib"
    (folder / "2020").mkdir(parents=True)
    (folder / "a_first.txt").write_text(
        "第一篇\n2020年3月1日 新华社\n正文第一段。\n正文第二段。\n", encoding="utf-8"
    )
    (folder / "2020" / "b.md").write_text(
        "---\ntitle: 第二篇\ndate: 2020-03-02\nsource: 人民日报\n---\n\n正文。\n", encoding="utf-8"
    )
    (folder / "2020" / "c_empty.txt").write_bytes(b"")
    (folder / "2020" / "d_binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    if sys.platform.startswith("linux"):
        name = os.fsdecode(b"e_\xff\xfe.txt")  # not UTF-8: travels as surrogate escapes
        (folder / name).write_text("第五篇\n正文。\n", encoding="utf-8")
    return folder


def test_the_child_reads_the_rows_first_files_reads(tmp_path: Path) -> None:
    folder = library(tmp_path)
    expected = first_files(folder)
    assert any(entry.error for entry in expected) and any(entry.paragraphs for entry in expected)
    ahead = FirstRows.start(folder)
    assert ahead is not None
    assert ahead.rows() == expected


def test_rows_survive_their_encoding(tmp_path: Path) -> None:
    folder = library(tmp_path)
    entries = first_files(folder)
    assert decode_rows(folder, encode_rows(folder, entries)) == entries


@pytest.mark.parametrize(
    "data",
    [b"", b"not json", b"{}", b"[[1, 2]]", b'[["a.txt", 1, "", "", null, "", 0, "", 1]]', b'[["a.txt"]]'],
)
def test_damaged_rows_are_refused(tmp_path: Path, data: bytes) -> None:
    assert decode_rows(tmp_path, data) is None


def test_a_library_with_an_index_forks_nothing(tmp_path: Path) -> None:
    folder = library(tmp_path)
    path = index_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    assert FirstRows.start(folder) is None


def gone(pid: int) -> bool:
    """Whether `pid` is no child of ours any more (reaped)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_a_failing_child_gives_none_and_is_reaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(library: Path, count: int) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(first_rows_module, "first_files", fail)
    ahead = FirstRows.start(library(tmp_path))
    assert ahead is not None
    pid = ahead._pid
    assert pid is not None
    assert ahead.rows() is None
    assert gone(pid)


def hanging_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[FirstRows, int]:
    """A read-ahead whose child never finishes (its first_files sleeps an hour), and its pid."""

    def hang(library: Path, count: int) -> list[object]:
        time.sleep(3600)
        return []

    monkeypatch.setattr(first_rows_module, "first_files", hang)
    ahead = FirstRows.start(library(tmp_path))
    assert ahead is not None
    pid = ahead._pid
    assert pid is not None
    return ahead, pid


def test_a_child_still_busy_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ahead, pid = hanging_child(tmp_path, monkeypatch)
    assert ahead.rows(wait=0.05) is None
    assert gone(pid)
    assert ahead.rows() is None  # asked again: still nothing, no error


def test_cancel_stops_the_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ahead, pid = hanging_child(tmp_path, monkeypatch)
    ahead.cancel()
    assert gone(pid)
    ahead.cancel()  # twice: nothing left to do


async def test_the_screen_shows_the_rows_read_ahead(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = library(tmp_path)
    expected = first_files(folder)
    ahead = FirstRows.start(folder)
    assert ahead is not None

    def not_read_again(library: Path, *args: object, **kwargs: object) -> list[object]:
        raise AssertionError("the screen read the first files although they were read ahead")

    shown: list[list[object]] = []
    original = LibraryTable.set_library

    def record(self: LibraryTable, entries: list[object], *args: object, **kwargs: object) -> None:
        shown.append(list(entries))
        original(self, entries, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("reader.ui.screens.reader.first_files", not_read_again)
    monkeypatch.setattr(LibraryTable, "set_library", record)
    themes, _ = discover_themes()
    app = ReaderApp(library=folder, theme_specs=themes, theme_name="ink", first_rows=ahead)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert shown and shown[0] == expected  # the first frame's rows are the child's
        assert app.article is not None
