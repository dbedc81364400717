"""Repost groups in the library index (reader/library/reposts.py): made-up reprints with new
headers and a few characters changed are one story, kept up to date as files come and go."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from reader.dedupe import group, signature
from reader.library import LibraryIndex
from reader.library.head import read_head
from reader.library.session import LibrarySession
from tests.reprints import FIRE, ROADS, SCHOOL, original, reprint, write_story_library

OTHER = (
    "3月21日，北岭县图书馆开展世界读书日主题活动，邀请本地作家为读者讲述阅读经历。",
    "活动现场还设置了图书漂流角和亲子阅读区，吸引了两百余名市民参与。",
)


@pytest.fixture
def library(tmp_path: Path, reader_dirs: dict[str, Path]) -> Path:
    return write_story_library(tmp_path / "library")


def rows(index: LibraryIndex) -> list[tuple[str, int]]:
    return [(entry.path.name, entry.copies) for entry in index.entries()]


def test_reprints_are_one_row_each_shown_by_its_newest_copy(library: Path) -> None:
    with LibraryIndex(library) as index:
        summary = index.refresh(officials=False)
        assert summary.sketched == 6
        assert rows(index) == [("roads_b.txt", 2), ("fire_c.txt", 3), ("school.txt", 1)]
        copies = index.copies(library / "fire_a.txt")
        assert [entry.path.name for entry in copies] == ["fire_c.txt", "fire_b.txt", "fire_a.txt"]
        assert {entry.copies for entry in copies} == {3}
        assert index.copies(library / "school.txt") == []


def test_an_unchanged_library_sketches_and_groups_nothing(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh(officials=False)
        again = index.refresh(officials=False)
    assert (again.sketched, again.regrouped) == (0, 0)


def test_copies_added_and_removed_change_only_their_story(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh(officials=False)
        text = reprint("学校运动会", "2026年03月19日", "青禾融媒", SCHOOL, ("赛出了风格", "赛出风格"))
        (library / "school_b.txt").write_text(text, encoding="utf-8")
        added = index.refresh(officials=False)
        assert added.sketched == 1
        assert ("school_b.txt", 2) in rows(index)
        (library / "fire_c.txt").unlink()
        index.refresh(officials=False)
        assert ("fire_b.txt", 2) in rows(index)
        (library / "fire_b.txt").unlink()
        index.refresh(officials=False)
        assert ("fire_a.txt", 1) in rows(index)
        assert index.copies(library / "fire_a.txt") == []
        assert ("roads_b.txt", 2) in rows(index)


def test_a_copy_rewritten_as_another_story_leaves_the_group(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh(officials=False)
        (library / "roads_b.txt").write_text(
            original("另一篇", "2026年03月21日", "西江晚报", OTHER), encoding="utf-8"
        )
        index.refresh(officials=False)
        listed = dict(rows(index))
    assert listed["roads_a.txt"] == 1
    assert listed["roads_b.txt"] == 1


def test_a_renamed_copy_keeps_its_story(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh(officials=False)
        (library / "fire_c.txt").rename(library / "fire_z.txt")
        index.refresh(officials=False)
        assert ("fire_z.txt", 3) in rows(index)


def test_the_first_frame_head_shows_one_row_per_story(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh(officials=False)
    head = read_head(library)
    assert head is not None
    assert [(entry.path.name, entry.copies) for entry in head.rows] == [
        ("roads_b.txt", 2),
        ("fire_c.txt", 3),
        ("school.txt", 1),
    ]
    assert head.total == 3


def test_an_index_made_before_the_groups_gains_their_tables(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh(officials=False)
        path = index.path
    conn = sqlite3.connect(path)
    for table in ("sketches", "sketch_keys", "stories", "stories_dirty"):
        conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()
    with LibraryIndex(library) as index:
        assert rows(index)[0][1] == 1  # no groups yet: every file its own row
        index.refresh(officials=False)
        assert rows(index) == [("roads_b.txt", 2), ("fire_c.txt", 3), ("school.txt", 1)]


def test_an_index_of_older_code_has_its_keys_table_made_again(library: Path) -> None:
    """Sketch tables of the shape before (keys in a rowid table indexed by key, sketches without
    them) under another fingerprint: the refresh forgets every sketch and makes them anew."""
    from reader.library.freshness import REPOSTS_KEY

    with LibraryIndex(library) as index:
        index.refresh(officials=False)
        path = index.path
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE sketch_keys")
    conn.execute("CREATE TABLE sketch_keys(key INTEGER NOT NULL, file_id INTEGER NOT NULL)")
    conn.execute("DROP TABLE sketches")  # no keys column
    conn.execute(
        "CREATE TABLE sketches(file_id INTEGER PRIMARY KEY, day INTEGER, size INTEGER NOT NULL, "
        "grouped INTEGER NOT NULL DEFAULT 0, sketch BLOB NOT NULL)"
    )
    conn.execute("CREATE INDEX sketch_keys_by_key ON sketch_keys(key)")
    conn.execute("UPDATE meta SET value = 'older' WHERE key = ?", (REPOSTS_KEY,))
    conn.commit()
    conn.close()
    with LibraryIndex(library) as index:
        assert index.refresh(officials=False).sketched == 6
        assert rows(index) == [("roads_b.txt", 2), ("fire_c.txt", 3), ("school.txt", 1)]
    conn = sqlite3.connect(path)
    made = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'sketch_keys'").fetchone()[0]
    listed = conn.execute("SELECT name FROM sqlite_master WHERE tbl_name = 'sketch_keys'")
    indexes = {row[0] for row in listed}
    conn.close()
    assert "WITHOUT ROWID" in made
    assert "sketch_keys_by_key" not in indexes


def test_the_session_hands_the_list_over_again_once_grouped(library: Path) -> None:
    snapshots: list[list[str]] = []
    session = LibrarySession(library)
    try:
        session.refresh(on_entries=lambda entries: snapshots.append([e.path.name for e in entries]))
        assert len(snapshots[0]) == 6  # the text phase's list: every file, before the groups
        assert snapshots[-1] == ["roads_b.txt", "fire_c.txt", "school.txt"]
        assert [entry.path.name for entry in session.copies(library / "roads_a.txt")] == [
            "roads_b.txt",
            "roads_a.txt",
        ]
    finally:
        session.close()


def test_incremental_groups_equal_grouping_the_whole_library(
    tmp_path: Path, reader_dirs: dict[str, Path]
) -> None:
    """Files added in three refreshes, some removed: the stored groups are what grouping the
    final library at once gives."""
    rng = random.Random(18)
    sentences = [s + "。" for body in (FIRE, ROADS, SCHOOL) for p in body for s in p.split("。") if s]
    bodies: list[tuple[str, ...]] = []
    for _ in range(60):
        if bodies and rng.random() < 0.4:
            base = list(rng.choice(bodies))
            base[0] = base[0].replace("，", ",", 1) + "另"
            bodies.append(tuple(base))
        else:
            bodies.append(tuple("".join(rng.sample(sentences, 3)) for _ in range(3)))
    library = tmp_path / "library"
    library.mkdir()
    with LibraryIndex(library) as index:
        for start in (0, 20, 40):
            for number in range(start, start + 20):
                text = original(f"稿件{number}", "2026年03月18日", "示例日报", bodies[number])
                (library / f"{number:02}.txt").write_text(text, encoding="utf-8")
            index.refresh(officials=False)
        for number in (3, 17, 41):
            (library / f"{number:02}.txt").unlink()
        index.refresh(officials=False)
        kept = sorted(path.name for path in library.iterdir())
        expected = group([signature(bodies[int(name[:2])]) for name in kept])
        want = sorted(sorted(kept[i] for i in members) for members in expected)
        stored: dict[str, set[str]] = {}
        for name in kept:
            copies = index.copies(library / name)
            if copies:
                stored[name] = {entry.path.name for entry in copies}
    got = sorted(sorted(members) for members in {frozenset(m) for m in stored.values()})
    assert want, "the made-up library has copies"
    assert got == want


def test_search_finds_a_story_once_with_its_copies(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh(officials=False)
        hits = index.search("森林火灾")  # in every copy of the fire story
        assert [(hit.path.name, hit.copies) for hit in hits] == [("fire_c.txt", 3)]
        assert [hit.path.name for hit in index.search("巡察")] == ["fire_b.txt"]  # only b's slip prints it
        assert {hit.path.name for hit in index.search("西江")} == {"roads_b.txt", "school.txt"}
        short = index.search("险患")  # two characters: the scan, not the trigram index
        assert [(hit.path.name, hit.copies) for hit in short] == [("fire_c.txt", 3)]
        patrol = index.search("巡查")  # in two paragraphs of a and of c: the newest copy's two
        assert [(hit.path.name, hit.paragraph) for hit in patrol] == [("fire_c.txt", 1), ("fire_c.txt", 2)]


def test_search_pages_past_the_hits_of_copies_already_found(library: Path) -> None:
    """With a limit of one, every page but the first is another copy's paragraph: the search
    asks for the next page until it has a hit of another story."""
    with LibraryIndex(library) as index:
        index.refresh(officials=False)
        with index._lock:
            conn = index._conn
            from reader.library.search import search

            first = search(conn, library, "会议", limit=1)
            assert [hit.path.name for hit in first] == ["roads_b.txt"]
            three = search(conn, library, "会议", limit=3)
        assert [hit.path.name for hit in three] == ["roads_b.txt", "roads_b.txt", "fire_c.txt"]


def test_the_person_index_counts_a_story_once(library: Path) -> None:
    """李大山 is named in the three copies of one story: one article; a fourth article of
    his own makes two. The count follows the groups as copies come and go."""
    from reader.people.library import open_people, refresh

    def counts() -> tuple[int, int]:
        people = open_people(library)
        try:
            refresh(people)
            (person,) = people.named("李大山")
            return person.articles, person.mentions
        finally:
            people.conn.close()

    with LibraryIndex(library) as index:
        index.refresh()
    assert counts() == (1, 3)  # not (3, 7): fire_c names him 3 times (its headline too), a and b twice
    text = original("李大山调研春耕", "2026年03月25日", "青禾日报", ("县长李大山到东坡村调研春耕生产。",))
    (library / "spring.txt").write_text(text, encoding="utf-8")
    (library / "fire_a.txt").unlink()
    (library / "fire_b.txt").unlink()
    with LibraryIndex(library) as index:
        index.refresh()
    assert counts() == (2, 5)  # fire_c 3, spring 2
    (library / "fire_b.txt").write_text(
        reprint("青禾县部署森林防火", "2026年03月18日", "某某网", FIRE, ("巡查", "巡察")), encoding="utf-8"
    )
    with LibraryIndex(library) as index:
        index.refresh()
    assert counts() == (2, 5)  # fire_b joins fire_c's story: still two stories


def test_a_cancelled_phase_is_taken_up_by_the_next_refresh(library: Path) -> None:
    with LibraryIndex(library) as index:
        index.refresh_text()
        cancelled = index.refresh_reposts(cancelled=lambda: True)
        assert cancelled.cancelled and cancelled.sketched == 0
        assert rows(index)[0][1] == 1  # not grouped yet: every file its own row
        resumed = index.refresh(officials=False)
        assert resumed.sketched == 6
        assert rows(index) == [("roads_b.txt", 2), ("fire_c.txt", 3), ("school.txt", 1)]


def test_a_story_printed_by_more_files_than_a_bucket_holds_is_one_row(
    tmp_path: Path, reader_dirs: dict[str, Path]
) -> None:
    from reader.dedupe import MAX_BUCKET

    library = tmp_path / "many"
    library.mkdir()
    copies = MAX_BUCKET + 16
    for number in range(copies):
        body = tuple(p.replace("，", ",", number % 3) + "另" * (number % 5) for p in FIRE)
        text = original(f"防火{number}", "2026年03月18日", f"网站{number}", body)
        (library / f"{number:03}.txt").write_text(text, encoding="utf-8")
    with LibraryIndex(library) as index:
        index.refresh(officials=False)
        late = original("防火", "2026年03月19日", "晚到", FIRE)
        (library / "late.txt").write_text(late, encoding="utf-8")
        school = original("运动会", "2026年03月18日", "西江", SCHOOL)
        (library / "school.txt").write_text(school, encoding="utf-8")
        index.refresh(officials=False)
        listed = rows(index)
    assert listed == [("late.txt", copies + 1), ("school.txt", 1)]
