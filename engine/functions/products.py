"""Products added to an input, ``β·input + α·product``: addmv, addr, baddbmm, addbmm; and vdot.

β = 0 ignores the input and α = 0 the product (NaNs there included), as PyTorch's kernels do. A bool
result (addr) is the logical ``(β and input) or (α and product)``. The input's gradient is β·G, broadcast
back to its shape by the engine (autograd._fit_to_input).
"""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.linalg import DotBackward0


def _times(values: np.ndarray, factor: float) -> np.ndarray:
    """``values * factor``, skipped when the factor is 1 (the common case: no rounding, no copy)."""
    return values if factor == 1 else values * factor


def scaled_sum(bias: np.ndarray, product: np.ndarray, beta: float, alpha: float) -> np.ndarray:
    """``β·bias + α·product`` in the product's dtype and shape; a zero factor drops its term entirely."""
    if product.dtype == np.bool_:
        kept = np.logical_and(bias, bool(beta)) if beta else np.zeros((), dtype=bool)
        return np.logical_or(kept, np.logical_and(product, bool(alpha)))
    term = _times(product, alpha) if alpha else np.zeros_like(product)
    if not beta:
        return np.array(term, dtype=product.dtype)
    return (term + _times(bias, beta)).astype(product.dtype, copy=False)


class _AddedProduct(Function):
    """The shared forward: ``β·input + α·(first ∘ second)``, with ``∘`` the subclass's product."""

    saves_inputs = (1, 2)

    def forward(self, bias, first, second, beta=1, alpha=1):
        self.beta, self.alpha = beta, alpha
        return scaled_sum(bias, self.product(first, second), beta, alpha)

    def product(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def backward(self, grad):
        first, second = self.saved_data()
        grad_first = _times(self.first_grad(grad, second), self.alpha) if self.needs_grad(1) else None
        grad_second = _times(self.second_grad(grad, first), self.alpha) if self.needs_grad(2) else None
        return _times(grad, self.beta), grad_first, grad_second


class AddmvBackward0(_AddedProduct):
    symbol, rule = "addmv", "∂/∂input = β·G, ∂/∂mat = α·G vecᵀ, ∂/∂vec = α·matᵀ G"

    def product(self, mat, vec):
        return mat @ vec

    def first_grad(self, grad, vec):
        return np.outer(grad, vec)

    def second_grad(self, grad, mat):
        return mat.T @ grad


class AddrBackward0(_AddedProduct):
    symbol, rule = "addr", "∂/∂input = β·G, ∂/∂vec1 = α·G vec2, ∂/∂vec2 = α·Gᵀ vec1"

    def product(self, vec1, vec2):
        if vec1.dtype == np.bool_:
            return np.logical_and.outer(vec1, vec2)
        return np.outer(vec1, vec2)

    def first_grad(self, grad, vec2):
        return grad @ vec2

    def second_grad(self, grad, vec1):
        return grad.T @ vec1


class BaddbmmBackward0(_AddedProduct):
    symbol, rule = "baddbmm", "∂/∂input = β·G, ∂/∂batch1 = α·G batch2ᵀ, ∂/∂batch2 = α·batch1ᵀ G (each batch)"

    def product(self, batch1, batch2):
        return batch1 @ batch2

    def first_grad(self, grad, batch2):
        return grad @ np.swapaxes(batch2, 1, 2)

    def second_grad(self, grad, batch1):
        return np.swapaxes(batch1, 1, 2) @ grad


class AddbmmBackward0(BaddbmmBackward0):
    """The batch of products summed into one matrix: each batch's gradient sees the same G."""

    symbol = "addbmm"
    rule = "∂/∂input = β·G, ∂/∂batch1[i] = α·G batch2[i]ᵀ, ∂/∂batch2[i] = α·batch1[i]ᵀ G"

    def product(self, batch1, batch2):
        if not batch1.shape[0]:  # no batches: a sum of nothing
            return np.zeros((batch1.shape[1], batch2.shape[2]), dtype=batch1.dtype)
        return (batch1 @ batch2).sum(axis=0, dtype=batch1.dtype)

    def first_grad(self, grad, batch2):
        return super().first_grad(grad[None], batch2)

    def second_grad(self, grad, batch1):
        return super().second_grad(grad[None], batch1)


class VdotBackward0(DotBackward0):
    """The dot product of two vectors (the first conjugated: the same for real ones)."""

    symbol = "vdot"
