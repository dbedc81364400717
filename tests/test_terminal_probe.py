"""The ambiguous-width probe: asked before Textual is imported, answered after, nothing left behind."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time

import pytest

CHILD = """
import sys, termios, time
from reader.ui.terminal import AmbiguousWidthProbe
before = termios.tcgetattr(0)
probe = AmbiguousWidthProbe.start()
time.sleep(0.2)  # the imports the answer waits behind
width = probe.answer() if probe else None
print("width", width, "restored", termios.tcgetattr(0) == before, flush=True)
"""


def _read_until(fd: int, wanted: bytes, limit: float = 10.0) -> bytes:
    data = b""
    end = time.monotonic() + limit
    while wanted not in data and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                data += os.read(fd, 1024)
            except OSError:
                break
    return data


@pytest.mark.skipif(sys.platform == "win32", reason="a pty")
@pytest.mark.parametrize(("column", "width"), [(2, 1), (3, 2)])
def test_the_answer_is_read_after_the_question_and_the_mode_restored(column: int, width: int) -> None:
    main, child_end = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD], stdin=child_end, stdout=child_end, stderr=child_end, env=env
    )
    os.close(child_end)
    try:
        asked = _read_until(main, b"\x1b[K")
        # The probe, the question and the wipe arrive in one write: nothing stays on screen.
        assert "\r“\x1b[6n\r\x1b[K".encode() in asked
        os.write(main, f"\x1b[5;{column}R".encode())
        out = _read_until(main, b"restored")
        out += _read_until(main, b"\n", limit=2)
        assert f"width {width} restored True".encode() in out
    finally:
        child.wait(timeout=10)
        os.close(main)
