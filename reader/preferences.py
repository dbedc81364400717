"""What the app remembers between runs that is not reading state: the chosen theme.

Kept apart from `reader.library.state` (positions, read marks) in its own small JSON
file, `ui.json` in the state directory, because that store rewrites its file with the
keys it knows. Written atomically with the same helper (temp file + os.replace); a
damaged file is ignored with a one-line notice and replaced at the next save, since a
forgotten theme costs one key press.

Which theme a bare start uses, strongest first: `--theme`, the config file's `theme`,
the remembered one, the default (`ink`). The config is something the user wrote on
purpose, so it wins over a choice remembered in passing.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import locations
from reader.files import read_regular_text, write_atomic
from reader.theme_files import ThemeSpec, choose_theme

VERSION = 1


def preferences_path() -> Path:
    """The preferences file in the state directory."""
    return locations.state_dir() / "ui.json"


@dataclass(frozen=True)
class Preferences:
    """Remembered choices; None means nothing remembered."""

    theme: str | None = None


def load_preferences(path: Path | None = None) -> tuple[Preferences, str | None]:
    """The remembered preferences and a one-line notice when the file could not be used."""
    path = path or preferences_path()
    try:
        data: Any = json.loads(read_regular_text(path))
    except FileNotFoundError:
        return Preferences(), None
    except (OSError, UnicodeError, ValueError) as error:
        return Preferences(), f"{path.name}: could not be read ({error.__class__.__name__}); ignored"
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return Preferences(), f"{path.name}: not a reader preferences file; ignored"
    theme = data.get("theme")
    return Preferences(theme=theme if isinstance(theme, str) and theme.strip() else None), None


def save_preferences(preferences: Preferences, path: Path | None = None) -> None:
    """Write the preferences atomically (raises OSError when the state folder is not writable)."""
    data = {"version": VERSION, "theme": preferences.theme}
    write_atomic(path or preferences_path(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


@dataclass(frozen=True)
class StartingTheme:
    """The theme a start uses, with what to tell the user about the choice."""

    name: str
    warning: str | None = None
    """The configured theme is gone (printed on stderr and shown in the app)."""
    notice: str | None = None
    """The preferences file could not be used (shown in the app)."""


def starting_theme(
    asked: str | None, configured: str | None, themes: Mapping[str, ThemeSpec], source: str = "config"
) -> StartingTheme:
    """The rule of this module's docstring: `asked` (`--theme`, which the caller has checked
    exists), then `configured` (the config's theme, named by `source` in a warning when it
    is gone), then the one remembered (passed over when it is gone), then the default."""
    remembered, notice = load_preferences()
    requested = asked or configured
    if requested is None and remembered.theme in themes:
        requested = remembered.theme
    name, warning = choose_theme(requested, themes)
    return StartingTheme(name, f"{source}: {warning}" if warning is not None else None, notice)
