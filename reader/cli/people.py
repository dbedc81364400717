"""`reader people` and `reader events`: the person index of a library.

`reader people merge|split|choices|forget` (the user's corrections) live in people_choices.py."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import LIBRARY_HELP, UsageError, library_folder, open_index, print_progress
from reader.cli.parsing import Parser, add_config_option
from reader.cli.people_choices import SUBCOMMANDS, run_choice

if TYPE_CHECKING:
    from reader.people.build import PeopleProgress
    from reader.people.query import PeopleIndex


def _people_parser(command: str) -> argparse.ArgumentParser:
    what = {
        "people": "The persons of a library: officials grouped across articles, with their posts "
        "(first and last date printed, articles). The library index is refreshed first. "
        "Corrections: `reader people merge ID ID`, `split ID --articles PATH…`, `choices`, `forget` "
        "(each with --help).",
        "events": "Appointments, removals, elections, nominations, transfers and 任前公示 read from "
        "the text of every article, with the person each belongs to.",
    }[command]
    parser = Parser(prog=f"reader {command}", description=what)
    parser.add_argument(
        "--library",
        metavar="DIR",
        help=LIBRARY_HELP,
    )
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    parser.add_argument(
        "--no-refresh",
        action="store_true",
        help="answer from the index as `reader index` last left it (no scan of the folder: "
        "fast on big libraries)",
    )
    if command == "people":
        parser.add_argument("--name", metavar="NAME", help="only the persons printed under this name")
    else:
        parser.add_argument("--since", metavar="DATE", help="only events on or after DATE (YYYY-MM-DD)")
    add_config_option(parser)
    return parser


def open_people_index(folder: Path, refreshed: bool = True) -> PeopleIndex:
    """The person index of `folder` (imported here, like every command's modules)."""
    import sqlite3

    from reader.officials import LexiconError
    from reader.people.library import is_built, open_people, refresh
    from reader.textsafety import inert_line

    if refreshed:
        with open_index(folder) as index:
            try:
                index.refresh(lambda progress: print_progress(progress, minimum=1000))
            except (OSError, sqlite3.Error, LexiconError) as error:
                raise UsageError(f"cannot index {folder}: {error}") from None
    try:
        people = open_people(folder)
        if refreshed or not is_built(people):
            summary = refresh(people, print_people_progress)
            if summary.warning:
                print(f"reader: {inert_line(summary.warning)}", file=sys.stderr)
    except (OSError, sqlite3.Error) as error:
        raise UsageError(f"cannot build the person index of {folder}: {error}") from None
    return people


def print_people_progress(progress: PeopleProgress) -> None:
    done, total = progress.done, progress.total
    if total >= 1000 and (done % 1000 == 0 or done == total):
        print(f"{progress.phase}: {done}/{total}", file=sys.stderr, flush=True)


def run_people(argv: Sequence[str]) -> int:
    """`reader people`: persons and their posts as a table, JSON or CSV (one row per post)."""
    from reader.people.export import people_csv, people_json, people_table

    if argv and argv[0] in SUBCOMMANDS:
        return run_choice(argv[0], argv[1:])
    args = _people_parser("people").parse_args(argv)
    people = open_people_index(library_folder(args.library, args.config), not args.no_refresh)
    rows = people.named(args.name) if args.name else people.people().sorted("articles")
    found = [(row, people.posts(row.id)) for row in rows]
    writer = {"json": people_json, "csv": people_csv}.get(args.format, people_table)
    sys.stdout.write(writer(found))
    return 0


def run_events(argv: Sequence[str]) -> int:
    """`reader events`: the library's 任免 events by date as a table, JSON or CSV (one row per event)."""
    import datetime as dt

    from reader.people.export import events_csv, events_json, events_table

    args = _people_parser("events").parse_args(argv)
    if args.since is not None:
        try:
            dt.date.fromisoformat(args.since)
        except ValueError:
            raise UsageError(f"--since must be a date like 2024-05-31, not {args.since!r}") from None
    people = open_people_index(library_folder(args.library, args.config), not args.no_refresh)
    events = people.events(since=args.since)
    writer = {"json": events_json, "csv": events_csv}.get(args.format, events_table)
    sys.stdout.write(writer(events))
    return 0
