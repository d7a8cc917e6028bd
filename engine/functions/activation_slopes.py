"""Leaky ReLUs whose negative slope is a parameter (PReLU: learned, one per channel) or drawn at random in
training (RReLU), with the nodes PyTorch records for them."""

from __future__ import annotations

import numpy as np

from engine.function import Function


class PreluKernelBackward0(Function):
    """x where x > 0, w·x elsewhere; ``w`` arrives shaped to broadcast along the channels (dim 1)."""

    symbol, rule = "prelu", "∂/∂x = 1 if x > 0 else w;  ∂/∂w = 0 if x > 0 else x"
    saves_inputs = (0, 1)

    def forward(self, a, weight):
        return np.where(a > 0, a, a * weight).astype(a.dtype, copy=False)

    def backward(self, grad):
        a, weight = self.saved_data()
        positive = a > 0
        grad_a = np.where(positive, grad, grad * weight) if self.needs_grad(0) else None
        grad_weight = np.where(positive, 0, a * grad).astype(grad.dtype) if self.needs_grad(1) else None
        return grad_a, grad_weight  # the weight's broadcast is summed back to its shape centrally


class RreluWithNoiseBackward0(Function):
    """x·noise, where noise is 1 for x > 0 and the negative elements' slope: drawn from U(lower, upper) for
    each element in training, their mean (lower + upper)/2 otherwise."""

    symbol, rule = "rrelu", "∂/∂x = 1 if x > 0 else the slope that element was given"

    def forward(self, a, noise=None):
        self.noise = noise
        return a * noise

    def backward(self, grad):
        return (grad * self.noise,)


class RreluWithNoiseBackward1(RreluWithNoiseBackward0):
    """``rrelu`` in place (functions/in_place_names.py)."""
