"""Convolution on (N, C, H, W) arrays, and (N, C, L) ones as a height of 1, with its gradient (the paddings
before it: ``padding``).

Every kernel placement is a strided view of the padded input (no copy until the product); the backward
pass adds each kernel offset's share back with one slice per offset, never a loop over pixels.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from engine.function import Function

Pair = tuple[int, int]


def windows(padded: np.ndarray, kernel: Pair, stride: Pair, dilation: Pair, out: Pair) -> np.ndarray:
    """A view (N, C, OH, OW, KH, KW) of the ``out`` kernel placements over the last two axes of ``padded``."""
    span = (dilation[0] * (kernel[0] - 1) + 1, dilation[1] * (kernel[1] - 1) + 1)
    view = sliding_window_view(padded, span, axis=(-2, -1))
    rows = slice(0, stride[0] * (out[0] - 1) + 1, stride[0])
    columns = slice(0, stride[1] * (out[1] - 1) + 1, stride[1])
    return view[..., rows, columns, :: dilation[0], :: dilation[1]]


def add_windows(target: np.ndarray, shares: np.ndarray, stride: Pair, dilation: Pair) -> np.ndarray:
    """The reverse of ``windows``: add ``shares`` (N, C, OH, OW, KH, KW) into ``target`` where each came from.

    One slice per kernel offset: overlapping placements add up, as the gradient of a shared input must.
    """
    out_h, out_w, kernel_h, kernel_w = shares.shape[-4:]
    for i in range(kernel_h):
        top = i * dilation[0]
        rows = slice(top, top + stride[0] * (out_h - 1) + 1, stride[0])
        for j in range(kernel_w):
            left = j * dilation[1]
            target[..., rows, left : left + stride[1] * (out_w - 1) + 1 : stride[1]] += shares[..., i, j]
    return target


def zero_padded(x: np.ndarray, top: int, bottom: int, left: int, right: int, fill: float = 0) -> np.ndarray:
    if not (top or bottom or left or right):
        return x
    widths = [(0, 0)] * (x.ndim - 2) + [(top, bottom), (left, right)]
    return np.pad(x, widths, constant_values=fill)


class ConvolutionBackward0(Function):
    """``conv2d``: each output is a kernel's dot product with the input patch under it, plus the bias.

    Groups split the channels: group g's outputs see only group g's inputs.
    """

    symbol = "conv2d"
    rule = "∂/∂x = G convolved back with W (transposed convolution), ∂/∂W = x ⋆ G, ∂/∂b = ΣG"
    saves_inputs = (0, 1)

    def forward(self, x, weight, bias, stride=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1):
        self.one_d = x.ndim == 3  # conv1d: (N, C, L) convolved as (N, C, 1, L), the node PyTorch records
        if self.one_d:
            out = self.forward(
                x[:, :, None], weight[:, :, None], bias, (1, *stride), (0, *padding), (1, *dilation), groups
            )
            self.one_d, self.symbol = True, "conv1d"  # the value graph names the 1-d operation
            return out[:, :, 0]
        self.stride, self.padding, self.dilation, self.groups = stride, padding, dilation, groups
        padded = zero_padded(x, padding[0], padding[0], padding[1], padding[1])
        columns = self._columns(padded, weight.shape)
        out = columns @ self._kernels(weight).transpose(0, 2, 1)  # (G, N·OH·OW, O/G)
        out_h, out_w = self.out
        batch, outputs = x.shape[0], weight.shape[0]
        out = out.reshape(groups, batch, out_h, out_w, outputs // groups).transpose(1, 0, 4, 2, 3)
        out = np.ascontiguousarray(out.reshape(batch, outputs, out_h, out_w))
        if bias is not None:
            out += bias.reshape(-1, 1, 1)
        return out

    def _columns(self, padded: np.ndarray, weight_shape: tuple) -> np.ndarray:
        """Every input patch as a row, per group: (G, N·OH·OW, C/G·KH·KW) (im2col)."""
        batch, channels, height, width = padded.shape
        kernel = weight_shape[2:]
        spans = [d * (k - 1) + 1 for d, k in zip(self.dilation, kernel, strict=True)]
        self.out = ((height - spans[0]) // self.stride[0] + 1, (width - spans[1]) // self.stride[1] + 1)
        view = windows(padded, kernel, self.stride, self.dilation, self.out)
        groups = self.groups
        view = view.reshape(batch, groups, channels // groups, *self.out, *kernel)
        patch = channels // groups * kernel[0] * kernel[1]
        return view.transpose(1, 0, 3, 4, 2, 5, 6).reshape(groups, batch * self.out[0] * self.out[1], patch)

    def _kernels(self, weight: np.ndarray) -> np.ndarray:
        """The weight as (G, O/G, C/G·KH·KW): one row per output channel, matching ``_columns``."""
        patch = weight.shape[1] * weight.shape[2] * weight.shape[3]
        return weight.reshape(self.groups, weight.shape[0] // self.groups, patch)

    def backward(self, grad):
        x, weight = self.saved_data()
        if self.one_d:  # as forward: a height of 1, taken away again from the gradients
            grads = self._backward(x[:, :, None], weight[:, :, None], grad[:, :, None])
            return tuple(None if g is None else g[:, :, 0] for g in grads[:2]) + grads[2:]
        return self._backward(x, weight, grad)

    def _backward(self, x, weight, grad):
        groups, (out_h, out_w) = self.groups, self.out
        batch, outputs = grad.shape[:2]
        # the output gradient laid out as forward's product: (G, N·OH·OW, O/G)
        grad_rows = grad.reshape(batch, groups, outputs // groups, out_h, out_w).transpose(1, 0, 3, 4, 2)
        grad_rows = grad_rows.reshape(groups, batch * out_h * out_w, outputs // groups)
        top, left = self.padding
        grad_x = grad_weight = grad_bias = None
        if self.needs_grad(0):
            shares = grad_rows @ self._kernels(weight)  # each patch's gradient: (G, N·OH·OW, C/G·KH·KW)
            channels, kernel = x.shape[1], weight.shape[2:]
            shares = shares.reshape(groups, batch, out_h, out_w, channels // groups, *kernel)
            shares = shares.transpose(1, 0, 4, 2, 3, 5, 6).reshape(batch, channels, out_h, out_w, *kernel)
            padded_shape = x.shape[:2] + (x.shape[2] + 2 * top, x.shape[3] + 2 * left)
            target = np.zeros(padded_shape, dtype=grad.dtype)
            add_windows(target, shares, self.stride, self.dilation)
            grad_x = target[..., top : top + x.shape[2], left : left + x.shape[3]]
        if self.needs_grad(1):
            columns = self._columns(zero_padded(x, top, top, left, left), weight.shape)
            grad_weight = (grad_rows.transpose(0, 2, 1) @ columns).reshape(weight.shape)
        if self.needs_grad(2):
            grad_bias = grad.sum(axis=(0, 2, 3))
        return grad_x, grad_weight, grad_bias
