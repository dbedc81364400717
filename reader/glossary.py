"""English glosses for official posts: 嘉峪关市委副书记 → Deputy Party Secretary (municipal).

Posts are printed with a place and organisation before them and modifiers inside them
(副, 常务, 代理, 原), so a printed post is glossed by the longest glossary entry it ends
with, after taking out modifiers that sit within or right before that entry. The words
are data (`reader/data/glossary.yaml`, plus the user's `glossary.yaml` in the config
folder), so a reader of officials can correct or extend them without touching code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

from reader.data_overlay import load_with_overlay, read_yaml, update_sections
from reader.messages import short_repr

DATA_FILE = Path(__file__).resolve().parent / "data" / "glossary.yaml"
OVERLAY_NAME = "glossary.yaml"
_KEYS = ("modifiers", "posts")
_MAX_MODIFIERS = 4  # printed posts carry one or two; bounds the 2**n search


class GlossaryError(Exception):
    """A glossary file that cannot be used; the message is one line naming file and field."""


@dataclass(frozen=True)
class Glossary:
    """Post endings and modifiers, each mapped to English."""

    posts: dict[str, str]
    modifiers: dict[str, str]


def _read(path: Path) -> dict[str, dict[str, str]]:
    data: Any = read_yaml(path, GlossaryError)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GlossaryError(f"{path.name}: must be a mapping with `posts` and `modifiers`")
    unknown = sorted(str(key) for key in set(data) - set(_KEYS))
    if unknown:
        raise GlossaryError(f"{path.name}: unknown key {short_repr(unknown[0])} (known: posts, modifiers)")
    result: dict[str, dict[str, str]] = {}
    for key in _KEYS:
        section = data.get(key) or {}
        if not isinstance(section, dict):
            raise GlossaryError(f"{path.name}: {key} must map Chinese words to English")
        for word, english in section.items():
            if not isinstance(word, str) or not word.strip():
                raise GlossaryError(f"{path.name}: {key}: {short_repr(word)} is not a word")
            if not isinstance(english, str) or not english.strip():
                raise GlossaryError(
                    f"{path.name}: {key}.{word}: needs an English text, not {short_repr(english)}"
                )
        result[key] = {word.strip(): english.strip() for word, english in section.items()}
    return result


@cache
def _load() -> tuple[Glossary, str | None]:
    sections, problem = load_with_overlay(
        DATA_FILE,
        OVERLAY_NAME,
        read=_read,
        merge=update_sections,
        error=GlossaryError,
        fallback="using the bundled glossary",
    )
    return Glossary(posts=sections["posts"], modifiers=sections["modifiers"]), problem


def load_glossary() -> Glossary:
    """The bundled glossary with the user's overlay on top (cached: call `reset()` after edits)."""
    return _load()[0]


def overlay_problem() -> str | None:
    """One line on what is wrong with the user's glossary.yaml (then left out), or None.

    Glosses are shown while reading, so a broken overlay must not raise there; the app
    reports this once instead.
    """
    return _load()[1]


def reset() -> None:
    """Forget the cached glossary (tests, or after the user edits the overlay)."""
    _load.cache_clear()


def _modifier_spans(title: str, modifiers: dict[str, str]) -> list[tuple[int, str]]:
    """Where modifiers occur in `title`, longest first, not overlapping."""
    ordered = sorted(modifiers, key=len, reverse=True)
    spans: list[tuple[int, str]] = []
    i = 0
    while i < len(title) and len(spans) < _MAX_MODIFIERS:
        word = next((m for m in ordered if title.startswith(m, i)), None)
        if word is None:
            i += 1
        else:
            spans.append((i, word))
            i += len(word)
    return spans


def _longest_suffix(text: str, posts: dict[str, str]) -> str | None:
    return next((text[-k:] for k in range(len(text), 0, -1) if text[-k:] in posts), None)


def gloss(title: str, glossary: Glossary | None = None) -> str | None:
    """English for a post as printed, or None when no glossary entry fits its ending."""
    glossary = glossary or load_glossary()
    title = title.strip()
    if "、" in title:  # a chain of posts (市委常委、宣传部部长): gloss each
        parts = [gloss(part, glossary) for part in title.split("、") if part.strip()]
        return "; ".join(part for part in parts if part) or None
    best: tuple[int, int, str] | None = None  # (covered chars, -removed, english)
    spans = _modifier_spans(title, glossary.modifiers)
    for count in range(len(spans) + 1):
        for removed in combinations(spans, count):
            candidate = _try(title, removed, glossary)
            if candidate is not None and (best is None or candidate[:2] > best[:2]):
                best = candidate
    return best[2] if best else None


def _try(title: str, removed: tuple[tuple[int, str], ...], glossary: Glossary) -> tuple[int, int, str] | None:
    """Gloss `title` with the `removed` modifiers taken out; None if they don't all attach."""
    kept = [i for i in range(len(title)) if not any(p <= i < p + len(w) for p, w in removed)]
    stripped = "".join(title[i] for i in kept)
    post = _longest_suffix(stripped, glossary.posts)
    if post is None:
        return None
    start = kept[len(stripped) - len(post)]
    # Modifiers right before the post (原副市长) belong to it as well as those inside it.
    for position, word in sorted(removed, reverse=True):
        if position + len(word) == start:
            start = position
    if any(position < start for position, _ in removed):
        return None  # a modifier far from the post (副食品公司经理) is not its modifier
    prefix = " ".join(glossary.modifiers[word] for _, word in sorted(removed))
    english = glossary.posts[post]
    return len(title) - start, -len(removed), f"{prefix} {english}" if prefix else english
