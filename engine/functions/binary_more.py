"""Nodes of two-input element-wise functions: hypot, logaddexp (base e and 2), xlogy, copysign, fmax/fmin,
ldexp and nextafter.

Inputs arrive promoted to one dtype and broadcast by numpy; the engine sums gradients back to each input's
shape. At special points the gradients are PyTorch's: hypot's at the origin is NaN, xlogy's first one is 0
where x = 0 and y ≤ 0, and fmax/fmin send the gradient to the operand they picked (the first on a tie).
"""

from __future__ import annotations

import math

import numpy as np

from engine.function import Function


def _quiet() -> np.errstate:
    """Out-of-domain values are NaN or ±inf silently, as in PyTorch."""
    return np.errstate(divide="ignore", invalid="ignore", over="ignore")


class HypotBackward0(Function):
    symbol, rule = "hypot", "∂√(a² + b²)/∂a = a/√(a² + b²), ∂/∂b = b/√(a² + b²)"
    saves_inputs = (0, 1)
    saves_output = True

    def forward(self, a, b):
        return np.hypot(a, b)

    def backward(self, grad):
        a, b, out = self.saved_data()
        with _quiet():
            return grad * a / out, grad * b / out


class LogaddexpBackward0(Function):
    symbol, rule = "logaddexp", "∂ln(eᵃ + eᵇ)/∂a = 1/(1 + e^(b-a))"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return np.logaddexp(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        with _quiet():  # equal infinities: e^(b-a) is NaN, and so is the gradient, as in PyTorch
            return grad / (1 + np.exp(b - a)), grad / (1 + np.exp(a - b))


class Logaddexp2Backward0(Function):
    symbol, rule = "logaddexp2", "∂log₂(2ᵃ + 2ᵇ)/∂a = 1/(1 + 2^(b-a))"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return np.logaddexp2(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        with _quiet():
            return grad / (1 + np.exp2(b - a)), grad / (1 + np.exp2(a - b))


def xlogy(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """x·ln y, and 0 where x is 0 (unless y is NaN)."""
    with _quiet():
        return np.where((x == 0) & ~np.isnan(y), np.zeros((), np.result_type(x, y)), x * np.log(y))


class XlogyBackward0(Function):
    """``xlogy`` of two tensors (Backward1: a number times the log of a tensor; Backward2: the reverse)."""

    symbol, rule = "xlogy", "∂(x·ln y)/∂x = ln y (0 where x = 0, y ≤ 0), ∂/∂y = x/y"
    saves_inputs = (0, 1)

    def forward(self, x, y):
        return xlogy(x, y)

    def backward(self, grad):
        x, y = self.saved_data()
        with _quiet():
            grad_x = None
            if self.needs_grad(0):
                grad_x = grad * np.where((x == 0) & (y <= 0), np.zeros((), grad.dtype), np.log(y))
            return grad_x, (grad * x / y if self.needs_grad(1) else None)


class XlogyBackward1(XlogyBackward0):
    """``xlogy(number, y)``: one edge, to y."""

    saves_inputs = (0,)

    def forward(self, y, x=1.0):
        self.x = x
        return xlogy(np.asarray(x, y.dtype), y)

    def backward(self, grad):
        (y,) = self.saved_data()
        with _quiet():
            return (grad * y.dtype.type(self.x) / y,)


class XlogyBackward2(XlogyBackward0):
    """``xlogy(x, number)``: one edge, to x."""

    saves_inputs = (0,)

    def forward(self, x, y=1.0):
        self.y = x.dtype.type(y)
        return xlogy(x, self.y)

    def backward(self, grad):
        (x,) = self.saved_data()
        with _quiet():
            return (grad * np.where((x == 0) & (self.y <= 0), np.zeros((), grad.dtype), np.log(self.y)),)


class CopysignBackward0(Function):
    """|a| with b's sign; b's gradient is 0 (zeros, not None, as PyTorch returns)."""

    symbol, rule = "copysign", "∂copysign(a, b)/∂a = copysign(a, b)/a (0 at a = 0), ∂/∂b = 0"
    saves_inputs = (0,)
    saves_output = True

    def forward(self, a, b):
        self.other_shape = np.shape(b)  # b's gradient is zeros of its shape: b itself is not kept
        return np.copysign(a, b)

    def backward(self, grad):
        a, out = self.saved_data()
        with _quiet():
            grad_a = grad * np.where(a == 0, np.zeros((), grad.dtype), out / a)
        return grad_a, np.zeros(self.other_shape, grad.dtype)


class CopysignBackward1(Function):
    """``copysign(a, number)``."""

    symbol, rule = "copysign", "∂copysign(a, s)/∂a = copysign(a, s)/a (0 at a = 0)"
    saves_inputs = (0,)
    saves_output = True

    def forward(self, a, sign=1.0):
        return np.copysign(a, a.dtype.type(sign))

    def backward(self, grad):
        a, out = self.saved_data()
        with _quiet():
            return (grad * np.where(a == 0, np.zeros((), grad.dtype), out / a),)


class FmaxBackward0(Function):
    """The larger of a and b, ignoring a NaN (NaN only where both are)."""

    symbol, rule = "fmax", "∂/∂a = 1 where a ≥ b or b is NaN, else ∂/∂b = 1"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return np.fmax(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        to_a = (a >= b) | np.isnan(b)
        zero = np.zeros((), grad.dtype)
        return np.where(to_a, grad, zero), np.where(to_a, zero, grad)


class FminBackward0(Function):
    symbol, rule = "fmin", "∂/∂a = 1 where a ≤ b or b is NaN, else ∂/∂b = 1"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return np.fmin(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        to_a = (a <= b) | np.isnan(b)
        zero = np.zeros((), grad.dtype)
        return np.where(to_a, grad, zero), np.where(to_a, zero, grad)


class LdexpBackward0(Function):
    """x·2ⁿ; an integer n (no gradient) or a floating one."""

    symbol, rule = "ldexp", "∂(x·2ⁿ)/∂x = 2ⁿ, ∂/∂n = x·2ⁿ·ln 2"
    saves_inputs = (0, 1)

    def forward(self, a, exponent, exponent_kind=None):
        self.exponent_kind = exponent_kind
        with _quiet():
            return a * np.exp2(exponent).astype(a.dtype)

    def backward(self, grad):
        a, exponent = self.saved_data()
        with _quiet():
            scale = np.exp2(exponent).astype(grad.dtype)
            grad_a = grad * self._integer_power(exponent, scale) if self.needs_grad(0) else None
            grad_exponent = grad * a * scale * math.log(2.0) if self.needs_grad(1) else None
        return grad_a, grad_exponent

    def _integer_power(self, exponent: np.ndarray, scale: np.ndarray) -> np.ndarray:
        """2ⁿ as PyTorch's backward computes it for an integer n: in that integer type, so 0 for n < 0 and
        wrapped around beyond its width."""
        kind = self.exponent_kind
        if kind is None or kind.kind not in "iu":
            return scale
        bits = kind.itemsize * 8
        steps = exponent.astype(np.int64)
        inside = (steps >= 0) & (steps < bits)
        power = np.left_shift(np.int64(1), np.clip(steps, 0, bits - 1)).astype(kind)  # 2^(bits-1) wraps
        return np.where(inside, power, 0).astype(scale.dtype)


class NextafterBackward0(Function):
    """The next representable number after a towards b (a itself where they are equal)."""

    symbol, rule = "nextafter", "∂/∂a = 1 (0 where a = b), ∂/∂b = 0"
    saves_inputs = (0, 1)

    def forward(self, a, b):
        return np.nextafter(a, b)

    def backward(self, grad):
        a, b = self.saved_data()
        return np.where(a == b, np.zeros((), grad.dtype), grad), np.zeros(np.shape(b), grad.dtype)
