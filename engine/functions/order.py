"""Nodes of median, nanmedian, kthvalue, mode and ``nansum``, as PyTorch records them.

A whole-tensor median splits its gradient evenly between the elements equal to it (NaNs, when it is NaN);
along a dimension, each slice's gradient goes to the one element whose index was reported.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.reduction import evenly_distribute


class MedianBackward0(Function):
    """The lower of the two middle values of every element (NaN if there is a NaN)."""

    symbol, rule = "median", "the gradient is split between the elements equal to the median"
    saves_inputs = (0,)
    saves_output = True
    skips_nan = False

    def forward(self, a):
        values = np.sort(a, axis=None)  # NaNs last
        count = values.size  # how many values the median is taken of: none when a NaN decides it
        if a.dtype.kind == "f":
            nans = np.count_nonzero(np.isnan(values))
            count = count - nans if self.skips_nan else (0 if nans else count)
        if not count:  # PyTorch's NaN (an integer tensor's NaN is its smallest value)
            return np.asarray(np.iinfo(a.dtype).min if a.dtype.kind in "iu" else np.nan, dtype=a.dtype)
        return np.asarray(values[(count - 1) // 2])

    def backward(self, grad):
        a, out = self.saved_data()
        return (evenly_distribute(grad, a, out),)


class NanmedianBackward0(MedianBackward0):
    """The median of the elements that are not NaN (NaN if every one is)."""

    symbol = "nanmedian"
    skips_nan = True


class MedianBackward1(Function):
    """One element of each slice along an axis, at an index found by the caller: it gets their gradient."""

    symbol, rule = "median", "each slice's gradient goes to its median element"

    def forward(self, a, indices=None, axis=None, keepdim=False):
        """``indices`` keeps the axis (size 1); ``axis`` None for a 0-d input."""
        self.shape, self.indices, self.axis, self.keepdim = a.shape, indices, axis, keepdim
        if axis is None:
            return a.copy()
        values = np.take_along_axis(a, indices, axis)
        return values if keepdim else np.squeeze(values, axis)

    def backward(self, grad):
        if self.axis is None:
            return (grad,)
        full = np.zeros(self.shape, dtype=grad.dtype)
        np.put_along_axis(
            full, self.indices, grad if self.keepdim else np.expand_dims(grad, self.axis), self.axis
        )
        return (full,)


class NanmedianBackward1(MedianBackward1):
    symbol, rule = "nanmedian", "each slice's gradient goes to its median element (NaNs skipped)"


class KthvalueBackward0(MedianBackward1):
    symbol, rule = "kthvalue", "each slice's gradient goes to its k-th smallest element"


class ModeBackward0(MedianBackward1):
    symbol, rule = "mode", "each slice's gradient goes to the element reported as its most frequent value"


class NansumBackward0(Function):
    """Sum of the elements that are not NaN (integers and booleans sum to int64)."""

    symbol, rule = "nansum", "∂(Σ non-NaN x)/∂xᵢ = 1, or 0 where xᵢ is NaN"
    saves_inputs = (0,)

    def forward(self, a, axes=None, keepdim=False, dtype=None):
        self.axes, self.keepdim = axes, keepdim
        if dtype is None and a.dtype.kind in "biu":
            dtype = np.int64
        return np.asarray(np.nansum(a, axis=axes, keepdims=keepdim, dtype=dtype))

    def backward(self, grad):
        (a,) = self.saved_data()
        if self.axes is not None and not self.keepdim:
            grad = np.expand_dims(grad, self.axes)
        return (np.where(np.isnan(a), np.zeros((), grad.dtype), grad),)
