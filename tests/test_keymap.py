"""Binding ids: the table is consistent, the config's keymap is checked, and remapping works."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widget import Widget

from reader.library import LibraryEntry
from reader.ui.keymap import (
    BINDINGS_TABLE,
    DEFAULT_KEYS,
    SCOPES,
    bindings_for,
    build_keymap,
    effective_keys,
    help_rows,
    key_label,
    valid_key,
)
from reader.ui.widgets.library_table import LibraryTable


def test_table_ids_are_unique_scoped_and_their_keys_valid() -> None:
    ids = [spec.id for spec in BINDINGS_TABLE]
    assert len(ids) == len(set(ids))
    assert {spec.scope for spec in BINDINGS_TABLE} <= set(SCOPES)
    for spec in BINDINGS_TABLE:
        assert all(valid_key(key) for key in spec.keys.split(",")), spec.id
    assert DEFAULT_KEYS["reader.next_paragraph"] == "j,down"
    assert "f1" in DEFAULT_KEYS["app.help"].split(",")  # help on ? and F1


def test_no_two_default_bindings_of_one_scope_share_a_key() -> None:
    for scope in SCOPES:
        keys = Counter(key for spec in BINDINGS_TABLE if spec.scope == scope for key in spec.keys.split(","))
        assert [key for key, count in keys.items() if count > 1] == [], scope


def test_build_keymap_keeps_good_entries_and_explains_bad_ones() -> None:
    keymap, warnings = build_keymap(
        {
            "reader.next_paragraph": "j,down,ctrl+n",
            "app.copy_citation": "c",
            "reader.next_paragraf": "x",
            "app.quit": "ctrl-q",
        }
    )
    assert keymap == {"reader.next_paragraph": "j,down,ctrl+n", "app.copy_citation": "c"}
    assert warnings == [
        "keymap: unknown binding id 'reader.next_paragraf' ignored; did you mean 'reader.next_paragraph'?",
        'keymap: app.quit: \'ctrl-q\' is not a key (write keys like "j", "ctrl+n", "down", "f2"); '
        "keeping the default",
    ]


def test_build_keymap_reports_a_key_given_to_two_actions() -> None:
    keymap, warnings = build_keymap({"reader.page_up": "j"})
    assert keymap == {"reader.page_up": "j"}
    assert warnings == [
        "keymap: j is bound to both reader.next_paragraph and reader.page_up; only one will work"
    ]
    # Moving the other binding away too resolves it.
    assert build_keymap({"reader.page_up": "j", "reader.next_paragraph": "down"})[1] == []
    # `?` is the same key as question_mark.
    assert "app.help" in build_keymap({"app.search": "?"})[1][0]


@pytest.mark.parametrize(
    ("key", "ok"),
    [
        ("j", True),
        ("G", True),
        ("?", True),
        ("ctrl+n", True),
        ("f12", True),
        ("pagedown", True),
        ("question_mark", True),
        ("shift+tab", True),
        ("ctrl-n", False),
        ("control+n", False),
        ("nope", False),
        ("", False),
        (" ", False),
        ("ctrl+", False),
    ],
)
def test_valid_key(key: str, ok: bool) -> None:
    assert valid_key(key) is ok


def test_labels_and_effective_keys() -> None:
    assert key_label("j,down") == "j  ↓"
    assert key_label("question_mark,f1") == "?  F1"
    assert effective_keys({"reader.page_up": "u"})["reader.page_up"] == "u"
    assert effective_keys()["reader.page_up"] == "b"


class Pane(Widget, can_focus=True):
    """A stand-in reading view: records the actions its bindings run."""

    BINDINGS = bindings_for("reader")

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []

    def action_cursor_down(self) -> None:
        self.calls.append("down")

    def action_page_up(self) -> None:
        self.calls.append("page_up")


class Harness(App[None]):
    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self._config_keymap = keymap

    def compose(self) -> ComposeResult:
        yield Pane()

    def on_mount(self) -> None:
        keymap, _ = build_keymap(self._config_keymap)
        self.set_keymap(keymap)
        self.query_one(Pane).focus()


async def test_default_keys_run_their_actions() -> None:
    app = Harness({})
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.press("j", "down", "b", "ctrl+n")
        assert app.query_one(Pane).calls == ["down", "down", "page_up"]


async def test_remapped_keys_replace_the_defaults() -> None:
    app = Harness({"reader.next_paragraph": "ctrl+n,down", "reader.page_up": "u", "reader.nonsense": "x"})
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.press("j", "b")  # the old keys no longer do anything
        assert app.query_one(Pane).calls == []
        await pilot.press("ctrl+n", "down", "u")
        assert app.query_one(Pane).calls == ["down", "down", "page_up"]


def test_help_rows_show_the_keys_in_force() -> None:
    assert all(spec.help for spec in BINDINGS_TABLE)
    rows = dict((text, keys) for keys, text in help_rows("reader", {"reader.page_up": "u,pageup"}))
    assert rows["next paragraph"] == "j  ↓"
    assert rows["page up"] == "u  pgup"  # as Textual displays it
    assert ("?  F1", "help: the keys of the focused pane and every other key") in help_rows("app")


def test_unknown_scope_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown scope"):
        bindings_for("sidebar")


class ListHarness(App[None]):
    def __init__(self, keymap: dict[str, str]) -> None:
        super().__init__()
        self._config_keymap = keymap

    def compose(self) -> ComposeResult:
        yield LibraryTable()

    def on_mount(self) -> None:
        self.set_keymap(build_keymap(self._config_keymap)[0])
        article_list = self.query_one(LibraryTable)
        article_list.add_entries([LibraryEntry(Path(f"/lib/{i}.txt"), f"第{i}篇") for i in range(5)])
        article_list.highlighted = 0
        article_list.focus()


async def test_the_article_list_keeps_its_arrows_and_gains_vim_keys() -> None:
    app = ListHarness({"list.down": "ctrl+j"})
    async with app.run_test(size=(40, 20)) as pilot:
        article_list = app.query_one(LibraryTable)
        await pilot.press("G")
        assert article_list.highlighted == 4
        await pilot.press("k", "up")
        assert article_list.highlighted == 2
        await pilot.press("j")  # remapped away
        assert article_list.highlighted == 2
        await pilot.press("ctrl+j", "down")
        assert article_list.highlighted == 4
        await pilot.press("g")
        assert article_list.highlighted == 0


def test_the_readme_names_every_binding() -> None:
    """Every key binding has its id in the README's key tables (the README is true of every key)."""
    from pathlib import Path

    from reader.ui.keymap import BINDINGS_TABLE

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert [spec.id for spec in BINDINGS_TABLE if f"`{spec.id}`" not in readme] == []
