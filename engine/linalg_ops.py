"""Linear algebra beyond products: ``cross``, ``det`` and ``svd``, as ``torch.*`` functions and methods.

Shape and dtype checks raise PyTorch's messages; the arithmetic is in ``engine/functions/linalg_extra.py``.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import numpy as np

from engine import return_types
from engine.functions import linalg_extra as la
from engine.functions.promotion import _check_broadcast
from engine.tensor import Tensor

CROSS_DIM_WARNING = (
    "Using torch.cross without specifying the dim arg is deprecated.\n"
    "Please either pass the dim explicitly or simply use torch.linalg.cross.\n"
    "The default value of dim will change to agree with that of linalg.cross in a future release."
)


def cross(input: Tensor, other: Tensor, dim: int | None = None) -> Tensor:  # noqa: A002 - PyTorch's names
    """The cross product of 3-vectors along ``dim`` (by default the first dimension of size 3, with
    PyTorch's deprecation warning); the other dimensions broadcast."""
    from engine.shape_ops import _dim

    for position, (name, operand) in enumerate((("input", input), ("other", other)), start=1):
        if not isinstance(operand, Tensor):
            kind = type(operand).__name__
            raise TypeError(f"cross(): argument '{name}' (position {position}) must be Tensor, not {kind}")
    a, b = input._data, other._data
    if a.ndim != b.ndim:
        raise RuntimeError("linalg.cross: inputs must have the same number of dimensions.")
    if dim is None:
        warnings.warn(CROSS_DIM_WARNING, UserWarning, stacklevel=2)
        dim = next((axis for axis, size in enumerate(a.shape) if size == 3), None)
        if dim is None:
            raise RuntimeError("no dimension of size 3 in input")
    axis = _dim(dim, a.ndim)
    if a.shape[axis] != 3 or b.shape[axis] != 3:
        raise RuntimeError(
            f"linalg.cross: inputs dimension {dim} must have length 3. "
            f"Got {a.shape[axis]} and {b.shape[axis]}"
        )
    _check_broadcast(a, b)
    if a.dtype != b.dtype:
        raise RuntimeError(
            f"expected scalar type {input.dtype.scalar_name} but found {other.dtype.scalar_name}"
        )
    if a.dtype == np.bool_:
        raise NotImplementedError("\"cross\" not implemented for 'Bool'")
    return la.LinalgCrossBackward0.apply(input, other, axis=axis)


# PyTorch's refusals for torch.linalg's input, shared by its functions here, in linalg.py and linalg_solve.py
def _needs_floating(name: str, a: Tensor) -> None:
    if not a.is_floating_point():
        raise RuntimeError(
            f"linalg.{name}: Expected a floating point or complex tensor as input. Got {a.dtype.scalar_name}"
        )


def _needs_matrices(name: str, a: Tensor) -> None:
    if a._data.ndim < 2:
        raise RuntimeError(f"linalg.{name}: The input tensor A must have at least 2 dimensions.")


def _check_matrices(name: str, a: Tensor, kernel: str) -> None:
    """Floating input, and no half on CPU (PyTorch's ``kernel`` then names itself)."""
    _needs_floating(name, a)
    if a._data.dtype == np.float16:
        raise NotImplementedError(f"\"{kernel}\" not implemented for 'Half'")


def _check_square(name: str, a: Tensor) -> None:
    """Square floating matrices (or batches of them), as LU-based functions (det, inv, solve) need."""
    _needs_matrices(name, a)
    rows, columns = a._data.shape[-2:]
    if rows != columns:
        raise RuntimeError(
            f"linalg.{name}: A must be batches of square matrices, but they are {rows} by {columns} matrices"
        )
    _check_matrices(name, a, "lu_cpu")


def det(A: Tensor) -> Tensor:  # noqa: N803 - PyTorch's argument name
    """The determinant of a square matrix (or of each in a batch)."""
    _check_square("det", A)
    return la.LinalgDetBackward0.apply(A)


def svd(input: Tensor, some: bool = True, compute_uv: bool = True) -> Any:  # noqa: A002
    """``input = U diag(S) Vᵀ`` as ``torch.return_types.svd(U, S, V)``; ``some=False`` gives square U and V.

    The gradient is PyTorch's: defined for distinct singular values (and, for U or V of a non-square
    input, nonzero ones); with ``compute_uv=False``, U and V are zeros and only S is differentiable.
    """
    from engine.creation import zeros
    from engine.shape_ops import transpose

    ndim = input._data.ndim
    if ndim < 2:
        raise RuntimeError(
            f"linalg.svd: input should have at least 2 dimensions, but has {ndim} dimensions instead"
        )
    _check_matrices("svd", input, "linalg_svd_cpu")
    factors = tuple(np.linalg.svd(input._data, full_matrices=compute_uv and not some))
    singular = la.LinalgSvdBackward0.apply(input, factors=factors, output=1)
    if not compute_uv:
        batch, (rows, columns) = input._data.shape[:-2], input._data.shape[-2:]
        empty_u = zeros(*batch, rows, rows, dtype=input.dtype)
        return return_types.svd(empty_u, singular, zeros(*batch, columns, columns, dtype=input.dtype))
    left = la.LinalgSvdBackward0.apply(input, factors=factors, output=0)
    right = transpose(la.LinalgSvdBackward0.apply(input, factors=factors, output=2), -2, -1)
    return return_types.svd(left, singular, right)


def _inverse(self: Tensor) -> Tensor:
    from engine.linalg_solve import inv

    return inv(self)


METHODS: dict[str, Callable] = {"cross": cross, "det": det, "svd": svd, "inverse": _inverse}
