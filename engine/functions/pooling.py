"""Pooling over the last two axes of (C, H, W) or (N, C, H, W) arrays: max, average, adaptive average.

The windows are strided views of the padded input (``conv.windows``); gradients go back through one slice
per kernel offset (``conv.add_windows``) or one scatter, never a loop over pixels.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.conv import Pair, add_windows, windows, zero_padded


def pooled_size(size: int, kernel: int, stride: int, padding: int, dilation: int, ceil_mode: bool) -> int:
    """How many windows fit along one axis; with ``ceil_mode`` a last partial window counts if it starts
    inside the input or its left padding."""
    span = dilation * (kernel - 1) + 1
    count = (size + 2 * padding - span + (stride - 1 if ceil_mode else 0)) // stride + 1
    if ceil_mode and (count - 1) * stride >= size + padding:
        count -= 1
    return count


class _Pool(Function):
    """What max and average pooling share: the output size and the padded input the windows slide over."""

    saves_inputs = (0,)  # as PyTorch (its backward reads the input): freed after backward, version-checked

    def _setup(self, x, kernel, stride, padding, dilation, ceil_mode, fill) -> np.ndarray:
        """The input as (N, C, H, W), padded with ``fill`` so that every window lies inside it."""
        self.kernel, self.stride, self.padding, self.dilation = kernel, stride, padding, dilation
        self.input_shape = x.shape
        sizes = x.shape[-2:]
        self.out = tuple(
            pooled_size(sizes[axis], kernel[axis], stride[axis], padding[axis], dilation[axis], ceil_mode)
            for axis in (0, 1)
        )
        # past the input's end: the padding, or more where a ceil_mode window reaches further
        ends = [max(self._reach(axis) - padding[axis] - sizes[axis], padding[axis]) for axis in (0, 1)]
        batched = x if x.ndim == 4 else x[None]
        return zero_padded(batched, padding[0], ends[0], padding[1], ends[1], fill)

    def _reach(self, axis: int) -> int:
        """How far into the padded input the windows reach along ``axis`` (0: height, 1: width)."""
        kernel, stride, dilation = self.kernel[axis], self.stride[axis], self.dilation[axis]
        return stride * (self.out[axis] - 1) + dilation * (kernel - 1) + 1

    def _scattered_back(self, shares: np.ndarray) -> np.ndarray:
        """``shares`` (N, C, OH, OW, KH, KW) added back to the input positions their windows covered."""
        height, width = self.input_shape[-2:]
        top, left = self.padding
        padded = (max(self._reach(0), top + height), max(self._reach(1), left + width))
        target = np.zeros(shares.shape[:2] + padded, shares.dtype)
        add_windows(target, shares, self.stride, self.dilation)
        return target[..., top : top + height, left : left + width].reshape(self.input_shape)


class MaxPool2DWithIndicesBackward0(_Pool):
    """The largest element of each window; its gradient goes to that element alone.

    Ties go to the first largest in the window (row by row); a NaN wins over numbers, the last NaN over the
    others; a window of -inf picks its first element inside the input, as PyTorch's kernel does.
    """

    symbol, rule = "max_pool2d", "∂(max of a window)/∂xᵢ = 1 for the chosen xᵢ, 0 for the others"

    def forward(self, x, kernel=(2, 2), stride=(2, 2), padding=(0, 0), dilation=(1, 1), ceil_mode=False):
        lowest = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
        padded = self._setup(x, kernel, stride, padding, dilation, ceil_mode, lowest)
        view = windows(padded, kernel, stride, dilation, self.out)
        flat = view.reshape(view.shape[:4] + (kernel[0] * kernel[1],))
        choice = flat.argmax(axis=-1)
        best = np.take_along_axis(flat, choice[..., None], axis=-1)[..., 0]
        if (best == lowest).any():  # nothing beat the padding: PyTorch keeps the position it started from
            choice = np.where(best == lowest, self._first_offsets(), choice)
        if x.dtype.kind == "f" and np.isnan(best).any():  # PyTorch keeps the last NaN it meets
            last_nan = flat.shape[-1] - 1 - np.isnan(flat[..., ::-1]).argmax(axis=-1)
            choice = np.where(np.isnan(best), last_nan, choice)
        self.indices = self._positions(choice)  # what return_indices gives: (N, C, OH, OW) or (C, OH, OW)
        if x.ndim == 3:
            self.indices, best = self.indices[0], best[0]
        return np.ascontiguousarray(best)

    def _first_offsets(self) -> np.ndarray:
        """(OH, OW): the kernel offset of each window's first element at or past the input's start, the
        position PyTorch's kernel starts from (and keeps when nothing beats the padding's value)."""
        offsets = [
            (np.maximum(p - np.arange(o) * s, 0) + d - 1) // d  # ceil(elements before the input / dilation)
            for o, s, p, d in zip(self.out, self.stride, self.padding, self.dilation, strict=True)
        ]
        return offsets[0][:, None] * self.kernel[1] + offsets[1][None, :]

    def _coordinates(self) -> list[np.ndarray]:
        """Per axis, (windows, kernel): the input coordinate of each window element."""
        return [
            np.arange(o)[:, None] * s - p + np.arange(k)[None, :] * d
            for o, s, p, k, d in zip(
                self.out, self.stride, self.padding, self.kernel, self.dilation, strict=True
            )
        ]

    def _positions(self, choice: np.ndarray) -> np.ndarray:
        """The chosen elements as flat positions in their (H, W) plane: what ``return_indices`` gives."""
        kernel_w, width = self.kernel[1], self.input_shape[-1]
        rows, columns = self._coordinates()
        out_rows = np.arange(self.out[0])[:, None]
        out_columns = np.arange(self.out[1])[None, :]
        row = rows[out_rows, choice // kernel_w]
        column = columns[out_columns, choice % kernel_w]
        return (row * width + column).astype(np.int64)

    def backward(self, grad):
        self.saved_data()  # refuses a second pass or a changed input, as PyTorch
        shape, indices = self.input_shape, self.indices
        planes, plane = int(np.prod(shape[:-2])), shape[-2] * shape[-1]
        flat = (
            indices.reshape(planes, self.out[0] * self.out[1]) + np.arange(planes)[:, None] * plane
        ).ravel()
        grad_x, grad = np.zeros(planes * plane, dtype=grad.dtype), grad.ravel()
        if flat.size and flat.max() >= grad_x.size:  # a window with nothing inside, dilated past the end
            flat, grad = flat[flat < grad_x.size], grad[flat < grad_x.size]
        spans = [d * (k - 1) + 1 for d, k in zip(self.dilation, self.kernel, strict=True)]
        if self.stride[0] >= spans[0] and self.stride[1] >= spans[1]:  # windows apart: no position twice
            grad_x[flat] = grad
        else:
            np.add.at(grad_x, flat, grad)
        return (grad_x.reshape(shape),)


def average_divisors(
    sizes: Pair, out: Pair, kernel: Pair, stride: Pair, padding: Pair, count_include_pad: bool
) -> np.ndarray:
    """(OH, OW): how many elements each window's sum is divided by.

    With ``count_include_pad`` the padding counts (not the part of a ceil_mode window past it); else only
    the elements inside the input.
    """
    counts = []
    for size, o, k, s, p in zip(sizes, out, kernel, stride, padding, strict=True):
        start = np.arange(o) * s - p
        end = np.minimum(start + k, size + p)
        counts.append(end - start if count_include_pad else np.minimum(end, size) - np.maximum(start, 0))
    return counts[0][:, None] * counts[1][None, :]


class AvgPool2DBackward0(_Pool):
    """The mean of each window; each element's gradient is the sum of its windows' gradients / divisor."""

    symbol, rule = "avg_pool2d", "∂(window mean)/∂xᵢ = 1/divisor for each window holding xᵢ"

    def forward(
        self,
        x,
        kernel=(2, 2),
        stride=(2, 2),
        padding=(0, 0),
        ceil_mode=False,
        count_include_pad=True,
        divisor=None,
    ):
        padded = self._setup(x, kernel, stride, padding, (1, 1), ceil_mode, 0)
        if divisor is None:
            divisor = average_divisors(x.shape[-2:], self.out, kernel, stride, padding, count_include_pad)
        self.divisor = divisor
        sums = windows(padded, kernel, stride, (1, 1), self.out).sum(axis=(-2, -1), dtype=x.dtype)
        if x.dtype.kind == "f":
            result = (sums / divisor).astype(x.dtype, copy=False)
        else:  # integers: the quotient rounded toward zero, as C++ divides
            result = (np.abs(sums) // divisor * np.sign(sums)).astype(x.dtype)
        return result if x.ndim == 4 else result[0]

    def backward(self, grad):
        self.saved_data()  # refuses a second pass or a changed input, as PyTorch
        share = (grad if grad.ndim == 4 else grad[None]) / self.divisor
        shares = np.broadcast_to(share.astype(grad.dtype)[..., None, None], share.shape + self.kernel)
        return (self._scattered_back(shares),)


class AdaptiveAvgPool2DBackward0(Function):
    """Means over an (OH, OW) grid of windows that tile the input: window i spans floor(i·H/OH) up to
    ceil((i+1)·H/OH), so neighbours may share a row when OH does not divide H."""

    symbol, rule = "adaptive_avg_pool2d", "∂(window mean)/∂xᵢ = 1/window size for each window holding xᵢ"
    saves_inputs = (0,)

    def forward(self, x, out=(1, 1)):
        self.input_shape = x.shape
        self.axes = [_tiles(size, count) for size, count in zip(x.shape[-2:], out, strict=True)]
        (rows, row_in), (columns, column_in) = self.axes
        # the windows' elements as (…, OH, LH, W) then (…, OH, LH, OW, LW), outside ones made zero
        picked = np.where(row_in[:, :, None], x[..., rows, :], 0)
        picked = np.where(column_in, picked[..., columns], 0)
        sums = picked.sum(axis=(-3, -1), dtype=x.dtype)
        return (sums / self._counts()).astype(x.dtype, copy=False)

    def _counts(self) -> np.ndarray:
        (_, row_in), (_, column_in) = self.axes
        return row_in.sum(1)[:, None] * column_in.sum(1)[None, :]

    def backward(self, grad):
        self.saved_data()  # refuses a second pass or a changed input, as PyTorch
        for axis in range(grad.ndim - 3, grad.ndim):  # the forward lets channels be empty, backward does not
            if not grad.shape[axis]:
                raise RuntimeError(
                    "adaptive_avg_pool2d_backward(): Expected grad_output to have non-zero size for "
                    f"non-batch dimensions, but grad_output has sizes {list(grad.shape)} with dimension "
                    f"{axis} being empty"
                )
        (rows, row_in), (columns, column_in) = self.axes
        share = (grad / self._counts()).astype(grad.dtype)
        # spread back over (…, OH, LH, OW, LW), then add each element into the input position it came from
        covered = row_in[:, :, None, None] & column_in[None, None, :, :]
        spread = np.where(covered, share[..., :, None, :, None], 0)
        grad_x = np.zeros(self.input_shape, dtype=grad.dtype)
        np.add.at(grad_x, (..., rows[:, :, None, None], columns[None, None, :, :]), spread)
        return (grad_x,)


def _tiles(size: int, count: int) -> tuple[np.ndarray, np.ndarray]:
    """Per window along one axis: the positions it may cover (count, longest) and which of them it does."""
    starts = np.arange(count) * size // count
    ends = -(-(np.arange(count) + 1) * size // count)  # ceil((i+1)·size/count)
    longest = int((ends - starts).max()) if count else 0
    positions = starts[:, None] + np.arange(longest)[None, :]
    inside = positions < ends[:, None]
    return np.minimum(positions, size - 1), inside
