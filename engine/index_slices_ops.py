"""``index_add``, ``index_copy`` and ``index_fill``: whole slices along a dimension, picked by a vector of
positions, added to, replaced or filled (and their in-place ``_`` forms), with PyTorch's checks in its order
and words (each op words them its own way).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine.functions import index_more as nodes
from engine.in_place_ops import in_place_method
from engine.shape_ops import _dim
from engine.tensor import Tensor

_INT_KINDS = (np.dtype(np.int64), np.dtype(np.int32))


def _size(tensor: Tensor, axis: int) -> int:
    """A dimension's size, a 0-d tensor counting as one element."""
    return tensor._data.shape[axis] if tensor._data.ndim else 1


def _positions(
    self: Tensor, axis: int, index: Tensor, prefix: str, negatives: bool, error: type = IndexError
) -> np.ndarray:
    """The index as non-negative positions along ``axis``, refusing one out of range (a negative one too,
    unless the op counts it from the end) with ``error``."""
    positions = index._data.reshape(-1).astype(np.int64)
    size = _size(self, axis)
    low = -size if negatives else 0
    outside = (positions < low) | (positions >= size)
    if outside.any():
        first = positions[np.argmax(outside)]
        raise error(f"{prefix}index {first} is out of bounds for dimension {axis} with size {size}")
    return positions % max(size, 1)


def _slice_shape(shape: tuple, axis: int) -> list[int]:
    return list(shape[:axis] + shape[axis + 1 :]) if shape else []


def index_add(input: Tensor, dim: int, index: Tensor, source: Tensor, *, alpha: Any = 1) -> Tensor:  # noqa: A002
    """``input`` with ``alpha`` times ``source``'s slices added to the slices ``index`` names along ``dim``
    (a position named twice gets both)."""
    axis = _dim(dim, input._data.ndim)
    if index._data.ndim > 1:
        raise IndexError(
            f"index_add_(): Index is supposed to be a vector, but got dim: {index._data.ndim} with type: "
            f"{index.dtype.scalar_name} and size: {list(index._data.shape)}"
        )
    if index._data.dtype not in _INT_KINDS:
        raise RuntimeError(
            f"index_add_(): Expected dtype int32/int64 for index but got: {index.dtype.scalar_name}"
        )
    if input._data.dtype != source._data.dtype:
        raise RuntimeError(
            f"index_add_(): self ({input.dtype.scalar_name}) and source ({source.dtype.scalar_name}) must "
            "have the same scalar type"
        )
    if axis and axis >= source._data.ndim:
        raise RuntimeError(
            f"index_add_(): Indexing dim {axis} is out of bounds of the source tensor with dim "
            f"{source._data.ndim}"
        )
    count, source_size = index._data.size, _size(source, axis)
    if count != source_size:
        raise RuntimeError(
            f"index_add_(): Number of indices ({count}) should be equal to source.size(dim): "
            f"({source_size}), for dim: {axis}"
        )
    shape, source_shape = input._data.shape, source._data.shape
    both = bool(shape) and bool(source_shape)  # a 0-d one is compared whole
    if (_slice_shape(shape, axis) if both else list(shape)) != (
        _slice_shape(source_shape, axis) if both else list(source_shape)
    ):
        raise RuntimeError(
            "source tensor shape must match self tensor shape, excluding the specified dimension. Got "
            f"self.shape = {list(shape)} source.shape = {list(source_shape)}"
        )
    positions = _positions(input, axis, index, "", negatives=False, error=RuntimeError)
    if not isinstance(alpha, bool | int) and input._data.dtype.kind in "biu":
        alpha = int(alpha)  # an integer tensor adds whole multiples, as PyTorch casts alpha
    return nodes.IndexAddBackward0.apply(input, source, axis=axis, positions=positions, alpha=alpha)


def index_copy(input: Tensor, dim: int, index: Tensor, source: Tensor) -> Tensor:  # noqa: A002
    """``input`` with the slices ``index`` names along ``dim`` replaced by ``source``'s, in order."""
    axis = _dim(dim, input._data.ndim)
    prefix = "index_copy_(): "
    if index._data.ndim > 1:
        raise IndexError(f"{prefix}Index should have dimension 1 or 0 (got {index._data.ndim})")
    if index._data.dtype != np.int64:
        raise RuntimeError(f"{prefix}Expected a long tensor for index, but got {index.dtype.scalar_name}")
    if input._data.dtype != source._data.dtype:
        raise RuntimeError(
            f"{prefix}self and source expected to have the same dtype, but got (self) "
            f"{input.dtype.scalar_name} and (source) {source.dtype.scalar_name}"
        )
    shape, source_shape = input._data.shape, source._data.shape
    if shape and source_shape and len(shape) != len(source_shape):
        raise IndexError(
            f"{prefix}When source and destination are not scalars, their dimensionality must match. Source "
            f"dimensionality ({len(source_shape)}), destination dimensionality ({len(shape)})"
        )
    sliced, source_sliced = _slice_shape(shape, axis), _slice_shape(source_shape, axis)
    if sliced != source_sliced:
        raise RuntimeError(
            f"{prefix}Source/destination tensor must have same slice shapes. Destination slice shape: "
            f"{' '.join(map(str, sliced))} at dimension {axis} and source slice shape: "
            f"{' '.join(map(str, source_sliced))} at dimension 0."
        )
    if index._data.size != _size(source, axis):
        raise IndexError(
            f"{prefix}Number of indices ({index._data.size}) should be equal to source.size(dim) "
            f"({_size(source, axis)})"
        )
    positions = _positions(input, axis, index, prefix, negatives=False)
    return nodes.IndexCopyBackward0.apply(input, source, axis=axis, positions=positions)


def index_fill(input: Tensor, dim: int, index: Tensor, value: Any) -> Tensor:  # noqa: A002
    """``input`` with the slices ``index`` names along ``dim`` (negative positions count from the end)
    set to ``value`` (a number or a 0-d tensor, which then gets the gradient of what it filled)."""
    axis = _dim(dim, input._data.ndim)
    if index._data.dtype != np.int64:
        raise IndexError("index_fill_(): Expected dtype int64 for index.")
    if index._data.ndim > 1:
        raise RuntimeError("Index has to be a vector/scalar")
    if isinstance(value, complex):
        raise RuntimeError("index_fill_(): Converting complex Scalar to non-complex type is not supported")
    if isinstance(value, Tensor) and value._data.ndim:
        raise RuntimeError(
            "index_fill_ only supports a 0-dimensional value tensor, but got tensor with "
            f"{value._data.ndim} dimension(s)."
        )
    positions = _positions(input, axis, index, "", negatives=True)
    if isinstance(value, Tensor):
        return nodes.IndexFillBackward1.apply(input, value, axis=axis, positions=positions)
    return nodes.IndexFillBackward0.apply(input, axis=axis, positions=positions, value=value)


METHODS: dict[str, Callable] = {
    "index_add": index_add,
    "index_add_": in_place_method(index_add),
    "index_copy": index_copy,
    "index_copy_": in_place_method(index_copy),
    "index_fill": index_fill,
    "index_fill_": in_place_method(index_fill),
}
