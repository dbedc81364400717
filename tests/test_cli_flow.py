"""The command line as a new user meets it (issue 14): config.yaml's library, grep's exit
status, global options on either side of the command, a search table for people."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import BUNDLED_ARTICLE


@pytest.fixture
def library(tmp_path: Path, reader_dirs: dict[str, Path]) -> Path:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "xwlb_20150619_01.txt").write_text(
        "柳鹏主持召开会议\n嘉峪关市委副书记、市长柳鹏主持会议。\n会上通报了GDP数据。\n", encoding="utf-8"
    )
    (folder / "xwlb_20180301_02.txt").write_text("国际港务区\n省长柳鹏到嘉峪关调研。\n", encoding="utf-8")
    return folder


@pytest.fixture
def configured(library: Path, reader_dirs: dict[str, Path]) -> Path:
    """config.yaml in the default place, naming `library`."""
    reader_dirs["config"].mkdir(parents=True, exist_ok=True)
    config = reader_dirs["config"] / "config.yaml"
    config.write_text(f"library: {library}\n", encoding="utf-8")
    return config


def test_search_uses_the_configured_library(configured: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "柳鹏", "--format", "json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert {Path(hit["path"]).name for hit in hits} == {"xwlb_20150619_01.txt", "xwlb_20180301_02.txt"}


def test_index_uses_the_configured_library(
    configured: Path, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["index"]) == 0
    assert "2 articles indexed, 2 added" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["people", "events"])
def test_people_and_events_use_the_configured_library(
    command: str, configured: Path, library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "人事任免\n经研究决定，任命张大山为嘉峪关市副市长。\n"
    (library / "renmian.txt").write_text(text, encoding="utf-8")
    assert main([command, "--format", "json"]) == 0
    assert "张大山" in capsys.readouterr().out


def test_a_given_library_wins_over_the_configured_one(
    configured: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text("标题\n书记王五讲话。\n", encoding="utf-8")
    assert main(["search", "王五", "--library", str(other)]) == 0
    assert main(["search", "柳鹏", "--library", str(other)]) == 1


def test_a_search_without_hits_says_so_and_exits_1(library: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "魏凤和", "--library", str(library)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("reader: no match for '魏凤和'") and err.count("\n") == 1
    assert main(["search", "魏凤和", "--library", str(library), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out) == []  # JSON stays data


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_config_goes_before_or_after_the_command(
    before: bool, library: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "elsewhere.yaml"
    config.write_text(f"library: {library}\n", encoding="utf-8")
    option = ["--config", str(config)]
    for command in (
        ["officials", str(BUNDLED_ARTICLE)],
        ["render", str(BUNDLED_ARTICLE)],
        ["search", "柳鹏"],
    ):
        argv = [*option, *command] if before else [*command, *option]
        assert main(argv) == 0, argv
        assert capsys.readouterr().err == "", argv
    argv = [f"--config={config}", "search", "GDP"] if before else ["search", "GDP", f"--config={config}"]
    assert main(argv) == 0


@pytest.mark.parametrize("before", [True, False], ids=["before", "after"])
def test_a_missing_config_is_one_line_on_either_side(
    before: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    option = ["--config", str(tmp_path / "nope.yaml")]
    command = ["officials", str(BUNDLED_ARTICLE)]
    assert main([*option, *command] if before else [*command, *option]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "no such config file" in err


def test_theme_before_a_command_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--theme", "ink", "officials", str(BUNDLED_ARTICLE)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "officials" in err and "--theme" in err


def test_search_table_shows_title_date_paragraph_and_snippet(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["search", "柳鹏", "--library", str(library)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert all(str(library) not in line and ".txt" not in line for line in lines)  # paths are for JSON
    newest, title_hit, paragraph_hit = lines
    assert (
        newest.startswith("2018-03-01  国际港务区")
        and "¶1" in newest
        and "省长【柳鹏】到嘉峪关调研" in newest
    )
    assert title_hit.startswith("2015-06-19  柳鹏主持召开会议") and "title" in title_hit
    assert "¶1" in paragraph_hit and "市长【柳鹏】主持会议" in paragraph_hit
    # the columns line up: the ¶ column starts at the same cell on every line
    from rich.cells import cell_len

    starts = {cell_len(line[: line.index("¶1" if "¶1" in line else "title")]) for line in lines}
    assert len(starts) == 1


def test_search_table_cuts_a_long_title(
    tmp_path: Path, reader_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "a.txt").write_text("关于" + "很长" * 30 + "的通知\n市长柳鹏出席。\n", encoding="utf-8")
    assert main(["search", "出席", "--library", str(folder)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert "…" in line and "¶1" in line and "【出席】" in line


def test_every_paragraph_number_for_people_counts_from_1(
    library: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """issue 14, defect 7: tables and CSV count as the footer (`¶ 1/9`); JSON stays 0-based."""
    text = "人事任免\n经研究决定，任命张大山为嘉峪关市副市长。\n"
    (library / "renmian.txt").write_text(text, encoding="utf-8")
    assert main(["events", "--library", str(library), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(row["name"], row["paragraph_1based"]) for row in rows] == [("张大山", "1")]
    assert main(["events", "--library", str(library), "--no-refresh"]) == 0
    assert "renmian.txt ¶1)" in capsys.readouterr().out
    assert main(["events", "--library", str(library), "--format", "json", "--no-refresh"]) == 0
    assert [event["paragraph"] for event in json.loads(capsys.readouterr().out)["events"]] == [0]

    for form in ("table", "csv"):
        assert main(["officials", str(BUNDLED_ARTICLE), "--format", form]) == 0
        out = capsys.readouterr().out
        liu = next(line for line in out.splitlines() if "柳鹏" in line)
        assert liu.split()[-1].split(",")[-1] == "6", form  # the footer says ¶ 6/9 there
    assert main(["officials", str(BUNDLED_ARTICLE), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert next(o for o in data["officials"] if o["name"] == "柳鹏")["mentions"][0]["paragraph"] == 5
