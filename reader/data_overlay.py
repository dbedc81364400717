"""Bundled YAML data with the user's additions on top: one loader, one error policy.

The word lists that linguists edit (the officials lexicon, post glosses, surname
readings) ship in the package and can be extended by a file of the same name in the
config folder (`officials.yaml`, `glossary.yaml`, `surname_readings.yaml`). The rule is
the same for each: the bundled files must be sound (a broken one is a bug in reader and
raises), while a broken user file is reported in one line and left out, so a typo in
an overlay never stops reader from reading, indexing or printing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml

from reader import locations, safeyaml
from reader.files import read_regular_text, reason
from reader.safeyaml import YAMLTooLarge

Sections = dict[str, dict[str, str]]
"""Data made of named mappings (glossary: posts, modifiers; readings: single, compound)."""

T = TypeVar("T")


def read_yaml(path: Path, error: type[Exception]) -> Any:
    """A YAML file via reader.safeyaml (bounded); `error` with a one-line message naming the file."""
    try:
        return safeyaml.load(read_regular_text(path, limit=safeyaml.MAX_CHARS))
    except OSError as problem:
        raise error(f"{path.name}: cannot read ({reason(problem)})") from None
    except UnicodeError as problem:
        raise error(f"{path.name}: cannot read ({problem.__class__.__name__})") from None
    except YAMLTooLarge as problem:
        raise error(f"{path.name}: too large ({problem})") from None
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise error(f"{path.name}: not valid YAML{where}") from None


def update_sections(base: Sections, extra: Sections) -> Sections:
    """`base` with each section updated by the same section of `extra` (a copy: `base` is kept)."""
    sections = {key: dict(values) for key, values in base.items()}
    for key, values in extra.items():
        sections.setdefault(key, {}).update(values)
    return sections


def load_with_overlay(
    bundled: Path | Sequence[Path],
    overlay_name: str,
    *,
    read: Callable[[Path], T],
    merge: Callable[[T, T], T],
    error: type[Exception],
    fallback: str,
) -> tuple[T, str | None]:
    """The bundled data (one file, or several merged in order) with the overlay merged on
    top, and the overlay's problem if it had one (then it is left out).

    `read` checks one file and raises `error`; `fallback` ends the problem's sentence
    ("using the bundled glossary").
    """
    files = [bundled] if isinstance(bundled, Path) else list(bundled)
    data = read(files[0])
    for path in files[1:]:
        data = merge(data, read(path))
    overlay = locations.config_dir() / overlay_name
    if not overlay.exists():
        return data, None
    try:
        extra = read(overlay)
    except error as problem:
        return data, f"{problem}; {fallback}"
    return merge(data, extra), None
