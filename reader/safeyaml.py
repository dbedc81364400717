"""The one way reader reads YAML: safe types only, bounded before anything uses them.

yaml.safe_load never builds objects, but it happily builds a "billion laughs"
document: nine levels of ten aliases each are a few hundred bytes and a billion
nodes once anything walks them (a repr in a warning, a loop over a list). Every YAML
file reader reads (config.yaml, themes, glossary.yaml, surname_readings.yaml, the
officials lexicon and its overlay, article front matter) goes through `load`, which

- refuses text longer than `max_chars` before parsing it, and
- counts the nodes the document stands for, an alias counting as the whole node it
  repeats, and stops at `max_nodes`: a bomb fails after a few hundred nodes' work.

Warnings quote values through `short_repr` (reader.messages, re-exported here), which never
walks more than a few items.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.events import AliasEvent

from reader.messages import short_repr

__all__ = ["MAX_CHARS", "MAX_NODES", "YAMLTooLarge", "load", "short_repr"]

MAX_CHARS = 4 * 1024 * 1024
"""The longest YAML text read by default; reader's own data files are under 20 kB."""

MAX_NODES = 200_000
"""The most nodes (aliases expanded) a document may stand for by default."""


class YAMLTooLarge(yaml.YAMLError):
    """A document too long, or one whose aliases stand for too many nodes."""


class _BoundedSafeLoader(yaml.SafeLoader):
    """SafeLoader that counts composed nodes, each alias weighing what it repeats."""

    def __init__(self, stream: str, max_nodes: int) -> None:
        super().__init__(stream)
        self._max_nodes = max_nodes
        self._nodes = 0
        self._weights: dict[int, int] = {}

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(AliasEvent):
            node = super().compose_node(parent, index)
            self._count(self._weights.get(id(node), 1))  # a node still open (a recursive alias): 1
            return node
        before = self._nodes
        node = super().compose_node(parent, index)
        self._count(1)
        self._weights[id(node)] = self._nodes - before
        return node

    def _count(self, weight: int) -> None:
        self._nodes += weight
        if self._nodes > self._max_nodes:
            raise YAMLTooLarge(f"more than {self._max_nodes:,} values once its aliases are expanded")


def load(text: str, *, max_chars: int = MAX_CHARS, max_nodes: int = MAX_NODES, fast: bool = False) -> Any:
    """The document in `text` as safe Python types; YAMLTooLarge or another YAMLError.

    `fast` parses through libyaml when PyYAML has it (themes, read at every start) —
    but only a text with no anchor (`&`), so no alias can multiply anything; a text
    libyaml rejects is parsed again in Python so the error and its line are the usual.
    """
    if len(text) > max_chars:
        raise YAMLTooLarge(f"longer than {max_chars:,} characters")
    quick = getattr(yaml, "CSafeLoader", None) if fast and "&" not in text else None
    if quick is not None:
        try:
            return yaml.load(text, Loader=quick)  # CSafeLoader: the safe constructor
        except yaml.YAMLError:
            pass
    loader = _BoundedSafeLoader(text, max_nodes)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
