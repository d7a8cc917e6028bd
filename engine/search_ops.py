"""Orders and searches, none of them differentiable: ``argsort``, ``searchsorted``, ``bucketize`` and
``unique_consecutive`` (whose node PyTorch records, without a derivative).

``sorted_indices`` is also ``sort``'s order: the one PyTorch's CPU kernels give, ties included (a stable sort
when asked, else ``std::sort``, followed in ``tie_orders`` for the rows where ties make them differ).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import dtypes, tie_orders
from engine.argument_errors import no_form_matches
from engine.functions.search import UniqueConsecutiveBackward0
from engine.out_arg import accepts_out
from engine.shape_ops import _dim
from engine.tensor import Tensor

INSERTION_SORT_LIMIT = tie_orders.SORT_THRESHOLD  # std::sort leaves rows this short in stable order


def sorted_indices(data: np.ndarray, axis: int, descending: bool, stable: bool) -> np.ndarray:
    """Where each element of ``data``'s sorted slices along ``axis`` came from (NaN above every number)."""
    moved = np.moveaxis(data, axis, -1)
    rows = moved.reshape(-1, moved.shape[-1]) if moved.size else moved.reshape(0, moved.shape[-1])
    if descending:  # a stable ascending sort of the reversed rows, reversed: ties keep their order
        length = rows.shape[1]
        order = (length - 1 - np.argsort(rows[:, ::-1], axis=1, kind="stable"))[:, ::-1]
    else:
        order = np.argsort(rows, axis=1, kind="stable")
    if not stable and rows.shape[1] > INSERTION_SORT_LIMIT:
        for row in np.flatnonzero(_has_ties(rows)):
            order[row] = tie_orders.sort_order(rows[row].tolist(), descending)
    return np.moveaxis(order.reshape(moved.shape).astype(np.int64), -1, axis)


def _has_ties(rows: np.ndarray) -> np.ndarray:
    """Which rows hold a value twice (two NaNs count as equal: their order is the kernel's too)."""
    ordered = np.sort(rows, axis=1)
    same = ordered[:, 1:] == ordered[:, :-1]
    if rows.dtype.kind == "f":
        same |= np.isnan(ordered[:, 1:]) & np.isnan(ordered[:, :-1])
    return same.any(axis=1)


_ARGSORT_FORMS = (
    "(Tensor input, *, bool stable, int dim = -1, bool descending = False, Tensor out = None)",
    "(Tensor input, int dim = -1, bool descending = False)",
)
_ARGSORT_METHOD_FORMS = (
    "(*, bool stable, int dim = -1, bool descending = False)",
    "(int dim = -1, bool descending = False)",
)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _sort_options(
    name: str, forms: tuple, before: tuple, given: tuple, keywords: dict
) -> tuple[int, bool, bool]:
    """(dim, descending, stable) from a call's arguments after the tensor (``before``: what the message lists
    ahead of them), as PyTorch's two forms read them: with ``stable``, every option by keyword; without, dim
    and descending by position too."""
    names = ("dim", "descending")
    options = dict(zip(names, given, strict=False)) | keywords
    dim, descending = options.get("dim", -1), options.get("descending", False)
    stable = options.get("stable", False)
    fits = len(given) <= 2 and set(keywords) <= {"dim", "descending", "stable"}
    fits = fits and not set(keywords) & set(names[: len(given)])
    fits = fits and not ("stable" in keywords and given) and isinstance(stable, bool)
    if not (fits and _is_int(dim) and isinstance(descending, bool)):
        # the second form has no stable: PyTorch then blames every keyword given
        blamed = (
            f"some of the keywords were incorrect: {', '.join(keywords)}" if "stable" in keywords else None
        )
        shown = [(forms[0], None), (forms[1], blamed)]
        raise no_form_matches(name, (*before, *given), shown, keywords)
    return dim, descending, stable


def argsort(input: Tensor, *options: Any, **keywords: Any) -> Tensor:  # noqa: A002 - PyTorch's names
    """The indices that sort ``input`` along ``dim`` (int64), as ``sort(...).indices``: ``argsort(input,
    dim=-1, descending=False)``, or all three by keyword with ``stable``."""
    dim, descending, stable = _sort_options("argsort", _ARGSORT_FORMS, (input,), options, keywords)
    return _argsort(input, dim, descending, stable)


def _argsort_method(self: Tensor, *options: Any, **keywords: Any) -> Tensor:
    dim, descending, stable = _sort_options("argsort", _ARGSORT_METHOD_FORMS, (), options, keywords)
    return _argsort(self, dim, descending, stable)


def _argsort(input: Tensor, dim: int, descending: bool, stable: bool) -> Tensor:  # noqa: A002
    data = input._data
    if data.ndim == 0:
        _dim(dim, 0)
        return Tensor._wrap(np.zeros((), np.int64))
    return Tensor._wrap(sorted_indices(data, _dim(dim, data.ndim), descending, stable))


def _binary_search(rows: np.ndarray, values: np.ndarray, right: bool) -> np.ndarray:
    """For each value (one row of ``rows`` each), PyTorch's bisection step by step, so that boundaries that
    are not sorted (and NaNs, which no comparison holds for) give the positions PyTorch gives."""
    start = np.zeros(values.shape, np.int64)
    end = np.full(values.shape, rows.shape[-1], np.int64)
    lines = np.arange(values.shape[0])[:, None]
    with np.errstate(invalid="ignore"):
        while True:
            active = start < end
            if not active.any():
                return start
            middle = start + ((end - start) >> 1)
            seen = rows[lines, np.minimum(middle, rows.shape[-1] - 1)]
            onward = ~(seen > values) if right else ~(seen >= values)
            start = np.where(active & onward, middle + 1, start)
            end = np.where(active & ~onward, middle, end)


def _search(
    name: str, boundaries: Tensor, values: Any, right: bool, out_int32: bool, sorter: Tensor | None
) -> Tensor:
    """Where each value would go in (each row of) ``boundaries`` to keep it sorted: before equal ones, or
    after them with ``right``."""
    if boundaries._data.ndim == 0:
        raise RuntimeError(f"{name}(): boundaries tensor should have positive dimension, but got 0 dimension")
    scalar = not isinstance(values, Tensor)
    shape = () if scalar else values._data.shape
    if boundaries._data.ndim > 1 and (scalar or boundaries._data.shape[:-1] != shape[:-1]):
        raise RuntimeError(
            f"{name}(): boundaries tensor should be 1 dimension or the first N-1 dimensions of boundaries "
            "tensor and input value tensor must match, but we got boundaries tensor "
            f"{list(boundaries._data.shape)} and input value tensor {list(shape)}"
        )
    kind = dtypes.result_type([boundaries, values])
    if kind is dtypes.bool_:
        raise NotImplementedError("\"searchsorted_out_cpu\" not implemented for 'Bool'")
    ordered = boundaries._data.astype(kind.numpy)
    if sorter is not None:
        ordered = _sorted_by(name, ordered, sorter)
    found = np.asarray(values._data if not scalar else values, dtype=kind.numpy)
    length = ordered.shape[-1]
    if boundaries._data.ndim == 1:
        rows, wanted = ordered.reshape(1, length), found.reshape(1, -1)
    else:
        lines = int(np.prod(boundaries._data.shape[:-1]))
        rows, wanted = ordered.reshape(lines, length), found.reshape(lines, shape[-1])
    positions = _binary_search(rows, wanted, right) if wanted.size else wanted.astype(np.int64)
    return Tensor._wrap(positions.reshape(shape).astype(np.int32 if out_int32 else np.int64))


def _sorted_by(name: str, boundaries: np.ndarray, sorter: Tensor) -> np.ndarray:
    """The boundaries in the order ``sorter`` gives (the indices that sort each row)."""
    if sorter._data.dtype != np.int64:
        raise RuntimeError(
            f"{name}(): sorter must be a tensor of long dtype but got dtype {sorter.dtype.scalar_name}"
        )
    if sorter._data.shape != boundaries.shape:
        raise RuntimeError(
            f"{name}(): boundary and sorter must have the same size, but got boundary tensor "
            f"{list(boundaries.shape)}and got sorter tensor {list(sorter._data.shape)}"
        )
    order = sorter._data
    if order.size and (order.min() < 0 or order.max() >= boundaries.shape[-1]):
        raise RuntimeError(f"{name}(): sorter index out of range")
    return np.take_along_axis(boundaries, order, axis=-1)


@accepts_out
def searchsorted(
    sorted_sequence: Tensor,
    input: Any,  # noqa: A002 - PyTorch's names
    *,
    out_int32: bool = False,
    right: bool = False,
    side: str | None = None,
    sorter: Tensor | None = None,
) -> Tensor:
    """Indices at which ``input``'s values would be inserted into ``sorted_sequence`` (along its last
    dimension) to keep it sorted; ``right`` or ``side="right"``: after equal values."""
    name = "torch.searchsorted"
    if side is not None:
        if side not in ("left", "right"):
            raise RuntimeError(f"{name}(): side can only be 'left' or 'right' but got {side}")
        if right and side == "left":
            raise RuntimeError(
                f"{name}(): side and right can't be set to opposites, got side of left while right was True"
            )
        right = side == "right"
    return _search(name, sorted_sequence, input, right, out_int32, sorter)


@accepts_out
def bucketize(input: Any, boundaries: Tensor, *, out_int32: bool = False, right: bool = False) -> Tensor:  # noqa: A002
    """The bucket of each value of ``input`` among 1-d ``boundaries``: ``searchsorted(boundaries, input)``."""
    if boundaries._data.ndim != 1:
        raise RuntimeError(f"boundaries tensor must be 1 dimension, but got dim({boundaries._data.ndim})")
    return _search("torch.searchsorted", boundaries, input, right, out_int32, None)


def unique_consecutive(
    input: Tensor,  # noqa: A002
    return_inverse: bool = False,
    return_counts: bool = False,
    dim: int | None = None,
) -> Any:
    """Each run of equal consecutive elements (or slices along ``dim``) kept once; with ``return_inverse``
    the run each element belongs to, with ``return_counts`` each run's length."""
    data = input._data
    if dim is None:
        rows = data.reshape(-1, 1)
    else:
        if not data.ndim:
            raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
        axis = _dim(dim, data.ndim)
        if not data.size and data.shape[axis]:
            raise RuntimeError(
                "There are 0 sized dimensions, and they aren't selected, so unique cannot be applied"
            )
        moved = np.moveaxis(data, axis, 0)
        rows = moved.reshape(data.shape[axis], int(np.prod(moved.shape[1:])))
    starts = np.ones(rows.shape[0], dtype=bool)
    starts[1:] = (rows[1:] != rows[:-1]).any(axis=1)  # NaN equals nothing: each starts a run
    if rows.shape[1] == 0:
        starts[1:] = False  # slices with no elements are all equal
    firsts = np.flatnonzero(starts)
    if dim is None:
        kept = data.reshape(-1)[firsts]
        inverse = (np.cumsum(starts) - 1).reshape(data.shape)
    else:
        kept = np.take(data, firsts, axis=axis)
        inverse = np.cumsum(starts) - 1
    values = UniqueConsecutiveBackward0.apply(input, values=kept)
    counts = np.diff(np.append(firsts, rows.shape[0]))
    result = [values]
    if return_inverse:
        result.append(Tensor._wrap(inverse.astype(np.int64)))
    if return_counts:
        result.append(Tensor._wrap(counts.astype(np.int64)))
    return result[0] if len(result) == 1 else tuple(result)


METHODS = {"argsort": _argsort_method, "unique_consecutive": unique_consecutive}
