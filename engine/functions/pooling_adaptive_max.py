"""Adaptive max pooling over the last two axes of (C, H, W) or (N, C, H, W) arrays.

The windows tile the input as adaptive average pooling's do (``pooling._tiles``); each keeps its largest
element, and the gradient goes back to that element alone.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.pooling import _tiles


class AdaptiveMaxPool2DBackward0(Function):
    """The largest element of each window of an (OH, OW) grid; ties go to the first (row by row), a NaN
    wins over numbers and the last NaN over the others, as PyTorch's kernel scans them."""

    symbol, rule = "adaptive_max_pool2d", "∂(max of a window)/∂xᵢ = 1 for the chosen xᵢ, 0 for the others"
    saves_inputs = (0,)

    def forward(self, x, out=(1, 1)):
        self.input_shape = x.shape
        lead = x.shape[:-2]
        if 0 in out:
            self.indices = np.zeros(lead + tuple(out), dtype=np.int64)
            return np.zeros(lead + tuple(out), dtype=x.dtype)
        (rows, row_in), (columns, column_in) = _tiles(x.shape[-2], out[0]), _tiles(x.shape[-1], out[1])
        # each window's elements as (…, OH, OW, LH·LW) in the kernel's order; outside ones made -inf
        picked = x[..., rows[:, None, :, None], columns[None, :, None, :]]
        inside = row_in[:, None, :, None] & column_in[None, :, None, :]
        picked = np.where(inside, picked, -np.inf).astype(x.dtype, copy=False)
        flat = picked.reshape(picked.shape[:-2] + (rows.shape[1] * columns.shape[1],))
        choice = flat.argmax(axis=-1)
        nans = np.isnan(flat)
        if nans.any():  # the last NaN of a window wins
            last_nan = flat.shape[-1] - 1 - nans[..., ::-1].argmax(axis=-1)
            choice = np.where(nans.any(axis=-1), last_nan, choice)
        best = np.take_along_axis(flat, choice[..., None], axis=-1)[..., 0]
        width = columns.shape[1]  # the longest window's width: a step in the flattened window
        row = rows[np.arange(out[0])[:, None], choice // width]
        column = columns[np.arange(out[1])[None, :], choice % width]
        self.indices = (row * x.shape[-1] + column).astype(np.int64)
        return np.ascontiguousarray(best)

    def backward(self, grad):
        self.saved_data()  # refuses a second pass or a changed input, as PyTorch
        for axis in range(grad.ndim - 3, grad.ndim):  # the forward allows an empty output, backward not
            if not grad.shape[axis]:
                raise RuntimeError(
                    "adaptive_max_pool2d_backward(): Expected grad_output to have non-zero size for "
                    f"non-batch dimensions, but grad_output has sizes {list(grad.shape)} with dimension "
                    f"{axis} being empty"
                )
        shape = self.input_shape
        planes, plane = int(np.prod(shape[:-2])), shape[-2] * shape[-1]
        windows = self.indices.shape[-2] * self.indices.shape[-1]
        flat = (self.indices.reshape(planes, windows) + np.arange(planes)[:, None] * plane).ravel()
        grad_x = np.zeros(planes * plane, dtype=grad.dtype)
        np.add.at(grad_x, flat, grad.ravel())
        return (grad_x.reshape(shape),)
