"""The library index: incremental refresh, officials across articles, damaged index files.

Every test builds its own library in a temporary folder and its index in the
temporary cache directory of the `reader_dirs` fixture.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path

import pytest

from reader.library import IndexProgress, LibraryIndex, freshness, index_path
from reader.officials import load_lexicon

ARTICLES = {
    "xwlb_20150619_01.txt": (
        "柳鹏主持召开会议\n嘉峪关市委副书记、市长柳鹏主持会议。\n柳鹏指出，要抓好GDP统计工作。\n"
    ),
    "xwlb_20180301_02.txt": "省长柳鹏到嘉峪关调研\n省长柳鹏到嘉峪关调研。\n调研组还走访了国际港务区。\n",
    "xwlb_20200101_03.txt": "新年贺词\n今天是2020年第一天。\n天气晴朗，万象更新。\n",
}


def write_library(folder: Path, articles: dict[str, str] = ARTICLES) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def library(tmp_path: Path, reader_dirs: dict[str, Path]) -> Path:
    return write_library(tmp_path / "library")


def titles(index: LibraryIndex) -> list[str]:
    return [entry.title for entry in index.entries()]


def test_index_lives_in_the_cache_dir_keyed_by_the_folder(
    library: Path, reader_dirs: dict[str, Path]
) -> None:
    path = index_path(library)
    assert path.is_relative_to(reader_dirs["cache"])
    assert index_path(library / ".." / library.name) == path
    assert index_path(library.parent) != path


def test_cold_index_lists_newest_first_with_metadata(library: Path) -> None:
    with LibraryIndex(library) as index:
        summary = index.refresh()
        assert (summary.added, summary.unchanged, summary.errors) == (3, 0, 0)
        entries = index.entries()
    assert [e.title for e in entries] == ["新年贺词", "省长柳鹏到嘉峪关调研", "柳鹏主持召开会议"]
    assert entries[0].date_text == "2020-01-01"
    assert entries[0].path == library / "xwlb_20200101_03.txt"
    assert entries[2].paragraphs == 2
    assert not any(path.is_relative_to(library) for path in library.parent.rglob("*.sqlite3"))


def test_refresh_with_nothing_changed_reads_nothing(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh()
        summary = index.refresh()
    assert (summary.added, summary.changed, summary.removed, summary.renamed) == (0, 0, 0, 0)
    assert summary.unchanged == 3 and summary.officials == 0


def test_refresh_sees_added_changed_removed_and_renamed_files(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh()
        (library / "sub").mkdir()
        (library / "sub" / "xwlb_20210101_01.txt").write_text("新增的文章\n第一段。\n", encoding="utf-8")
        changed = library / "xwlb_20200101_03.txt"
        changed.write_text("改过的新年贺词\n今天是2020年第一天，风和日丽。\n", encoding="utf-8")
        os.utime(changed, ns=(1, changed.stat().st_mtime_ns + 1_000_000))
        (library / "xwlb_20180301_02.txt").unlink()
        os.rename(library / "xwlb_20150619_01.txt", library / "renamed.txt")
        summary = index.refresh()
        assert (summary.added, summary.changed, summary.removed, summary.renamed) == (1, 1, 1, 1)
        assert sorted(titles(index)) == sorted(["新增的文章", "改过的新年贺词", "柳鹏主持召开会议"])
        assert {e.path.name for e in index.entries()} == {
            "xwlb_20210101_01.txt",
            "xwlb_20200101_03.txt",
            "renamed.txt",
        }
        # The search index follows: old text gone, new text found, renamed file under its new name.
        assert index.search("万象更新") == []
        assert [hit.path.name for hit in index.search("风和日丽")] == ["xwlb_20200101_03.txt"]
        assert index.search("国际港务区") == []
        assert {hit.path.name for hit in index.search("GDP")} == {"renamed.txt"}
        # Officials of the removed article are gone; the renamed one keeps its own.
        assert [a.path.name for a in index.timeline("柳鹏")] == ["renamed.txt"]


def test_hidden_folders_and_other_suffixes_are_not_indexed(library: Path) -> None:
    (library / ".git").mkdir()
    (library / ".git" / "a.txt").write_text("隐藏\n正文。\n", encoding="utf-8")
    (library / "notes.pdf").write_bytes(b"%PDF")
    with LibraryIndex(library) as index:
        index.refresh()
        assert index.count() == 3


def test_a_bad_file_is_indexed_with_its_error(library: Path) -> None:
    (library / "empty.txt").write_bytes(b"")
    with LibraryIndex(library) as index:
        summary = index.refresh()
        bad = [entry for entry in index.entries() if entry.error]
    assert summary.errors == 1
    assert [entry.path.name for entry in bad] == ["empty.txt"]


def test_text_is_searchable_before_officials_are_extracted(library: Path) -> None:
    phases: list[IndexProgress] = []
    with LibraryIndex(library) as index:
        index.refresh_text(phases.append)
        assert index.pending_officials() == 3
        assert [hit.path.name for hit in index.search("万象更新")] == ["xwlb_20200101_03.txt"]
        assert index.timeline("柳鹏") == []
        index.refresh_officials(phases.append)
        assert index.pending_officials() == 0
    assert phases[0].phase == "scan"
    assert phases[-1] == IndexProgress("officials", 3, 3)
    assert IndexProgress("text", 3, 3) in phases


def test_a_cancelled_refresh_stops_and_resumes_later(library: Path) -> None:
    with LibraryIndex(library) as index:
        summary = index.refresh(cancelled=lambda: True)
        assert summary.cancelled and index.count() == 0
        summary = index.refresh()
        assert summary.added == 3 and index.pending_officials() == 0


def test_officials_timeline_gives_posts_and_dates_oldest_first(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh()
        timeline = index.timeline("柳鹏")
        filtered = index.entries_mentioning("柳鹏")
    assert [(a.date_text, a.titles) for a in timeline] == [
        ("2015-06-19", ("嘉峪关市委副书记", "市长")),
        ("2018-03-01", ("省长",)),
    ]
    # the headline counts, as `reader officials` counts it; the first body paragraph opens it
    assert timeline[0].mentions == 3 and timeline[0].first_paragraph == 0
    assert [e.title for e in filtered] == ["省长柳鹏到嘉峪关调研", "柳鹏主持召开会议"]
    assert index_has_no_name("不存在", library)


def test_a_newer_reader_reads_every_file_again(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unchanged files, changed loaders: what the index stored came from other code."""
    with LibraryIndex(library) as index:
        index.refresh()
    monkeypatch.setattr(freshness, "text_fingerprint", lambda: "loaders of a newer reader")
    with LibraryIndex(library) as index:
        summary = index.refresh()
        again = index.refresh()
        assert titles(index) == ["新年贺词", "省长柳鹏到嘉峪关调研", "柳鹏主持召开会议"]
    assert (summary.changed, summary.unchanged, summary.officials) == (3, 0, 3)
    assert (again.changed, again.unchanged, again.officials) == (0, 3, 0)


def test_lexicon_additions_find_officials_again(library: Path, reader_dirs: dict[str, Path]) -> None:
    """A post added in the user's officials.yaml reaches articles indexed before it."""
    (library / "xwlb_20210101_01.txt").write_text(
        "青山镇开会\n青山镇总协调人柳鹏主持会议。\n", encoding="utf-8"
    )
    with LibraryIndex(library) as index:
        index.refresh()
        assert [a.titles for a in index.timeline("柳鹏")][-1:] != [("青山镇总协调人",)]
    load_lexicon.cache_clear()
    reader_dirs["config"].mkdir(parents=True, exist_ok=True)
    (reader_dirs["config"] / "officials.yaml").write_text("titles:\n  - 总协调人\n", encoding="utf-8")
    try:
        with LibraryIndex(library) as index:
            summary = index.refresh()
            timeline = index.timeline("柳鹏")
    finally:
        load_lexicon.cache_clear()
    assert summary.changed == 0 and summary.officials == 4
    assert timeline[-1].titles == ("青山镇总协调人",)


def index_has_no_name(name: str, library: Path) -> bool:
    with LibraryIndex(library) as index:
        return index.timeline(name) == [] and index.entries_mentioning(name) == []


def test_a_corrupt_index_is_set_aside_and_rebuilt_with_a_notice(library: Path) -> None:
    path = index_path(library)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database" * 100)
    with LibraryIndex(library) as index:
        assert index.notice is not None and "set aside" in index.notice
        index.refresh()
        assert index.count() == 3
    aside = [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not")


def test_damage_found_after_opening_is_rebuilt_on_request(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh()
        notice = index.rebuild_after(sqlite3.DatabaseError("database disk image is malformed"))
        assert "malformed" in notice and index.count() == 0
        assert index.refresh().added == 3


def test_a_foreign_database_is_set_aside(library: Path) -> None:
    path = index_path(library)
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE something_else(x)")
    conn.close()
    with LibraryIndex(library) as index:
        assert index.notice is not None
        assert index.refresh().added == 3


def test_a_locked_index_is_set_aside_and_rebuilt(library: Path) -> None:
    path = index_path(library)
    path.parent.mkdir(parents=True)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")  # a stuck writer in rollback-journal mode blocks even readers
    try:
        with LibraryIndex(library, busy_timeout=0.1) as index:
            assert index.notice is not None and "locked" in index.notice
            assert index.refresh().added == 3
    finally:
        holder.close()


def test_two_connections_read_while_one_writes(library: Path) -> None:
    with LibraryIndex(library) as writer:
        writer.refresh_text()
    more = {f"xwlb_2022{n:04d}_01.txt": f"第{n}篇\n国际港务区第{n}段。\n" for n in range(101, 400)}
    write_library(library, more)
    errors: list[BaseException] = []

    def read() -> None:
        try:
            with LibraryIndex(library) as reader:
                for _ in range(20):
                    assert len(reader.search("国际港务区")) >= 1
                    assert reader.count() >= 3
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=read) for _ in range(2)]
    with LibraryIndex(library) as writer:
        for thread in threads:
            thread.start()
        writer.refresh()
        for thread in threads:
            thread.join()
        assert writer.count() == 3 + len(more)
    assert errors == []


def test_two_processes_refreshing_at_once_index_each_file_once(library: Path) -> None:
    more = {f"xwlb_2023{n:04d}_01.txt": f"第{n}篇\n第{n}段。\n" for n in range(101, 600)}
    write_library(library, more)
    errors: list[BaseException] = []

    def refresh() -> None:
        try:
            with LibraryIndex(library) as index:
                index.refresh()
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=refresh) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with LibraryIndex(library) as index:
        assert index.count() == 3 + len(more)
        assert len(index.search("第101段")) == 1
        assert index.refresh().added == 0


def test_reader_never_writes_into_the_library(library: Path) -> None:
    before = sorted(p.name for p in library.iterdir())
    with LibraryIndex(library) as index:
        index.refresh()
    assert sorted(p.name for p in library.iterdir()) == before


def test_the_shared_bulk_corpus_indexes_and_finds_a_common_phrase(
    shared: Path, tmp_path: Path, reader_dirs: dict[str, Path]
) -> None:
    folder = tmp_path / "bulk"
    folder.mkdir()
    for path in sorted((shared / "corpus" / "xwlb-bulk").glob("*.txt"))[:150]:
        (folder / path.name).write_bytes(path.read_bytes())
    with LibraryIndex(folder) as index:
        summary = index.refresh()
        assert summary.added == 150 and summary.errors == 0
        hits = index.search("习近平")
        assert hits and all("习近平" in hit.snippet for hit in hits)
        assert index.timeline("习近平") and index.pending_officials() == 0
