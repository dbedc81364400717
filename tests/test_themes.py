"""Theme files: the bundled ones load, user ones add or replace, broken ones are reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.theme_files import (
    DEFAULT_THEME,
    READER_VARIABLES,
    ThemeFileError,
    discover_themes,
    parse_theme,
)


def test_bundled_themes_define_every_reader_colour(reader_dirs: dict[str, Path]) -> None:
    themes, problems = discover_themes()
    assert problems == []
    assert {"ink", "paper"} <= set(themes)
    assert DEFAULT_THEME in themes
    assert themes["ink"].dark and not themes["paper"].dark
    for spec in themes.values():
        assert set(READER_VARIABLES) <= set(spec.variables), spec.name


def test_user_theme_is_added_and_a_broken_one_is_reported(reader_dirs: dict[str, Path]) -> None:
    folder = reader_dirs["config"] / "themes"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text('name: mine\nprimary: "#123456"\ndark: false\n', encoding="utf-8")
    (folder / "bad.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    themes, problems = discover_themes()
    assert themes["mine"].colours == {"primary": "#123456"}
    assert len(problems) == 1 and problems[0].startswith("bad.yaml: not valid YAML")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- a list\n", "must be a mapping"),
        ('primary: "#123456"\n', "missing a `name`"),
        ("name: x\n", "missing a `primary`"),
        ("name: x\nprimary: red\n", "must be a colour"),
        ('name: x\nprimary: "#123456"\nshiny: true\n', "unknown key 'shiny'"),
        ('name: x\nprimary: "#123456"\nvariables: [1]\n', "`variables` must be a mapping"),
        ("name: x\nprimary: !!python/object:os.system ls\n", "not valid YAML"),
    ],
)
def test_bad_theme_files_give_one_line_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThemeFileError) as caught:
        parse_theme(path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_themes_become_textual_themes(reader_dirs: dict[str, Path]) -> None:
    from reader.ui.themes import to_textual_theme

    themes, _ = discover_themes()
    theme = to_textual_theme(themes["paper"])
    assert theme.name == "paper" and theme.dark is False
    assert theme.variables["reader-mention"] == themes["paper"].variables["reader-mention"]


def test_a_second_start_reads_themes_from_the_cache_without_a_yaml_parser(
    reader_dirs: dict[str, Path],
) -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from reader.theme_files import discover_themes\n"
        "themes, problems = discover_themes()\n"
        "print(sorted(themes), problems, 'yaml' in sys.modules)\n"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        for _ in range(2)
    ]
    assert runs[0].endswith("[] True\n")  # the first start parses the files
    assert runs[1] == runs[0].replace("True\n", "False\n")  # the same themes, no parser
    assert (reader_dirs["cache"] / "themes.json").is_file()


def test_an_edited_theme_is_read_again_and_a_damaged_cache_changes_nothing(
    reader_dirs: dict[str, Path],
) -> None:
    import json
    import os

    folder = reader_dirs["config"] / "themes"
    folder.mkdir(parents=True)
    mine = folder / "mine.yaml"
    mine.write_text('name: mine\nprimary: "#123456"\n', encoding="utf-8")
    assert discover_themes()[0]["mine"].colours == {"primary": "#123456"}
    mine.write_text('name: mine\nprimary: "#654321"\n', encoding="utf-8")
    os.utime(mine, ns=(10**18, 10**18))
    assert discover_themes()[0]["mine"].colours == {"primary": "#654321"}

    odd = folder / os.fsdecode(b"\xff-gbk.yaml")  # a file name that is not UTF-8
    odd.write_text('name: odd\nprimary: "#111111"\n', encoding="utf-8")
    for _ in range(2):  # parsed, then read back from the cache under the same name
        assert discover_themes()[0]["odd"].colours == {"primary": "#111111"}
    odd.unlink()

    cache = reader_dirs["cache"] / "themes.json"
    info = mine.stat()
    stamp = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
    damaged = json.dumps({"version": 1, "files": {str(mine): {"stamp": stamp, "data": [1]}}})
    for text in ("not json", "[" * 100_000, '{"version": 1, "files": []}', damaged):
        cache.write_text(text, encoding="utf-8")
        themes, problems = discover_themes()
        assert problems == [] and themes["mine"].colours == {"primary": "#654321"}
