"""`reader people merge|split|choices|forget`: the user's corrections of the grouping, for scripts.

    reader people merge ID ID [ID…]            these persons are one
    reader people split ID --articles PATH…    the person in these articles is someone else
    reader people choices [--format table|json]  the choices kept for the library
    reader people forget CHOICE… | --person ID | --last   drop choices

Ids are the ones `reader people` prints, as the index is now (no scan of the folder first:
the ids the user just read must still mean the same persons). The choice is kept in the
state folder (reader.people.overrides), then the person index is regrouped and the new
ids are printed. A wrong id or article is one line on stderr and exit status 2.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import LIBRARY_HELP, UsageError, library_folder
from reader.cli.parsing import Parser, add_config_option

if TYPE_CHECKING:
    import argparse

    from reader.people.overrides import Change
    from reader.people.query import PeopleIndex

SUBCOMMANDS = ("merge", "split", "choices", "forget")


def _parser(command: str) -> argparse.ArgumentParser:
    what = {
        "merge": "Keep that these persons (ids from `reader people`) are one person.",
        "split": "Keep that the person named in these articles is someone else than in the others.",
        "choices": "The merge and split choices kept for the library, oldest first.",
        "forget": "Drop merge and split choices: by id (from `reader people choices`), all of "
        "a person's, or the last one made.",
    }[command]
    parser = Parser(prog=f"reader people {command}", description=what)
    if command == "merge":
        parser.add_argument("ids", nargs="+", metavar="ID", help="two persons or more")
    elif command == "split":
        parser.add_argument("id", metavar="ID")
        parser.add_argument(
            "--articles",
            nargs="+",
            required=True,
            metavar="PATH",
            help="the articles to set apart: relative to the library (as `reader events` prints) or files",
        )
    elif command == "choices":
        parser.add_argument("--format", choices=("table", "json"), default="table")
    else:
        parser.add_argument("choice_ids", nargs="*", metavar="CHOICE")
        parser.add_argument("--person", metavar="ID", help="every choice about this person")
        parser.add_argument(
            "--last",
            action="store_true",
            help="the last choice made (an undo: what it had dropped comes back)",
        )
    parser.add_argument("--library", metavar="DIR", help=LIBRARY_HELP)
    add_config_option(parser)
    return parser


def run_choice(command: str, argv: Sequence[str]) -> int:
    """One of SUBCOMMANDS with its own arguments."""
    import sqlite3

    from reader.people.choosing import ChoiceError

    args = _parser(command).parse_args(argv)
    folder = library_folder(args.library, args.config)
    if command == "choices":
        return _list(folder, args.format)
    from reader.cli.people import open_people_index

    people = open_people_index(folder, refreshed=False)
    try:
        if command == "merge":
            return _merge(people, args.ids)
        if command == "split":
            return _split(people, args.id, args.articles)
        return _forget(people, args.choice_ids, args.person, args.last)
    except ChoiceError as error:
        raise UsageError(f"people {command}: {error}") from None
    except OSError as error:
        raise UsageError(f"people {command}: the choice could not be kept: {error}") from None
    except sqlite3.Error as error:
        raise UsageError(f"people {command}: the person index cannot be read: {error}") from None
    finally:
        people.conn.close()


def _regroup(people: PeopleIndex, change: Change) -> None:
    from reader.cli.people import print_people_progress
    from reader.people.choosing import describe
    from reader.people.library import refresh

    for line in describe(change):
        print(f"reader: {line}", file=sys.stderr)
    summary = refresh(people, print_people_progress)
    if summary.warning:
        print(f"reader: {summary.warning}", file=sys.stderr)


def _who(people: PeopleIndex, person_id: str | None) -> str:
    from reader.people.choosing import person_label

    summary = people.summary(person_id) if person_id else None
    if summary is None:
        return "(not in the index)"
    plural = "" if summary.articles == 1 else "s"
    return f"{person_label(summary)} [{summary.id}], {summary.articles} article{plural}"


def _merge(people: PeopleIndex, ids: list[str]) -> int:
    from reader.people.choosing import merge_persons

    change = merge_persons(people, ids)
    _regroup(people, change)
    assert change.added is not None
    merged = people.person_of_key(change.added.keys[0])
    print(f"merged into {_who(people, merged)}; choice {change.added.id}")
    return 0


def _split(people: PeopleIndex, person_id: str, raw: list[str]) -> int:
    from reader.people.choosing import relative_article, split_person

    articles = {relative_article(people.library, path) for path in raw}
    change = split_person(people, person_id, articles)
    _regroup(people, change)
    assert change.added is not None
    print(f"set apart: {_who(people, people.person_of_key(change.added.keys[0]))}")
    print(f"the rest: {_who(people, people.person_of_key(change.added.rest[0]))}; choice {change.added.id}")
    return 0


def _forget(people: PeopleIndex, ids: list[str], person: str | None, last: bool) -> int:
    from reader.people.choosing import forget_person
    from reader.people.overrides import forget, load_choices, undo_last

    if sum((bool(ids), person is not None, last)) != 1:
        raise UsageError("people forget: give choice ids, or --person ID, or --last (one of them)")
    if person is not None:
        change = forget_person(people, person)
    elif last:
        change = undo_last(people.library)
    else:
        known = {c.id for c in load_choices(people.library).items}
        for choice_id in ids:
            hits = [k for k in known if len(choice_id) >= 4 and k.startswith(choice_id.lower())]
            if len(hits) != 1:
                why = "names two choices" if hits else "is no choice of this library"
                raise UsageError(f"people forget: {choice_id!r} {why} (see `reader people choices`)")
        change = forget(people.library, ids)
    if not change.dropped:
        print("no choice to forget")
        return 0
    _regroup(people, change)
    return 0


def _known(folder: Path, keys: list[str]) -> set[str] | None:
    """The keys the person index holds as `reader index` last left it; None without an index."""
    import sqlite3

    from reader.library.index import index_path
    from reader.people.library import is_built, open_people

    if not keys or not index_path(folder).is_file():
        return None
    try:
        people = open_people(folder)
        try:
            return people.known_keys(keys) if is_built(people) else None
        finally:
            people.conn.close()
    except (OSError, sqlite3.Error):
        return None


def _list(folder: Path, form: str) -> int:
    from reader.people.overrides import choices_path, load_choices
    from reader.textsafety import inert_line

    choices = load_choices(folder)
    if choices.warning:
        print(f"reader: {inert_line(choices.warning)}", file=sys.stderr)
    known = _known(folder, [k for c in choices.items for k in (*c.keys, *c.rest)])
    if form == "json":
        data = {
            "file": str(choices_path(folder)),
            "choices": [
                {
                    "id": c.id,
                    "kind": c.kind,
                    "made": c.made,
                    "label": c.label,
                    "keys": list(c.keys),
                    **({"rest": list(c.rest)} if c.kind == "split" else {}),
                    "in_index": None if known is None else sum(k in known for k in (*c.keys, *c.rest)),
                }
                for c in choices.items
            ],
        }
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
        return 0
    for c in choices.items:
        articles = len({key.rpartition("\t")[0] for key in c.keys})
        size = f"{articles} article{'s' if articles != 1 else ''}"
        gone = 0 if known is None else sum(k not in known for k in (*c.keys, *c.rest))
        if gone:
            size += f" ({gone} of its {len(c.keys) + len(c.rest)} mentions no longer in the index)"
        sys.stdout.write(
            inert_line(f"{c.id}  {c.kind:<5}  {c.made[:16].replace('T', ' ')}  {c.label}  · {size}") + "\n"
        )
    if not choices.items:
        print(f"No merge or split choices for {inert_line(str(folder))}.")
    return 0
