"""What the import contracts cannot check: what importing actually loads.

The layers (core below the UI, the UI below the CLI, the core never importing Textual)
are import-linter contracts in pyproject.toml, run by `make test` (`lint-imports`). They
read the import statements; the CLI's imports of the UI sit inside the function that
starts the TUI, so what matters there is what importing loads — checked here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "reader"


def core_and_cli_modules() -> list[str]:
    """Every module outside reader.ui, as a dotted name (the CLI included, __main__ not)."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[0] == "ui" or parts[-1] == "__main__":
            continue
        names.append(".".join(("reader", *parts)).removesuffix(".__init__"))
    return names


def test_importing_the_core_and_the_cli_loads_no_textual() -> None:
    modules = core_and_cli_modules()
    assert (
        "reader.cli" in modules
        and "reader.reading.session" in modules
        and "reader.library.session" in modules
    )
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "    assert 'textual' not in sys.modules, name\n"
        "print('ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_a_command_that_is_not_the_tui_loads_no_textual(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("标题\n市长张三出席会议。\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from reader.cli import main\n"
        f"assert main(['officials', {str(article)!r}]) == 0\n"
        f"assert main(['render', {str(article)!r}]) == 0\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_lazy_packages_export_exactly_what_they_can_load() -> None:
    import reader.library
    import reader.officials

    for package in (reader.library, reader.officials):
        assert sorted(package.__all__) == sorted(package._HOMES)
        for name in package.__all__:
            assert getattr(package, name) is not None, (package.__name__, name)
