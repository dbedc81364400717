"""reader leaves when its terminal goes away (a pty whose other side is closed)."""

from __future__ import annotations

import os
import threading

from reader.cli.hangup import HUNG_UP_STATUS, ask_to_exit, terminal_hung_up, watch_for_hangup

WAIT = 60.0
"""A guard against a hang, never a measure: the events below come within a second."""


def test_a_live_terminal_has_not_hung_up_and_a_closed_one_has() -> None:
    master, slave = os.openpty()
    try:
        assert not terminal_hung_up(slave)
        os.write(master, b"j")  # a keystroke waiting is no hang-up, and is not read
        assert not terminal_hung_up(slave)
        os.close(master)
        assert terminal_hung_up(slave, timeout_ms=5000)
    finally:
        os.close(slave)


def test_the_watcher_asks_the_app_to_exit_then_ends_the_process() -> None:
    master, slave = os.openpty()
    asked, ended = threading.Event(), threading.Event()
    status: list[int] = []

    def end(code: int) -> None:
        status.append(code)
        ended.set()

    thread = watch_for_hangup(slave, asked.set, end_process=end, grace=0.0)
    assert thread is not None and thread.daemon
    assert not asked.wait(0.2)  # nothing while the terminal lives
    os.close(master)
    assert asked.wait(WAIT) and ended.wait(WAIT)
    assert status == [HUNG_UP_STATUS]
    os.close(slave)


def test_no_watcher_without_a_terminal() -> None:
    read, write = os.pipe()
    try:
        assert watch_for_hangup(read, lambda: None) is None
    finally:
        os.close(read)
        os.close(write)


def test_asking_an_app_that_is_gone_is_no_error() -> None:
    done = threading.Event()

    def gone(callback: object) -> object:
        done.set()
        raise RuntimeError("The app is not running")

    ask_to_exit(gone, lambda: None)
    assert done.wait(WAIT)
