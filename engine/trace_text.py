"""The short text a graph label shows for a number or an array: ``8``, ``[1, 2]``, ``[0.1, 0.2, …]``.

Numbers keep ``SIGNIFICANT_DIGITS`` digits (0.3333, 1.5e-05), -0.0 is written 0, nan and inf as "nan",
"inf", "-inf"; an array lists at most ``TEXT_ELEMENTS`` of its numbers. Used by ``engine.trace_values``.
"""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np

TEXT_ELEMENTS = 4  # how many elements a label's text lists before "…"
SIGNIFICANT_DIGITS = 4  # digits in a label's numbers: 0.3333, 8, 1.5e-05
FLOAT_FORMAT = f".{SIGNIFICANT_DIGITS}g"

# speed: for the dtypes whose ``tolist`` gives Python bools, ints or floats, a label's numbers are written
# by ``str.format`` with this spec (``format(True, "")`` is "True", ``format(0.5, ".4g")`` is "0.5", nan
# and inf come out as "nan", "inf", "-inf"); other dtypes (complex, longdouble, object) go number by
# number through format_number
SPECS = {**dict.fromkeys("?bBhHiIlLqQ", ""), **dict.fromkeys("efd", FLOAT_FORMAT)}
# speed: the same spec as a %-format field, which writes the same text faster than str.format
# (``"%.4g" % x == format(x, ".4g")`` for every float, ``"%s" % n == format(n, "")`` for ints and bools)
FIELDS = {"": "%s", FLOAT_FORMAT: "%" + FLOAT_FORMAT}
FLOATING = frozenset("efd")  # of those, the ones that can hold nan and inf


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
    spec = SPECS.get(array.dtype.char)
    if spec is None:
        return general_text(array)
    if array.size == 1:
        return number_text(array.item(), spec, array.ndim)
    if array.size <= TEXT_ELEMENTS:
        return listed_text(array, array.ravel().tolist(), spec)
    return listed_text(array, array.reshape(-1)[:TEXT_ELEMENTS].tolist(), spec)


def general_text(array: np.ndarray) -> str:
    """``text`` for any dtype, number by number through ``format_number``."""
    if array.ndim == 0:
        return format_number(array.item())
    if array.size <= TEXT_ELEMENTS:
        return _nested_text(array.tolist())
    flat = array.reshape(-1)[:TEXT_ELEMENTS].tolist()
    return "[" + ", ".join(format_number(item) for item in flat) + ", …]"


def number_text(number: float | int | bool, spec: str, depth: int) -> str:
    """``text`` of an array holding one number, ``depth`` brackets deep: ``0.5``, ``[[0.5]]``."""
    if spec and not number:
        number = 0.0  # format_number writes -0.0 as 0
    return "[" * depth + FIELDS[spec] % number + "]" * depth


def listed_text(array: np.ndarray, flat: list, spec: str) -> str:
    """``text`` of an array of several numbers (or none) from its values listed in order (at least the
    first ``TEXT_ELEMENTS``)."""
    if array.size == 0:
        return general_text(array)
    shown = flat[:TEXT_ELEMENTS]
    if spec and not all(shown):
        shown = [number or 0.0 for number in shown]  # format_number writes -0.0 as 0
    return pattern(array.shape if array.size <= TEXT_ELEMENTS else None, spec) % tuple(shown)


@functools.lru_cache(maxsize=64)
def pattern(shape: tuple[int, ...] | None, spec: str) -> str:
    """The label of a small array of ``shape`` as a %-format (``[[%.4g], [%.4g]]`` for (2, 1)); ``None``
    for the first ``TEXT_ELEMENTS`` numbers of a larger one (``[%s, %s, %s, %s, …]``).

    speed: it depends on the shape alone, so it is made once per shape.
    """
    field = FIELDS[spec]
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
