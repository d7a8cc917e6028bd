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
