"""slogdet and pinv, with their derivatives, and the LU factorisation that slogdet's answers at singular
matrices depend on.

numpy's LAPACK gives the values where a matrix is invertible. Where it is not, PyTorch's answers come from
the steps of LU with partial pivoting (LAPACK's getrf): the sign of a zero determinant is the sign of the
row swaps times a zero, and the gradient of log|det A|, a solve with Aᵀ, divides by the zero pivot, giving
the infinities and NaNs PyTorch prints. Those steps are followed here, in the input's dtype.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function


def _swap(matrices: np.ndarray) -> np.ndarray:
    return np.swapaxes(matrices, -1, -2)


def lu_factor(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """L and U packed in one matrix (L's unit diagonal left out), the row order, and the number of swaps.

    The pivot is the first largest entry of the column; a zero column is skipped, as LAPACK skips it."""
    factors = matrix.copy()
    order = np.arange(matrix.shape[0])
    swaps = 0
    with np.errstate(all="ignore"):
        for column in range(matrix.shape[0]):
            pivot = column + int(np.argmax(np.abs(factors[column:, column])))
            if pivot != column:
                factors[[column, pivot]] = factors[[pivot, column]]
                order[[column, pivot]] = order[[pivot, column]]
                swaps += 1
            if factors[column, column] != 0:
                factors[column + 1 :, column] /= factors[column, column]
            below = factors[column + 1 :, column]
            factors[column + 1 :, column + 1 :] -= np.outer(below, factors[column, column + 1 :])
    return factors, order, swaps


def _lu_solve(matrix: np.ndarray, right: np.ndarray) -> np.ndarray:
    """X with ``matrix @ X = right`` by forward and back substitution; zero pivots divide as IEEE says."""
    factors, order, _ = lu_factor(matrix)
    solution = right[order].copy()
    with np.errstate(all="ignore"):
        for row in range(len(solution)):
            solution[row] -= factors[row, :row] @ solution[:row]
        for row in reversed(range(len(solution))):
            above = solution[row] - factors[row, row + 1 :] @ solution[row + 1 :]
            solution[row] = above / factors[row, row]
    return solution


def solve(matrices: np.ndarray, right: np.ndarray) -> np.ndarray:
    """``matrices⁻¹ @ right`` for a batch; a singular matrix gives PyTorch's infinities, not an error."""
    try:
        return np.linalg.solve(matrices, right)
    except np.linalg.LinAlgError:
        flat_a = matrices.reshape(-1, *matrices.shape[-2:])
        flat_b = np.broadcast_to(right, matrices.shape).reshape(flat_a.shape)
        solved = [_lu_solve(a, b) for a, b in zip(flat_a, flat_b, strict=True)]
        return np.stack(solved).reshape(matrices.shape)


def slogdet(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The sign and log|det| of each matrix; a zero determinant's sign is ±0, as LU's row swaps make it."""
    sign, logabsdet = np.linalg.slogdet(a)
    sign, logabsdet = np.asarray(sign, dtype=a.dtype), np.asarray(logabsdet, dtype=a.dtype)
    if a.shape[-1] and not sign.all():
        flat = sign.reshape(-1)
        for position, matrix in enumerate(a.reshape(-1, *a.shape[-2:])):
            if flat[position] == 0:  # zero times the pivots' signs and the swaps' parity: +0 or -0
                factors, _, swaps = lu_factor(matrix.T)  # PyTorch's LAPACK reads row-major memory as Aᵀ
                flat[position] = 0.0 * np.prod(np.sign(np.diagonal(factors))) * (-1) ** swaps
        sign = flat.reshape(sign.shape)
    return sign, logabsdet


class LinalgSlogdetBackward0(Function):
    """One output of slogdet: ``output`` 0 is the sign (no gradient flows through it, as in PyTorch for real
    matrices), 1 is log|det A|, whose gradient is G·A⁻ᵀ."""

    symbol, rule = "slogdet", "∂log|det A|/∂A = A⁻ᵀ (the sign has no gradient)"
    saves_inputs = (0,)

    def forward(self, a, results=(), output=0):
        self.output = output
        return results[output].copy()

    def backward(self, grad):
        if self.output == 0:
            return (None,)
        (a,) = self.saved_data()
        scaled_identity = np.asarray(grad)[..., None, None] * np.eye(a.shape[-1], dtype=a.dtype)
        return (solve(_swap(a), scaled_identity),)


def above_tolerance(sizes: np.ndarray, atol: np.ndarray, rtol: np.ndarray) -> np.ndarray:
    """Which singular values (or eigenvalue sizes) exceed max(atol, rtol·largest) of their matrix: the ones
    pinv inverts and matrix_rank counts."""
    largest = sizes.max(axis=-1, keepdims=True, initial=0)
    return sizes > np.maximum(np.asarray(atol)[..., None], np.asarray(rtol)[..., None] * largest)


def pinv(a: np.ndarray, atol: np.ndarray, rtol: np.ndarray, hermitian: bool) -> np.ndarray:
    """The pseudo-inverse: singular values (eigenvalues' sizes, ``hermitian``) at most max(atol, rtol·largest)
    count as zero."""
    if hermitian:
        values, vectors = np.linalg.eigh(a)
        sizes = np.abs(values)
    else:
        left, sizes, right_t = np.linalg.svd(a, full_matrices=False)
        values = sizes
    kept = above_tolerance(sizes, atol, rtol)
    with np.errstate(divide="ignore"):
        inverted = np.where(kept, 1 / np.where(kept, values, 1), 0).astype(a.dtype)
    if hermitian:
        return (vectors * inverted[..., None, :]) @ _swap(vectors)
    return (_swap(right_t) * inverted[..., None, :]) @ _swap(left)


class LinalgPinvBackward0(Function):
    """A⁺ from its SVD; its derivative, written with A⁺ alone (so it holds at any rank):
    Ā = -A⁺ᵀ G A⁺ᵀ + (I - A A⁺) Gᵀ A⁺ A⁺ᵀ + A⁺ᵀ A⁺ Gᵀ (I - A⁺ A)."""

    symbol, rule = "pinv", "Ā = -A⁺ᵀGA⁺ᵀ + (I-AA⁺)GᵀA⁺A⁺ᵀ + A⁺ᵀA⁺Gᵀ(I-A⁺A)"
    saves_inputs = (0,)
    saves_output = True

    def forward(self, a, atol=0.0, rtol=0.0, hermitian=False):
        return pinv(a, atol, rtol, hermitian)

    def backward(self, grad):
        a, inverse = self.saved_data()
        inverse_t, grad_t = _swap(inverse), _swap(grad)
        rows, columns = a.shape[-2:]
        left_rest = np.eye(rows, dtype=a.dtype) - a @ inverse
        right_rest = np.eye(columns, dtype=a.dtype) - inverse @ a
        return (
            -(inverse_t @ grad @ inverse_t)
            + left_rest @ grad_t @ (inverse @ inverse_t)
            + (inverse_t @ inverse) @ grad_t @ right_rest,
        )
