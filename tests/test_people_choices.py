"""The user's merge and split choices (issue 15): applied by the grouping, kept in the state
folder across full and incremental re-indexing, read safely, and driven from the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.library import LibraryIndex, index_path
from reader.people.grouping import group
from reader.people.library import open_people, refresh
from reader.people.model import Mention, Overrides
from reader.people.overrides import (
    add_merge,
    add_split,
    choices_path,
    forget,
    forget_naming,
    load_choices,
    undo_last,
)


def mention(path: str, name: str, date: str, *titles: str) -> Mention:
    return Mention(path, name, date, titles, tuple(False for _ in titles))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    """Two 李明 (甘肃 a, c; 广东 b: the same month, so two persons), a 柳鹏, and a 李名 that is
    a misprint of the 甘肃 李明's name."""
    folder = tmp_path / "news"
    folder.mkdir()
    write(folder, "a.md", "---\ntitle: 一\ndate: 2020-03-05\n---\n\n甘肃省渭源县县长李明主持会议。\n")
    write(folder, "b.md", "---\ntitle: 二\ndate: 2020-03-20\n---\n\n广东省佛山市局长李明出席。\n")
    write(folder, "c.md", "---\ntitle: 三\ndate: 2020-04-02\n---\n\n渭源县县长李明调研。市长柳鹏陪同。\n")
    write(folder, "e.md", "---\ntitle: 五\ndate: 2020-05-02\n---\n\n渭源县县长李名出席。\n")
    return folder


def built(library: Path):  # type: ignore[no-untyped-def]
    with LibraryIndex(library) as index:
        index.refresh()
    people = open_people(library)
    refresh(people)
    return people


def shape(people) -> list[tuple[str, tuple[str, ...]]]:  # type: ignore[no-untyped-def]
    """Each person as (name, their articles), sorted: what the tests compare."""
    found = []
    for row in people.people().rows:
        found.append((row.name, tuple(sorted({m.path for m in people.mentions(row.id)}))))
    return sorted(found)


def reader_people(library: Path, *args: str) -> int:
    return main(["people", *args, "--library", str(library)])


# -- the grouping applies them --------------------------------------------------------------------


def test_a_merge_of_every_mention_holds_against_the_place_rule() -> None:
    mentions = [
        mention("a.txt", "李明", "2020-03-05", "甘肃省渭源县县长"),
        mention("b.txt", "李明", "2020-03-20", "广东省佛山市局长"),
        mention("c.txt", "李明", "2020-04-02", "渭源县县长"),
    ]
    assert len(group(mentions, "李明")) == 2
    merged = Overrides(merges=(("a.txt\t李明", "b.txt\t李明", "c.txt\t李明"),))
    assert [len(p.mentions) for p in group(mentions, "李明", merged)] == [3]
    # A split beside it that sets c apart wins over the place rule, not over nothing else.
    split = Overrides(splits=((frozenset({"c.txt\t李明"}), frozenset({"a.txt\t李明", "b.txt\t李明"})),))
    assert sorted(sorted(m.path for m in p.mentions) for p in group(mentions, "李明", split)) == [
        ["a.txt"],
        ["b.txt"],
        ["c.txt"],
    ]


def test_a_merge_undoes_a_split_of_the_two_and_a_split_narrows_a_merge(library: Path) -> None:
    add_split(library, ["c.md\t李明"], ["a.md\t李明"], "split")
    change = add_merge(library, ["a.md\t李明", "c.md\t李明", "b.md\t李明"], "merge")
    assert [c.kind for c in change.dropped] == ["split"]
    assert [c.kind for c in load_choices(library).items] == ["merge"]
    change = add_split(library, ["b.md\t李明"], ["a.md\t李明", "c.md\t李明"], "b apart")
    assert [c.keys for c in change.trimmed] == [("a.md\t李明", "c.md\t李明")]
    overrides = load_choices(library).overrides()
    assert overrides.merges == (("a.md\t李明", "c.md\t李明"),)
    assert overrides.splits == ((frozenset({"b.md\t李明"}), frozenset({"a.md\t李明", "c.md\t李明"})),)
    # A split that leaves a merge of one mention drops it.
    change = add_split(library, ["a.md\t李明"], ["c.md\t李明"], "a apart")
    assert [c.kind for c in change.dropped] == ["merge"] and change.trimmed == ()


def test_forget_by_id_by_mention_and_the_last(library: Path) -> None:
    first = add_merge(library, ["a.md\t李明", "b.md\t李明"]).added
    second = add_split(library, ["c.md\t柳鹏"], ["x.md\t柳鹏"]).added
    assert first is not None and second is not None and first.id != second.id
    assert forget(library, ["zz"]).dropped == ()  # too short to name one
    assert forget(library, [first.id[:4]]).dropped == (first,)
    assert load_choices(library).items == (second,)
    assert forget_naming(library, ["x.md\t柳鹏"]).dropped == (second,)
    add_merge(library, ["a.md\t李明", "b.md\t李明"])
    assert [c.kind for c in undo_last(library).dropped] == ["merge"]
    assert undo_last(library).dropped == () and load_choices(library).items == ()


def test_undo_gives_back_what_the_choice_dropped_or_narrowed(library: Path) -> None:
    split = add_split(library, ["c.md\t李明"], ["a.md\t李明"]).added
    assert split is not None
    add_merge(library, ["a.md\t李明", "c.md\t李明", "b.md\t李明"])  # undoes the split
    assert [c.kind for c in load_choices(library).items] == ["merge"]
    change = undo_last(library)
    assert change.restored == (split,) and load_choices(library).items == (split,)
    # A split that narrowed a merge, undone: the merge is whole again (read back from the file).
    forget(library, [split.id])
    merge = add_merge(library, ["a.md\t李明", "b.md\t李明", "c.md\t李明"]).added
    add_split(library, ["b.md\t李明"], ["a.md\t李明", "c.md\t李明"])
    assert load_choices(library).items[0].keys == ("a.md\t李明", "c.md\t李明")
    assert undo_last(library).restored == (merge,)
    assert load_choices(library).items == (merge,)
    # Two levels: a merge that dropped a split that had narrowed a merge.
    add_split(library, ["b.md\t李明"], ["a.md\t李明", "c.md\t李明"])
    add_merge(library, ["a.md\t李明", "b.md\t李明"])
    undo_last(library)
    assert [c.kind for c in load_choices(library).items] == ["merge", "split"]
    undo_last(library)
    assert load_choices(library).items == (merge,)


# -- the file in the state folder --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"{not json", "not JSON"),
        (b"[1, 2]", "not a JSON object"),
        (b'{"choices": [{"kind": "merge", "keys": ["a.md\\t\xe6\x9d\x8e"]}]}', "choice 1"),
        (b'{"choices": [{"kind": "split", "keys": [3]}]}', "keys"),
        (b'{"choices": 7}', "not a list"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "not JSON"),
    ],
)
def test_an_unreadable_choices_file_is_one_warning_and_no_choice(
    library: Path, content: bytes, why: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = choices_path(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    choices = load_choices(library)
    assert choices.items == () and choices.warning is not None
    assert why in choices.warning and str(path) in choices.warning and "\n" not in choices.warning
    assert reader_people(library, "--format", "json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["people"]
    assert captured.err.count("\n") == 1 and "ignored" in captured.err and "Traceback" not in captured.err


def test_a_new_choice_sets_an_unreadable_file_aside_and_writes_atomically(library: Path) -> None:
    path = choices_path(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{broken", encoding="utf-8")
    change = add_merge(library, ["a.md\t李明", "b.md\t李明"])
    assert change.set_aside is not None and change.set_aside.read_text(encoding="utf-8") == "{broken"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 2 and data["choices"][0]["keys"] == ["a.md\t李明", "b.md\t李明"]
    leftovers = [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_a_fifo_as_the_choices_file_is_a_warning_not_a_hang(library: Path) -> None:
    path = choices_path(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    choices = load_choices(library)
    assert choices.items == () and choices.warning is not None and "FIFO" in choices.warning


def test_the_first_versions_file_is_still_read(library: Path) -> None:
    path = choices_path(library)
    path.parent.mkdir(parents=True, exist_ok=True)
    old = {"merges": [["a.md\t李明", "b.md\t李明"]], "splits": [{"apart": ["c.md\t李明"], "rest": []}]}
    path.write_text(json.dumps(old), encoding="utf-8")
    assert [c.kind for c in load_choices(library).items] == ["merge", "split"]


# -- full rebuild and incremental refresh ------------------------------------------------------------


def test_choices_apply_incrementally_and_on_a_full_rebuild(library: Path) -> None:
    people = built(library)
    before = shape(people)
    assert (
        ("李明", ("a.md", "c.md")) in before
        and ("李明", ("b.md",)) in before
        and ("李名", ("e.md",)) in before
    )
    gansu = people.person_of_key("a.md\t李明")
    misprint = people.person_of_key("e.md\t李名")
    guangdong = people.person_of_key("b.md\t李明")
    assert gansu and misprint and guangdong
    # A merge across two names (李明 and its misprint 李名), and a split of the 甘肃 李明.
    add_merge(library, [*people.mention_keys(gansu), *people.mention_keys(misprint)])
    add_split(library, ["c.md\t李明"], ["a.md\t李明", "e.md\t李名"])
    refresh(people)
    expected = [("李明", ("a.md", "e.md")), ("李明", ("b.md",)), ("李明", ("c.md",)), ("柳鹏", ("c.md",))]
    assert shape(people) == expected
    # Incrementally: a file changes (c names 柳鹏 no more) and a new one names the 甘肃 李明.
    write(library, "c.md", "---\ntitle: 三\ndate: 2020-04-02\n---\n\n渭源县县长李明调研。\n")
    write(library, "f.md", "---\ntitle: 六\ndate: 2020-06-01\n---\n\n甘肃省渭源县县长李明讲话。\n")
    with LibraryIndex(library) as index:
        index.refresh()
    summary = refresh(people)
    assert summary.read == 2 and summary.warning is None
    assert shape(people) == [("李明", ("a.md", "e.md", "f.md")), ("李明", ("b.md",)), ("李明", ("c.md",))]
    # From scratch: a new index file, the choices still in the state folder.
    people.conn.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{index_path(library)}{suffix}").unlink(missing_ok=True)
    people = built(library)
    assert shape(people) == [("李明", ("a.md", "e.md", "f.md")), ("李明", ("b.md",)), ("李明", ("c.md",))]
    # Forgetting the person's choices gives the rules' answer back.
    forget_naming(library, people.mention_keys(people.person_of_key("a.md\t李明") or ""))
    refresh(people)
    assert shape(people) == [("李名", ("e.md",)), ("李明", ("a.md", "c.md", "f.md")), ("李明", ("b.md",))]
    people.conn.close()


def test_a_corrupt_file_makes_the_choices_go_and_a_good_one_brings_them_back(library: Path) -> None:
    people = built(library)
    add_merge(library, ["a.md\t李明", "b.md\t李明", "c.md\t李明"])
    refresh(people)
    assert ("李明", ("a.md", "b.md", "c.md")) in shape(people)
    path = choices_path(library)
    good = path.read_bytes()
    path.write_text("{", encoding="utf-8")
    summary = refresh(people)
    assert summary.warning is not None and ("李明", ("b.md",)) in shape(people)
    path.write_bytes(good)
    assert refresh(people).warning is None and ("李明", ("a.md", "b.md", "c.md")) in shape(people)
    people.conn.close()


# -- the CLI ---------------------------------------------------------------------------------------


def people_json(library: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, Any]]:
    assert reader_people(library, "--format", "json") == 0
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["people"]
    return found


def test_cli_merge_split_choices_and_forget(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    li = [p for p in people_json(library, capsys) if p["name"] == "李明"]
    assert sorted(p["articles"] for p in li) == [1, 2]
    ids = [str(p["id"]) for p in li]
    assert reader_people(library, "merge", *ids) == 0
    out = capsys.readouterr().out
    assert out.startswith("merged into 李明") and "3 articles" in out
    assert [p["articles"] for p in people_json(library, capsys) if p["name"] == "李明"] == [3]
    merged = next(str(p["id"]) for p in people_json(library, capsys) if p["name"] == "李明")
    assert reader_people(library, "split", merged, "--articles", str(library / "b.md")) == 0
    captured = capsys.readouterr()
    assert "set apart: 李明 (广东省佛山市局长)" in captured.out and "1 article;" not in captured.out
    assert "the rest: 李明 (渭源县县长)" in captured.out and "2 articles" in captured.out
    assert "narrowed choice" in captured.err  # the merge keeps a and c, b left it
    assert sorted(p["articles"] for p in people_json(library, capsys) if p["name"] == "李明") == [1, 2]
    assert reader_people(library, "choices", "--format", "json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["kind"] for c in listed["choices"]] == ["merge", "split"]
    assert listed["choices"][0]["keys"] == ["a.md\t李明", "c.md\t李明"]
    assert listed["file"] == str(choices_path(library))
    assert reader_people(library, "choices") == 0
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 2 and table[1].split()[1] == "split"
    assert reader_people(library, "forget", str(listed["choices"][1]["id"])[:6]) == 0
    assert "dropped choice" in capsys.readouterr().err
    assert [c.kind for c in load_choices(library).items] == ["merge"]
    add_split(library, ["b.md\t李明"], ["a.md\t李明"])
    gansu = next(str(p["id"]) for p in people_json(library, capsys) if p["articles"] == 2)
    assert reader_people(library, "forget", "--person", gansu) == 0
    assert capsys.readouterr().err.count("dropped choice") == 2  # the split's rest names a too
    assert reader_people(library, "forget", "--last") == 0
    assert capsys.readouterr().out == "no choice to forget\n"
    assert sorted(p["articles"] for p in people_json(library, capsys) if p["name"] == "李明") == [1, 2]
    assert reader_people(library, "choices") == 0
    assert capsys.readouterr().out.startswith("No merge or split choices")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["merge", "nobody", "FIRST"], "no person with id 'nobody'"),
        (["merge", "FIRST"], "two different persons"),
        (["merge", "FIRST", "FIRST"], "two different persons"),
        (["split", "FIRST", "--articles", "e.md"], "e.md does not name"),
        (["split", "FIRST", "--articles", "/elsewhere/x.md"], "not an article of the library"),
        (["split", "FIRST"], "--articles"),
        (["forget", "beef"], "is no choice of this library"),
        (["forget"], "give choice ids, or --person ID, or --last"),
        (["forget", "--person", "nobody"], "no person with id"),
    ],
)
def test_cli_bad_ids_are_one_line_and_status_2(
    library: Path, capsys: pytest.CaptureFixture[str], args: list[str], says: str
) -> None:
    first = next(str(p["id"]) for p in people_json(library, capsys) if p["articles"] == 2)
    assert reader_people(library, *[first if a == "FIRST" else a for a in args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and says in err and err.startswith("reader: people")


def test_cli_split_of_every_article_is_refused(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gansu = next(p for p in people_json(library, capsys) if p["name"] == "李明" and p["articles"] == 2)
    assert reader_people(library, "split", str(gansu["id"]), "--articles", "a.md", "c.md") == 2
    assert "nothing is left" in capsys.readouterr().err
    assert load_choices(library).items == ()


def test_choices_say_what_no_longer_applies(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    li = [str(p["id"]) for p in people_json(library, capsys) if p["name"] == "李明"]
    assert reader_people(library, "merge", *li) == 0
    assert reader_people(library, "choices", "--format", "json") == 0
    listed = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert listed["choices"][0]["in_index"] == 3
    (library / "b.md").unlink()
    people_json(library, capsys)  # re-indexed: b.md is gone, its mention with it
    assert reader_people(library, "choices") == 0
    assert "(1 of its 3 mentions no longer in the index)" in capsys.readouterr().out
    assert [p["articles"] for p in people_json(library, capsys) if p["name"] == "李明"] == [2]
