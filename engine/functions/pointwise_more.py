"""Nodes of the element-wise ops that bound, blend or combine: nan_to_num, clamp_min/clamp_max, addcmul,
addcdiv, lerp, rsub of two tensors, remainder and threshold.

Each gradient is PyTorch's at the special points too: ties at a bound pass the gradient to the input,
NaNs pass nothing through a clamp, and a replaced NaN or infinity gets none from nan_to_num.
"""

from __future__ import annotations

import numpy as np

from engine.function import Function
from engine.functions.pointwise import checked_alpha


def _zero_where(mask: np.ndarray, grad: np.ndarray) -> np.ndarray:
    """``grad`` with zeros where ``mask`` is true (NaN gradients there too, as PyTorch's masked_fill)."""
    return np.where(mask, np.zeros((), grad.dtype), grad)


class NanToNumBackward0(Function):
    symbol, rule = "nan_to_num", "∂/∂x = 1 where x is finite, 0 where a NaN or ±inf was replaced"
    saves_inputs = (0,)

    def forward(self, a, nan=0.0, posinf=None, neginf=None):
        limits = np.finfo(a.dtype)
        with np.errstate(over="ignore"):  # a replacement too big for the dtype becomes ±inf, as in PyTorch
            values = [np.asarray(v, a.dtype) for v in (nan, limits.max if posinf is None else posinf)]
            values.append(np.asarray(limits.min if neginf is None else neginf, a.dtype))
        out = np.where(np.isnan(a), values[0], a)
        return np.where(np.isposinf(a), values[1], np.where(np.isneginf(a), values[2], out))

    def backward(self, grad):
        (a,) = self.saved_data()
        return (_zero_where(~np.isfinite(a), grad),)


class ClampMinBackward0(Function):
    """``clamp_min(x, number)``: the larger of x and the bound (NaN stays NaN)."""

    symbol, rule = "clamp_min", "∂max(x, m)/∂x = 1 where x ≥ m, else 0"
    saves_inputs = (0,)

    def forward(self, a, low=0.0):
        self.low = a.dtype.type(low)
        return np.maximum(a, self.low)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (_zero_where(~(a >= self.low), grad),)


class ClampMaxBackward0(Function):
    """``clamp_max(x, number)``: the smaller of x and the bound (NaN stays NaN)."""

    symbol, rule = "clamp_max", "∂min(x, M)/∂x = 1 where x ≤ M, else 0"
    saves_inputs = (0,)

    def forward(self, a, high=0.0):
        self.high = a.dtype.type(high)
        return np.minimum(a, self.high)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (_zero_where(~(a <= self.high), grad),)


class ClampMinBackward1(Function):
    """``clamp_min(x, tensor)``: the input passes its gradient where it is at least the bound, the bound
    where it is larger; where either is NaN, neither does."""

    symbol, rule = "clamp_min", "∂max(x, m)/∂x = 1 where x ≥ m; ∂/∂m = 1 where x < m"
    saves_inputs = (0, 1)

    def forward(self, a, low):
        return np.maximum(a, low)

    def backward(self, grad):
        a, low = self.saved_data()
        return _zero_where(~(a >= low), grad), _zero_where(~(a < low), grad)


class ClampMaxBackward1(Function):
    symbol, rule = "clamp_max", "∂min(x, M)/∂x = 1 where x ≤ M; ∂/∂M = 1 where x > M"
    saves_inputs = (0, 1)

    def forward(self, a, high):
        return np.minimum(a, high)

    def backward(self, grad):
        a, high = self.saved_data()
        return _zero_where(~(a <= high), grad), _zero_where(~(a > high), grad)


class AddcmulBackward0(Function):
    symbol, rule = "addcmul", "∂(x + v·a·b)/∂x = 1, ∂/∂a = v·b, ∂/∂b = v·a"
    saves_inputs = (1, 2)

    def forward(self, x, a, b, value=1):
        self.value = value
        return x + value * a * b

    def backward(self, grad):
        a, b = self.saved_data()
        grad_a = grad * self.value * b if self.needs_grad(1) else None
        grad_b = grad * self.value * a if self.needs_grad(2) else None
        return grad, grad_a, grad_b


class AddcdivBackward0(Function):
    symbol, rule = "addcdiv", "∂(x + v·a/b)/∂x = 1, ∂/∂a = v/b, ∂/∂b = -v·a/b²"
    saves_inputs = (1, 2)

    def forward(self, x, a, b, value=1):
        self.value = value
        with np.errstate(divide="ignore", invalid="ignore"):  # a zero divisor gives ±inf or NaN, silently
            return x + value * (a / b)

    def backward(self, grad):
        a, b = self.saved_data()
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            grad_a = grad * self.value / b if self.needs_grad(1) else None
            grad_b = -grad * self.value * a / (b * b) if self.needs_grad(2) else None
        return grad, grad_a, grad_b


def lerp(start: np.ndarray, end: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """start + weight·(end - start), from the nearer end, so that weight 1 gives ``end`` exactly."""
    difference = end - start
    near_start = np.abs(weight) < 0.5
    return np.where(near_start, start + weight * difference, end - difference * (1 - weight))


class LerpBackward0(Function):
    """``lerp(start, end, number)``."""

    symbol, rule = "lerp", "∂lerp/∂start = 1 - w, ∂lerp/∂end = w"

    def forward(self, start, end, weight=0.5):
        self.weight = weight
        return lerp(start, end, start.dtype.type(weight)).astype(start.dtype, copy=False)

    def backward(self, grad):
        return grad * (1 - self.weight), grad * self.weight


class LerpBackward1(Function):
    """``lerp(start, end, weight)`` with a tensor weight."""

    symbol, rule = "lerp", "∂lerp/∂start = 1 - w, ∂lerp/∂end = w, ∂lerp/∂w = end - start"
    saves_inputs = (0, 1, 2)

    def forward(self, start, end, weight):
        return lerp(start, end, weight.astype(start.dtype, copy=False)).astype(start.dtype, copy=False)

    def backward(self, grad):
        start, end, weight = self.saved_data()
        grad_start = grad * (1 - weight) if self.needs_grad(0) else None
        grad_end = grad * weight if self.needs_grad(1) else None
        return grad_start, grad_end, (grad * (end - start) if self.needs_grad(2) else None)


class RsubBackward0(Function):
    """``torch.rsub(a, b, alpha)`` of two tensors: b - alpha·a."""

    symbol, rule = "rsub", "∂(b - α·a)/∂a = -α, ∂/∂b = 1"
    alpha = 1

    def forward(self, a, b, alpha=1):
        if alpha == 1:
            return b - a
        self.alpha = alpha = checked_alpha(alpha, a.dtype)
        return b - alpha * a

    def backward(self, grad):
        return -grad * self.alpha, grad


def remainder(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Python's ``%`` element by element, with PyTorch's zeros: the sign of ``fmod``'s, the dividend's
    (numpy gives a zero the divisor's sign)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        if np.result_type(a, b).kind != "f":
            return np.remainder(a, b)
        rest = np.fmod(a, b)
        return np.where((rest != 0) & ((rest < 0) != (b < 0)), rest + b, rest)


class RemainderBackward0(Function):
    """``remainder(x, number)``: a sawtooth of slope 1."""

    symbol, rule = "%", "∂(x mod d)/∂x = 1"

    def forward(self, a, divisor=1.0):
        return remainder(a, a.dtype.type(divisor))

    def backward(self, grad):
        return (grad,)


class RemainderBackward1(Function):
    """``remainder(x, y)`` of two tensors: x - floor(x/y)·y."""

    symbol, rule = "%", "∂(x mod y)/∂x = 1, ∂/∂y = -floor(x/y)"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return remainder(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        with np.errstate(divide="ignore", invalid="ignore"):
            return grad, (-grad * np.floor(a / b) if self.needs_grad(1) else None)


class ThresholdBackward0(Function):
    """``threshold(x, t, v)``: x above t, v elsewhere (NaN stays NaN and passes its gradient)."""

    symbol, rule = "threshold", "∂/∂x = 1 where x > t, else 0"
    saves_inputs = (0,)

    def forward(self, a, threshold=0.0, value=0.0):
        self.threshold = a.dtype.type(threshold)
        return np.where(a <= self.threshold, a.dtype.type(value), a)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (_zero_where(a <= self.threshold, grad),)
