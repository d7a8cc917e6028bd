"""Numbers for the graph trace: arrays as JSON-safe values and as the short text a graph label shows.

Small arrays travel in full (nested lists); larger ones are summarized so that a trace of a big model
stays small. Non-finite numbers become the strings "nan", "inf", "-inf" (JSON has no literal for them).
``collector_paused`` keeps Python's garbage collector out of building a large trace or view.
"""

from __future__ import annotations

import gc
import math
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

FULL_VALUE_ELEMENTS = 64  # arrays up to this many elements are sent in full; larger ones are summarized
SUMMARY_HEAD_ELEMENTS = 8  # how many leading elements a summary keeps
TEXT_ELEMENTS = 4  # how many elements a label's text lists before "…"
SIGNIFICANT_DIGITS = 4  # digits in a label's numbers: 0.3333, 8, 1.5e-05


def _number(value: float | int | bool) -> float | int | bool | str:
    """A JSON-safe scalar."""
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def _json_safe(nested: Any) -> Any:
    if isinstance(nested, list):
        return [_json_safe(item) for item in nested]
    return _number(nested)


def encode(array: np.ndarray | float | int | None) -> dict[str, Any] | None:
    """An array as data: ``{"shape", "value"}`` in full when small, else ``{"shape", "summary"}``."""
    if array is None:
        return None
    array = np.asarray(array)
    encoded: dict[str, Any] = {"shape": list(array.shape), "text": text(array)}
    if array.size <= FULL_VALUE_ELEMENTS:
        encoded["value"] = _json_safe(array.tolist())
        return encoded
    flat = array.reshape(-1)
    finite = flat[np.isfinite(flat)] if flat.dtype.kind == "f" else flat
    encoded["summary"] = {
        "numel": int(flat.size),
        "head": _json_safe(flat[:SUMMARY_HEAD_ELEMENTS].tolist()),
        "min": _number(finite.min().item()) if finite.size else None,
        "max": _number(finite.max().item()) if finite.size else None,
        "mean": _number(float(finite.mean())) if finite.size else None,
    }
    return encoded


def format_number(value: float | int | bool) -> str:
    """One number the way a slide shows it: 8, -0.5, 0.3333, 1.5e-05, nan."""
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, int | np.integer):
        return str(int(value))
    value = float(value)
    if not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if value == 0:
        return "0"
    return f"{value:.{SIGNIFICANT_DIGITS}g}"


def text(array: np.ndarray | float | int) -> str:
    """A short label: ``8`` for a scalar, ``[1, 2, 3]``, ``[[1, 2], [3, 4]]``, ``[0.1, 0.2, …]``."""
    array = np.asarray(array)
    if array.ndim == 0:
        return format_number(array.item())
    if array.size <= TEXT_ELEMENTS:
        return _nested_text(array.tolist())
    flat = array.reshape(-1)[:TEXT_ELEMENTS].tolist()
    return "[" + ", ".join(format_number(item) for item in flat) + ", …]"


def _nested_text(nested: Any) -> str:
    if isinstance(nested, list):
        return "[" + ", ".join(_nested_text(item) for item in nested) + "]"
    return format_number(nested)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection while a trace's many small dicts are built (it made big traces superlinear)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
