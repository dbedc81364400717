"""`reader index` and `reader search`: the commands on a library's index."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.cli.common import (
    LIBRARY_HELP,
    MAX_LIMIT,
    UsageError,
    fail,
    library_folder,
    open_index,
    print_progress,
    recovering,
)
from reader.cli.parsing import Parser, add_config_option, bounded_int

NOT_FOUND = 1
"""`reader search`'s exit status when nothing matched, as grep's."""

if TYPE_CHECKING:
    from reader.library import SearchHit


def _index_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="reader index",
        description="Build or refresh the index of a library folder (metadata, text, officials), "
        "printing progress on stderr.",
    )
    parser.add_argument(
        "folder",
        nargs="?",
        help=LIBRARY_HELP,
    )
    add_config_option(parser)
    return parser


def _search_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="reader search",
        description="Find a phrase in the titles and text of every article of a library "
        "(the index is refreshed first).",
    )
    parser.add_argument("query", help="the phrase, any length (one Chinese character works)")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help=LIBRARY_HELP,
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--limit",
        type=bounded_int("limit", 1, MAX_LIMIT),
        default=200,
        help=f"at most this many hits, 1 to {MAX_LIMIT:,} (default 200)",
    )
    add_config_option(parser)
    return parser


def run_index(argv: Sequence[str]) -> int:
    """`reader index`: build or refresh the index, progress on stderr, a summary on stdout."""
    import sqlite3

    from reader.library.export import summary_text
    from reader.officials.lexicon import overlay_problem

    args = _index_parser().parse_args(argv)
    folder = library_folder(args.folder, args.config)
    with open_index(folder) as index:
        try:
            summary = recovering(index, lambda: index.refresh(print_progress))
        except (OSError, sqlite3.Error) as error:
            raise UsageError(f"cannot index {folder}: {error}") from None
        if summary.officials and (problem := overlay_problem()) is not None:
            fail(problem)  # a warning: the bundled lexicon was used
        sys.stdout.write(summary_text(summary, index.count(), index.path, index.unreadable()))
    return 0


def run_search(argv: Sequence[str]) -> int:
    """`reader search`: hits in a table (matches in 【】) or as JSON; the index is refreshed first.

    No hit: exit status 1 and a line on stderr, as grep.
    """
    import sqlite3

    from reader.library.export import hits_to_json, hits_to_table

    args = _search_parser().parse_args(argv)
    if not args.query.strip():
        raise UsageError("give a non-empty search phrase")
    folder = library_folder(args.library, args.config)
    with open_index(folder) as index:
        try:

            def refresh_and_search() -> list[SearchHit]:
                # Quiet for a small or up-to-date library; a first big build says what it does.
                index.refresh_text(lambda progress: print_progress(progress, minimum=1000))
                index.refresh_reposts()  # a story is found once (nothing to do: two reads)
                return index.search(args.query, limit=args.limit)

            hits = recovering(index, refresh_and_search)
        except (OSError, sqlite3.Error) as error:
            raise UsageError(f"cannot search {folder}: {error}") from None
    sys.stdout.write(hits_to_json(hits) if args.format == "json" else hits_to_table(hits))
    if not hits:
        # As grep: nothing found is exit status 1, and said on stderr (JSON still prints []).
        fail(f"no match for {args.query!r} in {folder}")
        return NOT_FOUND
    return 0
