"""``unfold`` (im2col) and ``fold`` (col2im) on (N, C, H, W) and (N, C·KH·KW, L) arrays, batched or not.

Unfold lays each kernel placement's elements out as a column (channel, then kernel row, then kernel
column); fold adds the columns back into the image, overlaps summing. Each is the other's gradient, and
both reuse the convolution's window views (``conv.windows``, ``conv.add_windows``).
"""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.conv import Pair, add_windows, windows, zero_padded


def blocks(size: Pair, kernel: Pair, dilation: Pair, padding: Pair, stride: Pair) -> Pair:
    """How many kernel placements fit along each axis of a ``size`` image (floor division, as PyTorch)."""
    return tuple(
        (n + 2 * p - (d * (k - 1) + 1)) // s + 1
        for n, k, d, p, s in zip(size, kernel, dilation, padding, stride, strict=True)
    )


def unfold(x: np.ndarray, kernel: Pair, dilation: Pair, padding: Pair, stride: Pair) -> np.ndarray:
    """(N, C, H, W) to (N, C·KH·KW, OH·OW): every placement's elements as one column."""
    out = blocks(x.shape[-2:], kernel, dilation, padding, stride)
    padded = zero_padded(x, padding[0], padding[0], padding[1], padding[1])
    view = windows(padded, kernel, stride, dilation, out)  # (N, C, OH, OW, KH, KW)
    columns = view.transpose(0, 1, 4, 5, 2, 3)
    rows = x.shape[1] * kernel[0] * kernel[1]
    return np.ascontiguousarray(columns).reshape(x.shape[0], rows, out[0] * out[1])


def fold(columns: np.ndarray, size: Pair, kernel: Pair, dilation: Pair, padding: Pair, stride: Pair):
    """(N, C·KH·KW, L) to (N, C, *size): every column added back where its placement lies."""
    out = blocks(size, kernel, dilation, padding, stride)
    batch, channels = columns.shape[0], columns.shape[1] // (kernel[0] * kernel[1])
    shares = columns.reshape(batch, channels, *kernel, *out).transpose(0, 1, 4, 5, 2, 3)
    padded = np.zeros((batch, channels, size[0] + 2 * padding[0], size[1] + 2 * padding[1]), columns.dtype)
    add_windows(padded, shares, stride, dilation)
    return padded[..., padding[0] : padding[0] + size[0], padding[1] : padding[1] + size[1]]


def _batched(function, x: np.ndarray, batched_ndim: int, *options) -> np.ndarray:
    """``function`` on ``x``, an unbatched ``x`` given a batch of one and then taken out of it again."""
    if x.ndim == batched_ndim:
        return function(x, *options)
    return function(x[None], *options)[0]


class Im2ColBackward0(Function):
    symbol, rule = "unfold", "∂/∂x: the columns' gradients folded back (col2im), overlaps adding up"

    def forward(self, x, kernel=(1, 1), dilation=(1, 1), padding=(0, 0), stride=(1, 1)):
        self.size, self.options = x.shape[-2:], (kernel, dilation, padding, stride)
        return _batched(unfold, x, 4, *self.options)

    def backward(self, grad):
        return (np.ascontiguousarray(_batched(fold, grad, 3, self.size, *self.options)),)


class Col2ImBackward0(Function):
    symbol, rule = "fold", "∂/∂x: the output's gradient unfolded (im2col) into columns"

    def forward(self, columns, size=(1, 1), kernel=(1, 1), dilation=(1, 1), padding=(0, 0), stride=(1, 1)):
        self.options = (kernel, dilation, padding, stride)
        return np.ascontiguousarray(_batched(fold, columns, 3, size, *self.options))

    def backward(self, grad):
        return (_batched(unfold, grad, 4, *self.options),)
