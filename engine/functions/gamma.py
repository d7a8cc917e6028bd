"""The log-gamma function and its first two derivatives (digamma, trigamma) on arrays, which numpy lacks.

Digamma and trigamma follow the textbook route: reflection for small or negative x, the recurrence
ψ(x) = ψ(x + 1) - 1/x up to x ≥ 10 (trigamma: six steps), then the asymptotic series in 1/x². The
values at the poles are PyTorch's: digamma(±0) = ∓inf and NaN at negative integers; lgamma is +inf at
every pole.
"""

from __future__ import annotations

import math

import numpy as np

_lgamma = np.frompyfunc(lambda x: math.inf if x <= 0 and x == math.floor(x) else math.lgamma(x), 1, 1)
_erfc = np.frompyfunc(math.erfc, 1, 1)
# ψ(x) ~ ln x - 1/(2x) - Σ B₂ₖ/(2k·x²ᵏ): the Bernoulli numbers' terms B₂ₖ/(2k), k = 1 ... 7
_DIGAMMA_SERIES = (1 / 12, -1 / 120, 1 / 252, -1 / 240, 1 / 132, -691 / 32760, 1 / 12)
# ψ₁(x) ~ 1/x + 1/(2x²) + Σ B₂ₖ/x²ᵏ⁺¹: B₂, B₄, B₆ after six steps of the recurrence, as PyTorch sums it
# (its float64 values are off by ~1e-9 relative; these are the values it prints)
_TRIGAMMA_SERIES = (1 / 6, -1 / 30, 1 / 42)
_TRIGAMMA_STEPS = 6
_RECURRENCE_UNTIL = 10.0  # digamma's series is accurate to double precision from here on


def lgamma(x: np.ndarray) -> np.ndarray:
    """ln|Γ(x)| in float64 (+inf at 0 and the negative integers)."""
    finite = np.isfinite(x)
    values = np.asarray(_lgamma(np.where(finite, x, 1.0).astype(np.float64)), dtype=np.float64)
    return np.where(finite, values, np.where(np.isnan(x), x, np.inf))


def erfc(x: np.ndarray) -> np.ndarray:
    """1 - erf(x) in float64, without the cancellation of computing it so for large x."""
    return np.asarray(_erfc(np.asarray(x, dtype=np.float64)), dtype=np.float64)


def _series(z: np.ndarray, coefficients: tuple) -> np.ndarray:
    total = np.zeros_like(z)
    for coefficient in reversed(coefficients):
        total = total * z + coefficient
    return total


def digamma(x: np.ndarray) -> np.ndarray:
    """ψ(x) = Γ'(x)/Γ(x) in float64."""
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        negative = x < 0
        fraction = x - np.trunc(x)  # π/tan(π·x) from the fraction alone keeps its precision
        reflection = np.where(negative, np.pi / np.tan(np.pi * fraction), 0.0)
        y = np.where(negative, 1 - x, x)
        result = np.zeros_like(y)
        for _ in range(int(_RECURRENCE_UNTIL)):
            small = y < _RECURRENCE_UNTIL
            result = result - np.where(small, 1 / y, 0.0)
            y = np.where(small, y + 1, y)
        z = 1 / (y * y)
        result = result + np.log(y) - 0.5 / y - z * _series(z, _DIGAMMA_SERIES)
        result = np.where(negative, result - reflection, result)
        result = np.where(negative & (x == np.trunc(x)), np.nan, result)  # poles; -inf too
        return np.where(x == 0, np.copysign(np.inf, -x), result)


def trigamma(x: np.ndarray) -> np.ndarray:
    """ψ₁(x), digamma's derivative, in x's float dtype's precision for the reflection's sine, as PyTorch
    computes it (so near a pole the value is as large as that sine is small, not infinite)."""
    kind = x.dtype.type if x.dtype.kind == "f" else np.float64
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        sine = np.sin(kind(np.pi) * x).astype(np.float64)
        wide = np.asarray(x, dtype=np.float64)
        reflect = wide < 0.5
        result = np.where(reflect, -(np.pi * np.pi) / (sine * sine), 0.0)
        y = np.where(reflect, 1 - wide, wide)
        for _ in range(_TRIGAMMA_STEPS):
            result = result + 1 / (y * y)
            y = y + 1
        z = 1 / (y * y)
        result = result + (1 + 0.5 / y + z * _series(z, _TRIGAMMA_SERIES)) / y
        return np.where(reflect, -result, result)
