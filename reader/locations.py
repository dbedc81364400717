"""Every filesystem location reader uses, in one place.

Each directory follows the XDG base-directory spec and can be overridden by an
environment variable, so tests (and users with unusual setups) never touch a real
home directory. Nothing here creates a directory: callers that write do so.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reader"


def _xdg(override_var: str, xdg_var: str, fallback: str) -> Path:
    override = os.environ.get(override_var)
    if override:
        return Path(override).expanduser()
    base = os.environ.get(xdg_var)
    root = Path(base).expanduser() if base else Path.home() / fallback
    return root / APP_NAME


def config_dir() -> Path:
    """User configuration: extra themes, lexicon overlays. `READER_CONFIG_DIR` overrides."""
    return _xdg("READER_CONFIG_DIR", "XDG_CONFIG_HOME", ".config")


def state_dir() -> Path:
    """Reading state (positions). `READER_STATE_DIR` overrides."""
    return _xdg("READER_STATE_DIR", "XDG_STATE_HOME", ".local/state")


def cache_dir() -> Path:
    """Rebuildable caches (library index). `READER_CACHE_DIR` overrides."""
    return _xdg("READER_CACHE_DIR", "XDG_CACHE_HOME", ".cache")


def early_frames_dir() -> Path:
    """The first screens recorded for the next start (`reader.ui.early_frame`): a cache."""
    return cache_dir() / "early-frames"


def install_stores_dir() -> Path:
    """The compile stores `make` writes at install beside the package's .pyc files (`make`
    runs `python -m reader.cli.install_stores`): what the very first start reads when the
    cache folder has none yet. Only the install writes there; `READER_INSTALL_STORES_DIR`
    overrides (tests)."""
    override = os.environ.get("READER_INSTALL_STORES_DIR")
    if override:
        return Path(override).expanduser()
    return Path(__file__).resolve().parent / "__pycache__"


def people_choices_dir() -> Path:
    """The user's merge and split choices of persons, one file per library (in the state folder:
    they are the user's work, not a cache)."""
    return state_dir() / "people"


def data_dir() -> Path:
    """Data reader makes and keeps for the user (the inbox of added pages). `READER_DATA_DIR` overrides."""
    return _xdg("READER_DATA_DIR", "XDG_DATA_HOME", ".local/share")


def inbox_dir() -> Path:
    """reader's own library of articles added with `reader add` (Markdown files), never a user's folder."""
    return data_dir() / "inbox"


def exports_dir() -> Path:
    """Officials exported from the TUI (`x`): under the state folder, never beside an article."""
    return state_dir() / "exports"


def config_file() -> Path:
    """The YAML configuration file. `READER_CONFIG` names another file (as `--config` does)."""
    override = os.environ.get("READER_CONFIG")
    if override:
        return Path(override).expanduser()
    return config_dir() / "config.yaml"


def user_themes_dir() -> Path:
    """Theme files a user adds; same format as the bundled ones."""
    return config_dir() / "themes"


def _bundled(name: str) -> Path:
    """A folder shipped with the package.

    A wheel carries `articles/` and `themes/` inside the package as `_bundled/`; an
    editable (development) install reads them from the repository beside the package.
    """
    package_dir = Path(__file__).resolve().parent
    installed = package_dir / "_bundled" / name
    if installed.is_dir():
        return installed
    return package_dir.parent / name


def bundled_articles_dir() -> Path:
    """The articles `reader` opens when given no path."""
    return _bundled("articles")


def bundled_themes_dir() -> Path:
    """The themes shipped with reader."""
    return _bundled("themes")
