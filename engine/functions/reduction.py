"""Reductions (sum, mean, max, min, norm, var, std, logsumexp) and softmax, with their derivatives."""

from __future__ import annotations

import numpy as np

from engine.function import Function


def _axes(dim, ndim: int) -> tuple[int, ...] | None:
    """``dim`` (int, tuple or None) as positive numpy axes; None means every axis."""
    if dim is None:
        return None
    dims = (dim,) if isinstance(dim, int) else tuple(dim)
    for d in dims:
        if not -max(ndim, 1) <= d < max(ndim, 1):
            raise IndexError(
                f"Dimension out of range (expected to be in range of [{-max(ndim, 1)}, {max(ndim, 1) - 1}], "
                f"but got {d})"
            )
    return tuple(d % max(ndim, 1) for d in dims) if ndim else ()


def mean_of_all(a: np.ndarray) -> np.generic:
    """``np.mean(a, dtype=a.dtype)``, bit for bit, without numpy's Python-level wrapper (a third of the cost).

    numpy sums in ``a``'s dtype, divides by the count as an ``intp`` and casts back; so does this. An empty
    array goes to numpy itself, for its nan and its warning.
    """
    if not a.size:
        return np.mean(a, dtype=a.dtype)
    return a.dtype.type(_add_all(a, axis=None, dtype=a.dtype) / _intp(a.size))


_add_all, _max_of, _intp = np.add.reduce, np.maximum.reduce, np.intp  # np.sum/np.max without their wrappers


def _expand_back(grad: np.ndarray, shape: tuple, axes, keepdim: bool) -> np.ndarray:
    """Broadcast a reduced gradient back over the axes that were reduced."""
    if axes is not None and not keepdim:
        grad = np.expand_dims(grad, axes)
    return np.broadcast_to(grad, shape)


class SumBackward0(Function):
    """Sum of every element."""

    symbol, rule = "sum", "∂(Σx)/∂xᵢ = 1"

    def forward(self, a, dtype=None):
        self.shape = a.shape
        if dtype is None and a.dtype.kind in "biu":
            dtype = np.int64
        return np.sum(a, dtype=dtype)

    def backward(self, grad):
        return (np.broadcast_to(grad, self.shape),)


class SumBackward1(Function):
    """Sum along dimensions."""

    symbol, rule = "sum", "∂(Σx)/∂xᵢ = 1"

    def forward(self, a, dim=None, keepdim=False):
        self.shape, self.axes, self.keepdim = a.shape, _axes(dim, a.ndim), keepdim
        dtype = np.int64 if a.dtype.kind in "biu" else None
        return np.sum(a, axis=self.axes, keepdims=keepdim, dtype=dtype)

    def backward(self, grad):
        return (_expand_back(grad, self.shape, self.axes, self.keepdim),)


class MeanBackward0(Function):
    symbol, rule = "mean", "∂(mean x)/∂xᵢ = 1/n"

    def forward(self, a):
        self.shape = a.shape
        return mean_of_all(a)

    def backward(self, grad):
        return (np.broadcast_to(grad / max(int(np.prod(self.shape)), 1), self.shape),)


class MeanBackward1(Function):
    symbol, rule = "mean", "∂(mean x)/∂xᵢ = 1/n"

    def forward(self, a, dim=None, keepdim=False):
        self.shape, self.axes, self.keepdim = a.shape, _axes(dim, a.ndim), keepdim
        return np.mean(a, axis=self.axes, keepdims=keepdim, dtype=a.dtype)

    def backward(self, grad):
        count = int(np.prod([self.shape[i] for i in self.axes])) if self.axes else 1
        return (_expand_back(grad / count, self.shape, self.axes, self.keepdim),)


def evenly_distribute(grad: np.ndarray, a: np.ndarray, out: np.ndarray) -> np.ndarray:
    """A whole-tensor max, min or median's gradient, split evenly between the elements equal to the result
    (the NaNs, when the result is NaN)."""
    winners = np.isnan(a) if out.dtype.kind == "f" and np.isnan(out) else a == out
    return grad * winners / winners.sum()


class _Extreme(Function):
    """Shared by max and min over everything: the gradient is split evenly between ties."""

    saves_inputs = (0,)
    saves_output = True
    reducer = staticmethod(np.max)

    def forward(self, a):
        if a.size == 0:
            raise RuntimeError(
                f"{self.reducer.__name__}(): Expected reduction dim to be specified for input.numel() == 0. "
                "Specify the reduction dim with the 'dim' argument."
            )
        return self.reducer(a)

    def backward(self, grad):
        a, out = self.saved_data()
        return (evenly_distribute(grad, a, out),)


class MaxBackward1(_Extreme):
    symbol, rule = "max", "the gradient goes to the largest element"
    reducer = staticmethod(np.max)


class MinBackward1(_Extreme):
    symbol, rule = "min", "the gradient goes to the smallest element"
    reducer = staticmethod(np.min)


class MaxBackward0(Function):
    """Max along a dimension: values and indices; the gradient goes to the chosen index."""

    symbol, rule = "max", "the gradient goes to the largest element of each slice"
    pick = staticmethod(np.argmax)

    def forward(self, a, dim=0, keepdim=False):
        (axis,) = _axes(dim, a.ndim) or (0,)
        if a.ndim == 0:
            self.indices = np.zeros((), dtype=np.int64)
            self.shape, self.axis, self.keepdim = a.shape, None, keepdim
            return a.copy()
        indices = np.expand_dims(self.pick(a, axis=axis), axis)
        values = np.take_along_axis(a, indices, axis)
        self.shape, self.axis, self.keepdim = a.shape, axis, keepdim
        self.indices = indices if keepdim else np.squeeze(indices, axis)
        return values if keepdim else np.squeeze(values, axis)

    def backward(self, grad):
        if self.axis is None:
            return (grad,)
        indices = self.indices if self.keepdim else np.expand_dims(self.indices, self.axis)
        grad = grad if self.keepdim else np.expand_dims(grad, self.axis)
        full = np.zeros(self.shape, dtype=grad.dtype)
        np.put_along_axis(full, indices, grad, self.axis)
        return (full,)


class MinBackward0(MaxBackward0):
    symbol, rule = "min", "the gradient goes to the smallest element of each slice"
    pick = staticmethod(np.argmin)


class AmaxBackward0(Function):
    symbol, rule = "amax", "the gradient is split between the largest elements"
    saves_inputs = (0,)
    saves_output = True

    def forward(self, a, dim=None, keepdim=False):
        self.axes, self.keepdim = _axes(dim, a.ndim), keepdim
        return np.max(a, axis=self.axes, keepdims=keepdim)

    def backward(self, grad):
        a, out = self.saved_data()
        out = out if self.keepdim or self.axes is None else np.expand_dims(out, self.axes)
        winners = a == out
        counts = winners.sum(axis=self.axes, keepdims=True)
        with np.errstate(invalid="ignore"):  # a NaN result: no winner, and 0/0 gives PyTorch's NaNs
            return (_expand_back(grad, a.shape, self.axes, self.keepdim) * winners / counts,)


class VarBackward0(Function):
    symbol, rule = "var", "∂var/∂xᵢ = 2(xᵢ - mean)/(n - correction)"
    saves_inputs = (0,)

    def forward(self, a, dim=None, correction=1, keepdim=False):
        self.axes, self.correction, self.keepdim = _axes(dim, a.ndim), correction, keepdim
        return np.var(a, axis=self.axes, ddof=correction, keepdims=keepdim)

    def backward(self, grad):
        (a,) = self.saved_data()
        count = a.size if self.axes is None else int(np.prod([a.shape[i] for i in self.axes]))
        centered = a - np.mean(a, axis=self.axes, keepdims=True)
        grad = _expand_back(grad, a.shape, self.axes, self.keepdim)
        return (grad * 2 * centered / (count - self.correction),)


class StdBackward0(VarBackward0):
    symbol, rule = "std", "∂std/∂xᵢ = (xᵢ - mean)/((n - correction)·std)"
    saves_output = True

    def forward(self, a, dim=None, correction=1, keepdim=False):
        return np.sqrt(super().forward(a, dim, correction, keepdim))

    def backward(self, grad):
        a, out = self.saved_data()
        count = a.size if self.axes is None else int(np.prod([a.shape[i] for i in self.axes]))
        centered = a - np.mean(a, axis=self.axes, keepdims=True)
        out = out if self.keepdim or self.axes is None else np.expand_dims(out, self.axes)
        grad = _expand_back(grad, a.shape, self.axes, self.keepdim)
        return (grad * centered / ((count - self.correction) * out),)


class LogsumexpBackward0(Function):
    symbol, rule = "logsumexp", "∂/∂xᵢ = softmax(x)ᵢ"
    saves_inputs = (0,)
    saves_output = True

    def forward(self, a, dim=0, keepdim=False):
        self.axes, self.keepdim = _axes(dim, a.ndim), keepdim
        peak = np.max(a, axis=self.axes, keepdims=True)
        peak = np.where(np.isfinite(peak), peak, 0)
        total = np.log(np.sum(np.exp(a - peak), axis=self.axes, keepdims=True)) + peak
        return total if keepdim else np.squeeze(total, self.axes)

    def backward(self, grad):
        a, out = self.saved_data()
        out = out if self.keepdim else np.expand_dims(out, self.axes)
        grad = _expand_back(grad, a.shape, self.axes, self.keepdim)
        return (grad * np.exp(a - out),)


class SoftmaxBackward0(Function):
    symbol, rule = "softmax", "∂sᵢ/∂xⱼ = sᵢ(δᵢⱼ - sⱼ)"
    saves_output = True

    def forward(self, a, dim=-1):
        (self.axis,) = _axes(dim, a.ndim) or (None,)
        shifted = np.exp(a - _max_of(a, axis=self.axis, keepdims=True))
        return shifted / _add_all(shifted, axis=self.axis, keepdims=True)

    def backward(self, grad):
        (out,) = self.saved_data()
        return (out * (grad - _add_all(grad * out, axis=self.axis, keepdims=True)),)


class LogSoftmaxBackward0(Function):
    symbol, rule = "log_softmax", "∂/∂xⱼ = δᵢⱼ - softmax(x)ⱼ"
    saves_output = True

    def forward(self, a, dim=-1):
        (self.axis,) = _axes(dim, a.ndim) or (None,)
        shifted = a - _max_of(a, axis=self.axis, keepdims=True)
        return shifted - np.log(_add_all(np.exp(shifted), axis=self.axis, keepdims=True))

    def backward(self, grad):
        (out,) = self.saved_data()
        return (grad - np.exp(out) * _add_all(grad, axis=self.axis, keepdims=True),)
