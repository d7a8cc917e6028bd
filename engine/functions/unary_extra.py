"""More element-wise functions: inverse trigonometry (atan2 of two inputs), hyperbolics, log variants, the
error function and its inverse, and rounding.

Rounding (ceil, floor, round, trunc, sign, frac) is piecewise constant, so its gradient is 0 almost
everywhere, as in PyTorch (frac's is 1).
"""

from __future__ import annotations

import math

import numpy as np

from engine.function import Function
from engine.functions.unary import sign


class _Quiet(Function):
    """Forward and backward without numpy's warnings: out-of-domain inputs give nan or inf, as in PyTorch."""

    numpy_function = staticmethod(np.tan)

    def forward(self, a):
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            return self.numpy_function(a)

    def backward(self, grad):
        with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
            return (self.local(grad),)


class TanBackward0(_Quiet):
    symbol, rule = "tan", "∂tan x/∂x = 1 + tan²x"
    saves_output = True
    numpy_function = staticmethod(np.tan)

    def local(self, grad):
        (out,) = self.saved_data()
        return grad * (1 + out * out)


class AsinBackward0(_Quiet):
    symbol, rule = "asin", "∂asin x/∂x = 1/√(1 - x²)"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.arcsin)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad / np.sqrt(1 - a * a)


class AcosBackward0(_Quiet):
    symbol, rule = "acos", "∂acos x/∂x = -1/√(1 - x²)"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.arccos)

    def local(self, grad):
        (a,) = self.saved_data()
        return -grad / np.sqrt(1 - a * a)


class AtanBackward0(_Quiet):
    symbol, rule = "atan", "∂atan x/∂x = 1/(1 + x²)"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.arctan)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad / (1 + a * a)


class Atan2Backward0(Function):
    """The angle of the point (x = ``b``, y = ``a``): ``atan2(a, b)``, in (-π, π]."""

    symbol, rule = "atan2", "∂atan2(a, b)/∂a = b/(a² + b²), ∂atan2(a, b)/∂b = -a/(a² + b²)"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return np.arctan2(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        with np.errstate(divide="ignore", invalid="ignore"):  # at the origin: nan, as in PyTorch
            scaled = grad / (a * a + b * b)
        return scaled * b, -scaled * a


_erf = np.frompyfunc(math.erf, 1, 1)
_GILES = (  # Giles' single-precision erfinv approximation, as a start for Newton's steps (centre, tails)
    (
        2.81022636e-08,
        3.43273939e-07,
        -3.5233877e-06,
        -4.39150654e-06,
        0.00021858087,
        -0.00125372503,
        -0.00417768164,
        0.246640727,
        1.50140941,
    ),
    (
        -0.000200214257,
        0.000100950558,
        0.00134934322,
        -0.00367342844,
        0.00573950773,
        -0.0076224613,
        0.00943887047,
        1.00167406,
        2.83297682,
    ),
)


def erf(x: np.ndarray) -> np.ndarray:
    """The error function, element by element, in float64 (numpy has none)."""
    return np.asarray(_erf(np.asarray(x, dtype=np.float64)), dtype=np.float64)


def erfinv(y: np.ndarray) -> np.ndarray:
    """The inverse error function in float64: Giles' approximation, then two Newton steps on ``erf``;
    ±1 gives ±inf and beyond it nan, as in PyTorch."""
    y = np.asarray(y, dtype=np.float64)
    inside = np.abs(y) < 1
    safe = np.where(inside, y, 0.0)
    w = -np.log((1.0 - safe) * (1.0 + safe))
    central, tail = w < 5.0, np.sqrt(np.maximum(w, 5.0)) - 3.0
    t = np.where(central, w - 2.5, tail)
    p = np.zeros_like(t)
    for c_central, c_tail in zip(*_GILES, strict=True):
        p = np.where(central, c_central, c_tail) + p * t
    x = p * safe
    for _ in range(2):
        x = x - (erf(x) - safe) / (2.0 / math.sqrt(math.pi) * np.exp(-x * x))
    with np.errstate(invalid="ignore"):
        edge = np.where(np.abs(y) == 1, np.sign(y) * np.inf, np.nan)
    return np.where(inside, x, edge)


class ErfBackward0(Function):
    symbol, rule = "erf", "∂erf x/∂x = 2/√π · e^(-x²)"
    saves_inputs = (0,)

    def forward(self, a):
        return erf(a).astype(a.dtype)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (grad * (2.0 / math.sqrt(math.pi)) * np.exp(-a * a),)


class ErfinvBackward0(Function):
    symbol, rule = "erfinv", "∂erfinv x/∂x = √π/2 · e^(erfinv(x)²)"
    saves_output = True

    def forward(self, a):
        return erfinv(a).astype(a.dtype)

    def backward(self, grad):
        (out,) = self.saved_data()
        with np.errstate(over="ignore", invalid="ignore"):
            return (grad * (math.sqrt(math.pi) / 2.0) * np.exp(out * out),)


class SinhBackward0(_Quiet):
    symbol, rule = "sinh", "∂sinh x/∂x = cosh x"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.sinh)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad * np.cosh(a)


class CoshBackward0(_Quiet):
    symbol, rule = "cosh", "∂cosh x/∂x = sinh x"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.cosh)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad * np.sinh(a)


class Log2Backward0(_Quiet):
    symbol, rule = "log2", "∂log₂x/∂x = 1/(x ln 2)"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.log2)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad / (a * np.log(2.0)).astype(a.dtype)


class Log10Backward0(_Quiet):
    symbol, rule = "log10", "∂log₁₀x/∂x = 1/(x ln 10)"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.log10)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad / (a * np.log(10.0)).astype(a.dtype)


class Log1PBackward0(_Quiet):
    symbol, rule = "log1p", "∂ln(1+x)/∂x = 1/(1 + x)"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.log1p)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad / (1 + a)


class Expm1Backward0(_Quiet):
    symbol, rule = "expm1", "∂(eˣ-1)/∂x = eˣ"
    saves_output = True
    numpy_function = staticmethod(np.expm1)

    def local(self, grad):
        (out,) = self.saved_data()
        return grad * (out + 1)


class RsqrtBackward0(_Quiet):
    symbol, rule = "rsqrt", "∂(1/√x)/∂x = -1/(2x√x)"
    saves_output = True

    @staticmethod
    def numpy_function(a):
        return 1 / np.sqrt(a)

    def local(self, grad):
        (out,) = self.saved_data()
        return -0.5 * grad * out * out * out


class _Flat(Function):
    """A piecewise-constant function: the gradient is 0 (PyTorch's rule at every point)."""

    numpy_function = staticmethod(np.ceil)

    def forward(self, a):
        return self.numpy_function(a)

    def backward(self, grad):
        return (np.zeros_like(grad),)


class CeilBackward0(_Flat):
    symbol, rule, numpy_function = "ceil", "∂⌈x⌉/∂x = 0", staticmethod(np.ceil)


class FloorBackward0(_Flat):
    symbol, rule, numpy_function = "floor", "∂⌊x⌋/∂x = 0", staticmethod(np.floor)


class RoundBackward0(_Flat):
    symbol, rule, numpy_function = "round", "∂round(x)/∂x = 0", staticmethod(np.round)


class RoundBackward1(_Flat):
    """``round(x, decimals=d)``: 10ᵈ·x rounded half to even, over 10ᵈ, bit for bit as in PyTorch."""

    symbol, rule = "round", "∂round(x, d)/∂x = 0"

    def forward(self, a, decimals=0):
        self.decimals = decimals
        return np.round(a, decimals)


class TruncBackward0(_Flat):
    symbol, rule, numpy_function = "trunc", "∂trunc(x)/∂x = 0", staticmethod(np.trunc)


class SignBackward0(_Flat):
    symbol, rule, numpy_function = "sign", "∂sign(x)/∂x = 0", staticmethod(sign)  # NaN's is 0


class FracBackward0(Function):
    symbol, rule = "frac", "∂(x - trunc x)/∂x = 1"

    def forward(self, a):
        return a - np.trunc(a)

    def backward(self, grad):
        return (grad,)


class ClampBackward0(Function):
    """``clamp`` with tensor bounds: the input passes its gradient where it lies within them, each bound
    where it is the result (the input below ``min`` or above ``max``); a missing bound is None."""

    symbol, rule = "clamp", "∂/∂x = 1 inside [min, max]; ∂/∂min = 1 where x < min; ∂/∂max = 1 where x > max"
    saves_inputs = (0, 1, 2)

    def forward(self, a, low, high):
        out = a if low is None else np.maximum(a, low)
        return out if high is None else np.minimum(out, high)

    def backward(self, grad):
        a, low, high = self.saved_data()
        below = np.zeros(np.shape(grad), dtype=bool) if low is None else a < low
        above = np.zeros(np.shape(grad), dtype=bool) if high is None else a > high
        inside = ~(below | above)
        return (
            grad * inside if self.needs_grad(0) else None,
            grad * below if self.needs_grad(1) else None,
            grad * above if self.needs_grad(2) else None,
        )
