"""On quit: the next start's early frame, rendered headless in a child when it is missing or stale.

A start draws the early frame recorded for its inputs (`reader.ui.early_frame`). What the
user did in the session (an article read, a theme chosen, a library indexed) usually
changes the next start's inputs, so the frame this start recorded would not match it.
Quitting, reader checks the record for the next start (the same command in a terminal of
the size it has now) and, when there is none that matches, forks a child that renders
that start with Textual's headless driver at that size, records its first frame and
exits once what that start set going (the index's refresh, the person index) is done, so
that a render that changed the inputs (a state remembered, an index built) is followed by
one that finds them as the next start will (`RENDERS` at most). The parent returns at
once: quitting never waits for it.

The child leaves the terminal (a session of its own, /dev/null for stdin, stdout and
stderr), runs at a lower priority, and is ended by an alarm after `TIMEOUT` seconds
whatever it is doing (a lock another thread held at the fork, a huge library). It
writes the record, in the cache folder, and what the start it renders writes to the
index (a cache as well); it reads a copy of the state folder and writes only that copy,
so it never overwrites what a new session remembers; never into an article folder.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reader.ui import early_frame

if TYPE_CHECKING:
    from reader.cli.tui import TuiArgs

__all__ = ["TIMEOUT", "fork_renderer", "render_next_start"]

TIMEOUT = 20
"""Seconds the child may take before SIGALRM ends it."""


def fork_renderer(
    inputs: early_frame.StartInputs, render: Callable[[early_frame.StartInputs], object]
) -> int | None:
    """Fork a child that calls `render(inputs)` detached from the terminal, under an alarm;
    the child's pid (the caller need not wait), or None when there is no child."""
    if not hasattr(os, "fork"):
        return None
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid:
        return pid
    status = 1
    try:
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(TIMEOUT)
        with contextlib.suppress(OSError):
            os.setsid()
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        with contextlib.suppress(OSError):
            os.nice(10)
        render(inputs)
        status = 0
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def render_next_start(args: TuiArgs, ambiguous_width: int | None) -> int | None:
    """After the TUI quit: fork the renderer if the next start's frame is missing or stale."""
    if not early_frame.usable_terminal():
        return None
    size = early_frame.terminal_size()
    if size is None:
        return None
    from reader.cli.tui import prepare_start, reopened

    try:
        start = prepare_start(args, report=lambda _message: None)
    except Exception:
        return None
    if not start.config.early_frame:
        return None
    inputs = early_frame.StartInputs.gather(args.path, size)
    inputs.set_library(start.library, reopened(start))
    if early_frame.load_frame(inputs) is not None:
        return None
    return fork_renderer(inputs, lambda inputs: render_headless(args, inputs, ambiguous_width))


RENDERS = 3
"""Starts rendered at most, one after another, until one leaves its inputs as it found them."""


def render_headless(args: TuiArgs, inputs: early_frame.StartInputs, ambiguous_width: int | None) -> None:
    """The start `args` would make, headless at the inputs' size, until its first frame is
    recorded (the recorder ends the app); again while a render changed the inputs (the
    state it remembered, the index its refresh built), so the last record matches what
    the next start finds."""
    from reader.cli.tui import prepare_start, reopened

    size = tuple(inputs.context["size"])
    for _render in range(RENDERS):
        with _private_state():
            _render_once(args, inputs, ambiguous_width)
        start = prepare_start(args, report=lambda _message: None)
        inputs = early_frame.StartInputs.gather(args.path, (size[0], size[1]))
        inputs.set_library(start.library, reopened(start))
        if early_frame.load_frame(inputs) is not None:
            return


@contextlib.contextmanager
def _private_state() -> Iterator[None]:
    """The render reads a copy of the state folder and writes only there: a start of the
    user's own meanwhile keeps the state it writes (the copy holds the same content, so the
    frame is the same)."""
    import shutil
    import tempfile

    from reader import locations

    real = locations.state_dir()
    saved = os.environ.get("READER_STATE_DIR")
    with tempfile.TemporaryDirectory(prefix="reader-next-frame-") as temporary:
        copy = os.path.join(temporary, "state")
        if real.is_dir():
            shutil.copytree(real, copy, symlinks=True)
        os.environ["READER_STATE_DIR"] = copy
        try:
            yield
        finally:
            if saved is None:
                del os.environ["READER_STATE_DIR"]
            else:
                os.environ["READER_STATE_DIR"] = saved


def _render_once(args: TuiArgs, inputs: early_frame.StartInputs, ambiguous_width: int | None) -> None:
    from reader.cli.tui import prepare_start

    start = prepare_start(args, report=lambda _message: None)
    if not start.config.early_frame:
        return
    recorder = early_frame.FrameRecorder(inputs)
    app = start.app(ambiguous_width=ambiguous_width, early_frame=recorder)
    tasks: list[asyncio.Task[None]] = []

    async def settle_and_exit() -> None:
        # What the start set going (the index's refresh, the person index) finishes first, so
        # the next render finds the inputs this one leaves; the alarm bounds the wait.
        await app.ready.wait(layout=False, people=True)
        app.exit()

    recorder.after.append(lambda: tasks.append(asyncio.get_running_loop().create_task(settle_and_exit())))
    columns, lines = inputs.context["size"]
    app.run(headless=True, size=(columns, lines))
