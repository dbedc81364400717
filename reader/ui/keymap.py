"""Every key binding reader has, each with an id a user can remap in `config.yaml`.

    keymap:
      reader.next_paragraph: "j,down,ctrl+n"
      app.copy_citation: "c"

The table below is the one source of the default keys: widgets build their BINDINGS
from it (`bindings_for(scope)`), the help screen can show the keys in force
(`effective_keys`), and `build_keymap` turns the config's keymap into the dict
Textual's `App.set_keymap()` takes, warning about unknown ids, malformed keys and two
actions of one pane given the same key, so a typo in the config never breaks a key
silently.

The app-wide bindings live on the app (so the footer lists them in this order), but an
action about what is read is named `screen.*`: it runs on the reader screen, and does
nothing while a modal screen (help, search, timeline) is on top.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.keys import Keys, format_key

from reader.compiled import compile_pattern

SCOPES = ("app", "reader", "list", "officials", "people", "person", "help")
"""app: anywhere; reader: the reading view; list: the article list; officials: the sidebar;
people: the People screen; person: the person view."""


@dataclass(frozen=True)
class BindingSpec:
    """One binding: its id, default keys (Textual's comma-separated form) and action."""

    id: str
    keys: str
    action: str
    description: str
    show: bool = False
    key_display: str | None = None
    help: str = ""
    """What the help screen says the keys do."""

    @property
    def scope(self) -> str:
        return self.id.split(".", 1)[0]


BINDINGS_TABLE: tuple[BindingSpec, ...] = (
    # Anywhere
    BindingSpec("app.quit", "q", "quit", "Quit", show=True, help="quit"),
    BindingSpec(
        "app.help",
        "question_mark,f1",
        "help",
        "Help",
        show=True,
        key_display="?",
        help="help: the keys of the focused pane and every other key",
    ),
    BindingSpec(
        "app.escape",
        "escape",
        "screen.escape",
        "Back",
        help="clear the search, then back to the article list",
    ),
    BindingSpec(
        "app.command_palette",
        "ctrl+p",
        "command_palette",
        "Commands",
        help="commands: open article, jump to official, search, theme, sidebar",
    ),
    BindingSpec(
        "app.search",
        "slash",
        "screen.search",
        "Search",
        show=True,
        key_display="/",
        help="search this article; Enter jumps to the first match",
    ),
    BindingSpec(
        "app.search_library",
        "S,ctrl+f",
        "screen.search_library",
        "Search all",
        show=True,
        key_display="S",
        help="search every article of the library (titles and text); Enter opens the hit",
    ),
    BindingSpec(
        "app.clear_filter",
        "F",
        "screen.clear_filter",
        "All articles",
        key_display="F",
        help="list every article again after filtering to an official",
    ),
    BindingSpec(
        "app.previous_article",
        "left_square_bracket",
        "screen.previous_article",
        "Prev article",
        help="previous article in the list",
    ),
    BindingSpec(
        "app.next_article",
        "right_square_bracket",
        "screen.next_article",
        "Next article",
        help="next article in the list",
    ),
    BindingSpec(
        "app.back",
        "H,alt+left",
        "screen.back",
        "Back",
        key_display="H",
        help="back to where a jump left (a search, timeline, person, filter)",
    ),
    BindingSpec(
        "app.forward",
        "L,alt+right",
        "screen.forward",
        "Forward",
        key_display="L",
        help="forward again to where Back left",
    ),
    BindingSpec(
        "app.toggle_read",
        "m",
        "screen.toggle_read",
        "Mark read",
        help="mark this article read / unread (in the list: the cursor's)",
    ),
    BindingSpec(
        "app.copies",
        "r",
        "screen.show_copies",
        "Copies",
        help="the copies of this story (one row of the list, ×3); Enter opens one",
    ),
    BindingSpec(
        "app.next_unread",
        "u",
        "screen.next_unread",
        "Next unread",
        help="next unread article, in the list's order (round to the top)",
    ),
    BindingSpec(
        "app.next_stop",
        "n",
        "screen.next_stop",
        "Next",
        show=True,
        help="next mention or match after the cursor, on the trail set off last",
    ),
    BindingSpec(
        "app.previous_stop",
        "N",
        "screen.previous_stop",
        "Prev",
        key_display="N",
        help="previous mention or match before the cursor",
    ),
    BindingSpec("app.next_theme", "t", "next_theme", "Theme", help="next colour theme (remembered)"),
    BindingSpec(
        "app.toggle_sidebar",
        "s",
        "screen.toggle_sidebar",
        "Sidebar",
        help="show / hide the officials sidebar",
    ),
    BindingSpec(
        "app.toggle_pinyin",
        "p",
        "screen.toggle_pinyin",
        "Pinyin",
        help="show / hide pinyin of officials' names",
    ),
    BindingSpec(
        "app.toggle_glosses",
        "e",
        "screen.toggle_glosses",
        "English",
        help="show / hide English glosses of posts",
    ),
    BindingSpec(
        "app.copy_paragraph",
        "y",
        "screen.copy_paragraph",
        "Copy ¶",
        help="copy the paragraph under the cursor",
    ),
    BindingSpec(
        "app.copy_citation",
        "Y",
        "screen.copy_citation",
        "Cite",
        key_display="Y",
        help="copy a citation of that paragraph (title, outlet, date, ¶, file)",
    ),
    BindingSpec(
        "app.export_officials",
        "x",
        "screen.export_officials",
        "Export",
        help="export the article's officials as CSV or JSON",
    ),
    BindingSpec(
        "app.people",
        "P",
        "screen.people",
        "People",
        key_display="P",
        help="People: every person of the library, their posts and careers",
    ),
    # The reading view
    BindingSpec(
        "reader.next_paragraph",
        "j,down",
        "cursor_down",
        "¶ next/prev",
        show=True,
        key_display="j/k",
        help="next paragraph",
    ),
    BindingSpec("reader.previous_paragraph", "k,up", "cursor_up", "Prev ¶", help="previous paragraph"),
    BindingSpec(
        "reader.page_down", "space", "page_down", "Page", show=True, key_display="␣", help="page down"
    ),
    BindingSpec("reader.page_up", "b", "page_up", "Page up", help="page up"),
    BindingSpec("reader.first_paragraph", "g,home", "first", "First ¶", help="first paragraph"),
    BindingSpec("reader.last_paragraph", "G,end", "last", "Last ¶", help="last paragraph"),
    BindingSpec(
        "reader.narrower", "minus", "narrower", "Narrower", key_display="-", help="narrower text column"
    ),
    BindingSpec(
        "reader.wider", "plus,equals_sign", "wider", "Wider", key_display="+", help="wider text column"
    ),
    BindingSpec(
        "reader.toggle_punctuation",
        "comma",
        "toggle_punctuation",
        "Punctuation",
        key_display=",",
        help="punctuation typeset (full-width in Chinese text) or as printed",
    ),
    # The article list and the officials sidebar (OptionLists: arrows and Enter are built in)
    BindingSpec("list.down", "j", "cursor_down", "Down", help="next article"),
    BindingSpec("list.up", "k", "cursor_up", "Up", help="previous article"),
    BindingSpec("list.first", "g", "first", "First", help="first article"),
    BindingSpec("list.last", "G", "last", "Last", help="last article"),
    BindingSpec("list.page_down", "space", "page_down", "Page", key_display="␣", help="page down"),
    BindingSpec("list.page_up", "b", "page_up", "Page up", help="page up"),
    BindingSpec("list.sort", "o", "cycle_sort", "Sort", show=True, help="sort: newest, by title, by outlet"),
    BindingSpec("officials.down", "j", "cursor_down", "Down", help="next official"),
    BindingSpec("officials.up", "k", "cursor_up", "Up", help="previous official"),
    BindingSpec("officials.first", "g", "first", "First", help="first official"),
    BindingSpec("officials.last", "G", "last", "Last", help="last official"),
    BindingSpec(
        "officials.timeline",
        "w",
        "screen.official_timeline",
        "Where else",
        show=True,
        help="this official's person: career, mentions a month, who they appear with, articles",
    ),
    BindingSpec(
        "officials.filter",
        "f",
        "screen.filter_official",
        "Filter",
        show=True,
        help="list only the articles that name this official (F lists all again)",
    ),
    # The People screen (the filter box has the focus, so its keys are not letters)
    BindingSpec(
        "people.sort",
        "ctrl+o",
        "cycle_sort",
        "Sort",
        show=True,
        help="sort: most articles, by name (pinyin), last seen",
    ),
    BindingSpec(
        "people.export",
        "ctrl+s",
        "export",
        "Export",
        show=True,
        help="export the persons shown and the whole index as CSV and JSON (state folder's exports/)",
    ),
    # The person view
    BindingSpec(
        "person.export",
        "x",
        "export",
        "Export",
        show=True,
        help="export this person's posts as CSV and JSON (state folder's exports/)",
    ),
    BindingSpec("person.merge", "M", "merge", "Merge", show=True, help="merge with another person"),
    BindingSpec("person.split", "A", "split", "Split", show=True, help="split: set apart some articles"),
    BindingSpec(
        "person.forget_choices",
        "U",
        "forget_choices",
        "Forget",
        help="forget your merges and splits of this person: the grouping rules decide again",
    ),
    # The help screen
    BindingSpec(
        "help.close", "escape,q,question_mark,f1", "dismiss", "Close", show=True, help="close the help"
    ),
    BindingSpec("help.down", "j", "scroll_help(1)", "Down", help="scroll down a line"),
    BindingSpec("help.up", "k", "scroll_help(-1)", "Up", help="scroll up a line"),
    BindingSpec("help.page_down", "space", "page_help(1)", "Page", key_display="␣", help="page down"),
    BindingSpec("help.page_up", "b", "page_help(-1)", "Page up", help="page up"),
    BindingSpec("help.first", "g", "help_end(0)", "Top", help="top"),
    BindingSpec("help.last", "G", "help_end(1)", "Bottom", help="bottom"),
)

DEFAULT_KEYS: dict[str, str] = {spec.id: spec.keys for spec in BINDINGS_TABLE}
"""Binding id -> default keys, e.g. "reader.next_paragraph" -> "j,down"."""

_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_NAMED_KEYS = frozenset(key.value for key in Keys if "+" not in key.value and not key.value.startswith("<"))
_KEY_NAME = compile_pattern(r"^[a-z0-9_]+$")


def bindings_for(scope: str) -> list[BindingType]:
    """Textual Bindings (with ids, so a keymap can remap them) for one scope of the table."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}; known: {', '.join(SCOPES)}")
    return [
        Binding(
            spec.keys,
            spec.action,
            spec.description,
            show=spec.show,
            key_display=spec.key_display,
            id=spec.id,
        )
        for spec in BINDINGS_TABLE
        if spec.scope == scope
    ]


def help_rows(scope: str, keymap: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """(keys as people read them, what they do) for one scope, with the user's keymap applied,
    so the help screen never shows a key the user has moved."""
    keys = effective_keys(keymap)
    return [(key_label(keys[spec.id]), spec.help) for spec in BINDINGS_TABLE if spec.scope == scope]


def valid_key(key: str) -> bool:
    """Whether Textual can ever send `key`: a character, or a key name with modifiers (ctrl+n)."""
    if len(key) == 1:
        return key.isprintable() and not key.isspace()
    *modifiers, base = key.split("+")
    if any(modifier not in _MODIFIERS for modifier in modifiers) or not base:
        return False
    if len(base) == 1 or base in _NAMED_KEYS:
        return True
    if not _KEY_NAME.match(base):
        return False
    try:
        unicodedata.lookup(base.replace("_", " "))  # question_mark, left_square_bracket …
    except KeyError:
        return base in {"slash", "backslash", "at", "minus", "plus", "underscore"}
    return True


def build_keymap(config_keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The config's keymap as `App.set_keymap()` takes it, and one-line warnings.

    Unknown ids and keys Textual cannot send are left out (the default stays); two
    bindings of one scope on the same key keep the keymap but are reported, because
    only one of them will ever run.
    """
    keymap: dict[str, str] = {}
    warnings: list[str] = []
    for binding_id, keys in config_keymap.items():
        if binding_id not in DEFAULT_KEYS:
            close = difflib.get_close_matches(binding_id, DEFAULT_KEYS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            warnings.append(f"keymap: unknown binding id {binding_id!r} ignored{hint}")
            continue
        parts = [part.strip() for part in keys.split(",") if part.strip()]
        bad = [part for part in parts if not valid_key(part)]
        if bad or not parts:
            warnings.append(
                f"keymap: {binding_id}: {bad[0] if bad else keys!r} is not a key "
                '(write keys like "j", "ctrl+n", "down", "f2"); keeping the default'
            )
            continue
        keymap[binding_id] = ",".join(parts)
    warnings.extend(_clashes(keymap))
    return keymap, warnings


def effective_keys(keymap: Mapping[str, str] | None = None) -> dict[str, str]:
    """Binding id -> the keys in force once `keymap` (already checked) is applied."""
    return {**DEFAULT_KEYS, **(keymap or {})}


def _normal(key: str) -> str:
    return key if len(key) != 1 or key.isalnum() else unicodedata.name(key).lower().replace(" ", "_")


def _clashes(keymap: Mapping[str, str]) -> list[str]:
    """Pairs of bindings on one key where one hides the other, caused by the user's keymap.

    Bindings of one pane clash; an app-wide binding clashes with a pane's binding too
    (the focused pane's wins), except on the help screen, which is modal.
    """
    owners: dict[str, list[str]] = {}
    for binding_id, keys in effective_keys(keymap).items():
        for key in keys.split(","):
            owners.setdefault(_normal(key), []).append(binding_id)
    warnings = []
    for key, ids in owners.items():
        for i, first in enumerate(ids):
            for second in ids[i + 1 :]:
                scopes = {first.split(".")[0], second.split(".")[0]}
                hides = len(scopes) == 1 or ("app" in scopes and "help" not in scopes)
                if hides and (first in keymap or second in keymap):
                    warnings.append(
                        f"keymap: {key_label(key)} is bound to both {first} and {second}; only one will work"
                    )
    return warnings


def key_label(keys: str) -> str:
    """Keys as people read them: "j,down" -> "j  ↓", "question_mark,f1" -> "?  F1"."""
    labels = []
    for key in keys.split(","):
        label = format_key(key.strip())
        labels.append(label.upper() if re.fullmatch(r"f\d+", label) else label)
    return "  ".join(labels)
