"""``torch.linalg``: norms, det, slogdet, svd, svdvals, cross, inv, pinv, solve, matrix_power, matrix_rank,
multi_dot and matmul, as learners call them.

The matrix norms are built from the same pieces as in PyTorch, so their graphs show the same nodes: the
1- and inf-norms are an ``amax`` of column (row) sums, the 2-norm an ``amax`` of the singular values, the
nuclear norm their sum, the Frobenius norm a vector norm over both dimensions.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from engine import return_types
from engine.functions import linalg_extra as la
from engine.functions import norms, reduction
from engine.linalg_more_ops import linalg_matrix_power as matrix_power
from engine.linalg_more_ops import linalg_slogdet as slogdet
from engine.linalg_more_ops import matrix_rank, pinv
from engine.linalg_ops import _check_matrices, _needs_floating, _needs_matrices, det
from engine.linalg_ops import cross as _cross
from engine.linalg_solve import LinAlgError, inv, solve
from engine.multi_dot_ops import multi_dot
from engine.tensor import Tensor
from engine.torch_functions import matmul  # torch.linalg.matmul is torch.matmul

__all__ = [
    "LinAlgError",
    "cross",
    "det",
    "inv",
    "matmul",
    "matrix_norm",
    "matrix_power",
    "matrix_rank",
    "multi_dot",
    "pinv",
    "slogdet",
    "norm",
    "solve",
    "svd",
    "svdvals",
    "vector_norm",
]
MATRIX_ORDERS = ("fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf)


def vector_norm(x: Tensor, ord: float = 2, dim: Any = None, keepdim: bool = False) -> Tensor:  # noqa: A002
    """``(Σ|x|ᵖ)^(1/p)`` over ``dim`` (every element by default), for any order p, 0 and ±inf included."""
    if isinstance(ord, str):
        raise TypeError("linalg_vector_norm(): argument 'ord' must be Number, not str")
    _needs_floating("vector_norm", x)
    if isinstance(dim, list | tuple):
        axes = [d % max(x.ndim, 1) for d in dim]
        repeated = [axis for position, axis in enumerate(axes) if axis in axes[:position]]
        if repeated:
            raise RuntimeError(f"dim {repeated[0]} appears multiple times in the list of dims")
    return norms.LinalgVectorNormBackward0.apply(x, order=ord, dim=dim, keepdim=keepdim)


def svdvals(A: Tensor) -> Tensor:  # noqa: N803 - PyTorch's argument name
    """The singular values of a matrix (or of each in a batch), largest first."""
    _check_svd_input(A)
    factors = tuple(np.linalg.svd(A._data, full_matrices=False))
    return la.LinalgSvdBackward0.apply(A, factors=factors, output=1)


def matrix_norm(A: Tensor, ord: Any = "fro", dim: Any = (-2, -1), keepdim: bool = False) -> Tensor:  # noqa: A002, N803
    """The Frobenius, nuclear, 1-, inf- or 2-norm (or the negative orders) of the matrices over ``dim``."""
    from engine.shape_ops import permute

    _needs_matrices("matrix_norm", A)
    _needs_floating("matrix_norm", A)
    first, second = (d % A.ndim for d in dim)
    if first == second:
        raise RuntimeError(f"linalg.matrix_norm: dims must be different. Got ({dim[0]}, {dim[1]})")
    if ord not in MATRIX_ORDERS:
        raise RuntimeError(f"linalg.matrix_norm: Order {ord} not supported.")
    if ord == "fro":
        return vector_norm(A, 2, dim=(first, second), keepdim=keepdim)
    extreme = reduction.AmaxBackward0 if ord == "nuc" or ord > 0 else norms.AminBackward0
    if ord in ("nuc", 2, -2):  # of the singular values, the two dimensions moved last
        order = [d for d in range(A.ndim) if d not in (first, second)] + [first, second]
        singular = svdvals(permute(A, order))
        result = singular.sum(-1) if ord == "nuc" else extreme.apply(singular, dim=-1)
        for d in sorted((first, second)) if keepdim else ():
            result = result.unsqueeze(d)
        return result
    summed, across = (second, first) if abs(ord) == math.inf else (first, second)
    if not keepdim and summed < across:
        across -= 1
    sums = vector_norm(A, 1, dim=summed, keepdim=keepdim)
    return extreme.apply(sums, dim=across, keepdim=keepdim)


def norm(A: Tensor, ord: Any = None, dim: Any = None, keepdim: bool = False) -> Tensor:  # noqa: A002, N803
    """A vector norm (1-d input, one ``dim``, or no ``ord``) or a matrix norm (2-d input or two ``dim``)."""
    if dim is not None:
        dims = (dim,) if isinstance(dim, int) else tuple(dim)
        if len(dims) == 1:
            return vector_norm(A, 2 if ord is None else ord, dim=dims, keepdim=keepdim)
        if len(dims) == 2:
            return matrix_norm(A, "fro" if ord is None else ord, dim=dims, keepdim=keepdim)
        raise RuntimeError(f"linalg.norm: If dim is specified, it must be of length 1 or 2. Got {list(dims)}")
    if ord is None:
        return vector_norm(A, 2, keepdim=keepdim)
    if A.ndim not in (1, 2):
        raise RuntimeError(
            f"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got {A.ndim}D."
        )
    if isinstance(ord, str) or A.ndim == 2:
        return matrix_norm(A, ord, keepdim=keepdim)
    return vector_norm(A, ord, keepdim=keepdim)


def _check_svd_input(A: Tensor) -> None:  # noqa: N803
    _needs_matrices("svd", A)
    _check_matrices("svd", A, "linalg_svd_cpu")


def svd(A: Tensor, full_matrices: bool = True) -> Any:  # noqa: N803
    """``A = U diag(S) Vh`` as ``torch.return_types.linalg_svd(U, S, Vh)``; square U and Vh by default."""
    _check_svd_input(A)
    factors = tuple(np.linalg.svd(A._data, full_matrices=full_matrices))
    outputs = (la.LinalgSvdBackward0.apply(A, factors=factors, output=index) for index in range(3))
    return return_types.linalg_svd(*outputs)


def cross(input: Tensor, other: Tensor, *, dim: int = -1) -> Tensor:  # noqa: A002 - PyTorch's names
    """The cross product of 3-vectors along ``dim`` (the last by default, without torch.cross's warning)."""
    return _cross(input, other, dim=dim)
