"""Orders and searches, none of them differentiable: ``argsort``, ``searchsorted``, ``bucketize`` and
``unique_consecutive``.

``sorted_indices`` is also ``sort``'s order: the one PyTorch's CPU kernels give, ties included (a stable sort
when asked, else ``std::sort``, followed in ``tie_orders`` for the rows where ties make them differ).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from engine import tie_orders
from engine.argument_errors import no_form_matches
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


METHODS = {"argsort": _argsort_method}
