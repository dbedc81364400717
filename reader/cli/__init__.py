"""The command line: the TUI launcher and the non-interactive commands scripts use.

    reader [PATH] [--theme NAME]          open the TUI on a folder (library) or a file
    reader officials PATH [--format …]    the officials an article mentions
    reader render PATH [--width N] […]    the article laid out as the reading view lays it out
    reader index [DIR]                    build or refresh a library's index
    reader search QUERY [--library DIR]   find a phrase in every article of a library
    reader people [--library DIR] [--name NAME]   the persons of a library, their posts
    reader people merge|split|choices|forget …    the user's corrections of the grouping
    reader events [--library DIR] [--since DATE]  appointments and removals read from the text
    reader locate [NAME]                  where reader's files live

Every failure a user can cause (a missing file, a bad theme name, an undecodable
file) ends with one line on stderr and exit status 2, never a traceback; a search
without hits is status 1, as grep's. `--config PATH` may come before a command's
name or after it. Heavy imports (Textual) happen only when the TUI starts; each
command lives in a module of its own here (`common` holds what they share).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Sequence

from reader.cli.common import UsageError, fail

__all__ = ["locate_rows", "main"]


def __getattr__(name: str) -> object:
    """`locate_rows`, imported on first use: its module brings argparse, which the TUI's
    start does without."""
    if name == "locate_rows":
        from reader.cli.locate import locate_rows

        return locate_rows
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


GLOBAL_OPTIONS = ("--config", "--theme")
"""Options that may come before a command's name as well as after it."""


def split_global_options(args: list[str]) -> tuple[list[str], list[str]]:
    """The global options at the front of `args` (`--config X`, `--config=X`), and the rest.

    Each command's own parser checks them: one that a command does not take (`--theme`
    is the TUI's) is its usual one-line "unrecognized arguments" error.
    """
    leading: list[str] = []
    rest = list(args)
    while rest:
        name = rest[0].partition("=")[0]
        if name not in GLOBAL_OPTIONS:
            break
        take = 1 if "=" in rest[0] or len(rest) < 2 else 2
        leading += rest[:take]
        rest = rest[take:]
    return leading, rest


COMMANDS = {
    "officials": ("article", "run_officials"),
    "render": ("article", "run_render"),
    "index": ("library", "run_index"),
    "search": ("library", "run_search"),
    "people": ("people", "run_people"),
    "events": ("people", "run_events"),
    "locate": ("locate", "run_locate"),
    "add": ("add", "run_add"),
}
"""Each command's module and function: a command imports only what it needs (`reader people
--name X` does not wait for the loaders of saved pages, nor `reader locate` for the rules)."""


def _command(name: str) -> Callable[[list[str]], int]:
    module, function = COMMANDS.get(name, ("tui", "run_tui"))
    run: Callable[[list[str]], int] = getattr(importlib.import_module(f"reader.cli.{module}"), function)
    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reader` script and `python -m reader`."""
    args = list(sys.argv[1:] if argv is None else argv)
    leading, rest = split_global_options(args)
    name = rest[0] if rest and rest[0] in COMMANDS else None
    try:
        if name is not None:
            # `reader --config X officials F` is `reader officials F --config X`.
            return _command(name)([*rest[1:], *leading])
        return _command("tui")(args)
    except UsageError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reader render … | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
