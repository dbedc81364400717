"""Officials' names in pinyin with tone marks: 柳鹏 → Liǔ Péng, 单雄 → Shàn Xióng.

pypinyin reads characters by their everyday readings and has no surname mode, so a
name's surname is read from `reader/data/surname_readings.yaml` (单 Shàn, 曾 Zēng,
尉迟 Yùchí…) and only the given name is left to pypinyin. Names are written the way
they are romanised in print: surname, a space, the given name as one word, each
capitalised. A foreign name (弗拉基米尔·普京) is read part by part.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

from reader.data_overlay import load_with_overlay, read_yaml, update_sections
from reader.messages import short_repr

DATA_FILE = Path(__file__).resolve().parent / "data" / "surname_readings.yaml"
OVERLAY_NAME = "surname_readings.yaml"
_NAME_DOTS = "·•‧・."


SECTIONS = ("single", "compound", "given")
"""Surnames of one character, of two, and given-name characters read otherwise in names."""


class PinyinDataError(Exception):
    """A surname-readings file that cannot be used; the message is one line naming it."""


def _read(path: Path) -> dict[str, dict[str, str]]:
    data: Any = read_yaml(path, PinyinDataError)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise PinyinDataError(f"{path.name}: must be a mapping with `single` and `compound`")
    result: dict[str, dict[str, str]] = {}
    for key in SECTIONS:
        section = data.get(key) or {}
        if not isinstance(section, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in section.items()
        ):
            raise PinyinDataError(f"{path.name}: {key} must map characters to pinyin")
        length = 2 if key == "compound" else 1
        bad = next((k for k in section if len(k) != length), None)
        if bad is not None:
            raise PinyinDataError(f"{path.name}: {key}.{bad}: must be {length} character(s)")
        result[key] = {k: v.strip().lower() for k, v in section.items()}
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        raise PinyinDataError(f"{path.name}: unknown key {short_repr(unknown[0])}")
    return result


@cache
def _load() -> tuple[dict[str, str], dict[str, str], str | None, dict[str, str]]:
    sections, problem = load_with_overlay(
        DATA_FILE,
        OVERLAY_NAME,
        read=_read,
        merge=update_sections,
        error=PinyinDataError,
        fallback="using the bundled readings",
    )
    return sections["single"], sections["compound"], problem, sections.get("given", {})


def surname_readings() -> tuple[dict[str, str], dict[str, str]]:
    """(single, compound) surname readings: the bundled file plus the user's overlay."""
    single, compound, _, _ = _load()
    return single, compound


def given_readings() -> dict[str, str]:
    """Characters a given name reads otherwise than everyday text (长 cháng, 少 shào)."""
    return _load()[3]


def overlay_problem() -> str | None:
    """One line on what is wrong with the user's overlay (then left out), or None.

    Names are shown while reading, so a broken overlay must not raise there; the app
    reports this once instead.
    """
    return _load()[2]


def reset() -> None:
    """Forget the cached readings (tests, or after the user edits the overlay)."""
    _load.cache_clear()


def _syllables(text: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin  # ~0.1 s to import: only when pinyin is shown

    return lazy_pinyin(text, style=Style.TONE, errors="default")


_VOWEL_START = frozenset("aāáǎàoōóǒòeēéěè")


def _word(syllables: list[str]) -> str:
    """Syllables as one capitalised word, with the apostrophe pinyin puts before a, o, e (Tiān'ēn)."""
    word = ""
    for syllable in syllables:
        if word and syllable[:1] in _VOWEL_START:
            word += "'"
        word += syllable
    return word[:1].upper() + word[1:]


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name) of a Chinese name; a compound surname is tried first."""
    _, compound = surname_readings()
    if len(name) >= 3 and name[:2] in compound:
        return name[:2], name[2:]
    return name[:1], name[1:]


def name_pinyin(name: str) -> str:
    """The name in pinyin with tone marks, as it is romanised in print."""
    name = name.strip()
    if not name:
        return ""
    if any(dot in name for dot in _NAME_DOTS):
        parts = [part for part in _split_dots(name) if part]
        return " ".join(_word(_syllables(part)) for part in parts)
    single, compound = surname_readings()
    surname, given = split_name(name)
    if surname in compound:
        family = compound[surname]
    elif surname in single:
        family = single[surname]
    else:
        family = "".join(_syllables(surname))
    family = family[:1].upper() + family[1:]
    return f"{family} {_word(_given_syllables(given))}" if given else family


def _given_syllables(given: str) -> list[str]:
    """pypinyin's reading of a given name, with the name readings of `given` put in."""
    syllables = _syllables(given)
    if len(syllables) != len(given):
        return syllables  # a Latin letter or digit inside: as pypinyin reads it
    readings = given_readings()
    return [readings.get(ch, syllable) for ch, syllable in zip(given, syllables, strict=True)]


def _split_dots(name: str) -> list[str]:
    for dot in _NAME_DOTS:
        name = name.replace(dot, "·")
    return name.split("·")


_TONES = "\u0304\u0301\u030c\u0300"  # the combining marks of tones 1 to 4
_SORT_KEYS: dict[str, str] = {}
SKIPPED = frozenset("PSZC")
"""Unicode categories left out of a sort key: punctuation, symbols, spaces, controls
(《》【】 before a title would put it last)."""


def _char_key(char: str) -> str:
    """One character's part of a sort key: `zhong1` for 中 (its first, most common reading,
    tone as a digit, 5 for the neutral tone), the lower-cased character for anything else."""
    from pypinyin.pinyin_dict import pinyin_dict  # loaded with pypinyin (the sidebar's pinyin)

    readings = pinyin_dict.get(ord(char))
    if readings is None:
        return "" if unicodedata.category(char)[0] in SKIPPED else char.lower()
    decomposed = unicodedata.normalize("NFD", readings.split(",", 1)[0])
    tone = next((str(_TONES.index(mark) + 1) for mark in decomposed if mark in _TONES), "5")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ü", "v") + tone


def sort_key(text: str) -> str:
    """A key that orders Chinese text by pinyin, as dictionaries and phone books do.

    Character by character (cached), with each character's most common reading: fast
    enough for a list of 100,000 titles (~25 µs a title), where pypinyin's phrase-aware
    reading is a hundred times slower; a heteronym in a phrase (重庆 chóng) may sort
    under its common reading (zhòng). Ties are left to the caller's stable sort.
    """
    parts = []
    for char in text:
        key = _SORT_KEYS.get(char)
        if key is None:
            key = _SORT_KEYS[char] = _char_key(char)
        if key:
            parts.append(key)
    # No separator: the tone digit ends each syllable, and digits sort before letters, so
    # 西安 (xi1an1) comes before 先 (xian1) and a Latin word reads as one (an1hui1 < apple).
    return "".join(parts)
