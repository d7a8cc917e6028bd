"""Products and running sums and products: ``prod`` (whole or along a dimension), ``cumsum`` and ``cumprod``,
with their derivatives."""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.reduction import _axes, _expand_back


def _product_of_others(a: np.ndarray, axis: int) -> np.ndarray:
    """For each element, the product of the other elements along ``axis`` (exact even with zeros)."""
    ones = np.ones_like(np.take(a, [0], axis=axis))
    before = np.cumprod(np.concatenate([ones, np.delete(a, -1, axis=axis)], axis=axis), axis=axis)
    flipped = np.flip(a, axis=axis)
    after = np.cumprod(np.concatenate([ones, np.delete(flipped, -1, axis=axis)], axis=axis), axis=axis)
    return before * np.flip(after, axis=axis)


class ProdBackward0(Function):
    """Product of every element."""

    symbol, rule = "prod", "∂(Πx)/∂xᵢ = product of the other elements"
    saves_inputs = (0,)

    def forward(self, a):
        dtype = np.int64 if a.dtype.kind in "biu" else a.dtype
        return np.prod(a, dtype=dtype)

    def backward(self, grad):
        (a,) = self.saved_data()
        if a.size == 0:
            return (np.zeros_like(a),)
        others = _product_of_others(a.reshape(-1), 0).reshape(a.shape)
        return (grad * others,)


class ProdBackward1(Function):
    """Product along one dimension."""

    symbol, rule = "prod", "∂(Πx)/∂xᵢ = product of the other elements in its slice"
    saves_inputs = (0,)

    def forward(self, a, dim=0, keepdim=False):
        (self.axis,) = _axes(dim, a.ndim) or (None,)
        self.keepdim = keepdim
        dtype = np.int64 if a.dtype.kind in "biu" else a.dtype
        return np.prod(a, axis=self.axis, keepdims=keepdim, dtype=dtype)

    def backward(self, grad):
        (a,) = self.saved_data()
        if self.axis is None:
            return (grad * np.ones_like(a),)
        grad = _expand_back(grad, a.shape, (self.axis,), self.keepdim)
        return (grad * _product_of_others(a, self.axis),)


class _Running(Function):
    """A running sum or product along a dimension (integers accumulate in int64, as in PyTorch)."""

    numpy_function = staticmethod(np.cumsum)

    def forward(self, a, dim=0):
        (self.axis,) = _axes(dim, a.ndim) or (None,)
        dtype = np.int64 if a.dtype.kind in "biu" else a.dtype
        if self.axis is None:
            return a.astype(dtype, copy=True)
        return self.numpy_function(a, axis=self.axis, dtype=dtype)


class CumsumBackward0(_Running):
    """Running sum along a dimension: each input adds into every later output."""

    symbol, rule = "cumsum", "∂yⱼ/∂xᵢ = 1 for j ≥ i: the gradient is summed from the end"

    def forward(self, a, dim=0):
        return _from_positive_zero(super().forward(a, dim))

    def backward(self, grad):
        if self.axis is None:
            return (grad,)
        return (_from_positive_zero(np.flip(np.cumsum(np.flip(grad, self.axis), axis=self.axis), self.axis)),)


def _from_positive_zero(sums: np.ndarray) -> np.ndarray:
    """PyTorch's running sums start from +0, so a zero among them is never -0 (numpy's first one is the
    first element itself, -0 included)."""
    return sums + 0 if sums.dtype.kind == "f" else sums


class CumprodBackward0(_Running):
    """Running product along a dimension: each input multiplies into every later output."""

    symbol, rule = "cumprod", "∂yⱼ/∂xᵢ = the product of x₀..xⱼ but xᵢ, for j ≥ i"
    saves_inputs = (0,)
    saves_output = True
    numpy_function = staticmethod(np.cumprod)

    def backward(self, grad):
        a, out = self.saved_data()
        if self.axis is None:
            return (grad,)
        if np.all(a != 0):  # Σⱼ≥ᵢ gⱼ·yⱼ / xᵢ: a reversed running sum
            return (np.flip(np.cumsum(np.flip(grad * out, self.axis), axis=self.axis), self.axis) / a,)
        moved_a, moved_grad = np.moveaxis(a, self.axis, -1), np.moveaxis(grad, self.axis, -1)
        result = np.zeros_like(moved_a)
        for index in range(moved_a.shape[-1]):  # with zeros, exactly: each xᵢ set to 1 in turn
            others = moved_a.copy()
            others[..., index] = 1
            products = np.cumprod(others, axis=-1)[..., index:]
            result[..., index] = np.sum(moved_grad[..., index:] * products, axis=-1)
        return (np.moveaxis(result, -1, self.axis),)


class _TakeAlong(Function):
    """Elements picked along one axis by index (sort, topk): each gradient returns to where it came from."""

    def forward(self, a, indices=None, axis=0):
        self.shape, self.indices, self.axis = a.shape, indices, axis
        return np.take_along_axis(a, indices, axis)

    def backward(self, grad):
        full = np.zeros(self.shape, dtype=grad.dtype)
        np.put_along_axis(full, self.indices, grad, self.axis)
        return (full,)


class SortBackward0(_TakeAlong):
    symbol, rule = "sort", "each element's gradient goes back to its place before sorting"


class TopkBackward0(_TakeAlong):
    symbol, rule = "topk", "the k chosen elements get their gradient back; the others get 0"


class MaskedFillBackward0(Function):
    symbol, rule = "masked_fill", "filled positions pass no gradient; the others pass it unchanged"

    def forward(self, a, mask=None, value=0.0):
        self.mask = mask
        return np.where(mask, np.asarray(value, dtype=a.dtype), a)

    def backward(self, grad):
        return (np.where(self.mask, np.zeros((), dtype=grad.dtype), grad),)


class MaskedFillBackward1(MaskedFillBackward0):
    """``masked_fill`` with a 0-d tensor value: the value gets the gradients of the filled positions."""

    rule = "filled positions pass their gradient to the value; the others pass it to the input"

    def forward(self, a, value, mask=None):
        return super().forward(a, mask=mask, value=value)

    def backward(self, grad):
        (kept,) = super().backward(grad)
        return kept, (np.sum(grad, where=self.mask) if self.needs_grad(1) else None)
