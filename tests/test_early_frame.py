"""The early frame (reader.ui.early_frame, reader.cli.next_frame): recorded, keyed, checked, drawn."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from reader import locations
from reader.cli import next_frame
from reader.ui import early_frame
from reader.ui.early_frame import FrameRecorder, StartInputs, check_frame, load_frame
from tests.conftest import BUNDLED_ARTICLE, start_tui
from tests.pilot import settle

FRAME = "\x1b[1;1H\x1b[1m\x1b[38;2;10;20;30m嘉峪关\x1b[0m text\n\x1b[2;1H\x1b[48;5;233m  second row\x1b[0m"
SIZE = (120, 40)


def gathered(path_arg: str | None, library: Path, around: Path | None) -> StartInputs:
    """The inputs as the CLI gathers them."""
    inputs = StartInputs.gather(path_arg, SIZE)
    inputs.set_library(library, around)
    return inputs


def recorded(path_arg: str | None = str(BUNDLED_ARTICLE), frame: str = FRAME) -> StartInputs:
    inputs = gathered(path_arg, BUNDLED_ARTICLE.parent, BUNDLED_ARTICLE)
    assert FrameRecorder(inputs).record(frame, BUNDLED_ARTICLE.parent, BUNDLED_ARTICLE)
    return inputs


def test_a_recorded_frame_round_trips() -> None:
    recorded()
    assert load_frame(StartInputs.gather(str(BUNDLED_ARTICLE), SIZE)) == FRAME


@pytest.mark.parametrize("change", ["size", "path", "config", "state", "theme", "env", "module"])
def test_any_input_changed_means_no_frame(change: str, monkeypatch: pytest.MonkeyPatch) -> None:
    recorded()
    path_arg, size = str(BUNDLED_ARTICLE), SIZE
    if change == "size":
        size = (100, 40)
    elif change == "path":
        path_arg = str(BUNDLED_ARTICLE.parent)
    elif change == "config":
        locations.config_file().parent.mkdir(parents=True, exist_ok=True)
        locations.config_file().write_text("measure: 60\n")
    elif change == "state":
        locations.state_dir().mkdir(parents=True, exist_ok=True)
        (locations.state_dir() / "ui.json").write_text('{"theme": "paper"}')
    elif change == "theme":
        locations.user_themes_dir().mkdir(parents=True, exist_ok=True)
        (locations.user_themes_dir() / "mine.yaml").write_text("name: mine\n")
    elif change == "env":
        other = "truecolor" if os.environ.get("COLORTERM") != "truecolor" else "24bit"
        monkeypatch.setenv("COLORTERM", other)
    elif change == "module":
        record = json.loads(StartInputs.gather(path_arg, size).record_path().read_text())
        module = next(path for path, _kind, _sig in record["files"] if path.endswith("early_frame.py"))
        stat = os.stat(module)
        os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1))
        try:
            assert load_frame(StartInputs.gather(path_arg, size)) is None
        finally:
            os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        assert load_frame(StartInputs.gather(path_arg, size)) == FRAME
        return
    assert load_frame(StartInputs.gather(path_arg, size)) is None


def test_a_changed_article_means_no_frame(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("标题\n\n正文。\n", encoding="utf-8")
    inputs = gathered(str(article), tmp_path, article)
    assert FrameRecorder(inputs).record(FRAME, tmp_path, article)
    assert load_frame(StartInputs.gather(str(article), SIZE)) == FRAME
    article.write_text("标题\n\n另一段正文。\n", encoding="utf-8")
    assert load_frame(StartInputs.gather(str(article), SIZE)) is None


@pytest.mark.parametrize(
    "bad",
    [
        "\x1b]52;c;aGVsbG8=\x07",  # OSC 52: the clipboard
        "\x1b]8;;http://x\x1b\\link",  # OSC 8
        "\x1b[2J",  # erase
        "\x1b[?1049l",  # leave the alternate screen
        "\x1bP+q\x1b\\",  # DCS
        "\x1b\x1b[0m[6n",  # an ESC left over once the allowed ones are out
        "\x07",
        "\r",
        "\x9b6n",  # C1 CSI
        "\u202e",  # bidi override
    ],
)
def test_a_frame_with_a_disallowed_escape_is_refused(bad: str) -> None:
    frame = FRAME + bad
    assert not check_frame(frame)
    inputs = gathered(str(BUNDLED_ARTICLE), BUNDLED_ARTICLE.parent, BUNDLED_ARTICLE)
    assert not FrameRecorder(inputs).record(frame, BUNDLED_ARTICLE.parent, BUNDLED_ARTICLE)
    # A record written by someone else is checked when read, too.
    recorded()
    path = inputs.record_path()
    record = json.loads(path.read_text())
    record["frame"] = frame
    path.write_text(json.dumps(record))
    assert load_frame(StartInputs.gather(str(BUNDLED_ARTICLE), SIZE)) is None
    assert early_frame.show(frame, None) is None


def test_show_writes_the_alternate_screen_and_the_frame() -> None:
    read_end, write_end = os.pipe()
    try:
        shown = early_frame.show(FRAME, None, fd_in=read_end, fd_out=write_end)
        assert shown is not None
        written = os.read(read_end, 1 << 16).decode()
    finally:
        os.close(read_end)
        os.close(write_end)
    assert written.startswith("\x1b[?1049h")
    assert FRAME in written


def test_a_damaged_record_is_no_frame() -> None:
    inputs = recorded()
    inputs.record_path().write_bytes(b"\xff not json")
    assert load_frame(StartInputs.gather(str(BUNDLED_ARTICLE), SIZE)) is None


async def test_the_app_records_its_first_frame() -> None:
    """The frame the app records is the next start's, and a safe one."""
    from reader.ui.app import ReaderApp

    inputs = gathered(str(BUNDLED_ARTICLE), BUNDLED_ARTICLE.parent, BUNDLED_ARTICLE)
    recorder = FrameRecorder(inputs)
    done = asyncio.Event()
    recorder.after.append(done.set)
    app = ReaderApp(library=BUNDLED_ARTICLE.parent, open_file=BUNDLED_ARTICLE, early_frame=recorder)
    async with app.run_test(size=SIZE) as pilot:
        await asyncio.wait_for(done.wait(), 120)
        await settle(pilot)  # the library's refresh, begun after the first frame, ends before the app
    assert recorder.recorded
    # Keyed by the inputs of its start (this start made the state and the index since).
    frame = json.loads(inputs.record_path().read_text())["frame"]
    assert check_frame(frame)
    assert "全市国防动员委员会" in frame
    assert frame.count("\x1b[") > SIZE[1]  # every row positioned


def _drawn_by_start(monkeypatch: pytest.MonkeyPatch, config: str | None) -> list[str]:
    """The frames `reader FILE` draws, with a terminal faked and a frame recorded (before
    `config` is written, as a start with the setting on records it)."""
    recorded()
    if config is not None:
        locations.config_file().parent.mkdir(parents=True, exist_ok=True)
        locations.config_file().write_text(config)
    drawn: list[str] = []
    monkeypatch.setattr(early_frame, "usable_terminal", lambda: True)
    monkeypatch.setattr(early_frame, "terminal_size", lambda fd=1: SIZE)
    monkeypatch.setattr(early_frame, "show", lambda frame, saved, *a: drawn.append(frame))
    monkeypatch.setattr(early_frame, "terminal_attrs", lambda fd=0: None)
    monkeypatch.setattr(next_frame, "render_next_start", lambda args, width: None)
    import reader.ui.app

    class FakeApp:
        first_frame_drawn = True

        def __init__(self, **kwargs: object) -> None:
            recorders.append(kwargs["early_frame"])

        def run(self) -> None:
            pass

    recorders: list[object] = []
    monkeypatch.setattr(reader.ui.app, "ReaderApp", FakeApp)
    from reader.cli import main

    assert main([str(BUNDLED_ARTICLE)]) == 0
    if config is not None and "false" in config:
        assert recorders == [None]  # nor is a frame recorded
    return drawn


def test_a_matching_frame_is_drawn_at_start(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _drawn_by_start(monkeypatch, None) == [FRAME]


def test_config_off_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    # The record is made under this config, so only the setting can stop it.
    assert _drawn_by_start(monkeypatch, "early_frame: false\n") == []


def test_no_terminal_draws_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    recorded()
    code, started = start_tui([str(BUNDLED_ARTICLE)], monkeypatch)
    assert code == 0
    assert started["early_frame"] is None  # stdin is no terminal under pytest: nothing recorded either


def test_the_fork_path_runs_the_renderer_in_a_child(tmp_path: Path) -> None:
    out = tmp_path / "rendered"
    inputs = StartInputs.gather(str(BUNDLED_ARTICLE), SIZE)

    def fake_render(given: StartInputs) -> None:
        out.write_text(f"{given.context['size']} {os.getpid()}")

    pid = next_frame.fork_renderer(inputs, fake_render)
    assert pid is not None and pid != os.getpid()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    size, child = out.read_text().split(" ", 1)[0], int(out.read_text().rsplit(" ", 1)[1])
    assert size == "[120," and child == pid


def test_a_failing_renderer_ends_the_child(tmp_path: Path) -> None:
    def broken(_inputs: StartInputs) -> None:
        raise RuntimeError("boom")

    pid = next_frame.fork_renderer(StartInputs.gather(None, SIZE), broken)
    assert pid is not None
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 1


def test_quitting_forks_only_when_the_next_frame_is_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.cli.tui import TuiArgs

    forks: list[StartInputs] = []
    monkeypatch.setattr(early_frame, "usable_terminal", lambda: True)
    monkeypatch.setattr(early_frame, "terminal_size", lambda fd=1: SIZE)
    monkeypatch.setattr(next_frame, "fork_renderer", lambda inputs, render: forks.append(inputs) or 1)
    args = TuiArgs(path=str(BUNDLED_ARTICLE))
    assert next_frame.render_next_start(args, None) == 1  # no frame yet
    recorded()
    forks.clear()
    assert next_frame.render_next_start(args, None) is None
    assert forks == []


def test_the_headless_renderer_records_the_next_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the child runs, here in-process: the next start's frame, then the app ends."""
    from reader.cli.tui import TuiArgs

    def gather() -> StartInputs:
        return gathered(str(BUNDLED_ARTICLE), BUNDLED_ARTICLE.parent, BUNDLED_ARTICLE)

    state = locations.state_dir()
    next_frame.render_headless(TuiArgs(path=str(BUNDLED_ARTICLE)), gather(), None)
    frame = load_frame(gather())
    assert frame is not None and "全市国防动员委员会" in frame
    assert locations.state_dir() == state
    assert not state.exists()  # it read and wrote a copy: a session of the user's keeps its own


def test_the_index_is_keyed_by_the_rows_it_shows_not_by_its_file(tmp_path: Path) -> None:
    from reader.cli import main
    from reader.library.head import index_path

    library = tmp_path / "lib"
    library.mkdir()
    for day in (1, 2):
        (library / f"{day}.txt").write_text(f"第{day}篇\n\n2026-01-0{day}\n\n正文。\n", encoding="utf-8")
    assert main(["index", str(library)]) == 0
    inputs = gathered(str(library), library, None)
    assert inputs.head is not None and inputs.head[2][0] == "h"
    assert FrameRecorder(inputs).record(FRAME, library, None)
    # A write that changes nothing it shows (the index's file touched) keeps the frame.
    index = index_path(library)
    os.utime(index, ns=(os.stat(index).st_atime_ns, os.stat(index).st_mtime_ns + 10**9))
    assert load_frame(StartInputs.gather(str(library), SIZE)) == FRAME
    (library / "3.txt").write_text("第三篇\n\n2026-01-03\n\n正文。\n", encoding="utf-8")
    assert main(["index", str(library)]) == 0
    assert load_frame(StartInputs.gather(str(library), SIZE)) is None
