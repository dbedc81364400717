"""`reader index` and `reader search`, run through `cli.main` with temporary XDG folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import REPO


@pytest.fixture
def library(tmp_path: Path, reader_dirs: dict[str, Path]) -> Path:
    folder = tmp_path / "library"
    folder.mkdir()
    (folder / "xwlb_20150619_01.txt").write_text(
        "柳鹏主持召开会议\n嘉峪关市委副书记、市长柳鹏主持会议。\n会上通报了GDP数据。\n", encoding="utf-8"
    )
    (folder / "xwlb_20180301_02.txt").write_text("国际港务区\n省长柳鹏到嘉峪关调研。\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", ["index", "search"])
def test_the_commands_are_listed_and_dispatched(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert f"reader {command} " in capsys.readouterr().out
    with pytest.raises(SystemExit):
        main([command, "--help"])  # the command's own parser answers, not the TUI's
    assert capsys.readouterr().out.startswith(f"usage: reader {command}")


def test_index_prints_progress_and_a_summary(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", str(library)]) == 0
    out, err = capsys.readouterr()
    assert "2 articles indexed, 2 added" in out
    assert "text and metadata: 2/2" in err and "officials: 2/2" in err
    assert main(["index", str(library)]) == 0
    assert "0 added, 0 changed, 0 removed" in capsys.readouterr().out


def test_search_table_marks_the_match(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "柳鹏", "--library", str(library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # the newer article's paragraph, then the older one's title and paragraph
    assert lines[0].startswith("2018-03-01") and "【柳鹏】" in lines[0]
    assert lines[1].startswith("2015-06-19  柳鹏主持召开会议  title  【柳鹏】主持召开会议")  # title, not path
    assert "¶1" in lines[2] and "市长【柳鹏】主持会议" in lines[2]


def test_search_json_gives_paragraph_and_offsets(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "gdp", "--library", str(library), "--format", "json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["paragraph"] == 1 and hit["title"] == "柳鹏主持召开会议" and hit["date"] == "2015-06-19"
    start, end = hit["marks"][0]
    assert hit["snippet"][start:end] == "GDP"


def test_search_defaults_to_the_bundled_articles(
    capsys: pytest.CaptureFixture[str], reader_dirs: dict
) -> None:
    assert main(["search", "柳鹏", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "2015-06-19-jiayuguan-defence-mobilisation.txt" in out  # the table shows titles, JSON paths
    assert not list((REPO / "articles").glob("*.sqlite3"))


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "x", "--library", "/no/such/folder"], "no such file or directory"),
        (["search", "  "], "non-empty"),
        (["index", "/no/such/folder"], "no such file or directory"),
    ],
)
def test_errors_are_one_line_and_exit_2(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str], reader_dirs: dict
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("reader: ")


def test_search_on_a_file_is_refused(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "x", "--library", str(library / "xwlb_20150619_01.txt")]) == 2
    assert "give a library folder" in capsys.readouterr().err


def test_a_damaged_index_is_reported_and_rebuilt(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from reader.library import index_path

    path = index_path(library)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 200)
    assert main(["search", "柳鹏", "--library", str(library)]) == 0
    out, err = capsys.readouterr()
    assert "set aside" in err and "【柳鹏】" in out
