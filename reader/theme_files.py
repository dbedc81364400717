"""Theme files: YAML colour schemes that a user can add without writing code.

This module only reads and checks the files; turning them into Textual themes is
the UI's job (`reader.ui.themes`), so the core stays free of Textual.

Every start reads every theme file, before the first frame. What a file's YAML parses
to is kept in the cache folder (`themes.json`, by path, size, mtime, ctime and inode), so a start
whose theme files have not changed imports no YAML parser (~15 ms of the first frame); the
install keeps the bundled ones' the same way for the very first start (`install_themes`);
the checks below run on every start all the same, on the parsed data from either place.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from reader import locations
from reader.compiled import compile_pattern
from reader.files import read_regular_text, reason, write_atomic
from reader.messages import short_repr

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
_COLOUR = compile_pattern(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")


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


def _read_theme_data(path: Path) -> object:
    """The YAML of one theme file, parsed (reader.safeyaml: safe types, bounded).

    Through libyaml when it can (`fast`): the pure-Python parser takes ~5 ms for the
    four bundled themes, libyaml ~1 ms. Both build the same safe types.
    """
    import yaml  # here: a start whose theme files are all in the cache parses none

    from reader import safeyaml

    try:
        text = read_regular_text(path, limit=MAX_THEME_CHARS)
        return safeyaml.load(text, max_chars=MAX_THEME_CHARS, max_nodes=MAX_THEME_NODES, fast=True)
    except OSError as error:
        raise ThemeFileError(f"{path.name}: cannot read theme file ({reason(error)})") from None
    except UnicodeError as error:
        raise ThemeFileError(f"{path.name}: cannot read theme file ({error.__class__.__name__})") from None
    except safeyaml.YAMLTooLarge as error:
        raise ThemeFileError(f"{path.name}: too large for a theme file ({error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        raise ThemeFileError(f"{path.name}: not valid YAML{where}") from None


def parse_theme(path: Path) -> ThemeSpec:
    """Read one theme file and check every key."""
    return check_theme(_read_theme_data(path), path)


def check_theme(data: object, path: Path) -> ThemeSpec:
    """The theme that parsed YAML `data` (from `path`) describes; ThemeFileError if unusable."""
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
    cache = _ParsedThemes()
    for folder in theme_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.y*ml")):
            try:
                spec = cache.spec(path)
            except ThemeFileError as error:
                problems.append(str(error))
                continue
            themes[spec.name] = spec
    cache.save()
    return themes, problems


CACHE_NAME = "themes.json"
_CACHE_VERSION = 1
MAX_CACHE_CHARS = 1024 * 1024


class _ParsedThemes:
    """The parsed YAML of theme files, kept in the cache folder between starts.

    An entry is used while its file has the size, mtime, ctime and inode it had when parsed; anything
    else (a new or edited file, an unreadable or foreign cache) parses the file. Data
    that fails the checks is parsed again from the file before its error is believed,
    so a damaged cache can never turn a good theme away. Only data that JSON keeps
    exactly is cached. Writing the cache is best effort: a read-only cache folder only
    means the files are parsed at every start, as before.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or locations.cache_dir() / CACHE_NAME
        # the cache's, else the one the install wrote for the very first start (install_themes)
        self.stored = self._load(self.path) or ({} if path else self._load(install_themes_path()))
        self.seen: dict[str, object] = {}
        self.changed = False

    def _load(self, path: Path) -> dict[str, object]:
        try:
            data = json.loads(read_regular_text(path, limit=MAX_CACHE_CHARS))
        except (OSError, ValueError, RecursionError):  # missing, unreadable, not UTF-8, not JSON
            return {}
        if not isinstance(data, dict) or data.get("version") != _CACHE_VERSION:
            return {}
        files = data.get("files")
        return files if isinstance(files, dict) else {}

    def spec(self, path: Path) -> ThemeSpec:
        key = str(path)  # JSON escapes what a non-UTF-8 file name decodes to (surrogates)
        try:
            info = path.stat()
            stamp = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]  # chmod: ctime
        except OSError:
            stamp = None
        entry = self.stored.get(key)
        if stamp is not None and isinstance(entry, dict) and entry.get("stamp") == stamp:
            try:
                spec = check_theme(entry.get("data"), path)
            except ThemeFileError:
                pass  # parsed again below: the file decides
            else:
                self.seen[key] = entry
                return spec
        data = _read_theme_data(path)
        spec = check_theme(data, path)  # only themes that pass are cached
        if stamp is not None and _json_keeps(data):
            self.seen[key] = {"stamp": stamp, "data": data}
            self.changed = True
        return spec

    def save(self) -> None:
        if not self.changed and set(self.seen) == set(self.stored):
            return
        text = json.dumps({"version": _CACHE_VERSION, "files": self.seen})
        with contextlib.suppress(OSError):
            write_atomic(self.path, text.encode("utf-8"))


def install_themes_path() -> Path:
    """Where the install keeps the bundled themes' parsed data (beside the package's .pyc files)."""
    return locations.install_stores_dir() / CACHE_NAME


def install_themes() -> int:
    """Parse the bundled themes into the install's store (`reader.cli.install_stores`), so the
    very first start imports no YAML parser; how many themes it holds."""
    cache = _ParsedThemes(install_themes_path())
    folder = locations.bundled_themes_dir()
    for path in sorted(folder.glob("*.y*ml")) if folder.is_dir() else []:
        with contextlib.suppress(ThemeFileError):
            cache.spec(path)
    cache.changed = True
    cache.save()
    return len(cache.seen)


def _json_keeps(data: object) -> bool:
    """Whether `data` comes back from JSON equal (no dates, no number keys, no sets)."""
    try:
        return bool(json.loads(json.dumps(data)) == data)
    except (TypeError, ValueError):
        return False


def choose_theme(requested: str | None, themes: Mapping[str, ThemeSpec]) -> tuple[str, str | None]:
    """The theme to start with, and a one-line warning when `requested` cannot be used.

    A theme named in the config or remembered from last time may have been deleted or
    broken since: reader then starts in the default theme rather than refusing to start.
    """
    if requested is None or requested in themes:
        return requested or DEFAULT_THEME, None
    fallback = DEFAULT_THEME if DEFAULT_THEME in themes else next(iter(sorted(themes)), DEFAULT_THEME)
    return fallback, f"theme {requested!r} is not available; using {fallback!r}"
