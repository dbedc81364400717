"""The palette's "Add to the inbox": the page is fetched once, kept in the inbox and opened."""

from __future__ import annotations

from pathlib import Path

from reader import locations
from reader.ui.app import ReaderApp
from reader.ui.screens.reader import ReaderScreen
from tests.pilot import messages, settle
from tests.test_add import server  # noqa: F401  (the fixture serving pages on 127.0.0.1)

ARTICLES = Path(__file__).resolve().parents[1] / "articles"


async def test_an_added_page_opens_from_the_inbox(server: str, reader_dirs: dict[str, Path]) -> None:  # noqa: F811
    app = ReaderApp(library=ARTICLES)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        app.ready.officials.clear()
        screen.add_page(f"{server}/single_file.html")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert app.article is not None and app.article.path.parent == locations.inbox_dir()
        assert any(m.startswith("Added to the inbox: ") for m in messages(app))
        assert not list(ARTICLES.glob("*.md"))  # nothing written beside the user's articles


async def test_a_page_that_cannot_be_fetched_is_one_notice(server: str, reader_dirs: dict[str, Path]) -> None:  # noqa: F811
    app = ReaderApp(library=ARTICLES)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        shown = app.article
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        screen.add_page(f"{server}/no-such-page.html")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.article is shown
        said = [m for m in messages(app) if not m.startswith("Fetching ")]
        assert len(said) == 1 and "404 Not Found" in said[0] and "\n" not in said[0], messages(app)
