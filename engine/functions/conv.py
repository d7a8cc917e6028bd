"""Convolution on (N, C, H, W) arrays, and (N, C, L) ones as a height of 1, plain or transposed, with its
gradient (the paddings before it: ``padding``).

Every kernel placement is a strided view of the padded input (no copy until the product); spreading back
adds each kernel offset's share with one slice per offset, never a loop over pixels. A transposed
convolution is the plain one's input gradient, so the same three products serve both ways.
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from engine.function import Function

Pair = tuple[int, int]
PLAIN_RULE = "∂/∂x = G convolved back with W (transposed convolution), ∂/∂W = x ⋆ G, ∂/∂b = ΣG"
TRANSPOSED_RULE = "∂/∂x = G convolved with W (a plain convolution), ∂/∂W = G ⋆ x, ∂/∂b = ΣG"


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


def correlate(padded: np.ndarray, weight: np.ndarray, stride: Pair, dilation: Pair, groups: int, out: Pair):
    """``padded`` (N, C, H, W) cross-correlated with ``weight`` (O, C/G, KH, KW) at the first ``out``
    placements: (N, O, OH, OW), group g's outputs from group g's inputs alone."""
    columns = _columns(padded, weight.shape[2:], stride, dilation, groups, out)
    product = columns @ _kernels(weight, groups).transpose(0, 2, 1)  # (G, N·OH·OW, O/G)
    batch, outputs = padded.shape[0], weight.shape[0]
    product = product.reshape(groups, batch, *out, outputs // groups).transpose(1, 0, 4, 2, 3)
    return np.ascontiguousarray(product.reshape(batch, outputs, *out))


def spread(grad: np.ndarray, weight: np.ndarray, stride: Pair, dilation: Pair, groups: int, size: Pair):
    """The reverse of ``correlate``: each element of ``grad`` (N, O, OH, OW) times its kernel, added into the
    window it came from, in zeros of (N, C, *size)."""
    batch, out = grad.shape[0], grad.shape[2:]
    per_group, kernel = weight.shape[1], weight.shape[2:]
    shares = _rows(grad, groups) @ _kernels(weight, groups)  # each placement's share: (G, N·OH·OW, C/G·KH·KW)
    shares = shares.reshape(groups, batch, *out, per_group, *kernel).transpose(1, 0, 4, 2, 3, 5, 6)
    shares = shares.reshape(batch, groups * per_group, *out, *kernel)
    return add_windows(np.zeros((batch, groups * per_group, *size), grad.dtype), shares, stride, dilation)


def kernel_gradient(padded: np.ndarray, grad: np.ndarray, shape: tuple, stride, dilation, groups: int):
    """The gradient of ``correlate`` with respect to a weight of ``shape``, given the output's ``grad``:
    each kernel entry's inputs times the output gradients they met."""
    columns = _columns(padded, shape[2:], stride, dilation, groups, grad.shape[2:])
    return (_rows(grad, groups).transpose(0, 2, 1) @ columns).reshape(shape)


def _columns(padded, kernel, stride, dilation, groups: int, out) -> np.ndarray:
    """Every input patch as a row, per group: (G, N·OH·OW, C/G·KH·KW) (im2col)."""
    batch, channels = padded.shape[:2]
    view = windows(padded, kernel, stride, dilation, out)
    view = view.reshape(batch, groups, channels // groups, *out, *kernel)
    patch = channels // groups * kernel[0] * kernel[1]
    return view.transpose(1, 0, 3, 4, 2, 5, 6).reshape(groups, batch * out[0] * out[1], patch)


def _kernels(weight: np.ndarray, groups: int) -> np.ndarray:
    """The weight as (G, O/G, C/G·KH·KW): one row per output channel, matching ``_columns``."""
    return weight.reshape(groups, weight.shape[0] // groups, -1)


def _rows(grad: np.ndarray, groups: int) -> np.ndarray:
    """An output-shaped (N, O, OH, OW) array laid out as ``correlate``'s product: (G, N·OH·OW, O/G)."""
    batch, outputs, out_h, out_w = grad.shape
    rows = grad.reshape(batch, groups, outputs // groups, out_h, out_w).transpose(1, 0, 3, 4, 2)
    return rows.reshape(groups, batch * out_h * out_w, outputs // groups)


class ConvolutionBackward0(Function):
    """``conv2d``: each output is a kernel's dot product with the input patch under it, plus the bias.
    ``conv_transpose2d`` (``transposed``): each input element adds its kernel, scaled, into the output
    around its place (every ``stride`` along), which is how a plain convolution sends back its gradient.

    Groups split the channels: group g's outputs see only group g's inputs.
    """

    symbol, rule = "conv2d", PLAIN_RULE
    saves_inputs = (0, 1)

    def forward(
        self, x, weight, bias, stride=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1, **transposition
    ):
        """``transposition``, for a transposed convolution: ``transposed=True`` and ``output_padding``."""
        self.one_d = x.ndim == 3  # 1-d: (N, C, L) convolved as (N, C, 1, L), the node PyTorch records
        if self.one_d:
            if transposition:
                transposition = {"transposed": True, "output_padding": (0, *transposition["output_padding"])}
            options = {"stride": (1, *stride), "padding": (0, *padding), "dilation": (1, *dilation)}
            out = self.forward(
                x[:, :, None], weight[:, :, None], bias, groups=groups, **options, **transposition
            )
            self.one_d, self.symbol = True, self.symbol.replace("2d", "1d")  # the value graph's name
            return out[:, :, 0]
        self.stride, self.padding, self.dilation, self.groups = stride, padding, dilation, groups
        self.transposed = bool(transposition)
        if self.transposed:
            self.symbol, self.rule = "conv_transpose2d", TRANSPOSED_RULE
            out = self._transposed(x, weight, transposition["output_padding"])
        else:
            out = self._plain(x, weight)
        if bias is not None:  # (a transposed convolution's bias may have another dtype: cast, as PyTorch)
            out += bias.reshape(-1, 1, 1)
        return out

    def _plain(self, x: np.ndarray, weight: np.ndarray) -> np.ndarray:
        (top, left), (height, width) = self.padding, x.shape[2:]
        spans = [d * (k - 1) + 1 for d, k in zip(self.dilation, weight.shape[2:], strict=True)]
        self.out = (
            (height + 2 * top - spans[0]) // self.stride[0] + 1,
            (width + 2 * left - spans[1]) // self.stride[1] + 1,
        )
        padded = zero_padded(x, top, top, left, left)
        return correlate(padded, weight, self.stride, self.dilation, self.groups, self.out)

    def _transposed(self, x: np.ndarray, weight: np.ndarray, output_padding: Pair) -> np.ndarray:
        """Spread over the padded output ((size - 1)·stride + span, ``output_padding`` more at the end, or
        less where it is negative), then the padding cut away."""
        self.output_padding = output_padding
        reach = [
            (size - 1) * step + spacing * (k - 1) + 1
            for size, step, spacing, k in zip(
                x.shape[2:], self.stride, self.dilation, weight.shape[2:], strict=True
            )
        ]
        sizes = [size + max(extra, 0) for size, extra in zip(reach, output_padding, strict=True)]
        full = spread(x, weight, self.stride, self.dilation, self.groups, sizes)
        (top, left), (height, width) = self.padding, np.add(reach, output_padding)
        return np.ascontiguousarray(full[..., top : height - top, left : width - left])

    def backward(self, grad):
        x, weight = self.saved_data()
        if self.one_d:  # as forward: a height of 1, taken away again from the gradients
            grads = self._backward(x[:, :, None], weight[:, :, None], grad[:, :, None])
            return tuple(None if g is None else g[:, :, 0] for g in grads[:2]) + grads[2:]
        return self._backward(x, weight, grad)

    def _backward(self, x, weight, grad):
        top, left = self.padding
        grad_x = grad_weight = grad_bias = None
        options = (self.stride, self.dilation, self.groups)
        if self.transposed:  # the output's gradient, padded as the output was before its padding was cut
            short = [max(-extra, 0) for extra in self.output_padding]  # and as far as the spread reached
            padded = zero_padded(grad, top, top + short[0], left, left + short[1])
            if self.needs_grad(0):
                grad_x = correlate(padded, weight, *options, x.shape[2:])
            if self.needs_grad(1):
                grad_weight = kernel_gradient(padded, x, weight.shape, *options)
        else:
            if self.needs_grad(0):
                size = (x.shape[2] + 2 * top, x.shape[3] + 2 * left)
                spread_back = spread(grad, weight, *options, size)
                grad_x = spread_back[..., top : top + x.shape[2], left : left + x.shape[3]]
            if self.needs_grad(1):
                padded = zero_padded(x, top, top, left, left)
                grad_weight = kernel_gradient(padded, grad, weight.shape, *options)
        if self.needs_grad(2):
            grad_bias = grad.sum(axis=(0, 2, 3))
        return grad_x, grad_weight, grad_bias
