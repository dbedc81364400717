"""Reading state: positions, read marks, the last article, atomic and damage-proof saving."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.files import write_atomic
from reader.library import ReadingState
from reader.library.state import state_path


@pytest.fixture
def article(tmp_path: Path, reader_dirs: dict[str, Path]) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("标题\n正文。\n", encoding="utf-8")
    return path


def test_the_state_file_lives_in_the_state_dir(reader_dirs: dict[str, Path]) -> None:
    assert state_path().parent == reader_dirs["state"]


def test_a_missing_file_is_an_empty_state(article: Path) -> None:
    state = ReadingState.load()
    assert state.notice is None
    assert state.position(article) is None and state.last_open is None and not state.is_read(article)


def test_position_marks_and_last_open_survive_a_restart(article: Path) -> None:
    state = ReadingState.load()
    state.set_position(article, 7)
    state.mark_read(article)
    state.set_last_open(article, article.parent)
    state.save()
    again = ReadingState.load()
    assert again.last_library == article.parent.resolve()
    assert again.position(article) == 7
    assert again.is_read(article)
    assert again.last_open == article.resolve()
    assert again.progress(article, 10) == 1.0


def test_the_same_file_by_another_path_is_the_same_article(article: Path) -> None:
    state = ReadingState.load()
    state.set_position(article.parent / "." / article.name, 3)
    assert state.position(article) == 3


def test_progress_counts_paragraphs_reached(article: Path) -> None:
    state = ReadingState.load()
    assert state.progress(article, 10) == 0.0
    state.set_position(article, 4)
    assert state.progress(article, 10) == 0.5
    state.mark_read(article, False)
    assert not state.is_read(article)


def test_a_deleted_last_article_is_not_restored(article: Path) -> None:
    state = ReadingState.load()
    state.set_last_open(article)
    state.save()
    article.unlink()
    assert ReadingState.load().last_open is None


def test_a_damaged_file_is_set_aside_with_a_notice(article: Path, reader_dirs: dict[str, Path]) -> None:
    reader_dirs["state"].mkdir(parents=True)
    state_path().write_text("{not json", encoding="utf-8")
    state = ReadingState.load()
    assert state.notice is not None and "set aside" in state.notice
    [aside] = [p.name for p in reader_dirs["state"].iterdir()]
    assert aside.startswith("state.json.damaged-")
    state.set_position(article, 2)
    state.save()
    assert ReadingState.load().position(article) == 2


def test_two_processes_keep_each_others_changes(article: Path, tmp_path: Path) -> None:
    other = tmp_path / "b.txt"
    other.write_text("乙\n正文。\n", encoding="utf-8")
    first, second = ReadingState.load(), ReadingState.load()
    first.set_position(article, 5)
    first.save()
    second.set_position(other, 9)
    second.save()
    merged = ReadingState.load()
    assert (merged.position(article), merged.position(other)) == (5, 9)


def test_saving_is_atomic_and_leaves_no_temp_files(article: Path, reader_dirs: dict[str, Path]) -> None:
    state = ReadingState.load()
    for paragraph in range(5):
        state.set_position(article, paragraph)
        state.save()
    assert [p.name for p in reader_dirs["state"].iterdir()] == ["state.json"]
    assert json.loads(state_path().read_text(encoding="utf-8"))["version"] == 1


def test_a_failed_atomic_write_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "f.json"
    write_atomic(target, b"old")

    with pytest.raises(TypeError):
        write_atomic(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.json"]
