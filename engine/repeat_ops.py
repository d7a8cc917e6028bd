"""Values picked or repeated along a dimension or across a grid: ``index_select``, ``repeat_interleave`` and
``meshgrid``.

Autograd records what PyTorch records: a meshgrid output is an ``ExpandBackward0`` of a ``ViewBackward0``;
repeating by a count is a ``ViewBackward0`` of a ``CloneBackward0`` of an expansion; by a tensor of counts,
an ``IndexSelectBackward0`` (each copy's gradient returns to its source).
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np

from engine import shape_ops
from engine.functions.shape_extra import IndexSelectBackward0
from engine.tensor import Tensor

MESHGRID_WARNING = (
    "torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument."
)
MESHGRID_CALLER = 2  # the warning names the line that called meshgrid


def meshgrid(*tensors: Any, indexing: str | None = None) -> tuple[Tensor, ...]:
    """Coordinate grids from 1-D tensors: with ``indexing="ij"`` the i-th varies along dimension i; with
    ``"xy"`` the first two swap, as in numpy (without ``indexing``: "ij", and PyTorch's warning)."""
    if len(tensors) == 1 and isinstance(tensors[0], list | tuple):
        tensors = tuple(tensors[0])
    if indexing is None:
        warnings.warn(MESHGRID_WARNING, UserWarning, stacklevel=MESHGRID_CALLER)
        indexing = "ij"
    if indexing not in ("ij", "xy"):
        raise RuntimeError(f'torch.meshgrid: indexing must be one of "xy" or "ij", but received: {indexing}')
    if not tensors:
        raise RuntimeError("torch.meshgrid expects a non-empty TensorList")
    for tensor in tensors:
        if tensor.dim() > 1:
            raise RuntimeError(
                f"torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: {tensor._data.shape}"
            )
        if tensor.dtype != tensors[0].dtype:
            raise RuntimeError(
                "torch.meshgrid: Expected all tensors in the tensor list to have the same dtype"
            )
    axes = list(range(len(tensors)))
    if indexing == "xy" and len(tensors) >= 2:
        axes[0], axes[1] = 1, 0
    shape = [0] * len(tensors)
    for tensor, axis in zip(tensors, axes, strict=True):
        shape[axis] = tensor.numel()
    grids = []
    for tensor, axis in zip(tensors, axes, strict=True):
        view = [1] * len(tensors)
        view[axis] = -1
        grids.append(shape_ops.expand(shape_ops.view(tensor, *view), *shape))
    return tuple(grids)


def repeat_interleave(
    input: Tensor, repeats: Any = None, dim: int | None = None, *, output_size: Any = None
) -> Tensor:  # noqa: A002
    """Each element (or slice along ``dim``) repeated ``repeats`` times in place; without ``dim``, of the
    flattened tensor. ``torch.repeat_interleave(counts)`` alone repeats each index by its count."""
    if repeats is None:  # torch.repeat_interleave(repeats): the indices, each repeated
        counts = input._data
        return Tensor._wrap(np.repeat(np.arange(len(counts), dtype=np.int64), counts))
    if dim is None:
        input, dim = shape_ops.flatten(input), 0
    axis = shape_ops._dim(dim, input.dim())
    size = input.shape[axis]
    counts = repeats._data.reshape(-1) if isinstance(repeats, Tensor) else np.asarray([int(repeats)])
    if counts.size == 1:
        counts = np.repeat(counts, size)
    if counts.size != size:
        raise RuntimeError(
            "repeats must have the same size as input along dim, but got "
            f"repeats.size(0) = {counts.size} and input.size({axis}) = {size}"
        )
    if np.any(counts < 0):
        raise RuntimeError("Repeats must be non-negative")
    if not isinstance(repeats, Tensor):  # one count for all: each slice expanded, copied, viewed flat
        shape = list(input.shape)
        wide = shape_ops.expand(
            shape_ops.unsqueeze(input, axis + 1), *shape[: axis + 1], int(repeats), *shape[axis + 1 :]
        )
        shape[axis] *= int(repeats)
        return shape_ops.view(shape_ops.clone(wide), *shape)
    return index_select(input, axis, Tensor._wrap(np.repeat(np.arange(size, dtype=np.int64), counts)))


def index_select(input: Tensor, dim: int, index: Tensor) -> Tensor:  # noqa: A002
    """The slices of ``input`` along ``dim`` at ``index`` (a 1-D integer tensor of positions from 0), in its
    order."""
    if index.dim() > 1:
        raise IndexError("index_select(): Index is supposed to be a vector")
    if index._data.dtype.kind not in "iu":
        raise RuntimeError(f"index_select(): Expected dtype int32/int64 for index but got: {index.dtype}")
    axis = shape_ops._dim(dim, max(input.dim(), 1))
    positions = index._data.reshape(-1).astype(np.int64)
    size = input.shape[axis] if input.dim() else 1
    if positions.size and (positions.min() < 0 or positions.max() >= size):  # no wrapping from the end
        raise IndexError("index out of range in self")
    return IndexSelectBackward0.apply(input, axis=axis, indices=positions)
