"""The officials lexicon's error, in a module of its own.

Callers that only need to catch it (`reader people` around the index's refresh) should
not import the lexicon, and with it a YAML parser, to name the class.
"""

from __future__ import annotations


class LexiconError(Exception):
    """A lexicon file that cannot be used; the message is one line for the user."""
