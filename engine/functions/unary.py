"""One-input element-wise functions: exp, log, the trigonometric ones and the activations."""

from __future__ import annotations

import math

import numpy as np

from engine.function import Function
from engine.tensor import Tensor


class AbsBackward0(Function):
    symbol, rule = "abs", "∂|x|/∂x = sign(x)"
    saves_inputs = (0,)

    def forward(self, a):
        return np.abs(a)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (grad * sign(a),)  # NaN's sign is 0: no gradient through |NaN|, as in PyTorch


def sign(a: np.ndarray) -> np.ndarray:
    """-1, 0 or 1 in ``a``'s dtype (bools are their own sign); NaN's is 0, as PyTorch computes it as
    (0 < x) - (x < 0)."""
    if a.dtype == np.bool_:
        return a.copy()
    if not a.ndim:
        return a.dtype.type(int(a > 0) - int(a < 0))
    return ((a > 0).astype(a.dtype) - (a < 0).astype(a.dtype)).astype(a.dtype, copy=False)


_FLOATS = (np.float16, np.float32, np.float64)
_EXP_LIMITS = {np.dtype(kind): float(np.log(np.finfo(kind).max)) for kind in _FLOATS}  # eˣ overflows beyond


class ExpBackward0(Function):
    symbol, rule = "exp", "∂eˣ/∂x = eˣ"
    saves_output = True
    scalar_forward = np.exp
    # eˣ finite in the lane's dtypes (float32's limit, 88.72; float16 never takes the lane)
    scalar_range = (-math.inf, min(_EXP_LIMITS[np.dtype(kind)] for kind in (np.float32, np.float64)))

    def forward(self, a):
        if not a.ndim and a[()] < _EXP_LIMITS[a.dtype]:  # speed: the numpy scalar, nothing to overflow
            return np.exp(a[()])
        with np.errstate(over="ignore"):  # e^1000 is inf, silently, as in PyTorch
            return np.exp(a)

    def backward(self, grad):
        (out,) = self.saved_data()
        return (grad * out,)


class LogBackward0(Function):
    symbol, rule = "log", "∂ln x/∂x = 1/x"
    saves_inputs = (0,)
    scalar_forward = np.log
    scalar_range = (0.0, math.inf)  # log of 0 or less warns on numpy scalars: the general path silences it

    def forward(self, a):
        if a.ndim == 0 and 0 < a[()] < math.inf:  # speed: log of a positive finite number cannot warn
            return np.log(a[()])
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log(a)

    def backward(self, grad):
        (a,) = self.saved_data()
        if type(a) is not np.ndarray and a:  # speed: dividing by a nonzero scalar cannot divide by zero
            return (grad / a,)
        with np.errstate(divide="ignore"):
            return (grad / a,)


class SqrtBackward0(Function):
    symbol, rule = "sqrt", "∂√x/∂x = 1/(2√x)"
    saves_output = True

    def forward(self, a):
        with np.errstate(invalid="ignore"):
            return np.sqrt(a)

    def backward(self, grad):
        (out,) = self.saved_data()
        with np.errstate(divide="ignore"):
            return (grad / (2 * out),)


class SinBackward0(Function):
    symbol, rule = "sin", "∂sin x/∂x = cos x"
    saves_inputs = (0,)
    scalar_forward = np.sin

    def forward(self, a):
        return np.sin(a)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (grad * np.cos(a),)


class CosBackward0(Function):
    symbol, rule = "cos", "∂cos x/∂x = -sin x"
    saves_inputs = (0,)
    scalar_forward = np.cos

    def forward(self, a):
        return np.cos(a)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (-grad * np.sin(a),)


class TanhBackward0(Function):
    symbol, rule = "tanh", "∂tanh x/∂x = 1 - tanh²x"
    saves_output = True
    scalar_forward = np.tanh

    def forward(self, a):
        return np.tanh(a)

    def backward(self, grad):
        (out,) = self.saved_data()
        return (grad * (1 - out * out),)


class SigmoidBackward0(Function):
    symbol, rule = "σ", "∂σ(x)/∂x = σ(x)(1 - σ(x))"
    saves_output = True

    def forward(self, a):
        # split by sign so exp never overflows
        positive = a >= 0
        exp_neg = np.exp(-np.abs(a))
        return np.where(positive, 1 / (1 + exp_neg), exp_neg / (1 + exp_neg)).astype(a.dtype)

    def backward(self, grad):
        (out,) = self.saved_data()
        return (grad * out * (1 - out),)


class ReluBackward0(Function):
    symbol, rule = "relu", "∂relu(x)/∂x = 1 if x > 0 else 0"
    saves_output = True

    def forward(self, a):
        return np.maximum(a, 0).astype(a.dtype, copy=False)

    def backward(self, grad):
        (out,) = self.saved_data()
        return (np.where(out <= 0, np.zeros((), grad.dtype), grad),)  # as PyTorch tests it: nan passes grad


class LeakyReluBackward0(Function):
    symbol, rule = "leaky_relu", "∂/∂x = 1 if x > 0 else slope"
    saves_inputs = (0,)

    def forward(self, a, negative_slope=0.01):
        self.slope = negative_slope
        return np.where(a > 0, a, a * negative_slope).astype(a.dtype, copy=False)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (np.where(a > 0, grad, grad * self.slope),)


class SoftplusBackward0(Function):
    symbol, rule = "softplus", "∂ln(1+eˣ)/∂x = σ(x)"
    saves_inputs = (0,)

    def forward(self, a, beta=1, threshold=20):
        self.beta, self.threshold = beta, threshold
        scaled = a * beta
        soft = np.logaddexp(0, scaled) / beta
        return np.where(scaled > threshold, a, soft).astype(a.dtype, copy=False)

    def backward(self, grad):
        (a,) = self.saved_data()
        scaled = a * self.beta
        sig = 1 / (1 + np.exp(-np.clip(scaled, -80, 80)))
        return (np.where(scaled > self.threshold, grad, grad * sig),)


class SiluBackward0(Function):
    symbol, rule = "silu", "∂(x·σ(x))/∂x = σ(x)(1 + x(1 - σ(x)))"
    saves_inputs = (0,)

    def forward(self, a):
        return a / (1 + np.exp(-a))

    def backward(self, grad):
        (a,) = self.saved_data()
        sig = 1 / (1 + np.exp(-a))
        return (grad * sig * (1 + a * (1 - sig)),)


class ClampBackward1(Function):
    symbol, rule = "clamp", "∂clamp(x)/∂x = 1 inside [min, max], else 0"
    saves_inputs = (0,)

    def forward(self, a, low=None, high=None):
        self.low, self.high = low, high
        return np.clip(a, low, high).astype(a.dtype, copy=False)

    def backward(self, grad):
        (a,) = self.saved_data()
        inside = np.ones(a.shape, dtype=bool)
        if self.low is not None:
            inside &= a >= self.low
        if self.high is not None:
            inside &= a <= self.high
        return (grad * inside,)


class CloneBackward0(Function):
    symbol, rule = "clone", "∂x/∂x = 1"

    def forward(self, a):
        return a.copy()

    def backward(self, grad):
        return (grad,)


class ToCopyBackward0(Function):
    symbol, rule = "to", "∂x/∂x = 1 (converted back to the input's dtype)"

    def forward(self, a, dtype=None):
        return a.astype(dtype)

    def backward(self, grad):
        return (grad,)


def _share(tie: np.ndarray, lost: np.ndarray) -> np.ndarray:
    """An operand's share of a maximum's (minimum's) gradient: half on a tie, none where it lost, else all
    (so a NaN on either side sends the whole gradient to both, as in PyTorch)."""
    return np.where(tie, 0.5, np.where(lost, 0.0, 1.0))


class MaximumBackward0(Function):
    symbol, rule = "max", "the gradient goes to the larger input (split on ties; both at a NaN)"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return np.maximum(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        return grad * _share(a == b, a < b), grad * _share(a == b, a > b)


class MinimumBackward0(Function):
    symbol, rule = "min", "the gradient goes to the smaller input (split on ties; both at a NaN)"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return np.minimum(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        return grad * _share(a == b, a > b), grad * _share(a == b, a < b)


class WhereBackward0(Function):
    symbol, rule = "where", "the gradient goes to the input the condition picked"

    def forward(self, a, b, condition=None):
        self.condition = condition
        return np.where(condition, a, b)

    def backward(self, grad):
        zero = np.zeros((), dtype=grad.dtype)
        return np.where(self.condition, grad, zero), np.where(self.condition, zero, grad)


def floating_only(name: str, a: Tensor) -> Tensor:
    """Integer inputs of exp, log, sin ... compute in the default float dtype, as PyTorch does."""
    if a._data.dtype.kind in "biu":
        return Tensor._wrap(a._data.astype(np.float32))
    return a


def unary(cls: type[Function], a: Tensor, **options) -> Tensor:
    if cls in KEEPS_INTEGERS:
        kind = a._data.dtype.kind
        if kind in "iu":  # |x| and relu of integers stay integers
            return Tensor._wrap(cls.__new__(cls).forward(a._data, **options))
        if kind == "b":  # and of bools are refused
            if cls is AbsBackward0:
                raise NotImplementedError("\"abs_cpu\" not implemented for 'Bool'")
            raise RuntimeError("Boolean inputs not supported for relu")
    return cls.apply(floating_only(cls.symbol, a), **options)


KEEPS_INTEGERS = (AbsBackward0, ReluBackward0)
