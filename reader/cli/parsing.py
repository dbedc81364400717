"""argparse for reader's commands: a mistake is reader's one line, numbers are bounded.

A module of its own because importing argparse (and gettext behind it) costs a few
milliseconds that `reader` and `reader PATH`, the TUI's common starts, need not pay
(`reader.cli.tui` parses those itself).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable
from typing import NoReturn

from reader.cli.common import UsageError


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake reported as reader's one line rather than usage text."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("reader").strip()
        raise UsageError(f"{command}: {message}" if command else message)



def bounded_int(name: str, low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`, else one clear line.

    Parsing a huge digit string is slow itself (and int() refuses over 4,300 digits),
    so a long one is out of range from its length; the value is never echoed whole.
    """

    def parse(text: str) -> int:
        stripped = text.strip()
        value: int | None = None
        if not re.fullmatch(r"[+-]?[0-9]+", stripped):
            value = None
        elif len(stripped.lstrip("+-")) > 18:
            value = low - 1 if stripped.startswith("-") else high + 1
        else:
            value = int(stripped)
        if value is None or not low <= value <= high:
            shown = text if len(text) <= 24 else text[:23] + "…"
            raise argparse.ArgumentTypeError(f"must be a whole number from {low} to {high:,}, not {shown!r}")
        return value

    parse.__name__ = name
    return parse


def add_config_option(parser: argparse.ArgumentParser) -> None:
    """`--config PATH`, which every command takes (before or after its name: `reader.cli.main`)."""
    parser.add_argument(
        "--config", metavar="PATH", help="read this config file (default: `reader locate config`)"
    )
