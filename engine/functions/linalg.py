"""Matrix products: ``@``/matmul in its PyTorch-named forms, and ``addmm`` (what ``nn.Linear`` records)."""

from __future__ import annotations

import numpy as np

from engine.broadcast_rules import joint_shape
from engine.function import Function


def _matmul_grads(grad: np.ndarray, a: np.ndarray, b: np.ndarray, need_a: bool, need_b: bool) -> tuple:
    """Gradients of ``a @ b`` for any ranks; 1-d operands are treated as a row / a column."""
    if b.ndim == 1 and a.ndim == 2 and need_a:  # matrix @ vector: an outer product, as ger (keeps -0.0)
        grad_a = grad[:, None] * b
        return grad_a, (a.T @ grad if need_b else None)
    a2 = a[None, :] if a.ndim == 1 else a
    b2 = b[:, None] if b.ndim == 1 else b
    if a.ndim == 1:
        grad = np.expand_dims(grad, -2)
    if b.ndim == 1:
        grad = np.expand_dims(grad, -1)
    grad_a = grad_b = None
    if need_a:
        grad_a = grad @ np.swapaxes(b2, -1, -2)
        grad_a = grad_a[..., 0, :] if a.ndim == 1 else grad_a
    if need_b:
        grad_b = np.swapaxes(a2, -1, -2) @ grad
        grad_b = grad_b[..., 0] if b.ndim == 1 else grad_b
    return grad_a, grad_b


class MmBackward0(Function):
    """Matrix times matrix."""

    symbol, rule = "@", "∂(A@B)/∂A = G@Bᵀ, ∂(A@B)/∂B = Aᵀ@G"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return a @ b

    def backward(self, grad):
        a, b = self.saved_data()
        return _matmul_grads(grad, a, b, self.needs_grad(0), self.needs_grad(1))


class MvBackward0(MmBackward0):
    """Matrix times vector (and vector times matrix)."""


class DotBackward0(MmBackward0):
    """Vector dot vector."""

    rule = "∂(a·b)/∂a = b, ∂(a·b)/∂b = a"

    def backward(self, grad):
        a, b = self.saved_data()
        return (grad * b if self.needs_grad(0) else None), (grad * a if self.needs_grad(1) else None)


class BmmBackward0(MmBackward0):
    """Batched products (3-d and above, broadcasting the batch dimensions)."""


class AddmmBackward0(Function):
    """``bias + x @ w``: one node for nn.Linear's forward, as in PyTorch."""

    symbol, rule = "addmm", "∂/∂bias = G, ∂/∂x = G@Wᵀ, ∂/∂W = xᵀ@G (times β and α when given)"
    saves_inputs = (1, 2)
    beta = alpha = 1

    def forward(self, bias, x, w, beta=1, alpha=1):
        if beta == 1 and alpha == 1:
            return bias + x @ w
        self.beta, self.alpha = beta, alpha
        product = (x @ w) * x.dtype.type(alpha)
        return (
            product if beta == 0 else bias * bias.dtype.type(beta) + product
        )  # beta 0: bias ignored (NaN too)

    def backward(self, grad):
        if self.beta != 1 or self.alpha != 1:
            x, w = self.saved_data()
            grad_bias = grad * grad.dtype.type(self.beta) if self.needs_grad(0) else None
            scaled = grad * grad.dtype.type(self.alpha)
            grad_x = scaled @ w.T if self.needs_grad(1) else None
            return grad_bias, grad_x, (x.T @ scaled if self.needs_grad(2) else None)
        x, w = self.saved_data()
        grad_x = grad @ w.T if self.needs_grad(1) else None
        grad_w = None
        if self.needs_grad(2):  # speed: in w's layout (nn.Linear passes weight.T): weight.grad is C-ordered
            transposed = w.flags.f_contiguous and not w.flags.c_contiguous
            grad_w = (grad.T @ x).T if transposed else x.T @ grad
        return grad, grad_x, grad_w


def matmul_function(a: np.ndarray, b: np.ndarray) -> type[Function]:
    """Which PyTorch node a product of these ranks records."""

    if a.ndim == 0 or b.ndim == 0:
        raise RuntimeError(
            f"both arguments to matmul need to be at least 1D, but they are {a.ndim}D and {b.ndim}D"
        )
    if a.ndim == 1 and b.ndim == 1:
        if a.shape[0] != b.shape[0]:
            raise RuntimeError(
                f"inconsistent tensor size, expected tensor [{a.shape[0]}] and src [{b.shape[0]}] to have "
                f"the same number of elements, but got {a.shape[0]} and {b.shape[0]} elements respectively"
            )
        return DotBackward0
    inner_a = a.shape[-1]
    inner_b = b.shape[0] if b.ndim == 1 else b.shape[-2]
    if a.ndim > 2 and b.ndim > 2:  # batches broadcast first (PyTorch's words when they cannot)
        joint_shape([a.shape[:-2], b.shape[:-2]])
    if inner_a != inner_b:
        rows_a = int(np.prod(a.shape[:-1])) if a.ndim > 1 else 1
        cols_b = b.shape[-1] if b.ndim > 1 else 1
        if a.ndim <= 2 and b.ndim <= 2:
            if b.ndim == 1:
                raise RuntimeError(
                    f"size mismatch, got input ({rows_a}), mat ({rows_a}x{inner_a}), vec ({b.shape[0]})"
                )
            raise RuntimeError(
                f"mat1 and mat2 shapes cannot be multiplied ({rows_a}x{inner_a} and {inner_b}x{cols_b})"
            )
        batch = int(np.prod(np.broadcast_shapes(a.shape[:-2], b.shape[:-2])))
        raise RuntimeError(
            f"Expected size for first two dimensions of batch2 tensor to be: [{batch}, {inner_a}] but got: "
            f"[{batch}, {inner_b}]."
        )
    if a.ndim == 2 and b.ndim == 2:
        return MmBackward0
    if a.ndim <= 2 and b.ndim <= 2:
        return MvBackward0
    return BmmBackward0
