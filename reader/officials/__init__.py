"""Officials extraction: who an article names, their posts, and where they are mentioned.

Core code: never imports textual, so the CLI, the exporters and the UI can all use it.
Names are imported on first use (PEP 562): the UI needs the model types to paint,
while the extractor itself loads in the worker that runs it, after the first paint.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy import lazy_exports

if TYPE_CHECKING:
    from reader.officials.errors import LexiconError
    from reader.officials.extract import extract_officials
    from reader.officials.lexicon import load_lexicon
    from reader.officials.model import Mention, Official, OfficialsReport, OtherPerson

_HOMES = {
    "LexiconError": "errors",
    "Mention": "model",
    "Official": "model",
    "OfficialsReport": "model",
    "OtherPerson": "model",
    "extract_officials": "extract",
    "load_lexicon": "lexicon",
}

__all__ = [
    "LexiconError",
    "Mention",
    "Official",
    "OfficialsReport",
    "OtherPerson",
    "extract_officials",
    "load_lexicon",
]
# Kept equal to _HOMES by tests/test_architecture.py.


__getattr__ = lazy_exports(__name__, _HOMES)
