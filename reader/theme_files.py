"""Theme files: YAML colour schemes that a user can add without writing code.

This module only reads and checks the files; turning them into Textual themes is
the UI's job (`reader.ui.themes`), so the core stays free of Textual.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from reader import locations, safeyaml
from reader.files import read_regular_text, reason
from reader.safeyaml import YAMLTooLarge, short_repr

DEFAULT_THEME = "ink"
COLOUR_SLOTS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
READER_VARIABLES = (
    "reader-cursor",
    "reader-cursor-bar",
    "reader-mention",
    "reader-mention-selected",
    "reader-meta",
    "reader-search-match",
)
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


class ThemeFileError(Exception):
    """A theme file that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class ThemeSpec:
    """A checked theme file."""

    name: str
    dark: bool
    colours: dict[str, str]
    variables: dict[str, str] = field(default_factory=dict)
    path: Path | None = None


def _colour(value: object, key: str, path: Path) -> str:
    if not isinstance(value, str) or not _COLOUR.match(value):
        raise ThemeFileError(f'{path.name}: {key} must be a colour like "#1d2027", not {short_repr(value)}')
    return value


MAX_THEME_CHARS = 64 * 1024
MAX_THEME_NODES = 5_000
"""A theme is a few dozen colours; a file far bigger is refused before it is used."""


def _safe_load(text: str) -> object:
    """reader.safeyaml.load, through libyaml when it can (`fast`).

    Every start reads every theme file (four bundled ones at least); the pure-Python
    parser takes ~5 ms for them, libyaml ~1 ms. Both build the same safe types.
    """
    return safeyaml.load(text, max_chars=MAX_THEME_CHARS, max_nodes=MAX_THEME_NODES, fast=True)


def parse_theme(path: Path) -> ThemeSpec:
    """Read one theme file (reader.safeyaml: safe types, bounded) and check every key."""
    try:
        data = _safe_load(read_regular_text(path, limit=MAX_THEME_CHARS))
    except OSError as error:
        raise ThemeFileError(f"{path.name}: cannot read theme file ({reason(error)})") from None
    except UnicodeError as error:
        raise ThemeFileError(f"{path.name}: cannot read theme file ({error.__class__.__name__})") from None
    except YAMLTooLarge as error:
        raise ThemeFileError(f"{path.name}: too large for a theme file ({error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ThemeFileError(f"{path.name}: not valid YAML{where}") from None
    if not isinstance(data, dict):
        raise ThemeFileError(f"{path.name}: a theme file must be a mapping of keys to colours")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ThemeFileError(f"{path.name}: missing a `name`")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeFileError(f"{path.name}: dark must be true or false, not {short_repr(dark)}")
    if "primary" not in data:
        raise ThemeFileError(f"{path.name}: missing a `primary` colour")
    known = {"name", "dark", "variables", *COLOUR_SLOTS}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ThemeFileError(f"{path.name}: unknown key {short_repr(unknown[0])}")
    colours = {key: _colour(data[key], key, path) for key in COLOUR_SLOTS if key in data}
    variables_raw = data.get("variables") or {}
    if not isinstance(variables_raw, dict):
        raise ThemeFileError(f"{path.name}: `variables` must be a mapping")
    for key in variables_raw:
        # Textual's own variables may be set too; a misspelt reader-* one would silently do nothing.
        if str(key).startswith("reader-") and key not in READER_VARIABLES:
            raise ThemeFileError(f"{path.name}: unknown variable {short_repr(f'variables.{key}')}")
    variables = {str(key): _colour(value, f"variables.{key}", path) for key, value in variables_raw.items()}
    return ThemeSpec(
        name=name.strip(),
        dark=dark,
        colours=colours,
        variables=variables,
        path=path,
    )


def theme_dirs() -> list[Path]:
    """Where themes are found, later folders overriding earlier ones by name."""
    return [locations.bundled_themes_dir(), locations.user_themes_dir()]


def discover_themes() -> tuple[dict[str, ThemeSpec], list[str]]:
    """All usable themes by name, and one-line problems with the files that were skipped.

    A broken user theme must not stop reader from starting: it is reported and left out.
    """
    themes: dict[str, ThemeSpec] = {}
    problems: list[str] = []
    for folder in theme_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.y*ml")):
            try:
                spec = parse_theme(path)
            except ThemeFileError as error:
                problems.append(str(error))
                continue
            themes[spec.name] = spec
    return themes, problems


def choose_theme(requested: str | None, themes: Mapping[str, ThemeSpec]) -> tuple[str, str | None]:
    """The theme to start with, and a one-line warning when `requested` cannot be used.

    A theme named in the config or remembered from last time may have been deleted or
    broken since: reader then starts in the default theme rather than refusing to start.
    """
    if requested is None or requested in themes:
        return requested or DEFAULT_THEME, None
    fallback = DEFAULT_THEME if DEFAULT_THEME in themes else next(iter(sorted(themes)), DEFAULT_THEME)
    return fallback, f"theme {requested!r} is not available; using {fallback!r}"
