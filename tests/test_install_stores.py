"""The compile stores `make` writes at install (reader.cli.install_stores) for the very first
start: written beside the package by the install only, read by a start whose cache has none,
ignored when damaged, and never written by a start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_ARTICLE

PATTERNS = f"patterns-{sys.implementation.cache_tag}.json"


def run(code: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300, check=True
    )
    return done.stdout


@pytest.fixture
def installed(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose install stores were written by the install command, and their folder."""
    folder = tmp_path / "install"
    env = {**os.environ, "READER_INSTALL_STORES_DIR": str(folder), "READER_CACHE_DIR": str(tmp_path / "c")}
    done = subprocess.run(
        [sys.executable, "-m", "reader.cli.install_stores"], env=env, capture_output=True, text=True,
        timeout=300, check=True,
    )  # fmt: skip
    assert "compile stores kept" in done.stdout
    return env, folder


def stored_patterns(path: Path) -> int:
    body = path.read_bytes().partition(b"\n")[2]
    return len(json.loads(body)["patterns"])


def test_the_install_keeps_the_patterns_and_the_themes(installed: tuple[dict[str, str], Path]) -> None:
    _env, folder = installed
    assert stored_patterns(folder / PATTERNS) > 20  # the loaders', the typesetter's, the safety tables'
    themes = json.loads((folder / "themes.json").read_text(encoding="utf-8"))
    assert len(themes["files"]) >= 2


START = f"""
import sys
from reader import compiled
from reader.layout import Typesetting, render_plain
from reader.loaders import load_article
from reader.theme_files import discover_themes
themes, problems = discover_themes()
render_plain(load_article({str(BUNDLED_ARTICLE)!r}), 80, setting=Typesetting(typeset=True, ambiguous=1))
print(len(compiled._new), "yaml" in sys.modules, len(themes))
compiled.save_compiled()
"""
"""A start's work up to its first frame, in a fresh process: how many patterns it compiled
afresh, whether it imported the YAML parser, how many themes it has."""


def test_a_first_start_compiles_nothing_the_install_kept(installed: tuple[dict[str, str], Path]) -> None:
    env, folder = installed
    before = (folder / PATTERNS).read_bytes()
    fresh, yaml_imported, themes = run(START, env).split()
    assert fresh == "0"
    assert yaml_imported == "False"
    assert int(themes) >= 2
    assert (folder / PATTERNS).read_bytes() == before  # a start never writes the install's store
    assert not (Path(env["READER_CACHE_DIR"]) / PATTERNS).exists()  # nothing new to keep


def test_without_the_install_stores_a_first_start_compiles(tmp_path: Path) -> None:
    env = {**os.environ, "READER_INSTALL_STORES_DIR": str(tmp_path / "none")}
    env["READER_CACHE_DIR"] = str(tmp_path / "c")
    fresh, yaml_imported, _themes = run(START, env).split()
    assert int(fresh) > 0
    assert yaml_imported == "True"
    assert (tmp_path / "c" / PATTERNS).exists()  # kept in the cache for the next start


def test_a_damaged_install_store_is_ignored(installed: tuple[dict[str, str], Path]) -> None:
    env, folder = installed
    store = folder / PATTERNS
    store.write_bytes(store.read_bytes().replace(b'"patterns"', b'"pattern5"', 1))  # checksum fails
    fresh, _yaml, _themes = run(START, env).split()
    assert int(fresh) > 0
