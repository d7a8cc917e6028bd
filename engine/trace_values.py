"""Numbers for the graph trace: arrays as JSON-safe values and as the short text a graph label shows.

Small arrays travel in full (nested lists); larger ones are summarized so that a trace of a big model
stays small. Non-finite numbers become the strings "nan", "inf", "-inf" (JSON has no literal for them).
``collector_paused`` keeps Python's garbage collector out of building a large trace or view.
"""

from __future__ import annotations

import functools
import gc
import math
from typing import Any

import numpy as np

FULL_VALUE_ELEMENTS = 64  # arrays up to this many elements are sent in full; larger ones are summarized
SUMMARY_HEAD_ELEMENTS = 8  # how many leading elements a summary keeps
TEXT_ELEMENTS = 4  # how many elements a label's text lists before "…"
SIGNIFICANT_DIGITS = 4  # digits in a label's numbers: 0.3333, 8, 1.5e-05
_FLOAT_FORMAT = f".{SIGNIFICANT_DIGITS}g"


def _number(value: float | int | bool) -> float | int | bool | str:
    """A JSON-safe scalar."""
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    return value


def _json_safe(nested: Any) -> Any:
    if isinstance(nested, list):
        return [_json_safe(item) for item in nested]
    return _number(nested)


# speed: for the dtypes whose ``tolist`` gives Python bools, ints or floats, a label's numbers are written
# by ``str.format`` with this spec (``format(True, "")`` is "True", ``format(0.5, ".4g")`` is "0.5", nan
# and inf come out as "nan", "inf", "-inf"); other dtypes (complex, longdouble, object) go number by
# number through format_number
_SPECS = {**dict.fromkeys("?bBhHiIlLqQ", ""), **dict.fromkeys("efd", _FLOAT_FORMAT)}
_FLOATING = frozenset("efd")  # of those, the ones that can hold nan and inf
# speed: float32 and float64, whose mean ndarray.mean works out as their sum over their count in their
# own type (the sum also tells whether every value is finite); other dtypes call ndarray.mean itself
_SUMMED = frozenset("fd")


def encode(array: np.ndarray | float | int | None) -> dict[str, Any] | None:
    """An array as data: ``{"shape", "value"}`` in full when small, else ``{"shape", "summary"}``."""
    if array is None:
        return None
    array = np.asarray(array)
    char = array.dtype.char
    spec = _SPECS.get(char)
    if array.size > FULL_VALUE_ELEMENTS:
        return {"shape": list(array.shape), "text": text(array), "summary": _summary(array)}
    if spec is None:
        return {"shape": list(array.shape), "text": text(array), "value": _json_safe(array.tolist())}
    nested = array.tolist()
    if array.size == 1:  # speed: one number (a loss, a bias, a 1x1 weight) needs no list or pattern
        number = array.item()
        finite = char not in _FLOATING or math.isfinite(number)
        written = _number_text(number, spec, array.ndim)
    else:
        flat = nested if array.ndim == 1 else array.ravel().tolist()
        # speed: one sum tells whether floats hold a nan or an inf (either makes the sum non-finite;
        # finite values that overflow it only take the slow way, which gives the same result)
        finite = char not in _FLOATING or math.isfinite(sum(flat))
        written = _listed_text(array, flat, spec)
    return {"shape": list(array.shape), "text": written, "value": nested if finite else _json_safe(nested)}


class Encodings:
    """The encodings of one trace's arrays: each array is encoded once (a gradient shows on its node, its
    edges and its step), and equal small arrays share one encoding (a gradient, the ``.grad`` it became)."""

    def __init__(self) -> None:
        self.by_array: dict[int, tuple[Any, Any]] = {}  # id(array) -> (array, its encoding)
        self.by_content: dict[tuple, dict[str, Any]] = {}  # (dtype, shape, bytes) -> encoding

    def encode(self, array: Any) -> dict[str, Any] | None:
        """``encode(array)``, worked out once per array."""
        if array is None:
            return None
        key = id(array)
        known = self.by_array.get(key)
        if known is None or known[0] is not array:
            known = self.by_array[key] = (array, self._by_content(array))
        return known[1]

    def _by_content(self, array: Any) -> dict[str, Any]:
        if type(array) is not np.ndarray or array.size > FULL_VALUE_ELEMENTS or array.dtype.hasobject:
            return encode(array)
        # speed: the same dtype, shape and bytes give the same values, so the same encoding
        content = (array.dtype, array.shape, array.tobytes())
        found = self.by_content.get(content)
        if found is None:
            found = self.by_content[content] = encode(array)
        return found


def _summary(array: np.ndarray) -> dict[str, Any]:
    """A large array in a few numbers: its size, first elements, and the range and mean of its finite ones."""
    flat = array.reshape(-1)
    char = flat.dtype.char
    head = flat[:SUMMARY_HEAD_ELEMENTS].tolist()
    if char not in _SPECS or (char in _FLOATING and not math.isfinite(sum(head))):
        head = _json_safe(head)
    summary = {"numel": int(flat.size), "head": head, "min": None, "max": None, "mean": None}
    if char in _SUMMED:
        total = np.add.reduce(flat, axis=None)
        if math.isfinite(total):  # no nan or inf: every value counts (an overflow goes the long way)
            mean = total.dtype.type(float(total) / flat.size)  # ndarray.mean: in float64, then its own type
            summary.update(_range(flat), mean=float(mean))
            return summary
    finite = flat[np.isfinite(flat)] if flat.dtype.kind == "f" else flat
    if finite.size:
        summary.update(_range(finite), mean=_number(float(finite.mean())))
    return summary


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
    spec = _SPECS.get(array.dtype.char)
    if spec is None:
        return _general_text(array)
    if array.size == 1:
        return _number_text(array.item(), spec, array.ndim)
    if array.size <= TEXT_ELEMENTS:
        return _listed_text(array, array.ravel().tolist(), spec)
    return _listed_text(array, array.reshape(-1)[:TEXT_ELEMENTS].tolist(), spec)


def _general_text(array: np.ndarray) -> str:
    """``text`` for any dtype, number by number through ``format_number``."""
    if array.ndim == 0:
        return format_number(array.item())
    if array.size <= TEXT_ELEMENTS:
        return _nested_text(array.tolist())
    flat = array.reshape(-1)[:TEXT_ELEMENTS].tolist()
    return "[" + ", ".join(format_number(item) for item in flat) + ", …]"


def _number_text(number: float | int | bool, spec: str, depth: int) -> str:
    """``text`` of an array holding one number, ``depth`` brackets deep: ``0.5``, ``[[0.5]]``."""
    if spec and not number:
        number = 0.0  # format_number writes -0.0 as 0
    return "[" * depth + format(number, spec) + "]" * depth


def _listed_text(array: np.ndarray, flat: list, spec: str) -> str:
    """``text`` of an array of several numbers (or none) from its values listed in order (at least the
    first ``TEXT_ELEMENTS``)."""
    if array.size == 0:
        return _general_text(array)
    shown = flat[:TEXT_ELEMENTS]
    if spec and not all(shown):
        shown = [number or 0.0 for number in shown]  # format_number writes -0.0 as 0
    return _pattern(array.shape if array.size <= TEXT_ELEMENTS else None, spec).format(*shown)


@functools.lru_cache(maxsize=64)
def _pattern(shape: tuple[int, ...] | None, spec: str) -> str:
    """The label of a small array of ``shape`` as a format string (``[[{:.4g}], [{:.4g}]]`` for (2, 1));
    ``None`` for the first ``TEXT_ELEMENTS`` numbers of a larger one (``[{}, {}, {}, {}, …]``).

    speed: it depends on the shape alone, so it is made once per shape.
    """
    field = "{:" + spec + "}"
    if shape is None:
        return "[" + ", ".join([field] * TEXT_ELEMENTS) + ", …]"
    items = [field] * math.prod(shape)
    for size in reversed(shape[1:]):
        items = ["[" + ", ".join(items[start : start + size]) + "]" for start in range(0, len(items), size)]
    return "[" + ", ".join(items) + "]"


def _nested_text(nested: Any) -> str:
    if isinstance(nested, list):
        return "[" + ", ".join(_nested_text(item) for item in nested) + "]"
    return format_number(nested)


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
