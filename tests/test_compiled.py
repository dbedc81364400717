"""reader.compiled: patterns come from the machine's store exactly as `re.compile` makes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader import compiled

PATTERNS = [
    (r"^据?(?P<outlet>[\u4e00-\u9fff]{0,12}(?:社|网|报|台))(?:讯|电)", 0),
    (r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f])·(?=[\u4e00-\u9fff])", 0),
    (r"^(date[ \t]*:[ \t]*)(.+?)[ \t]*$", re.MULTILINE),
    ("[\u007f-\u009f\ud800-\udfff]", 0),
    ("[\udbff\udc00x]", 0),  # a high then a low surrogate: two characters, not one pair
    (r"(?i)abc(?P<x>d)?", 0),
]
TEXTS = ["据新华社北京电", "习·近平", "date: 2020-01-01\nx", "a\ud800b\x85", "ABCD", ""]


@pytest.fixture
def fresh_store(reader_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty store in this test's cache folder, as a new process would see it."""
    monkeypatch.setattr(compiled, "_loaded", None)
    monkeypatch.setattr(compiled, "_new", {})
    return reader_dirs["cache"]


def _same(ours: re.Pattern[str], theirs: re.Pattern[str]) -> None:
    assert (ours.pattern, ours.flags, ours.groups, ours.groupindex) == (
        theirs.pattern,
        theirs.flags,
        theirs.groups,
        theirs.groupindex,
    )
    for text in TEXTS:
        assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
        first, second = ours.search(text), theirs.search(text)
        assert (first and first.groupdict()) == (second and second.groupdict())


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new process: nothing in memory, the store on disk."""
    monkeypatch.setattr(compiled, "_loaded", None)
    monkeypatch.setattr(compiled, "_new", {})


def test_fresh_and_stored_patterns_are_re_compiles(
    fresh_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for pattern, flags in PATTERNS:
        _same(compiled.compile_pattern(pattern, flags), re.compile(pattern, flags))
    compiled.save_compiled()
    assert list(fresh_store.glob("patterns-*.json"))
    _forget(monkeypatch)

    def not_again(pattern: str, flags: int) -> object:
        raise AssertionError(f"compiled again: {pattern!r}")

    monkeypatch.setattr(compiled, "_compile_fresh", not_again)
    for pattern, flags in PATTERNS:
        _same(compiled.compile_pattern(pattern, flags), re.compile(pattern, flags))


@pytest.mark.parametrize("damage", ["checksum", "python", "truncated", "garbage"])
def test_a_damaged_or_foreign_store_is_not_used(
    fresh_store: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    pattern, flags = PATTERNS[0]
    compiled.compile_pattern(pattern, flags)
    compiled.save_compiled()
    (store,) = fresh_store.glob("patterns-*.json")
    raw = store.read_bytes()
    digest, _, body = raw.partition(b"\n")
    if damage == "checksum":
        raw = digest + b"\n" + body.replace(b'"python"', b'"pythom"')
    elif damage == "python":
        import hashlib

        body = body.replace(b'"python": "', b'"python": "other ')
        raw = hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    elif damage == "truncated":
        raw = raw[: len(raw) // 2]
    else:
        raw = b"\x00\xff not a store"
    store.write_bytes(raw)
    _forget(monkeypatch)
    fresh: list[str] = []  # the store is not trusted: the pattern is compiled anew
    compile_fresh = compiled._compile_fresh

    def counted(pattern: str, flags: int) -> object:
        fresh.append(pattern)
        return compile_fresh(pattern, flags)

    monkeypatch.setattr(compiled, "_compile_fresh", counted)
    _same(compiled.compile_pattern(pattern, flags), re.compile(pattern, flags))
    assert fresh == [pattern]


def test_a_wrong_code_falls_back_to_compiling(fresh_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Code the C matcher refuses (a store written by a different matcher) is compiled anew."""
    pattern, flags = PATTERNS[0]
    monkeypatch.setattr(compiled, "_loaded", {(pattern, flags): (32, [1, 2, 3, 99999], 1, {}, (None, None))})
    _same(compiled.compile_pattern(pattern, flags), re.compile(pattern, flags))


def test_an_unwritable_cache_is_no_error(
    reader_dirs: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = reader_dirs["cache"]
    blocker.parent.mkdir(parents=True, exist_ok=True)
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    _forget(monkeypatch)
    pattern, flags = PATTERNS[2]
    _same(compiled.compile_pattern(pattern, flags), re.compile(pattern, flags))
    compiled.save_compiled()  # nothing raised, nothing written
    assert blocker.is_file()
