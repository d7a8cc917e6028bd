"""Cross product, determinant, SVD, inverse and solve, with their derivatives.

``svd`` has three outputs; each is made by its own ``LinalgSvdBackward0`` node (PyTorch records one node
with three outputs). The SVD backward is linear in the three output gradients, so the nodes' gradients
add up to PyTorch's.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.reduction_extra import _product_of_others


def _swap(matrices: np.ndarray) -> np.ndarray:
    """The transpose of every matrix in a batch."""
    return np.swapaxes(matrices, -1, -2)


def cross_arrays(a: np.ndarray, b: np.ndarray, axis: int) -> np.ndarray:
    """``a × b`` along ``axis`` (of length 3), broadcasting the other dimensions."""
    a0, a1, a2 = (np.take(a, i, axis=axis) for i in range(3))
    b0, b1, b2 = (np.take(b, i, axis=axis) for i in range(3))
    return np.stack([a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0], axis=axis)


class LinalgCrossBackward0(Function):
    symbol, rule = "cross", "∂(a×b)/∂a: G ↦ b×G, ∂(a×b)/∂b: G ↦ G×a"
    saves_inputs = (0, 1)

    def forward(self, a, b, axis=-1):
        self.axis = axis
        return cross_arrays(a, b, axis)

    def backward(self, grad):
        a, b = self.saved_data()
        grad_a = cross_arrays(b, grad, self.axis) if self.needs_grad(0) else None
        grad_b = cross_arrays(grad, a, self.axis) if self.needs_grad(1) else None
        return grad_a, grad_b


def cofactors(a: np.ndarray) -> np.ndarray:
    """The matrix of cofactors, ∂det(A)/∂A, of every matrix in a batch, singular ones included.

    From A = U diag(s) Vᵀ: cof(A) = det(U) det(V) · U diag(product of the other sᵢ) Vᵀ, which is
    det(A)·A⁻ᵀ when A is invertible and stays exact when it is not.
    """
    if a.shape[-1] == 0:
        return np.zeros_like(a)
    u, s, vh = np.linalg.svd(a)
    signs = np.linalg.det(u) * np.linalg.det(vh)
    others = _product_of_others(s, s.ndim - 1)
    return signs[..., None, None] * (u * others[..., None, :]) @ vh


class LinalgDetBackward0(Function):
    symbol, rule = "det", "∂det(A)/∂A = cofactors of A (det(A)·A⁻ᵀ when A is invertible)"
    saves_inputs = (0,)

    def forward(self, a):
        return np.asarray(np.linalg.det(a), dtype=a.dtype)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (np.asarray(grad)[..., None, None] * cofactors(a),)


def svd_gradient(u, s, vh, grad_u, grad_s, grad_vh) -> np.ndarray:
    """∂L/∂A from the gradients of A = U diag(S) Vh (reduced factors; a missing gradient is None).

    The standard formula for distinct nonzero singular values: with Fᵢⱼ = 1/(sⱼ² - sᵢ²) off the diagonal,
    Ā = U [(F∘(UᵀŪ - ŪᵀU)) S + diag(S̄) + S (F∘(VᵀV̄ - V̄ᵀV))] Vᵀ + (I - UUᵀ) Ū S⁻¹ Vᵀ + U S⁻¹ V̄ᵀ (I - VVᵀ).
    Repeated singular values give infinities, as in PyTorch: U and V are then not unique.
    """
    if grad_u is None and grad_vh is None:
        return u @ (grad_s[..., :, None] * vh)
    rows, count, columns = u.shape[-2], s.shape[-1], vh.shape[-1]
    squares = s * s
    gaps = squares[..., None, :] - squares[..., :, None]
    diagonal = np.eye(count, dtype=bool)
    with np.errstate(divide="ignore"):
        inverse_gaps = np.where(diagonal, 0.0, 1.0 / np.where(diagonal, 1.0, gaps)).astype(s.dtype)
    inner = np.zeros(s.shape + (count,), dtype=s.dtype)
    extra = 0.0
    if grad_u is not None:
        left = _swap(u) @ grad_u
        inner = inner + (inverse_gaps * (left - _swap(left))) * s[..., None, :]
        if rows > count:  # the part of Ū outside U's columns
            extra = extra + ((grad_u - u @ left) / s[..., None, :]) @ vh
    if grad_vh is not None:
        right = vh @ _swap(grad_vh)
        inner = inner + s[..., :, None] * (inverse_gaps * (right - _swap(right)))
        if columns > count:  # the part of V̄ outside V's columns
            extra = extra + u @ ((grad_vh - _swap(right) @ vh) / s[..., :, None])
    if grad_s is not None:
        inner = inner + grad_s[..., :, None] * diagonal
    return u @ inner @ vh + extra


class LinalgSvdBackward0(Function):
    """One output of the SVD: ``output`` 0 is U, 1 is S, 2 is Vh, of ``factors`` computed once for all three.

    With full matrices (``svd(some=False)``), only the first min(m, n) columns of U and rows of Vh take part
    in the gradient, as in PyTorch: the others are any orthonormal completion.
    """

    symbol, rule = "svd", "Ā = U[(F∘(UᵀŪ-ŪᵀU))S + diag(S̄) + S(F∘(VᵀV̄-V̄ᵀV))]Vᵀ + …, Fᵢⱼ = 1/(sⱼ²-sᵢ²)"

    def forward(self, a, factors=(), output=0):
        self.factors, self.output = factors, output
        return factors[output].copy()  # a copy: in-place changes to the result leave the factors intact

    def backward(self, grad):
        u, s, vh = self.factors
        count = s.shape[-1]
        u, vh = u[..., :count], vh[..., :count, :]
        grads = [None, None, None]
        grads[self.output] = grad[..., :count] if self.output == 0 else grad
        if self.output == 2:
            grads[2] = grad[..., :count, :]
        return (svd_gradient(u, s, vh, *grads),)


class LinalgInvExBackward0(Function):
    symbol, rule = "inv", "∂A⁻¹: G ↦ -A⁻ᵀ G A⁻ᵀ"
    saves_output = True

    def forward(self, a):
        return np.linalg.inv(a).astype(a.dtype)

    def backward(self, grad):
        (inverse,) = self.saved_data()
        transposed = _swap(inverse)
        return (-(transposed @ grad @ transposed),)


class LinalgSolveExBackward0(Function):
    """X = A⁻¹B; a vector B (one right-hand side per matrix) is solved as a column."""

    symbol, rule = "solve", "∂(A⁻¹B): Ḃ = A⁻ᵀ G, Ā = -Ḃ Xᵀ"
    saves_inputs = (0,)
    saves_output = True

    def forward(self, a, b, vector=False):
        self.vector = vector
        solution = np.linalg.solve(a, b[..., None] if vector else b)
        return (solution[..., 0] if vector else solution).astype(a.dtype)

    def backward(self, grad):
        a, solution = self.saved_data()
        if self.vector:
            grad, solution = grad[..., None], solution[..., None]
        grad_b = np.linalg.solve(_swap(a), grad)
        grad_a = -(grad_b @ _swap(solution)) if self.needs_grad(0) else None
        if self.vector:
            grad_b = grad_b[..., 0]
        return grad_a, (grad_b if self.needs_grad(1) else None)
