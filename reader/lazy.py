"""Package exports imported on first use (PEP 562).

`reader.library` and `reader.officials` re-export names from their modules; importing
them eagerly would pull SQLite and the officials engine into every start-up, even
where only a small model class is needed before the first paint.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module


def lazy_exports(package: str, homes: dict[str, str]) -> Callable[[str], object]:
    """A module `__getattr__` that imports `name` from `package.<homes[name]>` on first use."""

    def __getattr__(name: str) -> object:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip this function
        return value

    return __getattr__
