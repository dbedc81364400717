"""Bundled YAML data with the user's additions on top.

Several word lists that linguists edit (post glosses, surname readings) ship in the
package and can be extended by a file of the same name in the config folder. The
rule is the same for each: the bundled file must be sound (a broken one is a bug in
reader and raises), while a broken user file is reported in one line and left out,
so a typo in an overlay never stops reader.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from reader import locations, safeyaml
from reader.files import read_regular_text, reason
from reader.safeyaml import YAMLTooLarge

Sections = dict[str, dict[str, str]]


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


def load_with_overlay(
    bundled: Path,
    overlay_name: str,
    read: Callable[[Path], Sections],
    error: type[Exception],
    fallback: str,
) -> tuple[Sections, str | None]:
    """The bundled sections updated by the overlay's, and the overlay's problem if any.

    `read` checks one file and raises `error`; `fallback` ends the problem's sentence
    ("using the bundled glossary").
    """
    sections = {key: dict(values) for key, values in read(bundled).items()}
    overlay = locations.config_dir() / overlay_name
    if not overlay.exists():
        return sections, None
    try:
        extra = read(overlay)
    except error as problem:
        return sections, f"{problem}; {fallback}"
    for key, values in extra.items():
        sections.setdefault(key, {}).update(values)
    return sections, None
