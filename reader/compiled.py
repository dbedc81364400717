"""Regular expressions compiled once per machine, not once per start.

Why: Python compiles a character class such as `[\u4e00-\u9fff]` by filling a
65,536-entry map one code point at a time in pure Python (`re._compiler`), ~0.7 ms a
class; the loaders, the typesetter and the text-safety tables hold dozens of them, and
opening one article compiled ~25 ms of patterns on the way to the first frame, every
start. What the compiler makes of a pattern — a list of integers for the C matcher —
depends only on the pattern, its flags and the Python that compiled it, so it is kept
in the cache folder (`patterns-<python>.json`) and handed to the matcher directly the
next time (microseconds a pattern). `make` writes the same store once at install, beside the
package's .pyc files (`reader.cli.install_stores`), for the very first start, whose cache
folder has none yet.

Safely: the file is JSON (the compiled code as hex of 32-bit words), read only when its
Python version and matcher magic match this interpreter's and its checksum matches its
content; the C matcher checks every code it is given (`_sre` validates it) and anything
that fails — another Python, an implementation without `_sre.compile`, a damaged or
foreign file — compiles the pattern the usual way. Only reader's own patterns (from its
source and data files) go through here, never a user's query. The file is written by
`save_compiled`, atomically, which only the TUI calls (after its first frame, and when it
quits): never on the way to a frame, and never by a command such as `reader locate`, which
creates nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from array import array
from contextlib import suppress
from importlib import import_module
from typing import Any

__all__ = ["compile_pattern", "save_compiled", "save_install_store", "start_install_store"]

MAX_KEPT = 600
"""Patterns the file keeps (the newest used): reader has a few hundred; data edits add more."""

Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
"""What `_sre.compile` takes besides the pattern: flags, code, groups - 1, group names both ways."""

_loaded: dict[tuple[str, int], Entry] | None = None
_new: dict[tuple[str, int], Entry] = {}


def _sre() -> Any:
    """CPython's matcher, or None where its compile entry point is missing or differs."""
    try:
        sre = import_module("_sre")
    except ImportError:
        return None
    if not hasattr(sre, "compile") or array("I").itemsize != getattr(sre, "CODESIZE", 0):
        return None
    return sre


def _stamp() -> str:
    sre = _sre()
    return f"{sys.implementation.cache_tag} {sys.version} {getattr(sre, 'MAGIC', '')} {sys.maxunicode}"


def _path() -> str:
    from reader import locations

    return os.path.join(locations.cache_dir(), _file_name())


def _install_path() -> str:
    from reader import locations

    return os.path.join(locations.install_stores_dir(), _file_name())


def _file_name() -> str:
    return f"patterns-{sys.implementation.cache_tag}.json"


def _read_store(path: str | None = None) -> dict[tuple[str, int], Entry]:
    """The compiled patterns kept on this machine by this Python ({} if none can be trusted)."""
    try:
        with open(path or _path(), "rb") as file:
            raw = file.read()
        digest, _, body = raw.partition(b"\n")
        if hashlib.sha256(body).hexdigest().encode() != digest:
            return {}
        data = json.loads(body)
        if not isinstance(data, dict) or data.get("python") != _stamp():
            return {}
        return dict(_entries(data.get("patterns")))
    except (OSError, ValueError, TypeError, KeyError):  # UnicodeDecodeError is a ValueError
        return {}


def _entries(rows: object) -> list[tuple[tuple[str, int], Entry]]:
    """The rows of the file as entries; a row of the wrong shape is left out."""
    found: list[tuple[tuple[str, int], Entry]] = []
    for row in rows if isinstance(rows, list) else []:
        if not (isinstance(row, list) and len(row) == 7):
            continue
        text, flags, final_flags, code, groups, names, index = row
        if not (isinstance(text, str) and isinstance(code, str) and isinstance(names, dict)):
            continue
        if not all(isinstance(x, int) for x in (flags, final_flags, groups)) or not isinstance(index, list):
            continue
        pattern = bytes.fromhex(text).decode("utf-8", "surrogatepass")
        words = array("I")
        words.frombytes(bytes.fromhex(code))
        found.append(((pattern, flags), (final_flags, words.tolist(), groups, names, tuple(index))))
    return found


def _compile_fresh(pattern: str, flags: int) -> tuple[re.Pattern[str], Entry | None]:
    """The pattern compiled as `re.compile` does, and what it took (None if unavailable)."""
    sre = _sre()
    if sre is None:
        return re.compile(pattern, flags), None
    from re import _compiler, _parser  # type: ignore[attr-defined]

    tree = _parser.parse(pattern, flags)
    code = [int(word) for word in _compiler._code(tree, flags)]
    names = {str(name): int(group) for name, group in tree.state.groupdict.items()}
    index: list[str | None] = [None] * tree.state.groups
    for name, group in names.items():
        index[group] = name
    entry: Entry = (int(flags | tree.state.flags), code, tree.state.groups - 1, names, tuple(index))
    return _from_entry(sre, pattern, entry), entry


def _from_entry(sre: Any, pattern: str, entry: Entry) -> re.Pattern[str]:
    final_flags, code, groups, names, index = entry
    compiled: re.Pattern[str] = sre.compile(pattern, final_flags, code, groups, names, index)
    return compiled


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)` for one of reader's own patterns, from the machine's
    store when this Python compiled it before (see the module docstring)."""
    global _loaded
    if _loaded is None:  # the cache's store, else the one the install wrote (the very first start)
        _loaded = _read_store() or _read_store(_install_path())
    key = (pattern, int(flags))
    entry = _loaded.get(key) or _new.get(key)
    sre = _sre()
    if entry is not None and sre is not None:
        with suppress(RuntimeError, TypeError, ValueError, OverflowError, IndexError):
            return _from_entry(sre, pattern, entry)
    try:
        compiled, entry = _compile_fresh(pattern, flags)
    except (RuntimeError, TypeError, ValueError, AttributeError, ImportError):
        return re.compile(pattern, flags)
    if entry is not None:
        _new[key] = entry
    return compiled


def _hex(pattern: str) -> str:
    """A pattern as hex of its UTF-8: patterns hold lone surrogates (the text-safety tables),
    which JSON would join into pairs (another pattern) where a high one precedes a low one."""
    return pattern.encode("utf-8", "surrogatepass").hex()


def start_install_store() -> None:
    """From here on, compile every pattern afresh and keep it for the install's store
    (`reader.cli.install_stores`): none comes from the cache of whoever runs the install."""
    global _loaded
    _loaded = {}
    _new.clear()


def save_install_store() -> int:
    """Write the patterns compiled since `start_install_store` as the install's store (only
    those: an older install's are dropped); how many."""
    count = len(_new)
    if not _write(_install_path(), dict(_new)):
        raise OSError(f"cannot write {_install_path()}")
    _new.clear()
    return count


def save_compiled() -> None:
    """Keep the patterns compiled since the store was read (nothing to do if none were)."""
    if not _new:
        return
    if not _write(_path(), {**(_loaded or {}), **_read_store(), **_new}):
        return
    if _loaded is not None:
        _loaded.update(_new)
    _new.clear()


def _write(path: str, kept: dict[tuple[str, int], Entry]) -> bool:
    """`kept` as a store at `path`, atomically; whether it was written (a folder that cannot
    be written keeps nothing)."""
    rows = [
        [_hex(pattern), flags, final_flags, array("I", code).tobytes().hex(), groups, names, list(index)]
        for (pattern, flags), (final_flags, code, groups, names, index) in list(kept.items())[-MAX_KEPT:]
    ]
    body = json.dumps({"python": _stamp(), "patterns": rows}).encode("ascii")
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as file:
            file.write(hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
        os.replace(temporary, path)
    except OSError:
        with suppress(OSError):
            os.remove(temporary)
        return False
    return True
