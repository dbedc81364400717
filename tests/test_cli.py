"""The command line: exit codes, one-line errors, and the JSON shape scripts rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cli import main
from reader.layout import HANGING
from reader.loaders import load_article

from .conftest import BUNDLED_ARTICLE, REPO


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real console entry point, as a user runs it (`python -m reader`)."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("reader: ")
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"reader {__version__}"
    help_text = run("--help").stdout
    for word in ("--theme", "officials", "render", "./officials"):
        assert word in help_text


def test_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    assert_one_line_error(run(str(tmp_path / "nope.txt")), "no such file or directory")
    assert_one_line_error(run("officials", str(tmp_path / "nope.txt")), "no such file or directory")
    assert_one_line_error(run("render", str(tmp_path / "nope.txt")), "no such file or directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("标题\n正文。\n", encoding="utf-8")
    locked.chmod(0)
    assert_one_line_error(run(str(locked)), "cannot read")


def test_binary_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert_one_line_error(run("officials", str(binary)), "picture.txt")
    assert_one_line_error(run("render", str(binary)), "picture.txt")


def test_folder_given_to_a_command_is_an_error(tmp_path: Path) -> None:
    assert_one_line_error(run("render", str(tmp_path)), "folder")


def test_unknown_theme_is_one_line_and_exit_2() -> None:
    assert_one_line_error(
        run("--theme", "no-such-theme", str(BUNDLED_ARTICLE)), "unknown theme 'no-such-theme'"
    )


def test_officials_json_shape() -> None:
    result = run("officials", str(BUNDLED_ARTICLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"path", "title", "officials", "others"}
    assert data["title"] == "嘉峪关:全市国防动员委员会全体(扩大)会议召开"
    assert Path(data["path"]) == BUNDLED_ARTICLE
    assert len(data["officials"]) == 9
    for official in data["officials"]:
        assert isinstance(official["name"], str) and official["name"]
        assert all(isinstance(title, str) for title in official["titles"])
        assert official["mentions"], official["name"]
        for mention in official["mentions"]:
            assert set(mention) == {"paragraph", "start", "end"}
            assert 0 <= mention["start"] < mention["end"]
    assert [(person["name"], person["role"]) for person in data["others"]] == [("赵明霞", "记者")]


def test_officials_mentions_index_body_paragraphs() -> None:
    from reader.loaders import load_article

    article = load_article(BUNDLED_ARTICLE)
    data = json.loads(run("officials", str(BUNDLED_ARTICLE), "--format", "json").stdout)
    for official in data["officials"]:
        for mention in official["mentions"]:
            text = article.paragraphs[mention["paragraph"]][mention["start"] : mention["end"]]
            assert text[0] == official["name"][0], (official["name"], text)


def test_officials_table_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["officials", str(BUNDLED_ARTICLE)]) == 0
    table = capsys.readouterr().out
    assert "郑亚军" in table and "市委书记" in table
    assert main(["officials", str(BUNDLED_ARTICLE), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) >= 1 + 9
    assert any(row.startswith("official,柳鹏,") for row in rows)


def kinsoku_squash(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace())


def test_render_body_is_what_kinsoku_checks() -> None:
    result = run("render", str(BUNDLED_ARTICLE), "--width", "40", "--body")
    assert result.returncode == 0, result.stderr
    paragraphs = result.stdout.strip("\n").split("\n\n")
    assert len(paragraphs) == 9
    lines = [line for paragraph in paragraphs for line in paragraph.split("\n")]
    from rich.cells import cell_len

    # a line passes the width only by one closing mark hung in the margin
    assert all(cell_len(line) <= 40 or (cell_len(line[:-1]) <= 40 and line[-1] in HANGING) for line in lines)
    assert not any(line.lstrip()[:1] in set("，。、；：？！）,.;:?!)") for line in lines)
    assert "，" in result.stdout and "会议召开," not in result.stdout  # typeset by default
    printed = run("render", str(BUNDLED_ARTICLE), "--width", "40", "--body", "--as-printed").stdout
    assert kinsoku_squash(printed) == kinsoku_squash("".join(load_article(BUNDLED_ARTICLE).paragraphs))


def test_render_with_header_shows_metadata() -> None:
    result = run("render", str(BUNDLED_ARTICLE), "--width", "60")
    assert result.returncode == 0
    head = result.stdout.split("\n\n")[0]
    assert "嘉峪关：全市国防动员委员会全体（扩大）会议召开" in head  # typeset, as on screen
    printed = run("render", str(BUNDLED_ARTICLE), "--width", "60", "--as-printed").stdout
    assert "嘉峪关:全市国防动员委员会全体(扩大)会议召开" in printed
    assert "2015-06-19 13:57" in head and "中国甘肃网" in head and "记者 赵明霞" in head
    assert "原标题" in head


def test_render_rejects_a_tiny_width() -> None:
    assert_one_line_error(run("render", str(BUNDLED_ARTICLE), "--width", "1"), "--width")


def test_a_file_named_like_a_command_is_reached_with_a_path(tmp_path: Path) -> None:
    (tmp_path / "officials").write_text("标题\n市长张三出席。\n", encoding="utf-8")
    result = run("render", "./officials", "--width", "30", "--body", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "市长张三出席。" in result.stdout


def test_cli_does_not_write_into_article_folders(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_bytes(BUNDLED_ARTICLE.read_bytes())
    before = sorted(p.name for p in folder.iterdir())
    run("officials", str(folder / "a.txt"), "--format", "json")
    run("render", str(folder / "a.txt"))
    assert sorted(p.name for p in folder.iterdir()) == before


def test_escape_sequences_in_files_reach_the_terminal_as_text(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_text("标题\x1b]0;pwned\x07\n正文\x1b[31m红色[bold]不是标记[/bold]。\n", encoding="utf-8")
    result = run("render", str(path), "--width", "40")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "[bold]不是标记[/bold]" in result.stdout


def test_repository_layout_is_what_the_readme_promises() -> None:
    for name in (
        "pyproject.toml",
        "Makefile",
        "README.md",
        ".ci/run",
        "articles",
        "themes",
        "reader",
        "tests",
    ):
        assert (REPO / name).exists(), name


def test_render_header_names_the_encoding_and_any_notice(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("标题\n　　市长张三出席会议。\n".encode("gbk") + b"\xff\xfe\x81" + "完。".encode("gbk"))
    result = run("render", str(path), "--width", "40")
    assert result.returncode == 0, result.stderr
    header = result.stdout.split("─")[0]
    assert "GB18030" in header
    assert "⚠" in header and "could not be read" in header
    assert "市长张三出席会议。" in result.stdout
    utf8 = run("render", str(BUNDLED_ARTICLE), "--width", "80").stdout.split("─")[0]
    assert "UTF-8" not in utf8 and "中国甘肃网" in utf8 and "⚠" not in utf8  # UTF-8 goes unsaid (issue 14)
