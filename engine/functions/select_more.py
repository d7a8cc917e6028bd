"""Nodes of ``trace``, ``masked_select`` and ``fmod``, each PyTorch's own."""

from __future__ import annotations

import numpy as np

from engine.function import Function


class TraceBackward0(Function):
    symbol, rule = "trace", "∂(Σᵢ xᵢᵢ)/∂x = 1 on the diagonal, 0 elsewhere"

    def forward(self, a):
        self.shape = a.shape
        return np.asarray(np.trace(a), dtype=np.int64 if a.dtype.kind in "biu" else a.dtype)

    def backward(self, grad):
        return ((np.eye(*self.shape, dtype=grad.dtype) * grad),)


class MaskedSelectBackward0(Function):
    """The elements where a (broadcast) mask is true, as one row; their gradients go back to those places."""

    symbol, rule = "masked_select", "∂/∂x = the output's gradient at the selected places, 0 elsewhere"

    def forward(self, a, mask=None):
        self.shape = a.shape
        self.spread_shape = np.broadcast_shapes(a.shape, mask.shape)
        self.mask = np.broadcast_to(mask, self.spread_shape)
        return np.broadcast_to(a, self.spread_shape)[self.mask]

    def backward(self, grad):
        spread = np.zeros(self.spread_shape, dtype=grad.dtype)
        spread[self.mask] = grad
        extra = len(self.spread_shape) - len(self.shape)  # broadcast dimensions: summed back
        summed = spread.sum(axis=tuple(range(extra))) if extra else spread
        axes = tuple(i for i, size in enumerate(self.shape) if size == 1 and summed.shape[i] != 1)
        return (summed.sum(axis=axes, keepdims=True) if axes else summed,)


class FmodBackward0(Function):
    """``fmod(x, number)``: the remainder with the dividend's sign."""

    symbol, rule = "fmod", "∂fmod(x, d)/∂x = 1"

    def forward(self, a, divisor=1.0):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.fmod(a, a.dtype.type(divisor) if a.dtype.kind == "f" else divisor)

    def backward(self, grad):
        return (grad,)


class FmodBackward1(Function):
    """``fmod(x, y)`` of two tensors: x - trunc(x/y)·y."""

    symbol, rule = "fmod", "∂fmod(x, y)/∂x = 1, ∂/∂y = -trunc(x/y)"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.fmod(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        with np.errstate(divide="ignore", invalid="ignore"):
            return grad, (-grad * np.trunc(a / b) if self.needs_grad(1) else None)
