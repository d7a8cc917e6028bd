"""Powers and reciprocals: tensor to a number, tensor to a tensor, number to a tensor, and 1/x."""

from __future__ import annotations

import math

import numpy as np

from engine.function import Function


class ReciprocalBackward0(Function):
    symbol, rule = "1/x", "∂(1/x)/∂x = -1/x²"
    saves_output = True

    def forward(self, a):
        return 1 / a

    def backward(self, grad):
        (out,) = self.saved_data()
        return (-grad * out * out,)


class PowBackward0(Function):
    """Tensor to a constant power."""

    symbol, rule = "**", "∂(xⁿ)/∂x = n·xⁿ⁻¹"
    saves_inputs = (0,)

    def forward(self, a, exponent):
        self.exponent = exponent
        if exponent == 2:  # speed: numpy computes a**2 as a*a, which can neither divide nor be invalid
            return a * a
        with np.errstate(divide="ignore", invalid="ignore"):  # (-1)**0.5 is nan, 0**-1 inf, silently
            return a**exponent

    def backward(self, grad):
        (a,) = self.saved_data()
        n = self.exponent
        if n == 2 and type(a) is not np.ndarray and math.isfinite(a) and math.isfinite(grad):
            return (grad * n * a,)  # speed: scalars, a**1 == a, finite: nothing for errstate to silence
        if n == 0:
            return (np.zeros_like(grad),)
        with np.errstate(divide="ignore", invalid="ignore"):
            return (grad * n * a ** (n - 1),)


class PowBackward1(Function):
    """Tensor to a tensor power."""

    symbol, rule = "**", "∂(aᵇ)/∂a = b·aᵇ⁻¹, ∂(aᵇ)/∂b = aᵇ·ln a"
    saves_inputs = (0, 1)
    saves_output = True

    def forward(self, a, b):
        with np.errstate(divide="ignore", invalid="ignore"):
            return a**b

    def backward(self, grad):
        a, b, out = self.saved_data()
        with np.errstate(divide="ignore", invalid="ignore"):
            grad_a = grad * b * a ** (b - 1) if self.needs_grad(0) else None
            grad_b = None
            if self.needs_grad(1):
                # PyTorch: 0 where a == 0 and b >= 0; elsewhere aᵇ·ln a (nan for a < 0, as ln a is)
                grad_b = grad * np.where((a == 0) & (b >= 0), 0, out * np.log(a))
        return grad_a, grad_b


class PowBackward2(Function):
    """A constant to a tensor power."""

    symbol, rule = "**", "∂(cˣ)/∂x = cˣ·ln c"
    saves_output = True

    def forward(self, b, base=1):
        self.base = base
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.power(np.asarray(base, dtype=b.dtype), b)

    def backward(self, grad):
        (out,) = self.saved_data()
        with np.errstate(divide="ignore", invalid="ignore"):
            local = out * np.log(self.base)
            if self.base == 0:  # 0ˣ: PyTorch gives 0 for x ≥ 0 (out is 0 or 1), -inf where out is inf
                local = np.where(np.isinf(out), local, 0)
            return (grad * local,)
