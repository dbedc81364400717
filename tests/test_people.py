"""Who's who: grouping officials into persons, careers, 任免 events, the person index and its CLI."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.people.events import find_events
from reader.people.grouping import group
from reader.people.model import Mention, Overrides, bucket_of
from reader.people.places import compatible, post_places


def mention(path: str, name: str, date: str, *titles: str, former: tuple[bool, ...] | None = None) -> Mention:
    return Mention(path, name, date, titles, former or tuple(False for _ in titles))


# -- places and grouping rules ---------------------------------------------------------------


def test_a_post_names_its_place_and_posts_of_the_centre_name_none() -> None:
    assert post_places("嘉峪关市委副书记") == ("嘉峪关",)
    assert post_places("浙江省杭州市委书记") == ("浙江", "杭州")
    assert post_places("青山县人民政府副县长") == ("青山县",)
    assert post_places("原浙江省委书记") == ("浙江",)
    assert post_places("国务院总理") == () and post_places("市长") == () and post_places("社区党委书记") == ()
    assert post_places("上海合作组织成员国俄罗斯总统") == ()
    assert compatible("浙江", "杭州") and not compatible("杭州", "宁波")


def test_same_name_in_different_places_in_the_same_month_is_two_persons() -> None:
    persons = group(
        [
            mention("a.txt", "李明", "2020-03-05", "甘肃省定西市渭源县县长"),
            mention("b.txt", "李明", "2020-03-20", "广东省佛山市南海区局长"),
            mention("c.txt", "李明", "2020-04-02", "渭源县县长"),
        ],
        "李明",
    )
    assert sorted(sorted(m.path for m in p.mentions) for p in persons) == [["a.txt", "c.txt"], ["b.txt"]]


def test_one_person_across_three_posts_is_one_person() -> None:
    persons = group(
        [
            mention("1.txt", "王毅", "2015-03-08", "外交部长"),
            mention("2.txt", "王毅", "2019-09-05", "国务委员兼外交部长"),
            mention("3.txt", "王毅", "2024-05-31", "中央外事工作委员会办公室主任"),
        ],
        "王毅",
    )
    assert len(persons) == 1 and len(persons[0].mentions) == 3


def test_a_career_across_provinces_at_different_times_is_one_person() -> None:
    persons = group(
        [
            mention("z.txt", "李强", "2016-03-01", "浙江省委书记"),
            mention("j.txt", "李强", "2016-12-01", "江苏省委书记"),
            mention("s.txt", "李强", "2019-01-01", "上海市委书记"),
            mention("g.txt", "李强", "2023-05-01", "国务院总理"),
            mention("h.txt", "李强", "2017-05-01", "浙江省委常委、杭州市委书记", former=(True, True)),
        ],
        "李强",
    )
    assert len(persons) == 1


def test_a_dotted_name_and_its_last_part_are_one_person() -> None:
    assert bucket_of("弗拉基米尔·普京") == "普京" == bucket_of("普京")
    persons = group(
        [
            mention("a.txt", "弗拉基米尔·普京", "2020-01-01", "俄罗斯总统"),
            mention("b.txt", "普京", "2020-02-01", "俄罗斯总统"),
        ],
        "普京",
    )
    assert len(persons) == 1


def test_person_ids_come_from_content_not_from_order() -> None:
    mentions = [
        mention("a.txt", "李明", "2020-03-05", "渭源县县长"),
        mention("b.txt", "李明", "2020-03-20", "佛山市局长"),
        mention("c.txt", "李明", "2020-03-25", "渭源县县长"),
    ]
    forward = sorted(p.id for p in group(mentions, "李明"))
    backward = sorted(p.id for p in group(list(reversed(mentions)), "李明"))
    assert forward == backward and len(forward) == 2


def test_a_split_keeps_mentions_apart_and_a_merge_joins_them() -> None:
    mentions = [mention(f"{n}.txt", "王刚", f"2020-0{n}-01", "局长") for n in range(1, 5)]
    assert len(group(mentions, "王刚")) == 1
    apart = frozenset({"3.txt\t王刚", "4.txt\t王刚"})
    split = Overrides(splits=((apart, frozenset(m.key for m in mentions) - apart),))
    assert sorted(len(p.mentions) for p in group(mentions, "王刚", split)) == [2, 2]
    two = [
        mention("a.txt", "李明", "2020-03-05", "渭源县县长"),
        mention("b.txt", "李明", "2020-03-20", "佛山市局长"),
    ]
    assert len(group(two, "李明", Overrides(merges=(("a.txt\t李明", "b.txt\t李明"),)))) == 1


# -- events --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议决定任命王小明为青山县人民政府副县长。", [("王小明", "appointed", "青山县人民政府副县长")]),
        ("免去李大海的青山县人民政府县长职务。", [("李大海", "removed", "青山县人民政府县长")]),
        ("张三丰当选为青山县人民政府县长。", [("张三丰", "elected", "青山县人民政府县长")]),
        ("提名赵四为青山县人民政府县长候选人。", [("赵四", "nominated", "青山县人民政府县长")]),
        ("王五同志不再担任中共青山县委书记职务。", [("王五", "removed", "中共青山县委书记")]),
        ("日前，李六调任江东市委副书记。", [("李六", "transferred", "江东市委副书记")]),
        (
            "周七，男，汉族，1975年3月生，大学学历，现任青山县副县长，拟任青山县委常委。",
            [("周七", "announced", "青山县委常委")],
        ),
        (
            "会议选举产生新一届领导班子，刘一、陈二和孙三当选副县长。",
            [("刘一", "elected", "副县长"), ("陈二", "elected", "副县长"), ("孙三", "elected", "副县长")],
        ),
        ("2012年任青山县副县长，曾任青山县委常委。", []),
    ],
)
def test_events_of_each_kind(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(e.name, e.kind, e.post) for e in find_events([text], "2021-05-06")] == expected


def test_an_event_is_dated_by_its_sentence_else_by_the_report() -> None:
    events = find_events(
        [
            "23日，青山县人大常委会召开会议。",
            "会议决定任命王小明为青山县副县长。",
            "2018年5月，李六调任江东市委副书记。",
        ],
        "2021-05-24",
    )
    assert [(e.name, e.date, e.paragraph) for e in events] == [
        ("王小明", "2021-05-23", 1),
        ("李六", "2018-05", 2),
    ]


def test_a_list_under_a_heading_gives_one_event_a_line() -> None:
    events = find_events(
        [
            "任免名单如下：",
            "决定任命：",
            "王永礼为青山市人民政府副市长。",
            "决定免去：",
            "卢炳椿的青山市公安局局长职务。",
        ]
    )
    assert [(e.name, e.kind) for e in events] == [("王永礼", "appointed"), ("卢炳椿", "removed")]


# -- the person index over a library, and the CLI ---------------------------------------------


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    write(
        folder,
        "a.md",
        "---\ntitle: 一\ndate: 2020-03-05\n---\n\n甘肃省渭源县县长李明主持会议。李明强调，要抓好春耕。\n",
    )
    write(folder, "b.md", "---\ntitle: 二\ndate: 2020-03-20\n---\n\n广东省佛山市局长李明出席。\n")
    write(folder, "c.md", "---\ntitle: 三\ndate: 2020-04-02\n---\n\n渭源县县长李明调研。市长柳鹏陪同。\n")
    write(
        folder,
        "d.md",
        "---\ntitle: 四\ndate: 2021-01-08\n---\n\n"
        "7日，渭源县人大常委会召开会议，决定任命柳鹏为渭源县人民政府副县长。\n",
    )
    return folder


def people_json(library: Path, *args: str, capsys: pytest.CaptureFixture[str]) -> dict:
    assert main(["people", "--library", str(library), "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_reader_people_json_has_the_issues_shape(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = people_json(library, capsys=capsys)
    assert set(data) == {"people"}
    for person in data["people"]:
        assert set(person) == {"id", "name", "posts", "articles", "mentions", "first_seen", "last_seen"}
        for post in person["posts"]:
            assert set(post) == {"title", "first", "last", "articles"}
    li = [p for p in data["people"] if p["name"] == "李明"]
    assert sorted(p["articles"] for p in li) == [1, 2]
    gansu = next(p for p in li if p["articles"] == 2)
    assert gansu["first_seen"] == "2020-03-05" and gansu["last_seen"] == "2020-04-02"
    assert [post["title"] for post in gansu["posts"]] == ["甘肃省渭源县县长", "渭源县县长"]


def test_reader_people_name_and_csv(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["people", "--library", str(library), "--name", "柳鹏", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {row["name"] for row in rows} == {"柳鹏"}
    assert list(rows[0]) == [
        "id", "name", "pinyin", "articles", "mentions", "first_seen", "last_seen",
        "title", "first", "last", "post_articles", "former",
    ]  # fmt: skip
    assert {row["title"] for row in rows} >= {"市长", "渭源县人民政府副县长"}


def test_reader_events_json_csv_and_since(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["events", "--library", str(library), "--format", "json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    assert [(e["name"], e["kind"], e["post"], e["date"], e["path"], e["paragraph"]) for e in events] == [
        ("柳鹏", "appointed", "渭源县人民政府副县长", "2021-01-07", "d.md", 0)
    ]
    assert set(events[0]) == {"person", "name", "kind", "post", "date", "path", "paragraph"}
    assert main(["events", "--library", str(library), "--format", "csv", "--since", "2021-02-01"]) == 0
    assert capsys.readouterr().out == "person,name,kind,post,date,path,paragraph_1based\n"
    assert main(["events", "--library", str(library), "--since", "soon"]) == 2
    assert "--since must be a date" in capsys.readouterr().err


def test_the_person_index_follows_a_changed_article(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.library import LibraryIndex
    from reader.people.library import open_people, refresh

    people_json(library, capsys=capsys)
    path = write(library, "b.md", "---\ntitle: 二\ndate: 2020-03-20\n---\n\n渭源县县长李明出席。\n")
    os.utime(path, ns=(1, 1))
    with LibraryIndex(library) as index:
        index.refresh()
    people = open_people(library)
    summary = refresh(people)
    assert summary.read == 1  # only the changed article's record is read again
    assert [s.articles for s in people.named("李明")] == [3]


def test_a_person_index_refresh_reports_typed_steps_that_reach_their_totals(library: Path) -> None:
    """One progress type from the refresh to the People screen: its phase is one of two
    words, never a free string, and each phase ends at its total."""
    from reader.library import LibraryIndex
    from reader.people.build import PeopleProgress
    from reader.people.library import open_people, refresh

    with LibraryIndex(library) as index:
        index.refresh()
    seen: list[PeopleProgress] = []
    refresh(open_people(library), seen.append)
    assert [step.phase for step in seen] == ["people", "people", "persons", "persons"]
    articles, persons = seen[1], seen[3]
    assert articles.done == articles.total == 4 and persons.done == persons.total > 0
    assert articles.status() == "reading officials 4/4"
    assert persons.status().startswith("grouping persons ")


def test_asking_again_with_nothing_changed_writes_nothing_to_the_index(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # `reader people --name X` refreshes first: when nothing changed that refresh is only
    # reads (no commit, so no WAL to check-point and sync when the command ends).
    import sqlite3

    from reader.library import index_path

    people_json(library, capsys=capsys)
    watcher = sqlite3.connect(index_path(library))
    try:
        before = watcher.execute("PRAGMA data_version").fetchone()[0]
        data = people_json(library, "--name", "柳鹏", capsys=capsys)
        assert {p["name"] for p in data["people"]} == {"柳鹏"}
        assert watcher.execute("PRAGMA data_version").fetchone()[0] == before
        write(library, "e.md", "---\ntitle: 五\ndate: 2021-02-01\n---\n\n市长柳鹏出席。\n")
        people_json(library, "--name", "柳鹏", capsys=capsys)
        assert watcher.execute("PRAGMA data_version").fetchone()[0] != before  # a change is written
    finally:
        watcher.close()


def test_a_split_survives_reindexing(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.library import LibraryIndex
    from reader.people.library import open_people, refresh
    from reader.people.overrides import add_split, choices_path

    people_json(library, capsys=capsys)
    people = open_people(library)
    gansu = next(s for s in people.named("李明") if s.articles == 2)
    keys = people.mention_keys(gansu.id)
    apart = [k for k in keys if k.startswith("c.md")]
    add_split(library, apart, keys)
    assert choices_path(library).is_file()
    refresh(people)
    assert sorted(s.articles for s in people.named("李明")) == [1, 1, 1]
    # Re-index from scratch: the choice is in the state folder, the index in the cache.
    for file in library.glob("*.md"):
        os.utime(file, ns=(2, 2))
    with LibraryIndex(library) as index:
        index.refresh()
    refresh(people)
    assert sorted(s.articles for s in people.named("李明")) == [1, 1, 1]
    data = people_json(library, "--name", "李明", capsys=capsys)
    assert len(data["people"]) == 3


def test_people_of_the_list_filter_by_pinyin_post_and_place(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.people.library import open_people

    people_json(library, capsys=capsys)
    everyone = open_people(library).people()
    assert {p.name for p in everyone.filter("liu peng")} == {"柳鹏"}
    assert {p.name for p in everyone.filter("liupeng")} == {"柳鹏"}
    assert {p.name for p in everyone.filter("佛山")} == {"李明"}
    assert {p.name for p in everyone.filter("县长 li ming")} == {"李明"}
    counts = [p.articles for p in everyone.sorted("articles")]
    assert counts == sorted(counts, reverse=True)


def test_a_big_loaded_list_leaves_the_collectors_sight_and_a_small_one_does_not(
    library: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from reader.library import index_path
    from reader.people import session as people_session

    people_json(library, capsys=capsys)  # builds the library and person indexes
    frozen = gc.get_freeze_count()
    try:
        small = people_session.PeopleSession(library, index_path(library))
        small.build()
        assert small.listing is not None and len(small.listing.rows) < people_session.FREEZE_AT
        assert gc.get_freeze_count() == frozen
        monkeypatch.setattr(people_session, "FREEZE_AT", 1)  # as if it were 20,000 persons
        big = people_session.PeopleSession(library, index_path(library))
        big.build()
        assert big.listing is not None
        assert gc.get_freeze_count() > frozen
        assert [p.name for p in big.listing.filter("liu")] == ["柳鹏"]
    finally:
        gc.unfreeze()  # the other tests' garbage must stay collectable
