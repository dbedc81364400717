"""The command line: the TUI launcher and the non-interactive commands scripts use.

    reader [PATH] [--theme NAME]          open the TUI on a folder (library) or a file
    reader officials PATH [--format …]    the officials an article mentions
    reader render PATH [--width N] […]    the article laid out as the reading view lays it out
    reader index [DIR]                    build or refresh a library's index
    reader search QUERY [--library DIR]   find a phrase in every article of a library
    reader people [--library DIR] [--name NAME]   the persons of a library, their posts
    reader events [--library DIR] [--since DATE]  appointments and removals read from the text
    reader locate [NAME]                  where reader's files live

Every failure a user can cause (a missing file, a bad theme name, an undecodable
file) ends with one line on stderr and exit status 2, never a traceback. Heavy
imports (Textual) happen only when the TUI starts.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

from reader import __version__
from reader.measure import DEFAULT_MEASURE

if TYPE_CHECKING:
    from reader.article import Article
    from reader.library import IndexProgress, LibraryIndex, SearchHit
    from reader.people.query import PeopleIndex

EXIT_USAGE = 2
T = TypeVar("T")


class UsageError(Exception):
    """A user mistake; its message is the one line reader prints."""


class _Parser(argparse.ArgumentParser):
    """argparse, with a mistake reported as reader's one line rather than usage text."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("reader").strip()
        raise UsageError(f"{command}: {message}" if command else message)


MAX_WIDTH = 1000
"""`render --width`: wider than any terminal; the layout's memory grows with the width."""
MAX_LIMIT = 1_000_000
"""`search --limit`: more hits than a table can be read in; SQLite's LIMIT is 64-bit."""


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


def _fail(message: str) -> int:
    """Print one inert line on stderr: messages quote file names, which can hold escapes and newlines."""
    from reader.textsafety import inert_line

    print(f"reader: {inert_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def _check_path(raw: str) -> Path:
    path = Path(raw).expanduser()
    if not path.exists():
        if path.is_symlink():
            from reader.loaders import dangling_link_reason

            raise UsageError(f"{raw}: {dangling_link_reason(path)}")
        raise UsageError(f"{raw}: no such file or directory")
    if path.is_dir():
        if not _readable_dir(path):
            raise UsageError(f"{raw}: cannot read this folder (permission denied)")
        return path
    from reader.files import NotRegularFile, check_regular, reason

    try:
        check_regular(path)  # never blocks: a FIFO or a device is refused, not opened
    except NotRegularFile as error:
        raise UsageError(f"{raw}: {reason(error)}") from None
    except OSError as error:
        raise UsageError(f"{raw}: cannot read ({reason(error)})") from None
    return path


def _readable_dir(path: Path) -> bool:
    try:
        next(path.iterdir(), None)
    except OSError:
        return False
    return True


def _load(raw: str) -> Article:
    """The article at `raw` (the loaders are imported here, to keep `reader --help` instant)."""
    from reader.article import ArticleError
    from reader.loaders import load_article

    path = _check_path(raw)
    if path.is_dir():
        raise UsageError(f"{raw}: is a folder; give an article file")
    try:
        return load_article(path)
    except ArticleError as error:
        raise UsageError(str(error)) from None


def _tui_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="A terminal reader for Chinese news that shows which officials an article names.",
        epilog=(
            "commands:\n"
            "  reader officials PATH [--format table|json|csv]   list the officials in an article\n"
            "  reader render PATH [--width N] [--body] [--as-printed] [--ambiguous-width 1|2]\n"
            "                                                     print the article as laid out on screen\n"
            "  reader index [DIR]                                 build or refresh a library's index\n"
            "  reader search QUERY [--library DIR] [--format table|json]   find a phrase in a library\n"
            "  reader people [--library DIR] [--format table|json|csv] [--name NAME]   who is who\n"
            "  reader events [--library DIR] [--format table|json|csv] [--since DATE]  任免 events\n"
            "  reader locate [NAME] [--config PATH]               where config, themes, state, index live\n"
            "\n"
            "A file named like a command is reached with a path: reader ./officials\n"
            "Run `reader officials --help` or `reader render --help` for their options."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "path",
        nargs="?",
        help="an article file (opens it, with its folder as the library) or a folder; "
        "default: the bundled articles",
    )
    parser.add_argument(
        "--theme", metavar="NAME", help="colour theme (bundled: ink, paper, contrast, celadon)"
    )
    parser.add_argument(
        "--config", metavar="PATH", help="read this config file (default: `reader locate config`)"
    )
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _officials_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader officials",
        description="List the officials an article mentions, with posts and mentions.",
    )
    parser.add_argument("path", help="an article file")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    return parser


def _render_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader render",
        description="Print an article laid out exactly as the reading view lays it out, as plain text.",
    )
    parser.add_argument("path", help="an article file")
    parser.add_argument(
        "--width",
        type=bounded_int("width", 2, MAX_WIDTH),
        default=DEFAULT_MEASURE,
        help=f"content width in terminal cells, 2 to {MAX_WIDTH} (default {DEFAULT_MEASURE})",
    )
    parser.add_argument("--body", action="store_true", help="only the body paragraphs, one blank line apart")
    punctuation = parser.add_mutually_exclusive_group()
    punctuation.add_argument(
        "--typeset",
        dest="punctuation",
        action="store_const",
        const="typeset",
        help="half-width , ; : ( ) ? ! in Chinese text shown full-width (default unless config.yaml says)",
    )
    punctuation.add_argument(
        "--as-printed",
        dest="punctuation",
        action="store_const",
        const="as-printed",
        help="the file's own punctuation, as printed",
    )
    parser.add_argument(
        "--ambiguous-width",
        type=int,
        choices=(1, 2),
        default=None,
        help="cells a terminal gives “ ” — … · (default: config.yaml's ambiguous_width, else 1)",
    )
    parser.add_argument(
        "--config", metavar="PATH", help="read this config file (default: `reader locate config`)"
    )
    return parser


def run_officials(argv: Sequence[str]) -> int:
    """`reader officials`: print the extractor's report in the chosen format."""
    from reader.officials import extract_officials
    from reader.officials.export import report_to_csv, report_to_json, report_to_table
    from reader.officials.lexicon import overlay_problem

    args = _officials_parser().parse_args(argv)
    article = _load(args.path)
    report = extract_officials(article.paragraphs, title=article.title if article.title_printed else None)
    if (problem := overlay_problem()) is not None:
        _fail(problem)  # a warning: the bundled lexicon was used
    if args.format == "json":
        text = report_to_json(article, report)
    elif args.format == "csv":
        text = report_to_csv(article, report)
    else:
        text = report_to_table(article, report)
    sys.stdout.write(text)
    return 0


def run_render(argv: Sequence[str]) -> int:
    """`reader render`: the reading view's layout as plain text."""
    from reader.config import ConfigError, load_config
    from reader.layout import Typesetting, render_plain

    args = _render_parser().parse_args(argv)
    try:
        config, warnings = load_config(args.config)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    for warning in warnings:
        _fail(warning)
    article = _load(args.path)
    # What the reading view would show: the config's settings, unless a flag says
    # otherwise. The terminal is not asked here (the output is usually a pipe).
    setting = Typesetting(
        typeset=(args.punctuation or config.punctuation) == "typeset",
        ambiguous=args.ambiguous_width or config.ambiguous_width or 1,
    )
    sys.stdout.write(render_plain(article, args.width, body_only=args.body, setting=setting))
    return 0


def _index_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader index",
        description="Build or refresh the index of a library folder (metadata, text, officials), "
        "printing progress on stderr.",
    )
    parser.add_argument("folder", nargs="?", help="the library folder (default: the bundled articles)")
    return parser


def _search_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader search",
        description="Find a phrase in the titles and text of every article of a library "
        "(the index is refreshed first).",
    )
    parser.add_argument("query", help="the phrase, any length (one Chinese character works)")
    parser.add_argument("--library", metavar="DIR", help="the library folder (default: the bundled articles)")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--limit",
        type=bounded_int("limit", 1, MAX_LIMIT),
        default=200,
        help=f"at most this many hits, 1 to {MAX_LIMIT:,} (default 200)",
    )
    return parser


def _library_folder(raw: str | None) -> Path:
    from reader import locations

    if raw is None:
        return locations.bundled_articles_dir()
    path = _check_path(raw)
    if not path.is_dir():
        raise UsageError(f"{raw}: is a file; give a library folder")
    return path


def _open_index(folder: Path) -> LibraryIndex:
    """The library's index (imported here, like every command's modules)."""
    import sqlite3

    from reader.library import LibraryIndex

    try:
        index = LibraryIndex(folder)
    except (OSError, sqlite3.Error) as error:
        raise UsageError(f"cannot open the library index: {error}") from None
    if index.notice:
        print(f"reader: {index.notice}", file=sys.stderr)
    return index


def _recovering(index: LibraryIndex, run: Callable[[], T]) -> T:
    """`run()`, and once more after LibraryIndex.rebuild_after when it finds the file
    damaged mid-way ("malformed"): the TUI's recovery path, so neither fails run after run."""
    import sqlite3

    from reader.library.schema import classify_error

    try:
        return run()
    except sqlite3.DatabaseError as error:
        if classify_error(error) != "damaged":
            raise
        print(f"reader: {index.rebuild_after(error)}", file=sys.stderr)
    return run()


def _print_progress(progress: IndexProgress, minimum: int = 0) -> None:
    """A progress line on stderr every 1,000 files, for jobs of at least `minimum` files."""
    if progress.total < minimum:  # the scan counts no files: quiet too
        return
    line = progress.line()
    if line is not None and (progress.done % 1000 == 0 or progress.done == progress.total):
        print(line, file=sys.stderr, flush=True)


def run_index(argv: Sequence[str]) -> int:
    """`reader index`: build or refresh the index, progress on stderr, a summary on stdout."""
    import sqlite3

    from reader.library.export import summary_text
    from reader.officials.lexicon import overlay_problem

    args = _index_parser().parse_args(argv)
    folder = _library_folder(args.folder)
    with _open_index(folder) as index:
        try:
            summary = _recovering(index, lambda: index.refresh(_print_progress))
        except (OSError, sqlite3.Error) as error:
            raise UsageError(f"cannot index {folder}: {error}") from None
        if summary.officials and (problem := overlay_problem()) is not None:
            _fail(problem)  # a warning: the bundled lexicon was used
        sys.stdout.write(summary_text(summary, index.count(), index.path, index.unreadable()))
    return 0


def run_search(argv: Sequence[str]) -> int:
    """`reader search`: hits in a table (matches in 【】) or as JSON; the index is refreshed first."""
    import sqlite3

    from reader.library.export import hits_to_json, hits_to_table

    args = _search_parser().parse_args(argv)
    if not args.query.strip():
        raise UsageError("give a non-empty search phrase")
    folder = _library_folder(args.library)
    with _open_index(folder) as index:
        try:

            def refresh_and_search() -> list[SearchHit]:
                # Quiet for a small or up-to-date library; a first big build says what it does.
                index.refresh_text(lambda progress: _print_progress(progress, minimum=1000))
                return index.search(args.query, limit=args.limit)

            hits = _recovering(index, refresh_and_search)
        except (OSError, sqlite3.Error) as error:
            raise UsageError(f"cannot search {folder}: {error}") from None
    sys.stdout.write(hits_to_json(hits) if args.format == "json" else hits_to_table(hits))
    return 0


def _people_parser(command: str) -> argparse.ArgumentParser:
    what = {
        "people": "The persons of a library: officials grouped across articles, with their posts "
        "(first and last date printed, articles). The library index is refreshed first.",
        "events": "Appointments, removals, elections, nominations, transfers and 任前公示 read from "
        "the text of every article, with the person each belongs to.",
    }[command]
    parser = argparse.ArgumentParser(prog=f"reader {command}", description=what)
    parser.add_argument("--library", metavar="DIR", help="the library folder (default: the bundled articles)")
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
    return parser


def _open_people(folder: Path, refreshed: bool = True) -> PeopleIndex:
    """The person index of `folder` (imported here, like every command's modules)."""
    import sqlite3

    from reader.officials import LexiconError
    from reader.people.library import is_built, open_people, refresh

    if refreshed:
        with _open_index(folder) as index:
            try:
                index.refresh(lambda progress: _print_progress(progress, minimum=1000))
            except (OSError, sqlite3.Error, LexiconError) as error:
                raise UsageError(f"cannot index {folder}: {error}") from None
    try:
        people = open_people(folder)
        if refreshed or not is_built(people):
            refresh(people, _print_people_progress)
    except (OSError, sqlite3.Error) as error:
        raise UsageError(f"cannot build the person index of {folder}: {error}") from None
    return people


def _print_people_progress(phase: str, done: int, total: int) -> None:
    if total >= 1000 and (done % 1000 == 0 or done == total):
        print(f"{phase}: {done}/{total}", file=sys.stderr, flush=True)


def run_people(argv: Sequence[str]) -> int:
    """`reader people`: persons and their posts as a table, JSON or CSV (one row per post)."""
    from reader.people.export import people_csv, people_json, people_table

    args = _people_parser("people").parse_args(argv)
    people = _open_people(_library_folder(args.library), not args.no_refresh)
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
    people = _open_people(_library_folder(args.library), not args.no_refresh)
    events = people.events(since=args.since)
    writer = {"json": events_json, "csv": events_csv}.get(args.format, events_table)
    sys.stdout.write(writer(events))
    return 0


def _locate_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader locate",
        description="Print where reader's files live, one `name  path` a line, honouring "
        "READER_CONFIG, READER_CONFIG_DIR, READER_STATE_DIR, READER_CACHE_DIR, READER_DATA_DIR "
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
    from reader.officials.lexicon import overlay_path
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


def _add_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader add",
        description="Fetch a web page once (or read a saved .html file), extract its article and keep it "
        "as Markdown in reader's inbox (`reader locate inbox`); prints the file's path.",
    )
    parser.add_argument("target", help="an http(s) URL, or a saved page (.html, .htm, .shtml)")
    return parser


def run_add(argv: Sequence[str]) -> int:
    """`reader add URL|FILE.html`: the article goes to the inbox; a failure is one line, status 2."""
    from reader import locations
    from reader.inbox import InboxError, add_page, already_added, fetch, is_url

    args = _add_parser().parse_args(argv)
    target = args.target
    try:
        if is_url(target):
            url = target.strip()
            before = already_added(locations.inbox_dir(), url)
            if before is not None:
                print(f"already in the inbox: {before.path}", file=sys.stderr)
                print(before.path)
                return 0
            data, name = fetch(url), url
        else:
            path = _existing_file(target)
            try:
                data = path.read_bytes()
            except OSError as error:
                raise UsageError(f"{target}: cannot read ({error.strerror or error})") from None
            url, name = None, str(path)
        added = add_page(data, inbox=locations.inbox_dir(), url=url, name=name)
    except InboxError as error:
        raise UsageError(str(error)) from None
    if added.existing:
        print(f"already in the inbox: {added.path}", file=sys.stderr)
    print(added.path)
    return 0


def _existing_file(raw: str) -> Path:
    """A path that names a regular file, else a one-line UsageError."""
    path = Path(raw)
    if path.is_dir():
        raise UsageError(f"{raw}: is a folder; give a saved page or a URL")
    if not path.is_file():
        raise UsageError(
            f"{raw}: no such file (give a saved page, or a URL starting with http:// or https://)"
        )
    return path


def run_tui(argv: Sequence[str]) -> int:
    """Open the TUI on a folder, a file (with its folder as the library) or the bundled articles.

    The cyclic garbage collector is off from here until the first frame is on screen.
    Start-up imports Textual and builds the screen: hundreds of thousands of objects,
    almost none of them garbage, and the collector's passes over them took ~30 ms of a
    ~320 ms first paint. Reference counting still frees everything else meanwhile; the
    app turns the collector back on (`after_first_frame`) once the frame is drawn, and
    it is on again whatever way this returns.
    """
    import gc

    gc.disable()
    try:
        return _run_tui(argv, after_first_frame=gc.enable)
    finally:
        gc.enable()


def _run_tui(argv: Sequence[str], after_first_frame: Callable[[], None]) -> int:
    from reader import locations, theme_files
    from reader.config import ConfigError, load_config
    from reader.preferences import starting_theme

    args = _tui_parser().parse_args(argv)
    try:
        config, warnings = load_config(args.config)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    for warning in warnings:
        _fail(warning)
    themes, problems = theme_files.discover_themes()
    problems = [f"skipped theme {problem}" for problem in problems]
    for problem in problems:
        _fail(problem)
    if args.theme is not None and args.theme not in themes:
        raise UsageError(f"unknown theme {args.theme!r}; available: {', '.join(sorted(themes))}")
    # A --theme must exist; the config's and the remembered one fall back (reader.preferences).
    theme = starting_theme(args.theme, config.theme, themes, config.path.name if config.path else "config")
    notices = [*warnings, *problems, *([theme.notice] if theme.notice else [])]
    if theme.warning is not None:
        _fail(theme.warning)
        notices.append(theme.warning)
    if args.path is None:
        # config.yaml's library, else the one read last (the app reopens its last article), else ours.
        from reader.library.state import ReadingState

        remembered = ReadingState.load(repair=False).last_library  # the app repairs a damaged file
        library = config.library or remembered or locations.bundled_articles_dir()
        open_file = None
    else:
        path = _check_path(args.path)
        library, open_file = (path, None) if path.is_dir() else (path.parent, path)

    # Asked before Textual takes the terminal over: afterwards its answer would arrive
    # as keystrokes. A width in the config is the user's word and is not checked.
    ambiguous_width = config.ambiguous_width
    if ambiguous_width is None:
        from reader.ui.terminal import detect_ambiguous_width

        ambiguous_width = detect_ambiguous_width()

    from reader.ui.app import ReaderApp

    ReaderApp(
        ambiguous_width=ambiguous_width,
        library=library,
        open_file=open_file,
        theme_specs=themes,
        theme_name=theme.name,
        config=config,
        notices=notices,  # stderr is hidden once the TUI is up: shown again as notifications
        after_first_frame=after_first_frame,
    ).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reader` script and `python -m reader`."""
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {
        "officials": run_officials,
        "render": run_render,
        "index": run_index,
        "search": run_search,
        "people": run_people,
        "events": run_events,
        "locate": run_locate,
        "add": run_add,
    }
    command = commands.get(args[0]) if args else None
    try:
        if command is not None:
            return command(args[1:])
        return run_tui(args)
    except UsageError as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reader render … | head` closes the pipe early; that is not an error.
        sys.stderr.close()
        return 0
