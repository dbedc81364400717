"""Regenerate the README's pictures of reader: docs/screenshot.svg (ink, the dark default)
and docs/screenshot-paper.svg (paper, the light theme).

    .venv/bin/python docs/make_screenshot.py

It drives the real app on the bundled article at 120×40 and selects an official, so
each picture shows the list, the text with highlighted mentions and the sidebar with
pinyin; the paper one also has the English glosses of the posts turned on (`e`).
State and config folders point at a throwaway folder, so your own settings never
colour the pictures and nothing is remembered.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHOTS = {"ink": ("screenshot.svg", ()), "paper": ("screenshot-paper.svg", ("e",))}
"""theme -> (file name, extra keys pressed before the picture)."""


async def shoot(theme: str, filename: str, keys: tuple[str, ...]) -> Path:
    from reader import locations
    from reader.theme_files import discover_themes
    from reader.ui.app import ReaderApp

    library = locations.bundled_articles_dir()
    article = next(library.glob("*.txt"))
    themes, _ = discover_themes()
    app = ReaderApp(library=library, open_file=article, theme_specs=themes, theme_name=theme)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.ready.wait()  # the library, the officials, their pinyin: all from workers
        await pilot.pause()
        await pilot.press(*keys, "tab", "enter", "n")  # 郑亚军, second mention
        await pilot.pause()
        app.save_screenshot(filename=filename, path=str(HERE))
    return HERE / filename


async def main() -> None:
    with tempfile.TemporaryDirectory(prefix="reader-screenshot-") as sandbox:
        for name in ("CONFIG", "STATE", "CACHE"):
            os.environ[f"READER_{name}_DIR"] = str(Path(sandbox) / name.lower())
        os.environ.pop("READER_CONFIG", None)
        for theme, (filename, keys) in SHOTS.items():
            print(await shoot(theme, filename, keys))


if __name__ == "__main__":
    asyncio.run(main())
