"""Leave when the terminal goes away, instead of spinning on a dead one.

When the terminal reader runs in is closed without a hang-up signal reaching reader —
`make run` in a tmux pane that is killed: make, the session leader, takes the SIGHUP and
stays — Textual 8's input thread reads end-of-file from the dead terminal in a loop (one
core at 100 %), its writer thread dies, and the app's loop blocks on a full write queue:
the process never ends. A daemon thread here polls the terminal for a hang-up (POLLHUP,
POLLERR, POLLNVAL; nothing is read, so no keystroke is taken from the app), asks the app
to exit through its event loop, and ends the process if the loop does not answer. State
is written atomically as it changes, so nothing but the last few seconds of a reading
position can be lost, and no one is left to see it.
"""

from __future__ import annotations

import contextlib
import os
import select
import threading
import time
from collections.abc import Callable

HANGUP = select.POLLHUP | select.POLLERR | select.POLLNVAL
POLL_MS = 1000
"""How often the terminal is looked at: a poll of one file descriptor costs microseconds."""
GRACE_SECONDS = 3.0
"""How long the app has to exit by itself before the process is ended."""
HUNG_UP_STATUS = 129
"""128 + SIGHUP, as a shell reports a process the hang-up ended."""


def terminal_hung_up(fd: int, timeout_ms: int = 0) -> bool:
    """Whether the terminal at `fd` has hung up (polled with no events asked: only a
    hang-up or an error is reported, and nothing is read)."""
    poller = select.poll()
    poller.register(fd, 0)
    return any(mask & HANGUP for _fd, mask in poller.poll(timeout_ms))


def ask_to_exit(
    call_from_thread: Callable[[Callable[[], object]], object], exit_app: Callable[[], object]
) -> None:
    """Ask the app to exit (`app.call_from_thread(app.exit)`) from a thread of its own: the
    call waits for the app's loop, which may be stuck, and the watcher must not wait with it."""

    def ask() -> None:
        with contextlib.suppress(RuntimeError):  # the app is not running any more
            call_from_thread(exit_app)

    threading.Thread(target=ask, name="reader-hangup-exit", daemon=True).start()


def watch_for_hangup(
    fd: int,
    on_hangup: Callable[[], None],
    *,
    end_process: Callable[[int], None] = os._exit,
    grace: float = GRACE_SECONDS,
) -> threading.Thread | None:
    """Start a daemon thread that calls `on_hangup` once `fd`'s terminal hangs up, then
    `end_process(129)` after `grace` seconds if the process is still running. None (and no
    thread) when `fd` is no terminal."""
    if not os.isatty(fd):
        return None

    def watch() -> None:
        while not terminal_hung_up(fd, POLL_MS):
            pass
        on_hangup()
        time.sleep(grace)
        end_process(HUNG_UP_STATUS)

    thread = threading.Thread(target=watch, name="reader-hangup", daemon=True)
    thread.start()
    return thread
