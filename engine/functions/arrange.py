"""Nodes that put each element somewhere new: ``rot90``, ``block_diag`` and ``take``."""

from __future__ import annotations

import numpy as np

from engine.function import Function


class Rot90Backward0(Function):
    """A quarter turn ``k`` times in the plane of two dimensions, from the first towards the second."""

    symbol, rule = "rot90", "the gradient is turned back the other way"

    def forward(self, a, k=1, dims=(0, 1)):
        self.k, self.dims = k, dims
        return np.rot90(a, k, dims).copy()  # a new tensor, as PyTorch's (numpy's is a view)

    def backward(self, grad):
        return (np.rot90(grad, -self.k, self.dims),)


class TakeBackward0(Function):
    """Elements of the flattened input at ``positions`` (non-negative), shaped like the index."""

    symbol, rule = "take", "each element's gradient goes back to the place it was read from (repeats add up)"

    def forward(self, a, positions=None):
        self.positions = positions
        return a.reshape(-1)[positions]

    def backward(self, grad):
        shape = self.input_meta[0][0]
        flat = np.zeros(int(np.prod(shape)), dtype=grad.dtype)
        np.add.at(flat, self.positions, grad)
        return (flat.reshape(shape),)
