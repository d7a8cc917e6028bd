"""Reading and writing at indexed places: ``take``, ``take_along_dim``, ``index_put`` and ``masked_scatter``
(with their in-place forms), as PyTorch records and refuses them.

``take_along_dim`` is built as PyTorch builds it: a ``gather`` of the input expanded (or viewed flat) against
the index.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import in_place_ops, scatter_ops, shape_ops
from engine.broadcast_rules import expanded_shape, joint_shape
from engine.functions import index_more as nodes
from engine.functions.arrange import PutBackward0, TakeBackward0
from engine.index_rules import broadcasts_to, index_places
from engine.shape_ops import _dim
from engine.tensor import Tensor


def _must_be_tensor(name: str, argument: str, position: int, value: Any) -> None:
    if not isinstance(value, Tensor):
        raise TypeError(
            f"{name}(): argument '{argument}' (position {position}) must be Tensor, not "
            f"{type(value).__name__}"
        )


def take(input: Tensor, index: Tensor) -> Tensor:  # noqa: A002 - PyTorch's names
    """The elements of ``input`` read as one row, at ``index`` (negative positions count from the end),
    shaped like ``index``."""
    _must_be_tensor("take", "index", 2, index)
    if index._data.dtype != np.int64:
        raise RuntimeError(f"take(): Expected a long tensor for index, but got {index.dtype.scalar_name}")
    size = input._data.size
    if not size and index._data.size:
        raise IndexError("take(): tried to take from an empty tensor")
    outside = (index._data < -size) | (index._data >= size)
    if outside.any():
        first = index._data.reshape(-1)[np.argmax(outside.reshape(-1))]
        raise IndexError(f"out of range: tried to access index {first} on a tensor of {size} elements.")
    return TakeBackward0.apply(input, positions=index._data % max(size, 1))


def put(input: Tensor, index: Tensor, source: Tensor, accumulate: bool = False) -> Tensor:  # noqa: A002
    """A copy of ``input`` with ``source``'s elements at ``index`` of it read as one row (negative positions
    count from the end), added there with ``accumulate``."""
    if index._data.dtype != np.int64:
        raise RuntimeError(f"put_(): Expected a long tensor for index, but got {index.dtype.scalar_name}")
    if input.dtype is not source.dtype:
        raise RuntimeError(
            "put_(): self and source expected to have the same dtype, but got "
            f"self.dtype = {input.dtype.scalar_name} and source.dtype = {source.dtype.scalar_name}"
        )
    if source.numel() != index.numel():
        raise IndexError(
            "put_(): Expected source and index to have the same number of elements, but got "
            f"source.numel() = {source.numel()}, index.numel() = {index.numel()}"
        )
    size = input._data.size
    outside = (index._data < -size) | (index._data >= size)
    if outside.any():
        first = index._data.reshape(-1)[np.argmax(outside.reshape(-1))]
        raise IndexError(f"out of range: tried to access index {first} on a tensor of {size} elements.")
    positions = (index._data % max(size, 1)).reshape(-1)
    return PutBackward0.apply(input, source, positions=positions, accumulate=bool(accumulate))


def take_along_dim(input: Tensor, indices: Tensor, dim: int | None = None) -> Tensor:  # noqa: A002
    """The values of ``input`` at ``indices`` along ``dim``, the two broadcast against each other apart from
    ``dim`` (positions taken modulo its size); without ``dim``, of the flattened input."""
    _must_be_tensor("take_along_dim", "indices", 2, indices)
    if indices._data.dtype != np.int64:
        raise RuntimeError(
            f"torch.take_along_dim(): dtype of indices should be Long but got {indices.dtype.scalar_name}"
        )
    if dim is None:
        return scatter_ops.gather(shape_ops.view(input, -1), 0, shape_ops.view(indices, -1))
    if input._data.ndim != indices._data.ndim:
        raise RuntimeError(
            "torch.take_along_dim(): input and indices should have the same number of dimensions, but got "
            f"{input._data.ndim} dimensions for input, and {indices._data.ndim} dimensions for indices"
        )
    if not input._data.ndim:
        raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
    axis = _dim(dim, input._data.ndim)
    shape, index_shape = list(input._data.shape), list(indices._data.shape)
    wanted = joint_shape(
        [tuple(shape[:axis] + index_shape[axis : axis + 1] + shape[axis + 1 :]), tuple(index_shape)]
    )
    spread = np.broadcast_to(indices._data % max(shape[axis], 1), wanted)
    reach = joint_shape(
        [tuple(index_shape[:axis] + shape[axis : axis + 1] + index_shape[axis + 1 :]), tuple(shape)]
    )
    return scatter_ops.gather(shape_ops.expand(input, reach), axis, Tensor._wrap(spread))


def index_put(input: Tensor, indices: Any, values: Tensor, accumulate: bool = False) -> Tensor:  # noqa: A002
    """``input`` with ``values`` written (added, with ``accumulate``) at ``input[indices]``: a tuple of
    integer or boolean tensors, one per leading dimension, as in advanced indexing."""
    if not isinstance(indices, tuple | list):
        raise TypeError(
            "index_put(): argument 'indices' (position 2) must be tuple of Tensors, not "
            f"{type(indices).__name__}"
        )
    _must_be_tensor("index_put", "values", 3, values)
    places, indexed_shape = index_places(input._data.shape, tuple(indices))
    if input._data.dtype != values._data.dtype:
        raise RuntimeError(
            "Index put requires the source and destination dtypes match, got "
            f"{input.dtype.scalar_name} for the destination and {values.dtype.scalar_name} for the source."
        )
    value_shape = values._data.shape
    if not broadcasts_to(value_shape, indexed_shape):
        raise RuntimeError(
            f"shape mismatch: value tensor of shape {list(value_shape)} cannot be broadcast to indexing "
            f"result of shape {list(indexed_shape)}"
        )
    return nodes.IndexPutBackward0.apply(input, values, places=places, accumulate=bool(accumulate))


def masked_scatter(input: Tensor, mask: Tensor, source: Tensor) -> Tensor:  # noqa: A002
    """``input`` (broadcast against ``mask``) with ``source``'s elements, in order, where ``mask`` is true."""
    _must_be_tensor("masked_scatter", "source", 3, source)
    return _masked_scatter(input, mask, source, joint_shape([mask._data.shape, input._data.shape]))


def _masked_scatter(input: Tensor, mask: Tensor, source: Tensor, shape: tuple) -> Tensor:  # noqa: A002
    if mask._data.dtype != np.bool_:
        raise RuntimeError(
            f"masked_scatter_ only supports boolean masks, but got mask with dtype {mask.dtype.scalar_name}"
        )
    if input._data.dtype != source._data.dtype:
        raise RuntimeError(
            "masked_scatter: expected self and source to have same dtypes but got"
            f"{input.dtype.scalar_name} and {source.dtype.scalar_name}"
        )
    spread = np.broadcast_to(mask._data, shape)
    if np.count_nonzero(spread) > source._data.size:
        raise RuntimeError("Number of elements of source < number of ones in mask")
    return nodes.MaskedScatterBackward0.apply(input, source, mask=spread)


def masked_scatter_(self: Tensor, mask: Tensor, source: Tensor) -> Tensor:
    """In place: the mask must expand to ``self``'s shape (``self`` itself is not broadcast)."""
    _must_be_tensor("masked_scatter_", "source", 2, source)
    shape = expanded_shape(mask._data.shape, self._data.shape, "CPUBoolType")
    return in_place_ops.in_place(self, lambda a: _masked_scatter(a, mask, source, shape))


def index_put_(input: Tensor, indices: Any, values: Tensor, accumulate: bool = False) -> Tensor:  # noqa: A002
    return in_place_ops.in_place(input, index_put, indices, values, accumulate)


METHODS: dict[str, Callable] = {
    "take": take,
    "put": put,
    "put_": in_place_ops.in_place_method(put),
    "take_along_dim": take_along_dim,
    "index_put": index_put,
    "index_put_": index_put_,
    "masked_scatter": masked_scatter,
    "masked_scatter_": masked_scatter_,
}
