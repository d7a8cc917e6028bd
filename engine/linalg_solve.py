"""``torch.linalg.inv`` (and ``torch.inverse``) and ``torch.linalg.solve``, with PyTorch's checks and words.

A singular matrix raises ``torch.linalg.LinAlgError`` naming, as LAPACK reports it, the first zero on the
diagonal of the LU factorisation (with partial pivoting), and the batch element when there is a batch.
"""

from __future__ import annotations

import numpy as np

from engine.functions import linalg_extra as la
from engine.linalg_ops import _check_square, _needs_floating
from engine.tensor import Tensor


class LinAlgError(RuntimeError):
    """``torch.linalg.LinAlgError``: a matrix the factorisation cannot go through (a singular one)."""


LinAlgError.__name__ = LinAlgError.__qualname__ = "_LinAlgError"  # type(error).__name__ as PyTorch prints it
LinAlgError.__module__ = "torch._C"
INV_SINGULAR = (
    "linalg.inv: {batch}The diagonal element {index} is zero, the inversion could not be completed because "
    "the input matrix is singular."
)
SOLVE_SINGULAR = "torch.linalg.solve: {batch}The solver failed because the input matrix is singular."


def _zero_pivot(matrix: np.ndarray) -> int:
    """The 1-based position of the first zero pivot of LU with partial pivoting (0 if there is none)."""
    work = np.array(matrix, dtype=np.float64)
    first_zero = 0
    for column in range(work.shape[0]):
        pivot = column + int(np.argmax(np.abs(work[column:, column])))
        work[[column, pivot]] = work[[pivot, column]]
        if work[column, column] == 0:
            first_zero = first_zero or column + 1
            continue
        factors = work[column + 1 :, column] / work[column, column]
        work[column + 1 :, column:] -= factors[:, None] * work[column, column:]
    return first_zero


def _singular_error(a: np.ndarray, message: str) -> LinAlgError:
    """The error for the first singular matrix of ``a`` (a matrix or a batch of them)."""
    matrices = a.reshape(-1, *a.shape[-2:])
    for number, matrix in enumerate(matrices):
        index = _zero_pivot(matrix)
        if index:
            batch = f"(Batch element {number}): " if a.ndim > 2 else ""
            return LinAlgError(message.format(batch=batch, index=index))
    return LinAlgError(message.format(batch="", index=1))  # numpy found what the column scan did not


def inv(A: Tensor) -> Tensor:  # noqa: N803 - PyTorch's argument name
    """The inverse of a square matrix (or of each in a batch); a singular one raises LinAlgError."""
    if A.dtype.name == "float16":
        raise RuntimeError("linalg.inv: Low precision dtypes not supported. Got Half")
    _check_square("inv", A)
    try:
        return la.LinalgInvExBackward0.apply(A)
    except np.linalg.LinAlgError:
        raise _singular_error(A._data, INV_SINGULAR) from None


def solve(A: Tensor, B: Tensor) -> Tensor:  # noqa: N803
    """X with ``A @ X = B``; B is a vector (one per matrix of A) or a matrix of right-hand sides."""
    _check_square("solve", A)
    _needs_floating("solve", B)
    if A.dtype is not B.dtype:
        raise RuntimeError(
            "linalg.solve: Expected A and B to have the same dtype, but found A of type "
            f"{A.dtype.scalar_name} and B of type {B.dtype.scalar_name} instead"
        )
    a, b = A._data, B._data
    vector = b.ndim == 1 or (b.ndim == a.ndim - 1 and b.shape == a.shape[:-1])
    rows, columns = (b.shape[-1], 1) if vector else b.shape[-2:]
    if rows != a.shape[-1]:
        raise RuntimeError(
            "linalg.solve: Incompatible shapes of A and B for the equation AX = B "
            f"({a.shape[-2]}x{a.shape[-1]} and {rows}x{columns})"
        )
    try:
        return la.LinalgSolveExBackward0.apply(A, B, vector=vector)
    except np.linalg.LinAlgError:
        raise _singular_error(a, SOLVE_SINGULAR) from None
