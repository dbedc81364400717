"""Regenerate docs/screenshot.svg, the README's picture of reader.

    .venv/bin/python docs/make_screenshot.py

It drives the real app on the bundled article at 120×40 and selects an official,
so the picture shows the list, the text with highlighted mentions and the sidebar.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader import locations
from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp

HERE = Path(__file__).resolve().parent


async def main() -> None:
    library = locations.bundled_articles_dir()
    article = next(library.glob("*.txt"))
    themes, _ = discover_themes()
    app = ReaderApp(library=library, open_file=article, theme_specs=themes, theme_name="ink")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("tab", "enter", "n")  # 郑亚军, second mention
        await pilot.pause()
        app.save_screenshot(filename="screenshot.svg", path=str(HERE))
    print(HERE / "screenshot.svg")


if __name__ == "__main__":
    asyncio.run(main())
