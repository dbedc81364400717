"""What the help screen lists: the remappable keys from `reader.ui.keymap`, with the
user's keymap applied, plus the keys the panes get from Textual (Tab, Enter, arrows,
the mouse), which no keymap moves. A test checks every binding appears here, so the
help and the bindings cannot drift apart."""

from __future__ import annotations

from collections.abc import Mapping

from reader.ui.keymap import help_rows

SCOPE_TITLES = {
    "reader": "The article",
    "list": "The article list",
    "officials": "The officials sidebar",
    "people": "The People screen",
    "person": "The person view",
    "app": "Anywhere",
    "help": "This screen",
}

BUILT_IN: dict[str, tuple[tuple[str, str], ...]] = {
    "reader": (("click", "put the cursor on a paragraph"), ("wheel", "scroll")),
    "list": (
        ("↓  ↑", "next / previous article"),
        ("Home  End", "first / last article"),
        ("PgDn  PgUp", "page down / up"),
        ("Enter  click", "open the article"),
    ),
    "officials": (
        ("↓  ↑", "next / previous official"),
        ("Enter  click", "jump to the official's first mention; then n / N step through them"),
        ("Enter", "on “Also named”: show or hide the people named who are not officials"),
    ),
    "people": (
        ("type", "filter by name, pinyin without tones (liu peng), post or place"),
        ("↓  ↑  PgDn  PgUp", "move in the list"),
        ("Enter  click", "the person view of the highlighted person"),
        ("Esc", "clear the filter, then back to the article"),
    ),
    "person": (
        ("Tab  Shift+Tab", "focus the career, the people they appear with, the articles"),
        ("Enter  click", "open the article at the mention; on a person, their view"),
        ("Esc", "back"),
    ),
    "app": (("Tab  Shift+Tab", "focus the next / previous pane: list, article, officials"),),
}
"""Keys Textual's widgets answer to on their own, by scope."""


Rows = list[tuple[str, str]]
"""(keys as people read them, what they do)."""


def help_sections(scope: str | None, keymap: Mapping[str, str] | None = None) -> list[tuple[str, Rows]]:
    """(heading, [(keys, meaning)…]) for the focused pane's scope, then the keys that work anywhere."""
    scopes = [scope] if scope in ("reader", "list", "officials", "people", "person") else []
    return [
        (SCOPE_TITLES[name], [*help_rows(name, keymap), *BUILT_IN.get(name, ())]) for name in [*scopes, "app"]
    ]
