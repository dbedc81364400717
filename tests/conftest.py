"""Shared test set-up: no test ever touches the real home directory.

Every reader location is pointed at a throwaway folder before any test runs (and
inherited by the CLI subprocesses tests start); tests that need their own use the
`reader_dirs` fixture.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_SANDBOX = Path(tempfile.mkdtemp(prefix="reader-tests-"))
for _name in ("CONFIG", "STATE", "CACHE", "DATA"):
    os.environ[f"READER_{_name}_DIR"] = str(_SANDBOX / _name.lower())
os.environ.pop("READER_CONFIG", None)  # a developer's own config file must not leak into tests
# the install's compile stores (reader.cli.install_stores): none, unless a test makes its own
os.environ["READER_INSTALL_STORES_DIR"] = str(_SANDBOX / "install-stores")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
BUNDLED_ARTICLE = REPO / "articles" / "2015-06-19-jiayuguan-defence-mobilisation.txt"


@pytest.fixture(autouse=True)
def _own_reader_dirs(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fresh config/state/cache folders for every test: the app remembers positions and the
    last article and keeps an index, so one test's reading must not change what the next sees."""
    if "reader_dirs" in request.fixturenames:
        return
    base = tmp_path_factory.mktemp("xdg")
    for name in ("config", "state", "cache", "data"):
        monkeypatch.setenv(f"READER_{name.upper()}_DIR", str(base / name))


@pytest.fixture
def reader_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Fresh config/state/cache/data folders for one test."""
    dirs = {name: tmp_path / name for name in ("config", "state", "cache", "data")}
    for name, path in dirs.items():
        monkeypatch.setenv(f"READER_{name.upper()}_DIR", str(path))
    return dirs


@pytest.fixture
def shared() -> Path:
    """The shared development data beside the repository; skips when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not here")
    return SHARED


def start_tui(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, dict[str, object]]:
    """Run `reader ARGS` with a stand-in for the app: (exit status, the keyword arguments
    the app was given — empty when reader stopped before starting it)."""
    import reader.ui.app
    from reader.cli import main

    started: dict[str, object] = {}

    class FakeApp:
        def __init__(self, **kwargs: object) -> None:
            started.update(kwargs)

        def run(self) -> None:
            pass

    monkeypatch.setattr(reader.ui.app, "ReaderApp", FakeApp)
    return main(args), started
