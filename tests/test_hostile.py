"""Hostile inputs from issue 12: FIFOs, YAML bombs, huge numbers, control characters.

Each case that could hang runs reader in a subprocess with a timeout, so a regression
fails the test instead of stalling the suite.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.textsafety import has_unsafe

REPO = Path(__file__).resolve().parents[1]
ARTICLE = "全市国防动员会议召开\n\n  会议要求，各部门要切实加强组织领导。\n"
TIMEOUT = 60

# Starts the CLI with a stand-in for the TUI app, which prints the notices it was given.
FAKE_TUI = (
    "import sys\n"
    "import reader.ui.app\n"
    "class FakeApp:\n"
    "    def __init__(self, **kw):\n"
    "        self.kw = kw\n"
    "    def run(self):\n"
    "        print('started', *self.kw['notices'], sep='\\n')\n"
    "reader.ui.app.ReaderApp = FakeApp\n"
    "from reader.cli import main\n"
    "sys.exit(main(sys.argv[1:]))\n"
)


def run(
    *args: str, code: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m reader ARGS` (or `python -c CODE ARGS`), killed after TIMEOUT seconds."""
    command = [sys.executable, "-m", "reader", *args] if code is None else [sys.executable, "-c", code, *args]
    try:
        return subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"reader {' '.join(args)} hung (killed after {TIMEOUT} s)")


def assert_one_line_exit_2(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("reader: ") and result.stderr.count("\n") == 1, result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr and not has_unsafe(result.stderr)


# --- 1. FIFOs and other non-regular files ----------------------------------------------


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("render", "{fifo}"),
        ("officials", "{fifo}"),
        ("index", "{fifo}"),
        ("search", "会议", "--library", "{fifo}"),
        ("{fifo}",),
        ("--config", "{fifo}"),
    ],
)
def test_a_fifo_argument_is_one_line_not_a_hang(fifo: Path, args: tuple[str, ...]) -> None:
    result = run(*(arg.format(fifo=fifo) for arg in args), code=FAKE_TUI)
    assert_one_line_exit_2(result, "named pipe")


@pytest.mark.parametrize(
    "name", ["config.yaml", "themes/pipe.yaml", "glossary.yaml", "surname_readings.yaml", "officials.yaml"]
)
def test_a_fifo_in_the_config_folder_never_stops_the_tui(tmp_path: Path, name: str) -> None:
    config = tmp_path / "config"
    (config / "themes").mkdir(parents=True)
    os.mkfifo(config / name)
    library = tmp_path / "lib"
    library.mkdir()
    (library / "a.txt").write_text(ARTICLE, encoding="utf-8")
    # The glossary, the surname readings and the lexicon are read when the app needs them:
    # read them here too, after start-up, as the app would.
    code = FAKE_TUI.replace(
        "sys.exit(main(sys.argv[1:]))\n",
        "status = main(sys.argv[1:])\n"
        "from reader import glossary, pinyin\n"
        "from reader.officials import extract_officials\n"
        "print(glossary.overlay_problem(), pinyin.overlay_problem())\n"
        "extract_officials(['市长张三说。'])\n"
        "sys.exit(status)\n",
    )
    result = run(str(library), code=code, env={"READER_CONFIG_DIR": str(config)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("started"), result.stdout
    assert "Traceback" not in result.stderr
    if name != "officials.yaml":  # a lexicon overlay that is not a file is not looked at
        assert "named pipe" in result.stdout + result.stderr


def test_the_loader_refuses_a_fifo_at_once(fifo: Path) -> None:
    from reader.article import ArticleError
    from reader.loaders import load_article

    with pytest.raises(ArticleError, match="named pipe"):
        load_article(fifo)


def test_read_regular_refuses_a_device_and_a_folder(tmp_path: Path) -> None:
    from reader.files import NotRegularFile, read_regular

    with pytest.raises(NotRegularFile, match="device"):
        read_regular("/dev/zero")
    with pytest.raises(NotRegularFile, match="folder"):
        read_regular(tmp_path)
