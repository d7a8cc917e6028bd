"""logcumsumexp with its derivative, and the two scalar steps trapezoid is built from in PyTorch.

MulBackward1 and DivBackward1 are PyTorch's nodes for a tensor times (over) a number given as a C++
Scalar, as its own functions (trapezoid) use them: one edge, the number kept on the node. A number from
Python code makes MulBackward0/DivBackward0 instead (``pointwise.py``).
"""

from __future__ import annotations

import numpy as np

from engine.function import Function


def _accumulated(values: np.ndarray, axis: int) -> np.ndarray:
    """log(Σ exp) running along ``axis``, accumulated in double (float for half, as PyTorch's CPU kernel
    does) and rounded to the input's dtype at the end."""
    wider = np.float32 if values.dtype == np.float16 else np.float64
    return np.logaddexp.accumulate(values.astype(wider), axis=axis).astype(values.dtype)


class LogcumsumexpBackward0(Function):
    """``y_i = log Σ_{j≤i} exp(x_j)``. The gradient, x̄_j = Σ_{i≥j} Ḡ_i exp(x_j - y_i), is summed in log space
    for the positive and the negative parts of G separately (so nothing overflows), as PyTorch does."""

    symbol, rule = "logcumsumexp", "∂y_i/∂x_j = exp(x_j - y_i) for j ≤ i"
    saves_inputs = (0,)
    saves_output = True

    def forward(self, a, axis=0):
        self.axis = axis
        return _accumulated(a, axis) if a.ndim else a.copy()

    def backward(self, grad):
        x, result = self.saved_data()
        if not grad.ndim or not grad.size:
            return (grad,)
        lowest = np.finfo(grad.dtype).min
        with np.errstate(divide="ignore", invalid="ignore"):
            log_size = np.log(np.abs(grad))
            parts = []
            for chosen in (grad > 0, grad < 0):
                logs = np.where(chosen, log_size, lowest).astype(grad.dtype) - result
                from_the_end = np.flip(_accumulated(np.flip(logs, self.axis), self.axis), self.axis)
                parts.append(np.exp(from_the_end + x))
        return (parts[0] - parts[1],)


class MulBackward1(Function):
    symbol, rule = "*", "∂(a·c)/∂a = c (c a number)"

    def forward(self, a, other=1):
        self.other = other
        return a * other

    def backward(self, grad):
        return (grad * self.other,)


class DivBackward1(Function):
    symbol, rule = "/", "∂(a/c)/∂a = 1/c (c a number)"

    def forward(self, a, other=1):
        self.other = other
        return a / other

    def backward(self, grad):
        return (grad / self.other,)
