"""issue 14, defect 4: every theme the app offers is a reader theme, so a theme chosen
anywhere (the palette, `t`) is one that `--theme`, config.yaml and ui.json accept."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.command import CommandPalette

from reader.preferences import load_preferences
from reader.theme_files import discover_themes

from .conftest import start_tui
from .pilot import settle
from .test_commands import palette_hits
from .test_ui_home import SIZE, make_app

PREFIX = "Switch theme: "


async def offered_themes(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    """The theme names the command palette offers when asked for themes (then closed)."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert CommandPalette.is_open(pilot.app)
    hits = await palette_hits(pilot, "switch theme")
    await pilot.press("escape")
    await pilot.pause()
    return [hit.removeprefix(PREFIX) for hit in hits if hit.startswith(PREFIX)]


async def test_the_palette_offers_only_reader_themes(reader_dirs: dict[str, Path]) -> None:
    themes, _ = discover_themes()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offered = await offered_themes(pilot)
        assert offered and set(offered) == set(themes)  # no dracula, no textual-dark
        assert set(app.available_themes) == set(themes)  # Textual's own "Theme" command too
        for name in offered:  # each carries reader's colour variables
            assert {"reader-cursor", "reader-mention"} <= set(app.available_themes[name].variables)


async def test_a_theme_chosen_in_the_palette_comes_back_after_a_restart(
    reader_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(theme="ink")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offered = await offered_themes(pilot)
        chosen = next(name for name in offered if name != "ink")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_hits(pilot, f"switch theme {chosen}")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == chosen
    assert load_preferences()[0].theme == chosen
    code, started = start_tui([], monkeypatch)  # the next start, with nothing said
    assert code == 0 and started["theme_name"] == chosen


async def test_theme_accepts_every_theme_the_palette_offered(
    reader_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offered = await offered_themes(pilot)
    for name in offered:
        code, started = start_tui(["--theme", name], monkeypatch)
        assert code == 0, capsys.readouterr().err
        assert started["theme_name"] == name
