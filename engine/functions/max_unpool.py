"""Max unpooling: each value put back at its flat position in an (OH, OW) plane of zeros.

The inverse of max pooling with ``return_indices``; its gradient gathers the output's gradient from the
same positions (the indices are data, with no gradient).
"""

from __future__ import annotations

import numpy as np

from engine.function import Function


class MaxUnpool2DBackward0(Function):
    symbol, rule = "max_unpool2d", "∂yⱼ/∂xᵢ = 1 where j is xᵢ's index, else 0: the gradient gathered back"

    def forward(self, x, indices=None, size=(1, 1)):
        self.indices, self.plane = indices, size[0] * size[1]
        lead = x.shape[:-2]
        planes = int(np.prod(lead))
        out = np.zeros((planes, self.plane), dtype=x.dtype)
        if not self.plane:  # an empty output: nothing to put anywhere
            return out.reshape(lead + tuple(size))
        # one plane after another, so a repeated position keeps the last value written there, as the kernel
        rows = np.repeat(np.arange(planes), x.size // max(planes, 1))
        out[rows, indices.reshape(-1)] = x.reshape(-1)
        return out.reshape(lead + tuple(size))

    def backward(self, grad):
        if not self.plane:
            return (np.zeros(self.indices.shape, dtype=grad.dtype),)
        flat = grad.reshape(grad.shape[:-2] + (self.plane,))
        picked = np.take_along_axis(flat, self.indices.reshape(self.indices.shape[:-2] + (-1,)), axis=-1)
        return (picked.reshape(self.indices.shape),)
