"""``trace``, ``masked_select``, ``nonzero``, ``count_nonzero``, ``isin`` and ``fmod``, as PyTorch gives and
refuses them (the first two and fmod record their nodes; the others are not differentiable)."""

from __future__ import annotations

from typing import Any

import numpy as np

from engine.argument_errors import tensor_first
from engine.functions import pointwise as pw
from engine.functions import select_more as nodes
from engine.functions.promotion import _check_broadcast
from engine.tensor import Tensor


def trace(input: Tensor) -> Tensor:  # noqa: A002 - PyTorch's names
    """The sum of a matrix's diagonal (integers sum to int64)."""
    if input.dim() != 2:
        raise RuntimeError(f"trace: expected a matrix, but got tensor with dim {input.dim()}")
    return nodes.TraceBackward0.apply(input)


def masked_select(input: Tensor, mask: Tensor) -> Tensor:  # noqa: A002
    """The elements of ``input`` where ``mask`` (broadcast against it) is true, in order, as one row."""
    if mask._data.dtype != np.bool_:
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    _check_broadcast(mask._data, input._data)  # PyTorch names the mask first
    return nodes.MaskedSelectBackward0.apply(input, mask=mask._data)


def nonzero(input: Tensor, *, as_tuple: bool = False) -> Any:  # noqa: A002
    """The indices of the nonzero elements: one row each, or (``as_tuple``) one tensor per dimension."""
    if not input.dim():  # a number: one match with no index, or none
        found = int(bool(input._data))
        if as_tuple:
            return (Tensor._wrap(np.zeros(found, dtype=np.int64)),)
        return Tensor._wrap(np.zeros((found, 0), dtype=np.int64))
    where = np.nonzero(input._data)
    if as_tuple:
        return tuple(Tensor._wrap(index.astype(np.int64)) for index in where)
    return Tensor._wrap(np.stack(where, axis=1).astype(np.int64).reshape(-1, input.dim()))


def argwhere(input: Tensor) -> Tensor:  # noqa: A002
    """The indices of the nonzero elements, one row each (``nonzero``)."""
    return nonzero(input)


def count_nonzero(input: Tensor, dim: Any = None) -> Tensor:  # noqa: A002
    return Tensor._wrap(np.asarray(np.count_nonzero(input._data, axis=dim), dtype=np.int64))


def isin(elements: Any, test_elements: Any, *, assume_unique: bool = False, invert: bool = False) -> Tensor:
    """Whether each element of ``elements`` is among ``test_elements`` (either may be a number)."""
    arrays = [
        value._data if isinstance(value, Tensor) else np.asarray(value) for value in (elements, test_elements)
    ]
    return Tensor._wrap(np.isin(*arrays, invert=invert))


def fmod(input: Tensor, other: Any) -> Tensor:  # noqa: A002
    """The remainder of a division that truncates, so with the dividend's sign (unlike ``%``)."""
    tensor_first("fmod", input, other)
    if isinstance(other, Tensor):
        a, b, arrays = pw.promoted(input, other)
        return nodes.FmodBackward1.apply_to_arrays((a, b), arrays)
    a, _, arrays = pw.promoted(input, other)
    return nodes.FmodBackward0.apply_to_arrays((a,), [arrays[0]], divisor=other)


METHODS = {
    "trace": trace,
    "masked_select": masked_select,
    "nonzero": nonzero,
    "argwhere": argwhere,
    "count_nonzero": count_nonzero,
    "fmod": fmod,
}
