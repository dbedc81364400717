"""The user's configuration file: `config.yaml` in the config folder.

    library: ~/news          # the folder `reader` opens when given no path
    theme: paper             # the starting theme
    measure: 80              # text column width in terminal cells
    pinyin: true             # pinyin under officials' names in the sidebar
    punctuation: typeset     # or as-printed: half-width , ; ( ) in Chinese text shown as the file has them
    ambiguous_width: auto    # 1 or 2: how wide the terminal draws “ ” — … · (auto: ask it)
    early_frame: true        # draw the first screen recorded last time before Textual loads
    keymap:                  # binding id -> keys (see `reader.ui.keymap.DEFAULT_KEYS`)
      reader.next_paragraph: "j,down,ctrl+n"

A config file is a convenience, so it must never stop reader from starting: an
unknown key or a bad value becomes a one-line warning and the default is used. Only
a file the user named explicitly (`--config PATH`, `READER_CONFIG`) that does not
exist is an error, because that is almost certainly a typo.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from reader import locations
from reader.compiled import compile_pattern
from reader.files import read_regular_text, reason
from reader.measure import DEFAULT_MEASURE, MAX_MEASURE, MIN_MEASURE
from reader.messages import short_repr

MAX_CONFIG_CHARS = 256 * 1024
MAX_CONFIG_NODES = 20_000
"""A config file is a few dozen lines; anything far bigger is refused before it is used."""
KNOWN_KEYS = (
    "library",
    "theme",
    "measure",
    "pinyin",
    "punctuation",
    "ambiguous_width",
    "early_frame",
    "keymap",
)
PUNCTUATION = ("typeset", "as-printed")
AMBIGUOUS_WIDTHS = ("auto", 1, 2)
_BINDING_ID = compile_pattern(r"^[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+$")


class ConfigError(Exception):
    """A config file named explicitly that cannot be found; the message is one line."""


@dataclass(frozen=True)
class Config:
    """Settings after checking; every field holds a usable value."""

    library: Path | None = None
    """None: the bundled articles."""
    theme: str | None = None
    """None: the default theme (or the one remembered from last time)."""
    measure: int = DEFAULT_MEASURE
    pinyin: bool = True
    punctuation: str = "typeset"
    """"typeset": half-width marks in Chinese text shown full-width (`reader.layout.punctuation`);
    "as-printed": the file's characters as they are."""
    ambiguous_width: int | None = None
    """Cells the terminal gives ambiguous characters (`reader.layout.cells`): 1 or 2, or
    None to ask the terminal at start-up (`reader.ui.terminal`), 1 when it cannot tell."""
    early_frame: bool = True
    """Draw the first screen recorded at the last start before Textual is imported
    (`reader.ui.early_frame`); false: Textual draws the first frame itself."""
    keymap: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Binding id -> comma-separated keys, exactly as written; `reader.ui.keymap` checks the ids."""
    path: Path | None = None
    """The file these settings came from, when one was read."""


def config_path(explicit: str | Path | None = None) -> tuple[Path, bool]:
    """The config file to read, and whether the user named it (so it must exist)."""
    if explicit is not None:
        return Path(explicit).expanduser(), True
    return locations.config_file(), bool(os.environ.get("READER_CONFIG"))


def load_config(explicit: str | Path | None = None) -> tuple[Config, list[str]]:
    """Read and check the config file; returns the settings and one-line warnings.

    Raises ConfigError only for an explicitly named file that is missing or unreadable.
    """
    path, named = config_path(explicit)
    if not path.exists():
        if named:
            raise ConfigError(f"{path}: no such config file")
        return Config(), []
    try:
        text = read_regular_text(path, limit=MAX_CONFIG_CHARS)
    except OSError as error:
        message = f"{path}: cannot read config file ({reason(error)})"
        if named:
            raise ConfigError(message) from None
        return Config(), [f"{message}; using defaults"]
    except UnicodeError as error:
        message = f"{path}: cannot read config file ({error.__class__.__name__})"
        if named:
            raise ConfigError(message) from None
        return Config(), [f"{message}; using defaults"]
    return parse_config(text, path)


def parse_config(text: str, path: Path) -> tuple[Config, list[str]]:
    """Check the text of a config file; every problem is a warning naming the file and key."""
    import yaml  # here: most starts have no config file, and need no YAML parser

    from reader import safeyaml
    from reader.safeyaml import YAMLTooLarge

    name = path.name
    try:
        data = safeyaml.load(text, max_chars=MAX_CONFIG_CHARS, max_nodes=MAX_CONFIG_NODES)
    except YAMLTooLarge as error:
        return Config(path=path), [f"{name}: too large for a config file ({error}); using defaults"]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        return Config(path=path), [f"{name}: not valid YAML{where}; using defaults"]
    if data is None:
        return Config(path=path), []
    if not isinstance(data, dict):
        return Config(path=path), [f"{name}: must be a mapping of settings; using defaults"]

    warnings: list[str] = []
    config = Config(path=path)
    for key, value in data.items():
        if key not in KNOWN_KEYS:
            warnings.append(f"{name}: unknown key {short_repr(key)} ignored (known: {', '.join(KNOWN_KEYS)})")
            continue
        checked, problem = _CHECKS[key](value, path)
        if problem is not None:
            warnings.append(f"{name}: {key}: {problem}")
        if checked is not None:
            changes: dict[str, Any] = {key: checked}
            config = replace(config, **changes)
    return config, warnings


def _library(value: Any, path: Path) -> tuple[Path | None, str | None]:
    if not isinstance(value, str) or not value.strip():
        return None, f"must be a folder path, not {short_repr(value)}; using the bundled articles"
    folder = Path(value.strip()).expanduser()
    if not folder.is_absolute():
        folder = path.parent / folder  # relative to the config file, not to wherever reader runs
    if not folder.is_dir():
        return None, f"{short_repr(str(folder))} is not a folder; using the bundled articles"
    return folder, None


def _theme(value: Any, path: Path) -> tuple[str | None, str | None]:
    if not isinstance(value, str) or not value.strip():
        return None, f"must be a theme name, not {short_repr(value)}; using the default"
    return value.strip(), None


def _measure(value: Any, path: Path) -> tuple[int | None, str | None]:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_MEASURE <= value <= MAX_MEASURE:
        return None, (
            f"must be a whole number of cells from {MIN_MEASURE} to {MAX_MEASURE}, not {short_repr(value)}; "
            f"using {DEFAULT_MEASURE}"
        )
    return value, None


def _pinyin(value: Any, path: Path) -> tuple[bool | None, str | None]:
    if not isinstance(value, bool):
        return None, f"must be true or false, not {short_repr(value)}; using true"
    return value, None


def _early_frame(value: Any, path: Path) -> tuple[bool | None, str | None]:
    if not isinstance(value, bool):
        return None, f"must be true or false, not {short_repr(value)}; using true"
    return value, None


def _punctuation(value: Any, path: Path) -> tuple[str | None, str | None]:
    if value not in PUNCTUATION:
        return None, f"must be typeset or as-printed, not {value!r}; using typeset"
    return value, None


def _ambiguous_width(value: Any, path: Path) -> tuple[int | None, str | None]:
    if isinstance(value, bool) or value not in AMBIGUOUS_WIDTHS:
        return None, f"must be 1, 2 or auto, not {value!r}; asking the terminal"
    return None if value == "auto" else value, None


def _keymap(value: Any, path: Path) -> tuple[MappingProxyType[str, str] | None, str | None]:
    if not isinstance(value, dict):
        return None, "must be a mapping of binding ids to keys; ignored"
    keymap: dict[str, str] = {}
    bad: list[str] = []
    for binding_id, keys in value.items():
        if (
            isinstance(binding_id, str)
            and _BINDING_ID.match(binding_id)
            and isinstance(keys, str)
            and all(part.strip() for part in keys.split(","))
        ):
            keymap[binding_id] = ",".join(part.strip() for part in keys.split(","))
        else:
            bad.append(f"{short_repr(binding_id)}: {short_repr(keys)}")
    problem = f'ignored {", ".join(bad)} (write id: "key,key")' if bad else None
    return MappingProxyType(keymap), problem


Check = Callable[[Any, Path], tuple[Any, str | None]]
"""A key's check: the usable value (None: keep the default) and a problem to report."""

_CHECKS: dict[str, Check] = {
    "library": _library,
    "theme": _theme,
    "measure": _measure,
    "pinyin": _pinyin,
    "punctuation": _punctuation,
    "ambiguous_width": _ambiguous_width,
    "early_frame": _early_frame,
    "keymap": _keymap,
}
