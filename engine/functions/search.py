"""``unique_consecutive``'s node: PyTorch records it for an input that requires grad, but has no derivative
for it, so backward through it stops with PyTorch's NotImplementedError."""

from __future__ import annotations

import numpy as np

from engine.function import Function


class UniqueConsecutiveBackward0(Function):
    symbol, rule = "unique_consecutive", "no derivative: PyTorch does not implement one"

    def forward(self, a, values=None):
        """``values``: the result, worked out by the caller (which also needs the inverse and counts)."""
        return values

    def backward(self, grad: np.ndarray):
        raise NotImplementedError("the derivative for 'unique_consecutive' is not implemented.")
