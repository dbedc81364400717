"""The command line: the TUI launcher and the non-interactive commands scripts use.

    reader [PATH] [--theme NAME]          open the TUI on a folder (library) or a file
    reader officials PATH [--format …]    the officials an article mentions
    reader render PATH [--width N]        the article laid out as the reading view lays it out

Every failure a user can cause (a missing file, a bad theme name, an undecodable
file) ends with one line on stderr and exit status 2, never a traceback. Heavy
imports (Textual) happen only when the TUI starts.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__

EXIT_USAGE = 2
SUBCOMMANDS = ("officials", "render")


class UsageError(Exception):
    """A user mistake; its message is the one line reader prints."""


def _fail(message: str) -> int:
    print(f"reader: {message}", file=sys.stderr)
    return EXIT_USAGE


def _check_path(raw: str) -> Path:
    path = Path(raw).expanduser()
    if not path.exists():
        raise UsageError(f"{raw}: no such file or directory")
    if path.is_dir():
        if not _readable_dir(path):
            raise UsageError(f"{raw}: cannot read this folder (permission denied)")
        return path
    try:
        with path.open("rb"):
            pass
    except OSError as error:
        reason = error.strerror.lower() if error.strerror else error.__class__.__name__
        raise UsageError(f"{raw}: cannot read ({reason})") from None
    return path


def _readable_dir(path: Path) -> bool:
    try:
        next(path.iterdir(), None)
    except OSError:
        return False
    return True


def _load(raw: str):  # -> Article, imported lazily to keep `reader --help` instant
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
    parser = argparse.ArgumentParser(
        prog="reader",
        description="A terminal reader for Chinese news that shows which officials an article names.",
        epilog=(
            "commands:\n"
            "  reader officials PATH [--format table|json|csv]   list the officials in an article\n"
            "  reader render PATH [--width N] [--body]            print the article as laid out on screen\n"
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
    parser.add_argument("--theme", metavar="NAME", help="colour theme (bundled: ink, paper)")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def _officials_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader officials",
        description="List the officials an article mentions, with posts and mentions.",
    )
    parser.add_argument("path", help="an article file")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table")
    return parser


def _render_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader render",
        description="Print an article laid out exactly as the reading view lays it out, as plain text.",
    )
    parser.add_argument("path", help="an article file")
    parser.add_argument("--width", type=int, default=80, help="content width in terminal cells (default 80)")
    parser.add_argument("--body", action="store_true", help="only the body paragraphs, one blank line apart")
    return parser


def run_officials(argv: Sequence[str]) -> int:
    """`reader officials`: print the extractor's report in the chosen format."""
    import json

    from reader.officials import LexiconError, extract_officials
    from reader.officials.export import report_to_csv, report_to_dict, report_to_table

    args = _officials_parser().parse_args(argv)
    article = _load(args.path)
    try:
        report = extract_officials(article.paragraphs)
    except LexiconError as error:
        raise UsageError(str(error)) from None
    if args.format == "json":
        text = json.dumps(report_to_dict(article, report), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = report_to_csv(article, report)
    else:
        text = report_to_table(article, report)
    sys.stdout.write(text)
    return 0


def run_render(argv: Sequence[str]) -> int:
    """`reader render`: the reading view's layout as plain text."""
    from reader.layout import render_plain

    args = _render_parser().parse_args(argv)
    if args.width < 2:
        raise UsageError(f"--width must be at least 2, not {args.width}")
    article = _load(args.path)
    sys.stdout.write(render_plain(article, args.width, body_only=args.body))
    return 0


def run_tui(argv: Sequence[str]) -> int:
    """Open the TUI on a folder, a file (with its folder as the library) or the bundled articles."""
    from reader import locations, theme_files

    args = _tui_parser().parse_args(argv)
    themes, problems = theme_files.discover_themes()
    for problem in problems:
        print(f"reader: skipped theme {problem}", file=sys.stderr)
    theme = args.theme or theme_files.DEFAULT_THEME
    if theme not in themes:
        raise UsageError(f"unknown theme {theme!r}; available: {', '.join(sorted(themes))}")
    if args.path is None:
        library, open_file = locations.bundled_articles_dir(), None
    else:
        path = _check_path(args.path)
        library, open_file = (path, None) if path.is_dir() else (path.parent, path)

    from reader.ui.app import ReaderApp

    ReaderApp(library=library, open_file=open_file, theme_specs=themes, theme_name=theme).run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `reader` script and `python -m reader`."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = {"officials": run_officials, "render": run_render}.get(args[0]) if args else None
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
