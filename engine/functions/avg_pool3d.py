"""Average pooling over the last three axes of (N, C, D, H, W) arrays, windows inside the input.

PyTorch's ``local_response_norm`` averages 4-D and wider inputs across channels with ``avg_pool3d``
(no padding, floor mode), so its graph shows this node; that is the only form the engine records.
"""

from __future__ import annotations

import itertools

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from engine.function import Function


class AvgPool3DBackward0(Function):
    """The mean of each (kD, kH, kW) window; each element's gradient sums its windows' shares."""

    symbol, rule = "avg_pool3d", "∂(window mean)/∂xᵢ = 1/(kD·kH·kW) for each window holding xᵢ"
    saves_inputs = (0,)  # as PyTorch (its backward reads the input): version-checked

    def forward(self, x, kernel=(1, 1, 1), stride=(1, 1, 1)):
        self.input_shape, self.kernel, self.stride = x.shape, kernel, stride
        view = sliding_window_view(x, kernel, axis=(2, 3, 4))[:, :, :: stride[0], :: stride[1], :: stride[2]]
        sums = view.sum(axis=(-3, -2, -1), dtype=x.dtype)
        return (sums / np.prod(kernel)).astype(x.dtype, copy=False)

    def backward(self, grad):
        self.saved_data()  # refuses a second pass or a changed input, as PyTorch
        share = grad / np.prod(self.kernel)
        grad_x = np.zeros(self.input_shape, dtype=grad.dtype)
        out = grad.shape[2:]
        for offset in itertools.product(*(range(k) for k in self.kernel)):
            region = tuple(
                slice(o, o + s * (n - 1) + 1, s) for o, s, n in zip(offset, self.stride, out, strict=True)
            )
            grad_x[(..., *region)] += share
        return (grad_x,)
