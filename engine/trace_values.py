"""Numbers for the graph trace: arrays as JSON-safe values, with the short text a graph label shows.

Small arrays travel in full (nested lists); larger ones are summarized so that a trace of a big model
stays small. Non-finite numbers become the strings "nan", "inf", "-inf" (JSON has no literal for them).
The label texts are written by ``engine.trace_text``. ``collector_paused`` keeps Python's garbage
collector out of building a large trace or view.
"""

from __future__ import annotations

import gc
import math
from typing import Any

import numpy as np

from engine.trace_text import (  # noqa: F401 - text and format_number are this module's API too
    FIELDS,
    FLOATING,
    SPECS,
    TEXT_ELEMENTS,
    format_number,
    general_text,
    listed_text,
    pattern,
    text,
)

FULL_VALUE_ELEMENTS = 64  # arrays up to this many elements are sent in full; larger ones are summarized
SUMMARY_HEAD_ELEMENTS = 8  # how many leading elements a summary keeps
LAYOUTS_KEPT = 1024  # (dtype, shape) pairs whose layout is kept for encode; the table is emptied when full
# speed: float32 and float64, whose mean ndarray.mean works out as their sum over their count in their
# own type (the sum also tells whether every value is finite); other dtypes call ndarray.mean itself
_SUMMED = frozenset("fd")
_UNSEEN = object()  # a (dtype, shape) whose layout is not worked out yet


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
    key = (array.dtype, array.shape)
    layout = _LAYOUTS.get(key, _UNSEEN)
    if layout is _UNSEEN:
        layout = _layout(key)
    if layout is not None:
        return _listed(array, layout)
    spec = SPECS.get(array.dtype.char)
    if array.size > FULL_VALUE_ELEMENTS:
        return _summarized(array, array.dtype.char, spec)
    # other dtypes (complex, longdouble, object) and empty arrays
    return {"shape": list(array.shape), "text": text(array), "value": _json_safe(array.tolist())}


# (dtype, shape) -> how encode writes a small array of them: (one number?, floating?, spec, flattened?, its
# text as a %-format), or None when it takes the general way (summarized, empty, or not bool/int/float)
_LAYOUTS: dict[tuple, tuple | None] = {}


def _layout(key: tuple) -> tuple | None:
    """The layout of ``(dtype, shape)``, worked out once (speed: the same shapes come back every trace)."""
    dtype, shape = key
    spec, size = SPECS.get(dtype.char), math.prod(shape)
    found = None
    if spec is not None and 1 <= size <= FULL_VALUE_ELEMENTS:
        if size == 1:  # the number, as many brackets deep as the array: 0.5, [[0.5]]
            written = "[" * len(shape) + FIELDS[spec] + "]" * len(shape)
        else:
            written = pattern(shape if size <= TEXT_ELEMENTS else None, spec)
        found = (size == 1, dtype.char in FLOATING, spec, len(shape) > 1, written)
    if len(_LAYOUTS) >= LAYOUTS_KEPT:
        _LAYOUTS.clear()
    _LAYOUTS[key] = found
    return found


def _listed(array: np.ndarray, layout: tuple) -> dict[str, Any]:
    """``encode`` of a small bool, int or float array (1 to FULL_VALUE_ELEMENTS numbers) by its layout."""
    single, floating, spec, flattened, written = layout
    nested = array.tolist()
    if single:  # one number (a loss, a bias, a 1x1 weight)
        number = array.item()
        finite = not floating or math.isfinite(number)
        written %= 0.0 if spec and not number else number  # format_number writes -0.0 as 0
    else:
        flat = array.ravel().tolist() if flattened else nested
        # speed: one sum tells whether floats hold a nan or an inf (either makes the sum non-finite;
        # finite values that overflow it only take the slow way, which gives the same result)
        finite = not floating or math.isfinite(sum(flat))
        shown = flat[:TEXT_ELEMENTS]
        if spec and not all(shown):
            shown = [number or 0.0 for number in shown]  # format_number writes -0.0 as 0
        written %= tuple(shown)
    return {"shape": list(array.shape), "text": written, "value": nested if finite else _json_safe(nested)}


class Encodings:
    """The encodings of one trace's arrays: each array is encoded once (a gradient shows on its node, its
    edges and its step), and equal small arrays share one encoding (a gradient, the ``.grad`` it became)."""

    def __init__(self) -> None:
        self.by_array: dict[int, dict[str, Any]] = {}  # id(array) -> its encoding, for the others
        self.arrays: list[Any] = []  # the arrays seen, kept alive with the table: their ids stay theirs
        self.by_content: dict[tuple, dict[str, Any]] = {}  # ((dtype, shape), bytes) -> encoding

    def encode(self, array: Any) -> dict[str, Any] | None:
        """``encode(array)``, worked out once per array (and once per content, for small arrays)."""
        if type(array) is np.ndarray:
            key = (array.dtype, array.shape)
            layout = _LAYOUTS.get(key, _UNSEEN)
            if layout is _UNSEEN:
                layout = _layout(key)
            if layout is not None:
                # speed: the same dtype, shape and bytes give the same values, so the same encoding
                content = (key, array.tobytes())
                found = self.by_content.get(content)
                if found is None:
                    found = self.by_content[content] = _listed(array, layout)
                return found
        elif array is None:
            return None
        found = self.by_array.get(id(array))
        if found is None:
            self.arrays.append(array)
            found = self.by_array[id(array)] = encode(array)
        return found


def _summarized(array: np.ndarray, char: str, spec: str | None) -> dict[str, Any]:
    """``encode`` of a large array: its label and a few numbers (its size, first elements, and the range
    and mean of its finite ones)."""
    flat = array.reshape(-1)
    head = flat[:SUMMARY_HEAD_ELEMENTS].tolist()
    written = general_text(array) if spec is None else listed_text(array, head, spec)  # text(array)
    if spec is None or (char in FLOATING and not math.isfinite(sum(head))):
        head = _json_safe(head)
    summary = {"numel": int(flat.size), "head": head, "min": None, "max": None, "mean": None}
    if char in _SUMMED:
        total = np.add.reduce(flat, axis=None)
        if math.isfinite(total):  # no nan or inf: every value counts (an overflow goes the long way)
            # ndarray.mean: the sum over the count in float64, then in the array's own type
            mean = float(total) / flat.size
            # speed: min and max of finite values need no _number; the ufuncs without ndarray's wrappers
            summary["min"] = np.minimum.reduce(flat).item()
            summary["max"] = np.maximum.reduce(flat).item()
            summary["mean"] = mean if char == "d" else float(np.float32(mean))
            return {"shape": list(array.shape), "text": written, "summary": summary}
    finite = flat[np.isfinite(flat)] if flat.dtype.kind == "f" else flat
    if finite.size:
        summary.update(_range(finite), mean=_number(float(finite.mean())))
    return {"shape": list(array.shape), "text": written, "summary": summary}


def _range(values: np.ndarray) -> dict[str, Any]:
    """The smallest and largest of ``values`` (not empty) as JSON-safe numbers."""
    # speed: the ufuncs that ndarray.min and .max call, without their Python wrappers
    return {
        "min": _number(np.minimum.reduce(values).item()),
        "max": _number(np.maximum.reduce(values).item()),
    }


_DTYPE_NAMES: dict[np.dtype, str] = {}  # speed: numpy works out str(dtype) in Python on every call


def dtype_name(dtype: np.dtype) -> str:
    """``str(dtype)`` (``float32``); a builtin dtype's name is worked out once (it never changes)."""
    name = _DTYPE_NAMES.get(dtype)
    if name is None:
        name = str(dtype)
        if dtype.isbuiltin == 1:  # not structured, byte-swapped or parametrised (their names vary)
            _DTYPE_NAMES[dtype] = name
    return name


class _CollectorPause:
    """The garbage collector off inside ``with`` (and back on after, if it was on)."""

    def __enter__(self) -> None:
        self.enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc_info: object) -> None:
        if self.enabled:
            gc.enable()


def collector_paused() -> _CollectorPause:
    """No garbage collection while a trace's many small dicts are built (it made big traces superlinear)."""
    return _CollectorPause()  # speed: a class, not @contextmanager (a generator per use)
