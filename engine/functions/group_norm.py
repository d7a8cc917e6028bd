"""Group normalisation: each sample's channels split into groups, each group normalised on its own.

One node with inputs (x, weight, bias), as PyTorch records it; weight and bias (per channel) may be None.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function


class NativeGroupNormBackward0(Function):
    symbol, rule = "group_norm", "∂y/∂x = w/σ·(g - mean(g) - x̂·mean(g·x̂)) within each group of channels"

    saves_inputs = (0, 1)

    def forward(self, x, weight, bias, groups=1, eps=1e-5):
        self.groups = groups
        grouped = x.reshape(x.shape[0], groups, x.size // max(x.shape[0] * groups, 1))
        count = grouped.shape[2]
        mean = np.sum(grouped, axis=2, keepdims=True) / max(count, 1)
        var = np.sum(np.square(grouped - mean), axis=2, keepdims=True) / max(count, 1)
        self.mean = mean.astype(x.dtype, copy=False)
        self.invstd = (1 / np.sqrt(var + eps)).astype(x.dtype, copy=False)
        out = self._normalized(x)
        if weight is not None:
            out = out * self._per_channel(weight, x.ndim)
        if bias is not None:
            out = out + self._per_channel(bias, x.ndim)
        return out.astype(x.dtype, copy=False)

    def _normalized(self, x):
        grouped = x.reshape(x.shape[0], self.groups, x.size // max(x.shape[0] * self.groups, 1))
        return ((grouped - self.mean) * self.invstd).reshape(x.shape)

    @staticmethod
    def _per_channel(parameter, ndim):
        return parameter.reshape((1, -1) + (1,) * (ndim - 2))

    def backward(self, grad):
        x, weight = self.saved_data()
        normalized = self._normalized(x)
        grad_x = grad_weight = grad_bias = None
        if self.needs_grad(0):
            scaled = grad if weight is None else grad * self._per_channel(weight, x.ndim)
            scaled = scaled.reshape(x.shape[0], self.groups, x.size // max(x.shape[0] * self.groups, 1))
            shown = normalized.reshape(scaled.shape)
            count = max(scaled.shape[2], 1)
            grad_x = (
                scaled
                - np.sum(scaled, axis=2, keepdims=True) / count
                - shown * np.sum(scaled * shown, axis=2, keepdims=True) / count
            ) * self.invstd
            grad_x = grad_x.reshape(x.shape)
        others = tuple(axis for axis in range(x.ndim) if axis != 1)
        if self.needs_grad(1):
            grad_weight = np.sum(grad * normalized, axis=others)
        if self.needs_grad(2):
            grad_bias = np.sum(grad, axis=others)
        return grad_x, grad_weight, grad_bias
