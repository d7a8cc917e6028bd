"""Index arithmetic, without a graph: ``tril_indices``, ``triu_indices`` and ``unravel_index``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import dtypes
from engine.devices import place_on_cpu
from engine.tensor import Tensor


def _triangle_indices(name: str, take: Callable) -> Callable:
    """``tril_indices``/``triu_indices``: the coordinates (row, column) of one triangle of a row × col
    matrix, row by row; ``offset`` moves the diagonal up (positive) or down."""

    def function(
        row: int,
        col: int,
        offset: int = 0,
        *,
        dtype: Any = None,
        device: Any = None,
        requires_grad: bool = False,
    ) -> Tensor:
        for position, (argument, value) in enumerate((("row", row), ("col", col), ("offset", offset)), 1):
            if not isinstance(value, int) or isinstance(value, bool):
                raise TypeError(
                    f"{name}(): argument '{argument}' (position {position}) must be int, not "
                    f"{type(value).__name__}"
                )
        place_on_cpu(device)
        kind = dtypes.int64 if dtype is None else dtype
        if kind.category != dtypes.INTEGER:
            raise NotImplementedError(f"\"{name}\" not implemented for '{kind.scalar_name}'")
        if requires_grad:
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        for argument, value in (("row", row), ("col", col)):
            if value < 0:
                raise RuntimeError(f"{argument} must be non-negative, got{value}")
        rows, cols = take(row, offset, col)
        return Tensor._wrap(np.stack([rows, cols]).astype(kind.numpy).reshape(2, -1))

    function.__name__ = function.__qualname__ = name
    return function


tril_indices = _triangle_indices("tril_indices", np.tril_indices)
triu_indices = _triangle_indices("triu_indices", np.triu_indices)


def unravel_index(indices: Tensor, shape: Any) -> tuple[Tensor, ...]:
    """The coordinates in a tensor of ``shape`` of each flat (row-major) position in ``indices``, one tensor
    per dimension; as PyTorch 2.13, positions are taken modulo the shape (negative ones count back)."""
    if not isinstance(indices, Tensor):
        raise AttributeError(f"'{type(indices).__name__}' object has no attribute 'is_complex'")
    if indices._data.dtype.kind not in "iu":
        raise TypeError(f"expected 'indices' to be integer dtype, but got {indices.dtype!r}")
    sizes = (shape,) if isinstance(shape, int) else tuple(shape)
    for size in sizes:
        if not isinstance(size, int) or isinstance(size, bool):
            raise TypeError(f"expected 'shape' sequence to only contain ints, but got {type(size)}")
    if any(size < 0 for size in sizes):
        raise ValueError(f"'shape' cannot have negative values, but got {tuple(sizes)}")
    if 0 in sizes:
        raise RuntimeError("ZeroDivisionError")
    rest = indices._data.astype(np.int64)
    coordinates = []
    for size in reversed(sizes):
        coordinates.append(rest % size)
        rest = rest // size
    return tuple(Tensor._wrap(np.asarray(c)) for c in reversed(coordinates))
