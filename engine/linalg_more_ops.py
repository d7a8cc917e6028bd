"""matrix_power, logdet, slogdet, pinverse (torch.* and methods) and their torch.linalg forms, with
linalg.matrix_rank. Checks raise PyTorch's messages, in its order.

matrix_power is built from products as PyTorch builds it (an inverse first for a negative power, then
squarings); logdet is ``where(sign == -1, nan, logabsdet)`` over slogdet, as PyTorch records it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from engine import return_types
from engine.functions import linalg_lu as lu
from engine.order_ops import _int_argument
from engine.tensor import Tensor


def _square(name: str, a: Tensor) -> None:
    """At least two dimensions, and square matrices, in the words of PyTorch's ``name`` (logdet's without
    the ``linalg.`` of the others)."""
    where = name if name == "logdet" else f"linalg.{name}"
    if a.dim() < 2:
        raise RuntimeError(f"{where}: The input tensor A must have at least 2 dimensions.")
    rows, columns = a.shape[-2:]
    if rows != columns:
        raise RuntimeError(
            f"{where}: A must be batches of square matrices, but they are {rows} by {columns} matrices"
        )


def _power(A: Tensor, n: int, function: str) -> Tensor:  # noqa: N803 - PyTorch's argument name
    from engine.creation import eye
    from engine.linalg_solve import inv
    from engine.shape_ops import clone

    n = _int_argument(function, "n", 2, n)
    _square("matrix_power", A)
    if n == 0:  # the identity, written into a copy of A (so the graph holds CloneBackward0, CopyBackwards)
        identity = eye(A.shape[-1], dtype=A.dtype).expand(*A.shape)
        return clone(A).copy_(identity)
    if n == 1:
        return clone(A)
    if n < 0:
        A, n = inv(A), -n
    if n == 1:
        return A
    if n == 2:
        return A @ A
    if n == 3:
        return (A @ A) @ A
    result, square = None, None
    while n:  # binary powers: each set bit multiplies the result by the current square
        square = A if square is None else square @ square
        n, bit = divmod(n, 2)
        if bit:
            result = square if result is None else result @ square
    return result


def matrix_power(input: Tensor, n: int) -> Tensor:  # noqa: A002 - PyTorch's argument names
    """The matrix (or each in a batch) to the integer power ``n``; a negative one inverts first."""
    return _power(input, n, "matrix_power")


def linalg_matrix_power(A: Tensor, n: int) -> Tensor:  # noqa: N803
    return _power(A, n, "linalg_matrix_power")


def _slogdet(A: Tensor, name: str) -> tuple[Tensor, Tensor]:  # noqa: N803
    _square(name, A)
    where = name if name == "logdet" else f"linalg.{name}"
    if not A.is_floating_point():
        raise RuntimeError(
            f"{where}: Expected a floating point or complex tensor as input. Got {A.dtype.scalar_name}"
        )
    if A.dtype.name == "float16":
        raise RuntimeError(f"{where}: Low precision dtypes not supported. Got Half")
    results = lu.slogdet(A._data)
    sign = lu.LinalgSlogdetBackward0.apply(A, results=results, output=0)
    return sign, lu.LinalgSlogdetBackward0.apply(A, results=results, output=1)


def slogdet(A: Tensor) -> Any:  # noqa: N803
    """The sign of the determinant and the log of its size (a zero determinant: sign ±0, log -inf)."""
    return return_types.slogdet(*_slogdet(A, "slogdet"))


def linalg_slogdet(A: Tensor) -> Any:  # noqa: N803
    return return_types.linalg_slogdet(*_slogdet(A, "slogdet"))


def logdet(input: Tensor) -> Tensor:  # noqa: A002
    """log det A: NaN where the determinant is negative, -inf where it is zero."""
    from engine.math_ops import where

    sign, logabsdet = _slogdet(input, "logdet")
    return where(Tensor._wrap(sign._data == -1), float("nan"), logabsdet)


def _mixed_tolerances(function: str, older: str, value: Any, atol: Any, rtol: Any) -> str:
    """PyTorch's refusal of the older tolerance argument (``tol``, ``rcond``, given by position) together
    with atol or rtol."""
    given = [type(value).__name__] + [
        f"{name}={type(tolerance).__name__}"
        for name, tolerance in (("rtol", rtol), ("atol", atol))
        if tolerance is not None
    ]
    overloads = (
        "Tensor input, *, Tensor atol = None, Tensor rtol = None, bool hermitian = False, Tensor out = None",
        "Tensor input, *, float atol = None, float rtol = None, bool hermitian = False, Tensor out = None",
        f"Tensor input, Tensor {older}, bool hermitian = False, *, Tensor out = None",
        f"Tensor input, float {older}, bool hermitian = False, *, Tensor out = None",
    )
    return (
        f"{function}() received an invalid combination of arguments - got (Tensor, {', '.join(given)}), but "
        "expected one of:\n" + "".join(f" * ({overload})\n" for overload in overloads)
    )


def _tolerance(value: Any) -> np.ndarray:
    return np.asarray(value._data if isinstance(value, Tensor) else value, dtype=np.float64)


def _tolerances(A: Tensor, atol: Any, rtol: Any) -> tuple[np.ndarray, np.ndarray]:  # noqa: N803
    """PyTorch's defaults: no atol; rtol ε·max(m, n) unless an atol above zero is given (then 0)."""
    atol = _tolerance(0.0 if atol is None else atol)
    if rtol is None:
        default = np.finfo(A._data.dtype).eps * max(A.shape[-2:])
        rtol = np.where(atol > 0, 0.0, default)
    return atol, _tolerance(rtol)


def pinv(
    A: Tensor,  # noqa: N803
    rcond: Any = None,
    hermitian: bool = False,
    *,
    atol: Any = None,
    rtol: Any = None,
) -> Tensor:
    """The Moore-Penrose pseudo-inverse, from the SVD (or, ``hermitian``, the eigenvalues of the lower
    triangle); singular values up to max(atol, rtol·largest) count as zero."""
    if A.dim() < 2 or A.dtype.name not in ("float32", "float64"):
        raise RuntimeError(
            f"linalg.pinv({A.dtype.scalar_name}{{{list(A.shape)}}}): expected a tensor with 2 or more "
            "dimensions of float, double, cfloat or cdouble types"
        )
    if rcond is not None and (atol is not None or rtol is not None):
        raise TypeError(_mixed_tolerances("linalg_pinv", "rcond", rcond, atol, rtol))
    if hermitian:
        _square("eigh", A)
    atol, rtol = _tolerances(A, atol, rtol if rcond is None else rcond)
    return lu.LinalgPinvBackward0.apply(A, atol=atol, rtol=rtol, hermitian=hermitian)


def pinverse(input: Tensor, rcond: float = 1e-15) -> Tensor:  # noqa: A002
    """``linalg.pinv`` with a relative cut-off ``rcond`` (1e-15 by default: tiny singular values are kept)."""
    return pinv(input, rtol=rcond)


def matrix_rank(
    A: Tensor,  # noqa: N803
    tol: Any = None,
    hermitian: bool = False,
    *,
    atol: Any = None,
    rtol: Any = None,
) -> Tensor:
    """How many singular values (eigenvalue sizes, ``hermitian``) exceed max(atol, rtol·largest), as int64."""
    if tol is not None and (atol is not None or rtol is not None):
        raise TypeError(_mixed_tolerances("linalg_matrix_rank", "tol", tol, atol, rtol))
    if A.dim() < 2:
        raise RuntimeError(
            "torch.linalg.matrix_rank: The input tensor input must have at least 2 dimensions."
        )
    if A.dtype.name not in ("float32", "float64"):
        raise RuntimeError("This function doesn't handle types other than float and double")
    if hermitian:
        _square("eigh", A)
    if tol is not None:  # the older argument: an absolute tolerance alone
        atol, rtol = tol, 0.0
    atol, rtol = _tolerances(A, atol, rtol)
    data = A._data
    sizes = np.abs(np.linalg.eigvalsh(data)) if hermitian else np.linalg.svd(data, compute_uv=False)
    kept = lu.above_tolerance(sizes, atol, rtol)
    return Tensor._wrap(np.asarray(kept.sum(axis=-1), dtype=np.int64))


def removed_matrix_rank(*args: Any, **kwargs: Any) -> None:
    """``torch.matrix_rank``: gone from PyTorch, which says so when it is called."""
    raise RuntimeError(
        "This function was deprecated since version 1.9 and is now removed.\nPlease use the "
        "`torch.linalg.matrix_rank` function instead. The parameter 'symmetric' was renamed in "
        "`torch.linalg.matrix_rank()` to 'hermitian'."
    )


METHODS: dict[str, Callable] = {
    "matrix_power": matrix_power,
    "logdet": logdet,
    "slogdet": slogdet,
    "pinverse": pinverse,
}
