"""The config file: defaults without one, every setting read, every mistake a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import locations
from reader.config import DEFAULT_MEASURE, Config, ConfigError, load_config, parse_config

from .conftest import start_tui


def write_config(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_config_file_means_defaults_and_no_warnings(reader_dirs: dict[str, Path]) -> None:
    config, warnings = load_config()
    assert config == Config()
    assert warnings == []
    assert config.measure == DEFAULT_MEASURE and config.pinyin is True and config.theme is None
    assert not reader_dirs["config"].exists()  # reading never creates the folder


def test_every_setting_is_read_from_the_config_folder(reader_dirs: dict[str, Path], tmp_path: Path) -> None:
    library = tmp_path / "news"
    library.mkdir()
    write_config(
        reader_dirs["config"],
        f"library: {library}\ntheme: paper\nmeasure: 64\npinyin: false\n"
        'keymap:\n  reader.next_paragraph: "j, down ,ctrl+n"\n',
    )
    config, warnings = load_config()
    assert warnings == []
    assert config.library == library
    assert config.theme == "paper"
    assert config.measure == 64
    assert config.pinyin is False
    assert dict(config.keymap) == {"reader.next_paragraph": "j,down,ctrl+n"}
    assert config.path == reader_dirs["config"] / "config.yaml"


def test_relative_library_is_relative_to_the_config_file(reader_dirs: dict[str, Path]) -> None:
    (reader_dirs["config"] / "articles").mkdir(parents=True)
    write_config(reader_dirs["config"], "library: articles\n")
    config, warnings = load_config()
    assert warnings == []
    assert config.library == reader_dirs["config"] / "articles"


def test_unknown_keys_are_warnings_naming_the_key(reader_dirs: dict[str, Path]) -> None:
    write_config(reader_dirs["config"], "theme: paper\ncolour: red\nmesure: 70\n")
    config, warnings = load_config()
    assert config.theme == "paper"  # the good settings still apply
    assert len(warnings) == 2
    assert "unknown key 'colour'" in warnings[0] and warnings[0].startswith("config.yaml: ")
    assert "unknown key 'mesure'" in warnings[1]


@pytest.mark.parametrize(
    ("line", "key", "fragment"),
    [
        ("measure: wide", "measure", "whole number"),
        ("measure: 5", "measure", "from 20 to 400"),
        ("measure: true", "measure", "whole number"),
        ("pinyin: maybe", "pinyin", "true or false"),
        ("theme: 3", "theme", "theme name"),
        ("library: /no/such/folder/anywhere", "library", "is not a folder"),
        ("keymap: [j, k]", "keymap", "mapping of binding ids"),
        ("keymap:\n  reader.next_paragraph: 3", "keymap", "ignored 'reader.next_paragraph': 3"),
        ("keymap:\n  Next: j", "keymap", "ignored 'Next'"),
    ],
)
def test_bad_values_warn_and_keep_the_default(
    reader_dirs: dict[str, Path], line: str, key: str, fragment: str
) -> None:
    write_config(reader_dirs["config"], line + "\n")
    config, warnings = load_config()
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(f"config.yaml: {key}: ")
    assert fragment in warnings[0]
    assert "\n" not in warnings[0]
    defaults = Config(path=config.path)
    assert getattr(config, key) == getattr(defaults, key) or key == "keymap"
    if key == "keymap":
        assert dict(config.keymap) == {}


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("theme: [unclosed\n", "not valid YAML at line"),
        ("- a\n- list\n", "must be a mapping"),
        ("theme: !!python/object/apply:os.system [ls]\n", "not valid YAML"),  # safe_load only
    ],
)
def test_broken_file_warns_and_uses_defaults(reader_dirs: dict[str, Path], text: str, fragment: str) -> None:
    write_config(reader_dirs["config"], text)
    config, warnings = load_config()
    assert config.theme is None and config.measure == DEFAULT_MEASURE
    assert len(warnings) == 1 and fragment in warnings[0]


def test_empty_file_is_fine(reader_dirs: dict[str, Path]) -> None:
    write_config(reader_dirs["config"], "# nothing yet\n")
    assert load_config()[1] == []


def test_explicit_path_and_environment_override(
    reader_dirs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_config(reader_dirs["config"], "theme: ink\n")
    elsewhere = tmp_path / "other.yaml"
    elsewhere.write_text("theme: paper\n", encoding="utf-8")
    assert load_config(elsewhere)[0].theme == "paper"
    monkeypatch.setenv("READER_CONFIG", str(elsewhere))
    assert locations.config_file() == elsewhere
    assert load_config()[0].theme == "paper"
    # --config wins over the environment
    third = tmp_path / "third.yaml"
    third.write_text("theme: contrast\n", encoding="utf-8")
    assert load_config(third)[0].theme == "contrast"


def test_a_named_file_that_is_missing_is_an_error(
    reader_dirs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "typo.yaml")
    monkeypatch.setenv("READER_CONFIG", str(tmp_path / "typo.yaml"))
    with pytest.raises(ConfigError, match=r"typo\.yaml: no such config file"):
        load_config()


def test_parse_config_reports_the_file_name(tmp_path: Path) -> None:
    _, warnings = parse_config("pinyin: 2\n", tmp_path / "mine.yaml")
    assert warnings == ["mine.yaml: pinyin: must be true or false, not 2; using true"]


def test_the_tui_takes_library_and_theme_from_the_config(
    reader_dirs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    library = tmp_path / "news"
    library.mkdir()
    path = write_config(tmp_path / "elsewhere", f"library: {library}\ntheme: gone\nshiny: 1\n")
    code, started = start_tui(["--config", str(path)], monkeypatch)
    assert code == 0
    assert started["library"] == library and started["open_file"] is None
    assert started["theme_name"] == "ink"  # the missing theme falls back to the default
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("reader: config.yaml: unknown key 'shiny'")
    assert err[1] == "reader: config.yaml: theme 'gone' is not available; using 'ink'"
    # --theme on the command line still wins, and must exist
    code, started = start_tui(["--config", str(path), "--theme", "paper"], monkeypatch)
    assert code == 0 and started["theme_name"] == "paper"
    code, started = start_tui(["--config", str(path), "--theme", "gone"], monkeypatch)
    assert code == 2 and started == {}
