"""Officials extraction: who an article names, their posts, and where they are mentioned.

Core code: never imports textual, so the CLI, the exporters and the UI can all use it.
"""

from reader.officials.extract import extract_officials
from reader.officials.lexicon import LexiconError, load_lexicon
from reader.officials.model import Mention, Official, OfficialsReport, OtherPerson

__all__ = [
    "LexiconError",
    "Mention",
    "Official",
    "OfficialsReport",
    "OtherPerson",
    "extract_officials",
    "load_lexicon",
]
