"""Checked theme files (`reader.theme_files`) as Textual themes."""

from __future__ import annotations

from typing import Any

from textual.theme import Theme

from reader.theme_files import ThemeSpec


def to_textual_theme(spec: ThemeSpec) -> Theme:
    """A Textual `Theme` carrying reader's own colour variables."""
    colours: dict[str, Any] = dict(spec.colours)  # primary, background…: checked by theme_files
    return Theme(name=spec.name, dark=spec.dark, variables=dict(spec.variables), **colours)
