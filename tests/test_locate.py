"""`reader locate` prints every location, honouring the overrides; `--config` is checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import locations
from reader.cli import locate_rows, main


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
    )


def overrides(tmp_path: Path) -> dict[str, str]:
    return {
        "READER_CONFIG_DIR": str(tmp_path / "conf"),
        "READER_STATE_DIR": str(tmp_path / "state"),
        "READER_CACHE_DIR": str(tmp_path / "cache"),
        "READER_INSTALL_STORES_DIR": str(tmp_path / "install"),
    }


def test_locate_prints_each_location_under_the_overrides(tmp_path: Path) -> None:
    result = run("locate", env=overrides(tmp_path))
    assert result.returncode == 0, result.stderr
    rows = dict(line.split(None, 1) for line in result.stdout.splitlines())
    assert rows["config"] == str(tmp_path / "conf" / "config.yaml")
    assert rows["config-dir"] == str(tmp_path / "conf")
    assert rows["themes"] == str(tmp_path / "conf" / "themes")
    assert rows["lexicon"] == str(tmp_path / "conf" / "officials.yaml")
    assert rows["glossary"] == str(tmp_path / "conf" / "glossary.yaml")
    assert rows["state"].startswith(str(tmp_path / "state"))
    assert rows["cache"] == str(tmp_path / "cache")
    assert rows["index"].startswith(str(tmp_path / "cache"))
    assert Path(rows["articles"]).is_dir() and Path(rows["bundled-themes"]).is_dir()
    assert rows["install-stores"] == str(tmp_path / "install")
    assert not (tmp_path / "conf").exists() and not (tmp_path / "cache").exists()  # creates nothing


def test_locate_one_name_and_the_config_overrides(tmp_path: Path) -> None:
    env = overrides(tmp_path)
    assert run("locate", "themes", env=env).stdout == f"{tmp_path / 'conf' / 'themes'}\n"
    mine = tmp_path / "mine.yaml"
    assert run("locate", "config", env={**env, "READER_CONFIG": str(mine)}).stdout == f"{mine}\n"
    other = tmp_path / "other.yaml"
    result = run("locate", "--config", str(other), "config", env={**env, "READER_CONFIG": str(mine)})
    assert result.stdout == f"{other}\n"


def test_locate_unknown_name_is_one_line(tmp_path: Path) -> None:
    result = run("locate", "nowhere", env=overrides(tmp_path))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "unknown location 'nowhere'" in result.stderr


def test_locate_is_a_listed_command(reader_dirs: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert ("config-dir", locations.config_dir()) in locate_rows()
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "reader locate" in capsys.readouterr().out
    assert main(["locate", "config-dir"]) == 0  # dispatched to `locate`, not opened as a file
    assert capsys.readouterr().out == f"{locations.config_dir()}\n"


def test_missing_config_named_on_the_command_line_is_one_line(tmp_path: Path) -> None:
    result = run("--config", str(tmp_path / "typo.yaml"), env=overrides(tmp_path))
    assert result.returncode == 2
    assert result.stderr == f"reader: {tmp_path / 'typo.yaml'}: no such config file\n"
