"""Quoting values in one-line messages, without the YAML parser.

`short_repr` lived in `reader.safeyaml` (it quotes values read from YAML); the config
and theme checks need it on every start, where no YAML is parsed when nothing changed
(theme files are read from a cache, no config file is the usual case), so it has its
own module and `reader.safeyaml` re-exports it.
"""

from __future__ import annotations

import reprlib

__all__ = ["short_repr"]

_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxstring = 60
_REPR.maxother = 60
for _name in ("maxlist", "maxtuple", "maxdict", "maxset", "maxfrozenset"):
    setattr(_REPR, _name, 4)


def short_repr(value: object, limit: int = 80) -> str:
    """repr(value) for a one-line message: a few items, a few levels, at most `limit` characters."""
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
