"""More activations: GELU (exact and tanh-approximated), ELU and Hardtanh, each its own PyTorch node."""

from __future__ import annotations

import math

import numpy as np

from engine.function import Function

_SQRT_2_OVER_PI = math.sqrt(2 / math.pi)
_CUBIC = 0.044715  # the tanh approximation's cubic coefficient
ERF_LIMIT = 6.0  # float64's erf(x) is ±1 beyond this (erfc(6) ≈ 2e-17)
ERF_TERMS = 180  # enough series terms at |x| = ERF_LIMIT (error ~2e-15 against math.erf)


def _erf(x: np.ndarray) -> np.ndarray:
    """erf in float64 (numpy has none): 2/√π·e^(-x²)·Σ (2x²)ⁿ·x/(1·3···(2n+1)), a series of positive terms."""
    x = np.clip(np.asarray(x, dtype=np.float64), -ERF_LIMIT, ERF_LIMIT)
    square = x * x
    term, total = x, x
    for n in range(1, ERF_TERMS):
        term = term * (2 * square / (2 * n + 1))
        total = total + term
        if n % 16 == 0 and np.all(np.abs(term) <= 1e-17 * np.abs(total)):  # the rest add nothing
            break
    series = np.clip(2 / math.sqrt(math.pi) * np.exp(-square) * total, -1.0, 1.0)
    return np.where(np.abs(x) >= ERF_LIMIT, np.sign(x), series)  # exactly ±1 out there, as float64's erf


def _cdf(a: np.ndarray) -> np.ndarray:
    """Φ(x) = (1 + erf(x/√2))/2 in x's own dtype, as PyTorch computes it (float32 rounds Φ(-5) to 2⁻²²)."""
    scaled = a * a.dtype.type(math.sqrt(0.5))
    return a.dtype.type(0.5) * (1 + _erf(scaled).astype(a.dtype, copy=False))


class GeluBackward0(Function):
    symbol, rule = "gelu", "∂(x·Φ(x))/∂x = Φ(x) + x·φ(x)"
    saves_inputs = (0,)

    def forward(self, a, approximate="none"):
        self.approximate = approximate
        if approximate == "tanh":
            inner = _SQRT_2_OVER_PI * (a + _CUBIC * a**3)
            return (0.5 * a * (1 + np.tanh(inner))).astype(a.dtype, copy=False)
        with np.errstate(invalid="ignore"):  # -inf·0 is nan, silently, as in PyTorch
            return (a * _cdf(a)).astype(a.dtype, copy=False)

    def backward(self, grad):
        (a,) = self.saved_data()
        if self.approximate == "tanh":
            tanh = np.tanh(_SQRT_2_OVER_PI * (a + _CUBIC * a**3))
            slope = 0.5 * (1 + tanh) + 0.5 * a * (1 - tanh**2) * _SQRT_2_OVER_PI * (1 + 3 * _CUBIC * a**2)
        else:
            density = np.exp(-0.5 * np.square(a, dtype=np.float64)) / math.sqrt(2 * math.pi)
            slope = _cdf(a) + a * density
        return ((grad * slope).astype(grad.dtype, copy=False),)


class EluBackward0(Function):
    """ELU, and SELU as PyTorch records it: ``scale·x`` above 0, ``scale·α·(e^(input_scale·x) - 1)`` below."""

    symbol, rule = "elu", "∂elu/∂x = 1 for x > 0, α·eˣ otherwise"
    saves_inputs = (0,)

    def forward(self, a, alpha=1.0, scale=1.0, input_scale=1.0):
        self.alpha, self.scale, self.input_scale = alpha, scale, input_scale
        kind = a.dtype.type
        below = np.expm1(np.minimum(a, 0) * kind(input_scale))  # min: no eˣ of a large positive x
        if scale == 1.0:
            return np.where(a > 0, a, alpha * below).astype(a.dtype, copy=False)
        return np.where(a > 0, a * kind(scale), below * kind(alpha * scale)).astype(a.dtype, copy=False)

    def backward(self, grad):
        (a,) = self.saved_data()
        below = self.alpha * self.scale * self.input_scale * np.exp(np.minimum(a, 0) * self.input_scale)
        return (np.where(a > 0, grad * self.scale, grad * below).astype(grad.dtype),)


class CeluBackward0(EluBackward0):
    """CELU: ELU whose exponent is scaled by 1/α, so that its slope is 1 at 0 from both sides."""

    symbol = "celu"


class HardtanhBackward0(Function):
    symbol, rule = "hardtanh", "∂clamp(x, lo, hi)/∂x = 1 strictly inside (lo, hi), 0 outside"
    saves_inputs = (0,)

    def forward(self, a, min_val=-1.0, max_val=1.0):
        self.low, self.high = min_val, max_val
        return np.clip(a, min_val, max_val).astype(a.dtype, copy=False)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (np.where((a > self.low) & (a < self.high), grad, 0).astype(grad.dtype),)
