"""The core knows nothing of Textual: only reader.ui may import it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "reader"


def core_modules() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "ui" not in path.relative_to(PACKAGE).parts]


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_modules_exist() -> None:
    names = {path.relative_to(PACKAGE).as_posix() for path in core_modules()}
    assert {"article.py", "cli.py", "locations.py", "library/__init__.py", "theme_files.py"} <= names
    assert any(name.startswith("loaders/") for name in names)
    assert any(name.startswith("officials/") for name in names)
    assert any(name.startswith("layout/") for name in names)


def is_ui_import(name: str) -> bool:
    return name.split(".")[0] == "textual" or name == "reader.ui" or name.startswith("reader.ui.")


def test_no_core_source_imports_textual_or_the_ui() -> None:
    # cli.py is the one place allowed to start the UI, and it does so lazily (checked below).
    offenders = {
        path.relative_to(PACKAGE).as_posix(): sorted(filter(is_ui_import, imported_names(path)))
        for path in core_modules()
        if path.name != "cli.py"
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_importing_the_core_loads_no_textual() -> None:
    modules = sorted(
        "reader." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        for path in core_modules()
        if path.name != "__main__.py"
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


def test_lazy_packages_export_exactly_what_they_can_load() -> None:
    import reader.library
    import reader.officials

    for package in (reader.library, reader.officials):
        assert sorted(package.__all__) == sorted(package._HOMES)
        for name in package.__all__:
            assert getattr(package, name) is not None, (package.__name__, name)
