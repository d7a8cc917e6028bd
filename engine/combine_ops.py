"""Tensors combined into new arrangements: ``cartesian_prod``, ``combinations`` and ``block_diag``.

The first two are built as PyTorch builds them, so the graph shows its nodes: grids from ``meshgrid``
(views expanded), flattened or masked, then stacked as columns.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import dtypes, repeat_ops, shape_ops
from engine.functions.arrange import BlockDiagBackward0
from engine.join_ops import stack
from engine.select_ops import masked_select
from engine.tensor import Tensor


def _check_tensors(tensors: tuple) -> None:
    for position, tensor in enumerate(tensors):
        if not isinstance(tensor, Tensor):
            raise TypeError(
                f"expected Tensor as element {position} in argument 0, but got {type(tensor).__name__}"
            )


def _check_vector(tensor: Tensor) -> None:
    if tensor._data.ndim != 1:
        raise RuntimeError(f"Expect a 1D vector, but got shape {list(tensor._data.shape)}")


def cartesian_prod(*tensors: Any) -> Tensor:
    """Every tuple taking one element from each 1-d tensor, the last varying fastest, one per row (one
    tensor alone comes back as it is)."""
    _check_tensors(tensors)
    for tensor in tensors:
        _check_vector(tensor)
    if len(tensors) == 1:
        return tensors[0]
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    if any(tensor.dtype is not tensors[0].dtype for tensor in tensors):
        raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    grids = repeat_ops.meshgrid(*tensors, indexing="ij")
    return stack([shape_ops.flatten(grid) for grid in grids], 1)


def combinations(input: Tensor, r: int = 2, with_replacement: bool = False) -> Tensor:  # noqa: A002
    """Every choice of ``r`` elements of a 1-d tensor in index order, one per row (an element may repeat
    with ``with_replacement``)."""
    _check_vector(input)
    if r < 0:
        raise RuntimeError(f"Expect a non-negative number, but got {r}")
    if r == 0:
        return Tensor._wrap(np.zeros(0, dtype=input._data.dtype))
    size = input._data.shape[0]
    grids = repeat_ops.meshgrid(*[input] * r, indexing="ij")
    mask = np.ones((size,) * r, dtype=bool)
    for axis in range(r - 1):  # index i along one axis must stay below (or at) the next axis's index
        earlier = np.arange(size).reshape((1,) * axis + (size, 1) + (1,) * (r - axis - 2))
        later = np.arange(size).reshape((1,) * (axis + 1) + (size,) + (1,) * (r - axis - 2))
        mask &= earlier <= later if with_replacement else earlier < later
    chosen = Tensor._wrap(mask)
    return stack([masked_select(grid, chosen) for grid in grids], 1)


def block_diag(*tensors: Any) -> Tensor:
    """The tensors (numbers as 1×1, rows as 1×n) along the diagonal of one matrix, zeros elsewhere."""
    _check_tensors(tensors)
    for position, tensor in enumerate(tensors):
        if tensor._data.ndim > 2:
            raise RuntimeError(
                f"torch.block_diag: Input tensors must have 2 or fewer dimensions. Input {position} has "
                f"{tensor._data.ndim} dimensions"
            )
    if not tensors:
        return Tensor._wrap(np.zeros((1, 0), dtype=np.float32))
    kind = tensors[0].dtype
    for tensor in tensors[1:]:
        kind = dtypes.promote_types(kind, tensor.dtype)
    return BlockDiagBackward0.apply(*tensors, dtype=kind.numpy)
