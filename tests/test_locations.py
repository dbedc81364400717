"""Every location honours its environment override, and the XDG variables otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import locations


def test_environment_overrides_each_location(reader_dirs: dict[str, Path]) -> None:
    assert locations.config_dir() == reader_dirs["config"]
    assert locations.state_dir() == reader_dirs["state"]
    assert locations.cache_dir() == reader_dirs["cache"]
    assert locations.user_themes_dir() == reader_dirs["config"] / "themes"


def test_xdg_variables_are_used_without_overrides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CONFIG", "STATE", "CACHE"):
        monkeypatch.delenv(f"READER_{name}_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "s"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "k"))
    assert locations.config_dir() == tmp_path / "c" / "reader"
    assert locations.state_dir() == tmp_path / "s" / "reader"
    assert locations.cache_dir() == tmp_path / "k" / "reader"


def test_home_fallback_without_any_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("READER_CONFIG_DIR", "XDG_CONFIG_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert locations.config_dir() == tmp_path / ".config" / "reader"


def test_bundled_folders_are_found_through_the_package(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # not relative to the current directory
    articles = locations.bundled_articles_dir()
    assert articles.is_absolute()
    assert [path.suffix for path in articles.iterdir()] == [".txt"]
    assert {path.stem for path in locations.bundled_themes_dir().glob("*.yaml")} >= {"ink", "paper"}
