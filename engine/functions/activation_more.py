"""The other activations PyTorch gives their own node: LogSigmoid, Hardswish, Hardsigmoid, Mish, GLU and the
shrinkages (Softshrink, Hardshrink). The rest of ``nn``'s activations are compositions PyTorch records as
such (Softsign, Tanhshrink, Softmin) or other nodes' forms (SELU and CELU: ELU's; ReLU6: Hardtanh's)."""

from __future__ import annotations

import numpy as np

from engine.function import Function


def _softplus(a: np.ndarray) -> np.ndarray:
    """log(1 + eˣ) without overflow, in ``a``'s type."""
    return np.logaddexp(a.dtype.type(0), a)


class LogSigmoidBackward0(Function):
    symbol, rule = "logsigmoid", "∂log σ(x)/∂x = σ(-x) = 1 - σ(x)"
    saves_inputs = (0,)

    def forward(self, a):
        return -_softplus(-a)

    def backward(self, grad):
        (a,) = self.saved_data()
        return ((grad / (1 + np.exp(a))).astype(grad.dtype),)  # σ(-x); e^x = inf gives 0, as it should


class HardswishBackward0(Function):
    symbol, rule = "hardswish", "∂(x·relu6(x+3)/6)/∂x = 0 up to -3, x/3 + ½ between, 1 from 3 on"
    saves_inputs = (0,)

    def forward(self, a):
        kind = a.dtype.type
        return (a * np.clip(a + kind(3), 0, 6) / kind(6)).astype(a.dtype, copy=False)

    def backward(self, grad):
        (a,) = self.saved_data()
        kind = a.dtype.type
        middle = grad * (a / kind(3) + kind(0.5))
        return (np.where(a <= -3, 0, np.where(a < 3, middle, grad)).astype(grad.dtype),)


class HardsigmoidBackward0(Function):
    symbol, rule = "hardsigmoid", "∂(relu6(x+3)/6)/∂x = 1/6 strictly between -3 and 3, 0 outside"
    saves_inputs = (0,)

    def forward(self, a):
        kind = a.dtype.type
        return (np.clip(a + kind(3), 0, 6) / kind(6)).astype(a.dtype, copy=False)

    def backward(self, grad):
        (a,) = self.saved_data()
        return (np.where((a > -3) & (a < 3), grad / grad.dtype.type(6), 0).astype(grad.dtype),)


class MishBackward0(Function):
    symbol, rule = "mish", "∂(x·tanh(softplus x))/∂x = tanh(sp) + x·σ(x)·(1 - tanh²(sp))"
    saves_inputs = (0,)

    def forward(self, a):
        return (a * np.tanh(_softplus(a))).astype(a.dtype, copy=False)

    def backward(self, grad):
        (a,) = self.saved_data()
        tanh = np.tanh(_softplus(a))
        sigmoid = 1 / (1 + np.exp(-a))
        return ((grad * (tanh + a * sigmoid * (1 - tanh * tanh))).astype(grad.dtype),)


class _Shrink(Function):
    """What both shrinkages share: the gradient passes where |x| > λ, nothing inside."""

    saves_inputs = (0,)
    rule = "∂/∂x = 1 where |x| > λ, 0 inside"

    def backward(self, grad):
        (a,) = self.saved_data()
        return (np.where(np.abs(a) > self.lambd, grad, 0).astype(grad.dtype),)


class SoftshrinkBackward0(_Shrink):
    symbol = "softshrink"

    def forward(self, a, lambd=0.5):
        self.lambd = lambd
        shrunk = a - np.sign(a).astype(a.dtype) * a.dtype.type(lambd)
        return np.where(np.abs(a) > lambd, shrunk, a * 0).astype(a.dtype, copy=False)  # -0.0 stays -0.0


class HardshrinkBackward0(_Shrink):
    symbol = "hardshrink"

    def forward(self, a, lambd=0.5):
        self.lambd = lambd
        return np.where(np.abs(a) > lambd, a, 0).astype(a.dtype, copy=False)


class GluBackward0(Function):
    """The gated linear unit: the first half of ``dim`` times the sigmoid of the second half."""

    symbol, rule = "glu", "∂(a·σ(b))/∂a = σ(b);  ∂(a·σ(b))/∂b = a·σ(b)·(1 - σ(b))"
    saves_inputs = (0,)

    def forward(self, a, dim=-1):
        self.axis = dim % a.ndim
        first, second = np.split(a, 2, axis=self.axis)
        return first / (1 + np.exp(-second))

    def backward(self, grad):
        (a,) = self.saved_data()
        first, second = np.split(a, 2, axis=self.axis)
        gate = 1 / (1 + np.exp(-second))
        return (np.concatenate([grad * gate, grad * first * gate * (1 - gate)], axis=self.axis),)
