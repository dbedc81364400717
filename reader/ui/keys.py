"""Every key reader answers to, in one table: the help screen shows it and a test
checks it against the bindings, so the two cannot drift apart."""

from __future__ import annotations

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Reading",
        (
            ("j  ↓", "next paragraph"),
            ("k  ↑", "previous paragraph"),
            ("space", "page down"),
            ("b", "page up"),
            ("g  Home", "first paragraph"),
            ("G  End", "last paragraph"),
            ("[  ]", "previous / next article"),
            ("click", "put the cursor on a paragraph"),
        ),
    ),
    (
        "Officials",
        (
            ("Enter  click", "in the sidebar: jump to the official's first mention"),
            ("n", "next mention of the selected official"),
            ("N", "previous mention"),
        ),
    ),
    (
        "Moving around",
        (
            ("Tab  Shift+Tab", "focus the next / previous pane: list, article, officials"),
            ("Enter", "in the list: open the article"),
            ("Esc", "back to the article list"),
            ("?", "this help"),
            ("q", "quit"),
        ),
    ),
)
