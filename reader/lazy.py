"""What start-up need not pay for until it is used: package exports, regular expressions.

`reader.library` and `reader.officials` re-export names from their modules; importing
them eagerly would pull SQLite and the officials engine into every start-up, even
where only a small model class is needed before the first paint.

A pattern with a CJK class (`[\u4e00-\u9fff]`) takes ~0.7 ms to compile per class in
it (Python's compiler fills a 65,536-entry map one code point at a time); the loaders
hold dozens, and most of them never match anything on the way to the first frame
(`lazy_pattern`), and the ones that do come compiled from the last start
(`reader.compiled`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any, cast


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


_CREATED: list[_LazyPattern] = []
"""Every lazy pattern made so far: the install compiles them all into its store."""
_PATTERN_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _LazyPattern:
    """A stand-in for a compiled pattern: compiled by the first method called on it.

    `pattern` and `flags` are there without compiling (patterns are built from others'
    `.pattern`). Once compiled, the pattern's own bound methods are set on the instance,
    so later calls go straight to them (no cost in the loaders' loops)."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None
        _CREATED.append(self)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_compiled":
            raise AttributeError(name)
        if self._compiled is None:
            from reader.compiled import compile_pattern

            self._compiled = compile_pattern(self.pattern, self.flags)
            for method in _PATTERN_METHODS:
                setattr(self, method, getattr(self._compiled, method))
        return getattr(self._compiled, name)


def lazy_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done when the pattern is first used.

    For module-level patterns only used by some inputs. Typed as the pattern it stands
    for; it is not one for `isinstance` or for `re.sub(it, …)`: call its own methods."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


def compile_all_lazy() -> int:
    """Compile every lazy pattern made so far (the install's store, `reader.cli.install_stores`);
    how many there are."""
    for pattern in _CREATED:
        pattern.match("")
    return len(_CREATED)
