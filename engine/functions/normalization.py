"""Batch and layer normalisation, and the embedding lookup: ``(x - mean)/√(var + eps)·weight + bias``.

Both norms are one node with inputs (x, weight, bias), as PyTorch records them; weight and bias may be
None. Batch norm reduces over every axis but the channel (1); layer norm over the trailing axes.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function


class _Normalize(Function):
    """Normalise over ``axes`` with the given (or the batch's own) mean and variance, then scale and shift."""

    saves_inputs = (0, 1)

    def forward(self, x, weight, bias, axes=(), eps=1e-5, mean=None, var=None):
        self.axes = axes
        self.batch_stats = mean is None  # statistics from x itself: they depend on x
        if mean is None:
            mean = np.mean(x, axis=axes, keepdims=True)
            var = np.mean(np.square(x - mean), axis=axes, keepdims=True)
        self.invstd = (1 / np.sqrt(var + eps)).astype(x.dtype, copy=False)
        self.mean = mean.astype(x.dtype, copy=False)
        out = (x - self.mean) * self.invstd
        if weight is not None:
            out = out * self._broadcast(weight, x.ndim)
        if bias is not None:
            out = out + self._broadcast(bias, x.ndim)
        return out.astype(x.dtype, copy=False)

    def backward(self, grad):
        x, weight = self.saved_data()
        normalized = (x - self.mean) * self.invstd
        scaled = grad if weight is None else grad * self._broadcast(weight, x.ndim)
        if not self.needs_grad(0):  # x is data (the first layer's input): only the parameters learn
            grad_x = None
        elif self.batch_stats:  # the mean and the variance move with x too
            count = int(np.prod([x.shape[a] for a in self.axes]))
            grad_x = (
                scaled
                - np.mean(scaled, axis=self.axes, keepdims=True)
                - normalized * np.sum(scaled * normalized, axis=self.axes, keepdims=True) / count
            ) * self.invstd
        else:
            grad_x = scaled * self.invstd
        grad_weight = grad_bias = None
        if self.needs_grad(1):
            grad_weight = self._reduce(grad * normalized)
        if self.needs_grad(2):
            grad_bias = self._reduce(grad)
        return grad_x, grad_weight, grad_bias


class NativeBatchNormBackward0(_Normalize):
    symbol, rule = "batch_norm", "∂y/∂x = w/σ·(g - mean(g) - x̂·mean(g·x̂)) over the batch, per channel"

    @staticmethod
    def _broadcast(parameter, ndim):
        return parameter.reshape((1, -1) + (1,) * (ndim - 2))

    def _reduce(self, values):
        return np.sum(values, axis=tuple(a for a in range(values.ndim) if a != 1))


class NativeLayerNormBackward0(_Normalize):
    symbol, rule = "layer_norm", "∂y/∂x = w/σ·(g - mean(g) - x̂·mean(g·x̂)) over the trailing axes"

    @staticmethod
    def _broadcast(parameter, ndim):
        return parameter

    def _reduce(self, values):
        leading = values.ndim - len(self.axes)
        return np.sum(values, axis=tuple(range(leading))) if leading else values


class EmbeddingBackward0(Function):
    symbol, rule = "embedding", "∂weight[i]/∂weight: each looked-up row gathers its gradients (padding: none)"

    def forward(self, weight, indices=None, padding_idx=None):
        self.indices, self.padding_idx, self.rows = indices, padding_idx, weight.shape[0]
        return weight[indices]

    def backward(self, grad):
        grad_weight = np.zeros((self.rows, grad.shape[-1]), dtype=grad.dtype)
        np.add.at(grad_weight, self.indices.reshape(-1), grad.reshape(-1, grad.shape[-1]))
        if self.padding_idx is not None:
            grad_weight[self.padding_idx] = 0
        return (grad_weight,)
