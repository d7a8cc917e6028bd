"""``var_mean`` and ``std_mean``: the spread and the mean over the same dimensions, in one call.

Each output is made by its own node (PyTorch records one node with two outputs): ``output`` 0 is the
variance or standard deviation, whose derivative is var's or std's, and 1 is the mean.
"""

from __future__ import annotations

import numpy as np

from engine.functions.reduction import StdBackward0, VarBackward0, _axes, _expand_back


class _WithMean:
    """Adds the mean as output 1 to a var-like node (output 0 is the parent's own result)."""

    def forward(self, a, dim=None, correction=1, keepdim=False, output=0):
        self.output = output
        if output == 0:
            return super().forward(a, dim, correction, keepdim)
        self.axes, self.correction, self.keepdim = _axes(dim, a.ndim), correction, keepdim
        return np.mean(a, axis=self.axes, keepdims=keepdim, dtype=a.dtype)

    def backward(self, grad):
        if self.output == 0:
            return super().backward(grad)
        a = self.saved_data()[0]
        count = a.size if self.axes is None else int(np.prod([a.shape[i] for i in self.axes]))
        return (_expand_back(grad, a.shape, self.axes, self.keepdim) / max(count, 1),)


class VarMeanBackward0(_WithMean, VarBackward0):
    symbol, rule = "var_mean", "var: ∂/∂xᵢ = 2(xᵢ - mean)/(n - correction); mean: ∂/∂xᵢ = 1/n"


class StdMeanBackward0(_WithMean, StdBackward0):
    symbol, rule = "std_mean", "std: ∂/∂xᵢ = (xᵢ - mean)/((n - correction)·std); mean: ∂/∂xᵢ = 1/n"
