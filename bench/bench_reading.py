"""Reading-view responsiveness on a huge article.

    .venv/bin/python bench/bench_reading.py [PARAGRAPHS]

Builds an article of 20,000 paragraphs (repeated corpus text when ../shared is
here, else the bundled article), opens it in the real app headless at 120×40 and
prints the median time from a `j` keypress to the screen being updated (the
press, the app's handling and the next compositor refresh), plus `G`, a resize
and a search. Target from issue 4: `j` median under 16 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from textual import events
from textual._compositor import CompositorUpdate

from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.widgets.reading_view import ReadingView

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO.parent / "shared" / "corpus" / "xwlb-sample"


def source_paragraphs() -> list[str]:
    files = sorted(SAMPLE.glob("*.txt"))[:200] or sorted((REPO / "articles").glob("*.txt"))
    paragraphs: list[str] = []
    for path in files:
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        paragraphs.extend(line.strip() for line in lines if line.strip())
    return paragraphs


def build_article(folder: Path, count: int) -> Path:
    pool = source_paragraphs()
    body = [pool[i % len(pool)] for i in range(count)]
    path = folder / "huge.txt"
    path.write_text("超长文章\n" + "\n".join(body) + "\n", encoding="utf-8")
    return path


async def measure(path: Path) -> None:
    themes, _ = discover_themes()
    app = ReaderApp(library=path.parent, open_file=path, theme_specs=themes, theme_name="ink")
    start = time.perf_counter()
    async with app.run_test(size=(120, 40)) as pilot:
        reading = app.query_one(ReadingView)
        while reading.document is None:
            await pilot.pause(0.01)
        print(f"laid out and shown in {(time.perf_counter() - start) * 1000:.0f} ms (headless)")
        await app.ready.wait()  # the library, the officials, the whole layout
        times = await keypress_latencies(app, "j", 200)
        median, p95 = statistics.median(times), sorted(times)[int(len(times) * 0.95)]
        print(f"j → screen updated: median {median:.2f} ms, p95 {p95:.2f} ms (200 presses; target < 16)")
        for keys, label in ((("G",), "G (last paragraph)"), (("g",), "g (first paragraph)")):
            t0 = time.perf_counter()
            await pilot.press(*keys)
            await pilot.pause()
            print(f"{label}: {(time.perf_counter() - t0) * 1000:.2f} ms")
        t0 = time.perf_counter()
        await pilot.resize_terminal(100, 40)
        while reading.document is None or reading.document.width == 80:
            await pilot.pause(0.01)
        print(f"resize to 100 columns, re-laid out: {(time.perf_counter() - t0) * 1000:.0f} ms")
        t0 = time.perf_counter()
        await pilot.press("slash", *"发展", "enter")
        await pilot.pause()
        trail = app.reading.search_trail
        found = len(trail.targets) if trail else 0
        print(f"search 「发展」: {found} matches in {(time.perf_counter() - t0) * 1000:.0f} ms")


async def keypress_latencies(app: ReaderApp, key: str, count: int) -> list[float]:
    """Milliseconds from a key event entering the app to the screen update being rendered.

    The key goes in the way a terminal's does (through the driver); the clock stops
    when the compositor hands the app its update and the update is rendered to the
    escape sequences a terminal would receive (headless apps skip that write, so the
    bench renders it itself). Between presses the app is left idle.
    """
    shown: list[float] = []
    original = app._display

    def display(screen, renderable) -> None:  # type: ignore[no-untyped-def]
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)
            shown.append(time.perf_counter())
        original(screen, renderable)

    app._display = display  # type: ignore[method-assign]
    driver = app._driver
    assert driver is not None
    times: list[float] = []
    for _ in range(count):
        shown.clear()
        event = events.Key(key, key)
        event.set_sender(app)
        start = time.perf_counter()
        driver.send_message(event)
        while not shown:
            await asyncio.sleep(0.0002)
        times.append((shown[0] - start) * 1000)
        await asyncio.sleep(0.03)
    app._display = original  # type: ignore[method-assign]
    return times


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    with tempfile.TemporaryDirectory() as folder:
        path = build_article(Path(folder), count)
        size = path.stat().st_size
        print(f"article: {count} paragraphs, {size / 1e6:.1f} MB")
        asyncio.run(measure(path))


if __name__ == "__main__":
    main()
