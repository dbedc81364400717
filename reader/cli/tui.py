"""`reader [PATH]`: the TUI's options, checked before Textual is imported, and its start."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader import __version__
from reader.cli.common import UsageError, check_path, fail

if TYPE_CHECKING:
    import argparse

    from reader.config import Config
    from reader.library.first_rows import FirstRows
    from reader.theme_files import ThemeSpec
    from reader.ui.app import ReaderApp
    from reader.ui.early_frame import FrameRecorder


@dataclass(frozen=True)
class TuiArgs:
    """What `reader [PATH] [--theme NAME] [--config PATH]` was given."""

    path: str | None = None
    theme: str | None = None
    config: str | None = None


def parse_tui_args(argv: Sequence[str]) -> TuiArgs:
    """The TUI's arguments. `reader` and `reader PATH` (no option) are read here: argparse,
    and gettext behind it, cost a few milliseconds of the first paint; anything with an
    option (or more than a path) goes to argparse, which checks it and prints help."""
    if len(argv) <= 1 and not any(arg.startswith("-") for arg in argv):
        return TuiArgs(path=argv[0] if argv else None)
    args = _tui_parser().parse_args(argv)
    return TuiArgs(path=args.path, theme=args.theme, config=args.config)


def _tui_parser() -> argparse.ArgumentParser:
    import argparse

    from reader.cli.parsing import Parser

    parser = Parser(
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
            "  reader people merge ID ID | split ID --articles PATH... | choices | forget\n"
            "                                                     correct how officials are grouped\n"
            "  reader events [--library DIR] [--format table|json|csv] [--since DATE]  任免 events\n"
            "  reader add URL | FILE.html                         keep a web page's article in the inbox\n"
            "  reader locate [NAME] [--config PATH]               where config, themes, state, index live\n"
            "\n"
            "--config PATH goes before or after any command; index, search, people and events use\n"
            "config.yaml's library when given none. `reader search` exits 1 when nothing matches.\n"
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

    from reader.compiled import save_compiled

    def after_first_frame() -> None:
        gc.enable()
        save_compiled()  # the patterns this start compiled, for the next one (reader.compiled)

    gc.disable()
    try:
        return _run_tui(argv, after_first_frame=after_first_frame)
    finally:
        gc.enable()


@dataclass(frozen=True)
class Start:
    """What the TUI opens with, read before Textual is imported."""

    config: Config
    themes: dict[str, ThemeSpec]
    theme: str
    notices: list[str]
    library: Path
    open_file: Path | None

    def app(
        self,
        *,
        ambiguous_width: int | None,
        early_frame: FrameRecorder | None,
        after_first_frame: Callable[[], None] | None = None,
        first_rows: FirstRows | None = None,
    ) -> ReaderApp:
        """The app this start opens (Textual is imported here, when it is made)."""
        from reader.ui.app import ReaderApp

        return ReaderApp(
            ambiguous_width=ambiguous_width,
            library=self.library,
            open_file=self.open_file,
            theme_specs=self.themes,
            theme_name=self.theme,
            config=self.config,
            notices=self.notices,  # stderr is hidden once the TUI is up: shown again as notifications
            after_first_frame=after_first_frame,
            early_frame=early_frame,
            first_rows=first_rows,
        )


def prepare_start(args: TuiArgs, report: Callable[[str], object] = fail) -> Start:
    """The config, the themes and the starting theme, the library and the file to open;
    every problem `report`ed (on stderr) and kept as a notice for the app."""
    from reader import locations, theme_files
    from reader.config import ConfigError, load_config
    from reader.preferences import starting_theme

    try:
        config, warnings = load_config(args.config)
    except ConfigError as error:
        raise UsageError(str(error)) from None
    for warning in warnings:
        report(warning)
    themes, problems = theme_files.discover_themes()
    problems = [f"skipped theme {problem}" for problem in problems]
    for problem in problems:
        report(problem)
    if args.theme is not None and args.theme not in themes:
        raise UsageError(f"unknown theme {args.theme!r}; available: {', '.join(sorted(themes))}")
    # A --theme must exist; the config's and the remembered one fall back (reader.preferences).
    theme = starting_theme(args.theme, config.theme, themes, config.path.name if config.path else "config")
    notices = [*warnings, *problems, *([theme.notice] if theme.notice else [])]
    if theme.warning is not None:
        report(theme.warning)
        notices.append(theme.warning)
    if args.path is None:
        # config.yaml's library, else the one read last (the app reopens its last article), else ours.
        from reader.library.state import ReadingState

        remembered = ReadingState.load(repair=False).last_library  # the app repairs a damaged file
        library = config.library or remembered or locations.bundled_articles_dir()
        open_file = None
    else:
        path = check_path(args.path)
        library, open_file = (path, None) if path.is_dir() else (path.parent, path)
    return Start(config, themes, theme.name, notices, library, open_file)


def reopened(start: Start) -> Path | None:
    """The article the reader screen opens first, if it is the one given or the remembered
    one (as `LibrarySession.last_open` spells it): the first frame's rows are read around it."""
    if start.open_file is not None:
        return start.open_file
    from reader.library.state import ReadingState

    path = ReadingState.load(repair=False).last_open
    folder = start.library.resolve()
    if path is None or not path.is_relative_to(folder):
        return None
    return start.library / path.relative_to(folder)


def _run_tui(argv: Sequence[str], after_first_frame: Callable[[], None]) -> int:
    args = parse_tui_args(argv)

    # The early frame (reader.ui.early_frame): on the fast path (`reader`, `reader PATH`),
    # the first screen recorded at the last start with the same inputs, drawn before even
    # the config is parsed (its content is one of the inputs).
    from reader.ui import early_frame

    inputs: early_frame.StartInputs | None = None
    frame: str | None = None
    if args.theme is None and args.config is None and early_frame.usable_terminal():
        size = early_frame.terminal_size()
        if size is not None:
            inputs = early_frame.StartInputs.gather(args.path, size)
            frame = early_frame.load_frame(inputs)

    # The terminal's width for ambiguous characters is asked before Textual takes the
    # terminal over (afterwards its answer would arrive as keystrokes), and read once
    # Textual is imported: the terminal answers meanwhile. It is asked on the normal
    # screen, before an early frame goes up on the alternate one (then before the config,
    # which may give a width, is read: that answer is not used). A width in the config is
    # the user's word and is not checked.
    from reader.ui.terminal import AmbiguousWidthProbe

    saved = early_frame.terminal_attrs() if frame is not None else None
    probe = AmbiguousWidthProbe.start() if frame is not None else None
    shown = early_frame.show(frame, saved) if frame is not None else None
    held: list[str] = []  # problems found while an early frame is up: printed once reader ends
    app = None
    first_rows: FirstRows | None = None
    try:
        start = prepare_start(args, report=held.append if shown is not None else fail)
        config = start.config
        if inputs is not None:
            if config.early_frame:
                inputs.set_library(start.library, reopened(start))
            else:
                inputs = None
        ambiguous_width = config.ambiguous_width
        if ambiguous_width is None and probe is None:
            probe = AmbiguousWidthProbe.start()
        # A library never indexed: its first rows are read in a child on another core while
        # Textual loads (reader.library.first_rows); forked here, before any thread starts.
        from reader.library.first_rows import FirstRows

        first_rows = FirstRows.start(start.library)
        try:
            from reader.cli.hangup import ask_to_exit, watch_for_hangup
            from reader.ui import app as _app  # noqa: F401  (Textual loads while the probe's answer travels)
        finally:
            if probe is not None:
                answer = probe.answer()
                ambiguous_width = answer if ambiguous_width is None else ambiguous_width
            if shown is not None:
                shown.quiet()  # the probe gave the terminal back its echo

        recorder = early_frame.FrameRecorder(inputs, drawn=frame) if inputs is not None else None
        app = start.app(
            ambiguous_width=ambiguous_width,
            early_frame=recorder,
            after_first_frame=after_first_frame,
            first_rows=first_rows,
        )
        watch_for_hangup(0, lambda: ask_to_exit(app.call_from_thread, app.exit))
        app.run()
    finally:
        if first_rows is not None:
            first_rows.cancel()  # a child whose rows no screen took (a start that failed early)
        if probe is not None:
            probe.answer(0)  # the terminal's mode back, if an error came before the answer was read
        if shown is not None:
            shown.restore(leave_screen=app is None or not app.first_frame_drawn)
        for message in held:
            fail(message)
    from reader.compiled import save_compiled

    save_compiled()  # what the officials and the rest compiled since the first frame
    if inputs is not None:
        from reader.cli.next_frame import render_next_start

        render_next_start(args, ambiguous_width)
    return 0
