"""PyTorch's in-place tensor arithmetic on numpy arrays, rounded as its CPU kernels round it (the optimizers'
updates in engine/optim_extra.py are written with these, so float32 parameters agree with PyTorch's).

PyTorch casts a Python scalar to the tensor's dtype before the kernel sees it, and rounds a multiply-add
once (``lerp_``, ``addcmul_``, ``add_(alpha=)``); ``addcdiv_`` scales, divides, then adds, each rounded.
A float32 multiply-add is done in float64 (the product is exact there) and rounded back: in rare ties
that double rounding can differ from a true fused multiply-add by one unit in the last place.
"""

from __future__ import annotations

from typing import Any

import numpy as np


def scalar(value: float, like: np.ndarray) -> np.ndarray:
    """A Python number as PyTorch hands it to a kernel: cast to the tensor's dtype."""
    return np.asarray(value, dtype=like.dtype)


def multiply_add(first: Any, second: np.ndarray, addend: np.ndarray) -> np.ndarray:
    """``first * second + addend`` rounded once, as a fused multiply-add (float32 via float64)."""
    first = np.asarray(first, dtype=addend.dtype)
    if addend.dtype != np.float32:
        return first * second + addend
    wide = first.astype(np.float64) * second.astype(np.float64) + addend.astype(np.float64)
    return wide.astype(np.float32)


def lerp(start: np.ndarray, end: np.ndarray, weight: float) -> np.ndarray:
    """``start.lerp_(end, weight)``: from the nearer end, so a small weight stays exact."""
    if weight < 0.5:
        return multiply_add(scalar(weight, start), end - start, start)
    return multiply_add(-(end - start), scalar(1 - weight, start), end)


def addcmul(base: np.ndarray, first: np.ndarray, second: np.ndarray, value: float) -> np.ndarray:
    """``base.addcmul_(first, second, value=value)``: the scaled product added with one rounding."""
    return multiply_add(scalar(value, base) * first, second, base)


def addcdiv(base: np.ndarray, numerator: np.ndarray, denominator: np.ndarray, value: float) -> np.ndarray:
    """``base.addcdiv_(numerator, denominator, value=value)``: scaled first, then divided, then added."""
    return base + scalar(value, base) * numerator / denominator
