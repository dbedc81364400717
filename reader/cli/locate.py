"""`reader locate`: where reader's files live, for scripts and people (`cd "$(reader locate themes)"`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from reader.cli.common import UsageError
from reader.cli.parsing import Parser


def _locate_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="reader locate",
        description="Print where reader's files live, one `name  path` a line, honouring "
        "READER_CONFIG, READER_CONFIG_DIR, READER_STATE_DIR, READER_CACHE_DIR, READER_DATA_DIR, "
        "READER_INSTALL_STORES_DIR "
        "and the XDG variables.",
    )
    parser.add_argument("name", nargs="?", help="print only this location's path (e.g. themes)")
    parser.add_argument("--config", metavar="PATH", help="the config file reader would use")
    return parser


def locate_rows(config: str | None = None) -> list[tuple[str, Path]]:
    """Every location reader reads or writes, by a short name; none is created."""
    from reader import locations
    from reader.config import config_path
    from reader.glossary import OVERLAY_NAME as GLOSSARY_OVERLAY
    from reader.library.index import index_path
    from reader.library.state import state_path
    from reader.officials.overlay import overlay_path
    from reader.pinyin import OVERLAY_NAME as SURNAMES_OVERLAY

    return [
        ("config", config_path(config)[0]),
        ("config-dir", locations.config_dir()),
        ("themes", locations.user_themes_dir()),
        ("lexicon", overlay_path()),
        ("glossary", locations.config_dir() / GLOSSARY_OVERLAY),
        ("surnames", locations.config_dir() / SURNAMES_OVERLAY),
        ("state", state_path()),
        ("cache", locations.cache_dir()),
        ("data", locations.data_dir()),
        ("inbox", locations.inbox_dir()),
        ("index", index_path(locations.bundled_articles_dir()).parent),
        ("articles", locations.bundled_articles_dir()),
        ("bundled-themes", locations.bundled_themes_dir()),
        ("install-stores", locations.install_stores_dir()),
    ]


def run_locate(argv: Sequence[str]) -> int:
    """`reader locate`: the paths, so scripts and people can find (or `cd` to) reader's files."""
    args = _locate_parser().parse_args(argv)
    rows = locate_rows(args.config)
    if args.name is not None:
        found = dict(rows).get(args.name)
        if found is None:
            raise UsageError(f"unknown location {args.name!r}; known: {', '.join(name for name, _ in rows)}")
        print(found)
        return 0
    width = max(len(name) for name, _ in rows)
    for name, path in rows:
        print(f"{name:<{width}}  {path}")
    return 0
