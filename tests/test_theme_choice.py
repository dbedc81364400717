"""The four bundled themes, the high-contrast promise, errors naming the field, the fallback."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.theme_files import (
    DEFAULT_THEME,
    READER_VARIABLES,
    ThemeFileError,
    choose_theme,
    discover_themes,
    parse_theme,
)


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_four_bundled_themes_with_every_reader_colour(reader_dirs: dict[str, Path]) -> None:
    themes, problems = discover_themes()
    assert problems == []
    assert {"ink", "paper", "contrast", "celadon"} <= set(themes)
    assert "reader-search-match" in READER_VARIABLES
    assert themes["contrast"].dark and not themes["celadon"].dark
    for spec in themes.values():
        assert set(spec.variables) == set(READER_VARIABLES), spec.name
        assert {"foreground", "background"} <= set(spec.colours), spec.name


@pytest.mark.parametrize("name", ["ink", "paper", "contrast", "celadon"])
def test_text_is_readable_on_everything_it_sits_on(reader_dirs: dict[str, Path], name: str) -> None:
    spec = discover_themes()[0][name]
    colours, variables = spec.colours, spec.variables
    fg, bg = colours["foreground"], colours["background"]
    pairs = {
        "text on background": (fg, bg),
        "text on cursor": (fg, variables["reader-cursor"]),
        "text on search match": (fg, variables["reader-search-match"]),
        "mention on background": (variables["reader-mention"], bg),
        "mention on selected": (variables["reader-mention"], variables["reader-mention-selected"]),
        "meta on background": (variables["reader-meta"], bg),
    }
    # WCAG AAA (7:1) for the high-contrast theme, AA (4.5:1) for the others.
    minimum = 7.0 if name == "contrast" else 4.5
    for what, (front, back) in pairs.items():
        assert contrast(front, back) >= minimum, f"{name}: {what} {contrast(front, back):.1f}"


HEAD = 'name: x\nprimary: "#123456"\n'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (HEAD + "variables:\n  reader-cursor: grey\n", "variables.reader-cursor must be"),
        (HEAD + 'variables:\n  reader-mentoin: "#ffffff"\n', "'variables.reader-mentoin'"),
        (HEAD + 'dark: "no"\n', "dark must be true or false"),
        (HEAD + 'background: "#12345"\n', "background must be a colour"),
    ],
)
def test_errors_name_the_file_and_the_field(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ThemeFileError) as caught:
        parse_theme(path)
    assert str(caught.value).startswith("broken.yaml: ")
    assert message in str(caught.value)


def test_textual_variables_other_than_reader_ones_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text('name: t\nprimary: "#123456"\nvariables:\n  block-cursor-background: "#000000"\n')
    assert parse_theme(path).variables == {"block-cursor-background": "#000000"}


def test_a_theme_that_is_gone_or_broken_falls_back_to_the_default(reader_dirs: dict[str, Path]) -> None:
    folder = reader_dirs["config"] / "themes"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text("name: mine\nprimary: nope\n", encoding="utf-8")
    themes, problems = discover_themes()
    assert problems == ["mine.yaml: primary must be a colour like \"#1d2027\", not 'nope'"]
    fallback = (DEFAULT_THEME, f"theme 'mine' is not available; using {DEFAULT_THEME!r}")
    assert choose_theme("mine", themes) == fallback
    assert choose_theme("paper", themes) == ("paper", None)
    assert choose_theme(None, themes) == (DEFAULT_THEME, None)
