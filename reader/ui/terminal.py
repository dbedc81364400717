"""Ask the terminal how wide it draws ambiguous characters, before the app takes it over.

`ambiguous_width: auto` (the default) means: print one ambiguous character (`“`) at
the start of the line, ask where the cursor is (the DEC cursor position report,
``ESC [ 6 n``, answered ``ESC [ row ; column R`` by xterm, VTE, iTerm2, kitty, Windows
Terminal, tmux and screen), and see how far it moved. The probe is wiped at once. The
CLI asks before it imports Textual and reads the answer after (`AmbiguousWidthProbe`).

It is done only when it is safe: stdin and stdout are both the terminal, TERM is not
`dumb`, and the terminal answers within `TIMEOUT`. The terminal is put in cbreak mode
for the question (so the answer is neither echoed nor waits for Enter) and restored
whatever happens; if anything fails, or nothing answers, the width is unknown and
reader uses 1, as Rich does. A terminal that answers late would deliver the report
to the app as keystrokes, so the wait is generous for a local terminal (a round trip
is well under a millisecond, a few over ssh) and short for a person.

Textual-free (it runs before Textual is imported), but it is the UI's business: the
core only takes the width as a setting (`reader.layout.cells`).
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Any

__all__ = ["TIMEOUT", "AmbiguousWidthProbe", "detect_ambiguous_width"]

TIMEOUT = 0.25
"""Seconds to wait for the terminal's answer."""
_PROBE = "“"
_REPORT = re.compile(rb"\x1b\[(\d+);(\d+)R")


def detect_ambiguous_width(timeout: float = TIMEOUT) -> int | None:
    """1 or 2: the cells the terminal gave an ambiguous character; None when it cannot tell."""
    probe = AmbiguousWidthProbe.start()
    return probe.answer(timeout) if probe is not None else None


class AmbiguousWidthProbe:
    """The question asked now, the answer read later: the terminal answers while reader
    imports Textual (a round trip, a few milliseconds under tmux or ssh, that the start no
    longer waits for). Between `start` and `answer` the terminal stays in cbreak mode, so
    the answer is neither echoed nor held for Enter; `answer` restores it, and must be
    called (in a `finally`) before anything else reads the terminal."""

    def __init__(self, fd_in: int, saved: list[Any]) -> None:
        self._fd_in = fd_in
        self._saved = saved
        self._done = False

    @classmethod
    def start(cls) -> AmbiguousWidthProbe | None:
        """Ask (None, and nothing asked, where it is not safe: see the module docstring)."""
        if os.environ.get("TERM", "dumb") == "dumb":
            return None
        try:
            if not (sys.stdin.isatty() and sys.stdout.isatty()):
                return None
            if (sys.stdout.encoding or "").lower().replace("-", "") != "utf8":
                return None
            import termios
            import tty
        except (ImportError, AttributeError, ValueError, OSError):
            return None  # no termios (Windows), or stdin/stdout closed or replaced
        try:
            fd_in, fd_out = sys.stdin.fileno(), sys.stdout.fileno()
            saved = termios.tcgetattr(fd_in)
        except (OSError, ValueError, termios.error):
            return None
        probe = cls(fd_in, saved)
        try:
            tty.setcbreak(fd_in, termios.TCSANOW)
            sys.stdout.flush()
            # The probe, the question, and the probe wiped, in one write: the terminal
            # reports the cursor where the probe left it, and nothing stays on screen.
            os.write(fd_out, ("\r" + _PROBE + "\x1b[6n\r\x1b[K").encode())
        except (OSError, termios.error):
            probe.answer(0)
            return None
        return probe

    def answer(self, timeout: float = TIMEOUT) -> int | None:
        """The width the terminal reported (waiting at most `timeout` s more for it), or None;
        the terminal's mode is restored whatever happens."""
        if self._done:
            return None
        self._done = True
        import termios

        try:
            column = _read_report(self._fd_in, timeout)
        except OSError:
            column = None
        finally:
            with contextlib.suppress(OSError, termios.error):
                termios.tcsetattr(self._fd_in, termios.TCSADRAIN, self._saved)
        if column is None:
            return None
        width = column - 1  # the probe was printed in column 1
        return width if width in (1, 2) else None


def _read_report(fd: int, timeout: float) -> int | None:
    """The column of the cursor position report read from `fd`, or None if none came in time."""
    import select
    import time

    deadline = time.monotonic() + timeout
    data = b""
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            break
        chunk = os.read(fd, 64)
        if not chunk:
            break
        data += chunk
        if (match := _REPORT.search(data)) is not None:
            return int(match.group(2))
    return None
