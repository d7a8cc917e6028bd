"""``median``, ``nanmedian``, ``kthvalue`` and ``mode`` (values and indices), ``nansum`` and ``nanmean``.

Each gives PyTorch's values, its nodes and its refusals, and the index PyTorch's CPU kernels report when a
value occurs more than once: median's is the one a stable sort puts in the middle (checked against PyTorch
on thousands of rows with ties and NaNs); kthvalue's and mode's depend on their kernels' algorithms, which
``tie_orders`` follows for the rows where it matters.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import return_types, tie_orders
from engine.functions import order as nodes
from engine.functions.reduction import _axes
from engine.tensor import Tensor

_WHOLE = object()  # no dim given: the whole tensor (an explicit None is refused, as PyTorch refuses it)


def median(input: Tensor, dim: Any = _WHOLE, keepdim: bool = False) -> Any:  # noqa: A002 - PyTorch's names
    """The lower of the two middle values (NaN where there is a NaN); along ``dim``, with their indices."""
    return _middle(input, dim, keepdim, skips_nan=False)


def nanmedian(input: Tensor, dim: Any = _WHOLE, keepdim: bool = False) -> Any:  # noqa: A002
    """``median`` of the values that are not NaN (NaN where every value is)."""
    return _middle(input, dim, keepdim, skips_nan=True)


def _middle(input: Tensor, dim: Any, keepdim: bool, skips_nan: bool) -> Any:  # noqa: A002
    _refuse_bool(input, "median_cpu" if dim is _WHOLE else "median_out")
    if dim is _WHOLE:
        return (nodes.NanmedianBackward0 if skips_nan else nodes.MedianBackward0).apply(input)
    axis, rows = _slices(input, _int_argument("median", "dim", None, dim), "median")
    order = np.argsort(rows, axis=1, kind="stable")  # NaNs last, in their order
    nans = np.isnan(rows) if rows.dtype.kind == "f" else np.zeros(rows.shape, dtype=bool)
    if skips_nan:  # the middle of the numbers; the first NaN where there are none
        numbers = rows.shape[1] - np.count_nonzero(nans, axis=1)
        picks = np.take_along_axis(order, (np.maximum(numbers - 1, 0) // 2)[:, None], 1)[:, 0]
    else:  # the middle, or the first NaN
        picks = np.where(nans.any(axis=1), nans.argmax(axis=1), order[:, (rows.shape[1] - 1) // 2])
    if skips_nan:
        return _selected(nodes.NanmedianBackward1, return_types.nanmedian, input, picks, axis, keepdim)
    return _selected(nodes.MedianBackward1, return_types.median, input, picks, axis, keepdim)


def kthvalue(input: Tensor, k: Any, dim: Any = -1, keepdim: bool = False) -> Any:  # noqa: A002
    """The ``k``-th smallest value along ``dim`` (NaN above every number) and its index."""
    k = _int_argument("kthvalue", "k", 1, k)
    _refuse_bool(input, "kthvalue_cpu")
    axis, rows = _slices(input, _int_argument("kthvalue", "dim", 2, dim), "kthvalue")
    if not 1 <= k <= rows.shape[1]:
        raise RuntimeError(f"kthvalue(): selected number k out of range for dimension {axis or 0}")
    order = np.argsort(rows, axis=1, kind="stable")
    picks = order[:, k - 1].copy()
    kth = np.take_along_axis(rows, picks[:, None], 1)
    same = (rows == kth) | (np.isnan(rows) & np.isnan(kth)) if rows.dtype.kind == "f" else rows == kth
    for row in np.flatnonzero(np.count_nonzero(same, axis=1) > 1):  # a tie: the kernel's quickselect decides
        picks[row] = tie_orders.quick_select(rows[row].tolist(), k - 1)
    return _selected(nodes.KthvalueBackward0, return_types.kthvalue, input, picks, axis, keepdim)


def mode(input: Tensor, dim: Any = -1, keepdim: bool = False) -> Any:  # noqa: A002
    """The most frequent value along ``dim`` (the smallest of equally frequent ones) and an index of it."""
    axis, rows = _slices(input, _int_argument("mode", "dim", 1, dim), "mode")
    picks = np.argmin(rows, axis=1)  # every value once: the smallest
    distinct = np.sort(rows, axis=1)
    repeats = (distinct[:, 1:] == distinct[:, :-1]).any(axis=1)
    if rows.dtype.kind == "f":
        repeats |= np.isnan(rows).any(axis=1)
    for row in np.flatnonzero(repeats):  # which copy is reported depends on how the kernel's sort moved them
        picks[row] = tie_orders.mode_index(rows[row].tolist())[1]
    return _selected(nodes.ModeBackward0, return_types.mode, input, picks, axis, keepdim)


def nansum(input: Tensor, dim: Any = None, keepdim: bool = False, *, dtype: Any = None) -> Tensor:  # noqa: A002
    """The sum of the values that are not NaN (integers and booleans sum to int64)."""
    axes = _reduced_axes(input, dim)
    return nodes.NansumBackward0.apply(
        input, axes=axes, keepdim=keepdim, dtype=None if dtype is None else dtype.numpy
    )


def nanmean(input: Tensor, dim: Any = None, keepdim: bool = False, *, dtype: Any = None) -> Tensor:  # noqa: A002
    """The mean of the values that are not NaN: their ``nansum`` over their count, as PyTorch computes it."""
    if not input.is_floating_point():
        raise RuntimeError(
            "nanmean(): expected input to have floating point or complex dtype but got "
            f"{input.dtype.scalar_name}"
        )
    axes = _reduced_axes(input, dim)
    count = np.sum(~np.isnan(input._data), axis=axes, keepdims=keepdim, dtype=np.int64)
    return nansum(input, dim, keepdim, dtype=dtype) / Tensor._wrap(np.asarray(count))


def _reduced_axes(input: Tensor, dim: Any) -> tuple[int, ...] | None:  # noqa: A002
    """``dim`` as axes to reduce (None, or an empty list: all), refusing one named twice."""
    if dim is None or (not isinstance(dim, int) and not len(dim)):
        return None
    axes = _axes(dim, input.dim())
    for axis in axes:
        if axes.count(axis) > 1:
            raise RuntimeError(f"dim {axis} appears multiple times in the list of dims")
    return axes


def _slices(input: Tensor, dim: int, name: str) -> tuple[int | None, np.ndarray]:  # noqa: A002
    """The axis ``dim`` names (None for a 0-d tensor) and the tensor as rows along it (one row per slice)."""
    data = input._data
    (axis,) = _axes(dim, data.ndim) or (None,)
    if axis is None:
        return None, data.reshape(1, 1)
    if data.shape[axis] == 0:
        raise IndexError(f"{name}(): Expected reduction dim {axis} to have non-zero size.")
    moved = np.moveaxis(data, axis, -1)
    return axis, moved.reshape(-1, data.shape[axis])


def _selected(
    node: type, pair: type, input: Tensor, picks: np.ndarray, axis: int | None, keepdim: bool
) -> Any:  # noqa: A002
    """The values at ``picks`` (one index per row of ``_slices``) recorded by ``node``, with their indices."""
    if axis is None:
        indices = np.zeros((), np.int64)
        return pair(node.apply(input, indices=indices, axis=None), Tensor._wrap(indices))
    shape = input._data.shape
    kept = np.expand_dims(picks.astype(np.int64).reshape(shape[:axis] + shape[axis + 1 :]), axis)
    values = node.apply(input, indices=kept, axis=axis, keepdim=keepdim)
    return pair(values, Tensor._wrap(kept if keepdim else np.squeeze(kept, axis)))


def _int_argument(function: str, name: str, position: int | None, value: Any) -> int:
    """An integer argument as PyTorch's binding reads it: an int, or a one-element integer tensor."""
    if isinstance(value, Tensor) and value._data.size == 1 and value._data.dtype.kind in "iu":
        return int(value._data)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    where = f" (position {position})" if position else ""
    kind = "Tensor" if isinstance(value, Tensor) else type(value).__name__
    raise TypeError(f"{function}(): argument '{name}'{where} must be int, not {kind}")


def _refuse_bool(input: Tensor, kernel: str) -> None:  # noqa: A002
    if input._data.dtype == np.bool_:
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Bool'")


METHODS = {
    "median": median,
    "nanmedian": nanmedian,
    "kthvalue": kthvalue,
    "mode": mode,
    "nansum": nansum,
    "nanmean": nanmean,
}
