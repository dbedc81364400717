"""LibrarySession: the app's handle on a library (index, refresh, reading state, notices).

Every test builds its library in a temporary folder; the index and the state live in
the temporary XDG folders of the `reader_dirs` fixture, never in the real home.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.library import IndexProgress, LibraryIndex, ReadingState, index_path
from reader.library import session as library_session
from reader.library.entries import LibraryEntry
from reader.library.session import IndexDamaged, LibrarySession
from reader.library.state import state_path

ARTICLES = {
    "xwlb_20150619_01.txt": (
        "柳鹏主持召开会议\n嘉峪关市委副书记、市长柳鹏主持会议。\n柳鹏指出，要抓好GDP统计工作。\n"
    ),
    "xwlb_20180301_02.txt": "省长柳鹏到嘉峪关调研\n省长柳鹏到嘉峪关调研。\n调研组还走访了国际港务区。\n",
    "xwlb_20200101_03.txt": "新年贺词\n今天是2020年第一天。\n天气晴朗，万象更新。\n第三段。\n",
}


@pytest.fixture
def library(tmp_path: Path, reader_dirs: dict[str, Path]) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


class Clock:
    """A clock the test moves by hand, so throttling is tested without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def refreshed(library: Path, **options: object) -> LibrarySession:
    session = LibrarySession(library, **options)  # type: ignore[arg-type]
    session.refresh()
    return session


def saved_positions() -> dict[str, dict]:
    return json.loads(state_path().read_text(encoding="utf-8"))["articles"]


def remembered_library() -> Path | None:
    """What a bare `reader` opens, as the CLI reads it (without repairing a damaged state)."""
    return ReadingState.load(repair=False).last_library


# -- the list from the last index ---------------------------------------------------------------


def test_a_new_library_lists_nothing_until_refreshed(library: Path) -> None:
    session = LibrarySession(library)
    assert session.entries() == [] and session.take_notices() == []
    session.refresh()
    assert [e.title for e in session.entries()] == ["新年贺词", "省长柳鹏到嘉峪关调研", "柳鹏主持召开会议"]
    session.close()


def test_a_second_session_lists_the_last_index_without_reading_the_folder(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refreshed(library).close()

    def no_scan(*_args: object) -> None:
        raise AssertionError("the folder must not be read to show the list")

    # Every way the folder could be read: the stat scan, the old walk, the loader.
    monkeypatch.setattr("reader.library.index.scan_library", no_scan)
    monkeypatch.setattr("reader.library.records.load_article", no_scan)
    session = LibrarySession(library)
    entries = session.entries()
    assert [e.path.name for e in entries] == sorted(ARTICLES, reverse=True)
    assert entries[0].paragraphs == 3 and entries[0].date_text == "2020-01-01"
    session.close()


def test_queries_search_timeline_and_filter(library: Path) -> None:
    session = refreshed(library)
    assert [hit.path.name for hit in session.search("万象更新")] == ["xwlb_20200101_03.txt"]
    assert [(a.date_text, a.titles) for a in session.timeline("柳鹏")] == [
        ("2015-06-19", ("嘉峪关市委副书记", "市长")),
        ("2018-03-01", ("省长",)),
    ]
    assert [e.path.name for e in session.entries_mentioning("柳鹏")] == [
        "xwlb_20180301_02.txt",
        "xwlb_20150619_01.txt",
    ]
    assert session.pending_officials() == 0
    session.close()


# -- refresh ------------------------------------------------------------------------------------


def test_refresh_reports_progress_text_phase_then_officials(library: Path) -> None:
    steps: list[IndexProgress] = []
    lists: list[list[LibraryEntry]] = []
    session = LibrarySession(library)
    summary = session.refresh(steps.append, None, lists.append)
    phases = [step.phase for step in steps]
    assert phases[0] == "scan"
    assert phases.index("text") < phases.index("officials")
    assert IndexProgress("text", 3, 3) in steps and steps[-1] == IndexProgress("officials", 3, 3)
    assert summary.added == 3 and summary.officials == 3 and not summary.cancelled
    assert len(lists[-1]) == 3  # the list is handed over as soon as the text phase ends
    steps.clear()
    lists.clear()
    assert session.refresh(steps.append, None, lists.append).unchanged == 3
    assert lists == []  # nothing changed: the list is not rebuilt
    assert steps[-1] == IndexProgress("officials", 0, 0)
    session.close()


def test_a_cold_build_hands_over_the_list_as_it_grows(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.library.index.BATCH", 1)
    monkeypatch.setattr(library_session, "ENTRIES_INTERVAL", 0.0)
    lists: list[int] = []
    session = LibrarySession(library)
    session.refresh(on_entries=lambda entries: lists.append(len(entries)))
    assert lists[:2] == [1, 2] and lists[-1] == 3
    session.close()


def test_a_cancelled_refresh_stops_and_the_next_resumes(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.library.index.BATCH", 1)
    steps: list[IndexProgress] = []
    session = LibrarySession(library)
    summary = session.refresh(steps.append, cancelled=lambda: len(steps) >= 3)
    assert summary.cancelled and summary.added == 1
    assert "officials" not in {step.phase for step in steps}
    assert len(session.entries()) == 1
    summary = session.refresh()
    assert (summary.added, summary.unchanged, summary.cancelled) == (2, 1, False)
    assert session.pending_officials() == 0
    session.close()


def test_a_cancelled_officials_phase_leaves_search_working(library: Path) -> None:
    seen: list[str] = []
    session = LibrarySession(library)
    summary = session.refresh(lambda step: seen.append(step.phase), cancelled=lambda: "officials" in seen)
    assert summary.cancelled and summary.added == 3
    assert session.search("国际港务区") and session.pending_officials() == 3
    session.close()


def test_a_broken_officials_overlay_still_indexes_officials_with_the_bundled_lexicon(
    library: Path, reader_dirs: dict[str, Path]
) -> None:
    from reader.officials.lexicon import load_lexicon, overlay_problem

    reader_dirs["config"].mkdir(parents=True)
    (reader_dirs["config"] / "officials.yaml").write_text("titles: [市长\n", encoding="utf-8")
    load_lexicon.cache_clear()  # overlays are read once per process
    try:
        session = LibrarySession(library)
        summary = session.refresh()
        assert summary.added == 3 and summary.officials == 3 and session.search("万象更新")
        assert [a.date_text for a in session.timeline("柳鹏")] == ["2015-06-19", "2018-03-01"]
        problem = overlay_problem()  # the app reports it once, with the other overlays'
        assert problem is not None and problem.startswith("officials.yaml: not valid YAML")
        session.close()
    finally:
        load_lexicon.cache_clear()


def test_the_extractor_is_passed_in(library: Path) -> None:
    from reader.officials.model import Mention, Official, OfficialsReport

    seen: list[list[str]] = []
    titles: list[str | None] = []

    def extract(paragraphs, title):  # a stand-in: one official per article, named after its first words
        seen.append(list(paragraphs))
        titles.append(title)
        return OfficialsReport([Official("某某", ["站长"], [Mention(0, 0, 2)])])

    session = LibrarySession(library, extract=extract)
    assert session.refresh().officials == 3
    assert sorted(len(paragraphs) for paragraphs in seen) == [2, 2, 3]  # the stored body paragraphs
    assert all(isinstance(title, str) and title for title in titles)  # and each headline
    assert len(session.entries_mentioning("某某")) == 3 and session.entries_mentioning("柳鹏") == []
    session.close()


def test_an_unreadable_folder_raises_for_the_app_to_report(
    tmp_path: Path, reader_dirs: dict[str, Path]
) -> None:
    session = LibrarySession(tmp_path / "gone")
    with pytest.raises(OSError):
        session.refresh()
    session.close()


# -- damaged files ------------------------------------------------------------------------------


def test_a_corrupt_index_file_gives_a_notice_and_is_rebuilt(library: Path) -> None:
    path = index_path(library)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database at all " * 200)
    session = LibrarySession(library)
    [notice] = session.take_notices()
    assert "damaged" in notice and "set aside" in notice
    assert session.take_notices() == []  # handed over once
    assert session.entries() == []
    session.refresh()
    assert len(session.entries()) == 3 and session.timeline("柳鹏")
    session.close()


def test_an_index_left_for_first_use_opens_then_and_reports_damage_then(library: Path) -> None:
    """open_index=False (the app, before its first frame): only the reading state is read;
    the index opens, and a damaged one is set aside with its notice, at the first query."""
    refreshed(library).close()
    article = library / "xwlb_20200101_03.txt"
    first = LibrarySession(library)
    first.remember(article, 2, 3)
    first.close()
    path = index_path(library)
    path.write_bytes(b"not a database at all " * 200)
    session = LibrarySession(library, open_index=False)
    assert session.restore_position(article) == 2 and session.last_open() == article
    assert session.take_notices() == []  # nothing has looked at the index yet
    assert path.read_bytes().startswith(b"not a database")
    assert session.entries() == []
    [notice] = session.take_notices()
    assert "damaged" in notice and "set aside" in notice
    session.refresh()
    assert len(session.entries()) == 3
    session.close()


def test_a_session_that_never_used_its_index_closes_without_opening_it(library: Path) -> None:
    session = LibrarySession(library, open_index=False)
    session.remember(library / "xwlb_20200101_03.txt", 1, 3)
    session.close()
    assert not index_path(library).exists()
    assert LibrarySession(library, open_index=False).restore_position(library / "xwlb_20200101_03.txt") == 1


def test_damage_found_by_a_query_is_set_aside_and_the_next_refresh_rebuilds(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = refreshed(library)

    def malformed(*_args: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    with monkeypatch.context() as patch:
        patch.setattr(LibraryIndex, "entries", malformed)
        assert session.entries() == []
    [notice] = session.take_notices()
    assert "malformed" in notice
    assert session.entries() == []  # a fresh, empty index…
    assert session.refresh().added == 3  # …that the next refresh fills
    assert len(session.entries()) == 3
    session.close()


def test_search_on_a_damaged_index_says_why(library: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    session = refreshed(library)

    def malformed(*_args: object) -> None:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(LibraryIndex, "search", malformed)
    with pytest.raises(IndexDamaged, match="rebuilt"):
        session.search("国防")
    assert session.take_notices()
    session.close()


def test_a_refresh_that_finds_damage_rebuilds_once_with_a_notice(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = refreshed(library)
    calls: list[int] = []
    original = LibraryIndex.refresh_text

    def damaged_once(self: LibraryIndex, *args: object, **kwargs: object):
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(LibraryIndex, "refresh_text", damaged_once)
    summary = session.refresh()
    assert len(calls) == 2 and summary.added == 3
    assert any("malformed" in notice for notice in session.take_notices())
    assert len(session.entries()) == 3
    aside = [p.name for p in index_path(library).parent.iterdir() if ".damaged-" in p.name]
    assert aside
    session.close()


def test_a_corrupt_state_file_gives_a_notice_and_positions_still_work(library: Path) -> None:
    state_path().parent.mkdir(parents=True, exist_ok=True)
    state_path().write_text("{this is not json", encoding="utf-8")
    session = refreshed(library)
    [notice] = session.take_notices()
    assert "Reading state" in notice and "set aside" in notice
    article = library / "xwlb_20200101_03.txt"
    session.remember(article, 1, 3)
    session.close()
    assert LibrarySession(library).restore_position(article) == 1


def test_an_unwritable_state_gives_one_notice_not_a_crash(
    library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_self: ReadingState) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(ReadingState, "save", refuse)
    clock = Clock()
    session = LibrarySession(library, clock=clock)
    for paragraph in range(3):
        clock.now += 5
        session.remember(library / "xwlb_20200101_03.txt", paragraph, 3)
    session.close()
    assert session.take_notices() == ["Reading position not saved: Permission denied"]


# -- reading state ------------------------------------------------------------------------------


def test_positions_and_the_last_article_are_restored_across_sessions(library: Path) -> None:
    article = library / "xwlb_20150619_01.txt"
    session = refreshed(library)
    assert session.restore_position(article) == 0 and session.last_open() is None
    session.remember(article, 1, 2)
    session.close()
    again = LibrarySession(library)
    assert again.restore_position(article) == 1
    assert again.restore_position(article, paragraphs=1) == 0  # the file shrank since
    assert again.last_open() == article.resolve()
    again.close()


def test_the_last_paragraph_marks_an_article_read_and_the_table_sees_progress(library: Path) -> None:
    session = refreshed(library)
    entries = {entry.path.name: entry for entry in session.entries()}
    new, halfway = entries["xwlb_20150619_01.txt"], entries["xwlb_20200101_03.txt"]
    assert session.progress(new) is None  # never opened: the table's "·"
    session.remember(halfway.path, 0, halfway.paragraphs)
    assert not session.state.is_read(halfway.path)
    assert session.progress(halfway) == pytest.approx(1 / 3)
    session.remember(halfway.path, 2, halfway.paragraphs)
    assert session.state.is_read(halfway.path) and session.progress(halfway) == 1.0
    session.remember(halfway.path, 0, halfway.paragraphs)  # reading it again does not unread it
    assert session.progress(halfway) == 1.0
    session.state.mark_read(halfway.path, False)
    assert session.progress(halfway) == pytest.approx(1 / 3)
    session.close()


def test_a_symlink_loop_in_the_list_has_no_progress_and_breaks_nothing(library: Path) -> None:
    loop = library / "loop.txt"
    loop.symlink_to(loop)
    session = LibrarySession(library)
    assert session.progress(LibraryEntry(loop, "loop.txt", error="loop")) is None
    session.close()


def test_saving_is_throttled_while_reading_and_done_on_close(library: Path) -> None:
    clock = Clock()
    article = library / "xwlb_20200101_03.txt"
    session = LibrarySession(library, clock=clock)
    session.remember(article, 0, 3)
    assert not state_path().exists()  # a keypress right after opening: not yet
    for paragraph in range(1, 3):
        clock.now += 0.1
        session.remember(article, paragraph, 3)
    assert not state_path().exists()
    clock.now += library_session.SAVE_INTERVAL
    assert session.save_if_due()  # the app's timer: the pause after the last move is written
    assert saved_positions()[str(article.resolve())] == {"paragraph": 2, "read": True}
    assert not session.save_if_due()  # nothing new
    clock.now += 0.1
    session.remember(article, 1, 3)
    assert saved_positions()[str(article.resolve())]["paragraph"] == 2
    session.close()
    assert saved_positions()[str(article.resolve())]["paragraph"] == 1
    session.close()  # twice is harmless


def test_the_last_article_is_only_restored_in_its_own_library(library: Path, tmp_path: Path) -> None:
    session = LibrarySession(library)
    session.remember(library / "xwlb_20150619_01.txt", 0, 2)
    session.close()
    other = tmp_path / "other"
    other.mkdir()
    assert LibrarySession(other).last_open() is None
    assert remembered_library() == library.resolve()


def test_remembered_library_never_sets_a_damaged_state_aside(library: Path) -> None:
    assert remembered_library() is None
    state_path().parent.mkdir(parents=True, exist_ok=True)
    state_path().write_text("[broken", encoding="utf-8")
    assert remembered_library() is None
    assert state_path().read_text(encoding="utf-8") == "[broken"
    session = LibrarySession(library)  # the session is the one that reports it
    assert any("Reading state" in notice for notice in session.take_notices())
    session.close()


def test_an_official_named_only_in_the_headline_is_indexed(tmp_path: Path) -> None:
    """The index reads the headline as the sidebar does; the official opens at the body's start."""
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.txt").write_text(
        "青山县委书记郑卫国调研春耕\n\n调研组一行察看了麦田长势。\n", encoding="utf-8"
    )
    session = LibrarySession(library)
    session.refresh()
    entries = session.entries_mentioning("郑卫国")
    assert [e.path.name for e in entries] == ["a.txt"]
    session.close()
