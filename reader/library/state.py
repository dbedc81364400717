"""Reading state: where each article was left, which were read, the last one open.

Kept in one small JSON file in the state directory. Positions are paragraph indexes,
never scroll fractions, so a restored position survives a change of window width.
The file is written atomically (temp file + os.replace); a save first merges what is
on disk, so two readers open at once keep each other's marks (for the same article
the later save wins). A file that cannot be read as state is set aside, not lost,
and the app gets a notice to show.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader import locations
from reader.files import read_regular_text, set_aside, write_atomic
from reader.textsafety import json_safe

STATE_VERSION = 1


def state_path() -> Path:
    """The reading-state file."""
    return locations.state_dir() / "state.json"


@dataclass
class ArticleState:
    """What is remembered for one article."""

    paragraph: int = 0
    read: bool = False

    def to_json(self) -> dict[str, object]:
        return {"paragraph": self.paragraph, "read": self.read}

    @classmethod
    def from_json(cls, data: object) -> ArticleState:
        if not isinstance(data, dict):
            return cls()
        paragraph = data.get("paragraph", 0)
        valid = isinstance(paragraph, int) and paragraph >= 0
        return cls(paragraph if valid else 0, data.get("read") is True)


LOOKUPS_KEPT = 100_000
"""Resolved keys a state keeps for look-ups (a library's rows); past that it starts over."""


def _key(path: Path) -> str:
    """Articles are remembered by absolute resolved path: the same file however it was opened."""
    return str(Path(path).expanduser().resolve())


@dataclass
class ReadingState:
    """The state file's contents in memory; call `save()` to write changes."""

    path: Path = field(default_factory=state_path)
    articles: dict[str, ArticleState] = field(default_factory=dict)
    last_open_key: str | None = None
    last_library_key: str | None = None
    notice: str | None = None
    """A sentence for the user when the file was damaged and set aside."""
    _changed_keys: set[str] = field(default_factory=set, repr=False)
    _last_open_changed: bool = field(default=False, repr=False)
    _resolved: dict[Path, str] = field(default_factory=dict, repr=False)
    """Keys looked up so far: the list asks for every row it draws, and resolving a path
    takes a system call per folder in it (see `_lookup_key`)."""

    @classmethod
    def load(cls, path: Path | None = None, *, repair: bool = True) -> ReadingState:
        """Read the state file (a missing one is an empty state).

        A damaged file is set aside, with a notice, unless `repair` is false: the CLI
        only peeks at the state (which library a bare `reader` opens) and leaves the
        repair, and the telling, to the session that opens next.
        """
        state = cls(path or state_path())
        try:
            state._merge(_read(state.path))
        except FileNotFoundError:
            pass
        except (OSError, ValueError) as error:
            if not repair:
                return state
            aside = set_aside(state.path, "damaged") if state.path.exists() else None
            where = f"; set aside as {aside.name}" if aside else ""
            state.notice = f"Reading state could not be read ({error}){where}; starting afresh."
        return state

    @property
    def changed(self) -> bool:
        """Whether anything changed since the last load or save (what `save()` would write)."""
        return bool(self._changed_keys) or self._last_open_changed

    def _merge(self, data: dict[str, Any]) -> None:
        """Take what is on disk, except what this process changed since it loaded."""
        articles = data.get("articles", {})
        if isinstance(articles, dict):
            for key, value in articles.items():
                if key not in self._changed_keys:
                    self.articles[key] = ArticleState.from_json(value)
        last, library = data.get("last_open"), data.get("last_library")
        if not self._last_open_changed and (last is None or isinstance(last, str)):
            self.last_open_key = last
            self.last_library_key = library if isinstance(library, str) else None

    # -- the app's API ------------------------------------------------------------------------

    def _entry(self, article: Path) -> ArticleState | None:
        """What is remembered of `article` (None: nothing). Nothing is resolved while nothing
        is remembered (a new user's list draws every row without a system call); otherwise
        a path's key is resolved once per process for look-ups (a link retargeted meanwhile
        is seen when it is next opened or marked: a change resolves it afresh)."""
        if not self.articles:
            return None
        key = self._resolved.get(article)
        if key is None:
            if len(self._resolved) >= LOOKUPS_KEPT:
                self._resolved.clear()
            key = self._resolved[article] = _key(article)
        return self.articles.get(key)

    def position(self, article: Path) -> int | None:
        """The paragraph where `article` was left, or None if it was never opened."""
        entry = self._entry(article)
        return entry.paragraph if entry else None

    def set_position(self, article: Path, paragraph: int) -> None:
        key = _key(article)
        self._resolved[article] = key
        self.articles.setdefault(key, ArticleState()).paragraph = max(0, paragraph)
        self._changed_keys.add(key)

    def is_read(self, article: Path) -> bool:
        entry = self._entry(article)
        return bool(entry and entry.read)

    def mark_read(self, article: Path, read: bool = True) -> None:
        key = _key(article)
        self._resolved[article] = key
        self.articles.setdefault(key, ArticleState()).read = read
        self._changed_keys.add(key)

    @property
    def last_open(self) -> Path | None:
        """The article open when the reader last quit (None if none, or it is gone)."""
        if self.last_open_key is None:
            return None
        path = Path(self.last_open_key)
        return path if path.is_file() else None

    @property
    def last_library(self) -> Path | None:
        """The library folder the last article was opened from (None if unknown or gone)."""
        if self.last_library_key is None:
            return None
        path = Path(self.last_library_key)
        return path if path.is_dir() else None

    def set_last_open(self, article: Path | None, library: Path | None = None) -> None:
        """Remember the article open now, and the library it was opened from, for a bare `reader`."""
        self.last_open_key = _key(article) if article is not None else None
        self.last_library_key = _key(library) if library is not None else None
        self._last_open_changed = True

    def progress(self, article: Path, paragraphs: int) -> float:
        """How far into `article` the reader got, 0.0–1.0 (1.0 once it is marked read)."""
        entry = self._entry(article)
        if entry is None or paragraphs <= 0:
            return 0.0
        if entry.read:
            return 1.0
        return min(1.0, (entry.paragraph + 1) / paragraphs)

    def save(self) -> None:
        """Write the state atomically, after merging changes another process saved meanwhile."""
        with contextlib.suppress(OSError, ValueError):  # missing or damaged on disk: ours replaces it
            self._merge(_read(self.path))
        data = {
            "version": STATE_VERSION,
            "last_open": self.last_open_key,
            "last_library": self.last_library_key,
            "articles": {key: value.to_json() for key, value in sorted(self.articles.items())},
        }
        # json_safe: a file name that is not UTF-8 is kept exactly, as a \udcxx escape.
        write_atomic(self.path, json_safe(json.dumps(data, ensure_ascii=False, indent=1)).encode("utf-8"))
        self._changed_keys.clear()
        self._last_open_changed = False


def _read(path: Path) -> dict[str, Any]:
    data: Any = json.loads(read_regular_text(path))
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        raise ValueError("not a reader state file")
    return data
