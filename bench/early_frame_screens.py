"""Does the early frame hand over to Textual's first frame without a blank or foreign screen?

    .venv/bin/python bench/early_frame_screens.py                 # the bundled article, 5 runs
    .venv/bin/python bench/early_frame_screens.py --runs 9 --path ~/news
    .venv/bin/python bench/early_frame_screens.py --reader "env PYTHONPATH=OLD .venv/bin/reader"

In tmux (120x40, private config, state and cache folders in --work), reader is started
repeatedly and its pane captured (`capture-pane -p -e`: text and colours) as fast as tmux
answers, for --seconds after the start. First, with `early_frame: false` in the config,
Textual's own first screen is captured (the first complete screen it shows, the same in
every run); then a session that quits normally records the early frame for the next start
(and its child renders the one after). Then each run with the early frame on is checked:

- the first screen that is not blank must be Textual's first screen, exactly (text and
  colours): the early frame is indistinguishable from it;
- no capture after it may be blank (no flicker), and every screen until the first that
  Textual's later updates change (officials found, the scrollbar) is that same screen;
- printed: when the first screen appeared, with and without the early frame (medians).

Prints one line per run and `ok` / `FAIL`; it asserts nothing else (timing is printed only).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "articles" / "2015-06-19-jiayuguan-defence-mobilisation.txt"


class Panes:
    def __init__(self, work: Path, reader: str) -> None:
        self.work = work
        self.reader = reader
        self.env = {
            "READER_CONFIG_DIR": str(work / "config"),
            "READER_STATE_DIR": str(work / "state"),
            "READER_CACHE_DIR": str(work / "cache"),
        }

    def start(self, name: str, args: str) -> None:
        forward = [a for k, v in self.env.items() for a in ("-e", f"{k}={v}")]
        command = f"{self.reader} {args}; sleep 60"
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", *forward, command],
            check=True,
        )

    def capture(self, name: str) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-e", "-t", name], capture_output=True, text=True
        ).stdout

    def kill(self, name: str) -> None:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)

    def screens(self, args: str, seconds: float) -> list[tuple[float, str]]:
        """Every distinct capture of a start, with its time since the start."""
        name = f"efs{os.getpid()}"
        started = time.perf_counter()
        self.start(name, args)
        shots: list[tuple[float, str]] = []
        try:
            while (now := time.perf_counter() - started) < seconds:
                screen = self.capture(name)
                if not shots or shots[-1][1] != screen:
                    shots.append((now, screen))
        finally:
            self.kill(name)
        return shots

    def quit_normally(self, args: str, marker: str) -> None:
        """A session that opens, waits for its first screen and quits with `q`."""
        name = f"efq{os.getpid()}"
        self.start(name, args)
        try:
            end = time.monotonic() + 30
            while marker not in self.capture(name) and time.monotonic() < end:
                time.sleep(0.05)
            time.sleep(2)
            subprocess.run(["tmux", "send-keys", "-t", name, "q"])
            time.sleep(1)
        finally:
            self.kill(name)


def blank(screen: str) -> bool:
    return not any(line.strip() for line in screen.splitlines())


def complete(screen: str) -> bool:
    """All 40 rows drawn (a capture taken in the middle of a write has fewer)."""
    return sum(1 for line in screen.splitlines() if line.strip()) >= 40


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--path", default=str(BUNDLED), help="what reader opens (default: the bundled article)"
    )
    parser.add_argument("--marker", default="全市国防动员委员会", help="text of the first screen")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "reader-early-frame-screens"
    )
    parser.add_argument("--reader", default=str(REPO / ".venv" / "bin" / "reader"))
    args = parser.parse_args()
    subprocess.run(["rm", "-rf", str(args.work)], check=True)
    (args.work / "config").mkdir(parents=True)
    panes = Panes(args.work, args.reader)
    config = args.work / "config" / "config.yaml"

    config.write_text("early_frame: false\n")
    textual_first: list[str] = []
    plain_times: list[float] = []
    for _run in range(args.runs):
        shots = panes.screens(args.path, args.seconds)
        first = next(((t, s) for t, s in shots if complete(s)), None)
        if first is not None:
            textual_first.append(first[1])
            plain_times.append(first[0])
    if not textual_first:
        print("FAIL: Textual never showed a complete screen")
        return 1
    reference = max(set(textual_first), key=textual_first.count)
    print(
        f"Textual's first screen: the same in {textual_first.count(reference)} of {len(textual_first)} runs;"
        f" first complete screen after {statistics.median(plain_times):.3f} s (median)"
    )

    config.unlink()
    for _session in range(2):  # the first records a frame, the second one for an index now built
        panes.quit_normally(args.path, args.marker)
        time.sleep(3)  # the child that renders the next start's frame
    failures = 0
    early_times: list[float] = []
    for run in range(args.runs):
        shots = panes.screens(args.path, args.seconds)
        shown = [(t, s) for t, s in shots if not blank(s)]
        if not shown:
            print(f"run {run + 1}: FAIL nothing shown")
            failures += 1
            continue
        start = next(i for i, (_t, s) in enumerate(shots) if not blank(s))
        after = shots[start:]
        problems = []
        painting = 0
        while painting < len(after) - 1 and not complete(after[painting][1]):
            painting += 1  # a frame being painted, row by row (as Textual's own is)
        if after[painting][1] != reference:
            rows = [
                i
                for i, (a, b) in enumerate(
                    zip(after[painting][1].splitlines(), reference.splitlines(), strict=False)
                )
                if a != b
            ]
            problems.append(
                f"the first complete screen is not Textual's first screen (rows {rows[:8]} differ)"
            )
        if any(blank(s) for _t, s in after):
            problems.append("a blank screen after the first")
        changed = next((t for t, s in after[painting:] if s != reference), None)
        early_times.append(after[0][0])
        verdict = "ok" if not problems else "FAIL " + "; ".join(problems)
        failures += bool(problems)
        print(
            f"run {run + 1}: first screen at {after[0][0]:.3f} s ({painting} captures while painting),"
            f" unchanged until {changed if changed is None else round(changed, 3)} s,"
            f" {len(after)} distinct screens: {verdict}"
        )
    if early_times:
        print(
            f"first screen: {statistics.median(early_times):.3f} s with the early frame,"
            f" {statistics.median(plain_times):.3f} s without (medians)"
        )
    print("ok" if failures == 0 else f"FAIL ({failures} runs)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
