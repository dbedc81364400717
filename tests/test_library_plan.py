"""What a refresh must do, decided without SQLite; how the index judges a database error;
what people read about a refresh's progress."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.library import IndexProgress, LibraryIndex, index_path
from reader.library.plan import RefreshPlan, ToRead, plan_refresh
from reader.library.scan import FileStat
from reader.library.schema import classify_error

A = FileStat(size=100, mtime_ns=1, inode=11)
B = FileStat(size=200, mtime_ns=2, inode=12)
C = FileStat(size=300, mtime_ns=3, inode=13)


def test_an_unchanged_folder_needs_nothing() -> None:
    assert plan_refresh({"a.txt": (1, A), "b.txt": (2, B)}, {"a.txt": A, "b.txt": B}) == RefreshPlan(
        unchanged=2
    )


def test_new_and_changed_files_are_read_in_path_order() -> None:
    touched = FileStat(size=101, mtime_ns=5, inode=11)
    plan = plan_refresh({"z.txt": (1, A)}, {"z.txt": touched, "m.txt": C, "b.txt": B})
    assert plan.to_read == [ToRead("b.txt", B), ToRead("m.txt", C), ToRead("z.txt", touched, replaces=1)]
    assert plan.removed == [] and plan.renamed == [] and plan.unchanged == 0


def test_a_removed_file_is_dropped() -> None:
    plan = plan_refresh({"a.txt": (1, A), "b.txt": (2, B)}, {"a.txt": A})
    assert plan.removed == [2] and plan.to_read == [] and plan.unchanged == 1


def test_a_renamed_file_is_re_pointed_not_read() -> None:
    plan = plan_refresh({"old/a.txt": (7, A), "b.txt": (2, B)}, {"new/a.txt": A, "b.txt": B})
    assert plan.renamed == [("new/a.txt", 7)]
    assert plan.removed == [] and plan.to_read == [] and plan.unchanged == 1


def test_a_new_file_that_merely_resembles_a_changed_one_is_read() -> None:
    """Only a file that is gone can have been renamed; a changed file keeps its row."""
    changed = FileStat(size=999, mtime_ns=9, inode=11)
    plan = plan_refresh({"a.txt": (1, A)}, {"a.txt": changed, "copy.txt": A})
    assert plan.renamed == [] and plan.removed == []
    assert plan.to_read == [ToRead("a.txt", changed, replaces=1), ToRead("copy.txt", A)]


def test_two_new_names_for_one_removed_file_re_point_one_and_read_the_other() -> None:
    plan = plan_refresh({"a.txt": (1, A)}, {"x.txt": A, "y.txt": A})
    assert len(plan.renamed) == 1 and len(plan.to_read) == 1 and plan.removed == []
    assert {plan.renamed[0][0], plan.to_read[0].path} == {"x.txt", "y.txt"}


# -- database errors -------------------------------------------------------------------------


def real_error(sql: str, path: Path) -> sqlite3.Error:
    try:
        sqlite3.connect(path).execute(sql)
    except sqlite3.Error as error:
        return error
    raise AssertionError("no error")


def test_errors_are_judged_by_sqlite_s_code(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all " * 200)
    assert classify_error(real_error("PRAGMA journal_mode=WAL", garbage)) == "damaged"
    missing_folder = tmp_path / "no" / "such" / "folder.sqlite3"
    assert (
        classify_error(real_error("SELECT 1", missing_folder)) == "other"
    )  # cannot open: not the file's fault


def test_a_lock_is_a_lock(tmp_path: Path) -> None:
    path = tmp_path / "locked.sqlite3"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t(x)")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        waiter = sqlite3.connect(path, timeout=0.05, isolation_level=None)
        assert classify_error(real_error_on(waiter)) == "locked"
    finally:
        holder.execute("ROLLBACK")


def real_error_on(conn: sqlite3.Connection) -> sqlite3.Error:
    try:
        conn.execute("SELECT * FROM t")
    except sqlite3.Error as error:
        return error
    raise AssertionError("no error")


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
        (sqlite3.DatabaseError("index schema 1, expected 2"), "damaged"),
        (sqlite3.OperationalError("database is locked"), "locked"),
    ],
)
def test_errors_made_by_hand_are_judged_by_their_text(error: sqlite3.Error, kind: str) -> None:
    assert classify_error(error) == kind


def test_an_index_the_machine_cannot_open_is_reported_and_left_where_it_is(
    tmp_path: Path, reader_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    path = index_path(library)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"an index the disk cannot give back")

    def cannot_open(*_args: object) -> sqlite3.Connection:
        raise real_error("SELECT 1", tmp_path / "no" / "such" / "folder.sqlite3")

    monkeypatch.setattr("reader.library.index.connect", cannot_open)
    with pytest.raises(OSError, match="cannot be updated"):  # one line for the CLI and the TUI
        LibraryIndex(library)
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # nothing set aside


# -- progress ----------------------------------------------------------------------------------


def test_progress_in_words() -> None:
    scan, start, midway, done = (
        IndexProgress("scan", 0, 0),
        IndexProgress("text", 0, 9800),
        IndexProgress("officials", 200, 9800),
        IndexProgress("text", 9800, 9800),
    )
    assert [step.status() for step in (scan, start, midway, done)] == [
        "checking the folder",
        "indexing 0/9,800",
        "finding officials 200/9,800",
        "",
    ]
    assert [step.counting for step in (scan, start, midway, done)] == [False, True, True, False]
    assert [step.line() for step in (scan, IndexProgress("text", 0, 0), midway)] == [
        "scanning the folder…",
        None,
        "officials: 200/9800",
    ]
