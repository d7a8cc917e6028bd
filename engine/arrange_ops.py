"""Elements placed anew: ``fliplr``, ``flipud``, ``rot90`` (each a new tensor, as in PyTorch)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from engine.extra_ops import flip
from engine.functions.arrange import Rot90Backward0
from engine.shape_ops import _dim
from engine.tensor import Tensor


def fliplr(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's names
    """Columns in reverse order (dimension 1 flipped)."""
    if input._data.ndim < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return flip(input, 1)


def flipud(input: Tensor) -> Tensor:  # noqa: A002
    """Rows in reverse order (dimension 0 flipped)."""
    if input._data.ndim < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return flip(input, 0)


def rot90(input: Tensor, k: Any = 1, dims: Any = (0, 1)) -> Tensor:  # noqa: A002
    """Turned ``k`` quarter turns in the plane of ``dims``, from the first dimension towards the second."""
    if not isinstance(k, int) or isinstance(k, bool):
        raise TypeError(f"rot90(): argument 'k' (position 2) must be int, not {type(k).__name__}")
    dims = list(dims)
    if len(dims) != 2:
        raise RuntimeError(f"expected total rotation dims == 2, but got dims = {len(dims)}")
    ndim = input._data.ndim
    if ndim < 2:
        raise RuntimeError(f"expected total dims >= 2, but got total dims = {ndim}")
    first, second = _dim(dims[0], ndim), _dim(dims[1], ndim)
    if first == second:
        raise RuntimeError(
            f"expected rotation dims to be different, but got dim0 = {dims[0]} and dim1 = {dims[1]}"
        )
    return Rot90Backward0.apply(input, k=k % 4, dims=(first, second))


METHODS: dict[str, Callable] = {"fliplr": fliplr, "flipud": flipud, "rot90": rot90}
