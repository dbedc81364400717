"""Pilot tests for issue #7 in the real app: config, keymap, themes remembered, help per
pane, the command palette, pinyin and glosses in the sidebar, copy and export."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from types import MappingProxyType

import pytest
from rich.cells import cell_len
from rich.console import Console
from textual.command import CommandPalette
from textual.widgets import Static

from reader.citation import citation
from reader.config import Config
from reader.preferences import Preferences, load_preferences, preferences_path, save_preferences
from reader.theme_files import discover_themes
from reader.ui.app import ReaderApp
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.library_table import LibraryTable
from reader.ui.widgets.officials_panel import OfficialsPanel
from reader.ui.widgets.reading_view import ReadingView

from .conftest import BUNDLED_ARTICLE, REPO, start_tui
from .pilot import messages, settle
from .test_commands import palette_hits

SIZE = (120, 40)


def make_app(
    config: Config | None = None,
    notices: tuple[str, ...] = (),
    open_file: Path | None = BUNDLED_ARTICLE,
    library: Path = REPO / "articles",
    theme: str = "ink",
) -> ReaderApp:
    themes, _ = discover_themes()
    return ReaderApp(
        library=library,
        open_file=open_file,
        theme_specs=themes,
        theme_name=theme,
        config=config,
        notices=notices,
    )


def help_text(app: ReaderApp) -> str:
    """The help screen's table as the plain text a user reads."""
    console = Console(width=100, record=True, file=io.StringIO())
    console.print(app.screen.query_one("#help-keys", Static).content)
    return console.export_text()


def prompts(panel: OfficialsPanel) -> list[str]:
    return [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]


# -- config and keymap -------------------------------------------------------------------


async def test_the_config_sets_measure_and_pinyin_and_its_warnings_are_shown() -> None:
    config = Config(measure=60, pinyin=False)
    app = make_app(config, notices=("config.yaml: unknown key '[bold]x[/]' ignored",))
    async with app.run_test(size=(200, 40)) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        assert reading.max_measure == 60 and reading.document.width == 60
        panel = app.query_one(OfficialsPanel)
        assert not panel.show_pinyin
        assert not any("Liǔ Péng" in prompt for prompt in prompts(panel))
        # A warning is text, never markup: the brackets are shown as written.
        assert "config.yaml: unknown key '[bold]x[/]' ignored" in messages(app)


async def test_a_remapped_key_moves_the_binding_and_the_help_follows() -> None:
    keymap = MappingProxyType({"reader.next_paragraph": "ctrl+n", "app.copy_citation": "c", "nope.x": "z"})
    app = make_app(Config(keymap=keymap))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reading = app.query_one(ReadingView)
        await pilot.press("j")
        assert reading.cursor == 0  # j no longer moves: the keymap replaced it
        await pilot.press("ctrl+n")
        assert reading.cursor == 1
        await pilot.press("c")
        assert app.clipboard == citation(app.article, 1, relative_to=app.library)
        assert any("unknown binding id 'nope.x'" in message for message in messages(app))
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = help_text(app)
        assert "ctrl+n" in text and "next paragraph" in text


async def test_the_readme_keymap_example_works(reader_dirs: dict[str, Path], tmp_path: Path) -> None:
    from reader.config import parse_config
    from reader.ui.keymap import build_keymap

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### Remapping keys") :]
    block = section[section.index("```yaml\n") + 8 : section.index("```\n", section.index("```yaml"))]
    config, warnings = parse_config(block, tmp_path / "config.yaml")
    assert warnings == [] and build_keymap(config.keymap)[1] == []
    app = make_app(config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+u")
        assert app.query_one(ReadingView).cursor == 1
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not app.query_one(OfficialsPanel).display
        await pilot.press("f2")
        await pilot.pause()
        assert app.theme == "paper"


# -- help --------------------------------------------------------------------------------


async def test_help_shows_the_keys_of_the_focused_pane_and_the_global_ones() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.scope == "reader"
        text = help_text(app)
        assert "The article" in text and "next paragraph" in text and "Anywhere" in text
        assert "next official" not in text
        await pilot.press("escape")
        await pilot.press("tab")  # to the sidebar
        assert isinstance(app.focused, OfficialsPanel)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.scope == "officials"
        text = help_text(app)
        assert "next official" in text and "next paragraph" not in text and "quit" in text
        await pilot.press("f1")  # F1 closes it too
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


# -- themes ------------------------------------------------------------------------------


async def test_t_cycles_themes_and_the_choice_is_remembered(reader_dirs: dict[str, Path]) -> None:
    app = make_app(theme="ink")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not preferences_path().exists()  # starting in a theme remembers nothing
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "paper"  # ink, paper: the next of reader's themes by name
        await pilot.press("t")
        await pilot.pause()
        assert app.theme == "celadon"  # wraps round
    assert load_preferences() == (Preferences(theme="celadon"), None)
    assert preferences_path().parent == reader_dirs["state"]
    assert not list(reader_dirs["state"].glob("*.tmp"))  # written through a temp file, replaced


async def test_a_theme_picked_in_the_palette_is_remembered(reader_dirs: dict[str, Path]) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await palette(pilot, "theme contrast")
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "contrast"
    assert load_preferences()[0].theme == "contrast"


def start(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Run `reader ARGS` with a stand-in app; returns what the app was given."""
    code, started = start_tui(args, monkeypatch)
    assert code == 0
    return started


def test_the_collector_is_off_until_the_first_frame_and_on_again_after(
    reader_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`reader` starts with the garbage collector off and hands the app the call that turns
    it back on after the first frame; it is on again when the TUI ends, however it ends."""
    import gc

    import reader.ui.app
    from reader.cli import main

    seen: dict[str, object] = {}

    class FakeApp:
        def __init__(self, **kwargs: object) -> None:
            seen.update(kwargs)

        def run(self) -> None:
            seen["enabled while starting"] = gc.isenabled()
            after = seen["after_first_frame"]
            assert callable(after)
            after()
            seen["enabled after the first frame"] = gc.isenabled()
            gc.disable()  # a run that ends with it off: main still turns it on

    monkeypatch.setattr(reader.ui.app, "ReaderApp", FakeApp)
    assert gc.isenabled()
    assert main([]) == 0
    assert seen["enabled while starting"] is False
    assert seen["enabled after the first frame"] is True
    assert gc.isenabled()
    assert main(["/no/such/file"]) == 2  # a usage error before the app: on again too
    assert gc.isenabled()


async def test_the_first_frame_already_shows_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    """The article opened on mount is laid out before the view draws its first line (not one
    frame later, on its Resize), and `after_first_frame` is called once, after that frame."""
    drawn_laid_out: list[bool] = []
    render_line = ReadingView.render_line

    def watching(view: ReadingView, y: int):
        drawn_laid_out.append(view.document is not None)
        return render_line(view, y)

    monkeypatch.setattr(ReadingView, "render_line", watching)
    calls: list[int] = []
    themes, _ = discover_themes()
    app = ReaderApp(
        library=REPO / "articles",
        open_file=BUNDLED_ARTICLE,
        theme_specs=themes,
        theme_name="ink",
        after_first_frame=lambda: calls.append(len(drawn_laid_out)),
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert len(calls) == 1 and calls[0] > 0  # once, after lines were drawn
        assert drawn_laid_out and all(drawn_laid_out)


def test_theme_precedence_cli_then_config_then_remembered(
    reader_dirs: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert start([], monkeypatch)["theme_name"] == "ink"  # nothing anywhere: the default
    save_preferences(Preferences(theme="celadon"))
    assert start([], monkeypatch)["theme_name"] == "celadon"  # a bare start restores it
    config = tmp_path / "config.yaml"
    config.write_text("theme: contrast\nmeasure: 64\n", encoding="utf-8")
    started = start(["--config", str(config)], monkeypatch)
    assert started["theme_name"] == "contrast"  # the config wins over what was remembered
    assert isinstance(started["config"], Config) and started["config"].measure == 64
    assert start(["--config", str(config), "--theme", "paper"], monkeypatch)["theme_name"] == "paper"


def test_a_corrupt_preferences_file_is_ignored_with_a_notice(
    reader_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = preferences_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    started = start([], monkeypatch)
    assert started["theme_name"] == "ink"
    assert any("ui.json" in notice and "ignored" in notice for notice in started["notices"])  # type: ignore[union-attr]


# -- the command palette -----------------------------------------------------------------


async def palette(pilot, query: str) -> list[str]:
    """Open the palette with its key, type `query`, wait for hits; returns their prompts."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert CommandPalette.is_open(pilot.app)
    return await palette_hits(pilot, query)


async def test_palette_jumps_to_an_official_like_the_sidebar_does() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        hits = await palette(pilot, "liu peng")
        assert hits[0].startswith("Jump to official: 柳鹏")
        await pilot.press("enter")
        await pilot.pause()
        index = [o.name for o in app.reading.report.officials].index("柳鹏")
        assert app.reading.selected_official == index
        first = app.reading.report.officials[index].mentions[0].paragraph
        assert app.query_one(ReadingView).cursor == first
        panel = app.query_one(OfficialsPanel)
        assert panel.highlighted_official == index
        assert "柳鹏 1/" in str(app.query_one("#position").render())


async def test_palette_toggles_the_sidebar_and_opens_search() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.query_one(OfficialsPanel)
        await palette(pilot, "toggle sidebar")
        await pilot.press("enter")
        await pilot.pause()
        assert not panel.display
        await pilot.press("s")  # the key does the same
        await pilot.pause()
        assert panel.display
        await palette(pilot, "search this")
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.query_one("#search")


async def test_palette_opens_an_article_by_title() -> None:
    library = Path(__file__).parent / "fixtures" / "library"
    app = make_app(open_file=None, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        target = app.query_one(LibraryTable).entries[1]
        hits = await palette(pilot, target.title)
        position = hits.index(f"Open article: {target.title}")
        await pilot.press(*["down"] * position, "enter")
        await settle(pilot)
        assert not CommandPalette.is_open(app)
        assert app.article.path == target.path and app.focused is app.query_one(ReadingView)


async def test_hiding_the_focused_sidebar_moves_focus_to_the_article() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, OfficialsPanel)
        await pilot.press("s")
        await pilot.pause()
        assert app.focused is app.query_one(ReadingView)
        assert app.query_one(ReadingView).size.width > 80  # the text took the sidebar's room


# -- the sidebar: pinyin and glosses -----------------------------------------------------


async def test_pinyin_under_names_and_glosses_on_demand() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.query_one(OfficialsPanel)
        liu = next(prompt for prompt in prompts(panel) if prompt.startswith("柳鹏"))
        assert liu.splitlines()[1] == "Liǔ Péng"  # under the name
        assert "Mayor" not in liu  # glosses are on demand
        await pilot.press("e")
        await pilot.pause()
        liu = next(prompt for prompt in prompts(panel) if prompt.startswith("柳鹏"))
        assert "Mayor" in liu and "Liǔ Péng" in liu
        await pilot.press("p")
        await pilot.pause()
        liu = next(prompt for prompt in prompts(panel) if prompt.startswith("柳鹏"))
        assert "Liǔ Péng" not in liu and "Mayor" in liu
        # the "Also named" group still starts collapsed and opens
        assert any("Also named (1)" in prompt for prompt in prompts(panel))
        await pilot.press("tab", "end", "enter")
        await pilot.pause()
        assert any("赵明霞" in prompt for prompt in prompts(panel))


async def test_long_posts_wrap_under_their_indent_and_rewrap_on_resize(tmp_path: Path) -> None:
    """A post wider than the sidebar continues under itself, broken like the reading view."""
    post = "示例国最高人民会议常任委员会委员长"  # 17 characters: 34 cells, wider than the sidebar
    article = tmp_path / "long-post.txt"
    article.write_text(f"长职务示例\n{post}金一男会见客人。\n金一男表示欢迎。\n", encoding="utf-8")
    app = make_app(open_file=article, library=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.query_one(OfficialsPanel)
        width = panel.scrollable_content_region.width

        def post_lines() -> list[str]:
            kim = next(prompt for prompt in prompts(panel) if prompt.startswith("金一男"))
            return [line for line in kim.splitlines()[1:] if line.startswith("  ") and "ī" not in line]

        lines = post_lines()
        assert len(lines) >= 2 and "".join(line.strip() for line in lines) == post
        assert all(line.startswith("  ") and cell_len(line) <= width for line in lines)
        panel.styles.width = 44  # a wider sidebar (a user stylesheet could do this)
        await settle(pilot)
        assert panel.scrollable_content_region.width > width
        assert post_lines() == ["  " + post]


async def test_toggling_keeps_the_highlighted_official() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.query_one(OfficialsPanel)
        await pilot.press("tab", "down", "down")
        assert panel.highlighted == 2
        await pilot.press("e", "p")
        await pilot.pause()
        assert panel.highlighted == 2


async def test_glosses_from_an_overlay_are_text_never_markup(fresh_overlays: Path) -> None:
    (fresh_overlays / "glossary.yaml").write_text('posts:\n  市长: "[red]Mayor[/red]"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        liu = next(prompt for prompt in prompts(app.query_one(OfficialsPanel)) if prompt.startswith("柳鹏"))
        assert "[red]Mayor[/red]" in liu


# -- copy and export ---------------------------------------------------------------------


async def test_y_copies_the_paragraph_and_Y_a_citation() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "y")
        assert app.clipboard == app.article.paragraphs[2]
        await pilot.press("Y")
        assert app.clipboard == citation(app.article, 2, relative_to=app.library)
        assert "¶ 3 of 9" in app.clipboard
        assert any("Copied a citation of ¶ 3" in message for message in messages(app))


async def test_x_exports_officials_to_the_clipboard_and_the_state_folder_never_the_articles(
    reader_dirs: dict[str, Path], tmp_path: Path
) -> None:
    library = tmp_path / "library"
    library.mkdir()
    article = Path(shutil.copy(BUNDLED_ARTICLE, library / BUNDLED_ARTICLE.name))
    before = sorted(library.iterdir())
    app = make_app(open_file=article, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("x")
        await pilot.pause()
        rows = list(csv.reader(io.StringIO(app.clipboard)))
        assert rows[0][:2] == ["kind", "name"] and rows[1][:2] == ["official", "郑亚军"]
        assert len([row for row in rows if row[0] == "official"]) == len(app.reading.report.officials)
    exports = reader_dirs["state"] / "exports"
    saved = json.loads((exports / f"{article.stem}-officials.json").read_text(encoding="utf-8"))
    assert [o["name"] for o in saved["officials"]][:3] == ["郑亚军", "习近平", "柳鹏"]
    assert (exports / f"{article.stem}-officials.csv").read_text(encoding="utf-8") == app.clipboard
    assert sorted(library.iterdir()) == before  # nothing written beside the article
    assert any("saved as" in message and str(exports) in message for message in messages(app))


# -- broken overlays ---------------------------------------------------------------------


@pytest.fixture
def fresh_overlays(reader_dirs: dict[str, Path]):
    """Overlays are read once per process: forget them before and after the test."""
    from reader import glossary, pinyin
    from reader.officials.lexicon import load_lexicon

    def reset() -> None:
        load_lexicon.cache_clear()
        glossary.reset()
        pinyin.reset()

    reset()
    reader_dirs["config"].mkdir(parents=True)
    yield reader_dirs["config"]
    reset()


async def test_a_broken_glossary_overlay_is_reported_once_glosses_still_come(fresh_overlays: Path) -> None:
    (fresh_overlays / "glossary.yaml").write_text("posts: [not, a, mapping]\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        problems = [message for message in messages(app) if "glossary.yaml" in message]
        assert len(problems) == 1 and "using the bundled glossary" in problems[0]
        assert any("Mayor" in prompt for prompt in prompts(app.query_one(OfficialsPanel)))


async def test_a_broken_officials_overlay_is_reported_once_and_the_bundled_lexicon_used(
    fresh_overlays: Path,
) -> None:
    (fresh_overlays / "officials.yaml").write_text("titles: [市长\n", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        problems = [message for message in messages(app) if "officials.yaml" in message]
        assert len(problems) == 1 and "using the bundled lexicon" in problems[0]
        panel = app.query_one(OfficialsPanel)
        assert panel.report is not None and len(panel.report.officials) == 9
        assert app.query_one(ReadingView).paragraph_count == 9
