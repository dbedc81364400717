"""Ask the terminal how wide it draws ambiguous characters, before the app takes it over.

`ambiguous_width: auto` (the default) means: print one ambiguous character (`“`) at
the start of the line, ask where the cursor is (the DEC cursor position report,
``ESC [ 6 n``, answered ``ESC [ row ; column R`` by xterm, VTE, iTerm2, kitty, Windows
Terminal, tmux and screen), and see how far it moved. The probe is wiped at once.

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

import os
import re
import sys

__all__ = ["TIMEOUT", "detect_ambiguous_width"]

TIMEOUT = 0.25
"""Seconds to wait for the terminal's answer."""
_PROBE = "“"
_REPORT = re.compile(rb"\x1b\[(\d+);(\d+)R")


def detect_ambiguous_width(timeout: float = TIMEOUT) -> int | None:
    """1 or 2: the cells the terminal gave an ambiguous character; None when it cannot tell."""
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
    try:
        tty.setcbreak(fd_in, termios.TCSANOW)
        sys.stdout.flush()
        os.write(fd_out, ("\r" + _PROBE + "\x1b[6n").encode())
        answer = _read_report(fd_in, timeout)
    except (OSError, termios.error):
        answer = None
    finally:
        try:
            os.write(fd_out, b"\r\x1b[K")  # wipe the probe
            termios.tcsetattr(fd_in, termios.TCSADRAIN, saved)
        except (OSError, termios.error):
            pass
    if answer is None:
        return None
    width = answer - 1  # the probe was printed in column 1
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
