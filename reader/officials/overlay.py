"""Where a user's additions to the officials lexicon live (`officials.yaml` in the config folder).

Its own module, without the lexicon's YAML reading: the index's freshness check hashes the file
on every refresh, and `reader people` or `reader search` should not import a YAML parser for that.
"""

from __future__ import annotations

from pathlib import Path

from reader import locations

OVERLAY_NAME = "officials.yaml"


def overlay_path() -> Path:
    """Where a user's additions to the lexicon live."""
    return locations.config_dir() / OVERLAY_NAME
