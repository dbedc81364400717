"""Fingerprints of the code and data an index's stored readings came from.

The index re-reads a file when its size, mtime or inode change. That misses the other
half: a new reader (loaders that now see a kicker, officials rules with a longer
lexicon) or a user's `officials.yaml` changes what the same bytes give. Each phase keeps
the fingerprint it was computed with in the `meta` table; when the current one differs,
every file is read again (text phase) or its officials found again (officials phase).
A fingerprint hashes the source and data files themselves, so no version number has to
be remembered by hand. Core code: no Textual, and the extractor is never imported.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from reader.files import read_regular
from reader.officials.overlay import overlay_path

PACKAGE = Path(__file__).resolve().parents[1]
TEXT_KEY = "reading"
OFFICIALS_KEY = "officials"
REPOSTS_KEY = "reposts"


def _digest(paths: Iterable[Path]) -> str:
    """A short hash over the files' names and contents (a missing file counts as absent)."""
    h = hashlib.sha256()
    for path in sorted(paths):
        try:
            data = read_regular(path)
        except OSError:
            continue
        h.update(path.name.encode())
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()[:16]


def text_fingerprint() -> str:
    """What reading a file into title, metadata and paragraphs depends on."""
    files = [*PACKAGE.glob("loaders/*.py"), PACKAGE / "article.py", PACKAGE / "textsafety.py"]
    return _digest(files)


def officials_fingerprint() -> str:
    """What finding an article's officials depends on, the user's lexicon additions included."""
    officials = PACKAGE / "officials"
    files = [*officials.glob("*.py"), *officials.glob("data/*.yaml"), *officials.glob("backends/*.py")]
    files += [PACKAGE / "script.py", PACKAGE / "data" / "traditional_chars.txt"]  # traditional pages
    files.append(overlay_path())
    return _digest(files)


def reposts_fingerprint() -> str:
    """What an article's sketch and the pair rule depend on (a new K or threshold regroups all)."""
    return _digest([PACKAGE / "dedupe.py", PACKAGE / "library" / "reposts.py"])
