"""Nodes of one-input special functions: sgn, sinc, exp2, deg2rad/rad2deg, logit, erfc, lgamma, digamma,
the inverse hyperbolics, and frexp's mantissa.

Out-of-domain inputs give NaN or ±inf silently (``_Quiet``), and each gradient is PyTorch's formula at the
special points too (sinc's at 0, logit's outside [eps, 1 - eps], lgamma's at the poles).
"""

from __future__ import annotations

import math

import numpy as np

from engine.function import Function
from engine.functions import gamma, unary
from engine.functions.unary_extra import _Quiet


class SgnBackward0(Function):
    """The sign of each element; NaN's is 0, as PyTorch computes it as (0 < x) - (x < 0)."""

    symbol, rule = "sgn", "∂sgn(x)/∂x = 0"

    def forward(self, a):
        return unary.sign(a)

    def backward(self, grad):
        return (np.zeros_like(grad),)


class SincBackward0(_Quiet):
    symbol, rule = "sinc", "∂(sin πx/πx)/∂x = (πx·cos πx - sin πx)/(πx²), 0 at x = 0"
    saves_inputs = (0,)

    @staticmethod
    def numpy_function(a):
        angle = a * a.dtype.type(
            math.pi
        )  # in the input's precision, as PyTorch: sinc(1) is -2.78e-08 in float32
        return np.where(a == 0, a.dtype.type(1), np.sin(angle) / angle)

    def local(self, grad):
        (a,) = self.saved_data()
        angle = a * a.dtype.type(math.pi)
        slope = (angle * np.cos(angle) - np.sin(angle)) / (angle * a)
        return grad * np.where(a == 0, a.dtype.type(0), slope)


class Exp2Backward0(_Quiet):
    symbol, rule = "exp2", "∂2ˣ/∂x = 2ˣ·ln 2"
    saves_output = True
    numpy_function = staticmethod(np.exp2)

    def local(self, grad):
        (out,) = self.saved_data()
        return grad * out * math.log(2.0)


class Deg2RadBackward0(Function):
    symbol, rule = "deg2rad", "∂(x·π/180)/∂x = π/180"

    def forward(self, a):
        return a * a.dtype.type(math.pi / 180)

    def backward(self, grad):
        return (grad * grad.dtype.type(math.pi / 180),)


class Rad2DegBackward0(Function):
    symbol, rule = "rad2deg", "∂(x·180/π)/∂x = 180/π"

    def forward(self, a):
        return a * a.dtype.type(180 / math.pi)

    def backward(self, grad):
        return (grad * grad.dtype.type(180 / math.pi),)


class LogitBackward0(_Quiet):
    """``logit(x, eps)``: ln(x/(1 - x)) of x clamped to [eps, 1 - eps] (no eps: not clamped)."""

    symbol, rule = "logit", "∂ln(x/(1-x))/∂x = 1/(x(1 - x)); 0 outside [eps, 1 - eps]"
    saves_inputs = (0,)

    def forward(self, a, eps=None):
        self.eps = eps
        if eps is not None and eps >= 0:
            low, high = a.dtype.type(eps), a.dtype.type(1 - eps)
            a = np.where(a < low, low, np.where(a > high, high, a))  # the lower bound first, as PyTorch
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.log(a / (1 - a))

    def local(self, grad):
        (a,) = self.saved_data()
        spread = a * (1 - a)
        slope = grad / np.where(spread == 0, np.zeros((), a.dtype), spread)  # at 0 and 1: +inf, never -inf
        if self.eps is None or self.eps < 0:
            return np.where((a < 0) | (a > 1), np.full((), np.nan, grad.dtype), slope)
        outside = (a < self.eps) | (a > 1 - self.eps)
        return np.where(outside, np.zeros((), grad.dtype), slope)


class ErfcBackward0(Function):
    symbol, rule = "erfc", "∂erfc x/∂x = -2/√π · e^(-x²)"
    saves_inputs = (0,)

    def forward(self, a):
        return gamma.erfc(a).astype(a.dtype)

    def backward(self, grad):
        (a,) = self.saved_data()
        with np.errstate(over="ignore"):
            return (grad * (-2.0 / math.sqrt(math.pi)) * np.exp(-a * a),)


class LgammaBackward0(Function):
    symbol, rule = "lgamma", "∂ln|Γ(x)|/∂x = ψ(x) (digamma)"
    saves_inputs = (0,)

    def forward(self, a):
        with np.errstate(over="ignore"):  # too large for the dtype: inf, as in PyTorch
            return gamma.lgamma(a).astype(a.dtype)

    def backward(self, grad):
        (a,) = self.saved_data()
        with np.errstate(invalid="ignore"):
            return (grad * gamma.digamma(a).astype(a.dtype),)


class DigammaBackward0(Function):
    symbol, rule = "digamma", "∂ψ(x)/∂x = ψ₁(x) (trigamma)"
    saves_inputs = (0,)

    def forward(self, a):
        with np.errstate(over="ignore"):
            return gamma.digamma(a).astype(a.dtype)

    def backward(self, grad):
        (a,) = self.saved_data()
        with np.errstate(over="ignore", invalid="ignore"):
            return (grad * gamma.trigamma(a).astype(a.dtype),)


class AcoshBackward0(_Quiet):
    symbol, rule = "acosh", "∂acosh x/∂x = 1/√(x² - 1)"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.arccosh)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad / np.sqrt(a * a - 1)


class AsinhBackward0(_Quiet):
    symbol, rule = "asinh", "∂asinh x/∂x = 1/√(x² + 1)"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.arcsinh)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad / np.sqrt(a * a + 1)


class AtanhBackward0(_Quiet):
    symbol, rule = "atanh", "∂atanh x/∂x = 1/(1 - x²)"
    saves_inputs = (0,)
    numpy_function = staticmethod(np.arctanh)

    def local(self, grad):
        (a,) = self.saved_data()
        return grad / (1 - a * a)


class FrexpBackward0(Function):
    """The mantissa of ``frexp`` (x = mantissa·2^exponent); the exponent is an integer output."""

    symbol, rule = "frexp", "∂mantissa/∂x = 2^-exponent"

    def forward(self, a):
        mantissa, self.exponent = np.frexp(a)
        return mantissa

    def backward(self, grad):
        return (grad / np.exp2(self.exponent).astype(grad.dtype),)
